// Calendar arithmetic on CivilDate via std::chrono.
#include "core/civil_date.hpp"

#include <charconv>
#include <cstdio>

namespace parkatlas {

namespace {
std::chrono::year_month_day to_ymd(const CivilDate& d) {
  return std::chrono::year_month_day{std::chrono::year{d.year}, std::chrono::month{d.month},
                                     std::chrono::day{d.day}};
}

bool parse_digits(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && ptr == s.data() + s.size();
}
}  // namespace

bool is_valid(const CivilDate& d) {
  return to_ymd(d).ok();
}

std::optional<CivilDate> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!parse_digits(text.substr(0, 4), y) || !parse_digits(text.substr(5, 2), m) ||
      !parse_digits(text.substr(8, 2), d))
    return std::nullopt;
  CivilDate date{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
  if (!is_valid(date)) return std::nullopt;
  return date;
}

std::string to_iso(const CivilDate& d) {
  // Digits by hand: snprintf showed in profiles of million-row outputs.
  if (d.year < 0 || d.year > 9999 || d.month > 99 || d.day > 99) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
    return buf;
  }
  const auto y = static_cast<unsigned>(d.year);
  const char text[10] = {static_cast<char>('0' + y / 1000),
                         static_cast<char>('0' + y / 100 % 10),
                         static_cast<char>('0' + y / 10 % 10),
                         static_cast<char>('0' + y % 10),
                         '-',
                         static_cast<char>('0' + d.month / 10),
                         static_cast<char>('0' + d.month % 10),
                         '-',
                         static_cast<char>('0' + d.day / 10),
                         static_cast<char>('0' + d.day % 10)};
  return std::string(text, 10);
}

std::chrono::sys_days to_sys_days(const CivilDate& d) {
  return std::chrono::sys_days{to_ymd(d)};
}

CivilDate from_sys_days(std::chrono::sys_days days) {
  std::chrono::year_month_day ymd{days};
  return CivilDate{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                   static_cast<unsigned>(ymd.day())};
}

long days_between(const CivilDate& from, const CivilDate& to) {
  return static_cast<long>((to_sys_days(to) - to_sys_days(from)).count());
}

CivilDate add_years(const CivilDate& d, int years) {
  CivilDate r{d.year + years, d.month, d.day};
  if (!is_valid(r)) r.day = 28;  // only 29 Feb can fail: its anniversary is 28 Feb
  return r;
}

int whole_years_between(const CivilDate& from, const CivilDate& to) {
  if (to < from) return 0;
  int years = to.year - from.year;
  while (years > 0 && to < add_years(from, years)) --years;
  return years;
}

}  // namespace parkatlas
