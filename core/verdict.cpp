// The verdict rules. A known failure is reported even when the other input is missing;
// `unknown` only when nothing failed but something could not be judged.
#include "core/verdict.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "core/text_format.hpp"

namespace parkatlas {

namespace {

CheckState check(const std::optional<double>& value, const std::optional<double>& floor) {
  if (!floor) return CheckState::not_applicable;
  if (!value) return CheckState::unknown;
  return *value >= *floor ? CheckState::pass : CheckState::fail;
}

// The value with `decimals` digits, more where that would print a failing 299.96 as "300.00".
// std::to_chars prints exactly what printf("%.*f") and "%g" print, without printf's cost (every
// parcel of a province gets two of these).
std::string value_against(double value, double floor, int decimals) {
  char buf[400];
  std::string_view shown;
  for (int d = decimals; d <= 6; ++d) {
    auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, d);
    shown = std::string_view(buf, static_cast<size_t>(r.ptr - buf));
    double back = 0;
    std::from_chars(buf, r.ptr, back);
    if ((value < floor) == (back < floor)) break;
  }
  return std::string(shown);
}

std::string general(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 6);  // "%g"
  return std::string(buf, r.ptr);
}

std::string describe(CheckState s, const char* label, const std::optional<double>& value,
                     const std::optional<double>& floor, int decimals, const char* unit,
                     const char* missing_what) {
  switch (s) {
    case CheckState::pass:
      return std::string(label) + " " + value_against(*value, *floor, decimals) + " \xE2\x89\xA5 " +
             general(*floor) + unit;
    case CheckState::fail:
      return std::string(label) + " " + value_against(*value, *floor, decimals) + " < " +
             general(*floor) + unit;
    case CheckState::unknown:
      return std::string(label) + " unknown (" + missing_what + ")";
    case CheckState::not_applicable:
      return {};
  }
  return {};
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += "; ";
    out += p;
  }
  return out;
}

}  // namespace

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::compliant:
      return "compliant";
    case Verdict::below_far:
      return "below_far";
    case Verdict::below_inv:
      return "below_inv";
    case Verdict::below_both:
      return "below_both";
    case Verdict::exempt:
      return "exempt";
    case Verdict::unknown:
      return "unknown";
    case Verdict::not_industrial:
      return "not_industrial";
  }
  return "unknown";
}

std::optional<int> as_flag(CheckState s) {
  if (s == CheckState::pass) return 1;
  if (s == CheckState::fail) return 0;
  return std::nullopt;
}

Judgement judge_parcel(const Indicators& ind, const ParcelContext& ctx, const RuleSet& rules) {
  Judgement j;
  std::string where;
  if (ctx.in_park)
    where = std::string(ctx.park_level ? to_string(*ctx.park_level) : "unknown-level") + " park " +
            ctx.park_name;
  else
    where = "outside every park";
  const std::string context = " (" + where + ", " + rules.name + ")";

  if (!ctx.land_use || !ctx.scheme) {
    j.verdict = Verdict::unknown;
    j.reason = "land use unknown: cannot tell whether this is industrial land" + context;
    return j;
  }
  auto codes = rules.industrial_codes.find(*ctx.scheme);
  j.industrial =
      codes != rules.industrial_codes.end() && code_matches_prefixes(*ctx.land_use, codes->second);
  if (!j.industrial) {
    j.verdict = Verdict::not_industrial;
    j.reason = "land use " + *ctx.land_use + " is not industrial land (" +
               std::string(to_string(*ctx.scheme)) + ")" + context;
    return j;
  }

  const bool floors_apply = ctx.in_park || rules.applies_outside_parks;
  bool industry_unknown = false;
  if (floors_apply) {
    const LevelFloors* level = nullptr;
    if (ctx.park_level) {
      auto it = rules.level_floors.find(*ctx.park_level);
      if (it != rules.level_floors.end()) level = &it->second;
    }
    if (!rules.far_by_industry.empty()) {
      if (ctx.industry) j.far_min = far_min_for_industry(rules, *ctx.industry);
      industry_unknown = !j.far_min;
    } else if (level) {
      j.far_min = level->far_min;
    }
    j.inv_min = level && level->inv_min ? level->inv_min : rules.inv_min_any_park;
    j.cov_min = rules.coverage_min;
  }

  j.far = check(ind.far, j.far_min);
  if (industry_unknown) j.far = CheckState::unknown;
  if (!ctx.exempt_reason.empty() && rules.exemption_waives_far &&
      j.far != CheckState::not_applicable) {
    j.far_waived = true;
    j.far = CheckState::not_applicable;
  }
  j.inv = check(ind.inv_mu, j.inv_min);
  j.cov = check(ind.coverage, j.cov_min);

  const bool far_fail = j.far == CheckState::fail, inv_fail = j.inv == CheckState::fail;
  const bool any_unknown = j.far == CheckState::unknown || j.inv == CheckState::unknown;
  const bool nothing_applies =
      j.far == CheckState::not_applicable && j.inv == CheckState::not_applicable && !j.far_waived;
  if (far_fail && inv_fail)
    j.verdict = Verdict::below_both;
  else if (far_fail)
    j.verdict = Verdict::below_far;
  else if (inv_fail)
    j.verdict = Verdict::below_inv;
  else if (any_unknown || nothing_applies)
    j.verdict = Verdict::unknown;
  else if (j.far_waived)
    j.verdict = Verdict::exempt;
  else
    j.verdict = Verdict::compliant;

  std::string far_text =
      j.far_waived
          ? "FAR floor waived (special needs: " + ctx.exempt_reason + ")"
          : describe(j.far, "FAR", ind.far, j.far_min, 2, "",
                     industry_unknown ? "no industry code for the FAR table" : "no floor area");
  std::string inv_text = describe(j.inv, "investment", ind.inv_mu, j.inv_min, 1,
                                  " \xE4\xB8\x87\xE5\x85\x83/\xE4\xBA\xA9", "no investment");
  std::string cov_text =
      describe(j.cov, "coverage", ind.coverage, j.cov_min, 2, "", "no coverage data");
  if (nothing_applies) {
    j.reason = "no floor of " + rules.name + " applies" + context;
    return j;
  }
  std::vector<std::string> parts;
  if (far_fail || inv_fail) {
    // Lead with what failed; the rest is secondary.
    if (far_fail) parts.push_back(far_text);
    if (inv_fail) parts.push_back(inv_text);
    if (!far_fail) parts.push_back(far_text);
    if (!inv_fail) parts.push_back(inv_text);
  } else {
    parts = {far_text, inv_text};
  }
  parts.push_back(cov_text);
  j.reason = join(parts) + context;
  return j;
}

}  // namespace parkatlas
