// The desktop's map data (gis/map, gis/style) on hand-made fixtures: a GeoPackage written here
// with GDAL holding squares whose coordinates, holes and attributes are known, so boxes, rings,
// point queries and attribute texts can be checked by hand.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <fstream>

#include "gis/gdal/gdal_setup.hpp"
#include "gis/gis_error.hpp"
#include "gis/map/map_source.hpp"
#include "gis/style/style_book.hpp"
#include "test_paths.hpp"

using namespace parkatlas;

namespace {

// parcels: A = square 0..100 with a hole 40..60 (verdict compliant, far 1.5, approved
// 2024-01-31); B = square 200..210 × 0..10 (verdict below_far, far null). EPSG:4547.
std::string make_fixture() {
  ensure_gdal_registered();
  const auto dir = test::temp_dir("map-layer");
  const std::string path = (dir / "results.gpkg").string();
  GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
  GDALDatasetUniquePtr ds(gpkg->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  OGRSpatialReference srs;
  srs.importFromEPSG(4547);
  OGRLayer* l = ds->CreateLayer("parcels", &srs, wkbMultiPolygon, nullptr);
  for (auto [name, type] : {std::pair{"parcel_id", OFTString}, std::pair{"verdict", OFTString},
                            std::pair{"far", OFTReal}, std::pair{"approved", OFTDate}}) {
    OGRFieldDefn f(name, type);
    l->CreateField(&f);
  }
  auto add = [&](const char* id, const char* verdict, const char* wkt, double far, bool date) {
    OGRFeature f(l->GetLayerDefn());
    f.SetField("parcel_id", id);
    f.SetField("verdict", verdict);
    if (!std::isnan(far)) f.SetField("far", far);
    if (date) f.SetField("approved", 2024, 1, 31);
    OGRGeometry* g = nullptr;
    OGRGeometryFactory::createFromWkt(wkt, nullptr, &g);
    f.SetGeometryDirectly(g);
    EXPECT_EQ(l->CreateFeature(&f), OGRERR_NONE);
  };
  add("A", "compliant",
      "MULTIPOLYGON(((0 0,100 0,100 100,0 100,0 0),(40 40,60 40,60 60,40 60,40 40)))", 1.5, true);
  add("B", "below_far", "MULTIPOLYGON(((200 0,210 0,210 10,200 10,200 0)))", std::nan(""), false);
  return path;
}

}  // namespace

TEST(MapLayer, LoadsRingsBoxesAndColumnsAsWritten) {
  const std::string path = make_fixture();
  MapSource source(path);
  EXPECT_FALSE(source.is_project());
  EXPECT_EQ(source.table_of("parcels"), "parcels");
  EXPECT_EQ(source.table_of("parks"), "");
  EXPECT_NE(source.crs_name().find("4547"), std::string::npos) << source.crs_name();
  const MapLayerData d = source.load("parcels", {{"verdict"}, {"far"}, "parcel_id"});
  ASSERT_EQ(d.size(), 2u);
  // A: outer ring and hole, 5 vertices each; B: one ring of 5.
  EXPECT_EQ(d.first_ring, (std::vector<std::uint32_t>{0, 2, 3}));
  EXPECT_EQ(d.ring_start, (std::vector<std::uint32_t>{0, 5, 10, 15}));
  EXPECT_EQ(d.boxes[0].minx, 0);
  EXPECT_EQ(d.boxes[0].maxy, 100);
  EXPECT_EQ(d.boxes[1].minx, 200);
  EXPECT_EQ(d.extent.maxx, 210);
  const MapCategoryColumn* v = d.category("verdict");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->values[v->codes[0]], "compliant");
  EXPECT_EQ(v->values[v->codes[1]], "below_far");
  EXPECT_EQ(v->code_of("exempt"), 0);  // absent value: the null code
  const MapNumberColumn* far = d.number("far");
  ASSERT_TRUE(far);
  EXPECT_FLOAT_EQ(far->values[0], 1.5f);
  EXPECT_TRUE(std::isnan(far->values[1]));
  EXPECT_EQ(d.labels, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(d.find_label("B"), 1);
  EXPECT_EQ(d.find_label("C"), -1);
}

TEST(MapLayer, PointQueriesRespectHolesAndTolerance) {
  const MapLayerData d = MapSource(make_fixture()).load("parcels", {});
  EXPECT_EQ(d.feature_at(10, 10, 0), 0);   // inside A
  EXPECT_EQ(d.feature_at(50, 50, 0), -1);  // in A's hole: A's box holds it but A does not
  EXPECT_EQ(d.feature_at(205, 5, 0), 1);   // inside B
  EXPECT_EQ(d.feature_at(150, 5, 0), -1);  // between them
  // 150 is 50 from A's box and 50 from B's: within 60 both qualify (both at most 120 across),
  // the smaller box (B) wins.
  EXPECT_EQ(d.feature_at(150, 5, 60), 1);
  // With tolerance 30, A (100 across) is too large to be caught near its edge, B is too far.
  EXPECT_EQ(d.feature_at(150, 5, 30), -1);
  // In A's hole with a tolerance that would catch B-sized features: still nothing.
  EXPECT_EQ(d.feature_at(50, 50, 20), -1);
}

TEST(MapLayer, AttributesAndTablesAsTextWithIsoDates) {
  MapSource source(make_fixture());
  const MapLayerData d = source.load("parcels", {});
  const auto a = source.attributes("parcels", d.fids[0]);
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[0], (std::pair<std::string, std::string>{"parcel_id", "A"}));
  EXPECT_EQ(a[3], (std::pair<std::string, std::string>{"approved", "2024-01-31"}));
  const auto b = source.attributes("parcels", d.fids[1]);
  EXPECT_EQ(b[2].second, "");  // null far
  const PlainTable t = source.table("parcels");
  EXPECT_EQ(t.column("verdict"), 1);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[1][1], "below_far");
  EXPECT_THROW(source.attributes("parcels", 999), GisError);
}

TEST(MapLayer, RefusesFilesWithoutMapLayers) {
  const auto dir = test::temp_dir("map-none");
  EXPECT_THROW(MapSource((dir / "missing.gpkg").string()), GisError);
  std::ofstream((dir / "notes.txt").string()) << "not a map\n";
  try {
    MapSource s((dir / "notes.txt").string());
    FAIL() << "opened a text file";
  } catch (const GisError& e) {
    EXPECT_NE(std::string(e.what()).find("notes.txt"), std::string::npos) << e.what();
  }
}

TEST(MapLayer, LonLatOfTheCrsCheckPoint) {
  // environment.md: 114.30°E 30.50°N in EPSG:4490 is E 528799.742, N 3375580.000 in EPSG:4547;
  // back to lon/lat (WGS 84 and CGCS2000 agree to well under a millimetre here).
  OGRSpatialReference srs;
  srs.importFromEPSG(4547);
  char* wkt = nullptr;
  srs.exportToWkt(&wkt);
  LonLatTransform t(wkt);
  CPLFree(wkt);
  ASSERT_TRUE(t.valid());
  double lon = 0, lat = 0;
  ASSERT_TRUE(t.to_lonlat(528799.742, 3375580.000, lon, lat));
  EXPECT_NEAR(lon, 114.30, 1e-7);
  EXPECT_NEAR(lat, 30.50, 1e-7);
  EXPECT_FALSE(LonLatTransform("").valid());
}

TEST(StyleBook, ReadsTheSharedStylesInFileOrder) {
  const StyleBook b = load_style_book(test::source_dir() + "/styles/parcel_styles.toml");
  ASSERT_EQ(b.verdict.size(), 7u);
  EXPECT_EQ(b.verdict.front().value, "compliant");  // the file's order, not toml++'s sorted one
  EXPECT_EQ(b.verdict.back().value, "not_industrial");
  EXPECT_EQ(b.verdict[0].colour, "#1a9850");
  EXPECT_EQ(b.verdict[0].zh, "达标");
  EXPECT_EQ(b.idle_cls.front().value, "none");
  EXPECT_EQ(b.far.breaks.size(), b.far.colours.size());
  EXPECT_EQ(b.park.outline, "#2c3e50");
  EXPECT_FALSE(b.cluster_palette.empty());
}

TEST(StyleBook, BadColoursAndRampsNameTheFileAndLine) {
  const auto dir = test::temp_dir("styles-bad");
  const std::string bad = (dir / "styles.toml").string();
  std::ofstream(bad) << "[verdict]\ncompliant = { colour = \"green\" }\n";
  try {
    load_style_book(bad);
    FAIL();
  } catch (const GisError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("styles.toml"), std::string::npos) << m;
    EXPECT_NE(m.find("verdict.compliant.colour"), std::string::npos) << m;
  }
  std::ofstream(bad) << "[far]\nbreaks = [1, 2]\ncolours = [\"#ffffff\"]\n";
  EXPECT_THROW(load_style_book(bad), GisError);
}
