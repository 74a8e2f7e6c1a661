// 批而未用土地消化周期 (digestion period of approved-but-unused land), domain.md §4.2: the stock
// of 批而未用 (批而未供 + 供而未用) divided by the average yearly digestion (new supply + start of
// construction) over the last N years. Jiangxi's target is 3 years or less (domain.md §0).
#pragma once
#include <optional>

#include "core/civil_date.hpp"

namespace parkatlas {

struct DigestionRules {
  int window_years = 3;       // N: the years whose digestion is averaged
  double target_years = 3.0;  // Jiangxi 2019 节地增效: 消化周期 within 3 years
  bool count_supply = true;   // 消化 includes new supply …
  bool count_start = true;    // … and start of construction
};

// True when `date` lies in the window (as_of − N years, as_of].
bool in_digestion_window(const CivilDate& date, const CivilDate& as_of, const DigestionRules& r);

struct DigestionInputs {
  double unsupplied_m2 = 0;  // 批而未供 at the evaluation date
  double unused_m2 = 0;      // 供而未用: supplied, not started at the evaluation date
  double supplied_in_window_m2 = 0;
  double started_in_window_m2 = 0;
};

struct Digestion {
  double stock_m2 = 0;               // 批而未用
  double per_year_m2 = 0;            // average yearly digestion over the window
  std::optional<double> years;       // stock / per year; empty when nothing was digested
  std::optional<bool> meets_target;  // years ≤ target; empty when there is no stock and no
                                     // digestion (nothing to judge)
};

Digestion digestion_period(const DigestionInputs& in, const DigestionRules& rules);

}  // namespace parkatlas
