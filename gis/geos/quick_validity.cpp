// Exact acceptance of small convex polygons; everything else is left to GEOS.
#include "gis/geos/quick_validity.hpp"

#include <array>
#include <cmath>
#include <limits>

namespace parkatlas {

namespace {

struct XY {
  double x, y;
};

// Sign of the turn a→b→c: +1 left, -1 right, 0 when rounding could have decided the sign
// (collinear or too close to it to tell). Shewchuk, "Adaptive Precision Floating-Point
// Arithmetic and Fast Robust Geometric Predicates" (1997), orient2d's first filter.
int certain_turn(const XY& a, const XY& b, const XY& c) {
  constexpr double eps = std::numeric_limits<double>::epsilon() / 2;  // 2^-53
  constexpr double bound = (3.0 + 16.0 * eps) * eps;
  const double left = (a.x - c.x) * (b.y - c.y);
  const double right = (a.y - c.y) * (b.x - c.x);
  const double det = left - right;
  const double sum = std::fabs(left) + std::fabs(right);
  if (det > bound * sum) return 1;
  if (-det > bound * sum) return -1;
  return 0;
}

}  // namespace

bool certainly_valid_small_convex_polygon(const GeosContext& geos, const GEOSGeometry* g) {
  GEOSContextHandle_t h = geos.handle();
  int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_MULTIPOLYGON) {
    if (GEOSGetNumGeometries_r(h, g) != 1) return false;
    g = GEOSGetGeometryN_r(h, g, 0);
    type = GEOSGeomTypeId_r(h, g);
  }
  if (type != GEOS_POLYGON || GEOSGetNumInteriorRings_r(h, g) != 0) return false;
  const GEOSGeometry* shell = GEOSGetExteriorRing_r(h, g);
  if (!shell) return false;
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, shell);
  unsigned int n = 0;
  if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n) || n < 4 || n > 5) return false;
  std::array<XY, 5> p{};
  for (unsigned int i = 0; i < n; ++i) {
    if (!GEOSCoordSeq_getXY_r(h, seq, i, &p[i].x, &p[i].y)) return false;
    if (!std::isfinite(p[i].x) || !std::isfinite(p[i].y)) return false;
  }
  const unsigned int vertices = n - 1;
  if (p[0].x != p[vertices].x || p[0].y != p[vertices].y) return false;  // not closed
  // Every vertex turns the same way, each turn certain. A repeated vertex or a spike makes a
  // turn 0; a bow-tie turns both ways; three or four turns of the same sign, each under 180°,
  // add up to one full turn, so the ring is convex and simple.
  int sign = 0;
  for (unsigned int i = 0; i < vertices; ++i) {
    const int turn = certain_turn(p[i], p[(i + 1) % vertices], p[(i + 2) % vertices]);
    if (turn == 0 || (sign != 0 && turn != sign)) return false;
    sign = turn;
  }
  return true;
}

}  // namespace parkatlas
