// `parkatlas evaluate PROJECT`: the TD/T 1029 park evaluation (issue 6 §2) as a new run of a
// project file, printed as a ranking per park type and an indicator table per park and range.
#include <iostream>
#include <memory>

#include "app/command_common.hpp"
#include "app/commands.hpp"
#include "app/console_progress.hpp"
#include "app/exit_codes.hpp"
#include "app/text_table.hpp"
#include "gis/project/project_file.hpp"

namespace parkatlas {

namespace {

std::string num(std::optional<double> v, const char* pattern = "%.2f") {
  if (!v) return "–";
  char buf[64];
  std::snprintf(buf, sizeof buf, pattern, *v);
  return buf;
}

}  // namespace

std::string format_evaluation(const RunResult& r) {
  std::string out = "TD/T 1029 park evaluation (model " + r.evaluation_model + ", " +
                    r.evaluation_model_file + "), as of " + to_iso(r.as_of) + "\n\n";
  TextTable ranking({"Rank", "Type", "Park", "Name", "Score", "Main", "Expansion"},
                    {true, false, false, false, true, true, true});
  for (ParkType type : {ParkType::industrial, ParkType::integrated}) {
    std::vector<const ParkEvaluation*> list;
    for (const ParkEvaluation& p : r.evaluation)
      if (p.type == type) list.push_back(&p);
    std::stable_sort(list.begin(), list.end(), [](const auto* a, const auto* b) {
      return (a->rank ? a->rank : 1 << 30) < (b->rank ? b->rank : 1 << 30);
    });
    for (const ParkEvaluation* p : list) {
      std::optional<double> main, exp;
      for (const RangeEvaluation& e : p->ranges)
        (e.inputs.range == EvalRange::main ? main : exp) = e.score;
      ranking.add(
          {p->rank ? std::to_string(p->rank) + "/" + std::to_string(p->ranked_in_type) : "–",
           std::string(to_string(p->type)), p->park_id, p->name, num(p->score), num(main),
           num(exp)});
    }
  }
  out += ranking.render();
  for (const ParkEvaluation& p : r.evaluation)
    for (const RangeEvaluation& e : p.ranges) {
      out += "\n" + p.park_id + " " + p.name + " · " + std::string(to_string(e.inputs.range)) +
             " range · " + std::string(to_string(p.type)) + " (" + p.type_reason + ")\n";
      TextTable t(
          {"Indicator", "Value", "Unit", "Numerator", "Denominator", "Ideal", "Score", "Weight"},
          {false, true, false, true, true, true, true, true});
      for (const IndicatorResult& i : e.indicators)
        t.add({i.def->name_zh, num(i.value), i.def->unit, num(i.numerator), num(i.denominator),
               i.ideal ? num(i.ideal->value, "%g") : "–", num(i.score),
               num(i.range_weight, "%.4f")});
      out += t.render();
      out += "  score " + num(e.score) +
             (e.missing.empty() ? "" : " (missing: " + e.missing + ")") + "\n";
      const Potentials& pot = e.potentials;
      out += "  potentials: expansion E " + num(pot.expansion_ha) + " hm² (" +
             num(pot.years_avg3, "%.1f") + " years of supply at the 3-year mean, " +
             num(pot.years_max5, "%.1f") + " at the 5-year maximum); structure " +
             num(pot.structure_ha) + " hm²; intensity up to " + num(pot.largest_intensity_ha()) +
             " hm²; management " + num(pot.management_ha) + " hm²\n";
      for (const std::string& c : e.checks) out += "  check: " + c + "\n";
    }
  return out;
}

std::function<int()> setup_evaluate_command(CLI::App& app) {
  struct Args : ProjectRunArgs {
    std::string model;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "evaluate",
      "TD/T 1029 intensive land-use evaluation of every park: analyses the project as a new run "
      "(tables run_<n>_evaluation, run_<n>_land_account, run_<n>_parks) and prints the ranking "
      "and each park's indicators");
  add_project_run_options(*cmd, *args);
  cmd->add_option("--model", args->model,
                  "weights-and-ideals file or name (default: the rule set's [evaluation] model)");
  return [args]() -> int {
    try {
      AnalyzeOptions o = args->options();
      o.evaluation_model = args->model;
      ConsoleProgress progress(!args->quiet);
      RunRecord rec;
      const RunResult r = analyze_project(args->project, o, progress, &rec);
      std::cout << format_evaluation(r) << "\nStored in " << args->project << " as run "
                << rec.run_id << " (tables run_" << rec.run_id << "_evaluation, run_" << rec.run_id
                << "_land_account; scores on run_" << rec.run_id << "_parks)\n";
      return kExitOk;
    } catch (const std::exception& e) {
      std::cerr << "parkatlas evaluate: " << e.what() << "\n";
      return kExitDataError;
    }
  };
}

}  // namespace parkatlas
