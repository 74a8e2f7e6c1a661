// The column store: values of each type, nulls, values of the wrong kind (stored as null), texts
// end to end in one buffer, and slices appended as the parallel reader appends them.
#include "core/attribute_table.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace parkatlas;

TEST(Column, TextsKeepEveryRowIncludingEmptyAndNull) {
  Column c("enterprise", FieldType::text);
  c.push(Cell{std::string("南昌金属制品有限公司")});  // 10 characters, 30 bytes of UTF-8
  c.push(Cell{std::monostate{}});
  c.push(Cell{std::string()});  // present but empty: not the same as null
  c.push(Cell{2.5});            // a number in a text column is stored as null
  c.push(Cell{std::string("P-1")});
  ASSERT_EQ(c.size(), 5u);
  EXPECT_EQ(c.text_view(0).value(), "南昌金属制品有限公司");
  EXPECT_EQ(c.text_view(0)->size(), 30u);
  EXPECT_FALSE(c.has(1));
  EXPECT_FALSE(c.text_view(1));
  EXPECT_TRUE(c.has(2));
  EXPECT_EQ(c.text_view(2).value(), "");
  EXPECT_FALSE(c.has(3));
  EXPECT_EQ(c.text(4).value(), "P-1");
  EXPECT_EQ(std::get<std::string>(c.cell(4)), "P-1");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(c.cell(1)));
  EXPECT_FALSE(c.text_view(5));  // past the end
  EXPECT_FALSE(c.real(0));       // a text is no number
}

TEST(Column, OtherTypesAndConversions) {
  Column r("land_m2", FieldType::real), i("employees", FieldType::integer),
      d("supplied", FieldType::date);
  r.push(Cell{std::int64_t{7}});  // an integer widens to a real
  r.push(Cell{std::string("x")});
  i.push(Cell{std::int64_t{42}});
  i.push(Cell{1.5});  // a real is not narrowed: null
  d.push(Cell{CivilDate{2024, 2, 29}});
  d.push(Cell{std::monostate{}});
  EXPECT_EQ(r.real(0).value(), 7.0);
  EXPECT_FALSE(r.real(1));
  EXPECT_EQ(i.integer(0).value(), 42);
  EXPECT_FALSE(i.has(1));
  EXPECT_EQ(d.date(0).value(), (CivilDate{2024, 2, 29}));
  EXPECT_FALSE(d.date(1));
  EXPECT_FALSE(d.text_view(0));  // a date column has no texts
}

TEST(Column, AppendedSlicesReadAsOneColumn) {
  Column first("parcel_id", FieldType::text), second("parcel_id", FieldType::text);
  first.reserve(5);
  first.push(Cell{std::string("A-1")});
  first.push(Cell{std::monostate{}});
  second.push(Cell{std::string("B-22")});
  second.push(Cell{std::string("")});
  second.push(Cell{std::string("B-333")});
  first.append(std::move(second));
  EXPECT_EQ(second.size(), 0u);  // the slice's memory is given back
  ASSERT_EQ(first.size(), 5u);
  EXPECT_EQ(first.text_view(0).value(), "A-1");
  EXPECT_FALSE(first.text_view(1));
  // Rows of the appended slice: their offsets moved by the 3 bytes already there.
  EXPECT_EQ(first.text_view(2).value(), "B-22");
  EXPECT_EQ(first.text_view(3).value(), "");
  EXPECT_EQ(first.text_view(4).value(), "B-333");
}
