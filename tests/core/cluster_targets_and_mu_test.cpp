// Cluster targets and 亩均 grading on hand-built tables; expected values worked out in comments.
#include <gtest/gtest.h>

#include "core/cluster_targets.hpp"
#include "core/mu_evaluation.hpp"

using namespace parkatlas;

namespace {

ClusterStat stat(ClusterLevel level, const char* unit, const char* cluster, double yi,
                 bool key = false, std::optional<double> rd = std::nullopt) {
  ClusterStat s;
  s.level = level;
  s.unit = unit;
  s.cluster = cluster;
  s.revenue_wan = yi * 10000;  // 1 亿元 = 10,000 万元
  s.key = key;
  s.rd_per_100_firms = rd;
  return s;
}

const TargetCheck* find(const std::vector<TargetCheck>& v, const char* check, const char* unit) {
  for (const auto& c : v)
    if (c.check == check && c.unit == unit) return &c;
  return nullptr;
}

}  // namespace

TEST(ClusterTargets, CountsLargestAndKeyClustersByHand) {
  using L = ClusterLevel;
  // Parks: three park clusters of 120, 1,200 and 80 亿: two over 100 亿, one over 1000 亿.
  // City C: 电子信息 1,320 亿 (its largest), 食品 80 亿; key clusters 电子信息 and 食品 (2).
  // Counties: A largest 1,200 亿 (key 1), B 80 亿 + 40 亿 (largest 80, key 0).
  const std::vector<ClusterStat> stats = {
      stat(L::park, "P1", "电子信息", 1200, true, 6.0),
      stat(L::park, "P2", "电子信息", 120, false),
      stat(L::park, "P3", "食品", 80, true, 2.5),
      stat(L::county, "A", "电子信息", 1200, true),
      stat(L::county, "B", "电子信息", 40, false),
      stat(L::county, "B", "食品", 80, false),
      stat(L::city, "C", "电子信息", 1320, true),
      stat(L::city, "C", "食品", 80, true),
  };
  ClusterTargets t;
  t.over_100yi = 60;
  t.over_1000yi = {{3, 5}};
  t.city_max_yi = 500;
  t.county_max_yi = 50;
  t.key_per_city = {{2, 3}};
  t.key_per_county = {{1, 2}};
  t.rd_per_100_firms = 5;
  const auto checks = check_cluster_targets(stats, t);
  const TargetCheck* c100 = find(checks, "over_100yi", "");
  ASSERT_TRUE(c100);
  EXPECT_EQ(c100->value, 2);
  EXPECT_EQ(c100->target, "≥ 60");
  EXPECT_EQ(c100->pass, false);
  const TargetCheck* c1000 = find(checks, "over_1000yi", "");
  EXPECT_EQ(c1000->value, 1);
  EXPECT_EQ(c1000->target, "3–5");
  EXPECT_EQ(c1000->pass, false);
  const TargetCheck* city = find(checks, "city_max", "C");
  EXPECT_EQ(city->cluster, "电子信息");
  EXPECT_DOUBLE_EQ(city->value, 1320);
  EXPECT_EQ(city->pass, true);
  EXPECT_EQ(find(checks, "county_max", "A")->pass, true);
  EXPECT_DOUBLE_EQ(find(checks, "county_max", "B")->value, 80);  // 食品, not 电子信息's 40
  EXPECT_EQ(find(checks, "county_max", "B")->cluster, "食品");
  EXPECT_EQ(find(checks, "key_per_city", "C")->value, 2);
  EXPECT_EQ(find(checks, "key_per_city", "C")->pass, true);
  EXPECT_EQ(find(checks, "key_per_county", "A")->pass, true);      // 1 within 1–2
  EXPECT_EQ(find(checks, "key_per_county", "B")->pass, false);     // 0: too few
  EXPECT_EQ(find(checks, "rd_per_100_firms", "P1")->pass, true);   // 6 ≥ 5
  EXPECT_EQ(find(checks, "rd_per_100_firms", "P3")->pass, false);  // 2.5 < 5
  EXPECT_EQ(find(checks, "rd_per_100_firms", "P2"), nullptr);      // not a key cluster
}

TEST(ClusterTargets, TooManyKeyClustersFailAndUnknownRdIsNotJudged) {
  using L = ClusterLevel;
  const std::vector<ClusterStat> stats = {
      stat(L::city, "C", "a", 1, true), stat(L::city, "C", "b", 1, true),
      stat(L::city, "C", "c", 1, true), stat(L::city, "C", "d", 1, true),
      stat(L::park, "P", "a", 1, true)};
  ClusterTargets t;
  t.key_per_city = {{2, 3}};
  t.rd_per_100_firms = 5;
  const auto checks = check_cluster_targets(stats, t);
  EXPECT_EQ(find(checks, "key_per_city", "C")->value, 4);
  EXPECT_EQ(find(checks, "key_per_city", "C")->pass, false);
  EXPECT_FALSE(find(checks, "rd_per_100_firms", "P")->pass.has_value());
  // Targets the rule set does not set are not checked.
  EXPECT_EQ(find(checks, "over_100yi", ""), nullptr);
}

namespace {

FirmRecord firm(const char* name, const char* county, double tax, double rev, double mu) {
  FirmRecord f;
  f.enterprise = name;
  f.city = "C";
  f.county = county;
  f.tax_wan = tax;
  f.revenue_wan = rev;
  f.land_mu = mu;
  return f;
}

}  // namespace

TEST(MuEvaluation, ScoresAgainstTwiceTheMeanByHand) {
  // County A, all on 10 亩: tax/亩 = 2, 4, 6 → mean 4, benchmark 8; revenue/亩 = 10, 20, 30 →
  // mean 20, benchmark 40. Scores = 100 × (0.55 × tax/8 + 0.45 × rev/40):
  //   f1: 100 × (0.55 × 0.25 + 0.45 × 0.25) = 25;  f2: 50;  f3: 75.
  const std::vector<FirmRecord> firms = {firm("f1", "A", 20, 100, 10), firm("f2", "A", 40, 200, 10),
                                         firm("f3", "A", 60, 300, 10)};
  MuEvaluationRules r;
  r.enabled = true;
  const auto g = grade_firms(firms, r);
  EXPECT_NEAR(*g[0].tax_mu, 2, 1e-12);
  EXPECT_NEAR(*g[0].revenue_mu, 10, 1e-12);
  EXPECT_NEAR(*g[0].score, 25, 1e-9);
  EXPECT_NEAR(*g[1].score, 50, 1e-9);
  EXPECT_NEAR(*g[2].score, 75, 1e-9);
  // Ranks 3, 2, 1 of 3: positions 2/3, 1/3, 0 → C (< 0.95), B (< 0.60), A (< 0.20).
  EXPECT_EQ(g[2].grade, 'A');
  EXPECT_EQ(g[1].grade, 'B');
  EXPECT_EQ(g[0].grade, 'C');
  EXPECT_EQ(g[0].rank, 3);
  EXPECT_EQ(g[0].ranked, 3);
}

TEST(MuEvaluation, PercentileClassesOverTwentyFirms) {
  // 20 firms with scores rising with their number: positions k/20 for rank k+1. A: positions
  // 0, 0.05, 0.10, 0.15 (4 firms); B: 0.20 … 0.55 (8); C: 0.60 … 0.90 (7); D: 0.95 (1).
  std::vector<FirmRecord> firms;
  for (int k = 1; k <= 20; ++k)
    firms.push_back(firm(("f" + std::to_string(k)).c_str(), "A", k, 10.0 * k, 1));
  MuEvaluationRules r;
  const auto g = grade_firms(firms, r);
  std::map<char, int> count;
  for (const auto& x : g) ++count[x.grade];
  EXPECT_EQ(count['A'], 4);
  EXPECT_EQ(count['B'], 8);
  EXPECT_EQ(count['C'], 7);
  EXPECT_EQ(count['D'], 1);
  EXPECT_EQ(g[0].grade, 'D');   // the lowest
  EXPECT_EQ(g[19].grade, 'A');  // the highest
}

TEST(MuEvaluation, RankedWithinTheirCountyAndCapped) {
  // County A: one firm far above the others; its ratios are capped at 2 × the benchmark:
  // tax/亩 1, 1, 100 → mean 34, benchmark 68 → 100/68 = 1.47 (under the cap of 2).
  // With factor 0.5 the benchmark is 17 and 100/17 = 5.9 → capped at 2: score = 100 × (0.55 × 2
  // + 0.45 × 2) = 200.
  std::vector<FirmRecord> firms = {firm("a1", "A", 10, 10, 10), firm("a2", "A", 10, 10, 10),
                                   firm("a3", "A", 1000, 1000, 10), firm("b1", "B", 1, 1, 10)};
  MuEvaluationRules r;
  r.benchmark_factor = 0.5;
  const auto g = grade_firms(firms, r);
  EXPECT_NEAR(*g[2].score, 200, 1e-9);
  // County B has one firm: ranked alone, it is A.
  EXPECT_EQ(g[3].grade, 'A');
  EXPECT_EQ(g[3].ranked, 1);
  EXPECT_EQ(g[2].ranked, 3);
}

TEST(MuEvaluation, FirmsWithoutDataOrLandAreNotGraded) {
  std::vector<FirmRecord> firms = {firm("a", "A", 10, 10, 10), firm("b", "A", 10, 10, 0),
                                   firm("c", "A", 10, 10, 3)};
  firms.push_back(firms[0]);
  firms.back().enterprise = "d";
  firms.back().tax_wan.reset();
  MuEvaluationRules r;
  r.min_land_mu = 5;  // Zhejiang grades firms from 5 亩
  const auto g = grade_firms(firms, r);
  EXPECT_EQ(g[0].grade, 'A');
  EXPECT_EQ(g[1].grade, 0);  // no land: no per-mu figures either
  EXPECT_FALSE(g[1].tax_mu.has_value());
  EXPECT_EQ(g[2].grade, 0);  // 3 亩 < 5
  EXPECT_NEAR(*g[2].tax_mu, 10.0 / 3, 1e-12);
  EXPECT_EQ(g[3].grade, 0);  // no tax figure
  EXPECT_NEAR(*g[3].revenue_mu, 1, 1e-12);
  EXPECT_EQ(g[0].ranked, 1);
}
