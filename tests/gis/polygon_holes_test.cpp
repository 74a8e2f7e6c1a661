// Holes punched into the right part of a multipolygon (gis/geos/polygon_holes), in both orders
// of the parts, against GEOS's own difference.
#include <gtest/gtest.h>

#include "geos_wkt.hpp"
#include "gis/geos/polygon_holes.hpp"

using namespace parkatlas;

namespace {

using test::from_wkt;

double area_of(const GeosContext& geos, const GEOSGeometry* g) {
  double a = -1;
  GEOSArea_r(geos.handle(), g, &a);
  return a;
}

// A U (0..300 x 0..300 minus the block 50..250 x 0..250: 90,000 - 50,000 = 40,000 m²) around an
// island 100..200 x 50..200 (15,000 m²) whose box lies inside the U's box, so a hole in the
// island cannot be placed by boxes alone.
const char* kUThenIsland =
    "MULTIPOLYGON(((0 0,50 0,50 250,250 250,250 0,300 0,300 300,0 300,0 0)),"
    "((100 50,200 50,200 200,100 200,100 50)))";
const char* kIslandThenU =
    "MULTIPOLYGON(((100 50,200 50,200 200,100 200,100 50)),"
    "((0 0,50 0,50 250,250 250,250 0,300 0,300 300,0 300,0 0)))";

}  // namespace

TEST(PolygonHoles, EachHoleGoesToThePartItLiesInWhateverTheOrder) {
  GeosContext geos;
  GEOSContextHandle_t h = geos.handle();
  // 40 x 40 in the island, 30 x 40 in the U's left arm: 55,000 - 1,600 - 1,200 = 52,200 m².
  GeomPtr in_island = from_wkt(geos, "POLYGON((130 80,170 80,170 120,130 120,130 80))");
  GeomPtr in_u = from_wkt(geos, "POLYGON((10 20,40 20,40 60,10 60,10 20))");
  const std::vector<const GEOSGeometry*> holes = {in_island.get(), in_u.get()};
  for (const char* text : {kUThenIsland, kIslandThenU}) {
    GeomPtr area = from_wkt(geos, text);
    ASSERT_TRUE(area) << text;
    ASSERT_EQ(GEOSGetNumGeometries_r(h, area.get()), 2);
    GeomPtr result = with_holes_added(geos, area.get(), holes);
    ASSERT_TRUE(result);
    EXPECT_EQ(GEOSisValid_r(h, result.get()), 1) << text;
    EXPECT_NEAR(area_of(geos, result.get()), 52200.0, 1e-9);
    GeomPtr both = make_geom(geos, GEOSUnion_r(h, in_island.get(), in_u.get()));
    GeomPtr expected = make_geom(geos, GEOSDifference_r(h, area.get(), both.get()));
    EXPECT_EQ(GEOSEquals_r(h, result.get(), expected.get()), 1) << text;
    // Each part got exactly one hole.
    for (int k = 0; k < 2; ++k)
      EXPECT_EQ(GEOSGetNumInteriorRings_r(h, GEOSGetGeometryN_r(h, result.get(), k)), 1);
  }
}

TEST(PolygonHoles, KeepsTheAreasOwnHolesAndRefusesAHoleOutsideEveryPart) {
  GeosContext geos;
  GEOSContextHandle_t h = geos.handle();
  // 100 x 100 with a 10 x 10 hole (9,900 m²), plus a 20 x 20 hole: 9,500 m², two holes.
  GeomPtr area = from_wkt(geos, "POLYGON((0 0,100 0,100 100,0 100,0 0),(5 5,15 5,15 15,5 15,5 5))");
  GeomPtr inside = from_wkt(geos, "POLYGON((50 50,70 50,70 70,50 70,50 50))");
  GeomPtr result = with_holes_added(geos, area.get(), {inside.get()});
  ASSERT_TRUE(result);
  EXPECT_NEAR(area_of(geos, result.get()), 9500.0, 1e-9);
  EXPECT_EQ(GEOSGetNumInteriorRings_r(h, GEOSGetGeometryN_r(h, result.get(), 0)), 2);
  EXPECT_EQ(GEOSisValid_r(h, result.get()), 1);
  GeomPtr outside = from_wkt(geos, "POLYGON((150 50,170 50,170 70,150 70,150 50))");
  EXPECT_FALSE(with_holes_added(geos, area.get(), {outside.get()}));
}

// An outline crossing a polygon with three holes: one hole inside the outline, one outside, one
// crossing it. Polygon 0..100 x 0..100 with holes A 10..20 x 10..20 (inside the outline), B
// 80..90 x 80..90 (outside), C 45..55 x 40..50 (crossed by the outline's edge x = 50); outline
// 0..50 x -10..110. Inside: 50 x 100 = 5,000 - A 100 - C's half 5 x 10 = 50 → 4,850 m².
TEST(PolygonHoles, IntersectionAreaRingByRingEqualsTheOverlay) {
  GeosContext geos;
  GEOSContextHandle_t h = geos.handle();
  GeomPtr g = from_wkt(geos,
                       "POLYGON((0 0,100 0,100 100,0 100,0 0),(10 10,20 10,20 20,10 20,10 10),"
                       "(80 80,90 80,90 90,80 90,80 80),(45 40,55 40,55 50,45 50,45 40))");
  GeomPtr outline = from_wkt(geos, "POLYGON((0 -10,50 -10,50 110,0 110,0 -10))");
  PreparedPtr prepared = prepare(geos, outline.get());
  const double by_rings = intersection_area_by_rings(geos, outline.get(), prepared.get(), g.get());
  EXPECT_NEAR(by_rings, 4850.0, 1e-9);
  GeomPtr overlay = make_geom(geos, GEOSIntersection_r(h, outline.get(), g.get()));
  EXPECT_NEAR(by_rings, area_of(geos, overlay.get()), 1e-9);
  // A multipolygon: the same polygon twice, the second moved 200 m right (outside the outline).
  GeomPtr multi =
      from_wkt(geos,
               "MULTIPOLYGON(((0 0,100 0,100 100,0 100,0 0),(10 10,20 10,20 20,10 20,10 10)),"
               "((200 0,300 0,300 100,200 100,200 0)))");
  // 5,000 - 100 from the first part, nothing from the second.
  EXPECT_NEAR(intersection_area_by_rings(geos, outline.get(), prepared.get(), multi.get()), 4900.0,
              1e-9);
}
