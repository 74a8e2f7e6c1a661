// Land-use scheme names and prefix matching of land-use codes.
#include "core/land_use.hpp"

#include "core/field_value.hpp"

namespace parkatlas {

std::optional<LandUseScheme> parse_land_use_scheme(std::string_view name) {
  if (name == "gbt21010") return LandUseScheme::gbt21010;
  if (name == "sandiao") return LandUseScheme::sandiao;
  if (name == "ydyh") return LandUseScheme::ydyh;
  if (name == "gb50137") return LandUseScheme::gb50137;
  return std::nullopt;
}

std::string_view to_string(LandUseScheme scheme) {
  switch (scheme) {
    case LandUseScheme::gbt21010:
      return "gbt21010";
    case LandUseScheme::sandiao:
      return "sandiao";
    case LandUseScheme::ydyh:
      return "ydyh";
    case LandUseScheme::gb50137:
      return "gb50137";
  }
  return "unknown";
}

bool code_matches_prefixes(std::string_view code, const std::vector<std::string>& prefixes) {
  // Compared in place, letters folded to upper case (called once per parcel of a province).
  auto upper = [](char ch) {
    return ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch;
  };
  const std::string_view c = trim_view(code);
  if (c.empty()) return false;
  for (const auto& p : prefixes) {
    if (p.empty() || p.size() > c.size()) continue;
    bool match = true;
    for (size_t i = 0; i < p.size() && match; ++i) match = upper(p[i]) == upper(c[i]);
    if (match) return true;
  }
  return false;
}

const std::vector<std::string>& residential_prefixes(LandUseScheme scheme) {
  static const std::vector<std::string> seven{"07"}, r{"R"};
  return scheme == LandUseScheme::gb50137 ? r : seven;
}

}  // namespace parkatlas
