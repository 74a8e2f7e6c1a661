// `parkatlas init` and `parkatlas analyze`: the project file (SpatiaLite) workflow.
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/command_common.hpp"
#include "app/commands.hpp"
#include "app/console_progress.hpp"
#include "app/exit_codes.hpp"
#include "app/run_reporting.hpp"
#include "gis/gis_error.hpp"
#include "gis/project/project_file.hpp"

namespace parkatlas {

std::function<int()> setup_init_command(CLI::App& app) {
  struct Args {
    std::string config, project, rules;
    bool quiet = false, force = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "init",
      "Import every layer of a config into a project file (SpatiaLite): canonical fields plus the "
      "original ones, in the measuring CRS, spatially indexed, with the config, the rule set and "
      "an import log");
  cmd->add_option("-c,--config", args->config, "project config (parkatlas.toml)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("project", args->project, "the project file to create (e.g. jiangxi.parkatlas)")
      ->required();
  cmd->add_option("--rules", args->rules, "rule set to store (default: the config's)");
  cmd->add_flag("-q,--quiet", args->quiet, "no progress on stderr");
  cmd->add_flag("--force", args->force, "replace an existing project file (its runs are lost)");
  return [args]() -> int {
    try {
      if (std::filesystem::exists(args->project) && !args->force)
        throw GisError("the project exists; its runs would be lost. Use --force to replace it",
                       {args->project});
      ConsoleProgress progress(!args->quiet);
      InitResult r = init_project(args->config, args->rules, args->project, progress);
      std::cout << "Project " << r.project << " (measuring CRS " << r.measuring_crs << ")\n";
      for (const auto& l : r.layers)
        std::cout << "  " << l.table << ": " << l.imported << " of " << l.features_in_source
                  << " features from " << l.source
                  << (l.skipped ? " (" + std::to_string(l.skipped) + " skipped)" : "")
                  << (l.sha256.empty() ? "" : ", sha256 " + l.sha256.substr(0, 16) + "…") << "\n";
      std::cout << "  import problems: " << r.problems << " (table import_problems)\n"
                << "Next: parkatlas analyze " << r.project << "\n";
      return kExitOk;
    } catch (const std::exception& e) {
      std::cerr << "parkatlas init: " << e.what() << "\n";
      return kExitDataError;
    }
  };
}

std::function<int()> setup_analyze_command(CLI::App& app) {
  struct Args : ProjectRunArgs {
    std::string out;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "analyze",
      "Analyse a project file and write the results back into it as a new run (run_<n>_parcels "
      "…); earlier runs stay");
  add_project_run_options(*cmd, *args);
  cmd->add_option("--csv", args->out, "also write the CSV lists into this folder");
  cmd->add_flag("--json", args->json, "print a machine-readable summary (JSON)");
  return [args]() -> int {
    try {
      AnalyzeOptions o = args->options();
      o.csv_dir = args->out;
      ConsoleProgress progress(!args->quiet);
      RunRecord rec;
      RunResult r = analyze_project(args->project, o, progress, &rec);
      if (args->json) {
        auto j = run_summary_json(r);
        j["run_id"] = rec.run_id;
        std::cout << j.dump(2) << "\n";
      } else {
        std::cout << format_run_summary(r) << "\nRun " << rec.run_id << " recorded in "
                  << args->project << " (tables run_" << rec.run_id << "_*; table runs lists "
                  << "every run)\n";
      }
      return kExitOk;
    } catch (const std::exception& e) {
      std::cerr << "parkatlas analyze: " << e.what() << "\n";
      return kExitDataError;
    }
  };
}

}  // namespace parkatlas
