// Calendar dates (no time zone) for evaluation dates and the dates land records carry.
// Arithmetic goes through std::chrono's calendar types, so it is exact by construction.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace parkatlas {

struct CivilDate {
  int year = 1970;
  unsigned month = 1;
  unsigned day = 1;

  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// Strict ISO "YYYY-MM-DD"; nullopt for anything else or an impossible day (2019-02-30).
std::optional<CivilDate> parse_iso_date(std::string_view text);
std::string to_iso(const CivilDate& d);
bool is_valid(const CivilDate& d);

std::chrono::sys_days to_sys_days(const CivilDate& d);
CivilDate from_sys_days(std::chrono::sys_days days);

// Signed number of days from `from` to `to`.
long days_between(const CivilDate& from, const CivilDate& to);

// The n-th anniversary of `d`; the anniversary of 29 February is 28 February in a common year.
CivilDate add_years(const CivilDate& d, int years);

// Whole years completed from `from` to `to` (0 if `to` is before the first anniversary).
int whole_years_between(const CivilDate& from, const CivilDate& to);

}  // namespace parkatlas
