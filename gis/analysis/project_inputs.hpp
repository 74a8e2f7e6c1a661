// Opening a project's input layers, choosing the measuring CRS, and reading parks and parcels;
// shared by `parkatlas run` and `parkatlas check`.
#pragma once
#include <future>
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
  // The approval batches while they are read on a thread of their own (load_project_inputs with
  // batches_aside): finish_reading() puts them in `batches`, and that read's problems where a
  // read in turn puts them. Declared after the readers: the read ends before they close.
  std::unique_ptr<ProblemList> batch_problems;
  size_t batch_problems_at = 0;
  std::future<LayerData> batches_read;
  std::vector<const LayerReport*> reports() const;
};

// Opens every configured layer (throws GisError on unusable config or sources), then reads
// parks and parcels; buildings are left open for streaming.
// With batches_aside the approval batches are read on a thread of their own while the caller
// goes on (only 批而未供 needs them); finish_reading() waits for them.
ProjectInputs load_project_inputs(const ProjectConfig& config, const GeosContext& geos,
                                  ProblemList& problems, Progress& progress,
                                  bool batches_aside = false);
// Waits for a read started aside and rethrows its error; nothing when there is none.
void finish_reading(ProjectInputs& in, ProblemList& problems);

}  // namespace parkatlas
