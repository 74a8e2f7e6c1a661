// 城镇低效用地 (low-efficiency land), domain.md §4.3: there is no national numeric threshold, so
// detection is a rule-set section. An industrial parcel in use is low-efficiency when any enabled
// test fails; every test that failed is named, so the bureau sees why.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/indicators.hpp"
#include "core/low_efficiency_rules.hpp"
#include "core/verdict.hpp"

namespace parkatlas {

struct LowEfficiencyInputs {
  const Indicators* ind = nullptr;
  const Judgement* judgement = nullptr;
  std::optional<std::string> op_status;  // 生产状态 as given
  bool under_construction = false;
};

// Every reason that applies, in words ("FAR 0.84 < 1.2"); empty = not low-efficiency.
std::vector<std::string> low_efficiency_reasons(const LowEfficiencyInputs& in,
                                                const LowEfficiencyRules& rules);

// The reasons joined with "; ".
std::string join_reasons(const std::vector<std::string>& reasons);

}  // namespace parkatlas
