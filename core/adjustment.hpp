// 调区 (park adjustment, issue 6 §3): a park's idle and low-efficiency parcels far from its core
// are candidates to release (调出). The core is the area-weighted centre of the park's parcels;
// "far" is beyond the given quantile (default the 75th percentile) of its parcels' distances from
// that centre. Pure geometry on centroids; the gis layer supplies them.
#pragma once
#include <string>
#include <vector>

namespace parkatlas {

struct AdjustmentParcel {
  double x = 0, y = 0;  // centroid, measuring CRS metres
  double land_mu = 0;
  bool releasable = false;  // idle (闲置) or low efficiency (低效)
};

struct ReleaseCandidate {
  size_t index = 0;  // into the input
  double distance_m = 0;
};

struct AdjustmentResult {
  double core_x = 0, core_y = 0, threshold_m = 0;
  std::vector<ReleaseCandidate> candidates;  // farthest first
  double released_mu = 0;                    // Σ land of the candidates
};

AdjustmentResult release_candidates(const std::vector<AdjustmentParcel>& parcels,
                                    double quantile = 0.75);

}  // namespace parkatlas
