// The project file (issue 4 §1): one SpatiaLite database holding the imported layers (in_parks,
// in_parcels, in_buildings, in_approval_batches: canonical fields plus the original ones, in the
// measuring CRS, spatially indexed once), the config and rule set texts, an import log, and one
// set of result tables per analysis (run_<n>_parcels …) with a record in `runs`. It opens in QGIS
// and `spatialite` as ordinary layers.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/rule_set.hpp"
#include "gis/analysis/progress.hpp"
#include "gis/analysis/run_analysis.hpp"
#include "gis/config/project_config.hpp"

namespace parkatlas {

struct ImportedLayer {
  std::string kind, table, source, sha256;
  long long features_in_source = 0, imported = 0, skipped = 0;
};

struct InitResult {
  std::string project;
  std::string measuring_crs;
  std::vector<ImportedLayer> layers;
  long long problems = 0;
};

// Imports every configured layer of `config_path` with the rule set `rules` (a name or a file;
// empty = the config's) into a new project file, written under a temporary name and renamed.
InitResult init_project(const std::string& config_path, const std::string& rules,
                        const std::string& project_path, Progress& progress);

struct RunRecord {
  long long run_id = 0;
  std::string started, as_of, rule_set, rule_hash, program;
  long long parcels = 0, problems = 0;
};

// The runs recorded in a project, oldest first. Throws when the file is not a ParkAtlas project
// or was changed outside ParkAtlas (a trigger or view it did not write).
std::vector<RunRecord> project_runs(const std::string& project);

struct AnalyzeOptions {
  std::optional<CivilDate> as_of;  // default: the config's, else today
  std::string rules;               // default: the rule set stored at import
  std::string csv_dir;             // also write the CSV lists there (optional)
  std::string evaluation_model;    // TD/T 1029 weights and ideals; default: the rule set's
};

// Analyses the project's own layers and writes the results back as run_<n>_* tables, in one
// transaction with the run record.
RunResult analyze_project(const std::string& project, const AnalyzeOptions& options,
                          Progress& progress, RunRecord* record = nullptr);

// The table of `layer` for export: a project's latest run (or run `run`) for result layers
// (parcels, parks, unsupplied …); other sources and names pass through unchanged.
std::string project_layer_name(const std::string& source, const std::string& layer,
                               std::optional<long long> run);

}  // namespace parkatlas
