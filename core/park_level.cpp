// Reading park levels as catalogues and bureaus write them (data-model.md, parks.level).
#include "core/park_level.hpp"

#include <string>

#include "core/field_value.hpp"

namespace parkatlas {

std::optional<ParkLevel> parse_park_level(std::string_view text) {
  std::string t = trim(text);
  if (t.empty()) return std::nullopt;
  // Values seen in the 2018 catalogue (批准级别) and in bureau data; 省级产业园 counts as 省级.
  if (t == "national" || t == "国家级" || t == "国务院" || t == "国家级开发区")
    return ParkLevel::national;
  if (t == "provincial" || t == "省级" || t == "省政府" || t == "省级开发区" || t == "省级产业园")
    return ParkLevel::provincial;
  return ParkLevel::other;
}

std::string_view to_string(ParkLevel level) {
  switch (level) {
    case ParkLevel::national:
      return "national";
    case ParkLevel::provincial:
      return "provincial";
    case ParkLevel::other:
      return "other";
  }
  return "other";
}

}  // namespace parkatlas
