// Polygons with holes without a full overlay: punching holes into an area when the holes are
// known to lie in its interior apart from each other, and the area of an outline's intersection
// with a polygon of many holes worked out ring by ring.
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

// Area of `outline` ∩ `g` (polygonal) worked out ring by ring: per part, the shell's polygon minus
// each hole's (hole interiors are disjoint and inside the shell). A ring's polygon inside the
// outline counts whole, one apart from it not at all; only those crossing its boundary are
// overlaid. Much quicker than one overlay of `g` when it has many holes (a batch minus its
// supplied parcels). `prepared_outline` is `outline` prepared. Throws GisError when GEOS fails.
double intersection_area_by_rings(const GeosContext& geos, const GEOSGeometry* outline,
                                  const GEOSPreparedGeometry* prepared_outline,
                                  const GEOSGeometry* g);

}  // namespace parkatlas
