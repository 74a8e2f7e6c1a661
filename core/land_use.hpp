// Land-use code schemes (domain.md §6). A code means nothing without its scheme: "1001" is
// industrial land in 用地用海 but railway land in GB/T 21010. Which codes count as industrial is
// rule-set data (domain.md §6.5 is an [I] recommendation), passed in as prefixes.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parkatlas {

enum class LandUseScheme { gbt21010, sandiao, ydyh, gb50137 };

std::optional<LandUseScheme> parse_land_use_scheme(std::string_view name);
std::string_view to_string(LandUseScheme scheme);

// True when `code` (trimmed, case-insensitive for letters) starts with one of `prefixes`.
bool code_matches_prefixes(std::string_view code, const std::vector<std::string>& prefixes);

// Residential land (住宅用地, TD/T 1029 category A1) per scheme: GB/T 21010 07, 三调 07,
// 用地用海 07 (居住用地), GB 50137 R.
const std::vector<std::string>& residential_prefixes(LandUseScheme scheme);

}  // namespace parkatlas
