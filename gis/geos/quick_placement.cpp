// Certain placements of a small convex polygon against a polygonal geometry.
#include "gis/geos/quick_placement.hpp"

#include <cmath>
#include <vector>

namespace parkatlas {

namespace {

// Appends the ring's coordinates; false when it has none or a coordinate is not finite.
bool append_ring(GEOSContextHandle_t h, const GEOSGeometry* ring, std::vector<XY>& out) {
  const GEOSCoordSequence* seq = ring ? GEOSGeom_getCoordSeq_r(h, ring) : nullptr;
  unsigned int n = 0;
  if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n) || n < 4) return false;
  const size_t start = out.size();
  out.resize(start + n);
  static_assert(sizeof(XY) == 2 * sizeof(double));
  if (!GEOSCoordSeq_copyToBuffer_r(h, seq, &out[start].x, 0, 0)) return false;
  for (size_t i = start; i < out.size(); ++i)
    if (!std::isfinite(out[i].x) || !std::isfinite(out[i].y)) return false;
  return true;
}

bool apart(const SmallConvexPolygon& b, const std::vector<XY>& shells) {
  for (int i = 0; i < b.n; ++i) {
    const XY& from = b.v[static_cast<size_t>(i)];
    const XY& to = b.v[static_cast<size_t>((i + 1) % b.n)];
    bool all_outside = true;
    for (const XY& q : shells)
      if (certain_turn(from, to, q) != -b.sign) {
        all_outside = false;
        break;
      }
    if (all_outside) return true;
  }
  return false;
}

// The sign of the turns of a convex, simple, closed ring, or 0 when that is not certain.
int convex_ring_sign(const std::vector<XY>& ring) {
  const size_t n = ring.size() - 1;  // distinct vertices (the last repeats the first)
  const int sign = uniform_turn_sign(ring.data(), n);
  if (sign == 0) return 0;
  // Turns of one sign, each under 180°, add up to k full turns; the edges' x direction then
  // changes sign 2k times. k = 1 is a convex simple ring (k = 2 would be a pentagram).
  auto x_direction = [&](size_t edge) {
    const double dx = ring[edge + 1].x - ring[edge].x;
    return dx > 0 ? 1 : dx < 0 ? -1 : 0;
  };
  size_t first = 0;
  while (first < n && x_direction(first) == 0) ++first;
  if (first == n) return 0;
  int changes = 0, last = x_direction(first);
  for (size_t k = 1; k <= n; ++k) {  // every edge after the first, and the first again
    const int dir = x_direction((first + k) % n);
    if (dir == 0) continue;
    if (dir != last) ++changes;
    last = dir;
  }
  return changes == 2 ? sign : 0;
}

bool inside(const SmallConvexPolygon& b, const std::vector<XY>& shell, int shell_sign) {
  const size_t n = shell.size() - 1;
  for (int k = 0; k < b.n; ++k)
    for (size_t j = 0; j < n; ++j)
      if (certain_turn(shell[j], shell[j + 1], b.v[static_cast<size_t>(k)]) != shell_sign)
        return false;
  return true;
}

}  // namespace

void read_shells(const GeosContext& geos, const GEOSGeometry* polygonal, PolygonalShells& out) {
  GEOSContextHandle_t h = geos.handle();
  out.usable = false;
  out.coords.clear();
  out.convex_sign = 0;
  const int type = GEOSGeomTypeId_r(h, polygonal);
  int parts = 1;
  if (type == GEOS_MULTIPOLYGON)
    parts = GEOSGetNumGeometries_r(h, polygonal);
  else if (type != GEOS_POLYGON)
    return;
  if (parts < 1) return;
  bool holes = false;
  for (int k = 0; k < parts; ++k) {
    const GEOSGeometry* part =
        type == GEOS_MULTIPOLYGON ? GEOSGetGeometryN_r(h, polygonal, k) : polygonal;
    if (!part) return;
    holes = holes || GEOSGetNumInteriorRings_r(h, part) != 0;
    if (!append_ring(h, GEOSGetExteriorRing_r(h, part), out.coords)) return;
  }
  out.usable = true;
  if (parts == 1 && !holes) out.convex_sign = convex_ring_sign(out.coords);
}

Placement certain_placement(const SmallConvexPolygon& building, const PolygonalShells& polygonal) {
  if (!polygonal.usable) return Placement::undecided;
  if (polygonal.convex_sign != 0 && inside(building, polygonal.coords, polygonal.convex_sign))
    return Placement::inside;
  return apart(building, polygonal.coords) ? Placement::apart : Placement::undecided;
}

Placement certain_placement(const GeosContext& geos, const SmallConvexPolygon& building,
                            const GEOSGeometry* polygonal) {
  thread_local PolygonalShells shells;
  read_shells(geos, polygonal, shells);
  return certain_placement(building, shells);
}

}  // namespace parkatlas
