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

}  // namespace parkatlas
