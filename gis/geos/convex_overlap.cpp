// Clipping a small convex polygon by a convex ring, in coordinates relative to the footprint.
#include "gis/geos/convex_overlap.hpp"

#include <cmath>
#include <vector>

namespace parkatlas {

namespace {

double cross(const XY& a, const XY& b, const XY& q) {
  return (b.x - a.x) * (q.y - a.y) - (b.y - a.y) * (q.x - a.x);
}

// Twice the signed area of the ring p[0] … p[n-1] (not closed).
double twice_area(const std::vector<XY>& p) {
  double sum = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    const XY& a = p[i];
    const XY& b = p[(i + 1) % p.size()];
    sum += a.x * b.y - b.x * a.y;
  }
  return sum;
}

}  // namespace

std::optional<ConvexOverlap> convex_overlap(const SmallConvexPolygon& building,
                                            const PolygonalShells& parcel) {
  if (!parcel.usable || parcel.convex_sign == 0 || building.n < 3) return std::nullopt;
  // Relative to the footprint's first vertex: the footprint's own coordinates then lose nothing
  // (close doubles subtract exactly), and the products below stay small.
  const XY origin = building.v[0];
  const auto relative = [&origin](const XY& p) { return XY{p.x - origin.x, p.y - origin.y}; };
  thread_local std::vector<XY> piece, clipped;
  piece.clear();
  for (int k = 0; k < building.n; ++k)
    piece.push_back(relative(building.v[static_cast<size_t>(k)]));
  const std::vector<XY>& ring = parcel.coords;  // closed: the last vertex repeats the first
  const double sign = parcel.convex_sign;
  bool whole = true;
  for (size_t j = 0; j + 1 < ring.size() && !piece.empty(); ++j) {
    const XY a = relative(ring[j]), b = relative(ring[j + 1]);
    // Keeps the part of `piece` on the parcel's side of the line a→b (side >= 0).
    clipped.clear();
    for (size_t k = 0; k < piece.size(); ++k) {
      const XY& p = piece[k];
      const XY& q = piece[(k + 1) % piece.size()];
      const double dp = sign * cross(a, b, p), dq = sign * cross(a, b, q);
      if (dp >= 0) clipped.push_back(p);
      if ((dp >= 0) != (dq >= 0)) {
        const double t = dp / (dp - dq);
        clipped.push_back({p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)});
      }
      if (dp < 0) whole = false;
    }
    piece.swap(clipped);
  }
  const double area = piece.size() < 3 ? 0.0 : std::fabs(twice_area(piece)) / 2;
  if (!whole && area <= kDoubtfulOverlapM2) return std::nullopt;
  return ConvexOverlap{whole, area};
}

}  // namespace parkatlas
