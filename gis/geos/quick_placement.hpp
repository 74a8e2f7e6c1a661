// Exact shortcuts past GEOS's prepared contains / intersects for the commonest test of the
// buildings stage: a small convex footprint against a parcel. On the province data turned by
// 25°, a building has 2.4 candidate parcels whose boxes meet its own; GEOS answers each with
// segment-intersection tests and allocations, where a few signs of turns decide nearly all.
#pragma once
#include <vector>

#include "gis/geos/geos_context.hpp"
#include "gis/geos/quick_validity.hpp"

namespace parkatlas {

enum class Placement {
  inside,     // in the interior of the parcel: GEOS contains(parcel, building) is true
  apart,      // shares no point with it: GEOS intersects(parcel, building) is false
  undecided,  // ask GEOS
};

// Decided only when certain (every sign by certain_turn):
// - apart when one edge of `building` has every shell vertex of `polygonal` strictly on its
//   outer side (the building lies on the inner side, the polygon within the hull of its shells);
// - inside when `polygonal` is one polygon without holes whose shell is convex (every turn of the
//   same certain sign, and its edges run left and right exactly once each way, so they wind
//   around once) and every vertex of `building` is strictly inside every edge of that shell.
// Anything else (touching, straddling, holes, non-convex shells, other types) is undecided.
Placement certain_placement(const GeosContext& geos, const SmallConvexPolygon& building,
                            const GEOSGeometry* polygonal);

// What certain_placement needs of the polygonal geometry, for callers that place many buildings
// against one parcel.
struct PolygonalShells {
  bool usable = false;     // a Polygon or MultiPolygon with finite shell coordinates
  std::vector<XY> coords;  // every shell's coordinates, ring after ring
  int convex_sign = 0;     // non-zero: one convex polygon without holes, the sign of its turns
};
// Fills `out` (reusing its storage).
void read_shells(const GeosContext& geos, const GEOSGeometry* polygonal, PolygonalShells& out);
Placement certain_placement(const SmallConvexPolygon& building, const PolygonalShells& polygonal);

}  // namespace parkatlas
