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

// Appends the value with `decimals` digits, more where that would print a failing 299.96 as
// "300.00". std::to_chars prints exactly what printf("%.*f") and "%g" print, without printf's cost
// (every parcel of a province gets two of these).
void append_value_against(std::string& out, double value, double floor, int decimals) {
  char buf[400];
  std::string_view shown;
  for (int d = decimals; d <= 6; ++d) {
    auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, d);
    shown = std::string_view(buf, static_cast<size_t>(r.ptr - buf));
    double back = 0;
    std::from_chars(buf, r.ptr, back);
    if ((value < floor) == (back < floor)) break;
  }
  out += shown;
}

void append_general(std::string& out, double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 6);  // "%g"
  out.append(buf, r.ptr);
}

// Appends one check in words ("FAR 0.84 < 1.2"); nothing when no floor applies.
void append_check(std::string& out, CheckState s, std::string_view label,
                  const std::optional<double>& value, const std::optional<double>& floor,
                  int decimals, std::string_view unit, std::string_view missing_what) {
  if (s == CheckState::not_applicable) return;
  out += label;
  if (s == CheckState::unknown) {
    out += " unknown (";
    out += missing_what;
    out += ')';
    return;
  }
  out += ' ';
  append_value_against(out, *value, *floor, decimals);
  out += s == CheckState::pass ? " \xE2\x89\xA5 " : " < ";
  append_general(out, *floor);
  out += unit;
}

// Appends " (national park 南昌经济技术开发区, jiangxi-2014)".
void append_context(std::string& out, const ParcelContext& ctx, const RuleSet& rules) {
  out += " (";
  if (ctx.in_park) {
    out += ctx.park_level ? to_string(*ctx.park_level) : "unknown-level";
    out += " park ";
    out += ctx.park_name;
  } else {
    out += "outside every park";
  }
  out += ", ";
  out += rules.name;
  out += ')';
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

namespace {

// The verdict into `j`, its reason into `reason`.
void judge_into(const Indicators& ind, const ParcelContext& ctx, const RuleSet& rules, Judgement& j,
                std::string& reason) {
  if (!ctx.land_use || !ctx.scheme) {
    j.verdict = Verdict::unknown;
    reason += "land use unknown: cannot tell whether this is industrial land";
    append_context(reason, ctx, rules);
    return;
  }
  auto codes = rules.industrial_codes.find(*ctx.scheme);
  j.industrial =
      codes != rules.industrial_codes.end() && code_matches_prefixes(*ctx.land_use, codes->second);
  if (!j.industrial) {
    j.verdict = Verdict::not_industrial;
    reason += "land use ";
    reason += *ctx.land_use;
    reason += " is not industrial land (";
    reason += to_string(*ctx.scheme);
    reason += ')';
    append_context(reason, ctx, rules);
    return;
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

  if (nothing_applies) {
    reason += "no floor of ";
    reason += rules.name;
    reason += " applies";
    append_context(reason, ctx, rules);
    return;
  }
  // The checks joined by "; ", a check with nothing to say left out.
  auto part = [&reason](auto&& write) {
    const size_t mark = reason.size();
    if (mark > 0) reason += "; ";
    const size_t body = reason.size();
    write();
    if (reason.size() == body) reason.resize(mark);
  };
  auto far_part = [&] {
    if (j.far_waived) {
      reason += "FAR floor waived (special needs: ";
      reason += ctx.exempt_reason;
      reason += ')';
    } else {
      append_check(reason, j.far, "FAR", ind.far, j.far_min, 2, "",
                   industry_unknown ? "no industry code for the FAR table" : "no floor area");
    }
  };
  auto inv_part = [&] {
    append_check(reason, j.inv, "investment", ind.inv_mu, j.inv_min, 1,
                 " \xE4\xB8\x87\xE5\x85\x83/\xE4\xBA\xA9", "no investment");
  };
  // Lead with what failed; the rest is secondary.
  if (far_fail) part(far_part);
  if (inv_fail) part(inv_part);
  if (!far_fail) part(far_part);
  if (!inv_fail) part(inv_part);
  part([&] {
    append_check(reason, j.cov, "coverage", ind.coverage, j.cov_min, 2, "", "no coverage data");
  });
  append_context(reason, ctx, rules);
}

}  // namespace

Judgement judge_parcel(const Indicators& ind, const ParcelContext& ctx, const RuleSet& rules) {
  // The reason is written into room for a long one, then copied to a string of its own length: a
  // province keeps a million of them, and 128 bytes each were 0.15 GB of fresh pages.
  std::string reason;
  reason.reserve(128);
  Judgement j;
  judge_into(ind, ctx, rules, j, reason);
  j.reason.assign(reason);
  return j;
}

}  // namespace parkatlas
