// `parkatlas check`: read and validate a project's inputs without writing anything.
#include <iostream>
#include <map>
#include <memory>

#include "app/command_common.hpp"
#include "app/commands.hpp"
#include "app/console_progress.hpp"
#include "app/exit_codes.hpp"
#include "app/run_reporting.hpp"
#include "gis/analysis/run_analysis.hpp"
#include "gis/gis_error.hpp"

namespace parkatlas {

std::function<int()> setup_check_command(CLI::App& app) {
  struct Args {
    std::string config, rules;
    bool json = false;
    int limit = 40;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd =
      app.add_subcommand("check",
                         "Validate a project's inputs (encodings, CRSs, field mapping, geometry, "
                         "duplicate ids, area mismatches) without analysing or writing");
  cmd->add_option("-c,--config", args->config, "project config (parkatlas.toml)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--rules", args->rules, "rule set to validate as well (default: the config's)");
  cmd->add_option("--limit", args->limit, "problems to list (default 40; all are counted)");
  cmd->add_flag("--json", args->json, "print the report as JSON");
  return [args]() -> int {
    try {
      ProjectConfig config = load_project_config(args->config);
      RuleSet rules = resolve_rules(args->rules, config);
      ConsoleProgress progress(!args->json);
      Analysis a = analyse_project(config, rules, resolve_as_of("", config), nullptr, progress);
      // One line per kind of problem (layer, field, action), with its count and a first example.
      struct Kind {
        long count = 0;
        std::string example;
      };
      std::map<std::string, Kind> by_kind;
      for (const auto& p : a.problems) {
        Kind& k = by_kind[p.layer + ", " + (p.field.empty() ? "geometry/layer" : p.field) + " [" +
                          p.action + "]"];
        if (k.count++ == 0) k.example = p.message;
      }
      if (args->json) {
        nlohmann::json j;
        j["layers"] = nlohmann::json::array();
        for (const auto* r : a.in.reports()) j["layers"].push_back(layer_report_json(*r));
        j["measuring_crs"] = {{"epsg", a.in.measuring.epsg},
                              {"name", a.in.measuring.name},
                              {"method", a.in.measuring.method}};
        j["rule_set"] = rules.name;
        j["problems"] = nlohmann::json::array();
        for (const auto& p : a.problems)
          j["problems"].push_back({{"layer", p.layer},
                                   {"source", p.source},
                                   {"fid", p.fid},
                                   {"feature", p.feature_key},
                                   {"field", p.field},
                                   {"message", p.message},
                                   {"action", p.action}});
        std::cout << j.dump(2) << "\n";
        return kExitOk;
      }
      std::cout << "ParkAtlas check: " << args->config << " (rule set " << rules.name << " OK)\n";
      std::cout << "Measuring CRS: "
                << (a.in.measuring.epsg ? "EPSG:" + std::to_string(a.in.measuring.epsg) + " " : "")
                << a.in.measuring.name << " (" << a.in.measuring.method << ")\n\nLayers:\n";
      for (const auto* r : a.in.reports()) std::cout << format_layer_report(*r);
      std::cout << "\nData problems: " << a.problems.size() << "\n";
      for (const auto& [kind, k] : by_kind)
        std::cout << "  " << k.count << " \u00d7 " << kind << ", e.g. " << k.example << "\n";
      if (!a.problems.empty()) std::cout << "\nFirst problems:\n";
      int shown = 0;
      for (const auto& p : a.problems) {
        if (shown++ >= args->limit) {
          std::cout << "  … " << (a.problems.size() - static_cast<size_t>(args->limit))
                    << " more (use --limit or --json)\n";
          break;
        }
        std::cout << "  " << p.layer << " feature " << p.fid
                  << (p.feature_key.empty() ? "" : " (" + p.feature_key + ")")
                  << (p.field.empty() ? "" : ", " + p.field) << ": " << p.message << " ["
                  << p.action << "]\n";
      }
      std::cout << "\nThe inputs can be analysed"
                << (a.problems.empty() ? "."
                                       : "; the problems above will be recorded in the results.")
                << "\n";
      return kExitOk;
    } catch (const std::exception& e) {
      std::cerr << "parkatlas check: " << e.what() << "\n";
      return kExitDataError;
    }
  };
}

}  // namespace parkatlas
