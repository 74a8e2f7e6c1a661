// `parkatlas run`: read the project's layers, compute every parcel's indicators and verdict, roll
// them up per park, and write results.gpkg and parcels.csv into the output folder.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/park_evaluation.hpp"
#include "core/park_rollup.hpp"
#include "core/rule_set.hpp"
#include "gis/analysis/cluster_analysis.hpp"
#include "gis/analysis/parcel_evaluation.hpp"
#include "gis/analysis/progress.hpp"
#include "gis/analysis/project_inputs.hpp"
#include "gis/analysis/unsupplied_land.hpp"
#include "gis/config/project_config.hpp"
#include "gis/io/layer_reader.hpp"

namespace parkatlas {

struct StageTiming {
  std::string stage;
  double seconds = 0;
};

struct ParkSummary {
  std::string park_id;  // "" = outside every park
  std::string name;
  std::string level;
  ParkRollup rollup;
};

// One row of the idle summary (park, county or total).
struct IdleSummaryLine {
  std::string level, id, name;
  ParkRollup rollup;
  Digestion digestion;
};

struct RunResult {
  std::string results_gpkg;
  std::string parcels_csv;
  std::string idle_csv, warnings_csv;    // the bureau's list and the early warnings
  std::string low_eff_csv, summary_csv;  // 低效用地 list; idle summary per park and county
  long long idle_rows = 0, warning_rows = 0, low_eff_rows = 0;
  std::vector<std::string> layers_written;
  std::string measuring_crs;  // "EPSG:4548 CGCS2000 / 3-degree Gauss-Kruger CM 117E"
  std::string measuring_method;
  std::string rule_set, rule_hash;
  CivilDate as_of;
  std::vector<LayerReport> layers;
  std::vector<ParkSummary> parks;
  std::vector<IdleSummaryLine> idle_summary;
  double digestion_target_years = 0;
  int digestion_window_years = 0;
  bool idle_only = false;
  std::array<long, kVerdictCount> verdicts{};
  std::array<long, ParkRollup::kIdleClasses> idle_classes{};
  long long batches = 0, slivers = 0;
  double batch_m2 = 0, unsupplied_m2 = 0;
  long long parcels_in_source = 0, parcels_analysed = 0, parcels_skipped = 0;
  long long buildings_read = 0, problems = 0;
  // Buildings not copied into results.gpkg because there were more than
  // RunOptions::buildings_layer_max of them (0 = none left out for that reason).
  long long buildings_left_out = 0, buildings_layer_max = 0;
  double parcel_area_m2 = 0, rollup_area_m2 = 0;  // conservation check: must agree
  std::vector<StageTiming> timings;
  long peak_rss_mb = 0;
  std::vector<ParkEvaluation> evaluation;  // TD/T 1029, one per park
  std::string evaluation_model, evaluation_model_file;
  std::shared_ptr<const void> kept;  // the analysis itself, with RunOptions::keep_analysis
};

// The analysis in memory: what `check` inspects and `run` writes out.
struct Analysis {
  std::unique_ptr<GeosContext> geos;  // first: outlives every geometry below
  ProjectInputs in;
  ParcelEvaluation ev;
  std::map<std::string, ParkRollup> rollups;
  std::vector<BatchUnsupplied> unsupplied;  // one per approval batch, when batches are configured
  std::vector<std::string> batch_park;      // park of each batch by largest overlap ("" = none)
  std::vector<int> batch_park_index;        // its park feature (-1 = none)
  ClusterAnalysis clusters;                 // cluster statistics, targets, 亩均 grades
  // TD/T 1029 (filled by run_analysis, not analyse_project: `idle` and `check` do not evaluate
  // parks): the weights and ideal values, and one evaluation per park of the parks layer.
  EvaluationModel evaluation_model;
  std::string evaluation_model_file;
  std::vector<ParkEvaluation> evaluation;
  ProblemList problems;
  long long buildings_read = 0;
  long long buildings_left_out = 0;  // layer not written: more buildings than the limit
  std::vector<StageTiming> timings;
};

class VectorOutput;
// Reads, assigns, attributes buildings (writing them to `buildings_out` when given and the source
// has at most `buildings_layer_max` of them; -1 = any number), evaluates and rolls up.
Analysis analyse_project(const ProjectConfig& config, const RuleSet& rules, const CivilDate& as_of,
                         VectorOutput* buildings_out, Progress& progress,
                         long long buildings_layer_max = -1);

// The phases of analyse_project, for callers that overlap them with other work: the parcels
// (read, park assignment, buildings, indicators, verdicts, roll-up), then the industry clusters
// and the 批而未供 of the approval batches, which only read what the first phase made and write
// different members of `a` (clusters and the parcels' 亩均 grades; batches, roll-up areas and
// problems), so they may run at the same time.
Analysis analyse_parcels(const ProjectConfig& config, const RuleSet& rules, const CivilDate& as_of,
                         VectorOutput* buildings_out, Progress& progress,
                         long long buildings_layer_max = -1);
void add_clusters(Analysis& a, const RuleSet& rules);
void add_unsupplied(Analysis& a, const RuleSet& rules, const CivilDate& as_of, Progress& progress);

struct RunOptions {
  std::string out_dir;
  CivilDate as_of;
  bool write_buildings = true;
  // A province's 3 million buildings would double the time of a run (GDAL 3.6 writes them at
  // ~17 µs each): above this many the layer is left out and said so (`--buildings-layer`
  // forces it: -1). They are used for FAR either way.
  long long buildings_layer_max = 500000;
  // GeoPackage R-trees: QGIS pans a million parcels smoothly only with one, but building it
  // costs about 8 s per million features in GDAL 3.6. Pipelines that only read tables may skip it.
  bool spatial_index = true;
  // `parkatlas idle`: only the idle-land outputs (DIR/idle.gpkg with parcels, unsupplied,
  // approval_batches, idle_summary, problems; the CSV lists), no parks or buildings layers.
  bool idle_only = false;
  // Writing into a project file (`parkatlas analyze`): the result layers go into `project` under
  // `layer_prefix` (run_3_parcels …), in the same transaction as what before_commit adds (the
  // run record). Without out_dir no CSV file is written.
  std::string project;
  std::string layer_prefix;
  std::function<void(GDALDataset&, const RunResult&)> before_commit;
  // Hand the analysis (a province's million geometries and columns) to the caller in
  // RunResult::kept instead of freeing it before returning: a command line that exits right
  // after need not spend a quarter of a second taking it apart object by object.
  bool keep_analysis = false;
};

RunResult run_analysis(const ProjectConfig& config, const RuleSet& rules, const RunOptions& options,
                       Progress& progress);

long peak_rss_mb();

}  // namespace parkatlas
