// The polygon WKB encoder: one polygon's bytes worked out by hand, then GEOS's own WKBWriter
// (2D, little-endian, as the GeoPackage writer sets it up) as the oracle over holes, parts,
// empties, Z coordinates and random shapes.
#include "gis/geos/polygon_wkb.hpp"

#include <geos_c.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>

#include "geos_wkt.hpp"

using namespace parkatlas;

namespace {

std::string geos_wkb(const GeosContext& geos, const GEOSGeometry* g) {
  GEOSContextHandle_t h = geos.handle();
  GEOSWKBWriter* w = GEOSWKBWriter_create_r(h);
  GEOSWKBWriter_setByteOrder_r(h, w, GEOS_WKB_NDR);
  GEOSWKBWriter_setOutputDimension_r(h, w, 2);
  size_t n = 0;
  unsigned char* bytes = GEOSWKBWriter_write_r(h, w, g, &n);
  std::string out(reinterpret_cast<const char*>(bytes), n);
  GEOSFree_r(h, bytes);
  GEOSWKBWriter_destroy_r(h, w);
  return out;
}

std::string ours(const GeosContext& geos, const GEOSGeometry* g) {
  std::string out = "prefix";  // appended after what is there
  EXPECT_TRUE(append_polygonal_wkb(geos, g, out));
  EXPECT_EQ(out.substr(0, 6), "prefix");
  return out.substr(6);
}

std::string u32(std::uint32_t v) {
  return std::string(reinterpret_cast<const char*>(&v), 4);
}
std::string f64(double v) {
  return std::string(reinterpret_cast<const char*>(&v), 8);
}

}  // namespace

TEST(PolygonWkb, TriangleByHand) {
  GeosContext geos;
  GeomPtr g = test::from_wkt(geos, "POLYGON((0 0,2 0,0 3,0 0))");
  ASSERT_TRUE(g);
  // Byte order 1 (NDR), type 3 (polygon), 1 ring of 4 points, then x y of each point:
  // 1 + 4 + 4 + 4 + 4 × 16 = 77 bytes.
  const std::string expected = std::string("\x01", 1) + u32(3) + u32(1) + u32(4) + f64(0) + f64(0) +
                               f64(2) + f64(0) + f64(0) + f64(3) + f64(0) + f64(0);
  ASSERT_EQ(expected.size(), 77u);
  EXPECT_EQ(ours(geos, g.get()), expected);
}

TEST(PolygonWkb, SameBytesAsGeosWriter) {
  GeosContext geos;
  const char* shapes[] = {
      "POLYGON((0 0,10 0,10 10,0 10,0 0))",
      "POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,2 3,3 3,3 2,2 2),(5 5,5 6,6 6,5 5))",
      "POLYGON Z((0 0 5,10 0 5,10 10 7,0 0 5))",  // Z is dropped, as the writer is set to 2D
      "POLYGON EMPTY",
      "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 6,5 5),(5.2 5.2,5.2 5.4,5.4 5.4,5.2 5.2)))",
      "MULTIPOLYGON(((500000.123456789 3300000.987654321,500030.5 3300001.25,"
      "500029.5 3300031.25,500000.123456789 3300000.987654321)))",
      "MULTIPOLYGON EMPTY",
  };
  for (const char* wkt : shapes) {
    GeomPtr g = test::from_wkt(geos, wkt);
    ASSERT_TRUE(g) << wkt;
    EXPECT_EQ(ours(geos, g.get()), geos_wkb(geos, g.get())) << wkt;
  }
  // Random quadrilaterals and pentagons with random holes, alone and in multipolygons.
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> coord(-1e6, 1e6);
  for (int k = 0; k < 200; ++k) {
    std::string ring;
    const int n = 4 + k % 3;
    double first_x = coord(rng), first_y = coord(rng);
    ring = std::to_string(first_x) + " " + std::to_string(first_y);
    for (int p = 1; p < n; ++p)
      ring += "," + std::to_string(coord(rng)) + " " + std::to_string(coord(rng));
    ring += "," + std::to_string(first_x) + " " + std::to_string(first_y);
    const std::string wkt =
        k % 2 ? "POLYGON((" + ring + "))" : "MULTIPOLYGON(((" + ring + ")),((" + ring + ")))";
    GeomPtr g = test::from_wkt(geos, wkt);
    ASSERT_TRUE(g) << wkt;
    EXPECT_EQ(ours(geos, g.get()), geos_wkb(geos, g.get())) << wkt;
  }
}

TEST(PolygonWkb, LeavesOtherTypesToGeosAndAppendsNothing) {
  GeosContext geos;
  for (const char* wkt :
       {"POINT(1 2)", "LINESTRING(0 0,1 1)", "GEOMETRYCOLLECTION(POLYGON((0 0,1 0,1 1,0 0)))"}) {
    GeomPtr g = test::from_wkt(geos, wkt);
    ASSERT_TRUE(g) << wkt;
    std::string out = "kept";
    EXPECT_FALSE(append_polygonal_wkb(geos, g.get(), out)) << wkt;
    EXPECT_EQ(out, "kept") << wkt;
  }
  std::string out;
  EXPECT_FALSE(append_polygonal_wkb(geos, nullptr, out));
  EXPECT_TRUE(out.empty());
}
