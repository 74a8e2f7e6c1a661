// Broken inputs a bureau hands over: each gets a clear error naming the file and layer, or a
// run whose every lost feature is listed in `problems`; nothing is lost silently.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <fstream>

#include "../gis/test_paths.hpp"
#include "cli_run.hpp"

using namespace parkatlas::test;
namespace fs = std::filesystem;

namespace {

// A copy of the sample's GBK Shapefile with a config, in its own folder.
fs::path shapefile_case(const std::string& name) {
  fs::path dir = temp_dir("broken-" + name);
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj"})
    fs::copy_file(sample(std::string("parcels_gbk") + ext),
                  dir / (std::string("parcels_gbk") + ext));
  std::ofstream(dir / "c.toml") << "[project]\nas_of = \"2025-12-31\"\n[layers.parcels]\n"
                                   "source = \"parcels_gbk.shp\"\nland_use_scheme = \"gbt21010\"\n";
  return dir;
}

// How many parcels the intact sample holds, read with plain OGR from its GeoPackage twin.
GIntBig sample_parcels() {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(
      GDALDataset::Open(sample("jiangxi-sample.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  return ds ? ds->GetLayerByName("parcels")->GetFeatureCount() : -1;
}

CommandResult run_case(const fs::path& dir) {
  return run_command("run -q -c " + (dir / "c.toml").string() + " -o " + (dir / "out").string());
}

}  // namespace

TEST(BrokenInputs, TruncatedDbfStopsWithTheCountOfWhatWasReadable) {
  // Without this check GDAL ends the layer at the broken record and the rest vanishes silently.
  fs::path dir = shapefile_case("dbf");
  fs::resize_file(dir / "parcels_gbk.dbf", 1000000);
  CommandResult r = run_case(dir);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("parcels_gbk.shp"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("truncated or corrupt"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("of the " + std::to_string(sample_parcels()) + " features could be read"),
            std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(dir / "out" / "results.gpkg"));  // no partial results
}

TEST(BrokenInputs, TruncatedShpListsEveryUnreadableGeometry) {
  fs::path dir = shapefile_case("shp");
  fs::resize_file(dir / "parcels_gbk.shp", 300000);
  CommandResult r = run_case(dir);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  GDALAllRegister();
  GDALDatasetUniquePtr ds(
      GDALDataset::Open((dir / "out" / "results.gpkg").c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(ds);
  const GIntBig analysed = ds->GetLayerByName("parcels")->GetFeatureCount();
  OGRLayer* problems = ds->GetLayerByName("problems");
  problems->SetAttributeFilter("message LIKE 'geometry cannot be read%'");
  const GIntBig unreadable = problems->GetFeatureCount();
  EXPECT_GT(unreadable, 0);
  EXPECT_EQ(analysed + unreadable, sample_parcels());  // every feature is accounted for
}

TEST(BrokenInputs, MissingShxEmptyDbfPointsAndEmptyLayersAreClearErrors) {
  fs::path no_shx = shapefile_case("noshx");
  fs::remove(no_shx / "parcels_gbk.shx");
  CommandResult a = run_case(no_shx);
  EXPECT_EQ(a.exit_code, 1);
  EXPECT_NE(a.output.find("parcels_gbk.shx"), std::string::npos) << a.output;

  fs::path empty_dbf = shapefile_case("emptydbf");
  fs::resize_file(empty_dbf / "parcels_gbk.dbf", 0);
  CommandResult b = run_case(empty_dbf);
  EXPECT_EQ(b.exit_code, 1);
  EXPECT_NE(b.output.find("DBF header is truncated"), std::string::npos) << b.output;

  // A points layer as parcels: nothing is a polygon.
  fs::path points = temp_dir("broken-points");
  std::ofstream(points / "p.geojson")
      << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"宗地编号":"X"},)"
         R"("geometry":{"type":"Point","coordinates":[115.9,28.7]}}]})";
  std::ofstream(points / "c.toml") << "[layers.parcels]\nsource = \"p.geojson\"\n";
  CommandResult c =
      run_command("run -q -c " + (points / "c.toml").string() + " -o " + (points / "out").string());
  EXPECT_EQ(c.exit_code, 1);
  EXPECT_NE(c.output.find("none of the 1 features is a usable polygon"), std::string::npos)
      << c.output;
  EXPECT_NE(c.output.find("not a polygon (Point)"), std::string::npos) << c.output;

  // A layer without features.
  fs::path empty = temp_dir("broken-empty");
  std::ofstream(empty / "p.geojson") << R"({"type":"FeatureCollection","features":[]})";
  std::ofstream(empty / "c.toml")
      << "[layers.parcels]\nsource = \"p.geojson\"\ncrs = \"EPSG:4490\"\n";
  CommandResult d =
      run_command("run -q -c " + (empty / "c.toml").string() + " -o " + (empty / "out").string());
  EXPECT_EQ(d.exit_code, 1);
  EXPECT_NE(d.output.find("has no features"), std::string::npos) << d.output;
}
