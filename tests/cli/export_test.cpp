// `parkatlas export` end to end: round trips read back with plain GDAL, Chinese field names that
// do not fit a DBF, the --where parser, splitting, crash safety and the Shapefile limits.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "../gis/ogr_shapes.hpp"
#include "../gis/test_paths.hpp"
#include "cli_run.hpp"
#include "ogr_read.hpp"

using namespace parkatlas::test;
namespace fs = std::filesystem;

namespace {

// A small GeoPackage with what trips exports: two long Chinese names that cut to the same
// prefix, nulls, dates, 64-bit integers, Chinese text, and park ids that are unsafe file names.
// EPSG:4547, squares of 100 m + k m, so every area is known: (100 + k)².
fs::path tricky_source() {
  static fs::path path = [] {
    fs::path dir = temp_dir("export-src");
    fs::path p = dir / "tricky.gpkg";
    GDALAllRegister();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(drv->Create(p.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(4547);
    OGRLayer* l = ds->CreateLayer("parcels", &srs, wkbMultiPolygon, nullptr);
    const std::vector<std::pair<const char*, OGRFieldType>> fields = {
        {"park_id", OFTString},  {"投资强度万元每亩", OFTReal}, {"投资强度万元每公顷", OFTReal},
        {"企业名称", OFTString}, {"supplied", OFTDate},         {"n_big", OFTInteger64},
        {"verdict", OFTString}};
    for (auto [n, t] : fields) {
      OGRFieldDefn d(n, t);
      l->CreateField(&d);
    }
    const char* parks[] = {"G361027", "../evil", "a/b", "CON", "G361027", nullptr};
    for (int k = 0; k < 6; ++k) {
      OGRFeature f(l->GetLayerDefn());
      if (parks[k]) f.SetField("park_id", parks[k]);
      if (k != 2) f.SetField("投资强度万元每亩", 300.5 + k);
      f.SetField("投资强度万元每公顷", (300.5 + k) * 15);
      f.SetField("企业名称", k % 2 ? "江西赣锋锂业股份有限公司" : "南昌「测试」企业, \"引号\"");
      if (k != 3) f.SetField("supplied", 2019 + k, 2, 28);
      f.SetField("n_big", static_cast<GIntBig>(9007199254740993LL + k));
      f.SetField("verdict", k % 2 ? "compliant" : "below_far");
      const double x = 500000 + 1000.0 * k, y = 3300000, s = 100 + k;
      const OGRPolygon square = axis_square(x, y, s);
      OGRMultiPolygon mp;
      mp.addGeometry(&square);
      f.SetGeometry(&mp);
      EXPECT_EQ(l->CreateFeature(&f), OGRERR_NONE);
    }
    return p;
  }();
  return path;
}

struct Row {
  std::map<std::string, std::string> values;  // as OGR prints them; "(null)" for null
  double area = 0;
};

// Features of `path` keyed by position, with field names translated through `rename`.
std::vector<Row> read_rows(const fs::path& path, const char* layer = nullptr) {
  auto ds = open_vector(path.string());
  EXPECT_TRUE(ds) << path;
  std::vector<Row> rows;
  if (!ds) return rows;
  OGRLayer* l = layer ? ds->GetLayerByName(layer) : ds->GetLayer(0);
  for (auto& f : *l) {
    Row r;
    for (int i = 0; i < f->GetFieldCount(); ++i) {
      std::string v = f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "(null)";
      if (f->IsFieldSetAndNotNull(i) && f->GetFieldDefnRef(i)->GetType() == OFTReal) {
        char buf[40];  // the value, not how a driver pads it
        std::snprintf(buf, sizeof buf, "%.17g", f->GetFieldAsDouble(i));
        v = buf;
      }
      r.values[f->GetFieldDefnRef(i)->GetNameRef()] = v;
    }
    if (auto* g = f->GetGeometryRef()) r.area = OGR_G_Area(OGRGeometry::ToHandle(g));
    rows.push_back(r);
  }
  return rows;
}

std::map<std::string, std::string> name_map(const fs::path& fields_csv) {
  std::map<std::string, std::string> m;
  auto ds = open_vector(fields_csv.string());
  for (auto& f : *ds->GetLayer(0))
    m[f->GetFieldAsString("field")] = f->GetFieldAsString("shapefile_name");
  return m;
}

void expect_same_rows(const std::vector<Row>& src, const std::vector<Row>& out,
                      const std::map<std::string, std::string>& rename, double area_tolerance) {
  ASSERT_EQ(out.size(), src.size());
  for (size_t k = 0; k < src.size(); ++k) {
    for (const auto& [name, value] : src[k].values) {
      const std::string written = rename.count(name) ? rename.at(name) : name;
      ASSERT_TRUE(out[k].values.count(written)) << written;
      EXPECT_EQ(out[k].values.at(written), value) << name << " of feature " << k;
    }
    EXPECT_NEAR(out[k].area, src[k].area, area_tolerance * src[k].area) << k;
  }
}

}  // namespace

TEST(CliExport, ShapefileRoundTripInUtf8AndGbk) {
  const auto src = read_rows(tricky_source());
  ASSERT_EQ(src.size(), 6u);
  EXPECT_DOUBLE_EQ(src[1].area, 101.0 * 101.0);
  for (const char* enc : {"utf-8", "gbk"}) {
    fs::path dir = temp_dir(std::string("export-shp-") + enc);
    CommandResult r = run_command("export " + tricky_source().string() + " -o " +
                                  (dir / "p").string() + " --encoding " + enc);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    // .prj and .cpg always, the mapping beside the file, and the renames shown.
    EXPECT_TRUE(fs::exists(dir / "p.prj"));
    EXPECT_EQ(slurp(dir / "p.cpg"), std::string(enc) == "gbk" ? "CP936" : "UTF-8");
    auto rename = name_map(dir / "p.fields.csv");
    const std::string a = rename.at("投资强度万元每亩"), b = rename.at("投资强度万元每公顷");
    EXPECT_NE(a, b);
    if (std::string(enc) == "gbk") {
      EXPECT_EQ(a, "投资强度万");  // 5 characters = 10 GBK bytes
      EXPECT_EQ(b, "投资强度_1");
    } else {
      EXPECT_EQ(a, "投资强");  // 3 characters = 9 UTF-8 bytes
      EXPECT_EQ(b, "投资_1");
    }
    EXPECT_NE(r.output.find("投资强度万元每公顷 -> " + b), std::string::npos) << r.output;
    // Read back through GDAL, which honours the .cpg: values, nulls, dates, Chinese text and
    // areas survive.
    expect_same_rows(src, read_rows(dir / "p.shp"), rename, 1e-9);
    auto ds = open_vector((dir / "p.shp").string());
    OGRFeatureDefn* defn = ds->GetLayer(0)->GetLayerDefn();
    EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex("supplied"))->GetType(), OFTDate);
    EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex("n_big"))->GetType(), OFTInteger64);
    EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex(a.c_str()))->GetType(), OFTReal);
  }
}

TEST(CliExport, GeoPackageGeoJsonCsvAndExcelKeepLongNames) {
  const auto src = read_rows(tricky_source());
  fs::path dir = temp_dir("export-formats");
  for (const char* f : {"gpkg", "geojson", "csv", "xlsx"}) {
    CommandResult r = run_command("export " + tricky_source().string() + " -f " + f + " -o " +
                                  (dir / "p").string());
    ASSERT_EQ(r.exit_code, 0) << f << r.output;
  }
  expect_same_rows(src, read_rows(dir / "p.gpkg"), {}, 1e-12);
  // GeoJSON is WGS 84 (RFC 7946), written with 15 decimals: projected back to EPSG:4547, areas
  // agree to 1e-9 (PROJ's round trip is good to nanometres).
  auto gj = open_vector((dir / "p.geojson").string());
  EXPECT_STREQ(gj->GetLayer(0)->GetSpatialRef()->GetAuthorityCode(nullptr), "4326");
  OGRSpatialReference gk;
  gk.importFromEPSG(4547);
  gk.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  int k = 0;
  for (auto& f : *gj->GetLayer(0)) {
    EXPECT_STREQ(f->GetFieldAsString("企业名称"), src[k].values.at("企业名称").c_str());
    std::unique_ptr<OGRGeometry> g(f->GetGeometryRef()->clone());
    g->transformTo(&gk);
    EXPECT_NEAR(OGR_G_Area(OGRGeometry::ToHandle(g.get())), src[k].area, 1e-9 * src[k].area);
    ++k;
  }
  EXPECT_EQ(k, 6);
  // CSV: same rows, long names, quotes and commas in values survive (GDAL's CSV reader).
  auto csv = read_rows(dir / "p.csv");
  ASSERT_EQ(csv.size(), 6u);
  EXPECT_EQ(csv[0].values.at("企业名称"), "南昌「测试」企业, \"引号\"");
  EXPECT_EQ(csv[1].values.at("投资强度万元每公顷"), src[1].values.at("投资强度万元每公顷"));
  // Excel: Chinese header (the field name where no label is known) and the field-name sheet.
  auto xl = open_vector((dir / "p.xlsx").string());
  ASSERT_TRUE(xl);
  EXPECT_EQ(xl->GetLayer(0)->GetFeatureCount(), 6);
  EXPECT_NE(xl->GetLayerByName("字段 fields"), nullptr);
  EXPECT_GE(xl->GetLayer(0)->GetLayerDefn()->GetFieldIndex("判定"), 0);  // verdict
  // A QGIS style beside map layers: categories by verdict with the shared colours.
  const std::string qml = slurp(dir / "p.qml");
  EXPECT_NE(qml.find("attr=\"verdict\""), std::string::npos);
  EXPECT_NE(qml.find("26,152,80,255"), std::string::npos);  // compliant #1a9850
}

TEST(CliExport, WhereIsParsedNeverSqlAndChangesNothing) {
  fs::path dir = temp_dir("export-where");
  const std::string before = slurp(tricky_source());
  CommandResult bad = run_command("export " + tricky_source().string() + " -o " +
                                  (dir / "p").string() + " --where \"1=1; DROP TABLE parcels\"");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("unexpected ';' at character 4"), std::string::npos) << bad.output;
  EXPECT_EQ(slurp(tricky_source()), before);
  EXPECT_FALSE(fs::exists(dir / "p.shp"));
  // A real filter: 投资强度万元每亩 is null for feature 2 (never matches) and 300.5 + k otherwise.
  CommandResult ok =
      run_command("export " + tricky_source().string() + " -f gpkg -o " + (dir / "q").string() +
                  " --where \"投资强度万元每亩 > 302 OR park_id IS NULL\"");
  ASSERT_EQ(ok.exit_code, 0) << ok.output;
  auto rows = read_rows(dir / "q.gpkg");
  ASSERT_EQ(rows.size(), 3u);  // k = 3, 4 (303.5, 304.5) and 5 (null park_id, 305.5)
  EXPECT_EQ(rows[0].values.at("park_id"), "CON");
}

TEST(CliExport, SplitByParkMakesSafeFileNames) {
  fs::path dir = temp_dir("export-split");
  CommandResult r = run_command("export " + tricky_source().string() + " -o " +
                                (dir / "by_park").string() + " --split-by park");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::set<std::string> shp;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().extension() == ".shp") shp.insert(fs::relative(e.path(), dir).string());
  // ../evil and a/b cannot leave the folder or make one; CON gets a prefix; null is no_park_id.
  EXPECT_EQ(shp,
            (std::set<std::string>{"by_park/G361027.shp", "by_park/_evil.shp", "by_park/a_b.shp",
                                   "by_park/_CON.shp", "by_park/no_park_id.shp"}));
  EXPECT_EQ(read_rows(dir / "by_park" / "G361027.shp").size(), 2u);
  EXPECT_FALSE(fs::exists(dir / "evil.shp"));
}

TEST(CliExport, AKilledExportLeavesThePreviousFileAndNoPartialOne) {
  fs::path dir = temp_dir("export-kill");
  for (const char* f : {"gpkg", "shp", "xlsx"}) {
    ASSERT_EQ(run_command("export " + tricky_source().string() + " -f " + f + " -o " +
                          (dir / "p").string())
                  .exit_code,
              0);
    const std::string ext = std::string(".") + f;
    const std::string before = slurp(dir / ("p" + ext));
    const std::string dbf_before = slurp(dir / "p.dbf");
    // The hook kills the process (SIGKILL) before the first feature, mid-file and before the
    // last of six.
    for (const char* at : {"0", "3", "5"}) {
      CommandResult killed = run_command_with_env(
          std::string("PARKATLAS_TEST_KILL_AFTER=") + at,
          "export " + tricky_source().string() + " -f " + f + " -o " + (dir / "p").string());
      EXPECT_EQ(killed.exit_code, 128 + 9) << f << " " << at;
      EXPECT_EQ(slurp(dir / ("p" + ext)), before) << f << " " << at;
      EXPECT_EQ(slurp(dir / "p.dbf"), dbf_before) << f << " " << at;
      EXPECT_EQ(read_rows(dir / ("p" + ext)).size(), 6u) << f << " " << at;
    }
  }
  // Nothing partial at a final name: temporary files are hidden (leading dot) and never *.gpkg /
  // *.shp under the name asked for.
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    EXPECT_TRUE(name.rfind("p.", 0) == 0 || name[0] == '.') << name;
  }
}

TEST(CliExport, ShapefileLimitsSplitPartsAndRefuseTooManyFields) {
  fs::path dir = temp_dir("export-limits");
  // With a 600-byte limit a .dbf part holds two records (header 32 + 32 x 7 fields + 1 = 257
  // bytes, records of about 130 bytes), so six features make three numbered parts.
  CommandResult r =
      run_command_with_env("PARKATLAS_SHP_PART_BYTES=600",
                           "export " + tricky_source().string() + " -o " + (dir / "p").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  long total = 0;
  int parts = 0;
  for (int k = 1; fs::exists(dir / ("p_" + std::to_string(k) + ".shp")); ++k) {
    ++parts;
    EXPECT_LE(fs::file_size(dir / ("p_" + std::to_string(k) + ".dbf")), 600u);
    EXPECT_LE(fs::file_size(dir / ("p_" + std::to_string(k) + ".shp")), 600u);
    total += static_cast<long>(read_rows(dir / ("p_" + std::to_string(k) + ".shp")).size());
  }
  EXPECT_EQ(parts, 3);
  EXPECT_EQ(total, 6);
  EXPECT_FALSE(fs::exists(dir / "p.shp"));

  // 300 fields: refused with the reason, nothing written.
  fs::path wide = dir / "wide.gpkg";
  {
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(
        wide.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* l = ds->CreateLayer("t", nullptr, wkbNone, nullptr);
    for (int i = 0; i < 300; ++i) {
      OGRFieldDefn d(("f" + std::to_string(i)).c_str(), OFTInteger);
      l->CreateField(&d);
    }
    OGRFeature f(l->GetLayerDefn());
    EXPECT_EQ(l->CreateFeature(&f), OGRERR_NONE);
  }
  CommandResult w = run_command("export " + wide.string() + " -l t -o " + (dir / "w").string());
  EXPECT_EQ(w.exit_code, 1);
  EXPECT_NE(w.output.find("300 fields; a Shapefile (dBase) holds at most 255"), std::string::npos)
      << w.output;
  EXPECT_FALSE(fs::exists(dir / "w.dbf"));
}

TEST(CliExport, SampleResultsToGbkShapefileForTheBureau) {
  // The demo's results, exported as a bureau would hand them on: GBK Shapefile of the parcels
  // below both floors. Its rows are exactly the parcels.csv rows with that verdict.
  fs::path dir = temp_dir("export-sample");
  CommandResult run = run_command("run -q --no-buildings-layer -c " + sample("parkatlas.toml") +
                                  " -o " + dir.string());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  CommandResult r = run_command("export " + (dir / "results.gpkg").string() +
                                " --encoding gbk --where \"verdict = 'below_both'\" -o " +
                                (dir / "below_both").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  long expected = 0;
  auto csv = open_vector((dir / "parcels.csv").string());
  for (auto& f : *csv->GetLayer(0))
    if (std::string(f->GetFieldAsString("verdict")) == "below_both") ++expected;
  EXPECT_GT(expected, 100);
  auto rows = read_rows(dir / "below_both.shp");
  EXPECT_EQ(static_cast<long>(rows.size()), expected);
  auto rename = name_map(dir / "below_both.fields.csv");
  for (const auto& row : rows) EXPECT_EQ(row.values.at(rename.at("verdict")), "below_both");
  // Chinese enterprise names came through GBK intact (GDAL decodes by the .cpg).
  EXPECT_NE(rows.front().values.at("enterprise").find("公司"), std::string::npos);
}

TEST(CliExport, QgisStylesForEveryParcelTheme) {
  // The themes of styles/parcel_styles.toml as QGIS renderers: idle classes by category, FAR
  // graduated at the file's breaks. Colours are the file's, as "r,g,b,a".
  fs::path dir = temp_dir("export-styles");
  ASSERT_EQ(run_command("idle -q -c " + sample("parkatlas.toml") + " -o " + dir.string()).exit_code,
            0);
  for (const char* theme : {"idle", "far"}) {
    CommandResult r = run_command("export " + (dir / "idle.gpkg").string() + " -f gpkg --style " +
                                  theme + " -o " + (dir / theme).string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  const std::string idle = slurp(dir / "idle.qml"), far = slurp(dir / "far.qml");
  EXPECT_NE(idle.find("type=\"categorizedSymbol\" attr=\"idle_cls\""), std::string::npos);
  EXPECT_NE(idle.find("value=\"idle_2y\" label=\"满两年未动工 idle (≥ 2 years)\""),
            std::string::npos);
  EXPECT_NE(idle.find("166,54,3,255"), std::string::npos);  // idle_2y #a63603
  EXPECT_NE(far.find("type=\"graduatedSymbol\" attr=\"far\""), std::string::npos);
  EXPECT_NE(far.find("lower=\"0.000000\" upper=\"0.500000\""), std::string::npos);
  EXPECT_NE(far.find("215,48,39,255"), std::string::npos);  // below 0.5: #d73027
  size_t ranges = 0;
  for (size_t at = 0; (at = far.find("<range ", at)) != std::string::npos; ++at) ++ranges;
  EXPECT_EQ(ranges, 6u);
}

TEST(CliExport, SplitParcelsByTheirParksCounty) {
  // Parcels have no county; --split-by county takes their park's from the parks layer.
  fs::path dir = temp_dir("export-county");
  ASSERT_EQ(run_command("run -q --no-buildings-layer -c " + sample("parkatlas.toml") + " -o " +
                        dir.string())
                .exit_code,
            0);
  CommandResult r = run_command("export " + (dir / "results.gpkg").string() +
                                " -f csv --split-by county -o " + (dir / "by_county").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto results = open_vector((dir / "results.gpkg").string());
  std::map<std::string, std::string> county_of;
  for (auto& p : *results->GetLayerByName("parks"))
    if (p->IsFieldSetAndNotNull(p->GetFieldIndex("county")))
      county_of[p->GetFieldAsString("park_id")] = p->GetFieldAsString("county");
  std::map<std::string, long> expected;
  for (auto& f : *results->GetLayerByName("parcels")) {
    auto it = county_of.find(f->GetFieldAsString("park_id"));
    ++expected[it == county_of.end() ? "no_county" : it->second];
  }
  EXPECT_GE(expected.size(), 6u);  // five counties and the parcels of parks without one
  for (const auto& [county, n] : expected)
    EXPECT_EQ(static_cast<long>(read_rows(dir / "by_county" / (county + ".csv")).size()), n)
        << county;
}
