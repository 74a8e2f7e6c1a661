// What the verbs share: evaluation date and rule-set resolution, error printing.
#pragma once
#include <optional>
#include <string>

#include "core/civil_date.hpp"
#include "core/rule_set.hpp"
#include "gis/config/project_config.hpp"

namespace parkatlas {

CivilDate today();
// --as-of (already validated) > the config's as_of > today.
CivilDate resolve_as_of(const std::string& cli_as_of, const ProjectConfig& config);
// --rules > the config's rules (default jiangxi-2014).
RuleSet resolve_rules(const std::string& cli_rules, const ProjectConfig& config);
// CLI11 validator for YYYY-MM-DD.
std::string validate_iso_date(const std::string& text);

}  // namespace parkatlas
