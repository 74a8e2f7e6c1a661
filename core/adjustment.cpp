// Release candidates far from a park's core.
#include "core/adjustment.hpp"

#include <algorithm>
#include <cmath>

namespace parkatlas {

AdjustmentResult release_candidates(const std::vector<AdjustmentParcel>& parcels,
                                    double quantile) {
  AdjustmentResult r;
  double weight = 0;
  for (const auto& p : parcels) {
    r.core_x += p.x * p.land_mu;
    r.core_y += p.y * p.land_mu;
    weight += p.land_mu;
  }
  if (!(weight > 0)) return r;
  r.core_x /= weight;
  r.core_y /= weight;
  std::vector<double> distances;
  for (const auto& p : parcels) distances.push_back(std::hypot(p.x - r.core_x, p.y - r.core_y));
  std::vector<double> sorted = distances;
  std::sort(sorted.begin(), sorted.end());
  // The quantile by the nearest-rank method: the smallest distance with at least q of the
  // parcels at or below it.
  const double q = std::clamp(quantile, 0.0, 1.0);
  const size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  r.threshold_m = sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
  for (size_t i = 0; i < parcels.size(); ++i)
    if (parcels[i].releasable && distances[i] > r.threshold_m) {
      r.candidates.push_back({i, distances[i]});
      r.released_mu += parcels[i].land_mu;
    }
  std::sort(r.candidates.begin(), r.candidates.end(),
            [](const ReleaseCandidate& a, const ReleaseCandidate& b) {
              return a.distance_m > b.distance_m;
            });
  return r;
}

}  // namespace parkatlas
