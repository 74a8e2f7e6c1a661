// Unit conversions and calendar arithmetic. Expected values computed by hand in the comments.
#include <gtest/gtest.h>

#include "core/civil_date.hpp"
#include "core/declared_units.hpp"
#include "core/field_value.hpp"
#include "core/text_format.hpp"
#include "core/units.hpp"

using namespace parkatlas;

TEST(Units, MuIsExactlyFifteenPerHectare) {
  // 10,000 m2 = 1 ha = 15 mu exactly; 666.67 m2 is NOT one mu (it is 1.00000500... mu).
  EXPECT_DOUBLE_EQ(m2_to_mu(10000.0), 15.0);
  EXPECT_DOUBLE_EQ(mu_to_m2(15.0), 10000.0);
  EXPECT_NE(m2_to_mu(666.67), 1.0);
  EXPECT_NEAR(m2_to_mu(666.67), 1.000005, 1e-9);
  // 300 万元/亩 x 15 = 4500 万元/公顷 (domain.md conventions).
  EXPECT_DOUBLE_EQ(per_mu_to_per_ha(300.0), 4500.0);
}

TEST(TextFormat, FixedNumberPrintsWhatPrintfPrints) {
  // By hand: 0.625 is exact in binary, a tie, and both round it to even ("0.62"); 2.675 is
  // stored as 2.67499999... so "2.67"; 1e21 has 22 digits.
  EXPECT_EQ(fixed_number(0.625, 2), "0.62");
  EXPECT_EQ(fixed_number(2.675, 2), "2.67");
  EXPECT_EQ(fixed_number(117.119522873752, 1), "117.1");
  EXPECT_EQ(fixed_number(-0.04, 1), "-0.0");
  EXPECT_EQ(fixed_number(1e21, 1), "1000000000000000000000.0");
  // And against printf itself over values of every magnitude.
  for (double v : {0.0, 0.005, 0.015, 0.125, 1.005, 28.905, 299.955, 300.0, 1234567.891, 1e-7,
                   -3.14159, 0.3, 2.5, 3.5, 1.2e15})
    for (int d : {1, 2})
      EXPECT_EQ(fixed_number(v, d), format_number(d == 1 ? "%.1f" : "%.2f", v)) << v << " " << d;
}

TEST(CivilDate, ParsesStrictIsoAndRejectsImpossibleDays) {
  EXPECT_EQ(parse_iso_date("2019-02-03"), (CivilDate{2019, 2, 3}));
  EXPECT_FALSE(parse_iso_date("2019-02-30"));  // February has no 30th
  EXPECT_FALSE(parse_iso_date("2019-2-3"));
  EXPECT_TRUE(parse_iso_date("2020-02-29"));  // 2020 is a leap year
  EXPECT_FALSE(parse_iso_date("2019-02-29"));
  EXPECT_EQ(to_iso(CivilDate{2025, 1, 5}), "2025-01-05");
  EXPECT_EQ(to_iso(CivilDate{1999, 12, 31}), "1999-12-31");
  EXPECT_EQ(to_iso(CivilDate{987, 2, 3}), "0987-02-03");
}

TEST(CivilDate, DaysAndAnniversaries) {
  // 2024-01-01 .. 2025-01-01 spans the leap day: 366 days.
  EXPECT_EQ(days_between({2024, 1, 1}, {2025, 1, 1}), 366);
  EXPECT_EQ(days_between({2025, 1, 1}, {2024, 1, 1}), -366);
  // The first anniversary of 29 Feb 2020 is 28 Feb 2021; the fourth is 29 Feb 2024.
  EXPECT_EQ(add_years({2020, 2, 29}, 1), (CivilDate{2021, 2, 28}));
  EXPECT_EQ(add_years({2020, 2, 29}, 4), (CivilDate{2024, 2, 29}));
  // One whole year is reached on the anniversary itself, not the day before.
  EXPECT_EQ(whole_years_between({2020, 2, 29}, {2021, 2, 27}), 0);
  EXPECT_EQ(whole_years_between({2020, 2, 29}, {2021, 2, 28}), 1);
  EXPECT_EQ(whole_years_between({2023, 6, 15}, {2025, 6, 14}), 1);
  EXPECT_EQ(whole_years_between({2023, 6, 15}, {2025, 6, 15}), 2);
  EXPECT_EQ(whole_years_between({2025, 6, 15}, {2023, 6, 15}), 0);
}

TEST(FieldValue, NumbersAsBureausWriteThem) {
  EXPECT_EQ(parse_number("1234.5"), 1234.5);
  EXPECT_EQ(parse_number(" 1,234.5 "), 1234.5);
  EXPECT_EQ(parse_number("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93"), 123.0);  // full-width １２３
  EXPECT_FALSE(parse_number(""));
  EXPECT_FALSE(parse_number("n/a"));
  EXPECT_FALSE(parse_number("1.2.3"));
  EXPECT_FALSE(parse_number("12abc"));
}

TEST(FieldValue, DatesInEveryCommonForm) {
  const CivilDate d{2019, 2, 3};
  EXPECT_EQ(parse_date("2019-02-03"), d);
  EXPECT_EQ(parse_date("2019/2/3"), d);
  EXPECT_EQ(parse_date("2019.02.03"), d);
  EXPECT_EQ(parse_date("20190203"), d);
  EXPECT_EQ(parse_date("2019年2月3日"), d);
  EXPECT_EQ(parse_date("2019-02-03 00:00:00"), d);
  EXPECT_FALSE(parse_date("2019-02-30"));  // impossible day
  EXPECT_FALSE(parse_date("20190230"));
  EXPECT_FALSE(parse_date("2019年2月"));  // a month is not a day
  EXPECT_FALSE(parse_date("待定"));
  EXPECT_FALSE(parse_date(""));
}

TEST(FieldValue, NumbersWithTheirUnitInTheText) {
  // Money in 万元: 1.2万元 = 1.2; 3000元 = 0.3; 1.5亿 = 15,000; "1.2万" in a money field = 1.2万元.
  EXPECT_DOUBLE_EQ(*parse_number_with_unit("1.2万元", Quantity::money), 1.2);
  EXPECT_DOUBLE_EQ(*parse_number_with_unit("3000元", Quantity::money), 0.3);
  EXPECT_DOUBLE_EQ(*parse_number_with_unit("1.5亿", Quantity::money), 15000.0);
  EXPECT_DOUBLE_EQ(*parse_number_with_unit(" 1.2万 ", Quantity::money), 1.2);
  // Areas in m2: 15亩 = 15 x 10000/15 = 10,000; 1.2公顷 = 12,000; 2.5万平方米 = 25,000.
  EXPECT_DOUBLE_EQ(*parse_number_with_unit("15亩", Quantity::area), 10000.0);
  EXPECT_DOUBLE_EQ(*parse_number_with_unit("1.2公顷", Quantity::area), 12000.0);
  EXPECT_DOUBLE_EQ(*parse_number_with_unit("2.5万平方米", Quantity::area), 25000.0);
  EXPECT_DOUBLE_EQ(*parse_number_with_unit("3,000㎡", Quantity::area), 3000.0);
  // A unit of the other quantity, none at all, or no number: not read.
  EXPECT_FALSE(parse_number_with_unit("15亩", Quantity::money));
  EXPECT_FALSE(parse_number_with_unit("1.2", Quantity::money));
  EXPECT_FALSE(parse_number_with_unit("万元", Quantity::money));
  EXPECT_FALSE(parse_number_with_unit("abc亩", Quantity::area));
  EXPECT_FALSE(parse_number_with_unit("12", Quantity::none));
}

TEST(FieldValue, NonFiniteNumbersAndImplausibleYearsAreRejected) {
  EXPECT_FALSE(parse_number("NaN"));
  EXPECT_FALSE(parse_number("inf"));
  EXPECT_FALSE(parse_number("-infinity"));
  EXPECT_FALSE(parse_date("0219-02-03"));  // a typo for 2019
  EXPECT_FALSE(parse_date("2319-02-03"));
  EXPECT_TRUE(parse_date("1900-01-01"));
  EXPECT_TRUE(is_plausible_year(2200));
  EXPECT_FALSE(is_plausible_year(1899));
}
