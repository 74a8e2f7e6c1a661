// Random test polygons for comparing the shortcuts past GEOS (quick_placement, convex_overlap)
// with GEOS itself.
#pragma once
#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace parkatlas::test {

// A random polygon as WKT around (cx, cy): a convex quadrilateral or triangle, or a star-shaped
// (often non-convex) ring of up to 8 vertices. Vertices are snapped to a grid of `grid` metres
// (touching edges and shared vertices are then common), or kept as computed when `grid` is 0;
// written with 17 significant digits, so the polygon GEOS reads is the one computed.
inline std::string random_ring(std::mt19937& rng, double cx, double cy, double radius, bool convex,
                               double grid = 0.5) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> count(3, convex ? 4 : 8);
  const int n = count(rng);
  std::vector<double> angles;
  for (int i = 0; i < n; ++i) angles.push_back(unit(rng) * 2 * M_PI);
  std::sort(angles.begin(), angles.end());
  auto snap = [grid](double v) { return grid > 0 ? std::round(v / grid) * grid : v; };
  std::ostringstream wkt;
  wkt.precision(17);
  wkt << "POLYGON((";
  std::string first;
  for (int i = 0; i < n; ++i) {
    const double r = convex ? radius : radius * (0.3 + 0.7 * unit(rng));
    std::ostringstream p;
    p.precision(17);
    p << snap(cx + r * std::cos(angles[i])) << " " << snap(cy + r * std::sin(angles[i]));
    if (i == 0) first = p.str();
    wkt << p.str() << ",";
  }
  wkt << first << "))";
  return wkt.str();
}

}  // namespace parkatlas::test
