// `parkatlas rules`: list the shipped rule sets or show one's floors.
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "core/text_format.hpp"
#include "gis/config/rule_set_file.hpp"

namespace parkatlas {

std::function<int()> setup_rules_command(CLI::App& app) {
  auto name = std::make_shared<std::string>();
  CLI::App* cmd =
      app.add_subcommand("rules", "List the rule sets, or show the floors of one (name or path)");
  cmd->add_option("name", *name, "rule set to show");
  return [name]() -> int {
    try {
      if (name->empty()) {
        for (const auto& n : available_rule_sets()) {
          RuleSet r = load_rule_set(n);
          std::cout << n << "  " << r.title << "\n";
        }
        return kExitOk;
      }
      RuleSet r = load_rule_set(*name);
      std::cout << r.name << " v" << r.version << ": " << r.title << "\n";
      for (const auto& [level, f] : r.level_floors)
        std::cout << "  " << to_string(level)
                  << " parks: FAR >= " << (f.far_min ? format_number("%g", *f.far_min) : "-")
                  << ", investment >= " << (f.inv_min ? format_number("%g", *f.inv_min) : "-")
                  << " 万元/亩\n";
      if (!r.far_by_industry.empty())
        std::cout << "  FAR by industry: " << r.far_by_industry.size() << " GB/T 4754-2017 codes\n";
      if (r.coverage_min) std::cout << "  coverage >= " << *r.coverage_min << "\n";
      if (r.inv_min_any_park)
        std::cout << "  investment >= " << *r.inv_min_any_park << " 万元/亩 (any park)\n";
      std::cout << "  applies outside parks: " << (r.applies_outside_parks ? "yes" : "no") << "\n";
      std::cout << "  idle land (53号令): idle after " << r.idle.idle_years
                << " year(s), recovery after " << r.idle.recover_years << ", fee "
                << r.idle.fee_share * 100 << " % of the land price, "
                << "warning " << r.idle.warning_days << " days ahead\n";
      if (r.low_efficiency.enabled) {
        std::string tests;
        auto add = [&tests](const std::string& t) { tests += (tests.empty() ? "" : ", ") + t; };
        if (r.low_efficiency.below_far) add("below the FAR floor");
        if (r.low_efficiency.below_inv) add("below the investment floor");
        if (r.low_efficiency.coverage_min)
          add("coverage < " + format_number("%g", *r.low_efficiency.coverage_min * 100) + " %");
        if (r.low_efficiency.tax_min_mu)
          add("tax < " + format_number("%g", *r.low_efficiency.tax_min_mu) + " 万元/亩");
        if (!r.low_efficiency.out_of_production.empty()) add("out of production");
        std::cout << "  low efficiency (低效用地): " << tests << "\n";
      }
      std::cout << "  digestion period: over " << r.digestion.window_years
                << " years, target <= " << r.digestion.target_years << " years\n";
      return kExitOk;
    } catch (const std::exception& e) {
      std::cerr << "parkatlas rules: " << e.what() << "\n";
      return kExitDataError;
    }
  };
}

}  // namespace parkatlas
