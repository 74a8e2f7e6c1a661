// A shortcut past GEOS's validity check for the shapes that make up most of a land bureau's
// layers: triangles and convex quadrilaterals (building footprints, many parcels). GEOS's
// IsValidOp nodes every ring to look for self-intersections, about 2 µs per polygon, which was a
// fifth of reading a million parcels and three million buildings.
#pragma once
#include <array>
#include <optional>

#include "gis/geos/certain_turn.hpp"
#include "gis/geos/geos_context.hpp"

namespace parkatlas {

// True only when `g` is certainly a valid polygon: a Polygon (or a MultiPolygon of one part)
// without holes whose shell is a closed ring of 3 or 4 distinct vertices, all coordinates finite,
// turning the same way at every vertex by more than the rounding error of the turn's sign
// (Shewchuk's orientation error bound). Such a ring is simple and encloses area, so the polygon
// is valid. False means "not decided here": ask GEOS.
bool certainly_valid_small_convex_polygon(const GeosContext& geos, const GEOSGeometry* g);

// Such a polygon: its distinct vertices in ring order, the sign of its turns (+1: anticlockwise).
struct SmallConvexPolygon {
  std::array<XY, 4> v{};
  int n = 0;
  int sign = 0;
};
// The polygon when certainly_valid_small_convex_polygon(g) holds, else nothing.
std::optional<SmallConvexPolygon> small_convex_polygon(const GeosContext& geos,
                                                       const GEOSGeometry* g);

}  // namespace parkatlas
