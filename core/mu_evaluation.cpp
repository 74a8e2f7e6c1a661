// 亩均 grading: per-mu figures, benchmarks per jurisdiction, scores, percentile classes.
#include "core/mu_evaluation.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <string_view>
#include <utility>

namespace parkatlas {

namespace {

// The firm's jurisdiction as (prefix, name), views of its own strings: firms of a city whose county
// is unknown rank together as "(no county) " + city.
using Jurisdiction = std::pair<std::string_view, std::string_view>;
Jurisdiction jurisdiction_of(const FirmRecord& f, const std::string& level) {
  if (level == "county") {
    if (!f.county.empty()) return {{}, f.county};
    return {"(no county) ", f.city};
  }
  if (level == "city") return {{}, f.city};
  return {};
}

}  // namespace

std::vector<MuGrade> grade_firms(const std::vector<FirmRecord>& firms, const MuEvaluationRules& r) {
  std::vector<MuGrade> out(firms.size());
  std::map<Jurisdiction, std::vector<size_t>> groups;
  for (size_t i = 0; i < firms.size(); ++i) {
    const FirmRecord& f = firms[i];
    if (!(f.land_mu > 0)) continue;
    if (f.tax_wan) out[i].tax_mu = *f.tax_wan / f.land_mu;
    if (f.revenue_wan) out[i].revenue_mu = *f.revenue_wan / f.land_mu;
    if (out[i].tax_mu && out[i].revenue_mu && f.land_mu >= r.min_land_mu)
      groups[jurisdiction_of(f, r.jurisdiction)].push_back(i);
  }
  for (auto& [unit, members] : groups) {
    double tax_sum = 0, rev_sum = 0;
    for (size_t i : members) tax_sum += *out[i].tax_mu, rev_sum += *out[i].revenue_mu;
    const double n = static_cast<double>(members.size());
    const double tax_bench = r.benchmark_factor * tax_sum / n;
    const double rev_bench = r.benchmark_factor * rev_sum / n;
    auto ratio = [&r](double v, double bench) {
      if (bench <= 0) return 0.0;
      return std::clamp(v / bench, 0.0, r.ratio_cap);
    };
    for (size_t i : members)
      out[i].score = 100.0 * (r.weight_tax * ratio(*out[i].tax_mu, tax_bench) +
                              r.weight_revenue * ratio(*out[i].revenue_mu, rev_bench));
    // Best first; equal scores by name, so the grading never depends on input order.
    std::sort(members.begin(), members.end(), [&](size_t a, size_t b) {
      if (*out[a].score != *out[b].score) return *out[a].score > *out[b].score;
      return firms[a].enterprise < firms[b].enterprise;
    });
    for (size_t k = 0; k < members.size(); ++k) {
      MuGrade& g = out[members[k]];
      g.rank = static_cast<long>(k + 1);
      g.ranked = static_cast<long>(members.size());
      const double position = static_cast<double>(k) / n;  // share of firms ranked above
      size_t band = 0;
      while (band < 3 && position >= r.class_cuts[band]) ++band;
      g.grade = static_cast<char>('A' + band);
    }
  }
  return out;
}

}  // namespace parkatlas
