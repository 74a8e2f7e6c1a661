// The parkatlas command line: verbs run, check, rules.
#include <CLI/CLI.hpp>
#include <clocale>
#include <iostream>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/heap_arena.hpp"

int main(int argc, char** argv) {
  parkatlas::set_up_heap();
  std::setlocale(LC_ALL, "C.UTF-8");
  CLI::App app{
      "ParkAtlas: land-use intensity of industrial parks (FAR, investment per mu, verdicts)\n\n"
      "Exit codes: 0 finished (data problems are listed in the results), 1 the inputs, config or\n"
      "rule set stopped the run, 2 wrong command line."};
  app.set_version_flag("--version", "parkatlas 0.1.0");
  app.require_subcommand(1);
  auto run = parkatlas::setup_run_command(app);
  auto idle = parkatlas::setup_idle_command(app);
  auto check = parkatlas::setup_check_command(app);
  auto init = parkatlas::setup_init_command(app);
  auto analyze = parkatlas::setup_analyze_command(app);
  auto evaluate = parkatlas::setup_evaluate_command(app);
  auto export_layer = parkatlas::setup_export_command(app);
  auto redistrict = parkatlas::setup_redistrict_command(app);
  auto rules = parkatlas::setup_rules_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? parkatlas::kExitOk : parkatlas::kExitUsage;
  }
  if (app.got_subcommand("run")) return run();
  if (app.got_subcommand("idle")) return idle();
  if (app.got_subcommand("check")) return check();
  if (app.got_subcommand("init")) return init();
  if (app.got_subcommand("analyze")) return analyze();
  if (app.got_subcommand("evaluate")) return evaluate();
  if (app.got_subcommand("export")) return export_layer();
  if (app.got_subcommand("redistrict")) return redistrict();
  if (app.got_subcommand("rules")) return rules();
  return parkatlas::kExitUsage;
}
