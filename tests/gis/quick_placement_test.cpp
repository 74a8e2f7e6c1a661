// The shortcut past GEOS's prepared contains / intersects in the buildings stage: hand-drawn
// placements whose answer is plain to see (a building well inside, clearly beside, touching,
// straddling; parcels with holes, non-convex, several parts), then GEOS itself as the oracle over
// random shapes on a coarse grid, where touching edges and shared vertices are common. The
// shortcut may say "undecided", never "inside" where GEOS's contains is false nor "apart" where
// its intersects is true.
#include <gdal_priv.h>
#include <geos_c.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "geos_wkt.hpp"
#include "gis/geos/quick_placement.hpp"
#include "random_shapes.hpp"
#include "test_paths.hpp"

using namespace parkatlas;

namespace {

const std::string unit_square = "POLYGON((4 4,6 4,6 6,4 6,4 4))";  // the building, 2 m × 2 m

struct Case {
  const char* why;
  std::string building, parcel;
  Placement expected;
};

const Case hand_drawn[] = {
    // Inside a convex parcel, either orientation.
    {"square, anticlockwise", unit_square, "POLYGON((0 0,10 0,10 10,0 10,0 0))", Placement::inside},
    {"square, clockwise", unit_square, "POLYGON((0 0,0 10,10 10,10 0,0 0))", Placement::inside},
    {"clockwise building in a hexagon", "POLYGON((4 4,4 6,6 6,6 4,4 4))",
     "POLYGON((3 0,7 0,10 5,7 10,3 10,0 5,3 0))", Placement::inside},
    {"triangle", unit_square, "POLYGON((0 0,20 0,0 20,0 0))", Placement::inside},
    {"one part of a multipolygon counts as a polygon", unit_square,
     "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)))", Placement::inside},
    // Clearly beside.
    {"1 m east of the building's east edge (x = 6)", unit_square,
     "POLYGON((7 0,10 0,10 10,7 10,7 0))", Placement::apart},
    {"both parts beyond the building's north edge (y = 6)", unit_square,
     "MULTIPOLYGON(((0 7,3 7,3 9,0 9,0 7)),((7 7,9 7,9 9,7 9,7 7)))", Placement::apart},
    {"an L-shaped parcel wholly beyond x = 6", unit_square,
     "POLYGON((7 0,12 0,12 2,9 2,9 10,7 10,7 0))", Placement::apart},
    // Left to GEOS.
    {"sharing the west edge from inside (GEOS: contains)", unit_square,
     "POLYGON((4 0,10 0,10 10,4 10,4 0))", Placement::undecided},
    {"sharing the west edge from outside (GEOS: touches)", unit_square,
     "POLYGON((0 0,4 0,4 10,0 10,0 0))", Placement::undecided},
    {"corner on corner", unit_square, "POLYGON((0 0,4 0,4 4,0 4,0 0))", Placement::undecided},
    {"straddling x = 5", unit_square, "POLYGON((0 0,5 0,5 10,0 10,0 0))", Placement::undecided},
    {"inside the shell of a parcel with a hole (here under the building)", unit_square,
     "POLYGON((0 0,10 0,10 10,0 10,0 0),(3 3,7 3,7 7,3 7,3 3))", Placement::undecided},
    {"inside a non-convex shell", unit_square,
     "POLYGON((0 0,10 0,10 10,8 10,8 2,2 2,2 10,0 10,0 0))", Placement::undecided},
    {"a pentagram turns one way at every vertex but winds twice", unit_square,
     "POLYGON((5 -20,16.8 16.2,-14 -6.2,24 -6.2,-6.8 16.2,5 -20))", Placement::undecided},
    {"apart, but only the parcel's edge x + y = 12.5 separates (the corner is at 12)", unit_square,
     "POLYGON((3 9.5,9.5 3,12 12,3 9.5))", Placement::undecided},
    {"a line is not polygonal", unit_square, "LINESTRING(0 0,10 10)", Placement::undecided},
};

}  // namespace

TEST(QuickPlacement, HandDrawnPlacements) {
  GeosContext geos;
  for (const Case& c : hand_drawn) {
    const auto convex = small_convex_polygon(geos, test::expect_wkt(geos, c.building).get());
    ASSERT_TRUE(convex) << c.why;
    EXPECT_EQ(certain_placement(geos, *convex, test::expect_wkt(geos, c.parcel).get()), c.expected)
        << c.why;
  }
}

TEST(QuickPlacement, NeverContradictsGeosOnRandomShapes) {
  GeosContext geos;
  GEOSContextHandle_t h = geos.handle();
  std::mt19937 rng(20261207);
  std::uniform_real_distribution<double> offset(-6.0, 6.0);
  int inside = 0, apart = 0, undecided = 0, checked = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    GeomPtr b = test::from_wkt(geos, test::random_ring(rng, 0, 0, 2.5, true));
    const auto convex = b ? small_convex_polygon(geos, b.get()) : std::nullopt;
    if (!convex) continue;  // degenerate after snapping to the grid
    GeomPtr p =
        test::from_wkt(geos, test::random_ring(rng, offset(rng), offset(rng), 6, trial % 2 == 0));
    if (!p || GEOSisValid_r(h, p.get()) != 1) continue;
    ++checked;
    switch (certain_placement(geos, *convex, p.get())) {
      case Placement::inside:
        ++inside;
        EXPECT_EQ(GEOSContains_r(h, p.get(), b.get()), 1) << "trial " << trial;
        break;
      case Placement::apart:
        ++apart;
        EXPECT_EQ(GEOSIntersects_r(h, p.get(), b.get()), 0) << "trial " << trial;
        break;
      case Placement::undecided:
        ++undecided;
        break;
    }
  }
  std::printf("checked %d inside %d apart %d undecided %d\n", checked, inside, apart, undecided);
  // Enough of each answer for the check to mean something.
  EXPECT_GT(checked, 10000);
  EXPECT_GT(inside, 150);
  EXPECT_GT(apart, 500);
  EXPECT_GT(undecided, 500);
}

namespace {

// Every polygon of a GeoJSON file of ../shared, as GEOS geometries (coordinates as stored).
std::vector<GeomPtr> polygons_of(const GeosContext& geos, const std::string& path) {
  std::vector<GeomPtr> out;
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  EXPECT_TRUE(ds) << path;
  if (!ds) return out;
  for (auto& feature : ds->GetLayer(0)) {
    const OGRGeometry* g = feature->GetGeometryRef();
    if (!g) continue;
    GeomPtr gg = make_geom(geos, g->exportToGEOS(geos.handle()));
    if (gg && GEOSisValid_r(geos.handle(), gg.get()) == 1) out.push_back(std::move(gg));
  }
  return out;
}

struct Tally {
  int inside = 0, apart = 0, undecided = 0;
};

// Places every small convex polygon of `buildings` against every polygon of `parcels` whose box
// meets its own, checking each decision against GEOS.
Tally place_all(const GeosContext& geos, const std::vector<GeomPtr>& buildings,
                const std::vector<GeomPtr>& parcels) {
  GEOSContextHandle_t h = geos.handle();
  Tally t;
  for (size_t i = 0; i < buildings.size(); ++i) {
    const auto convex = small_convex_polygon(geos, buildings[i].get());
    if (!convex) continue;
    const GeomBox box = box_of(geos, buildings[i].get());
    for (size_t j = 0; j < parcels.size(); ++j) {
      if (parcels[j].get() == buildings[i].get() || !box.meets(box_of(geos, parcels[j].get())))
        continue;
      switch (certain_placement(geos, *convex, parcels[j].get())) {
        case Placement::inside:
          ++t.inside;
          EXPECT_EQ(GEOSContains_r(h, parcels[j].get(), buildings[i].get()), 1) << i << " in " << j;
          break;
        case Placement::apart:
          ++t.apart;
          EXPECT_EQ(GEOSIntersects_r(h, parcels[j].get(), buildings[i].get()), 0)
              << i << " apart from " << j;
          break;
        case Placement::undecided:
          ++t.undecided;
          break;
      }
    }
  }
  return t;
}

}  // namespace

// Real shapes from OpenStreetMap (../shared/datasets-external/osm-samples): Helsinki's centre,
// where buildings share walls (each building placed against its neighbours), and Liechtenstein's
// industrial buildings against the industrial land-use polygons they stand on.
TEST(QuickPlacement, NeverContradictsGeosOnOsmBuildings) {
  const std::string helsinki = test::external("osm-samples/helsinki_center_buildings.geojson");
  const std::string li_buildings =
      test::external("osm-samples/liechtenstein_2013_buildings_in_industrial.geojson");
  const std::string li_landuse =
      test::external("osm-samples/liechtenstein_2013_landuse_industrial.geojson");
  if (helsinki.empty() || li_buildings.empty() || li_landuse.empty())
    GTEST_SKIP() << "../shared/datasets-external not present";
  GeosContext geos;
  const auto blocks = polygons_of(geos, helsinki);
  const Tally neighbours = place_all(geos, blocks, blocks);
  const Tally on_land =
      place_all(geos, polygons_of(geos, li_buildings), polygons_of(geos, li_landuse));
  std::printf(
      "Helsinki neighbours: %d apart, %d undecided; Liechtenstein: %d inside, %d apart, "
      "%d undecided\n",
      neighbours.apart, neighbours.undecided, on_land.inside, on_land.apart, on_land.undecided);
  // Some decisions of each kind were checked (15 apart, 2 inside when written).
  EXPECT_GT(neighbours.apart, 0);
  EXPECT_GT(on_land.inside, 0);
}
