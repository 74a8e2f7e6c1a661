// Idle-land classes on hand-picked dates (53号令; domain.md §2.5). Every expectation is worked
// out by hand in the comment beside it.
#include <gtest/gtest.h>

#include "core/idle_land.hpp"

using namespace parkatlas;

namespace {

IdleInputs not_started(CivilDate start_due) {
  IdleInputs in;
  in.approved = CivilDate{2015, 3, 1};
  in.supplied = CivilDate{2016, 1, 10};
  in.start_due = start_due;
  in.land_price = 1000.0;  // 万元
  return in;
}

}  // namespace

TEST(IdleLand, PendingOverdueIdleByCalendarYears) {
  IdleRules r;
  const CivilDate due{2023, 6, 15};
  // The day before the agreed start date: pending.
  EXPECT_EQ(classify_idle(not_started(due), {2023, 6, 14}, r).cls, IdleClass::pending);
  // On the start date itself: overdue by 0 days.
  IdleResult on = classify_idle(not_started(due), {2023, 6, 15}, r);
  EXPECT_EQ(on.cls, IdleClass::overdue);
  EXPECT_EQ(on.idle_days, 0);
  // One day short of the first anniversary: still overdue, 365 days (2023-06-15 .. 2024-06-14
  // spans 29 Feb 2024, so 365 days is one day short of the 366-day year).
  IdleResult short_of_year = classify_idle(not_started(due), {2024, 6, 14}, r);
  EXPECT_EQ(short_of_year.cls, IdleClass::overdue);
  EXPECT_EQ(short_of_year.idle_days, 365);
  // Exactly one year: idle, fee 20 % of 1000 = 200 万元, 366 days.
  IdleResult one = classify_idle(not_started(due), {2024, 6, 15}, r);
  EXPECT_EQ(one.cls, IdleClass::idle);
  EXPECT_EQ(one.idle_days, 366);
  EXPECT_DOUBLE_EQ(*one.fee, 200.0);
  // Exactly two years: idle_2y (recovery, no fee).
  IdleResult two = classify_idle(not_started(due), {2025, 6, 15}, r);
  EXPECT_EQ(two.cls, IdleClass::idle_2y);
  EXPECT_FALSE(two.fee);
  EXPECT_NE(two.basis.find("无偿收回"), std::string::npos);
  EXPECT_EQ(classify_idle(not_started(due), {2025, 6, 14}, r).cls, IdleClass::idle);
}

TEST(IdleLand, TwentyNinthOfFebruary) {
  IdleRules r;
  const CivilDate leap{2020, 2, 29};
  // The first anniversary of 29 Feb 2020 is 28 Feb 2021.
  EXPECT_EQ(classify_idle(not_started(leap), {2021, 2, 27}, r).cls, IdleClass::overdue);
  EXPECT_EQ(classify_idle(not_started(leap), {2021, 2, 28}, r).cls, IdleClass::idle);
  // The second is 28 Feb 2022.
  EXPECT_EQ(classify_idle(not_started(leap), {2022, 2, 27}, r).cls, IdleClass::idle);
  EXPECT_EQ(classify_idle(not_started(leap), {2022, 2, 28}, r).cls, IdleClass::idle_2y);
  // Overdue parcels know the day they become idle.
  EXPECT_EQ(*classify_idle(not_started(leap), {2020, 12, 1}, r).becomes_idle,
            (CivilDate{2021, 2, 28}));
}

TEST(IdleLand, HaltedThresholdsAreStrict) {
  IdleRules r;
  IdleInputs in = not_started({2018, 1, 1});
  in.started = CivilDate{2018, 3, 1};
  in.halted = CivilDate{2022, 1, 1};
  in.developed_required = 30000;
  in.invest_total = 8000;
  in.invest_done = 8000;           // fully invested: only the area can make it idle
  const CivilDate t{2023, 6, 30};  // halted 1 year and 180 days
  // Exactly a third developed is not "不足三分之一": not idle.
  in.developed = 10000;
  EXPECT_EQ(classify_idle(in, t, r).cls, IdleClass::none);
  in.developed = 9999;
  IdleResult h = classify_idle(in, t, r);
  EXPECT_EQ(h.cls, IdleClass::halted_idle);
  EXPECT_EQ(h.idle_days, 545);  // 2022-01-01 .. 2023-06-30: 365 + 180
  EXPECT_DOUBLE_EQ(*h.fee, 200.0);
  // Investment: exactly 25 % is enough; just under is not.
  in.developed = 20000;
  in.invest_done = 2000;  // 2000 / 8000 = 25 %
  EXPECT_EQ(classify_idle(in, t, r).cls, IdleClass::none);
  in.invest_done = 1999;
  EXPECT_EQ(classify_idle(in, t, r).cls, IdleClass::halted_idle);
  // Halted under a year: not yet.
  EXPECT_EQ(classify_idle(in, {2022, 12, 31}, r).cls, IdleClass::none);
}

TEST(IdleLand, GovernmentCauseAndUnsupplied) {
  IdleRules r;
  IdleInputs in = not_started({2021, 1, 1});
  in.gov_cause = "未按约定期限交付土地";
  IdleResult g = classify_idle(in, {2024, 1, 1}, r);  // 3 years: would be idle_2y
  EXPECT_EQ(g.cls, IdleClass::gov_delay);
  EXPECT_DOUBLE_EQ(*g.fee, 0.0);
  EXPECT_NE(g.basis.find("第十二条"), std::string::npos);
  // Overdue under a year stays overdue even with a cause (the cause matters once it is idle).
  EXPECT_EQ(classify_idle(in, {2021, 6, 1}, r).cls, IdleClass::overdue);
  // Approved, never supplied.
  IdleInputs u;
  u.approved = CivilDate{2019, 5, 1};
  EXPECT_EQ(classify_idle(u, {2025, 1, 1}, r).cls, IdleClass::unsupplied);
  EXPECT_EQ(classify_idle(IdleInputs{}, {2025, 1, 1}, r).cls, IdleClass::none);
}

TEST(IdleLand, EarlyWarningHorizon) {
  IdleRules r;  // 90 days
  // Start due 2024-10-01: idle on 2025-10-01. On 2025-07-03 that is 90 days away: warned.
  EXPECT_TRUE(classify_idle(not_started({2024, 10, 1}), {2025, 7, 3}, r).warning);
  // On 2025-07-02 it is 91 days away: not yet.
  EXPECT_FALSE(classify_idle(not_started({2024, 10, 1}), {2025, 7, 2}, r).warning);
}
