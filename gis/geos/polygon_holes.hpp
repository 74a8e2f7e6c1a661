// Punching holes into polygons without an overlay: for polygons known to lie in the interior of
// an area and apart from each other, the area minus them is the area with their rings as holes.
#pragma once
#include <vector>

#include "gis/geos/geos_context.hpp"

namespace parkatlas {

// `area` (a polygon or multipolygon) with the exterior ring of each of `holes` (polygons) added
// as a hole of the part it lies in. The caller guarantees what makes the result valid: every
// hole lies in the interior of `area`, touches neither its boundary nor another hole. Null when
// a hole lies in no part (then the caller should overlay instead).
GeomPtr with_holes_added(const GeosContext& geos, const GEOSGeometry* area,
                         const std::vector<const GEOSGeometry*>& holes);

}  // namespace parkatlas
