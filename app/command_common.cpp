// Shared pieces of the CLI verbs.
#include "app/command_common.hpp"

#include <chrono>

#include "gis/config/rule_set_file.hpp"

namespace parkatlas {

CivilDate today() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return from_sys_days(now);
}

CivilDate resolve_as_of(const std::string& cli_as_of, const ProjectConfig& config) {
  if (!cli_as_of.empty()) return *parse_iso_date(cli_as_of);
  if (config.as_of) return *config.as_of;
  return today();
}

RuleSet resolve_rules(const std::string& cli_rules, const ProjectConfig& config) {
  return load_rule_set(cli_rules.empty() ? config.rules : cli_rules);
}

std::string validate_iso_date(const std::string& text) {
  if (parse_iso_date(text)) return {};
  return "'" + text + "' is not a date YYYY-MM-DD";
}

}  // namespace parkatlas
