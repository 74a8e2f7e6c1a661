// printf-style formatting of one number into a std::string (reasons, reports, tables).
#pragma once
#include <charconv>
#include <cstdio>
#include <string>
#include <system_error>

namespace parkatlas {

inline std::string format_number(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

// printf("%.*f", decimals, value) without printf's cost: std::to_chars rounds the same way
// (correctly), and reasons for a million parcels print several numbers each.
inline std::string fixed_number(double value, int decimals) {
  char buf[400];  // the longest fixed double (1.8e308 has 309 digits) plus decimals
  auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
  return r.ec == std::errc() ? std::string(buf, r.ptr) : format_number("%f", value);
}

}  // namespace parkatlas
