// Rule sets and project configs: shipped values, and bad files refused with file, line and key.
#include <gtest/gtest.h>

#include <fstream>

#include "gis/config/evaluation_model_file.hpp"
#include "gis/config/project_config.hpp"
#include "gis/config/rule_set_file.hpp"
#include "gis/gis_error.hpp"
#include "test_paths.hpp"

using namespace parkatlas;

namespace {
std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const GisError& e) {
    return e.what();
  }
  return "no error";
}
std::string write(const std::string& name, const std::string& text) {
  auto dir = test::temp_dir("cfg-" + name);
  std::string path = (dir / (name + ".toml")).string();
  std::ofstream(path) << text;
  return path;
}
}  // namespace

TEST(RuleSets, Jiangxi2014IsSectionSevenOfThePolicy) {
  RuleSet r = load_rule_set("jiangxi-2014");
  EXPECT_EQ(r.name, "jiangxi-2014");
  EXPECT_EQ(*r.level_floors.at(ParkLevel::national).far_min, 1.2);
  EXPECT_EQ(*r.level_floors.at(ParkLevel::national).inv_min, 300.0);
  EXPECT_EQ(*r.level_floors.at(ParkLevel::provincial).far_min, 1.0);
  EXPECT_EQ(*r.level_floors.at(ParkLevel::provincial).inv_min, 200.0);
  EXPECT_TRUE(r.exemption_waives_far);
  EXPECT_FALSE(r.applies_outside_parks);
  EXPECT_EQ(r.industrial_codes.at(LandUseScheme::ydyh), std::vector<std::string>{"1001"});
  EXPECT_EQ(r.buildings.high_storey_m, 8.0);
  EXPECT_EQ(r.text_hash.size(), 16u);
}

TEST(RuleSets, National2008CrosswalkedTable) {
  RuleSet r = load_rule_set("national-2008");
  EXPECT_EQ(far_min_for_industry(r, "2614"), 0.6);  // 化学原料 (2002 26 = 2017 26)
  EXPECT_EQ(far_min_for_industry(r, "2911"), 0.8);  // 橡胶 (2002 29 -> 2017 291)
  EXPECT_EQ(far_min_for_industry(r, "2921"), 1.0);  // 塑料 (2002 30 -> 2017 292)
  EXPECT_EQ(far_min_for_industry(r, "3971"), 1.0);  // 电子 (2002 40 -> 2017 39)
  EXPECT_EQ(far_min_for_industry(r, "3670"), 0.7);  // 汽车 (2002 37 -> 2017 36)
  EXPECT_FALSE(far_min_for_industry(r, "4320"));    // 2017 43 has no 2002 counterpart
  EXPECT_EQ(*r.coverage_min, 0.30);
  EXPECT_TRUE(r.applies_outside_parks);
  EXPECT_FALSE(r.inv_min_any_park);
}

TEST(RuleSets, BadFilesNameFileLineAndKey) {
  std::string base = "[rule_set]\nname = \"x\"\n[industrial_codes]\ngbt21010 = [\"0601\"]\n";
  auto typo =
      error_of([&] { parse_rule_set(base + "[floors.national]\nfar_mn = 1.2\n", "typo.toml"); });
  EXPECT_NE(typo.find("typo.toml:6"), std::string::npos) << typo;
  EXPECT_NE(typo.find("far_mn"), std::string::npos) << typo;
  auto range =
      error_of([&] { parse_rule_set(base + "[floors.national]\nfar_min = -1\n", "r.toml"); });
  EXPECT_NE(range.find("outside"), std::string::npos) << range;
  auto syntax = error_of([&] { parse_rule_set("[rule_set\nname=1", "s.toml"); });
  EXPECT_NE(syntax.find("s.toml:1"), std::string::npos) << syntax;
  auto level = error_of([&] { parse_rule_set(base + "[floors.county]\nfar_min = 1\n", "l.toml"); });
  EXPECT_NE(level.find("county"), std::string::npos) << level;
  auto unknown = error_of([&] { load_rule_set("jiangxi-2099"); });
  EXPECT_NE(unknown.find("jiangxi-2014"), std::string::npos) << unknown;  // lists the known ones
}

TEST(RuleSets, LowEfficiencyAndDigestionSections) {
  RuleSet jx = load_rule_set("jiangxi-2014");
  EXPECT_TRUE(jx.low_efficiency.enabled);
  EXPECT_EQ(*jx.low_efficiency.coverage_min, 0.30);
  EXPECT_FALSE(jx.low_efficiency.tax_min_mu);  // no province-wide figure: left to the county
  EXPECT_EQ(jx.low_efficiency.out_of_production.front(), "停产");
  EXPECT_EQ(jx.digestion.window_years, 3);
  EXPECT_EQ(jx.digestion.target_years, 3.0);
  EXPECT_TRUE(jx.digestion.count_supply && jx.digestion.count_start);

  std::string base = "[rule_set]\nname = \"x\"\n[industrial_codes]\ngbt21010 = [\"0601\"]\n";
  RuleSet none = parse_rule_set(base, "none.toml");
  EXPECT_FALSE(none.low_efficiency.enabled);  // no section, no low-efficiency judgement
  RuleSet own = parse_rule_set(base +
                                   "[low_efficiency]\ntax_min_wan_per_mu = 15\nbelow_far = false\n"
                                   "[digestion]\nwindow_years = 5\ncounts = [\"supply\"]\n",
                               "own.toml");
  EXPECT_EQ(*own.low_efficiency.tax_min_mu, 15.0);
  EXPECT_FALSE(own.low_efficiency.below_far);
  EXPECT_EQ(own.digestion.window_years, 5);
  EXPECT_FALSE(own.digestion.count_start);
  auto bad_count =
      error_of([&] { parse_rule_set(base + "[digestion]\ncounts = [\"sale\"]\n", "count.toml"); });
  EXPECT_NE(bad_count.find("count.toml:6"), std::string::npos) << bad_count;
  EXPECT_NE(bad_count.find("sale"), std::string::npos) << bad_count;
  auto bad_status = error_of(
      [&] { parse_rule_set(base + "[low_efficiency]\nout_of_production = \"停产\"\n", "s.toml"); });
  EXPECT_NE(bad_status.find("s.toml:6"), std::string::npos) << bad_status;
  auto typo =
      error_of([&] { parse_rule_set(base + "[low_efficiency]\ncoverage = 0.3\n", "t.toml"); });
  EXPECT_NE(typo.find("coverage"), std::string::npos) << typo;
}

TEST(RuleSets, ClusterTargetsAndMuEvaluationSections) {
  RuleSet jx = load_rule_set("jiangxi-2014");
  EXPECT_EQ(*jx.cluster_targets.over_100yi, 60);
  EXPECT_EQ(*jx.cluster_targets.over_1000yi, (std::pair<long, long>{3, 5}));
  EXPECT_EQ(*jx.cluster_targets.key_per_county, (std::pair<long, long>{1, 2}));
  EXPECT_EQ(*jx.cluster_targets.rd_per_100_firms, 5.0);
  EXPECT_TRUE(jx.mu_evaluation.enabled);
  EXPECT_EQ(jx.mu_evaluation.jurisdiction, "county");
  EXPECT_DOUBLE_EQ(jx.mu_evaluation.weight_tax + jx.mu_evaluation.weight_revenue, 1.0);
  EXPECT_EQ(jx.mu_evaluation.class_cuts[2], 0.95);

  std::string base = "[rule_set]\nname = \"x\"\n[industrial_codes]\ngbt21010 = [\"0601\"]\n";
  RuleSet none = parse_rule_set(base, "none.toml");
  EXPECT_FALSE(none.mu_evaluation.enabled);
  EXPECT_FALSE(none.cluster_targets.over_100yi.has_value());
  RuleSet own = parse_rule_set(base +
                                   "[cluster_targets]\nkey_per_city = 2\n"
                                   "[mu_evaluation]\njurisdiction = \"city\"\n",
                               "own.toml");
  EXPECT_EQ(*own.cluster_targets.key_per_city, (std::pair<long, long>{2, 2}));
  EXPECT_EQ(own.mu_evaluation.jurisdiction, "city");
  // Weights that do not sum to 1, cuts out of order, a bad range: file and line named.
  auto weights = error_of([&] {
    parse_rule_set(base + "[mu_evaluation]\nweights = { tax_mu = 0.5, rev_mu = 0.4 }\n", "w.toml");
  });
  EXPECT_NE(weights.find("w.toml:6"), std::string::npos) << weights;
  EXPECT_NE(weights.find("sum to 1"), std::string::npos) << weights;
  auto cuts = error_of(
      [&] { parse_rule_set(base + "[mu_evaluation]\nclass_cuts = [0.6, 0.2, 0.95]\n", "c.toml"); });
  EXPECT_NE(cuts.find("c.toml:6"), std::string::npos) << cuts;
  auto range = error_of(
      [&] { parse_rule_set(base + "[cluster_targets]\nover_1000yi = [5, 3]\n", "r.toml"); });
  EXPECT_NE(range.find("over_1000yi"), std::string::npos) << range;
  auto where = error_of(
      [&] { parse_rule_set(base + "[mu_evaluation]\njurisdiction = \"town\"\n", "j.toml"); });
  EXPECT_NE(where.find("jurisdiction"), std::string::npos) << where;
}

TEST(ProjectConfig, ReadsLayersAndResolvesPaths) {
  ProjectConfig c = load_project_config(test::sample("parkatlas.toml"));
  EXPECT_EQ(c.rules, "jiangxi-2014");
  EXPECT_EQ(*c.as_of, (CivilDate{2025, 12, 31}));
  EXPECT_EQ(c.layers.at(LayerKind::parks).crs, "gcj02");
  EXPECT_EQ(c.layers.at(LayerKind::parcels).source, test::sample("parcels_gbk.shp"));
  EXPECT_EQ(c.layers.at(LayerKind::parcels).land_use_scheme, LandUseScheme::gbt21010);
}

TEST(ProjectConfig, BadConfigsAreRefusedClearly) {
  const std::string ok = "[layers.parcels]\nsource = \"p.shp\"\n";
  auto key = error_of([&] { load_project_config(write("key", ok + "encodng = \"GBK\"\n")); });
  EXPECT_NE(key.find("encodng"), std::string::npos) << key;
  EXPECT_NE(key.find("key.toml:3"), std::string::npos) << key;
  auto unit = error_of([&] {
    load_project_config(write("unit", ok + "[layers.parcels.units]\ninvest_wan = \"mu\"\n"));
  });
  EXPECT_NE(unit.find("not a unit"), std::string::npos) << unit;
  auto scheme =
      error_of([&] { load_project_config(write("scheme", ok + "land_use_scheme = \"gbt\"\n")); });
  EXPECT_NE(scheme.find("gbt21010"), std::string::npos) << scheme;
  auto date = error_of(
      [&] { load_project_config(write("date", "[project]\nas_of = \"2019-02-30\"\n" + ok)); });
  EXPECT_NE(date.find("as_of"), std::string::npos) << date;
  auto none =
      error_of([&] { load_project_config(write("none", "[layers.parks]\nsource = \"a.shp\"\n")); });
  EXPECT_NE(none.find("[layers.parcels]"), std::string::npos) << none;
}

// The shipped TD/T 1029 weights-and-ideals file, and what a broken one is told.
TEST(EvaluationModelFile, ShippedModelReadsInFileOrderWithCorrections) {
  const EvaluationModel m = load_evaluation_model("tdt1029-2014");
  EXPECT_EQ(m.name, "tdt1029-2014");
  EXPECT_DOUBLE_EQ(m.weight_main, 0.8);
  const IndicatorTree& t = m.trees.at(ParkType::industrial).at(EvalRange::main);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].name, "土地利用状况");
  EXPECT_DOUBLE_EQ(t[0].weight, 0.7);
  // Indicators in the order the file writes them, not toml++'s sorted keys.
  const auto& intensity = t[0].subgoals[2].indicators;
  ASSERT_EQ(intensity.size(), 4u);
  EXPECT_EQ(intensity[0].key, "far");
  EXPECT_EQ(intensity[3].key, "ind_cover");
  // 发展方向区 土地利用程度 has the one indicator 土地开发率 with weight 1 (domain.md §1.8).
  const auto& degree = m.trees.at(ParkType::industrial).at(EvalRange::expansion)[0].subgoals[0];
  ASSERT_EQ(degree.indicators.size(), 1u);
  EXPECT_EQ(degree.indicators[0].key, "dev_rate");
  EXPECT_DOUBLE_EQ(degree.indicators[0].weight, 1.0);
  // National parks' ideal investment is the Jiangxi floor 300 万元/亩 × 15 = 4500 万元/hm².
  EXPECT_DOUBLE_EQ(m.ideal_for("ind_inv", ParkLevel::national)->value, 4500);
  EXPECT_DOUBLE_EQ(m.ideal_for("ind_inv", ParkLevel::provincial)->value, 3000);
  EXPECT_TRUE(model_problems(m).empty());
  EXPECT_EQ(load_rule_set("jiangxi-2014").evaluation_model, "tdt1029-2014");
  EXPECT_DOUBLE_EQ(load_rule_set("jiangxi-2014").expansion_score_min.value(), 60);
}

TEST(EvaluationModelFile, BrokenModelsNameFileLineAndWhat) {
  const std::string head =
      "[model]\nname = \"m\"\n[ideals.default]\nfar = { value = 1, basis = \"b\" }\n";
  const std::string tree =
      "[[tree.industrial.main]]\ngoal = \"g\"\nweight = 1.0\n"
      "subgoals = [{ name = \"s\", weight = 1.0, indicators = { far = 0.6, density = 0.3 } }]\n";
  auto sum = error_of([&] { parse_evaluation_model(head + tree, "w.toml"); });
  EXPECT_NE(sum.find("w.toml:8"), std::string::npos) << sum;
  EXPECT_NE(sum.find("sum to 0.9"), std::string::npos) << sum;
  std::string fixed = tree;
  fixed.replace(fixed.find("far = 0.6"), 9, "far = 0.7");
  // Weights fine now, but density has no ideal value.
  auto ideal = error_of([&] { parse_evaluation_model(head + fixed, "i.toml"); });
  EXPECT_NE(ideal.find("density has no ideal value"), std::string::npos) << ideal;
  const std::string ok = head + "density = { value = 30, basis = \"b\" }\n" + fixed;
  EXPECT_NO_THROW(parse_evaluation_model(ok, "ok.toml"));
  auto unknown = error_of([&] {
    parse_evaluation_model(head + "far_typo = { value = 1, basis = \"b\" }\n" + fixed, "u.toml");
  });
  EXPECT_NE(unknown.find("u.toml:5"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("far_typo"), std::string::npos) << unknown;
  auto range = error_of([&] {
    parse_evaluation_model(
        "[model]\nname = \"m\"\nrange_weights = { main = 0.8, expansion = 0.3 }\n" +
            head.substr(head.find("[ideals")) + fixed,
        "r.toml");
  });
  EXPECT_NE(range.find("r.toml:3"), std::string::npos) << range;
  EXPECT_NE(range.find("range_weights"), std::string::npos) << range;
  auto missing = error_of([&] { load_evaluation_model("no-such-model"); });
  EXPECT_NE(missing.find("no-such-model"), std::string::npos) << missing;
}
