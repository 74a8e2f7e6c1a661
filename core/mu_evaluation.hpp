// 亩均效益评价 (domain.md §5): per enterprise 亩均税收 and 亩均营收, a weighted score against
// benchmarks, and A/B/C/D classes by rank percentile within a jurisdiction. The method is
// configurable in the rule set ([mu_evaluation]); the defaults follow 淮安 2024 (benchmark ≈ 2 ×
// the jurisdiction's mean, A top 20 %, B to 60 %, C to 95 %, D the rest), with 亩均税收 and
// 亩均营收 as the two indicators the data model carries (their weights 55:45, in the proportion
// of 淮安's 45:35).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/cluster_stats.hpp"

namespace parkatlas {

struct MuEvaluationRules {
  bool enabled = false;
  std::string jurisdiction = "county";  // county, city or province: where firms are ranked
  double benchmark_factor = 2.0;        // benchmark = factor × mean over the jurisdiction's firms
  double weight_tax = 0.55, weight_revenue = 0.45;
  double ratio_cap = 2.0;  // an indicator counts at most cap × benchmark
  std::array<double, 3> class_cuts{0.20, 0.60, 0.95};  // upper rank shares of A, B, C
  double min_land_mu = 0;  // smaller firms are not graded (Zhejiang grades from 5 亩)
};

struct MuGrade {
  std::optional<double> tax_mu, revenue_mu;  // 万元/亩
  std::optional<double> score;               // 0–100 × cap; 100 = at both benchmarks
  char grade = 0;                            // 'A' … 'D'; 0 = not graded
  long rank = 0, ranked = 0;                 // position and number of firms ranked together
};

// One grade per firm, in the order given. A firm is graded when it has land (at least
// min_land_mu) and
// both tax and revenue are known; others keep their per-mu figures and grade 0.
std::vector<MuGrade> grade_firms(const std::vector<FirmRecord>& firms, const MuEvaluationRules& r);

}  // namespace parkatlas
