// Shared pieces of the CLI verbs.
#include "app/command_common.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "gis/config/rule_set_file.hpp"

namespace parkatlas {

CivilDate today() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return from_sys_days(now);
}

void exit_leaving_memory_to_the_system(int code) {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(code);
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

AnalyzeOptions ProjectRunArgs::options() const {
  AnalyzeOptions o;
  if (!as_of.empty()) o.as_of = parse_iso_date(as_of);
  o.rules = rules;
  return o;
}

void add_project_run_options(CLI::App& cmd, ProjectRunArgs& args) {
  cmd.add_option("project", args.project, "project file made by parkatlas init")
      ->required()
      ->check(CLI::ExistingFile);
  cmd.add_option("--as-of", args.as_of,
                 "evaluation date YYYY-MM-DD (default: the config's as_of, else today)")
      ->check(CLI::Validator(validate_iso_date, "YYYY-MM-DD"));
  cmd.add_option("--rules", args.rules,
                 "rule set name or file (default: the one stored at import)");
  cmd.add_flag("-q,--quiet", args.quiet, "no progress on stderr");
}

}  // namespace parkatlas
