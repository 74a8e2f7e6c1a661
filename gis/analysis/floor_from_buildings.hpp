// Floor area and footprint of buildings attributed to parcels: a building straddling parcels gives
// each the share of its floor area equal to the share of its footprint inside it (data-model.md).
#pragma once
#include <vector>

#include "gis/geos/geos_context.hpp"
#include "gis/geos/strtree.hpp"

namespace parkatlas {

class ParcelIndex {
 public:
  ParcelIndex(const GeosContext& geos, const std::vector<GeomPtr>& parcels);

  struct Share {
    size_t parcel;
    double footprint_m2;  // part of the building's footprint inside this parcel
  };
  // Shares of `building` (footprint area `footprint_m2`) per parcel; the part outside every
  // parcel is not returned.
  // Thread-safe: `geos` is the calling thread's context.
  void shares(const GeosContext& geos, const GEOSGeometry* building, double footprint_m2,
              std::vector<Share>& out) const;

 private:
  const std::vector<GeomPtr>& parcels_;
  StrTree tree_;
};

}  // namespace parkatlas
