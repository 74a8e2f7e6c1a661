// Shapefile short field names and export filters, on cases worked out by hand.
#include <gtest/gtest.h>

#include <map>

#include "core/row_filter.hpp"
#include "core/safe_file_name.hpp"
#include "core/short_field_names.hpp"

using namespace parkatlas;

TEST(ShortFieldNames, FitKeepsCutNeverSplitsACharacterAndStaysUnique) {
  // UTF-8: 投 资 强 度 … are 3 bytes each, so 3 characters (9 bytes) fit in 10.
  EXPECT_EQ(encoded_length("投资强度万元每亩", "UTF-8"), 24u);
  EXPECT_EQ(encoded_length("投资强度万元每亩", "CP936"), 16u);  // 2 bytes each in GBK
  auto utf8 = shapefile_field_names(
      {"park_id", "投资强度万元每亩", "投资强度万元每公顷", "PARK_ID"}, "UTF-8");
  EXPECT_EQ(utf8[0].short_name, "park_id");
  EXPECT_FALSE(utf8[0].changed);
  EXPECT_EQ(utf8[1].short_name, "投资强");  // 9 bytes
  // Its sibling cuts to the same 投资强; with "_1" (2 bytes) only 2 characters (6 bytes) fit.
  EXPECT_EQ(utf8[2].short_name, "投资_1");
  // DBF names ignore case: PARK_ID collides with park_id and becomes PARK_ID_1 (9 bytes).
  EXPECT_EQ(utf8[3].short_name, "PARK_ID_1");
  // GBK: 5 characters fit.
  auto gbk = shapefile_field_names({"投资强度万元每亩", "投资强度万元每公顷"}, "CP936");
  EXPECT_EQ(gbk[0].short_name, "投资强度万");
  EXPECT_EQ(gbk[1].short_name, "投资强度_1");  // 8 + 2 bytes
  for (const auto& s : utf8) EXPECT_LE(encoded_length(s.short_name, "UTF-8"), 10u);
  for (const auto& s : gbk) EXPECT_LE(encoded_length(s.short_name, "CP936"), 10u);
  // A name that fits is never renamed to make room for a longer one: unique_ok stays, and the
  // long one that cuts to it gets a suffix.
  auto kept = shapefile_field_names({"sup_win_mu_extra", "sup_win_mu"}, "UTF-8");
  EXPECT_EQ(kept[1].short_name, "sup_win_mu");
  EXPECT_EQ(kept[0].short_name, "sup_win_1");
}

namespace {

// Evaluates `text` on one row given as name -> value.
bool on(const std::string& text, const std::map<std::string, FilterValue>& row) {
  auto parsed = RowFilter::parse(text);
  EXPECT_TRUE(parsed.filter) << text << ": " << parsed.error;
  if (!parsed.filter) return false;
  const auto& fields = parsed.filter->fields();
  return parsed.filter->matches([&](size_t k) -> FilterValue {
    auto it = row.find(fields[k]);
    return it == row.end() ? FilterValue{} : it->second;
  });
}

}  // namespace

TEST(RowFilter, ComparisonsLogicNullsListsAndPatterns) {
  const std::map<std::string, FilterValue> row = {
      {"verdict", std::string("below_far")},       {"far", 0.84},
      {"park_id", std::string("G361027")},         {"supplied", std::string("2019-05-01")},
      {"名称", std::string("南昌经济技术开发区")}, {"inv_mu", FilterValue{}}};
  EXPECT_TRUE(on("verdict = 'below_far'", row));
  EXPECT_TRUE(on("far < 1.2 AND far >= 0.84", row));
  EXPECT_FALSE(on("far > 0.84", row));
  EXPECT_TRUE(on("far <> 1 and not (verdict = 'compliant')", row));
  EXPECT_TRUE(on("verdict = 'x' OR park_id IN ('G362023', 'G361027')", row));
  EXPECT_TRUE(on("park_id NOT IN ('G362023')", row));
  EXPECT_TRUE(on("supplied < '2020-01-01'", row));  // ISO dates compare as dates
  EXPECT_TRUE(on("名称 LIKE '南昌%开发区'", row));
  EXPECT_TRUE(on("名称 LIKE '南_经济%'", row));  // _ is one (three-byte) character
  EXPECT_TRUE(on("VERDICT like 'BELOW%'", {{"VERDICT", std::string("below_far")}}));
  // Null: comparisons are false, IS NULL is true.
  EXPECT_FALSE(on("inv_mu < 300", row));
  EXPECT_FALSE(on("inv_mu >= 300", row));
  EXPECT_TRUE(on("inv_mu IS NULL AND far IS NOT NULL", row));
  // A number against numeric text compares as numbers: '10' > 9.
  EXPECT_TRUE(on("n > 9", {{"n", std::string("10")}}));
  EXPECT_TRUE(on("\"field with space\" = 'a''b'", {{"field with space", std::string("a'b")}}));
}

TEST(RowFilter, AnythingElseIsAParseErrorNamingWhere) {
  auto inj = RowFilter::parse("1=1; DROP TABLE parcels");
  EXPECT_FALSE(inj.filter);
  EXPECT_EQ(inj.error, "unexpected ';' at character 4");
  for (const char* bad : {"", "far <", "far = 'x", "(far = 1", "far = 1 AND", "far IS 3",
                          "far IN 1", "far NOT = 1", "far = 1 )", "far LIKE 3", "-- comment"})
    EXPECT_FALSE(RowFilter::parse(bad).filter) << bad;
  EXPECT_EQ(RowFilter::parse("far = 1 AND").error, "the filter ends too early");
  EXPECT_EQ(RowFilter::parse("far IN (1, 2").error, "the filter ends too early");
  auto fields = RowFilter::parse("a = 1 OR b = 2 OR a = 3");
  ASSERT_TRUE(fields.filter);
  EXPECT_EQ(fields.filter->fields(), (std::vector<std::string>{"a", "b"}));
}

TEST(SafeFileName, DataCannotLeaveTheFolder) {
  EXPECT_EQ(safe_file_name("南昌经济技术开发区"), "南昌经济技术开发区");  // Chinese kept
  EXPECT_EQ(safe_file_name("../evil"), "_evil");  // leading dots trimmed, separator replaced
  EXPECT_EQ(safe_file_name("a/b\\c:d*e?f\"g<h>i|j"), "a_b_c_d_e_f_g_h_i_j");
  EXPECT_EQ(safe_file_name(".."), "_");
  EXPECT_EQ(safe_file_name("  "), "_");
  EXPECT_EQ(safe_file_name("CON"), "_CON");
  EXPECT_EQ(safe_file_name("com1.txt"), "_com1.txt");
  EXPECT_EQ(safe_file_name("x\n\ty"), "x__y");
  EXPECT_EQ(safe_file_name("a..b"), "a..b");  // harmless without a separator
  // Found by fuzz_export_text: a lead byte of a two-byte sequence followed by '/' must not smuggle
  // the '/' through as part of a "character".
  EXPECT_EQ(safe_file_name(std::string("../\xC7/eva\0\0Ev", 12)), "___eva__Ev");
  // Cut at whole characters: 40 three-byte characters are 120 bytes; the 41st does not fit.
  std::string many;
  for (int i = 0; i < 41; ++i) many += "园";
  EXPECT_EQ(safe_file_name(many).size(), 120u);
}
