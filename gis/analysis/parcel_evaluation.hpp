// Per-parcel analysis over a whole layer: park assignment, floor area from buildings, indicators
// and verdicts. The rules themselves live in core/; this file feeds them the layer's columns.
#pragma once
#include <string>
#include <vector>

#include "core/building_floor.hpp"
#include "core/idle_land.hpp"
#include "core/indicators.hpp"
#include "core/problem.hpp"
#include "core/rule_set.hpp"
#include "core/verdict.hpp"
#include "gis/analysis/progress.hpp"
#include "gis/analysis/project_inputs.hpp"

namespace parkatlas {

struct ParcelEvaluation {
  std::vector<int> park;             // index into the park table, -1 = outside every park
  std::vector<std::string> park_id;  // computed park id ("" = outside)
  // Area of the parcel inside the outline of park[i] (0 when it has none), as assign_parks found
  // it; the park evaluation counts a parcel straddling the outline by this part.
  std::vector<double> park_overlap_m2;
  bool buildings_loaded = false;
  std::vector<double> bldg_floor_m2;      // Σ floor-area shares of buildings on the parcel
  std::vector<double> bldg_footprint_m2;  // Σ footprint shares
  std::vector<Indicators> ind;
  std::vector<Judgement> judgement;
  std::vector<IdleResult> idle;
  std::vector<std::string> low_eff;  // 低效用地 reasons ("" = none), for parcels in use
  std::vector<std::string> cluster;  // industry cluster by the rule set's code table ("" = none)
  // 亩均 evaluation of the parcel's enterprise (empty when the rule set has no [mu_evaluation]).
  std::vector<std::optional<double>> mu_score;
  std::vector<char> mu_class;  // 'A' … 'D', 0 = not graded
};

// Largest-overlap park for each parcel; a given park_id wins and disagreements become problems.
void assign_parks(const ProjectInputs& in, ParcelEvaluation& ev, ProblemList& problems,
                  Progress& progress);

// Indicators and verdicts (needs assign_parks and, when buildings are loaded, their shares).
void evaluate_parcels(const ProjectInputs& in, const RuleSet& rules, const CivilDate& as_of,
                      ParcelEvaluation& ev, ProblemList& problems, Progress& progress);

// The building's canonical attributes as core's BuildingInput.
BuildingInput building_input(const std::vector<Cell>& canonical, double footprint_m2);

}  // namespace parkatlas
