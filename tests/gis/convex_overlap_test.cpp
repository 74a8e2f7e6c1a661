// The overlap of a convex footprint and a convex parcel by clipping (gis/geos/convex_overlap):
// hand-drawn pairs whose areas are worked out below, then GEOS's intersection as the oracle over
// random pairs, on a half-metre grid (touching is common) and at Gauss-Krüger coordinates of
// Jiangxi (3.2 million metres north), where rounding is largest.
#include <geos_c.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "geos_wkt.hpp"
#include "gis/geos/convex_overlap.hpp"
#include "random_shapes.hpp"

using namespace parkatlas;

namespace {

const std::string unit_square = "POLYGON((4 4,6 4,6 6,4 6,4 4))";  // the footprint, 2 m × 2 m

std::optional<ConvexOverlap> overlap_of(const GeosContext& geos, const std::string& building,
                                        const std::string& parcel) {
  const auto convex = small_convex_polygon(geos, test::expect_wkt(geos, building).get());
  EXPECT_TRUE(convex) << building;
  if (!convex) return std::nullopt;
  PolygonalShells shells;
  read_shells(geos, test::expect_wkt(geos, parcel).get(), shells);
  return convex_overlap(*convex, shells);
}

// Pairs whose shared area is worked out by hand; each parcel drawn both ways round where the
// orientation could matter.
struct Shared {
  const char* why;
  std::string building, parcel;
  bool whole;
  double area_m2;
};

const Shared shared_by_hand[] = {
    // Sharing the west edge x = 4 from inside: the whole 2 × 2 footprint.
    {"edge shared from inside, anticlockwise", unit_square, "POLYGON((4 0,10 0,10 10,4 10,4 0))",
     true, 4},
    {"edge shared from inside, clockwise", unit_square, "POLYGON((4 0,4 10,10 10,10 0,4 0))", true,
     4},
    // Straddling x = 5: the part x 4..5 × y 4..6 is 1 × 2 = 2 m².
    {"straddling x = 5, anticlockwise", unit_square, "POLYGON((0 0,5 0,5 10,0 10,0 0))", false, 2},
    {"straddling x = 5, clockwise", unit_square, "POLYGON((0 0,0 10,5 10,5 0,0 0))", false, 2},
    // A diamond of half-diagonal 10 around (0, 0) and the footprint 8..12 × -1..1: |y| <= 10 - x
    // leaves 2 × 1 = 2 m² for x in 8..9 and the triangle ∫ 2(10 - x) dx = 1 m² for x in 9..10.
    {"straddling a diamond's corner", "POLYGON((8 -1,12 -1,12 1,8 1,8 -1))",
     "POLYGON((10 0,0 10,-10 0,0 -10,10 0))", false, 3},
    // A triangle cutting the corner (6, 6) off along x + y = 11: the cut-off corner is the right
    // triangle with legs 1 and 1, so 4 - 0.5 = 3.5 m² remain.
    {"corner cut off by a triangle's long edge", unit_square, "POLYGON((0 0,11 0,0 11,0 0))", false,
     3.5},
};

}  // namespace

TEST(ConvexOverlap, HandDrawnPairs) {
  GeosContext geos;
  for (const Shared& c : shared_by_hand) {
    const auto o = overlap_of(geos, c.building, c.parcel);
    ASSERT_TRUE(o) << c.why;
    EXPECT_EQ(o->whole, c.whole) << c.why;
    EXPECT_NEAR(o->area_m2, c.area_m2, 1e-12) << c.why;
  }
  // Left to GEOS: touching from outside (no area at all), corner on corner, parcels that are not
  // one convex polygon without holes, and a footprint wholly outside (nothing shared).
  for (const char* parcel : {
           "POLYGON((0 0,4 0,4 10,0 10,0 0))",                                   // touches x = 4
           "POLYGON((0 0,4 0,4 4,0 4,0 0))",                                     // corner (4, 4)
           "POLYGON((0 0,10 0,10 10,0 10,0 0),(3 3,7 3,7 7,3 7,3 3))",           // a hole
           "POLYGON((0 0,10 0,10 10,8 10,8 2,2 2,2 10,0 10,0 0))",               // not convex
           "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)),((20 0,30 0,30 9,20 0)))",  // two parts
           "POLYGON((7 0,10 0,10 10,7 10,7 0))",                                 // 1 m away
       }) {
    EXPECT_FALSE(overlap_of(geos, unit_square, parcel)) << parcel;
  }
}

namespace {

struct Tally {
  int whole = 0, partial = 0, left_to_geos = 0, checked = 0;
  double worst = 0;  // largest |clipped - GEOS| in m²
};

// Every decided pair against GEOS: whole where GEOS's contains holds, the shared area equal to
// GEOS's intersection area within `tolerance` m²; a pair left to GEOS with a convex parcel must
// share no area by GEOS (touching or apart).
void compare_with_geos(const GeosContext& geos, const std::string& b_wkt, const std::string& p_wkt,
                       double tolerance, Tally& t) {
  GEOSContextHandle_t h = geos.handle();
  GeomPtr b = test::from_wkt(geos, b_wkt), p = test::from_wkt(geos, p_wkt);
  const auto convex = b ? small_convex_polygon(geos, b.get()) : std::nullopt;
  if (!convex || !p || GEOSisValid_r(h, p.get()) != 1) return;  // degenerate after snapping
  PolygonalShells shells;
  read_shells(geos, p.get(), shells);
  if (shells.convex_sign == 0) return;
  ++t.checked;
  const double shared = intersection_area(geos, p.get(), b.get());
  const auto o = convex_overlap(*convex, shells);
  if (!o) {
    ++t.left_to_geos;
    EXPECT_LE(shared, kDoubtfulOverlapM2) << b_wkt << " / " << p_wkt;
    return;
  }
  (o->whole ? t.whole : t.partial) += 1;
  if (o->whole) {
    EXPECT_EQ(GEOSContains_r(h, p.get(), b.get()), 1) << b_wkt << " / " << p_wkt;
  }
  const double off = std::fabs(o->area_m2 - shared);
  t.worst = std::max(t.worst, off);
  EXPECT_LE(off, tolerance) << b_wkt << " / " << p_wkt << ": " << o->area_m2 << " vs " << shared;
}

}  // namespace

TEST(ConvexOverlap, AgreesWithGeosOnAHalfMetreGrid) {
  GeosContext geos;
  std::mt19937 rng(20261207);
  std::uniform_real_distribution<double> offset(-6.0, 6.0);
  Tally t;
  for (int trial = 0; trial < 20000; ++trial)
    compare_with_geos(geos, test::random_ring(rng, 0, 0, 2.5, true),
                      test::random_ring(rng, offset(rng), offset(rng), 6, true), 1e-13, t);
  std::printf("checked %d whole %d partial %d left to GEOS %d; worst difference %.1e m²\n",
              t.checked, t.whole, t.partial, t.left_to_geos, t.worst);
  EXPECT_GT(t.checked, 10000);  // enough of each outcome for the checks to mean something
  EXPECT_GT(t.whole, 300);
  EXPECT_GT(t.partial, 1000);
  EXPECT_GT(t.left_to_geos, 500);
}

TEST(ConvexOverlap, AgreesWithGeosAtProvinceCoordinates) {
  GeosContext geos;
  std::mt19937 rng(20261208);
  std::uniform_real_distribution<double> offset(-40.0, 40.0);
  Tally t;
  // Footprints of 10 m radius and parcels of 40 m near (500 km, 3,200 km) of EPSG:4548, not on a
  // grid: every vertex and crossing carries rounding. A coordinate there is a double of spacing
  // 4.7e-10 m, so an edge of 60 m moved by one step sweeps 3e-8 m²: GEOS's overlay and the
  // clipping each round their crossings, and may differ by that much.
  const double x0 = 512345.678, y0 = 3201234.567;
  for (int trial = 0; trial < 20000; ++trial)
    compare_with_geos(geos, test::random_ring(rng, x0, y0, 10, true, 0),
                      test::random_ring(rng, x0 + offset(rng), y0 + offset(rng), 40, true, 0), 3e-8,
                      t);
  std::printf("checked %d whole %d partial %d left to GEOS %d; worst difference %.1e m²\n",
              t.checked, t.whole, t.partial, t.left_to_geos, t.worst);
  EXPECT_GT(t.checked, 15000);
  EXPECT_GT(t.whole, 1000);
  EXPECT_GT(t.partial, 1000);
}
