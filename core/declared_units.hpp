// Units a project config may declare for a field (data-model.md: require declared units
// instead of guessing, domain.md §1.15). Values are converted once, at input, to m2 and 万元.
#pragma once
#include <optional>
#include <string_view>

#include "core/field_catalogue.hpp"

namespace parkatlas {

// Factor that turns a value in `unit` into the canonical unit of `quantity`
// (area -> m2: m2, mu, ha, wan_m2, ft2; money -> 万元: wan, yuan, yi). nullopt = unknown unit.
std::optional<double> unit_factor(Quantity quantity, std::string_view unit);

// A number written with its unit, as bureaus do in text fields: "1.2万元", "3000元", "1.5亿",
// "1.2万" (money: 万 means 万元), "15亩", "1.2公顷", "3000平方米", "3000㎡", "2.5万平方米".
// The value in the canonical unit of `quantity` (m2, 万元); nullopt without a known unit.
std::optional<double> parse_number_with_unit(std::string_view text, Quantity quantity);

}  // namespace parkatlas
