// A shortcut past GEOS's validity check for the shapes that make up most of a land bureau's
// layers: triangles and convex quadrilaterals (building footprints, many parcels). GEOS's
// IsValidOp nodes every ring to look for self-intersections, about 2 µs per polygon, which was a
// fifth of reading a million parcels and three million buildings.
#pragma once
#include "gis/geos/geos_context.hpp"

namespace parkatlas {

// True only when `g` is certainly a valid polygon: a Polygon (or a MultiPolygon of one part)
// without holes whose shell is a closed ring of 3 or 4 distinct vertices, all coordinates finite,
// turning the same way at every vertex by more than the rounding error of the turn's sign
// (Shewchuk's orientation error bound). Such a ring is simple and encloses area, so the polygon
// is valid. False means "not decided here": ask GEOS.
bool certainly_valid_small_convex_polygon(const GeosContext& geos, const GEOSGeometry* g);

}  // namespace parkatlas
