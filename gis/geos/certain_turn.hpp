// The sign of a turn, decided only where floating-point rounding cannot have changed it: the
// building block of the exact shortcuts past GEOS (quick_validity, quick_placement).
#pragma once
#include <cmath>
#include <cstddef>
#include <limits>

namespace parkatlas {

struct XY {
  double x, y;
};

// Sign of the turn a→b→c: +1 left, -1 right, 0 when rounding could have decided the sign
// (collinear or too close to it to tell). Shewchuk, "Adaptive Precision Floating-Point
// Arithmetic and Fast Robust Geometric Predicates" (1997), orient2d's first filter.
inline int certain_turn(const XY& a, const XY& b, const XY& c) {
  constexpr double eps = std::numeric_limits<double>::epsilon() / 2;  // 2^-53
  constexpr double bound = (3.0 + 16.0 * eps) * eps;
  const double left = (a.x - c.x) * (b.y - c.y);
  const double right = (a.y - c.y) * (b.x - c.x);
  const double det = left - right;
  const double sum = std::fabs(left) + std::fabs(right);
  if (det > bound * sum) return 1;
  if (-det > bound * sum) return -1;
  return 0;
}

// The sign every turn of the closed ring ring[0] … ring[n] shares (ring[n] repeats ring[0]), each
// turn certain; 0 when the ring is not closed, has fewer than 3 vertices, a turn is in doubt
// (a repeated vertex, a spike) or it turns both ways.
inline int uniform_turn_sign(const XY* ring, std::size_t n) {
  if (n < 3 || ring[0].x != ring[n].x || ring[0].y != ring[n].y) return 0;
  int sign = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const int turn = certain_turn(ring[i], ring[(i + 1) % n], ring[(i + 2) % n]);
    if (turn == 0 || (sign != 0 && turn != sign)) return 0;
    sign = turn;
  }
  return sign;
}

}  // namespace parkatlas
