// The idle-land decision of domain.md §2.5 (53号令 第二条, 第八条, 第十二条, 第十四条).
#include "core/idle_land.hpp"

namespace parkatlas {

std::string_view to_string(IdleClass c) {
  switch (c) {
    case IdleClass::none:
      return "none";
    case IdleClass::unsupplied:
      return "unsupplied";
    case IdleClass::pending:
      return "pending";
    case IdleClass::overdue:
      return "overdue";
    case IdleClass::idle:
      return "idle";
    case IdleClass::idle_2y:
      return "idle_2y";
    case IdleClass::halted_idle:
      return "halted_idle";
    case IdleClass::gov_delay:
      return "gov_delay";
    case IdleClass::low_eff:
      return "low_eff";
  }
  return "none";
}

namespace {

// Started, then halted with too little done (第二条 second paragraph); unknown shares never count.
bool halted_with_little_done(const IdleInputs& in, const IdleRules& r) {
  bool little = false;
  if (in.developed && in.developed_required && *in.developed_required > 0)
    little |= *in.developed / *in.developed_required < r.developed_share_min;
  if (in.invest_done && in.invest_total && *in.invest_total > 0)
    little |= *in.invest_done / *in.invest_total < r.invested_share_min;
  return little;
}

}  // namespace

IdleResult classify_idle(const IdleInputs& in, const CivilDate& as_of, const IdleRules& r) {
  IdleResult out;
  if (!in.supplied) {
    if (in.approved && *in.approved <= as_of) {
      out.cls = IdleClass::unsupplied;
      out.basis = "approved but not supplied (批而未供)";
    }
    return out;
  }
  const bool gov = !in.gov_cause.empty();
  if (!in.started) {
    if (!in.start_due) return out;  // no agreed start date: nothing to measure against
    if (as_of < *in.start_due) {
      out.cls = IdleClass::pending;
      out.becomes_idle = add_years(*in.start_due, r.idle_years);
      out.warning = days_between(as_of, *out.becomes_idle) <= r.warning_days;
      out.basis = "before the agreed start date " + to_iso(*in.start_due);
      return out;
    }
    const int years = whole_years_between(*in.start_due, as_of);
    out.idle_days = days_between(*in.start_due, as_of);
    if (years < r.idle_years) {
      out.cls = IdleClass::overdue;
      out.becomes_idle = add_years(*in.start_due, r.idle_years);
      out.warning = days_between(as_of, *out.becomes_idle) <= r.warning_days;
      out.basis = "past the agreed start date " + to_iso(*in.start_due) + " by less than " +
                  std::to_string(r.idle_years) + " year(s); idle on " + to_iso(*out.becomes_idle);
      return out;
    }
    if (gov) {
      out.cls = IdleClass::gov_delay;
      out.fee = 0.0;
      out.basis = "not started " + std::to_string(years) + " year(s) after " +
                  to_iso(*in.start_due) + ", government cause (" + in.gov_cause +
                  "): 53号令 第八条, 第十二条 (extend, adjust use, temporary use, recover with "
                  "compensation, swap); no fee";
      return out;
    }
    if (years >= r.recover_years) {
      out.cls = IdleClass::idle_2y;
      out.basis =
          "not started " + std::to_string(years) + " year(s) after " + to_iso(*in.start_due) +
          ": 53号令 第十四条(二), recovery without compensation (无偿收回) subject to approval";
      return out;
    }
    out.cls = IdleClass::idle;
    if (in.land_price) out.fee = r.fee_share * *in.land_price;
    out.basis = "not started " + std::to_string(years) + " year(s) after " + to_iso(*in.start_due) +
                ": 53号令 第二条, 第十四条(一), idle fee of " +
                std::to_string(static_cast<int>(r.fee_share * 100 + 0.5)) + " % of the land price";
    return out;
  }
  if (in.halted && halted_with_little_done(in, r) &&
      whole_years_between(*in.halted, as_of) >= r.halted_years) {
    out.idle_days = days_between(*in.halted, as_of);
    if (gov) {
      out.cls = IdleClass::gov_delay;
      out.fee = 0.0;
      out.basis = "halted since " + to_iso(*in.halted) + ", government cause (" + in.gov_cause +
                  "): 53号令 第八条, 第十二条; no fee";
      return out;
    }
    out.cls = IdleClass::halted_idle;
    if (in.land_price) out.fee = r.fee_share * *in.land_price;
    out.basis = "started, halted since " + to_iso(*in.halted) +
                " with under a third developed or a quarter invested: 53号令 第二条, 第十四条(一)";
  }
  return out;
}

}  // namespace parkatlas
