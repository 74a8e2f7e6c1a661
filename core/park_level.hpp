// Park approval level (园区级别): decides which floors of a rule set apply.
#pragma once
#include <optional>
#include <string_view>

namespace parkatlas {

enum class ParkLevel { national, provincial, other };

// 国家级 / 国务院 / national -> national; 省级 / 省政府 / provincial -> provincial;
// any other non-empty value -> other; empty -> nullopt (unknown).
std::optional<ParkLevel> parse_park_level(std::string_view text);
std::string_view to_string(ParkLevel level);

}  // namespace parkatlas
