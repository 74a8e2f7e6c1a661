// Low-efficiency tests of domain.md §4.3: FAR, investment, coverage, tax per mu, production status.
#include "core/low_efficiency.hpp"

#include <algorithm>
#include <cctype>

#include "core/field_value.hpp"
#include "core/text_format.hpp"

namespace parkatlas {

namespace {

std::string fixed(double v, int decimals) {
  return fixed_number(v, decimals == 1 ? 1 : 2);
}

std::string ascii_lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

std::vector<std::string> low_efficiency_reasons(const LowEfficiencyInputs& in,
                                                const LowEfficiencyRules& r) {
  std::vector<std::string> reasons;
  if (!r.enabled || !in.ind || !in.judgement || !in.judgement->industrial) return reasons;
  if (r.skip_under_construction && in.under_construction) return reasons;
  const Indicators& ind = *in.ind;
  const Judgement& j = *in.judgement;
  if (r.below_far && j.far == CheckState::fail && ind.far && j.far_min)
    reasons.push_back("FAR " + fixed(*ind.far, 2) + " < " + fixed(*j.far_min, 2));
  if (r.below_inv && j.inv == CheckState::fail && ind.inv_mu && j.inv_min)
    reasons.push_back("investment " + fixed(*ind.inv_mu, 1) + " < " + fixed(*j.inv_min, 1) +
                      " 万元/亩");
  if (r.coverage_min && ind.coverage && *ind.coverage < *r.coverage_min)
    reasons.push_back("coverage " + fixed(*ind.coverage * 100, 1) + "% < " +
                      fixed(*r.coverage_min * 100, 1) + "%");
  if (r.tax_min_mu && ind.tax_mu && *ind.tax_mu < *r.tax_min_mu)
    reasons.push_back("tax " + fixed(*ind.tax_mu, 2) + " < " + fixed(*r.tax_min_mu, 2) +
                      " 万元/亩");
  if (in.op_status) {
    const std::string status = trim(*in.op_status);
    const std::string lower = ascii_lower(status);
    for (const auto& v : r.out_of_production)
      if (!status.empty() && lower == ascii_lower(v)) {
        reasons.push_back("out of production (" + status + ")");
        break;
      }
  }
  return reasons;
}

std::string join_reasons(const std::vector<std::string>& reasons) {
  std::string s;
  for (const auto& r : reasons) {
    if (!s.empty()) s += "; ";
    s += r;
  }
  return s;
}

}  // namespace parkatlas
