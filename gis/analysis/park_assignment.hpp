// Parcel -> park by largest overlap, with one STRtree over the parks built once and every park
// polygon prepared once (most parcels lie wholly inside one park: a prepared contains answers
// them).
#pragma once
#include <vector>

#include "gis/geos/geos_context.hpp"
#include "gis/geos/strtree.hpp"

namespace parkatlas {

class ParkLocator {
 public:
  ParkLocator(const GeosContext& geos, const std::vector<GeomPtr>& parks);

  struct Hit {
    int park = -1;          // index into the parks vector, -1 = outside every park
    double overlap_m2 = 0;  // area of the parcel inside that park
  };
  // `parcel_m2`, when known (≥ 0), is the parcel's own area: the overlap of a parcel wholly
  // inside a park, which need not be measured again.
  Hit locate(const GEOSGeometry* parcel, double parcel_m2 = -1) const;
  // Area of `parcel` inside park `index` (for checking a given park_id against the geometry).
  double overlap(const GEOSGeometry* parcel, int index, double parcel_m2 = -1) const;

 private:
  const GeosContext& geos_;
  const std::vector<GeomPtr>& parks_;
  std::vector<PreparedPtr> prepared_;
  StrTree tree_;
};

}  // namespace parkatlas
