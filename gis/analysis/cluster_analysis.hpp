// Issue 6 §1 over a run: the parcels' enterprises as firm records (park, city and county from the
// parks layer), cluster statistics at every level, the policy targets, each park's industry-mix
// HHI, and the 亩均 grades written back onto the parcels.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/cluster_stats.hpp"
#include "core/cluster_targets.hpp"
#include "core/mu_evaluation.hpp"
#include "core/rule_set.hpp"
#include "gis/analysis/parcel_evaluation.hpp"
#include "gis/analysis/project_inputs.hpp"
#include "gis/io/results_writer.hpp"

namespace parkatlas {

// The firm records are dropped once their sums, checks and grades are made: at province scale
// they would hold about a quarter of a gigabyte through the writing of the results.
struct ClusterAnalysis {
  std::vector<ClusterStat> stats;
  std::vector<TargetCheck> checks;
  std::map<std::string, double> hhi;  // park id -> HHI
};

// Fills ev.mu_score / ev.mu_class when the rule set grades firms.
ClusterAnalysis analyse_clusters(const ProjectInputs& in, const RuleSet& rules,
                                 ParcelEvaluation& ev);

// The `cluster_stats` and `cluster_targets` tables (no geometry).
std::vector<TableColumn> cluster_stat_columns(const ClusterAnalysis& a);
std::vector<TableColumn> cluster_target_columns(const ClusterAnalysis& a);

}  // namespace parkatlas
