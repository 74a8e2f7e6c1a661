// Park expansion proposals (扩区调区, issue 6 §3): for a park and a land demand, the land around it
// that it could grow into — within a search distance, minus the constraint layers (永久基本农田,
// 生态保护红线, water, built-up land) and the other parks — grown outward from a point of the
// boundary as a disc, so the result is one compact polygon touching the park, widened until it
// meets the demand; eight seeds round the park are tried and the most compact result is kept (or
// several distinct ones, ranked, when alternatives are asked for).
// GEOS does the geometry.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gis/geos/geos_context.hpp"

namespace parkatlas {

struct ConstraintPiece {
  std::string kind;  // farmland, eco_redline, water, built, other, park (another park)
  const GEOSGeometry* geom = nullptr;
};

struct ExpansionRequest {
  std::string park_id;
  double demand_mu = 0;
  double search_m = 3000;  // how far from the boundary land may be proposed
  double setback_m = 1;    // distance kept from every constraint, so a proposal never touches one
};

struct ExpansionProposal {
  std::string park_id;
  int rank = 1;  // 1 = the best of the alternatives asked for
  double demand_mu = 0, area_mu = 0;
  double reach_m = 0;          // radius of the disc grown from the boundary seed
  double compactness = 0;      // Polsby–Popper 4πA / P², 1 for a disc
  double shared_boundary = 0;  // share of the proposal's boundary that is the park's
  bool demand_met = false;     // within 5 % of the demand
  std::string excluded;        // "farmland 120.5 亩; water 30.2 亩" within the reach
  GeomPtr geom;                // one polygon; null when no land is free
};

ExpansionProposal propose_expansion(const GeosContext& geos, const GEOSGeometry* park,
                                    const std::vector<ConstraintPiece>& constraints,
                                    const ExpansionRequest& request);
// Up to `alternatives` distinct proposals, ranked: meeting the demand first, then by
// compactness (short of the demand: by area). A seed's result overlapping a better one by more
// than half its area is not a distinct alternative.
std::vector<ExpansionProposal> propose_expansions(const GeosContext& geos,
                                                 const GEOSGeometry* park,
                                                 const std::vector<ConstraintPiece>& constraints,
                                                 const ExpansionRequest& request,
                                                 int alternatives);

struct ProjectInputs;
struct ProjectConfig;
struct ClusterAnalysis;
struct ParkRollup;
struct RuleSet;
struct ParkEvaluation;

// A proposal per [[expansion]] request of the config, with its eligibility: a park whose 批而未用
// digestion period fails the rule set's target, or whose TD/T 1029 score is below the rule set's
// [evaluation] expansion_score_min, is "not eligible" (Jiangxi restricts expanding parks that do
// not use their land). Constraints are the constraints layer (by `kind`), the
// other parks, and land already supplied: every parcel within reach (kind "parcel"; the park's
// own parcels beyond its outline too).
struct ParkProposal {
  ExpansionProposal proposal;
  std::string cluster;  // for a demand from a cluster's growth target
  bool eligible = true;
  std::string reason;  // why not eligible, or how the demand was derived
};
std::vector<ParkProposal> park_proposals(const ProjectInputs& in, const ProjectConfig& config,
                                         const ClusterAnalysis& clusters,
                                         const std::map<std::string, ParkRollup>& rollups,
                                         const RuleSet& rules,
                                         const std::vector<ParkEvaluation>& evaluation,
                                         const GeosContext& geos);

struct ParcelEvaluation;
// 调出 candidates of a park (core/adjustment.hpp): its idle (idle, idle_2y, halted_idle) and
// low-efficiency parcels beyond the 75th percentile of its parcels' distances from its core.
// Returns parcel indices with their distances, farthest first.
std::vector<std::pair<size_t, double>> release_candidates_of(const ProjectInputs& in,
                                                             const ParcelEvaluation& ev,
                                                             const std::string& park_id,
                                                             const GeosContext& geos);

}  // namespace parkatlas
