// Expansion proposals: a collar around the park, minus constraints, widened by bisection on its
// reach until its area meets the demand.
#include "gis/analysis/expansion.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include "core/units.hpp"

namespace parkatlas {

namespace {

constexpr double kPi = 3.14159265358979323846;

GeomPtr collection_of(const GeosContext& geos, const std::vector<const GEOSGeometry*>& parts) {
  GEOSContextHandle_t h = geos.handle();
  std::vector<GEOSGeometry*> clones;
  for (const GEOSGeometry* g : parts)
    if (g) clones.push_back(GEOSGeom_clone_r(h, g));
  return make_geom(geos, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, clones.data(),
                                                     static_cast<unsigned>(clones.size())));
}

// The free land within `reach` of the park: (buffer(park, reach) − park) − blocked, reduced to its
// largest polygon that touches the park.
GeomPtr collar(const GeosContext& geos, const GEOSGeometry* park, const GEOSGeometry* blocked,
               const GEOSGeometry* park_edge, double reach) {
  GEOSContextHandle_t h = geos.handle();
  GeomPtr grown = make_geom(geos, GEOSBuffer_r(h, park, reach, 8));
  if (!grown) return nullptr;
  GeomPtr ring = make_geom(geos, GEOSDifference_r(h, grown.get(), park));
  if (!ring) return nullptr;
  GeomPtr free_land = blocked ? make_geom(geos, GEOSDifference_r(h, ring.get(), blocked))
                              : std::move(ring);
  if (!free_land) return nullptr;
  GeomPtr best;
  double best_area = 0;
  const int n = GEOSGetNumGeometries_r(h, free_land.get());
  for (int k = 0; k < n; ++k) {
    const GEOSGeometry* part = GEOSGetGeometryN_r(h, free_land.get(), k);
    if (GEOSGeomTypeId_r(h, part) != GEOS_POLYGON) continue;
    if (GEOSIntersects_r(h, part, park_edge) != 1) continue;  // must touch the park
    double a = 0;
    GEOSArea_r(h, part, &a);
    if (a > best_area) best_area = a, best = make_geom(geos, GEOSGeom_clone_r(h, part));
  }
  return best;
}

double area_of(const GeosContext& geos, const GEOSGeometry* g) {
  double a = 0;
  if (g) GEOSArea_r(geos.handle(), g, &a);
  return a;
}

}  // namespace

ExpansionProposal propose_expansion(const GeosContext& geos, const GEOSGeometry* park,
                                    const std::vector<ConstraintPiece>& constraints,
                                    const ExpansionRequest& request) {
  GEOSContextHandle_t h = geos.handle();
  ExpansionProposal out;
  out.park_id = request.park_id;
  out.demand_mu = request.demand_mu;
  const double target_m2 = mu_to_m2(request.demand_mu);
  if (!park || target_m2 <= 0) return out;
  // Everything the park may not grow into, kept `setback_m` away.
  std::vector<const GEOSGeometry*> parts;
  for (const auto& c : constraints) parts.push_back(c.geom);
  GeomPtr blocked;
  if (!parts.empty()) {
    GeomPtr all = collection_of(geos, parts);
    GeomPtr merged = make_geom(geos, GEOSUnaryUnion_r(h, all.get()));
    blocked = request.setback_m > 0
                  ? make_geom(geos, GEOSBuffer_r(h, merged.get(), request.setback_m, 4))
                  : std::move(merged);
  }
  // The park's edge, slightly widened: a collar part "touches" the park when it meets this.
  GeomPtr boundary = make_geom(geos, GEOSBoundary_r(h, park));
  GeomPtr edge = make_geom(geos, GEOSBuffer_r(h, boundary.get(), 0.05, 2));
  auto area_at = [&](double reach, GeomPtr* shape) {
    GeomPtr c = collar(geos, park, blocked.get(), edge.get(), reach);
    const double a = area_of(geos, c.get());
    if (shape) *shape = std::move(c);
    return a;
  };
  // Exponential search for a reach that is enough, then bisection to within 1 % of the demand.
  double lo = 0, hi = 25;
  GeomPtr shape;
  double a = area_at(hi, &shape);
  while (a < target_m2 && hi < request.search_m) {
    lo = hi;
    hi = std::min(hi * 2, request.search_m);
    a = area_at(hi, &shape);
  }
  if (a >= target_m2) {
    for (int k = 0; k < 40 && std::abs(a - target_m2) > 0.01 * target_m2; ++k) {
      const double mid = (lo + hi) / 2;
      GeomPtr s;
      const double am = area_at(mid, &s);
      if (am >= target_m2) {
        hi = mid, a = am, shape = std::move(s);
      } else {
        lo = mid;
      }
    }
  }
  out.reach_m = hi;
  if (!shape) return out;
  out.area_mu = m2_to_mu(a);
  out.demand_met = std::abs(a - target_m2) <= 0.05 * target_m2;
  double perimeter = 0;
  GEOSLength_r(h, shape.get(), &perimeter);
  out.compactness = perimeter > 0 ? 4 * kPi * a / (perimeter * perimeter) : 0;
  GeomPtr outline = make_geom(geos, GEOSBoundary_r(h, shape.get()));
  GeomPtr shared = make_geom(geos, GEOSIntersection_r(h, outline.get(), edge.get()));
  double shared_len = 0;
  if (shared) GEOSLength_r(h, shared.get(), &shared_len);
  out.shared_boundary = perimeter > 0 ? std::min(1.0, shared_len / perimeter) : 0;
  // What the constraints took within the final reach, per kind.
  GeomPtr grown = make_geom(geos, GEOSBuffer_r(h, park, out.reach_m, 8));
  GeomPtr ring = make_geom(geos, GEOSDifference_r(h, grown.get(), park));
  std::map<std::string, double> by_kind;
  for (const auto& c : constraints) {
    GeomPtr cut = make_geom(geos, GEOSIntersection_r(h, ring.get(), c.geom));
    by_kind[c.kind] += area_of(geos, cut.get());
  }
  for (const auto& [kind, m2] : by_kind) {
    if (m2 <= 0) continue;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s%s %.1f 亩", out.excluded.empty() ? "" : "; ", kind.c_str(),
                  m2_to_mu(m2));
    out.excluded += buf;
  }
  out.geom = std::move(shape);
  return out;
}

}  // namespace parkatlas
