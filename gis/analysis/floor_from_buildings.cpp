// Splitting building footprints over the parcels they stand on.
#include "gis/analysis/floor_from_buildings.hpp"

namespace parkatlas {

ParcelIndex::ParcelIndex(const GeosContext& geos, const std::vector<GeomPtr>& parcels)
    : parcels_(parcels), tree_(geos) {
  for (size_t i = 0; i < parcels.size(); ++i) tree_.insert(parcels[i].get(), i);
  tree_.build();
}

void ParcelIndex::shares(const GeosContext& geos, const GEOSGeometry* building, double footprint_m2,
                         std::vector<Share>& out) const {
  out.clear();
  thread_local std::vector<size_t> candidates;
  tree_.query(geos, building, candidates);
  GEOSContextHandle_t h = geos.handle();
  for (size_t i : candidates) {
    const GEOSGeometry* parcel = parcels_[i].get();
    // Common case first: the building stands wholly inside one parcel.
    if (GEOSContains_r(h, parcel, building) == 1) {
      out.push_back({i, footprint_m2});
      continue;
    }
    if (GEOSIntersects_r(h, parcel, building) != 1) continue;
    double a = intersection_area(geos, parcel, building);
    if (a > 0) out.push_back({i, a});
  }
}

}  // namespace parkatlas
