// `parkatlas redistrict`: a hand-computed case (largest overlap and cutting, pro-rated amounts,
// the roll-up per district, the change table) and the sample under the real Jiangxi counties.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "../gis/test_paths.hpp"
#include "cli_run.hpp"
#include "ogr_read.hpp"

using namespace parkatlas::test;
namespace fs = std::filesystem;

namespace {

// EPSG:4547 metres. A = (0,0)-(100,100) in park P1; B = (160,0)-(260,100) in P1; C =
// (400,0)-(500,100) outside both districts. Districts P1 = (-50,-50)-(200,150) "一区" and
// P2 = (200,-50)-(350,150) "二区": B has 40 x 100 = 4,000 m2 in P1 and 6,000 m2 in P2.
fs::path hand_case() {
  static fs::path dir = [] {
    fs::path d = temp_dir("redistrict-hand");
    GDALAllRegister();
    OGRSpatialReference srs;
    srs.importFromEPSG(4547);
    auto square = [](double x0, double y0, double x1, double y1) {
      OGRLinearRing ring;
      for (auto [x, y] : {std::pair{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}})
        ring.addPoint(500000 + x, 3300000 + y);
      auto* poly = new OGRPolygon();
      poly->addRing(&ring);
      auto* mp = new OGRMultiPolygon();
      mp->addGeometryDirectly(poly);
      return mp;
    };
    GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr r(
        gpkg->Create((d / "results.gpkg").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* p = r->CreateLayer("parcels", &srs, wkbMultiPolygon, nullptr);
    for (auto [n, t] : std::vector<std::pair<const char*, OGRFieldType>>{{"parcel_id", OFTString},
                                                                         {"park_id", OFTString},
                                                                         {"land_m2", OFTReal},
                                                                         {"land_mu", OFTReal},
                                                                         {"floor_m2", OFTReal},
                                                                         {"invest_wan", OFTReal},
                                                                         {"far", OFTReal},
                                                                         {"verdict", OFTString},
                                                                         {"idle_cls", OFTString}}) {
      OGRFieldDefn f(n, t);
      EXPECT_EQ(p->CreateField(&f), OGRERR_NONE);
    }
    struct P {
      const char* id;
      double x0, x1, floor, invest;
      const char* verdict;
    };
    for (const P& q :
         {P{"A", 0, 100, 12000, 4500, "compliant"}, P{"B", 160, 260, 10000, 3000, "below_both"},
          P{"C", 400, 500, 5000, 1500, "below_far"}}) {
      OGRFeature f(p->GetLayerDefn());
      f.SetField("parcel_id", q.id);
      f.SetField("park_id", "P1");
      f.SetField("land_m2", 10000.0);
      f.SetField("land_mu", 15.0);
      f.SetField("floor_m2", q.floor);
      f.SetField("invest_wan", q.invest);
      f.SetField("far", q.floor / 10000);
      f.SetField("verdict", q.verdict);
      f.SetField("idle_cls", "none");
      f.SetGeometryDirectly(square(q.x0, 0, q.x1, 100));
      EXPECT_EQ(p->CreateFeature(&f), OGRERR_NONE);
    }
    GDALDatasetUniquePtr ds(
        gpkg->Create((d / "districts.gpkg").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* l = ds->CreateLayer("districts", &srs, wkbMultiPolygon, nullptr);
    OGRFieldDefn id("代码", OFTString), name("名称", OFTString);
    EXPECT_EQ(l->CreateField(&id), OGRERR_NONE);
    EXPECT_EQ(l->CreateField(&name), OGRERR_NONE);
    for (auto [code, label, x0, x1] :
         {std::tuple{"P1", "一区", -50.0, 200.0}, std::tuple{"P2", "二区", 200.0, 350.0}}) {
      OGRFeature f(l->GetLayerDefn());
      f.SetField("代码", code);
      f.SetField("名称", label);
      f.SetGeometryDirectly(square(x0, -50, x1, 150));
      EXPECT_EQ(l->CreateFeature(&f), OGRERR_NONE);
    }
    return d;
  }();
  return dir;
}

std::map<std::string, std::map<std::string, double>> summary(const fs::path& gpkg) {
  std::map<std::string, std::map<std::string, double>> m;
  auto ds = open_vector(gpkg.string());
  for (auto& f : *ds->GetLayerByName("districts")) {
    auto& row = m[f->GetFieldAsString("district")];
    for (const char* c : {"n_parcels", "land_mu", "ind_far", "ind_inv_mu"})
      row[c] = f->IsFieldSetAndNotNull(f->GetFieldIndex(c)) ? f->GetFieldAsDouble(c) : -1;
  }
  return m;
}

}  // namespace

TEST(CliRedistrict, LargestOverlapByHand) {
  fs::path d = hand_case(), out = d / "whole";
  CommandResult r = run_command("redistrict " + (d / "results.gpkg").string() + " --districts " +
                                (d / "districts.gpkg").string() + " -o " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // A -> 一区, B -> 二区 (6,000 > 4,000 m2), C outside: each parcel once, area kept.
  auto s = summary(out / "redistricted.gpkg");
  EXPECT_EQ(s["一区"]["n_parcels"], 1);
  EXPECT_EQ(s["二区"]["n_parcels"], 1);
  EXPECT_EQ(s["(outside every district)"]["n_parcels"], 1);
  EXPECT_DOUBLE_EQ(s["二区"]["ind_far"], 1.0);  // B whole: 10,000 / 10,000
  // The district ids are park ids, so B's move from P1 to P2 is a change, as is C.
  auto changes = open_vector((out / "changes.csv").string());
  std::map<std::string, std::string> kind;
  for (auto& f : *changes->GetLayer(0))
    kind[f->GetFieldAsString("parcel_id")] = f->GetFieldAsString("change");
  EXPECT_EQ(kind, (std::map<std::string, std::string>{{"B", "moved"}, {"C", "outside"}}));
  // One Shapefile set per district, named after it.
  EXPECT_TRUE(fs::exists(out / "districts" / "一区.shp"));
  EXPECT_TRUE(fs::exists(out / "districts" / "二区.shp"));
  EXPECT_TRUE(fs::exists(out / "districts" / "outside_every_district.shp"));
}

TEST(CliRedistrict, CuttingProRatesAmountsByHand) {
  fs::path d = hand_case(), out = d / "cut";
  CommandResult r =
      run_command("redistrict " + (d / "results.gpkg").string() + " --districts " +
                  (d / "districts.gpkg").string() + " --split-parcels -o " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto ds = open_vector((out / "redistricted.gpkg").string());
  std::map<std::string, std::map<std::string, double>> b;  // B's pieces by district
  double total = 0;
  for (auto& f : *ds->GetLayerByName("parcels")) {
    total += f->GetFieldAsDouble("land_m2");
    if (std::string(f->GetFieldAsString("parcel_id")) != "B") continue;
    auto& piece = b[f->GetFieldAsString("district")];
    for (const char* c : {"land_m2", "land_mu", "floor_m2", "invest_wan", "far", "dist_share"})
      piece[c] = f->GetFieldAsDouble(c);
  }
  EXPECT_NEAR(total, 30000.0, 1e-6);  // three parcels of 10,000 m2, nothing lost
  // B: 4,000 m2 (6 mu) in 一区 and 6,000 m2 (9 mu) in 二区; floor 10,000 and 3,000 万元 shared
  // 40/60; FAR stays 1.0.
  EXPECT_NEAR(b["一区"]["land_m2"], 4000, 1e-6);
  EXPECT_NEAR(b["一区"]["land_mu"], 6, 1e-9);
  EXPECT_NEAR(b["一区"]["floor_m2"], 4000, 1e-6);
  EXPECT_NEAR(b["一区"]["invest_wan"], 1200, 1e-6);
  EXPECT_NEAR(b["二区"]["invest_wan"], 1800, 1e-6);
  EXPECT_NEAR(b["二区"]["dist_share"], 0.6, 1e-9);
  EXPECT_DOUBLE_EQ(b["二区"]["far"], 1.0);
  // 一区 = A + 40 % of B: FAR (12,000 + 4,000) / 14,000 = 1.142857…; investment
  // (4,500 + 1,200) / 21 mu = 271.43 万元/亩.
  auto s = summary(out / "redistricted.gpkg");
  EXPECT_NEAR(s["一区"]["ind_far"], 16000.0 / 14000.0, 1e-12);
  EXPECT_NEAR(s["一区"]["ind_inv_mu"], 5700.0 / 21.0, 1e-9);
  EXPECT_NEAR(s["一区"]["land_mu"], 21.0, 1e-9);
}

TEST(CliRedistrict, SampleUnderTheJiangxiCounties) {
  const std::string counties = external("jiangxi-admin-datav/jiangxi_counties.geojson");
  if (counties.empty()) GTEST_SKIP() << "../shared/datasets-external is not beside the clone";
  fs::path dir = temp_dir("redistrict-sample");
  ASSERT_EQ(run_command("run -q --no-buildings-layer -c " + sample("parkatlas.toml") + " -o " +
                        dir.string())
                .exit_code,
            0);
  auto results = open_vector((dir / "results.gpkg").string());
  const GIntBig parcels = results->GetLayerByName("parcels")->GetFeatureCount();
  double area = 0;
  for (auto& f : *results->GetLayerByName("parcels")) area += f->GetFieldAsDouble("land_m2");
  for (const char* mode : {"", "--split-parcels"}) {
    fs::path out = dir / (std::string("by_county") + (*mode ? "_cut" : ""));
    CommandResult r =
        run_command("redistrict " + (dir / "results.gpkg").string() + " --districts " + counties +
                    " --districts-crs gcj02 -o " + out.string() + " " + mode);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    auto ds = open_vector((out / "redistricted.gpkg").string());
    double n = 0, a = 0;
    for (auto& f : *ds->GetLayerByName("districts")) {
      n += f->GetFieldAsDouble("n_parcels");
      a += f->GetFieldAsDouble("land_mu") * 10000.0 / 15.0;
    }
    if (!*mode) {
      EXPECT_EQ(n, parcels);  // every parcel assigned once
    }
    EXPECT_NEAR(a, area, 1e-6 * area) << mode;
    // The Shapefile sets hold every row, under county names.
    long rows = 0;
    for (const auto& e : fs::directory_iterator(out / "districts"))
      if (e.path().extension() == ".shp")
        rows += static_cast<long>(open_vector(e.path().string())->GetLayer(0)->GetFeatureCount());
    EXPECT_EQ(rows, ds->GetLayerByName("parcels")->GetFeatureCount());
    EXPECT_TRUE(fs::exists(out / "districts" / "青山湖区.shp"));
  }
}
