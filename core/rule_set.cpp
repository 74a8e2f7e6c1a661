// Look-ups into a rule set's tables.
#include "core/rule_set.hpp"

#include "core/field_value.hpp"

namespace parkatlas {

std::optional<double> far_min_for_industry(const RuleSet& rules, std::string_view industry) {
  const std::string_view code = trim_view(industry);
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
