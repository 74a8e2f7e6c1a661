// Expansion proposals: from eight seeds on the park's boundary, a disc minus the park and the
// constraints, widened by bisection on its radius until its area meets the demand; the most
// compact alternative that meets it wins.
#include "gis/analysis/expansion.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/adjustment.hpp"
#include "core/park_evaluation.hpp"
#include "core/park_rollup.hpp"
#include "core/rule_set.hpp"
#include "core/units.hpp"
#include "gis/analysis/cluster_analysis.hpp"
#include "gis/analysis/parcel_evaluation.hpp"
#include "gis/analysis/project_inputs.hpp"
#include "gis/config/project_config.hpp"
#include "gis/gis_error.hpp"

namespace parkatlas {

namespace {

constexpr double kPi = 3.14159265358979323846;

// The free land within `reach` of `seed`: (buffer(seed, reach) − park) − blocked, reduced to its
// largest polygon that touches the park.
GeomPtr collar(const GeosContext& geos, const GEOSGeometry* park, const GEOSGeometry* blocked,
               const GEOSGeometry* park_edge, const GEOSGeometry* seed, double reach) {
  GEOSContextHandle_t h = geos.handle();
  GeomPtr grown = make_geom(geos, GEOSBuffer_r(h, seed, reach, 8));
  if (!grown) return nullptr;
  GeomPtr ring = make_geom(geos, GEOSDifference_r(h, grown.get(), park));
  if (!ring) return nullptr;
  GeomPtr free_land =
      blocked ? make_geom(geos, GEOSDifference_r(h, ring.get(), blocked)) : std::move(ring);
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

// Eight seeds on the park's boundary, one per compass direction: the vertex reaching farthest
// that way. Growing a disc from each gives compact alternatives on different sides.
std::vector<GeomPtr> boundary_seeds(const GeosContext& geos, const GEOSGeometry* park) {
  GEOSContextHandle_t h = geos.handle();
  GeomPtr boundary = make_geom(geos, GEOSBoundary_r(h, park));
  double length = 0;
  GEOSLength_r(h, boundary.get(), &length);
  // Points every 1/256 of the outline, so a seed can sit in the middle of a straight side.
  GeomPtr outline = make_geom(geos, GEOSDensify_r(h, boundary.get(), std::max(length / 256, 1.0)));
  if (!outline) outline = std::move(boundary);
  std::vector<std::pair<double, double>> pts;
  const int n = GEOSGetNumGeometries_r(h, outline.get());
  for (int k = 0; k < n; ++k) {
    const GEOSGeometry* line = GEOSGetGeometryN_r(h, outline.get(), k);
    const GEOSCoordSequence* cs = GEOSGeom_getCoordSeq_r(h, line);
    unsigned size = 0;
    if (!cs || !GEOSCoordSeq_getSize_r(h, cs, &size)) continue;
    for (unsigned i = 0; i < size; ++i) {
      double x = 0, y = 0;
      GEOSCoordSeq_getXY_r(h, cs, i, &x, &y);
      pts.emplace_back(x, y);
    }
  }
  std::vector<GeomPtr> seeds;
  for (int d = 0; d < 8 && !pts.empty(); ++d) {
    const double ux = std::cos(d * kPi / 4), uy = std::sin(d * kPi / 4);
    double reach = -1e300;
    for (const auto& p : pts) reach = std::max(reach, p.first * ux + p.second * uy);
    // Of the points reaching farthest (a whole straight side may), the middle one.
    std::vector<std::pair<double, double>> ties;
    for (const auto& p : pts)
      if (p.first * ux + p.second * uy >= reach - 1e-6 * std::max(1.0, length)) ties.push_back(p);
    std::sort(ties.begin(), ties.end(), [&](const auto& a, const auto& b) {
      return a.first * -uy + a.second * ux < b.first * -uy + b.second * ux;  // along the side
    });
    const auto& best = ties[ties.size() / 2];
    seeds.push_back(make_geom(geos, GEOSGeom_createPointFromXY_r(h, best.first, best.second)));
  }
  return seeds;
}

double area_of(const GeosContext& geos, const GEOSGeometry* g) {
  double a = 0;
  if (g) GEOSArea_r(geos.handle(), g, &a);
  return a;
}

}  // namespace

std::vector<ExpansionProposal> propose_expansions(const GeosContext& geos, const GEOSGeometry* park,
                                                  const std::vector<ConstraintPiece>& constraints,
                                                  const ExpansionRequest& request,
                                                  int alternatives) {
  GEOSContextHandle_t h = geos.handle();
  std::vector<ExpansionProposal> found;
  const double target_m2 = mu_to_m2(request.demand_mu);
  if (!park || target_m2 <= 0) return found;
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
  // From each boundary seed, a disc of growing reach minus the park and the blocked land; the
  // reach is found by doubling, then bisection to within 1 % of the demand. The alternative that
  // meets the demand with the most compact shape wins.
  struct Grown {
    GeomPtr shape;
    const GEOSGeometry* seed = nullptr;
    double area = 0, reach = 0, compactness = 0;
  };
  auto grow_from = [&](const GEOSGeometry* seed) {
    auto area_at = [&](double reach, GeomPtr* shape) {
      GeomPtr c = collar(geos, park, blocked.get(), edge.get(), seed, reach);
      const double a = area_of(geos, c.get());
      if (shape) *shape = std::move(c);
      return a;
    };
    double lo = 0, hi = 25;
    Grown g;
    g.seed = seed;
    double a = area_at(hi, &g.shape);
    while (a < target_m2 && hi < request.search_m) {
      lo = hi;
      hi = std::min(hi * 2, request.search_m);
      a = area_at(hi, &g.shape);
    }
    if (a >= target_m2) {
      for (int k = 0; k < 40 && std::abs(a - target_m2) > 0.01 * target_m2; ++k) {
        const double mid = (lo + hi) / 2;
        GeomPtr s;
        const double am = area_at(mid, &s);
        if (am >= target_m2) {
          hi = mid, a = am, g.shape = std::move(s);
        } else {
          lo = mid;
        }
      }
    }
    g.area = a;
    g.reach = hi;
    double perimeter = 0;
    if (g.shape) GEOSLength_r(h, g.shape.get(), &perimeter);
    g.compactness = perimeter > 0 ? 4 * kPi * a / (perimeter * perimeter) : 0;
    return g;
  };
  // Every seed's result, best first: meeting the demand first; then compactness; short of it,
  // the most land.
  std::vector<Grown> grown_all;
  const std::vector<GeomPtr> seeds = boundary_seeds(geos, park);  // outlive the Grown::seed
  for (const GeomPtr& seed : seeds) {
    Grown g = grow_from(seed.get());
    if (g.shape) grown_all.push_back(std::move(g));
  }
  auto met = [&](const Grown& g) { return std::abs(g.area - target_m2) <= 0.05 * target_m2; };
  std::stable_sort(grown_all.begin(), grown_all.end(), [&](const Grown& x, const Grown& y) {
    if (met(x) != met(y)) return met(x);
    return met(x) ? x.compactness > y.compactness : x.area > y.area;
  });
  // Alternatives are distinct places: one overlapping a better one by more than half of its own
  // area is the same proposal seen from a neighbouring seed.
  std::vector<const Grown*> kept;
  for (const Grown& g : grown_all) {
    if (static_cast<int>(kept.size()) >= std::max(1, alternatives)) break;
    bool distinct = true;
    for (const Grown* k : kept)
      if (intersection_area(geos, g.shape.get(), k->shape.get()) > 0.5 * g.area) distinct = false;
    if (distinct) kept.push_back(&g);
  }
  for (const Grown* g : kept) {
    ExpansionProposal out;
    out.park_id = request.park_id;
    out.demand_mu = request.demand_mu;
    out.rank = static_cast<int>(found.size()) + 1;
    out.reach_m = g->reach;
    out.area_mu = m2_to_mu(g->area);
    out.demand_met = met(*g);
    out.compactness = g->compactness;
    double perimeter = 0;
    GEOSLength_r(h, g->shape.get(), &perimeter);
    GeomPtr outline = make_geom(geos, GEOSBoundary_r(h, g->shape.get()));
    GeomPtr shared = make_geom(geos, GEOSIntersection_r(h, outline.get(), edge.get()));
    double shared_len = 0;
    if (shared) GEOSLength_r(h, shared.get(), &shared_len);
    out.shared_boundary = perimeter > 0 ? std::min(1.0, shared_len / perimeter) : 0;
    // What the constraints took within the final reach of the seed, per kind.
    GeomPtr disc = make_geom(geos, GEOSBuffer_r(h, g->seed, out.reach_m, 8));
    GeomPtr ring = make_geom(geos, GEOSDifference_r(h, disc.get(), park));
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
    out.geom = make_geom(geos, GEOSGeom_clone_r(h, g->shape.get()));
    found.push_back(std::move(out));
  }
  return found;
}

ExpansionProposal propose_expansion(const GeosContext& geos, const GEOSGeometry* park,
                                    const std::vector<ConstraintPiece>& constraints,
                                    const ExpansionRequest& request) {
  std::vector<ExpansionProposal> found = propose_expansions(geos, park, constraints, request, 1);
  if (!found.empty()) return std::move(found.front());
  ExpansionProposal none;
  none.park_id = request.park_id;
  none.demand_mu = request.demand_mu;
  return none;
}

std::vector<ParkProposal> park_proposals(const ProjectInputs& in, const ProjectConfig& config,
                                         const ClusterAnalysis& clusters,
                                         const std::map<std::string, ParkRollup>& rollups,
                                         const RuleSet& rules,
                                         const std::vector<ParkEvaluation>& evaluation,
                                         const GeosContext& geos) {
  const DigestionRules& digestion = rules.digestion;
  std::vector<ParkProposal> out;
  if (config.expansions.empty()) return out;
  if (!in.parks) throw GisError("[[expansion]] needs a parks layer", {config.path});
  for (const ExpansionConfig& x : config.expansions) {
    const int park = in.park_table.index_of(x.park_id);
    if (park < 0)
      throw GisError("[[expansion]] names park " + x.park_id + ", which the parks layer lacks",
                     {config.path});
    ParkProposal pp;
    pp.cluster = x.cluster;
    ExpansionRequest req;
    req.park_id = x.park_id;
    req.search_m = x.search_m;
    if (x.demand_mu) {
      req.demand_mu = *x.demand_mu;
      pp.reason = "demand given";
    } else {
      // Growth target ÷ the park's revenue per 亩 of that cluster (cluster_stats, park level).
      std::optional<double> per_mu;
      for (const ClusterStat& s : clusters.stats)
        if (s.level == ClusterLevel::park && s.unit == x.park_id && s.cluster == x.cluster)
          per_mu = s.rev_per_mu;
      if (!per_mu || *per_mu <= 0) {
        pp.eligible = false;
        pp.reason = "no revenue per 亩 for cluster " + x.cluster + " in the park: demand unknown";
        pp.proposal.park_id = x.park_id;
        out.push_back(std::move(pp));
        continue;
      }
      req.demand_mu = *x.growth_yi * 10000.0 / *per_mu;
      char buf[160];
      std::snprintf(buf, sizeof buf, "demand %.1f 亩 = %g 亿元 growth of %s / %.1f 万元 per 亩",
                    req.demand_mu, *x.growth_yi, x.cluster.c_str(), *per_mu);
      pp.reason = buf;
    }
    std::vector<ConstraintPiece> constraints;
    if (in.constraints) {
      const Column& kind = in.constraints->field("kind");
      for (size_t i = 0; i < in.constraints->size(); ++i)
        if (in.constraints->geoms[i])
          constraints.push_back({kind.text(i).value_or("other"), in.constraints->geoms[i].get()});
    }
    for (size_t k = 0; k < in.parks->size(); ++k)
      if (static_cast<int>(k) != park && in.parks->geoms[k])
        constraints.push_back({"park", in.parks->geoms[k].get()});
    // Parcels within reach: land already supplied (the park's own parcels beyond its outline
    // too).
    const GeomBox reach =
        box_of(geos, in.parks->geoms[static_cast<size_t>(park)].get()).grown(x.search_m);
    for (const GeomPtr& g : in.parcels.geoms)
      if (g && box_of(geos, g.get()).meets(reach)) constraints.push_back({"parcel", g.get()});
    std::vector<ExpansionProposal> alternatives = propose_expansions(
        geos, in.parks->geoms[static_cast<size_t>(park)].get(), constraints, req, x.alternatives);
    if (alternatives.empty()) {
      pp.proposal.park_id = x.park_id;
      pp.proposal.demand_mu = req.demand_mu;
    } else {
      pp.proposal = std::move(alternatives.front());
    }
    if (auto it = rollups.find(x.park_id); it != rollups.end()) {
      const Digestion d = it->second.digestion(digestion);
      if (d.meets_target == false) {
        pp.eligible = false;
        char buf[200];
        std::snprintf(buf, sizeof buf,
                      "not eligible: 批而未用 digestion period %.1f years exceeds the target of "
                      "%.1f years",
                      d.years.value_or(0), digestion.target_years);
        pp.reason = buf + std::string("; ") + pp.reason;
      }
    }
    if (rules.expansion_score_min) {
      const ParkEvaluation* e = nullptr;
      for (const ParkEvaluation& p : evaluation)
        if (p.park_id == x.park_id) e = &p;
      char buf[240];
      if (!e || !e->score) {
        pp.eligible = false;
        std::snprintf(buf, sizeof buf,
                      "not eligible: no TD/T 1029 score (the rule set asks for at least %.1f)",
                      *rules.expansion_score_min);
        pp.reason = buf + std::string("; ") + pp.reason;
      } else if (*e->score < *rules.expansion_score_min) {
        pp.eligible = false;
        std::snprintf(buf, sizeof buf,
                      "not eligible: TD/T 1029 score %.1f is below the rule set's minimum %.1f",
                      *e->score, *rules.expansion_score_min);
        pp.reason = buf + std::string("; ") + pp.reason;
      } else {
        std::snprintf(buf, sizeof buf, "TD/T 1029 score %.1f (minimum %.1f)", *e->score,
                      *rules.expansion_score_min);
        pp.reason += "; " + std::string(buf);
      }
    }
    const std::string reason = pp.reason;
    auto finish = [&](ParkProposal& one) {
      if (!one.proposal.demand_met && one.proposal.geom)
        one.reason += "; only " + std::to_string(static_cast<long>(one.proposal.area_mu)) +
                      " 亩 free within " + std::to_string(static_cast<long>(x.search_m)) + " m";
      out.push_back(std::move(one));
    };
    finish(pp);
    for (size_t k = 1; k < alternatives.size(); ++k) {
      ParkProposal alt;
      alt.cluster = x.cluster;
      alt.eligible = out.back().eligible;
      alt.reason = reason;
      alt.proposal = std::move(alternatives[k]);
      finish(alt);
    }
  }
  return out;
}

std::vector<std::pair<size_t, double>> release_candidates_of(const ProjectInputs& in,
                                                             const ParcelEvaluation& ev,
                                                             const std::string& park_id,
                                                             const GeosContext& geos) {
  GEOSContextHandle_t h = geos.handle();
  std::vector<size_t> members;
  std::vector<AdjustmentParcel> parcels;
  for (size_t i = 0; i < in.parcels.size(); ++i) {
    if (ev.park_id[i] != park_id || !in.parcels.geoms[i]) continue;
    GeomPtr c = make_geom(geos, GEOSGetCentroid_r(h, in.parcels.geoms[i].get()));
    double x = 0, y = 0;
    if (!c || !GEOSGeomGetX_r(h, c.get(), &x) || !GEOSGeomGetY_r(h, c.get(), &y)) continue;
    const IdleClass cls = ev.idle[i].cls;
    const bool releasable = cls == IdleClass::idle || cls == IdleClass::idle_2y ||
                            cls == IdleClass::halted_idle || cls == IdleClass::low_eff;
    members.push_back(i);
    parcels.push_back({x, y, ev.ind[i].land_mu, releasable});
  }
  std::vector<std::pair<size_t, double>> out;
  for (const ReleaseCandidate& c : release_candidates(parcels).candidates)
    out.emplace_back(members[c.index], c.distance_m);
  return out;
}

}  // namespace parkatlas
