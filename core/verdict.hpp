// Judging one parcel against a rule set: which floors apply, whether they are met, and why
// (data-model.md far_min … verdict; domain.md §0 implication 2–3).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/indicators.hpp"
#include "core/land_use.hpp"
#include "core/park_level.hpp"
#include "core/rule_set.hpp"

namespace parkatlas {

enum class Verdict { compliant, below_far, below_inv, below_both, exempt, unknown, not_industrial };
constexpr int kVerdictCount = 7;
std::string_view to_string(Verdict v);

// not_applicable: no floor of this rule set applies; unknown: a floor applies but an input is
// missing.
enum class CheckState { not_applicable, unknown, pass, fail };

// Views of the parcel's texts (judge_parcel runs once per parcel of a province: no copies); they
// must outlive the call.
struct ParcelContext {
  std::optional<std::string_view> land_use;
  std::optional<LandUseScheme> scheme;
  std::optional<std::string_view> industry;  // GB/T 4754-2017 code
  std::string_view exempt_reason;            // non-empty = special production needs
  bool in_park = false;
  std::optional<ParkLevel> park_level;
  std::string_view park_name;
};

struct Judgement {
  bool industrial = false;
  std::optional<double> far_min;
  std::optional<double> inv_min;
  std::optional<double> cov_min;
  CheckState far = CheckState::not_applicable;
  CheckState inv = CheckState::not_applicable;
  CheckState cov = CheckState::not_applicable;
  bool far_waived = false;
  Verdict verdict = Verdict::unknown;
  std::string reason;  // one line a planner can read
};

// 1 / 0 / null as stored in far_ok, inv_ok.
std::optional<int> as_flag(CheckState s);

Judgement judge_parcel(const Indicators& ind, const ParcelContext& ctx, const RuleSet& rules);

}  // namespace parkatlas
