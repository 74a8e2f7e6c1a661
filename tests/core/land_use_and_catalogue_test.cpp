// Land-use code matching and the alias matching of source fields (data-model.md).
#include <gtest/gtest.h>

#include "core/declared_units.hpp"
#include "core/field_catalogue.hpp"
#include "core/land_use.hpp"
#include "core/park_level.hpp"
#include "core/utf8.hpp"

using namespace parkatlas;

TEST(LandUse, PrefixMatchingNeedsTheScheme) {
  const std::vector<std::string> gbt = {"0601"}, ydyh = {"1001"}, gb50137 = {"M"};
  EXPECT_TRUE(code_matches_prefixes("0601", gbt));
  EXPECT_FALSE(code_matches_prefixes("0604", gbt));     // warehouses are not 工业用地 here
  EXPECT_TRUE(code_matches_prefixes("100102", ydyh));   // 二类工业用地
  EXPECT_FALSE(code_matches_prefixes("1001", gbt));     // 1001 is railway land in GB/T 21010
  EXPECT_TRUE(code_matches_prefixes(" m2 ", gb50137));  // trimmed, case-insensitive
  EXPECT_FALSE(code_matches_prefixes("", gbt));
  EXPECT_EQ(parse_land_use_scheme("sandiao"), LandUseScheme::sandiao);
  EXPECT_FALSE(parse_land_use_scheme("gbt"));
}

TEST(ParkLevel, CatalogueAndBureauWordings) {
  EXPECT_EQ(parse_park_level("国务院"), ParkLevel::national);
  EXPECT_EQ(parse_park_level("国家级"), ParkLevel::national);
  EXPECT_EQ(parse_park_level("省政府"), ParkLevel::provincial);
  EXPECT_EQ(parse_park_level(" 省级 "), ParkLevel::provincial);
  EXPECT_EQ(parse_park_level("市级"), ParkLevel::other);
  EXPECT_FALSE(parse_park_level(""));
}

TEST(FieldCatalogue, ShapefileCutNamesNeverBreakACharacter) {
  // GBK: two bytes per CJK character, so 10 bytes hold five: 固定资产投资 -> 固定资产投.
  EXPECT_EQ(shapefile_cut_name("固定资产投资", "CP936"), "固定资产投");
  // UTF-8: three bytes each, so 10 bytes hold three (9 bytes), never 3 1/3: 宗地编号 -> 宗地编.
  EXPECT_EQ(shapefile_cut_name("宗地编号", "UTF-8"), "宗地编");
  // Mixed: "JZMJ面积" in GBK = 4 + 2 + 2 = 8 bytes, fits.
  EXPECT_EQ(shapefile_cut_name("JZMJ面积", "GBK"), "JZMJ面积");
}

TEST(FieldCatalogue, MatchOrderConfigThenNameThenAliasThenCutAlias) {
  // Source fields as a GBK Shapefile shows them after GDAL cut them to 10 bytes.
  std::vector<std::string> src = {"宗地编号", "固定资产投", "LAND_USE", "GDZCTZZE", "备注"};
  auto m = match_fields(LayerKind::parcels, src, {{"enterprise", "备注"}}, "CP936");
  ASSERT_TRUE(m.errors.empty());
  auto at = [&](const char* name) {
    return m.canonical[static_cast<size_t>(canonical_index(LayerKind::parcels, name))];
  };
  EXPECT_EQ(at("parcel_id").source_index, 0);
  EXPECT_EQ(at("parcel_id").how, MatchedBy::alias);
  EXPECT_EQ(at("land_use").source_index, 2);  // canonical name, case-insensitive
  EXPECT_EQ(at("land_use").how, MatchedBy::name);
  // GDZCTZZE is a full alias and wins over the cut one (aliases are tried before cut aliases).
  EXPECT_EQ(at("invest_wan").source_index, 3);
  EXPECT_EQ(at("invest_wan").how, MatchedBy::alias);
  EXPECT_EQ(at("enterprise").source_index, 4);
  EXPECT_EQ(at("enterprise").how, MatchedBy::config);
  EXPECT_EQ(m.unmapped_sources, std::vector<int>{1});  // 固定资产投 is left over
}

TEST(FieldCatalogue, CutAliasMatchesWhenTheFullAliasIsAbsent) {
  std::vector<std::string> src = {"固定资产投", "约定动工日"};
  auto m = match_fields(LayerKind::parcels, src, {}, "CP936");
  auto at = [&](const char* name) {
    return m.canonical[static_cast<size_t>(canonical_index(LayerKind::parcels, name))];
  };
  EXPECT_EQ(at("invest_wan").how, MatchedBy::cut_alias);
  EXPECT_EQ(at("start_due").how, MatchedBy::cut_alias);
  EXPECT_EQ(at("start_due").matched_alias, "约定动工日");
  // Without a Shapefile encoding no cut names are tried.
  auto plain = match_fields(LayerKind::parcels, src, {}, "");
  EXPECT_EQ(
      plain.canonical[static_cast<size_t>(canonical_index(LayerKind::parcels, "invest_wan"))].how,
      MatchedBy::none);
}

TEST(FieldCatalogue, ConfigErrorsAreReportedNotThrown) {
  auto m =
      match_fields(LayerKind::parcels, {"a"}, {{"invest_wan", "missing"}, {"nonsense", "a"}}, "");
  ASSERT_EQ(m.errors.size(), 2u);
}

TEST(DeclaredUnits, Factors) {
  EXPECT_DOUBLE_EQ(*unit_factor(Quantity::area, "mu"), 10000.0 / 15.0);
  EXPECT_DOUBLE_EQ(*unit_factor(Quantity::area, "ha"), 10000.0);
  EXPECT_DOUBLE_EQ(*unit_factor(Quantity::area, "ft2"), 0.09290304);  // 0.3048^2
  EXPECT_DOUBLE_EQ(*unit_factor(Quantity::money, "yuan"), 1e-4);
  EXPECT_DOUBLE_EQ(*unit_factor(Quantity::money, "yi"), 1e4);  // 1 亿 = 10,000 万
  EXPECT_FALSE(unit_factor(Quantity::money, "mu"));
}

TEST(Utf8, ValidityAndBrokenTails) {
  bool multibyte = false;
  EXPECT_TRUE(is_valid_utf8("abc", &multibyte));
  EXPECT_FALSE(multibyte);
  EXPECT_TRUE(is_valid_utf8("宗地编号", &multibyte));
  EXPECT_TRUE(multibyte);
  // GBK bytes of 宗地 (D7 DA B5 D8) are not UTF-8.
  EXPECT_FALSE(is_valid_utf8("\xD7\xDA\xB5\xD8"));
  // 宗地编 + the first byte of 号 (E5): GDAL's 10-byte cut. The tail is dropped, nothing else.
  const std::string cut = std::string("宗地编") + "\xE5";
  EXPECT_EQ(without_broken_utf8_tail(cut), "宗地编");
  EXPECT_EQ(without_broken_utf8_tail("宗地编"), "宗地编");
  EXPECT_EQ(without_broken_utf8_tail(std::string("宗地编") + "\xE5\x8F"),
            "宗地编");  // two of three bytes
  EXPECT_EQ(without_broken_utf8_tail("abc"), "abc");
  EXPECT_EQ(utf8_sequence_length(0xE5), 3u);
  EXPECT_EQ(utf8_sequence_length(0x8F), 0u);  // a continuation byte starts nothing
}

TEST(FieldCatalogue, NameCutMidCharacterByGdalStillMatches) {
  std::vector<std::string> src = {std::string("宗地编") +
                                  "\xE5"};  // 宗地编号 cut to 10 UTF-8 bytes
  auto m = match_fields(LayerKind::parcels, src, {}, "UTF-8");
  EXPECT_EQ(m.canonical[static_cast<size_t>(canonical_index(LayerKind::parcels, "parcel_id"))]
                .source_index,
            0);
}
