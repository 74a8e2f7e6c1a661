// Opening a project's input layers, choosing the measuring CRS, and reading parks and parcels;
// shared by `parkatlas run` and `parkatlas check`.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/park_level.hpp"
#include "core/problem.hpp"
#include "gis/analysis/progress.hpp"
#include "gis/config/project_config.hpp"
#include "gis/crs/measuring_crs.hpp"
#include "gis/io/layer_reader.hpp"

namespace parkatlas {

struct ParkTable {
  std::vector<std::string> ids;  // park_id, or a generated P<fid> when the layer has none
  std::vector<std::string> names;
  std::vector<std::optional<ParkLevel>> levels;
  int index_of(const std::string& id) const;
};

struct ProjectInputs {
  MeasuringCrs measuring;
  std::optional<LandUseScheme> land_use_scheme;
  std::unique_ptr<LayerReader> parks_reader, parcels_reader, buildings_reader, batches_reader,
      constraints_reader;
  std::optional<LayerData> batches;      // approval batches (批次), when configured
  std::optional<LayerData> constraints;  // farmland, red line, water … when configured
  std::optional<LayerData> parks;
  ParkTable park_table;
  LayerData parcels;
  // Approval batches left for later (load_project_inputs with batches_later): read_batches()
  // reads them, and puts their problems where a read in turn would have put them.
  bool batches_pending = false;
  size_t batch_problems_at = 0;
  std::vector<const LayerReport*> reports() const;
};

// Opens every configured layer (throws GisError on unusable config or sources), then reads
// parks and parcels; buildings are left open for streaming.
// With batches_later the approval batches are opened but not read: only 批而未供 needs them,
// and read_batches() reads them when it starts.
ProjectInputs load_project_inputs(const ProjectConfig& config, const GeosContext& geos,
                                  ProblemList& problems, Progress& progress,
                                  bool batches_later = false);
// Reads the approval batches left for later (on all cores); nothing when there are none.
void read_batches(ProjectInputs& in, const GeosContext& geos, ProblemList& problems,
                  Progress& progress);

}  // namespace parkatlas
