// The 低效用地 section of a rule set (domain.md §4.3); kept apart from the test itself so the
// rule set can hold it without depending on verdicts.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace parkatlas {

struct LowEfficiencyRules {
  bool enabled = false;
  bool below_far = true;               // below the rule set's FAR floor (the verdict's)
  bool below_inv = true;               // below the investment floor
  std::optional<double> coverage_min;  // 建筑系数 floor, a fraction (2008 control value: 0.30)
  std::optional<double> tax_min_mu;    // 亩均税收 floor, 万元/亩 (local; no national figure)
  std::vector<std::string> out_of_production;  // op_status values meaning 停产
  // Started but not yet due for completion: a plant being built has a low FAR on its way up.
  bool skip_under_construction = true;
};

}  // namespace parkatlas
