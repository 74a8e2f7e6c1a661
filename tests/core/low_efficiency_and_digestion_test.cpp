// 低效用地 tests and the 批而未用 digestion period on hand-computed values (domain.md §4.2, §4.3).
#include <gtest/gtest.h>

#include "core/digestion.hpp"
#include "core/low_efficiency.hpp"
#include "core/park_rollup.hpp"
#include "core/verdict.hpp"

using namespace parkatlas;

namespace {

RuleSet jiangxi_like() {
  RuleSet r;
  r.name = "test-jx";
  r.industrial_codes[LandUseScheme::gbt21010] = {"0601"};
  r.level_floors[ParkLevel::national] = {1.2, 300.0};
  r.low_efficiency.enabled = true;
  r.low_efficiency.coverage_min = 0.30;
  r.low_efficiency.tax_min_mu = 15.0;
  r.low_efficiency.out_of_production = {"停产", "closed"};
  return r;
}

ParcelContext national(const char* land_use = "0601") {
  ParcelContext c;
  c.land_use = land_use;
  c.scheme = LandUseScheme::gbt21010;
  c.in_park = true;
  c.park_level = ParkLevel::national;
  c.park_name = "南昌经济技术开发区";
  return c;
}

// 10,000 m2 = 15 mu.
Indicators ind(double floor, double invest, double cover, double tax) {
  IndicatorInputs in;
  in.land_m2 = 10000;
  in.floor_m2 = floor;
  in.floor_src = FloorSource::attribute;
  in.invest_wan = invest;
  in.cover_m2 = cover;
  in.tax_wan = tax;
  return compute_indicators(in);
}

std::vector<std::string> reasons(const Indicators& i, const ParcelContext& c, const RuleSet& r,
                                 std::optional<std::string> status = std::nullopt,
                                 bool under_construction = false) {
  Judgement j = judge_parcel(i, c, r);
  LowEfficiencyInputs in{&i, &j, status, under_construction};
  return low_efficiency_reasons(in, r.low_efficiency);
}

}  // namespace

TEST(LowEfficiency, EveryFailingTestIsNamed) {
  RuleSet r = jiangxi_like();
  // FAR 12,000/10,000 = 1.2 (meets 1.2); 4,500 万元 / 15 亩 = 300 (meets 300); coverage
  // 3,000/10,000 = 30 % (meets 30 %); tax 225 / 15 = 15 万元/亩 (meets 15): nothing fails.
  EXPECT_TRUE(reasons(ind(12000, 4500, 3000, 225), national(), r).empty());
  // FAR 0.84, 2,250/15 = 150 万元/亩, coverage 29.9 %, tax 150/15 = 10 万元/亩: all four fail.
  auto all = reasons(ind(8400, 2250, 2990, 150), national(), r, std::string("停产"));
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[0], "FAR 0.84 < 1.20");
  EXPECT_EQ(all[1], "investment 150.0 < 300.0 万元/亩");
  EXPECT_EQ(all[2], "coverage 29.9% < 30.0%");
  EXPECT_EQ(all[3], "tax 10.00 < 15.00 万元/亩");
  EXPECT_EQ(all[4], "out of production (停产)");
  EXPECT_EQ(join_reasons({"a", "b"}), "a; b");
  // A status value that does not mean out of production, and one in another case.
  EXPECT_TRUE(reasons(ind(12000, 4500, 3000, 225), national(), r, std::string("正常生产")).empty());
  EXPECT_EQ(reasons(ind(12000, 4500, 3000, 225), national(), r, std::string(" Closed ")).size(),
            1u);
}

TEST(LowEfficiency, OnlyIndustrialLandInUseUnderAnEnabledSection) {
  RuleSet r = jiangxi_like();
  // Commercial land (0501) is not judged, however low its figures.
  EXPECT_TRUE(reasons(ind(1000, 100, 100, 1), national("0501"), r).empty());
  // A plant under construction is not judged by its half-built FAR.
  EXPECT_TRUE(reasons(ind(1000, 100, 100, 1), national(), r, std::nullopt, true).empty());
  r.low_efficiency.skip_under_construction = false;
  EXPECT_EQ(reasons(ind(1000, 100, 100, 1), national(), r, std::nullopt, true).size(), 4u);
  // Without a [low_efficiency] section nothing is low-efficiency.
  r.low_efficiency.enabled = false;
  EXPECT_TRUE(reasons(ind(1000, 100, 100, 1), national(), r).empty());
}

TEST(LowEfficiency, FloorsWaivedOrUnknownAreNotReasons) {
  RuleSet r = jiangxi_like();
  r.low_efficiency.coverage_min.reset();
  r.low_efficiency.tax_min_mu.reset();
  // Special production needs waive the FAR floor: only investment 150 < 300 remains.
  ParcelContext exempt = national();
  exempt.exempt_reason = "大跨度厂房";
  auto left = reasons(ind(8400, 2250, 0, 0), exempt, r);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].rfind("investment", 0), 0u);
  // Missing investment is unknown, never a reason.
  IndicatorInputs in;
  in.land_m2 = 10000;
  in.floor_m2 = 15000;
  in.floor_src = FloorSource::attribute;
  Indicators no_invest = compute_indicators(in);
  EXPECT_TRUE(reasons(no_invest, national(), r).empty());
  // Switching a test off drops its reason: FAR 0.84 with below_far = false.
  r.low_efficiency.below_far = false;
  EXPECT_TRUE(reasons(ind(8400, 4500, 0, 0), national(), r).empty());
}

TEST(Digestion, WindowIsTheLastNYearsUpToTheDate) {
  DigestionRules r;  // 3 years
  const CivilDate as_of{2025, 12, 31};
  // (2022-12-31, 2025-12-31]: the start is excluded, the next day and the date itself included.
  EXPECT_FALSE(in_digestion_window({2022, 12, 31}, as_of, r));
  EXPECT_TRUE(in_digestion_window({2023, 1, 1}, as_of, r));
  EXPECT_TRUE(in_digestion_window(as_of, as_of, r));
  EXPECT_FALSE(in_digestion_window({2026, 1, 1}, as_of, r));
  // From 29 Feb 2024, three years back is 28 Feb 2021 (excluded).
  EXPECT_FALSE(in_digestion_window({2021, 2, 28}, {2024, 2, 29}, r));
  EXPECT_TRUE(in_digestion_window({2021, 3, 1}, {2024, 2, 29}, r));
}

TEST(Digestion, StockOverYearlySupplyAndStarts) {
  DigestionRules r;  // 3-year window, target 3 years, supply and starts both count
  // Stock 600 + 300 = 900 mu-equivalent m2; digestion (450 + 150) / 3 = 200 per year;
  // 900 / 200 = 4.5 years > 3: target missed.
  Digestion d = digestion_period({600, 300, 450, 150}, r);
  EXPECT_DOUBLE_EQ(d.stock_m2, 900);
  EXPECT_DOUBLE_EQ(d.per_year_m2, 200);
  EXPECT_DOUBLE_EQ(*d.years, 4.5);
  EXPECT_FALSE(*d.meets_target);
  // Counting supply only: 450 / 3 = 150 per year, 900 / 150 = 6 years.
  r.count_start = false;
  EXPECT_DOUBLE_EQ(*digestion_period({600, 300, 450, 150}, r).years, 6.0);
  // Exactly the target meets it: stock 600, (600 + 0) / 3 = 200 per year -> 3 years.
  r.count_start = true;
  EXPECT_TRUE(*digestion_period({600, 0, 600, 0}, r).meets_target);
  // A stock nothing digests never clears; no stock and no digestion is not judged.
  Digestion stuck = digestion_period({100, 0, 0, 0}, r);
  EXPECT_FALSE(stuck.years);
  EXPECT_FALSE(*stuck.meets_target);
  EXPECT_FALSE(digestion_period({0, 0, 0, 0}, r).meets_target);
}

TEST(Digestion, ParkRollupsAddUpToACounty) {
  // Park A: one unused parcel of 1,000 m2 supplied in the window; park B: a parcel of 500 m2
  // started in the window, 2,000 m2 unsupplied. County = A + B: stock 1,000 + 2,000 = 3,000,
  // digestion (1,000 + 500) / 3 = 500 per year, 6 years.
  ParcelOutcome a;
  a.park_id = "A";
  a.ind.land_m2 = 1000;
  a.unused = true;
  a.supplied_in_window = true;
  ParcelOutcome b;
  b.park_id = "B";
  b.ind.land_m2 = 500;
  b.started_in_window = true;
  auto parks = roll_up_parks({a, b}, {"A", "B"});
  parks["B"].unsupplied_m2 = 2000;
  parks["B"].batch_m2 = 4000;
  ParkRollup county;
  county.add(parks["A"]);
  county.add(parks["B"]);
  EXPECT_EQ(county.n_parcels, 2);
  EXPECT_DOUBLE_EQ(county.land_m2, 1500);
  EXPECT_DOUBLE_EQ(*county.unsupplied_rate(), 0.5);
  Digestion d = county.digestion(DigestionRules{});
  EXPECT_DOUBLE_EQ(d.stock_m2, 3000);
  EXPECT_DOUBLE_EQ(d.per_year_m2, 500);
  EXPECT_DOUBLE_EQ(*d.years, 6.0);
}
