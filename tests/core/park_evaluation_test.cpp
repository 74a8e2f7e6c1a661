// TD/T 1029 park evaluation (core/park_evaluation) on a hand-made park whose category areas are
// given: every indicator, standardised score, sub-goal, goal and the final score are worked out
// below with the arithmetic written out, from domain.md §1.7 (formulas), §1.10 (X / T × 100,
// capped at 100; 土地闲置率 by 100 × (1 − X/100)) and §1.11 (weighted sums).
#include <gtest/gtest.h>

#include "core/park_evaluation.hpp"

using namespace parkatlas;

namespace {

// The shipped 工业主导型 trees (core/rules/evaluation/tdt1029-2014.toml) and hand-picked ideals.
EvaluationModel hand_model() {
  EvaluationModel m;
  m.name = "hand";
  const IndicatorTree intensity_and_rest = {
      {"土地利用状况",
       0.7,
       {{"土地利用程度", 0.25, {{"supply_rate", 0.5}, {"built_rate", 0.5}}},
        {"用地结构状况", 0.25, {{"ind_rate", 1.0}}},
        {"土地利用强度",
         0.5,
         {{"far", 0.25}, {"density", 0.22}, {"ind_far", 0.25}, {"ind_cover", 0.28}}}}},
      {"用地效益", 0.2, {{"产业用地投入产出效益", 1.0, {{"ind_inv", 0.5}, {"ind_tax", 0.5}}}}},
      {"管理绩效", 0.1, {{"土地利用监管绩效", 1.0, {{"idle_rate", 1.0}}}}}};
  m.trees[ParkType::industrial][EvalRange::main] = intensity_and_rest;
  IndicatorTree expansion = intensity_and_rest;
  expansion[0].subgoals[0].indicators = {{"dev_rate", 1.0}};
  m.trees[ParkType::industrial][EvalRange::expansion] = expansion;
  m.trees[ParkType::integrated][EvalRange::main] = {
      {"土地利用状况",
       0.65,
       {{"土地利用程度", 0.45, {{"supply_rate", 0.5}, {"built_rate", 0.5}}},
        {"土地利用强度", 0.55, {{"far", 0.5}, {"density", 0.5}}}}},
      {"用地效益", 0.25, {{"综合用地效益", 1.0, {{"tax_all", 0.5}, {"pop_density", 0.5}}}}},
      {"管理绩效", 0.1, {{"土地利用监管绩效", 1.0, {{"idle_rate", 1.0}}}}}};
  auto& d = m.ideals["default"];
  d["supply_rate"] = {100, "h"};
  d["built_rate"] = {100, "h"};
  d["dev_rate"] = {100, "h"};
  d["ind_rate"] = {60, "h"};
  d["far"] = {1.0, "h"};
  d["density"] = {40, "h"};
  d["ind_far"] = {1.0, "h"};
  d["ind_cover"] = {30, "h"};
  d["ind_inv"] = {3000, "h"};
  d["ind_tax"] = {1000, "h"};
  d["tax_all"] = {500, "h"};
  d["pop_density"] = {100, "h"};
  d["idle_rate"] = {0, "h"};
  m.ideals["national"]["ind_far"] = {1.2, "national floor"};
  m.ideals["national"]["ind_inv"] = {4500, "national floor"};
  return m;
}

// A national park's main range: S = 100 hm², A = 60 (A1 6, A2 40), B = 30 (B21 10), C = 10;
// D = 64, E = 10 (E21 8), F = 26; G = 4, D22 = 1. Floor on A 480,000 m², footprint on A
// 180,000 m², floor on A2 400,000 m², cover on A2 160,000 m², industrial investment 120,000 万元,
// industrial tax 20,000 万元.
RangeInputs hand_park() {
  RangeInputs in;
  in.park_id = "P1";
  in.name = "样例经济技术开发区";
  in.level = ParkLevel::national;
  LandAccount& a = in.land;
  a.S = 100, a.A = 60, a.A1 = 6, a.A2 = 40, a.B = 30, a.B21 = 10, a.C = 10;
  a.D = 64, a.E = 10, a.E21 = 8, a.F = 26, a.G = 4, a.D22 = 1;
  in.floor_A_m2 = 480000;
  in.footprint_A_m2 = 180000;
  in.floor_A2_m2 = 400000;
  in.cover_A2_m2 = 160000;
  in.ind_invest_wan = 120000;
  in.ind_tax_wan = 20000;
  in.supplied_ha = {4, 6, 8, 10, 2};
  in.ind_supplied_ha = {2, 2, 2, 4, 0};
  return in;
}

const IndicatorResult& ind(const RangeEvaluation& e, const std::string& key) {
  for (const IndicatorResult& r : e.indicators)
    if (r.def->key == key) return r;
  throw std::runtime_error("no indicator " + key);
}

}  // namespace

TEST(ParkEvaluation, EveryIndicatorAndTheScoreByHand) {
  const EvaluationModel m = hand_model();
  EXPECT_TRUE(model_problems(m).empty());
  const RangeInputs in = hand_park();
  EXPECT_TRUE(account_checks(in.land).empty());  // 60 + 30 + 10 = 64 + 10 + 26 = 100
  std::string why;
  // A2/A = 40/60 = 66.7 % > 30 % and A1/A = 6/60 = 10 % < 25 %: 工业主导型.
  ASSERT_EQ(park_type(in.land, in.name, m.type_rule, &why), ParkType::industrial);
  EXPECT_NE(why.find("66.7 %"), std::string::npos) << why;
  const RangeEvaluation e = evaluate_range(in, ParkType::industrial, m);
  ASSERT_TRUE(e.score) << e.missing;
  // Values: D/(A+B21) = 64/70; A/D = 60/64; A2/A = 40/60; 480,000/600,000; 180,000/600,000;
  // 400,000/400,000; 160,000/400,000; 120,000/40; 20,000/40; G/D = 4/64.
  const double supply = 64.0 / 70.0 * 100, built = 60.0 / 64.0 * 100, share = 40.0 / 60.0 * 100;
  EXPECT_DOUBLE_EQ(*ind(e, "supply_rate").value, supply);
  EXPECT_DOUBLE_EQ(*ind(e, "supply_rate").numerator, 64);
  EXPECT_DOUBLE_EQ(*ind(e, "supply_rate").denominator, 70);
  EXPECT_DOUBLE_EQ(*ind(e, "built_rate").value, built);
  EXPECT_DOUBLE_EQ(*ind(e, "ind_rate").value, share);
  EXPECT_DOUBLE_EQ(*ind(e, "far").value, 0.8);
  EXPECT_DOUBLE_EQ(*ind(e, "far").denominator, 600000);  // A in m²
  EXPECT_DOUBLE_EQ(*ind(e, "density").value, 30);
  EXPECT_DOUBLE_EQ(*ind(e, "ind_far").value, 1.0);
  EXPECT_DOUBLE_EQ(*ind(e, "ind_cover").value, 40);
  EXPECT_DOUBLE_EQ(*ind(e, "ind_inv").value, 3000);
  EXPECT_DOUBLE_EQ(*ind(e, "ind_tax").value, 500);
  EXPECT_DOUBLE_EQ(*ind(e, "idle_rate").value, 6.25);
  EXPECT_EQ(ind(e, "ind_inv").def->unit, "万元/hm²");
  // Ideals: national overrides for ind_far (1.2) and ind_inv (4500), defaults otherwise.
  EXPECT_DOUBLE_EQ(ind(e, "ind_far").ideal->value, 1.2);
  EXPECT_EQ(ind(e, "ind_far").ideal->basis, "national floor");
  // Scores: X/T × 100 capped at 100; idle 100 × (1 − 6.25/100).
  const double s_supply = supply, s_built = built, s_share = 100 /* 111.1 capped */, s_far = 80,
               s_density = 30.0 / 40 * 100 /* 75 */, s_ind_far = 1.0 / 1.2 * 100,
               s_cover = 100 /* 133.3 capped */, s_inv = 3000.0 / 4500 * 100, s_tax = 50,
               s_idle = 93.75;
  EXPECT_DOUBLE_EQ(*ind(e, "ind_rate").score, s_share);
  EXPECT_DOUBLE_EQ(*ind(e, "density").score, s_density);
  EXPECT_DOUBLE_EQ(*ind(e, "ind_far").score, s_ind_far);
  EXPECT_DOUBLE_EQ(*ind(e, "ind_cover").score, s_cover);
  EXPECT_DOUBLE_EQ(*ind(e, "ind_inv").score, s_inv);
  EXPECT_DOUBLE_EQ(*ind(e, "idle_rate").score, s_idle);
  const double degree = 0.5 * s_supply + 0.5 * s_built;  // 92.589…
  const double intensity = 0.25 * s_far + 0.22 * s_density + 0.25 * s_ind_far + 0.28 * s_cover;
  const double status = 0.25 * degree + 0.25 * s_share + 0.5 * intensity;  // 90.81…
  const double benefit = 0.5 * s_inv + 0.5 * s_tax;                        // 58.33…
  const double total = 0.7 * status + 0.2 * benefit + 0.1 * s_idle;        // 84.61…
  ASSERT_EQ(e.goal_scores.size(), 3u);
  EXPECT_NEAR(e.goal_scores[0].second, status, 1e-9);
  EXPECT_NEAR(e.goal_scores[1].second, benefit, 1e-9);
  EXPECT_NEAR(*e.score, total, 1e-9);
  EXPECT_NEAR(*e.score, 84.611458, 1e-6);  // the same sum done on paper
  // Each indicator's share of the range score: goal × sub-goal × indicator weight.
  EXPECT_DOUBLE_EQ(ind(e, "density").range_weight, 0.7 * 0.5 * 0.22);

  // Potentials (§1.12): E = 10; 3-year mean supply (4+6+8)/3 = 6 → 10/6 years; 5-year max 10 →
  // 1 year; structure A × (60 − 66.7)/100 < 0 → 0; intensity A2 × (T − X)/T for ind_far
  // 40 × 0.2/1.2, ind_inv 40 × 1500/4500, ind_tax 40 × 500/1000, ind_cover 0 (X > T);
  // management G + D22 = 5.
  const Potentials& p = e.potentials;
  EXPECT_DOUBLE_EQ(p.expansion_ha, 10);
  EXPECT_DOUBLE_EQ(p.expansion_ind_ha, 8);
  EXPECT_DOUBLE_EQ(*p.years_avg3, 10.0 / 6.0);
  EXPECT_DOUBLE_EQ(*p.years_max5, 1.0);
  EXPECT_DOUBLE_EQ(*p.years_ind_avg3, 8.0 / 2.0);
  EXPECT_DOUBLE_EQ(*p.years_ind_max5, 2.0);
  EXPECT_DOUBLE_EQ(*p.structure_ha, 0);
  EXPECT_NEAR(p.intensity_ha.at("ind_far"), 40 * 0.2 / 1.2, 1e-12);
  EXPECT_NEAR(p.intensity_ha.at("ind_inv"), 40.0 * 1500 / 4500, 1e-12);
  EXPECT_DOUBLE_EQ(p.intensity_ha.at("ind_tax"), 20);
  EXPECT_DOUBLE_EQ(p.intensity_ha.at("ind_cover"), 0);
  EXPECT_DOUBLE_EQ(p.management_ha, 5);

  // Uncapped (bnu-land's behaviour): ind_rate 66.7/60 and ind_cover 40/30 count in full.
  EvaluationModel uncapped = m;
  uncapped.cap_at_ideal = false;
  const RangeEvaluation u = evaluate_range(in, ParkType::industrial, uncapped);
  const double u_intensity = intensity - 0.28 * 100 + 0.28 * (40.0 / 30 * 100);
  const double u_status = 0.25 * degree + 0.25 * (share / 60 * 100) + 0.5 * u_intensity;
  EXPECT_NEAR(*u.score, 0.7 * u_status + 0.2 * benefit + 0.1 * s_idle, 1e-9);
}

TEST(ParkEvaluation, RangesCombineAndParksRankWithinTheirType) {
  const EvaluationModel m = hand_model();
  RangeInputs main = hand_park();
  // Its expansion range: S = 50, A = 10 (A2 8), B = 35 (B21 5), C = 5; D = 12, E = 5, F = 33;
  // no idle land. dev_rate (A + B21)/(A + B) = 15/45.
  RangeInputs exp = main;
  exp.range = EvalRange::expansion;
  exp.land = LandAccount{};
  LandAccount& a = exp.land;
  a.S = 50, a.A = 10, a.A2 = 8, a.B = 35, a.B21 = 5, a.C = 5, a.D = 12, a.E = 5, a.F = 33;
  exp.floor_A_m2 = 100000;     // far 1.0
  exp.footprint_A_m2 = 40000;  // density 40 %
  exp.floor_A2_m2 = 96000;     // ind_far 96,000/80,000 = 1.2
  exp.cover_A2_m2 = 24000;     // ind_cover 30 %
  exp.ind_invest_wan = 36000;  // 4500 万元/hm²
  exp.ind_tax_wan = 8000;      // 1000 万元/hm²
  // Scores: dev 15/45 × 100 = 33.3; ind_rate 8/10 = 80 % → 100; intensity all 100; benefit 100;
  // idle 0 % → 100. Status = 0.25 × 33.3 + 0.25 × 100 + 0.5 × 100.
  const double exp_status = 0.25 * (15.0 / 45 * 100) + 0.25 * 100 + 0.5 * 100;
  const double exp_score = 0.7 * exp_status + 0.2 * 100 + 0.1 * 100;
  const double main_score = evaluate_range(main, ParkType::industrial, m).score.value();

  // A second park of the same type scoring lower (no tax: 0 for ind_tax), and an integrated
  // park (A2/A = 10 %, A1/A = 50 %) without population: no score, not ranked.
  RangeInputs low = hand_park();
  low.park_id = "P2";
  low.ind_tax_wan = 0;
  RangeInputs town = hand_park();
  town.park_id = "P3";
  town.land.A1 = 30, town.land.A2 = 6;
  town.tax23_wan = 30000;
  const auto parks = evaluate_parks({main, exp, low, town}, m);
  ASSERT_EQ(parks.size(), 3u);
  EXPECT_EQ(parks[0].ranges.size(), 2u);
  EXPECT_NEAR(*parks[0].score, 0.8 * main_score + 0.2 * exp_score, 1e-9);
  EXPECT_EQ(parks[0].rank, 1);
  EXPECT_EQ(parks[0].ranked_in_type, 2);
  EXPECT_NEAR(*parks[1].score, main_score - 0.2 * 0.5 * 50, 1e-9);  // ind_tax 50 → 0
  EXPECT_EQ(parks[1].rank, 2);
  EXPECT_EQ(parks[2].type, ParkType::integrated);
  EXPECT_FALSE(parks[2].score);
  EXPECT_EQ(parks[2].rank, 0);
  EXPECT_NE(parks[2].ranges[0].missing.find("人口密度"), std::string::npos)
      << parks[2].ranges[0].missing;
  // Its other indicators are still computed: 综合地均税收 30,000 / 60 hm².
  EXPECT_DOUBLE_EQ(*ind(parks[2].ranges[0], "tax_all").value, 500);
}

TEST(ParkEvaluation, TypeRuleAndChecks) {
  const TypeRule rule;
  LandAccount a;
  a.A = 100, a.A1 = 20, a.A2 = 20;  // 20 % industrial, 20 % residential: neither pattern
  EXPECT_EQ(park_type(a, "某开发区", rule), ParkType::industrial);
  TypeRule other = rule;
  other.mixed = ParkType::integrated;
  EXPECT_EQ(park_type(a, "某开发区", other), ParkType::integrated);
  a.A1 = 30;  // 20 % industrial, 30 % residential
  EXPECT_EQ(park_type(a, "某开发区", rule), ParkType::integrated);
  EXPECT_EQ(park_type(a, "南昌综合保税区", rule), ParkType::industrial);  // by name
  // Consistency checks of §1.3: S = A + B + C fails by 5; G > D; A1 + A2 > A.
  LandAccount bad;
  bad.S = 100, bad.A = 50, bad.A1 = 30, bad.A2 = 30, bad.B = 40, bad.C = 5;
  bad.D = 50, bad.E = 20, bad.F = 30, bad.G = 60;
  const auto checks = account_checks(bad);
  ASSERT_EQ(checks.size(), 3u);
  EXPECT_NE(checks[0].find("A + B + C"), std::string::npos) << checks[0];
  EXPECT_NE(checks[1].find("G 60.00"), std::string::npos) << checks[1];
  EXPECT_NE(checks[2].find("A1 + A2"), std::string::npos) << checks[2];
}

TEST(ParkEvaluation, ModelProblemsAndNegativeScoringOptions) {
  EvaluationModel m = hand_model();
  m.trees[ParkType::industrial][EvalRange::main][0].subgoals[2].indicators[1].weight = 0.2;
  m.ideals["default"].erase("ind_tax");
  const auto problems = model_problems(m);
  ASSERT_EQ(problems.size(), 4u);  // intensity sums to 0.98; ind_tax lacks 3 levels' ideal
  EXPECT_NE(problems[0].find("0.98"), std::string::npos) << problems[0];
  EXPECT_NE(problems[1].find("ind_tax"), std::string::npos) << problems[1];
  const IndicatorDef& idle = *find_indicator("idle_rate");
  EvaluationModel n = hand_model();
  EXPECT_DOUBLE_EQ(*standardise(idle, 6.25, {0, ""}, n), 93.75);
  n.negative = NegativeScoring::linear_to_max;
  n.negative_max = 25;  // 100 × (1 − 6.25/25) = 75; beyond the maximum: 0
  EXPECT_DOUBLE_EQ(*standardise(idle, 6.25, {0, ""}, n), 75);
  EXPECT_DOUBLE_EQ(*standardise(idle, 40, {0, ""}, n), 0);
  // A rate over 100 % (built land outside supplied land) is kept and flagged.
  RangeInputs in = hand_park();
  in.land.A = 70;
  in.land.source["A"] = "given";
  const IndicatorResult built = compute_indicator(*find_indicator("built_rate"), in);
  // Its source names each input with how it was obtained, or that nothing says.
  EXPECT_EQ(built.source, "A: given; D: not available");
  EXPECT_DOUBLE_EQ(*built.value, 70.0 / 64 * 100);
  EXPECT_NE(built.note.find("over 100 %"), std::string::npos);
}
