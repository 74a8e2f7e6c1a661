// Look-ups into a rule set's tables.
#include "core/rule_set.hpp"

#include "core/field_value.hpp"

namespace parkatlas {

std::optional<double> far_min_for_industry(const RuleSet& rules, const std::string& industry) {
  std::string code = trim(industry);
  std::optional<double> best;
  size_t best_len = 0;
  for (const auto& [prefix, far] : rules.far_by_industry) {
    if (prefix.size() > best_len && code.compare(0, prefix.size(), prefix) == 0) {
      best = far;
      best_len = prefix.size();
    }
  }
  return best;
}

}  // namespace parkatlas
