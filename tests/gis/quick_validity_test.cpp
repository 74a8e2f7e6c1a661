// The shortcut past GEOS's validity check: hand-drawn shapes whose validity is plain to see,
// then GEOS itself as the oracle over random quadrilaterals (the shortcut may say "don't know",
// never "valid" for a polygon GEOS calls invalid).
#include <geos_c.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "geos_wkt.hpp"
#include "gis/geos/quick_validity.hpp"

using namespace parkatlas;

namespace {

bool shortcut(const GeosContext& geos, const std::string& wkt) {
  return certainly_valid_small_convex_polygon(geos, test::expect_wkt(geos, wkt).get());
}

bool geos_valid(const GeosContext& geos, const GEOSGeometry* g) {
  return GEOSisValid_r(geos.handle(), g) == 1;
}

}  // namespace

TEST(QuickValidity, AcceptsConvexTrianglesAndQuadrilateralsEitherWay) {
  GeosContext geos;
  EXPECT_TRUE(shortcut(geos, "POLYGON((0 0,10 0,10 10,0 10,0 0))"));  // counter-clockwise
  EXPECT_TRUE(shortcut(geos, "POLYGON((0 0,0 10,10 10,10 0,0 0))"));  // clockwise
  EXPECT_TRUE(shortcut(geos, "POLYGON((0 0,10 0,5 8,0 0))"));         // triangle
  EXPECT_TRUE(shortcut(geos,
                       "POLYGON((500000.5 3300000.25,500030.5 3300001.25,"
                       "500029.5 3300031.25,499999.5 3300030.25,500000.5 3300000.25))"));
  EXPECT_TRUE(shortcut(geos, "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)))"));  // one part
}

TEST(QuickValidity, LeavesEverythingElseToGeos) {
  GeosContext geos;
  // Invalid: bow-tie (edges (0 0)-(10 10) and (10 0)-(0 10) cross at (5 5)), repeated vertex
  // (zero-length edge), spike back along an edge, zero area.
  EXPECT_FALSE(shortcut(geos, "POLYGON((0 0,10 10,10 0,0 10,0 0))"));
  EXPECT_FALSE(shortcut(geos, "POLYGON((0 0,10 0,10 0,0 10,0 0))"));
  EXPECT_FALSE(shortcut(geos, "POLYGON((0 0,10 0,5 0,0 10,0 0))"));
  EXPECT_FALSE(shortcut(geos, "POLYGON((0 0,10 0,20 0,0 0))"));
  // Valid, but not for the shortcut to decide: a vertex on a straight edge (turn 0), a concave
  // arrowhead, a pentagon, a hole, two parts.
  EXPECT_FALSE(shortcut(geos, "POLYGON((0 0,5 0,10 0,0 10,0 0))"));
  EXPECT_FALSE(shortcut(geos, "POLYGON((0 0,20 10,0 20,5 10,0 0))"));
  EXPECT_FALSE(shortcut(geos, "POLYGON((0 0,10 0,12 5,10 10,0 10,0 0))"));
  EXPECT_FALSE(shortcut(geos, "POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,2 3,3 3,3 2,2 2))"));
  EXPECT_FALSE(shortcut(geos, "MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((5 5,6 5,6 6,5 6,5 5)))"));
  EXPECT_FALSE(shortcut(geos, "POINT(1 1)"));
  EXPECT_FALSE(shortcut(geos, "POLYGON EMPTY"));
}

TEST(QuickValidity, RefusesNonFiniteCoordinates) {
  GeosContext geos;
  GEOSContextHandle_t h = geos.handle();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double xy[5][2] = {{0, 0}, {10, 0}, {10, nan}, {0, 10}, {0, 0}};
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, 5, 2);
  for (unsigned i = 0; i < 5; ++i) GEOSCoordSeq_setXY_r(h, seq, i, xy[i][0], xy[i][1]);
  GeomPtr poly =
      make_geom(geos, GEOSGeom_createPolygon_r(h, GEOSGeom_createLinearRing_r(h, seq), nullptr, 0));
  ASSERT_TRUE(poly);
  EXPECT_FALSE(certainly_valid_small_convex_polygon(geos, poly.get()));
}

TEST(QuickValidity, NeverCallsValidWhatGeosCallsInvalid) {
  // Random quadrilaterals on a small integer grid are often bow-ties, collinear or degenerate;
  // others are near-degenerate slivers at projected-coordinate magnitudes. Whatever the shortcut
  // accepts, GEOS must find valid; and it must accept most of the valid convex ones (on the grid,
  // a valid quadrilateral whose convex hull has its own area and four vertices is convex).
  GeosContext geos;
  GEOSContextHandle_t h = geos.handle();
  std::mt19937_64 rng(20261205);
  std::uniform_int_distribution<int> grid(0, 4);
  std::uniform_real_distribution<double> jitter(-1e-9, 1e-9);
  int accepted = 0, convex_on_grid = 0, convex_accepted = 0;
  for (int k = 0; k < 20000; ++k) {
    const bool on_grid = k % 2 == 0;
    double x[4], y[4];
    for (int i = 0; i < 4; ++i) {
      x[i] = grid(rng), y[i] = grid(rng);
      if (!on_grid) x[i] = 500000 + x[i] * 1e-8 + jitter(rng), y[i] = 3300000 + y[i] * 1e-8;
    }
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, 5, 2);
    for (unsigned i = 0; i < 5; ++i) GEOSCoordSeq_setXY_r(h, seq, i, x[i % 4], y[i % 4]);
    GeomPtr poly = make_geom(
        geos, GEOSGeom_createPolygon_r(h, GEOSGeom_createLinearRing_r(h, seq), nullptr, 0));
    ASSERT_TRUE(poly);
    const bool quick = certainly_valid_small_convex_polygon(geos, poly.get());
    const bool valid = geos_valid(geos, poly.get());
    if (quick) {
      ++accepted;
      ASSERT_TRUE(valid) << "shortcut accepted a polygon GEOS calls invalid, case " << k;
    }
    if (on_grid && valid) {
      GeomPtr hull = make_geom(geos, GEOSConvexHull_r(h, poly.get()));
      double a = 0, ha = 0;
      GEOSArea_r(h, poly.get(), &a);
      GEOSArea_r(h, hull.get(), &ha);
      const bool four_corners = GEOSGetNumCoordinates_r(h, hull.get()) == 5;
      if (a == ha && four_corners) {
        ++convex_on_grid;
        if (quick) ++convex_accepted;
      }
    }
  }
  EXPECT_GT(accepted, 1000);
  EXPECT_GT(convex_on_grid, 500);
  // On the grid every coordinate is exact, so no turn is in doubt: all convex ones are taken.
  EXPECT_EQ(convex_accepted, convex_on_grid);
}
