// Digestion period arithmetic (domain.md §4.2, recommended form).
#include "core/digestion.hpp"

namespace parkatlas {

bool in_digestion_window(const CivilDate& date, const CivilDate& as_of, const DigestionRules& r) {
  return date <= as_of && add_years(as_of, -r.window_years) < date;
}

Digestion digestion_period(const DigestionInputs& in, const DigestionRules& r) {
  Digestion d;
  d.stock_m2 = in.unsupplied_m2 + in.unused_m2;
  double digested = 0;
  if (r.count_supply) digested += in.supplied_in_window_m2;
  if (r.count_start) digested += in.started_in_window_m2;
  d.per_year_m2 = r.window_years > 0 ? digested / r.window_years : 0;
  if (d.per_year_m2 > 0) {
    d.years = d.stock_m2 / d.per_year_m2;
    d.meets_target = *d.years <= r.target_years;
  } else if (d.stock_m2 > 0) {
    d.meets_target = false;  // a stock that nothing digests never clears
  }
  return d;
}

}  // namespace parkatlas
