// printf-style formatting of one number into a std::string (reasons, reports, tables).
#pragma once
#include <cstdio>
#include <string>

namespace parkatlas {

inline std::string format_number(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

}  // namespace parkatlas
