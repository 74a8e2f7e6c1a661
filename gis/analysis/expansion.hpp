// Park expansion proposals (扩区调区, issue 6 §3): for a park and a land demand, the land around it
// that it could grow into — within a search distance, minus the constraint layers (永久基本农田,
// 生态保护红线, water, built-up land) and the other parks — grown outward from the boundary as a
// collar so the result is one contiguous polygon touching the park, widened until it meets the
// demand. GEOS does the geometry.
#pragma once
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
  double demand_mu = 0, area_mu = 0;
  double reach_m = 0;          // how far the collar reaches out from the park
  double compactness = 0;      // Polsby–Popper 4πA / P², 1 for a disc
  double shared_boundary = 0;  // share of the proposal's boundary that is the park's
  bool demand_met = false;     // within 5 % of the demand
  std::string excluded;        // "farmland 120.5 亩; water 30.2 亩" within the reach
  GeomPtr geom;                // one polygon; null when no land is free
};

ExpansionProposal propose_expansion(const GeosContext& geos, const GEOSGeometry* park,
                                    const std::vector<ConstraintPiece>& constraints,
                                    const ExpansionRequest& request);

}  // namespace parkatlas
