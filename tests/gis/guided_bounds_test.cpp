// How a layer is cut into slices for threads that take the next one as they come free: the pieces
// cover the range once, in order, and shrink towards the end; one piece a thread stays equal.
#include <gtest/gtest.h>

#include "gis/parallel.hpp"

using namespace parkatlas;

TEST(GuidedBounds, OneEqualPieceAThreadWhenAskedForOne) {
  // 10 items over 2 threads: 10·1/2 = 5, so [3, 8) and [8, 13).
  EXPECT_EQ(guided_bounds(3, 13, 2, 1), (std::vector<long long>{3, 8, 13}));
  // More threads than items: no empty piece.
  EXPECT_EQ(guided_bounds(0, 2, 4, 1), (std::vector<long long>{0, 1, 2}));
}

TEST(GuidedBounds, PiecesShrinkByHandOnASmallRange) {
  // 100 items, 2 threads, 5 a thread: each piece is max(100 / (2·2·5) = 5, left / 4).
  // left 100 → 25; 75 → 18; 57 → 14; 43 → 10; 33 → 8; 25 → 6; 19 → 5 (4 < 5); 14 → 5; 9 → 5;
  // 4 → the 4 that are left.
  EXPECT_EQ(guided_bounds(0, 100, 2, 5),
            (std::vector<long long>{0, 25, 43, 57, 67, 75, 81, 86, 91, 96, 100}));
}

TEST(GuidedBounds, CoverEveryItemOnceForManyShapes) {
  for (long long first : {0LL, 1LL, 977LL})
    for (long long n : {0LL, 1LL, 7LL, 48LL, 1000LL, 2900296LL})
      for (int threads : {1, 2, 3, 8})
        for (int per_thread : {1, 4, 12}) {
          const auto b = guided_bounds(first, first + n, threads, per_thread);
          ASSERT_GE(b.size(), 2u);
          EXPECT_EQ(b.front(), first);
          EXPECT_EQ(b.back(), first + n);
          for (size_t k = 1; k < b.size() && n > 0; ++k)
            EXPECT_LT(b[k - 1], b[k]) << n << " " << threads << " " << per_thread;
          if (per_thread > 1 && n >= 1000) {
            // Never more than about threads · per_thread · 2 pieces; the last short.
            EXPECT_LE(b.size() - 1,
                      static_cast<size_t>(2 * threads * per_thread + 2 * threads * 4));
            EXPECT_LE(b[b.size() - 1] - b[b.size() - 2], (b[1] - b[0]));
          }
        }
}
