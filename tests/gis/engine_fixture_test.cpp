// The engine on the hand-computed fixture of tests/data/fixture (expected values derived in its
// README.md), and on real NYC lots against the publisher's own floor-area ratios.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <tuple>

#include "gis/analysis/run_analysis.hpp"
#include "gis/config/rule_set_file.hpp"
#include "gis/gdal/gdal_setup.hpp"
#include "gis/gis_error.hpp"
#include "gis/io/idle_lists.hpp"
#include "test_paths.hpp"

using namespace parkatlas;

namespace {

struct FixtureRun {
  Analysis a;
  std::map<std::string, size_t> row;  // parcel_id -> row
  const Judgement& j(const std::string& id) const { return a.ev.judgement.at(row.at(id)); }
  const Indicators& ind(const std::string& id) const { return a.ev.ind.at(row.at(id)); }
  const std::string& park(const std::string& id) const { return a.ev.park_id.at(row.at(id)); }
  bool has_problem(const std::string& key, const std::string& text) const {
    for (const auto& p : a.problems)
      if (p.feature_key == key && p.message.find(text) != std::string::npos) return true;
    return false;
  }
};

FixtureRun run_fixture() {
  ProjectConfig config = load_project_config(test::fixture("fixture/parkatlas.toml"));
  RuleSet rules = load_rule_set(config.rules);
  Progress quiet;
  FixtureRun r{analyse_project(config, rules, CivilDate{2025, 12, 31}, nullptr, quiet), {}};
  const Column& id = r.a.in.parcels.field("parcel_id");
  for (size_t i = 0; i < r.a.in.parcels.size(); ++i) r.row[*id.text(i)] = i;
  return r;
}

}  // namespace

TEST(EngineFixture, HandExampleFarFromBuildings) {
  FixtureRun r = run_fixture();
  EXPECT_EQ(r.a.in.measuring.epsg, 4547);  // source CRS is projected metric
  // A: floor 2,000 + 400 (9 m shed twice) + 300 (half of 600) = 2,700 on 10,000 m2.
  EXPECT_NEAR(r.ind("A").land_m2, 10000.0, 1e-6);
  EXPECT_NEAR(r.ind("A").land_mu, 15.0, 1e-9);
  EXPECT_NEAR(*r.ind("A").floor_m2, 2700.0, 1e-6);
  EXPECT_EQ(r.ind("A").floor_src, FloorSource::buildings);
  EXPECT_NEAR(*r.ind("A").far, 0.27, 1e-9);
  EXPECT_NEAR(*r.ind("A").coverage, 0.13, 1e-9);  // (1,000 + 200 + 100) / 10,000
  EXPECT_NEAR(*r.ind("A").inv_mu, 300.0, 1e-9);   // 4,500 / 15
  EXPECT_EQ(r.j("A").verdict, Verdict::below_far);
  EXPECT_EQ(r.park("A"), "P1");
  EXPECT_TRUE(r.has_problem("A", "differs from the geometry"));  // stated 11,000 vs 10,000
  // C: the attribute wins over buildings; coverage from the other half of B3 (100 m2).
  EXPECT_EQ(r.ind("C").floor_src, FloorSource::attribute);
  EXPECT_NEAR(*r.ind("C").far, 1.5, 1e-9);
  EXPECT_NEAR(*r.ind("C").coverage, 0.01, 1e-9);
  EXPECT_EQ(r.j("C").verdict, Verdict::compliant);
  EXPECT_NEAR(r.a.ev.bldg_floor_m2[r.row.at("C")], 300.0, 1e-6);  // B3's other half
}

TEST(EngineFixture, ParkAssignmentByLargestOverlapAndGivenIds) {
  FixtureRun r = run_fixture();
  EXPECT_EQ(r.park("D"), "P2");                     // 200 m of its 300 m lie in P2
  EXPECT_EQ(r.j("D").verdict, Verdict::compliant);  // provincial floors: FAR 1.1 >= 1.0
  EXPECT_EQ(*r.j("D").far_min, 1.0);
  EXPECT_EQ(r.park("E"), "");  // outside every park
  EXPECT_EQ(r.j("E").verdict, Verdict::unknown);
  EXPECT_EQ(r.park("F"), "P1");                      // the given id wins over the geometry (P2) …
  EXPECT_EQ(r.j("F").verdict, Verdict::below_both);  // … so national floors apply
  EXPECT_TRUE(r.has_problem("F", "lies mostly in park P2"));
  // The part inside the assigned park's outline, kept for the park evaluation: A lies wholly in
  // P1 (100 × 100); D's 200 m × 100 m east of x = 1000 lie in P2; F (1500..1600, 500..600) lies
  // in P2, none of it in its given P1; E is in no park.
  auto overlap = [&r](const char* id) { return r.a.ev.park_overlap_m2.at(r.row.at(id)); };
  EXPECT_NEAR(overlap("A"), 10000.0, 1e-6);
  EXPECT_NEAR(overlap("D"), 20000.0, 1e-6);
  EXPECT_EQ(overlap("F"), 0.0);
  EXPECT_EQ(overlap("E"), 0.0);
}

TEST(EngineFixture, BadFeaturesAreRepairedOrSkippedAndReported) {
  FixtureRun r = run_fixture();
  // G: bow tie repaired into two 2,500 m2 triangles.
  EXPECT_NEAR(r.ind("G").land_m2, 5000.0, 1e-6);
  EXPECT_TRUE(r.has_problem("G", "invalid geometry"));
  // H: no geometry -> skipped, reported, and counted.
  EXPECT_EQ(r.row.count("H"), 0u);
  EXPECT_TRUE(r.has_problem("H", "no geometry"));
  const LayerReport& rep = r.a.in.parcels_reader->report();
  EXPECT_EQ(rep.features_in_source, 10);
  EXPECT_EQ(rep.features_read + rep.features_skipped, rep.features_in_source);
  // I: residential. J: investment "abc" rejected, reported with its field.
  EXPECT_EQ(r.j("I").verdict, Verdict::not_industrial);
  EXPECT_EQ(r.j("J").verdict, Verdict::unknown);
  bool j_reported = false;
  for (const auto& p : r.a.problems)
    j_reported |= p.feature_key == "J" && p.field.find("invest_wan") == 0 &&
                  p.message.find("'abc'") != std::string::npos;
  EXPECT_TRUE(j_reported);
  // Conservation: parcel areas per park add up to the roll-ups.
  double parcels = 0, rolled = 0;
  for (const auto& i : r.a.ev.ind) parcels += i.land_m2;
  for (const auto& [id, k] : r.a.rollups) rolled += k.land_m2;
  EXPECT_NEAR(parcels, rolled, 1e-6);
}

TEST(EngineFixture, LowEfficiencyAndBuildingEvidence) {
  // Expected values derived in tests/data/fixture/README.md ("Idle land, low efficiency …").
  FixtureRun r = run_fixture();
  auto at = [&r](const char* id) { return r.row.at(id); };
  EXPECT_EQ(r.a.ev.idle[at("A")].cls, IdleClass::low_eff);
  EXPECT_EQ(r.a.ev.low_eff[at("A")],
            "FAR 0.27 < 1.20; coverage 13.0% < 30.0%; out of production (停产)");
  EXPECT_EQ(r.a.ev.idle[at("C")].cls, IdleClass::low_eff);
  EXPECT_EQ(r.a.ev.low_eff[at("C")], "coverage 1.0% < 30.0%");
  EXPECT_TRUE(r.has_problem("C", "no construction seen"));
  EXPECT_FALSE(r.has_problem("A", "no construction seen"));
  EXPECT_EQ(r.a.ev.idle[at("K")].cls, IdleClass::idle_2y);
  EXPECT_EQ(r.a.ev.low_eff[at("K")], "");  // idle land is not judged by its FAR
  EXPECT_TRUE(r.has_problem("K", "buildings cover 48.0% of the parcel (substantially built)"));
  // D has no dates: in use; FAR 1.1 and 666.7 万元/亩 pass its provincial floors. It has a
  // surveyed floor area but no building on the map, so its coverage is unknown (not 0 %): not
  // low-efficiency. E (outside the parks, 100 万元 on 15 亩, no floor, no building) has coverage
  // 0 % < 30 % but is judged by no floor of jiangxi-2014; coverage still counts: low_eff.
  EXPECT_FALSE(r.ind("D").coverage);
  EXPECT_EQ(r.a.ev.low_eff[at("E")], "coverage 0.0% < 30.0%");
  EXPECT_EQ(r.a.ev.idle[at("D")].cls, IdleClass::none);
  // I is not industrial: never low-efficiency.
  EXPECT_EQ(r.a.ev.idle[at("I")].cls, IdleClass::none);
}

TEST(EngineFixture, MissingCrsIsAClearErrorUnlessTheConfigNamesOne) {
  auto dir = test::temp_dir("nocrs");
  ensure_gdal_registered();
  // A Shapefile without .prj.
  {
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    GDALDatasetUniquePtr ds(drv->Create((dir / "p.shp").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* l = ds->CreateLayer("p", nullptr, wkbPolygon, nullptr);
    OGRFeature f(l->GetLayerDefn());
    OGRGeometry* g = nullptr;
    OGRGeometryFactory::createFromWkt(
        "POLYGON((500000 3300000,500100 3300000,500100 3300100,500000 3300000))", nullptr, &g);
    f.SetGeometryDirectly(g);
    ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
  }
  std::ofstream(dir / "a.toml") << "[layers.parcels]\nsource = \"p.shp\"\n";
  std::ofstream(dir / "b.toml") << "[layers.parcels]\nsource = \"p.shp\"\ncrs = \"EPSG:4547\"\n";
  RuleSet rules = load_rule_set("jiangxi-2014");
  Progress quiet;
  try {
    analyse_project(load_project_config((dir / "a.toml").string()), rules, CivilDate{2025, 12, 31},
                    nullptr, quiet);
    FAIL() << "expected an error";
  } catch (const GisError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("p.shp"), std::string::npos) << m;
    EXPECT_NE(m.find("no coordinate reference system"), std::string::npos) << m;
    EXPECT_NE(m.find("crs = "), std::string::npos) << m;
  }
  Analysis ok = analyse_project(load_project_config((dir / "b.toml").string()), rules,
                                CivilDate{2025, 12, 31}, nullptr, quiet);
  ASSERT_EQ(ok.in.parcels.size(), 1u);
  EXPECT_NEAR(ok.ev.ind[0].land_m2, 5000.0, 1e-6);  // right triangle 100 x 100 / 2
}

TEST(RealData, NycFloorAreaRatioAgreesWithMapPluto) {
  // MapPLUTO publishes BuiltFAR = BldgArea / LotArea. Where the lot geometry's area agrees with
  // LotArea (within 1 %), FAR from BldgArea (declared in ft2) over the geometry must agree too.
  std::string shp = test::external("nyc-mappluto-ibz/shp_epsg2263/ibz_maspeth_lots.shp");
  if (shp.empty()) GTEST_SKIP() << "../shared/datasets-external not present";
  auto dir = test::temp_dir("nyc");
  std::ofstream(dir / "nyc.toml")
      << "[layers.parcels]\nsource = \"" << shp
      << "\"\n[layers.parcels.fields]\nparcel_id = \"BBL\"\nfloor_m2 = \"BldgArea\"\n"
         "[layers.parcels.units]\nfloor_m2 = \"ft2\"\n";
  Progress quiet;
  Analysis a =
      analyse_project(load_project_config((dir / "nyc.toml").string()),
                      load_rule_set("jiangxi-2014"), CivilDate{2025, 12, 31}, nullptr, quiet);
  EXPECT_EQ(a.in.measuring.epsg, 32618);  // feet -> metres in UTM 18N
  const Column* lot = nullptr;
  const Column* built = nullptr;
  for (const auto& c : a.in.parcels.extra) {
    if (c.name() == "LotArea") lot = &c;
    if (c.name() == "BuiltFAR") built = &c;
  }
  ASSERT_TRUE(lot && built);
  int compared = 0, agree = 0;
  for (size_t i = 0; i < a.in.parcels.size(); ++i) {
    auto lot_ft2 = lot->real(i), pub = built->real(i);
    if (!lot_ft2 || !pub || *lot_ft2 <= 0 || !a.ev.ind[i].far) continue;
    double lot_m2 = *lot_ft2 * 0.09290304;
    if (std::abs(lot_m2 - a.ev.ind[i].land_m2) / lot_m2 > 0.01) continue;
    ++compared;
    // BuiltFAR is published with two decimals.
    if (std::abs(*a.ev.ind[i].far - *pub) <= 0.005 + 0.01 * *pub) ++agree;
  }
  EXPECT_GT(compared, 120);
  EXPECT_GE(agree, compared * 98 / 100) << agree << " of " << compared;
}

TEST(EngineFixture, IdleListsLendTheSameTextsTheyWouldCopy) {
  // The writers read a text column's `text_view` when it has one and `value` otherwise; both must
  // give the same answer for every row (text, or null). Checked on all three lists of the fixture,
  // whose rows include parcels outside every park (null park name and county).
  FixtureRun r = run_fixture();
  const std::vector<std::vector<size_t>> lists = {idle_list_rows(r.a.ev), idle_warning_rows(r.a.ev),
                                                  low_efficiency_rows(r.a.ev)};
  size_t compared = 0;
  bool saw_null = false;
  for (const auto& rows : lists) {
    for (const TableColumn& c : idle_list_columns(r.a.in, r.a.ev, rows)) {
      if (!c.text_view) continue;
      for (size_t k = 0; k < rows.size(); ++k) {
        const Cell v = c.value(k);
        const std::optional<std::string_view> t = c.text_view(k);
        if (const auto* s = std::get_if<std::string>(&v)) {
          ASSERT_TRUE(t) << c.field.name << " row " << k;
          EXPECT_EQ(*t, *s) << c.field.name << " row " << k;
        } else {
          EXPECT_TRUE(std::holds_alternative<std::monostate>(v)) << c.field.name;
          EXPECT_FALSE(t) << c.field.name << " row " << k;
          saw_null = true;
        }
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 0u);
  EXPECT_TRUE(saw_null);  // the null branch was exercised
}

// `run` reads the approval batches when 批而未供 starts, after the parcels and their problems: the
// batches and every problem, in order, must be what a read in turn gives. The fixture gets a
// batches layer with a bow-tie (repaired: one problem), an empty geometry (skipped: one problem)
// and a square.
TEST(EngineFixture, BatchesReadLaterEqualBatchesReadInTurn) {
  const auto dir = test::temp_dir("aside");
  for (const char* f : {"parks.geojson", "parcels.geojson", "buildings.geojson"})
    std::filesystem::copy_file(test::fixture(std::string("fixture/") + f), dir / f);
  {
    std::ifstream in(test::fixture("fixture/parkatlas.toml"));
    std::ofstream out(dir / "parkatlas.toml");
    out << in.rdbuf() << "\n[layers.approval_batches]\nsource = \"batches.geojson\"\n";
  }
  std::ofstream(dir / "batches.geojson")
      << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4547"}},"features":[
{"type":"Feature","properties":{"批次号":"B1","批准日期":"2015-03-01"},"geometry":{"type":"Polygon","coordinates":[[[500000,3300000],[500100,3300100],[500100,3300000],[500000,3300100],[500000,3300000]]]}},
{"type":"Feature","properties":{"批次号":"B2","批准日期":"2016-03-01"},"geometry":null},
{"type":"Feature","properties":{"批次号":"B3","批准日期":"2017-03-01"},"geometry":{"type":"Polygon","coordinates":[[[500200,3300200],[500300,3300200],[500300,3300300],[500200,3300300],[500200,3300200]]]}}]})";
  ProjectConfig config = load_project_config((dir / "parkatlas.toml").string());
  GeosContext geos;
  Progress quiet;
  ProblemList in_turn_problems, aside_problems;
  ProjectInputs in_turn = load_project_inputs(config, geos, in_turn_problems, quiet);
  ProjectInputs aside = load_project_inputs(config, geos, aside_problems, quiet, true);
  EXPECT_FALSE(aside.batches);  // not read yet
  // Problems found meanwhile (as the buildings' and verdicts' are) come after the batches'.
  aside_problems.push_back(Problem{"parcels", "", -1, "", "", "found meanwhile", "reported"});
  read_batches(aside, geos, aside_problems, quiet);
  read_batches(aside, geos, aside_problems, quiet);  // a second call has nothing left to do
  ASSERT_FALSE(aside_problems.empty());
  EXPECT_EQ(aside_problems.back().message, "found meanwhile");
  aside_problems.pop_back();

  ASSERT_TRUE(in_turn.batches && aside.batches);
  ASSERT_EQ(in_turn.batches->size(), 2u);  // B1 repaired, B2 skipped, B3
  EXPECT_EQ(aside.batches->fids, in_turn.batches->fids);
  for (size_t b = 0; b < 2; ++b)
    EXPECT_EQ(GEOSEqualsExact_r(geos.handle(), aside.batches->geoms[b].get(),
                                in_turn.batches->geoms[b].get(), 0.0),
              1);
  EXPECT_EQ(*aside.batches->field("batch_id").text(1), "B3");
  int batch_problems = 0;
  ASSERT_EQ(aside_problems.size(), in_turn_problems.size());
  for (size_t k = 0; k < in_turn_problems.size(); ++k) {
    const Problem &a = aside_problems[k], &t = in_turn_problems[k];
    EXPECT_EQ(std::tie(a.layer, a.fid, a.feature_key, a.field, a.message, a.action),
              std::tie(t.layer, t.fid, t.feature_key, t.field, t.message, t.action))
        << "problem " << k;
    batch_problems += t.layer == "approval_batches";
  }
  EXPECT_EQ(batch_problems, 2);
  // The parcels' problems (the fixture has some) follow the batches' in both.
  EXPECT_GT(in_turn_problems.size(), 2u);
}
