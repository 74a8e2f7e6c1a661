// The reader hands out the area it measured when it checked each geometry (FeatureRow::area_m2),
// on both of its paths: feature by feature (GeoJSON) and GDAL's columnar stream (GeoPackage).
// read_all keeps those areas beside the geometries (LayerData::areas). EPSG:4547, metres; areas
// worked out in the comments.
#include <gdal_utils.h>
#include <geos_c.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>

#include "gis/crs/measuring_crs.hpp"
#include "gis/gdal/gdal_setup.hpp"
#include "gis/io/layer_reader.hpp"
#include "ogr_shapes.hpp"
#include "test_paths.hpp"

using namespace parkatlas;

namespace {

// A ring at (x, y) metres from (500000, 3300000).
std::string ring(std::initializer_list<std::pair<double, double>> points) {
  std::string s = "[[";
  bool first = true;
  for (const auto& [x, y] : points) {
    s +=
        (first ? "[" : ",[") + std::to_string(500000 + x) + "," + std::to_string(3300000 + y) + "]";
    first = false;
  }
  return s + "]]";
}

LayerConfig buildings_from(const std::string& source) {
  LayerConfig cfg;
  cfg.kind = LayerKind::buildings;
  cfg.source = source;
  return cfg;
}

std::map<std::string, double> areas_read(const std::string& source) {
  ProblemList problems;
  LayerReader reader(buildings_from(source), problems);
  GeosContext geos;
  std::map<std::string, double> out;
  reader.for_each(measuring_crs_from_user("EPSG:4547"), geos, [&](FeatureRow& row) {
    double a = 0;
    EXPECT_EQ(GEOSArea_r(geos.handle(), row.geometry.get(), &a), 1);
    EXPECT_EQ(row.area_m2, a) << "fid " << row.fid;  // the very number GEOS gives
    out[std::to_string(row.fid)] = row.area_m2;
  });
  return out;
}

}  // namespace

TEST(ReaderArea, GivenForEveryFeatureOnBothPaths) {
  ensure_gdal_registered();
  const auto dir = test::temp_dir("reader-area");
  const std::string json = (dir / "buildings.geojson").string();
  std::ofstream(json)
      << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4547"}},"features":[)"
      // 20 m × 50 m: 1000 m².
      << R"({"type":"Feature","properties":{"floors":2},"geometry":{"type":"Polygon","coordinates":)"
      << ring({{0, 0}, {20, 0}, {20, 50}, {0, 50}, {0, 0}})
      << "}},"
      // A bow-tie, repaired into two triangles of base 10 and height 5: 2 × 25 = 50 m².
      << R"({"type":"Feature","properties":{"floors":1},"geometry":{"type":"Polygon","coordinates":)"
      << ring({{100, 0}, {110, 10}, {110, 0}, {100, 10}, {100, 0}})
      << "}},"
      // No geometry: skipped, never handed out.
      << R"({"type":"Feature","properties":{"floors":1},"geometry":null}]})";
  const std::string gpkg = (dir / "buildings.gpkg").string();
  {
    GDALDatasetH src = GDALOpenEx(json.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    ASSERT_TRUE(src);
    const char* args[] = {"-f", "GPKG", nullptr};
    GDALVectorTranslateOptions* opts =
        GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
    GDALDatasetH dst = GDALVectorTranslate(gpkg.c_str(), nullptr, 1, &src, opts, nullptr);
    GDALVectorTranslateOptionsFree(opts);
    ASSERT_TRUE(dst);
    GDALClose(dst);
    GDALClose(src);
  }
  for (const std::string& source : {json, gpkg}) {
    const auto areas = areas_read(source);
    ASSERT_EQ(areas.size(), 2u) << source;
    std::vector<double> got;
    for (const auto& [fid, a] : areas) got.push_back(a);
    std::sort(got.begin(), got.end());
    EXPECT_NEAR(got[0], 50.0, 1e-6) << source;
    EXPECT_NEAR(got[1], 1000.0, 1e-6) << source;
  }
}

// read_all keeps each geometry's area beside it (LayerData::areas), in one piece and in the slices
// two threads read and append in turn (a GeoPackage of 20,480 features: slicing starts at 20,000).
// Square k has side 1 + k mod 37 m, so its area is that side squared.
TEST(ReaderArea, KeptBesideEachGeometryInOneReadAndInSlices) {
  ensure_gdal_registered();
  const auto dir = test::temp_dir("reader-area-all");
  const std::string gpkg = (dir / "squares.gpkg").string();
  constexpr int kSquares = 20480;
  {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    ASSERT_TRUE(driver);
    GDALDatasetUniquePtr ds(driver->Create(gpkg.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(ds);
    OGRSpatialReference srs;
    srs.importFromEPSG(4547);
    OGRLayer* layer = ds->CreateLayer("buildings", &srs, wkbPolygon, nullptr);
    ASSERT_TRUE(layer);
    ASSERT_EQ(ds->StartTransaction(), OGRERR_NONE);
    for (int k = 0; k < kSquares; ++k) {
      const double side = 1 + k % 37, x = 500000 + (k % 100) * 40.0, y = 3300000 + (k / 100) * 40.0;
      const OGRPolygon square = test::axis_square(x, y, side);
      OGRFeature f(layer->GetLayerDefn());
      f.SetGeometry(&square);
      ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
    }
    ASSERT_EQ(ds->CommitTransaction(), OGRERR_NONE);
  }
  for (int parts : {1, 2}) {
    ProblemList problems;
    LayerReader reader(buildings_from(gpkg), problems);
    GeosContext geos;
    const LayerData data = reader.read_all(measuring_crs_from_user("EPSG:4547"), geos, parts);
    ASSERT_EQ(data.size(), static_cast<size_t>(kSquares)) << parts;
    ASSERT_EQ(data.areas.size(), data.geoms.size()) << parts;
    for (size_t i = 0; i < data.size(); ++i) {
      double a = 0;
      ASSERT_EQ(GEOSArea_r(geos.handle(), data.geoms[i].get(), &a), 1);
      ASSERT_EQ(data.areas[i], a) << "row " << i << ", " << parts << " part(s)";
      const double side = 1 + (data.fids[i] - 1) % 37;  // GeoPackage fids start at 1
      ASSERT_NEAR(data.areas[i], side * side, 1e-6) << "fid " << data.fids[i];
    }
  }
}
