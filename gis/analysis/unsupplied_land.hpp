// 批而未供 (approved but not supplied), domain.md §4.1: per approval batch, the batch polygon
// minus the union of the parcels supplied on or before the evaluation date. Slivers left by
// boundaries that nearly coincide are dropped and counted, never silently.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/problem.hpp"
#include "gis/analysis/progress.hpp"
#include "gis/geos/geos_context.hpp"
#include "gis/io/layer_reader.hpp"

namespace parkatlas {

struct SliverSettings {
  double min_area_m2 = 1.0;  // pieces smaller than this are slivers
  double min_width_m = 0.5;  // pieces thinner than this everywhere are slivers
};

struct BatchUnsupplied {
  std::string batch_id;
  std::optional<CivilDate> approved;
  double approved_m2 = 0;
  double unsupplied_m2 = 0;
  int slivers = 0;       // pieces dropped
  double sliver_m2 = 0;  // their area
  GeomPtr unsupplied;    // null when nothing is left
  int age_years = -1;    // whole years since approval, -1 when the date is unknown
};

// `supplied[i]` is parcel i's supply date (nullopt = not supplied). Parcels supplied after
// `as_of` count as not supplied.
std::vector<BatchUnsupplied> unsupplied_by_batch(
    const LayerData& batches, const std::vector<GeomPtr>& parcels,
    const std::vector<std::optional<CivilDate>>& supplied, const CivilDate& as_of,
    const SliverSettings& slivers, const GeosContext& geos, ProblemList& problems,
    const std::string& batches_source, Progress* progress = nullptr);

// "0-1", "1-2", "2-3", "3-5", ">=5" years since approval; "" when unknown (domain.md §4.1).
std::string age_bucket(int years);

}  // namespace parkatlas
