// The TD/T 1029 land account and totals of every evaluation range (issue 6 §2), derived from a
// run's layers as far as the data allows, or taken from the parks layer where a bureau gives them
// (fields ha_A … ha_G, ind_inv_wan, ind_tax_wan, tax23_wan, population). Each figure records how
// it was obtained; docs/indicators.md lists the derivations.
#pragma once
#include <vector>

#include "core/civil_date.hpp"
#include "core/park_evaluation.hpp"
#include "core/rule_set.hpp"

namespace parkatlas {

struct Analysis;

// One RangeInputs per (park_id, range) of the parks layer (range from its `range` field: main
// unless 发展方向区/expansion); features sharing both are summed. Empty without a parks layer.
std::vector<RangeInputs> evaluation_inputs(const Analysis& a, const RuleSet& rules,
                                           const CivilDate& as_of);

}  // namespace parkatlas
