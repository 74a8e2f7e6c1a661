// The TD/T 1029 land account derived from layers (gis/analysis/park_evaluation_inputs) on the
// hand-made fixture of tests/data/fixture: park P1 = 500000..501000 × 3300000..3301000 (100 hm²),
// P2 the square east of it. Constraints written here: a 100 × 200 m square inside P1 (2 hm²), a
// 100 × 100 m square overlapping it by 50 × 100 m (1 hm², 0.5 new), and a square straddling the
// P1/P2 border (0.5 hm² in each). So C(P1) = 2 + 0.5 + 0.5 = 3 hm², C(P2) = 0.5 hm². A copy of the
// parks layer gives P1 its built land A = 42.5 hm² and 常住人口 1,000 directly.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "gis/analysis/park_evaluation_inputs.hpp"
#include "gis/analysis/run_analysis.hpp"
#include "gis/config/evaluation_model_file.hpp"
#include "gis/config/rule_set_file.hpp"
#include "test_paths.hpp"

using namespace parkatlas;
namespace fs = std::filesystem;

namespace {

std::string square(double x0, double y0, double x1, double y1) {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "{\"type\":\"Feature\",\"properties\":{\"kind\":\"farmland\"},\"geometry\":{"
                "\"type\":\"Polygon\",\"coordinates\":[[[%.0f,%.0f],[%.0f,%.0f],[%.0f,%.0f],[%.0f,"
                "%.0f],[%.0f,%.0f]]]}}",
                x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
  return buf;
}

// A copy of the hand fixture in a fresh folder whose park P2 has `p2_fields` (JSON members)
// in place of its park code.
fs::path fixture_with_p2_as(const std::string& name, const std::string& p2_fields) {
  const fs::path dir = test::temp_dir(name);
  for (const char* f : {"parcels.geojson", "buildings.geojson", "parks.geojson", "parkatlas.toml"})
    fs::copy_file(test::fixture(std::string("fixture/") + f), dir / f);
  std::ifstream in(dir / "parks.geojson");
  std::string parks((std::istreambuf_iterator<char>(in)), {});
  in.close();
  const std::string p2 = "\"园区代码\": \"P2\",";
  const size_t at = parks.find(p2);
  EXPECT_NE(at, std::string::npos) << "the fixture's park P2";
  if (at != std::string::npos) parks.replace(at, p2.size(), p2_fields);
  std::ofstream(dir / "parks.geojson") << parks;
  return dir;
}

// The fixture in `dir` analysed as of 2025-12-31 and evaluated with the shipped model (what
// run_analysis does after the analysis).
std::vector<ParkEvaluation> evaluate_fixture(const fs::path& dir) {
  const ProjectConfig config = load_project_config((dir / "parkatlas.toml").string());
  const RuleSet rules = load_rule_set(config.rules);
  Progress quiet;
  const Analysis a = analyse_project(config, rules, CivilDate{2025, 12, 31}, nullptr, quiet);
  return evaluate_parks(evaluation_inputs(a, rules, CivilDate{2025, 12, 31}),
                        load_evaluation_model("tdt1029-2014"));
}

const RangeEvaluation& range_of(const std::vector<ParkEvaluation>& parks, const std::string& park) {
  for (const ParkEvaluation& p : parks)
    if (p.park_id == park) return p.ranges.at(0);
  throw std::runtime_error("no park " + park);
}

}  // namespace

TEST(EvaluationInputs, ConstraintsAndGivenCategoriesOnTheFixture) {
  const fs::path dir = test::temp_dir("evaluation-inputs");
  for (const char* f : {"parcels.geojson", "buildings.geojson", "parks.geojson", "parkatlas.toml"})
    fs::copy_file(test::fixture(std::string("fixture/") + f), dir / f);
  std::ofstream(dir / "constraints.geojson")
      << "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
         "\"urn:ogc:def:crs:EPSG::4547\"}},\"features\":["
      << square(500000, 3300800, 500100, 3301000) << "," << square(500050, 3300800, 500150, 3300900)
      << "," << square(500950, 3300900, 501050, 3301000) << "]}\n";
  std::ofstream(dir / "parkatlas.toml", std::ios::app)
      << "\n[layers.constraints]\nsource = \"constraints.geojson\"\n";
  {
    const std::vector<ParkEvaluation> a = evaluate_fixture(dir);
    const LandAccount& p1 = range_of(a, "P1").inputs.land;
    EXPECT_NEAR(p1.S, 100.0, 1e-9);
    EXPECT_NEAR(p1.C, 3.0, 1e-9);
    EXPECT_NEAR(range_of(a, "P2").inputs.land.C, 0.5, 1e-9);
    EXPECT_NEAR(p1.B, p1.S - p1.A - p1.C, 1e-9);
    EXPECT_NE(p1.source.at("C").find("constraints"), std::string::npos);
    EXPECT_NE(p1.source.at("A").find("parcels completed"), std::string::npos);
    EXPECT_FALSE(range_of(a, "P1").inputs.population);
  }
  // The bureau's own figures on the parks layer win: A and 常住人口 for P1.
  std::ifstream in(dir / "parks.geojson");
  std::string parks((std::istreambuf_iterator<char>(in)), {});
  in.close();
  const std::string marker = "\"园区代码\": \"P1\",";
  ASSERT_NE(parks.find(marker), std::string::npos);
  parks.insert(parks.find(marker) + marker.size(),
               " \"已建成城镇建设用地\": 42.5, \"常住人口\": 1000,");
  std::ofstream(dir / "parks.geojson") << parks;
  const std::vector<ParkEvaluation> given = evaluate_fixture(dir);
  const RangeEvaluation& r = range_of(given, "P1");
  EXPECT_DOUBLE_EQ(r.inputs.land.A, 42.5);
  EXPECT_EQ(r.inputs.land.source.at("A"), "given on the parks layer (ha_A)");
  EXPECT_NEAR(r.inputs.land.B, 100.0 - 42.5 - 3.0, 1e-9);  // recomputed from the given A
  EXPECT_DOUBLE_EQ(r.inputs.population.value(), 1000);
  // Indicators over A use the given A: 土地建成率 = 42.5 / D × 100.
  int seen = 0;
  for (const IndicatorResult& i : r.indicators) {
    if (i.def->key != "built_rate") continue;
    EXPECT_DOUBLE_EQ(*i.value, 42.5 / r.inputs.land.D * 100);
    ++seen;
  }
  EXPECT_EQ(seen, 1);
}

TEST(EvaluationInputs, AnExpansionRangeIsScoredApartAndCombined) {
  // The fixture's P2 square becomes P1's 发展方向区: same park_id, range field set.
  const fs::path dir = fixture_with_p2_as("evaluation-ranges",
                                          "\"园区代码\": \"P1\", \"评价范围\": \"发展方向区\",");
  const std::vector<ParkEvaluation> parks_evaluated = evaluate_fixture(dir);
  ASSERT_EQ(parks_evaluated.size(), 1u);
  const ParkEvaluation& p = parks_evaluated[0];
  ASSERT_EQ(p.ranges.size(), 2u);
  EXPECT_EQ(p.ranges[0].inputs.range, EvalRange::main);
  EXPECT_EQ(p.ranges[1].inputs.range, EvalRange::expansion);
  EXPECT_NEAR(p.ranges[1].inputs.land.S, 100.0, 1e-9);
  // The expansion tree measures 土地开发率 instead of 供应率 and 建成率.
  std::set<std::string> keys;
  for (const IndicatorResult& i : p.ranges[1].indicators) keys.insert(i.def->key);
  EXPECT_TRUE(keys.count("dev_rate"));
  EXPECT_FALSE(keys.count("supply_rate"));
  // The fixture carries no tax, so the main range has no score and says why; the expansion
  // range (P2's square: no built land) cannot divide by A. F_total needs both (the weighting
  // 0.8 / 0.2 is worked by hand in tests/core/park_evaluation_test.cpp).
  EXPECT_FALSE(p.ranges[0].score);
  EXPECT_NE(p.ranges[0].missing.find("工业用地地均税收"), std::string::npos) << p.ranges[0].missing;
  EXPECT_NE(p.ranges[1].missing.find("denominator is 0"), std::string::npos) << p.ranges[1].missing;
  EXPECT_FALSE(p.score);
  EXPECT_EQ(p.rank, 0);
}

TEST(EvaluationInputs, AnUnknownRangeValueIsSaidAndTakenAsMain) {
  const fs::path dir =
      fixture_with_p2_as("evaluation-range-typo", "\"园区代码\": \"P2\", \"评价范围\": \"东区\",");
  const std::vector<ParkEvaluation> evaluated = evaluate_fixture(dir);
  const RangeEvaluation& r = range_of(evaluated, "P2");
  EXPECT_EQ(r.inputs.range, EvalRange::main);
  ASSERT_FALSE(r.checks.empty());
  EXPECT_NE(r.checks[0].find("field range: '东区'"), std::string::npos) << r.checks[0];
}
