// Exact acceptance of small convex polygons; everything else is left to GEOS.
#include "gis/geos/quick_validity.hpp"

#include <array>
#include <cmath>

#include "gis/geos/certain_turn.hpp"

namespace parkatlas {

bool certainly_valid_small_convex_polygon(const GeosContext& geos, const GEOSGeometry* g) {
  return small_convex_polygon(geos, g).has_value();
}

std::optional<SmallConvexPolygon> small_convex_polygon(const GeosContext& geos,
                                                       const GEOSGeometry* g) {
  GEOSContextHandle_t h = geos.handle();
  int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_MULTIPOLYGON) {
    if (GEOSGetNumGeometries_r(h, g) != 1) return std::nullopt;
    g = GEOSGetGeometryN_r(h, g, 0);
    type = GEOSGeomTypeId_r(h, g);
  }
  if (type != GEOS_POLYGON || GEOSGetNumInteriorRings_r(h, g) != 0) return std::nullopt;
  const GEOSGeometry* shell = GEOSGetExteriorRing_r(h, g);
  if (!shell) return std::nullopt;
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, shell);
  unsigned int n = 0;
  if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n) || n < 4 || n > 5) return std::nullopt;
  std::array<XY, 5> p{};
  static_assert(sizeof(XY) == 2 * sizeof(double));
  if (!GEOSCoordSeq_copyToBuffer_r(h, seq, &p[0].x, 0, 0)) return std::nullopt;
  for (unsigned int i = 0; i < n; ++i)
    if (!std::isfinite(p[i].x) || !std::isfinite(p[i].y)) return std::nullopt;
  const unsigned int vertices = n - 1;
  // Every vertex turns the same way, each turn certain. A repeated vertex or a spike makes a
  // turn 0; a bow-tie turns both ways; three or four turns of the same sign, each under 180°,
  // add up to one full turn, so the ring is convex and simple.
  const int sign = uniform_turn_sign(p.data(), vertices);
  if (sign == 0) return std::nullopt;
  SmallConvexPolygon polygon;
  polygon.n = static_cast<int>(vertices);
  for (unsigned int i = 0; i < vertices; ++i) polygon.v[i] = p[i];
  polygon.sign = sign;
  return polygon;
}

}  // namespace parkatlas
