// Shapefile encodings: a GBK Shapefile without .cpg and with LDID 0 must load exactly; every
// decision says who made it; declarations contradicted by the bytes are reported.
#include <cpl_string.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <fstream>

#include "gis/encoding/shapefile_encoding.hpp"
#include "gis/gdal/gdal_setup.hpp"
#include "gis/io/layer_reader.hpp"
#include "test_paths.hpp"

using namespace parkatlas;
namespace fs = std::filesystem;

namespace {

const char* kEnterprise = "南昌经济技术开发区江铃汽车零部件有限公司";
const char* kUse = "工业用地";

// Writes a one-feature Shapefile as a bureau would hand it over: Chinese field names, `encoding`
// bytes, then (optionally) no .cpg and LDID 0.
std::string write_shapefile(const fs::path& dir, const char* encoding, bool strip_declarations) {
  ensure_gdal_registered();
  std::string path = (dir / "parcels.shp").string();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
  {
    GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(4547);
    CPLStringList lco;
    lco.SetNameValue("ENCODING", encoding);
    OGRLayer* l = ds->CreateLayer("parcels", &srs, wkbPolygon, lco.List());
    for (const char* name : {"宗地编号", "企业名称", "固定资产投资", "备注"}) {
      OGRFieldDefn fd(name, std::string(name) == "固定资产投资" ? OFTReal : OFTString);
      EXPECT_EQ(l->CreateField(&fd), OGRERR_NONE);
    }
    OGRFeature f(l->GetLayerDefn());
    f.SetField(0, "赣-001");
    f.SetField(1, kEnterprise);
    f.SetField(2, 4500.0);
    f.SetField(3, kUse);
    OGRGeometry* g = nullptr;
    OGRGeometryFactory::createFromWkt(
        "POLYGON((500000 3300000,500100 3300000,500100 3300100,500000 3300100,500000 3300000))",
        nullptr, &g);
    f.SetGeometryDirectly(g);
    EXPECT_EQ(l->CreateFeature(&f), OGRERR_NONE);
  }
  if (strip_declarations) {
    fs::remove(dir / "parcels.cpg");
    std::fstream dbf(dir / "parcels.dbf", std::ios::in | std::ios::out | std::ios::binary);
    dbf.seekp(29);
    dbf.put('\0');
  }
  return path;
}

LayerData read(const std::string& path, const std::string& encoding, ProblemList& problems,
               LayerReport* report = nullptr) {
  LayerConfig cfg;
  cfg.kind = LayerKind::parcels;
  cfg.source = path;
  cfg.encoding = encoding;
  LayerReader reader(cfg, problems);
  GeosContext geos;
  LayerData d = reader.read_all(measuring_crs_from_user("EPSG:4547"), geos);
  if (report) *report = reader.report();
  return d;
}

}  // namespace

TEST(ShapefileEncoding, GbkWithoutCpgOrLdidLoadsExactly) {
  auto dir = test::temp_dir("gbk");
  std::string path = write_shapefile(dir, "CP936", true);
  ASSERT_FALSE(fs::exists(dir / "parcels.cpg"));
  EncodingDecision d = decide_shapefile_encoding(path, "");
  EXPECT_EQ(d.encoding, "CP936");
  EXPECT_EQ(d.decided_by, "detected");
  EXPECT_TRUE(d.warnings.empty());

  ProblemList problems;
  LayerReport report;
  LayerData data = read(path, "", problems, &report);
  ASSERT_EQ(data.size(), 1u);
  EXPECT_EQ(data.field("enterprise").text(0).value_or("<not mapped>"), kEnterprise);
  EXPECT_EQ(data.field("parcel_id").text(0).value_or("<not mapped>"), "赣-001");
  // 固定资产投资 was cut to 固定资产投 (10 GBK bytes) and is still found.
  EXPECT_EQ(*data.field("invest_wan").real(0), 4500.0);
  bool cut = false;
  for (const auto& line : report.fields)
    cut |= line.canonical == "invest_wan" && line.how == MatchedBy::cut_alias;
  EXPECT_TRUE(cut);
  ASSERT_EQ(data.extra.size(), 1u);  // 备注 passes through under its own name
  EXPECT_EQ(data.extra[0].name(), "备注");
  EXPECT_EQ(*data.extra[0].text(0), kUse);
}

TEST(ShapefileEncoding, CpgThatLiesIsReported) {
  auto dir = test::temp_dir("gbk-lying-cpg");
  std::string path = write_shapefile(dir, "CP936", true);
  std::ofstream(dir / "parcels.cpg") << "UTF-8";
  EncodingDecision d = decide_shapefile_encoding(path, "");
  EXPECT_EQ(d.decided_by, ".cpg");
  EXPECT_EQ(d.encoding, "UTF-8");
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_NE(d.warnings[0].find("not valid UTF-8"), std::string::npos);
  // The config override wins over the .cpg and reads the text exactly.
  ProblemList problems;
  LayerData data = read(path, "GBK", problems);
  EXPECT_EQ(data.field("enterprise").text(0).value_or("<not mapped>"), kEnterprise);
  EXPECT_EQ(decide_shapefile_encoding(path, "gbk").decided_by, "config");
}

TEST(ShapefileEncoding, Utf8WithoutDeclarationIsDetected) {
  auto dir = test::temp_dir("utf8");
  std::string path = write_shapefile(dir, "UTF-8", true);
  EncodingDecision d = decide_shapefile_encoding(path, "");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.detail, "bytes are valid UTF-8");
  // GDAL cut 宗地编号 (12 UTF-8 bytes) to 10 bytes: 宗地编 plus half a character.
  DbfByteSample sample = read_dbf_sample((dir / "parcels.dbf").string());
  EXPECT_EQ(sample.names[0], std::string("宗地编") + "\xE5");
  ProblemList problems;
  EXPECT_EQ(read(path, "", problems).field("enterprise").text(0).value_or("<not mapped>"),
            kEnterprise);
}

TEST(ShapefileEncoding, LdidDecidesWhenThereIsNoCpg) {
  auto dir = test::temp_dir("ldid");
  std::string path = write_shapefile(dir, "CP936", true);
  {
    std::fstream dbf(dir / "parcels.dbf", std::ios::in | std::ios::out | std::ios::binary);
    dbf.seekp(29);
    dbf.put(static_cast<char>(0x4D));  // LDID 77 = Chinese GBK (Windows 936)
  }
  EncodingDecision d = decide_shapefile_encoding(path, "");
  EXPECT_EQ(d.encoding, "CP936");
  EXPECT_EQ(d.decided_by, "LDID 77");
}

TEST(ShapefileEncoding, BundledSampleShapefileAgreesWithItsUtf8GeoPackage) {
  // Two independent paths to the same parcels: the GBK Shapefile through ParkAtlas's encoding
  // decision, and the UTF-8 GeoPackage read by plain GDAL.
  ProblemList problems;
  LayerReport report;
  LayerData shp = read(test::sample("parcels_gbk.shp"), "", problems, &report);
  ASSERT_TRUE(report.encoding);
  EXPECT_EQ(report.encoding->encoding, "CP936");
  EXPECT_EQ(report.encoding->decided_by, "detected");
  GDALDatasetUniquePtr gpkg(
      GDALDataset::Open(test::sample("jiangxi-sample.gpkg").c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(gpkg);
  OGRLayer* layer = gpkg->GetLayerByName("parcels");
  ASSERT_EQ(static_cast<size_t>(layer->GetFeatureCount()), shp.size());
  size_t i = 0, chinese = 0;
  for (auto& f : *layer) {
    std::string name = f->GetFieldAsString("enterprise");
    ASSERT_EQ(shp.field("enterprise").text(i).value_or(""), name) << "row " << i;
    chinese += name.rfind("江西", 0) == 0;
    ++i;
  }
  EXPECT_EQ(chinese, shp.size());
}
