// Largest-overlap park assignment.
#include "gis/analysis/park_assignment.hpp"

namespace parkatlas {

ParkLocator::ParkLocator(const GeosContext& geos, const std::vector<GeomPtr>& parks)
    : geos_(geos), parks_(parks), tree_(geos) {
  prepared_.reserve(parks.size());
  for (size_t i = 0; i < parks.size(); ++i) {
    prepared_.push_back(prepare(geos, parks[i].get()));
    tree_.insert(parks[i].get(), i);
  }
  tree_.build();
}

double ParkLocator::overlap(const GEOSGeometry* parcel, int index, double parcel_m2) const {
  if (index < 0) return 0;
  auto i = static_cast<size_t>(index);
  if (GEOSPreparedContains_r(geos_.handle(), prepared_[i].get(), parcel) == 1)
    return parcel_m2 >= 0 ? parcel_m2 : area(geos_, parcel);
  if (GEOSPreparedIntersects_r(geos_.handle(), prepared_[i].get(), parcel) != 1) return 0;
  return intersection_area(geos_, parks_[i].get(), parcel);
}

ParkLocator::Hit ParkLocator::locate(const GEOSGeometry* parcel, double parcel_m2) const {
  thread_local std::vector<size_t> candidates;
  tree_.query(parcel, candidates);
  Hit best;
  for (size_t i : candidates) {
    if (GEOSPreparedContains_r(geos_.handle(), prepared_[i].get(), parcel) == 1) {
      // Wholly inside this park: the overlap is the parcel's whole area (if parks overlap, the
      // first such park is kept).
      double a = parcel_m2 >= 0 ? parcel_m2 : area(geos_, parcel);
      if (a > best.overlap_m2) best = Hit{static_cast<int>(i), a};
      continue;
    }
    if (GEOSPreparedIntersects_r(geos_.handle(), prepared_[i].get(), parcel) != 1) continue;
    double a = intersection_area(geos_, parks_[i].get(), parcel);
    if (a > best.overlap_m2) best = Hit{static_cast<int>(i), a};
  }
  return best;
}

}  // namespace parkatlas
