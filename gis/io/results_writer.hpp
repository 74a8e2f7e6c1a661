// The output tables of a run, described once as columns so the GeoPackage layer and the CSV
// carry the same fields in the same order (data-model.md "Computed parcel fields").
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/park_rollup.hpp"
#include "core/problem.hpp"
#include "gis/analysis/parcel_evaluation.hpp"
#include "gis/analysis/progress.hpp"
#include "gis/io/vector_output.hpp"

namespace parkatlas {

// A cell for an optional number, and for a text that is null when empty.
Cell optional_cell(const std::optional<double>& v);
Cell text_or_null(const std::string& s);

std::vector<TableColumn> parcel_columns(const ProjectInputs& in, const ParcelEvaluation& ev,
                                        const std::map<long long, std::string>& problems_by_fid);

// Parks layer rows: one per park of the parks table, then (if any) the parcels outside every park.
struct ParkRows {
  std::vector<std::string> ids;
  std::vector<const GEOSGeometry*> geoms;  // null for the "outside every park" row
  std::vector<int> park_index;             // index into the park table, -1 for outside
};
ParkRows park_rows(const ProjectInputs& in, const std::map<std::string, ParkRollup>& rollups);
// `clusters` (the rule set's table) gives the key_clus column: the clusters the park's 主导产业
// name.
std::vector<TableColumn> park_columns(const ProjectInputs& in, const ParkRows& rows,
                                      const std::map<std::string, ParkRollup>& rollups,
                                      const DigestionRules& digestion,
                                      const std::vector<ClusterDef>& clusters);

// 批而未供 rates, 批而未用 stock and digestion period, and counts and 亩 by idle class: shared by
// the parks layer and the idle summary. `roll(i)` is row i's roll-up (null = no data).
std::vector<TableColumn> idle_rollup_columns(std::function<const ParkRollup*(size_t)> roll,
                                             const DigestionRules& digestion);

std::vector<TableColumn> problem_columns(const ProblemList& problems);

void write_rows(OutputLayer& layer, const std::vector<TableColumn>& columns, size_t rows,
                const std::function<const GEOSGeometry*(size_t)>& geometry, const GeosContext& geos,
                Progress& progress, const std::string& stage);

// write_rows, or in a GeoPackage being created the same rows left to commit(), which writes
// them through SQLite (gpkg_bulk_rows.hpp) several times faster: `columns`, and whatever
// `columns` and `geometry` read, must then live until commit().
void write_table(VectorOutput& out, OutputLayer& layer, const std::vector<TableColumn>& columns,
                 size_t rows, std::function<const GEOSGeometry*(size_t)> geometry,
                 const GeosContext& geos, Progress& progress, const std::string& stage);

std::vector<OutField> fields_of(const std::vector<TableColumn>& columns);

}  // namespace parkatlas
