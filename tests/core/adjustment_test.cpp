// Release candidates (调出) on a hand-made row of parcels.
#include <gtest/gtest.h>

#include "core/adjustment.hpp"

using namespace parkatlas;

TEST(Adjustment, FarIdleParcelsAreCandidates) {
  // Eight 10-亩 parcels on the x axis at 0, 100, …, 700: the core is their mean, x = 350.
  // Distances 350, 250, 150, 50, 50, 150, 250, 350; the 75th percentile by nearest rank is the
  // 6th smallest of 50, 50, 150, 150, 250, 250, 350, 350 = 250. Beyond it: the two at 350 m.
  std::vector<AdjustmentParcel> p;
  for (int k = 0; k < 8; ++k) p.push_back({100.0 * k, 0, 10, false});
  p[0].releasable = true;  // 350 m out: a candidate
  p[6].releasable = true;  // 250 m: not beyond the threshold
  p[3].releasable = true;  // 50 m: at the core
  const AdjustmentResult r = release_candidates(p);
  EXPECT_DOUBLE_EQ(r.core_x, 350);
  EXPECT_DOUBLE_EQ(r.core_y, 0);
  EXPECT_DOUBLE_EQ(r.threshold_m, 250);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(r.candidates[0].index, 0u);
  EXPECT_DOUBLE_EQ(r.candidates[0].distance_m, 350);
  EXPECT_DOUBLE_EQ(r.released_mu, 10);
  // Releasable at the far east end too: farthest first, ties in input order.
  p[7].releasable = true;
  const AdjustmentResult r2 = release_candidates(p);
  ASSERT_EQ(r2.candidates.size(), 2u);
  EXPECT_DOUBLE_EQ(r2.released_mu, 20);
}

TEST(Adjustment, TheCoreFollowsTheLand) {
  // A 90-亩 parcel at x = 0 and a 10-亩 one at x = 1,000: the core is at 100.
  const AdjustmentResult r = release_candidates({{0, 0, 90, false}, {1000, 0, 10, true}}, 0.5);
  EXPECT_DOUBLE_EQ(r.core_x, 100);
  // Distances 100 and 900; the median by nearest rank is 100: the small far parcel is released.
  EXPECT_DOUBLE_EQ(r.threshold_m, 100);
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_DOUBLE_EQ(r.candidates[0].distance_m, 900);
  EXPECT_TRUE(release_candidates({}).candidates.empty());
}
