// Indicators, the 8 m rule, verdicts and the park roll-up on hand-computed values.
#include <gtest/gtest.h>

#include "core/building_floor.hpp"
#include "core/indicators.hpp"
#include "core/park_rollup.hpp"
#include "core/verdict.hpp"

using namespace parkatlas;

namespace {

RuleSet jiangxi_like() {
  RuleSet r;
  r.name = "test-jx";
  r.industrial_codes[LandUseScheme::gbt21010] = {"0601"};
  r.level_floors[ParkLevel::national] = {1.2, 300.0};
  r.level_floors[ParkLevel::provincial] = {1.0, 200.0};
  return r;
}

ParcelContext national_industrial() {
  ParcelContext c;
  c.land_use = "0601";
  c.scheme = LandUseScheme::gbt21010;
  c.in_park = true;
  c.park_level = ParkLevel::national;
  c.park_name = "南昌经济技术开发区";
  return c;
}

Indicators ind(double land_m2, std::optional<double> floor, std::optional<double> invest) {
  IndicatorInputs in;
  in.land_m2 = land_m2;
  in.floor_m2 = floor;
  in.floor_src = floor ? FloorSource::attribute : FloorSource::none;
  in.invest_wan = invest;
  return compute_indicators(in);
}

}  // namespace

TEST(BuildingFloor, StoreysAndTheEightMetreRule) {
  BuildingSettings s;  // 8 m threshold, 4.5 m default storey
  // 20 m x 50 m, 2 storeys of 4 m: 1000 x 2 = 2000 m2.
  EXPECT_DOUBLE_EQ(building_floor_area({1000, 2, 8.0, 4.0, {}}, s).bldg_m2, 2000.0);
  // A shed of 200 m2 with one 9 m storey counts twice: 400 m2.
  auto shed = building_floor_area({200, 1, 9.0, {}, {}}, s);
  EXPECT_TRUE(shed.doubled);
  EXPECT_DOUBLE_EQ(shed.bldg_m2, 400.0);
  // Exactly 8 m is not "over 8 m": 200 m2.
  EXPECT_DOUBLE_EQ(building_floor_area({200, 1, {}, 8.0, {}}, s).bldg_m2, 200.0);
  // No floors, height 13.5 m: round(13.5 / 4.5) = 3 storeys of 4.5 m -> 3 x 100 = 300 m2.
  auto from_height = building_floor_area({100, {}, 13.5, {}, {}}, s);
  EXPECT_EQ(from_height.floors_used, 3);
  EXPECT_DOUBLE_EQ(from_height.bldg_m2, 300.0);
  EXPECT_FALSE(from_height.note.empty());
  // A surveyed floor area is used as given.
  EXPECT_DOUBLE_EQ(building_floor_area({100, 5, {}, {}, 777.0}, s).bldg_m2, 777.0);
}

TEST(Indicators, FarCoverageAndPerMu) {
  // 100 m x 100 m = 10,000 m2 = 15 mu; floor 8,400 m2 -> FAR 0.84; 4,500 万元 / 15 mu = 300
  // 万元/亩.
  IndicatorInputs in;
  in.land_m2 = 10000;
  in.floor_m2 = 8400;
  in.floor_src = FloorSource::attribute;
  in.cover_m2 = 3500;
  in.invest_wan = 4500;
  in.tax_wan = 150;
  in.revenue_wan = 9000;
  Indicators i = compute_indicators(in);
  EXPECT_DOUBLE_EQ(i.land_mu, 15.0);
  EXPECT_DOUBLE_EQ(*i.far, 0.84);
  EXPECT_DOUBLE_EQ(*i.coverage, 0.35);
  EXPECT_DOUBLE_EQ(*i.inv_mu, 300.0);
  EXPECT_DOUBLE_EQ(*i.tax_mu, 10.0);
  EXPECT_DOUBLE_EQ(*i.rev_mu, 600.0);
  // Missing is not zero.
  Indicators none = ind(10000, std::nullopt, std::nullopt);
  EXPECT_FALSE(none.far);
  EXPECT_FALSE(none.inv_mu);
  EXPECT_EQ(none.floor_src, FloorSource::none);
}

TEST(Verdict, FloorsOfJiangxi2014) {
  RuleSet r = jiangxi_like();
  // FAR 0.84 < 1.2, investment 300 >= 300 -> below_far.
  Judgement j = judge_parcel(ind(10000, 8400, 4500), national_industrial(), r);
  EXPECT_EQ(j.verdict, Verdict::below_far);
  EXPECT_EQ(*j.far_min, 1.2);
  EXPECT_EQ(*j.inv_min, 300.0);
  EXPECT_EQ(as_flag(j.far), 0);
  EXPECT_EQ(as_flag(j.inv), 1);
  EXPECT_EQ(j.reason.rfind("FAR 0.84 < 1.2", 0), 0u) << j.reason;
  EXPECT_NE(j.reason.find("national park 南昌经济技术开发区, test-jx"), std::string::npos)
      << j.reason;
  // FAR 1.2 exactly meets the floor; 4,499 万元 / 15 mu = 299.93 < 300 -> below_inv.
  EXPECT_EQ(judge_parcel(ind(10000, 12000, 4499), national_industrial(), r).verdict,
            Verdict::below_inv);
  // Both below.
  EXPECT_EQ(judge_parcel(ind(10000, 5000, 1500), national_industrial(), r).verdict,
            Verdict::below_both);
  // Both met.
  EXPECT_EQ(judge_parcel(ind(10000, 13000, 6000), national_industrial(), r).verdict,
            Verdict::compliant);
  // Provincial floors: FAR 1.05 >= 1.0, 210 >= 200 (3,150 万元 / 15 mu) -> compliant.
  ParcelContext prov = national_industrial();
  prov.park_level = ParkLevel::provincial;
  EXPECT_EQ(judge_parcel(ind(10000, 10500, 3150), prov, r).verdict, Verdict::compliant);
}

TEST(Verdict, ReasonNeverRoundsAFailureOntoTheFloor) {
  // 4,499.4 万元 / 15 mu = 299.96: one decimal would print "300.0 < 300".
  Judgement j = judge_parcel(ind(10000, 13000, 4499.4), national_industrial(), jiangxi_like());
  EXPECT_EQ(j.verdict, Verdict::below_inv);
  EXPECT_NE(j.reason.find("investment 299.96 < 300"), std::string::npos) << j.reason;
}

TEST(Verdict, KnownFailureWinsOverMissingInput) {
  RuleSet r = jiangxi_like();
  // FAR fails, investment unknown -> below_far (not unknown).
  EXPECT_EQ(judge_parcel(ind(10000, 5000, std::nullopt), national_industrial(), r).verdict,
            Verdict::below_far);
  // FAR passes, investment unknown -> unknown.
  Judgement u = judge_parcel(ind(10000, 15000, std::nullopt), national_industrial(), r);
  EXPECT_EQ(u.verdict, Verdict::unknown);
  EXPECT_FALSE(as_flag(u.inv));
  EXPECT_NE(u.reason.find("investment unknown"), std::string::npos);
}

TEST(Verdict, SpecialNeedsWaiveTheFarFloorOnly) {
  RuleSet r = jiangxi_like();
  ParcelContext c = national_industrial();
  c.exempt_reason = "化工生产工艺特殊需要";
  // FAR 0.5 would fail, but is waived; investment 400 >= 300 -> exempt, far_ok null.
  Judgement e = judge_parcel(ind(10000, 5000, 6000), c, r);
  EXPECT_EQ(e.verdict, Verdict::exempt);
  EXPECT_FALSE(as_flag(e.far));
  EXPECT_EQ(as_flag(e.inv), 1);
  // Investment 100 < 300 still fails: below_inv.
  EXPECT_EQ(judge_parcel(ind(10000, 5000, 1500), c, r).verdict, Verdict::below_inv);
}

TEST(Verdict, NotIndustrialAndUnknownLandUse) {
  RuleSet r = jiangxi_like();
  ParcelContext c = national_industrial();
  c.land_use = "0701";
  EXPECT_EQ(judge_parcel(ind(10000, 100, 100), c, r).verdict, Verdict::not_industrial);
  c.land_use.reset();
  EXPECT_EQ(judge_parcel(ind(10000, 100, 100), c, r).verdict, Verdict::unknown);
}

TEST(Verdict, OutsideParksAndIndustryTables) {
  RuleSet r = jiangxi_like();
  ParcelContext out = national_industrial();
  out.in_park = false;
  out.park_level.reset();
  Judgement j = judge_parcel(ind(10000, 100, 100), out, r);
  EXPECT_EQ(j.verdict, Verdict::unknown);  // jiangxi-2014 floors are for parks only
  EXPECT_NE(j.reason.find("no floor"), std::string::npos);

  // A national-2008-like set: FAR by industry everywhere, no investment floor.
  RuleSet n;
  n.name = "test-2008";
  n.industrial_codes[LandUseScheme::gbt21010] = {"0601"};
  n.far_by_industry = {{"26", 0.6}, {"39", 1.0}, {"291", 0.8}, {"292", 1.0}};
  n.applies_outside_parks = true;
  out.industry = "2614";  // chemicals: FAR >= 0.6; 0.7 passes, no investment floor -> compliant
  Judgement chem = judge_parcel(ind(10000, 7000, std::nullopt), out, n);
  EXPECT_EQ(*chem.far_min, 0.6);
  EXPECT_EQ(chem.verdict, Verdict::compliant);
  out.industry = "2929";  // longest prefix 292 (plastics): 1.0
  EXPECT_EQ(*judge_parcel(ind(10000, 7000, std::nullopt), out, n).far_min, 1.0);
  out.industry.reset();  // no industry code: the FAR floor is unknown
  EXPECT_EQ(judge_parcel(ind(10000, 7000, std::nullopt), out, n).verdict, Verdict::unknown);
}

TEST(ParkRollup, SumsAndRatiosByHand) {
  // Park A: two industrial parcels (10,000 m2 FAR 1.5 invest 6,000; 5,000 m2 FAR 0.5 invest
  // unknown) and one residential (2,000 m2). Industrial FAR = (15,000 + 2,500) / 15,000 = 1.1667;
  // intensity uses the parcel with known investment only: 6,000 / 15 mu = 400 万元/亩.
  auto mk = [](const char* park, double land, std::optional<double> floor,
               std::optional<double> inv, Verdict v, bool industrial) {
    ParcelOutcome o;
    o.park_id = park;
    o.ind = ind(land, floor, inv);
    o.verdict = v;
    o.industrial = industrial;
    o.invest_wan = inv;
    return o;
  };
  std::vector<ParcelOutcome> outs = {
      mk("A", 10000, 15000, 6000, Verdict::compliant, true),
      mk("A", 5000, 2500, std::nullopt, Verdict::below_far, true),
      mk("A", 2000, 1000, 10, Verdict::not_industrial, false),
      mk("", 3000, std::nullopt, std::nullopt, Verdict::unknown, true)};
  auto parks = roll_up_parks(outs, {"A", "B"});
  ASSERT_EQ(parks.size(), 3u);  // A, B (no parcels) and "" (outside)
  const ParkRollup& a = parks.at("A");
  EXPECT_EQ(a.n_parcels, 3);
  EXPECT_DOUBLE_EQ(a.land_m2, 17000.0);
  EXPECT_EQ(a.n_industrial, 2);
  EXPECT_DOUBLE_EQ(*a.far(), 17500.0 / 15000.0);
  EXPECT_DOUBLE_EQ(*a.inv_mu(), 400.0);
  EXPECT_DOUBLE_EQ(*a.ok_share_count(), 0.5);  // 1 of 2 judged
  EXPECT_DOUBLE_EQ(*a.ok_share_area(), 10000.0 / 15000.0);
  EXPECT_EQ(parks.at("B").n_parcels, 0);
  EXPECT_FALSE(parks.at("B").far());
  EXPECT_EQ(parks.at("").n_parcels, 1);

  // Added a block at a time (parks interleaved: A, "", A, A across the blocks), the roll-ups are
  // those of the single call above, to the bit.
  std::vector<ParcelOutcome> interleaved = {outs[0], outs[3], outs[1], outs[2]};
  auto whole = roll_up_parks(interleaved, {"A", "B"});
  auto stepped = empty_park_rollups({"A", "B"});
  EXPECT_EQ(stepped.size(), 2u);
  add_to_park_rollups(stepped, interleaved.data(), 1);
  add_to_park_rollups(stepped, interleaved.data() + 1, 2);
  add_to_park_rollups(stepped, interleaved.data() + 3, 1);
  ASSERT_EQ(stepped.size(), 3u);
  for (const auto& [id, w] : whole) {
    const ParkRollup& s = stepped.at(id);
    EXPECT_EQ(s.park_id, id);
    EXPECT_EQ(s.n_parcels, w.n_parcels) << id;
    EXPECT_EQ(s.land_m2, w.land_m2) << id;
    EXPECT_EQ(s.n_industrial, w.n_industrial) << id;
    EXPECT_EQ(s.ind_floor_m2, w.ind_floor_m2) << id;
    EXPECT_EQ(s.ind_inv_wan, w.ind_inv_wan) << id;
    EXPECT_EQ(s.n_by_verdict, w.n_by_verdict) << id;
    EXPECT_EQ(s.m2_by_verdict, w.m2_by_verdict) << id;
  }
  EXPECT_EQ(stepped.at("A").n_parcels, 3);  // by hand: the three A parcels above
  EXPECT_EQ(stepped.at("").n_parcels, 1);
}

// Each branch's whole reason, written out by hand: judge_parcel writes it into one string (a
// million of them per province), and the words must stay what planners read.
TEST(Verdict, WholeReasonOfEachBranch) {
  RuleSet r = jiangxi_like();
  r.coverage_min = 0.3;
  const std::string ctx = " (national park 南昌经济技术开发区, test-jx)";
  // 10,000 m2 = 15 mu. Floor 5,000 -> FAR 0.50 < 1.2; 1,500 万元 / 15 mu = 100.0 < 300; no
  // coverage input -> "coverage unknown". Failures lead, in FAR-then-investment order.
  EXPECT_EQ(
      judge_parcel(ind(10000, 5000, 1500), national_industrial(), r).reason,
      "FAR 0.50 < 1.2; investment 100.0 < 300 万元/亩; coverage unknown (no coverage data)" + ctx);
  // Investment fails alone and leads: 2,250 / 15 = 150.0 < 300; FAR 13,000 / 10,000 = 1.30 >= 1.2.
  EXPECT_EQ(
      judge_parcel(ind(10000, 13000, 2250), national_industrial(), r).reason,
      "investment 150.0 < 300 万元/亩; FAR 1.30 ≥ 1.2; coverage unknown (no coverage data)" + ctx);
  // Waived FAR: the special need in words; 6,000 / 15 = 400.0 >= 300.
  ParcelContext waived = national_industrial();
  waived.exempt_reason = "大跨度厂房";
  EXPECT_EQ(judge_parcel(ind(10000, 5000, 6000), waived, r).reason,
            "FAR floor waived (special needs: 大跨度厂房); investment 400.0 ≥ 300 万元/亩; "
            "coverage unknown (no coverage data)" +
                ctx);
  // No floor area: FAR unknown; no rule for coverage: that part is left out.
  RuleSet no_cov = jiangxi_like();
  EXPECT_EQ(judge_parcel(ind(10000, std::nullopt, 6000), national_industrial(), no_cov).reason,
            "FAR unknown (no floor area); investment 400.0 ≥ 300 万元/亩" + ctx);
  ParcelContext c = national_industrial();
  c.land_use = "0701";
  EXPECT_EQ(judge_parcel(ind(10000, 100, 100), c, r).reason,
            "land use 0701 is not industrial land (gbt21010)" + ctx);
  c.land_use.reset();
  EXPECT_EQ(judge_parcel(ind(10000, 100, 100), c, r).reason,
            "land use unknown: cannot tell whether this is industrial land" + ctx);
  ParcelContext out = national_industrial();
  out.in_park = false;
  out.park_level.reset();
  EXPECT_EQ(judge_parcel(ind(10000, 100, 100), out, no_cov).reason,
            "no floor of test-jx applies (outside every park, test-jx)");
  ParcelContext no_level = national_industrial();
  no_level.park_level.reset();
  EXPECT_EQ(judge_parcel(ind(10000, 100, 100), no_level, no_cov).reason,
            "no floor of test-jx applies (unknown-level park 南昌经济技术开发区, test-jx)");
}
