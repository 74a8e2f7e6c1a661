// The same hand-computed fixture read from other GDAL sources: SpatiaLite, GeoPackage and CSV
// with WKT (a CSV has no CRS, so the config must name one). Expected values as in
// tests/data/fixture/README.md: parcel A FAR 0.27, D in park P2.
#include <gdal_utils.h>
#include <gtest/gtest.h>

#include <fstream>

#include "gis/analysis/run_analysis.hpp"
#include "gis/config/rule_set_file.hpp"
#include "gis/gdal/gdal_setup.hpp"
#include "test_paths.hpp"

using namespace parkatlas;
namespace fs = std::filesystem;

namespace {

// ogr2ogr through GDAL's library API.
void translate(const std::string& src, const std::string& dst, std::vector<std::string> args) {
  ensure_gdal_registered();
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  GDALVectorTranslateOptions* opts = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
  GDALDatasetH in = GDALOpenEx(src.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  ASSERT_NE(in, nullptr) << src;
  int usage_error = 0;
  GDALDatasetH out = GDALVectorTranslate(dst.c_str(), nullptr, 1, &in, opts, &usage_error);
  ASSERT_NE(out, nullptr) << dst;
  GDALClose(out);
  GDALClose(in);
  GDALVectorTranslateOptionsFree(opts);
}

void expect_fixture_results(const fs::path& config) {
  Progress quiet;
  Analysis a = analyse_project(load_project_config(config.string()), load_rule_set("jiangxi-2014"),
                               CivilDate{2025, 12, 31}, nullptr, quiet);
  std::map<std::string, size_t> row;
  const Column& id = a.in.parcels.field("parcel_id");
  for (size_t i = 0; i < a.in.parcels.size(); ++i) row[id.text(i).value_or("")] = i;
  ASSERT_TRUE(row.count("A") && row.count("D")) << config;
  EXPECT_NEAR(*a.ev.ind[row["A"]].far, 0.27, 1e-9) << config;  // (2000 + 400 + 300) / 10000
  EXPECT_EQ(a.ev.judgement[row["A"]].verdict, Verdict::below_far) << config;
  EXPECT_EQ(a.ev.park_id[row["D"]], "P2") << config;  // largest overlap
  EXPECT_EQ(a.in.measuring.epsg, 4547) << config;
}

}  // namespace

TEST(OtherSources, SpatiaLiteGeoPackageAndCsvWithWkt) {
  auto dir = test::temp_dir("sources");
  const std::string fx = test::fixture("fixture/");
  translate(fx + "parks.geojson", (dir / "fixture.sqlite").string(),
            {"-f", "SQLite", "-dsco", "SPATIALITE=YES", "-nln", "parks"});
  translate(fx + "parcels.geojson", (dir / "fixture.sqlite").string(),
            {"-update", "-nln", "parcels"});
  translate(fx + "buildings.geojson", (dir / "fixture.sqlite").string(),
            {"-update", "-nln", "buildings"});
  translate(fx + "parks.geojson", (dir / "fixture.gpkg").string(), {"-f", "GPKG", "-nln", "parks"});
  translate(fx + "parcels.geojson", (dir / "fixture.gpkg").string(),
            {"-update", "-nln", "parcels"});
  translate(fx + "buildings.geojson", (dir / "fixture.gpkg").string(),
            {"-update", "-nln", "buildings"});
  translate(fx + "parcels.geojson", (dir / "parcels.csv").string(),
            {"-f", "CSV", "-lco", "GEOMETRY=AS_WKT"});

  for (const char* db : {"fixture.sqlite", "fixture.gpkg"}) {
    std::ofstream(dir / "c.toml") << "[layers.parks]\nsource = \"" << db
                                  << "\"\nlayer = \"parks\"\n"
                                  << "[layers.parcels]\nsource = \"" << db
                                  << "\"\nlayer = \"parcels\"\nland_use_scheme = \"gbt21010\"\n"
                                  << "[layers.buildings]\nsource = \"" << db
                                  << "\"\nlayer = \"buildings\"\n";
    expect_fixture_results(dir / "c.toml");
  }
  // CSV with WKT: no CRS in the file, so the config names it.
  std::ofstream(dir / "csv.toml")
      << "[layers.parks]\nsource = \"fixture.gpkg\"\nlayer = \"parks\"\n"
      << "[layers.parcels]\nsource = \"parcels.csv\"\ncrs = \"EPSG:4547\"\nland_use_scheme = "
         "\"gbt21010\"\n"
      << "[layers.buildings]\nsource = \"fixture.gpkg\"\nlayer = \"buildings\"\n";
  expect_fixture_results(dir / "csv.toml");
}
