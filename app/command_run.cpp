// `parkatlas run`: the one-shot analysis of a project config into an output folder.
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/command_common.hpp"
#include "app/commands.hpp"
#include "app/console_progress.hpp"
#include "app/exit_codes.hpp"
#include "app/run_reporting.hpp"
#include "gis/analysis/run_analysis.hpp"
#include "gis/gis_error.hpp"

namespace parkatlas {

std::function<int()> setup_run_command(CLI::App& app) {
  struct Args {
    std::string config, out, as_of, rules;
    bool json = false, no_buildings = false, buildings = false, no_index = false, quiet = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd =
      app.add_subcommand("run",
                         "Analyse a project: per-parcel indicators and verdicts, park roll-up; "
                         "writes DIR/results.gpkg and DIR/parcels.csv");
  cmd->add_option("-c,--config", args->config, "project config (parkatlas.toml)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--out", args->out, "output folder (created if missing)")->required();
  cmd->add_option("--as-of", args->as_of,
                  "evaluation date YYYY-MM-DD (default: the config's as_of, else today)")
      ->check(CLI::Validator(validate_iso_date, "YYYY-MM-DD"));
  cmd->add_option("--rules", args->rules,
                  "rule set name (jiangxi-2014, national-2008) or path to a rule file");
  cmd->add_flag("--json", args->json,
                "print a machine-readable summary (JSON) instead of the text summary");
  auto* no_buildings =
      cmd->add_flag("--no-buildings-layer", args->no_buildings,
                    "do not copy the buildings into results.gpkg (they are still used for FAR)");
  cmd->add_flag("--buildings-layer", args->buildings,
                "copy the buildings into results.gpkg however many there are (by default a "
                "source of more than 500,000 is left out: it doubles a province's run time)")
      ->excludes(no_buildings);
  cmd->add_flag("--no-spatial-index", args->no_index,
                "write results.gpkg without R-tree indexes (faster for millions of parcels; "
                "QGIS then offers to build one)");
  cmd->add_flag("-q,--quiet", args->quiet, "no progress on stderr");
  return [args]() -> int {
    try {
      ProjectConfig config = load_project_config(args->config);
      RuleSet rules = resolve_rules(args->rules, config);
      RunOptions options;
      options.out_dir = args->out;
      options.as_of = resolve_as_of(args->as_of, config);
      options.write_buildings = !args->no_buildings;
      if (args->buildings) options.buildings_layer_max = -1;
      options.spatial_index = !args->no_index;
      options.keep_analysis = true;
      ConsoleProgress progress(!args->quiet);
      RunResult result = run_analysis(config, rules, options, progress);
      if (args->json)
        std::cout << run_summary_json(result).dump(2) << "\n";
      else
        std::cout << format_run_summary(result);
      exit_leaving_memory_to_the_system(kExitOk);
    } catch (const GisError& e) {
      std::cerr << "parkatlas run: " << e.what() << "\n";
      return kExitDataError;
    } catch (const std::exception& e) {
      std::cerr << "parkatlas run: " << e.what() << "\n";
      return kExitDataError;
    }
  };
}

std::function<int()> setup_idle_command(CLI::App& app) {
  struct Args {
    std::string config, out, as_of, rules;
    bool json = false, quiet = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "idle",
      "Idle and approved-but-unused land only: 闲置土地 classes, 批而未供, 低效用地, digestion "
      "period; writes DIR/idle.gpkg, DIR/idle-parcels.csv, DIR/idle-warnings.csv, "
      "DIR/low-efficiency-parcels.csv and DIR/idle-summary.csv");
  cmd->add_option("-c,--config", args->config, "project config (parkatlas.toml)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--out", args->out, "output folder (created if missing)")->required();
  cmd->add_option("--as-of", args->as_of,
                  "evaluation date YYYY-MM-DD (default: the config's as_of, else today)")
      ->check(CLI::Validator(validate_iso_date, "YYYY-MM-DD"));
  cmd->add_option("--rules", args->rules,
                  "rule set name (jiangxi-2014, national-2008) or path to a rule file");
  cmd->add_flag("--json", args->json, "print a machine-readable summary (JSON)");
  cmd->add_flag("-q,--quiet", args->quiet, "no progress on stderr");
  return [args]() -> int {
    try {
      ProjectConfig config = load_project_config(args->config);
      RuleSet rules = resolve_rules(args->rules, config);
      RunOptions options;
      options.out_dir = args->out;
      options.as_of = resolve_as_of(args->as_of, config);
      options.write_buildings = false;
      options.idle_only = true;
      options.keep_analysis = true;
      ConsoleProgress progress(!args->quiet);
      RunResult result = run_analysis(config, rules, options, progress);
      if (args->json)
        std::cout << run_summary_json(result).dump(2) << "\n";
      else
        std::cout << format_idle_run_summary(result);
      exit_leaving_memory_to_the_system(kExitOk);
    } catch (const std::exception& e) {
      std::cerr << "parkatlas idle: " << e.what() << "\n";
      return kExitDataError;
    }
  };
}

}  // namespace parkatlas
