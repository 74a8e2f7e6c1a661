// What the verbs share: evaluation date and rule-set resolution, error printing.
#pragma once
#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "core/civil_date.hpp"
#include "core/rule_set.hpp"
#include "gis/config/project_config.hpp"
#include "gis/project/project_file.hpp"

namespace parkatlas {

CivilDate today();
// --as-of (already validated) > the config's as_of > today.
CivilDate resolve_as_of(const std::string& cli_as_of, const ProjectConfig& config);
// --rules > the config's rules (default jiangxi-2014).
RuleSet resolve_rules(const std::string& cli_rules, const ProjectConfig& config);
// CLI11 validator for YYYY-MM-DD.
std::string validate_iso_date(const std::string& text);

// Ends the process with `code` once the standard streams are flushed, without destroying what is
// still alive: a finished run's analysis (RunOptions::keep_analysis) is a province's million
// geometries, which the system takes back at once but the destructors would free one by one.
// Only for a verb whose outputs are all committed and closed.
[[noreturn]] void exit_leaving_memory_to_the_system(int code);

// The options of the verbs that analyse a project file as a new run (analyze, evaluate):
// the project, --as-of, --rules and -q.
struct ProjectRunArgs {
  std::string project, as_of, rules;
  bool quiet = false;
  AnalyzeOptions options() const;  // as_of and rules filled in
};
void add_project_run_options(CLI::App& cmd, ProjectRunArgs& args);

}  // namespace parkatlas
