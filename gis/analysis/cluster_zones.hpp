// Cluster zones (issue 6 §1): where a cluster's parcels agglomerate in a park, as polygons made
// with GEOS by a morphological closing (buffer out, then back in) of the member parcels. Zones of
// different clusters may overlap.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/rule_set.hpp"
#include "gis/analysis/cluster_analysis.hpp"
#include "gis/geos/geos_context.hpp"

namespace parkatlas {

struct ClusterZone {
  std::string cluster, park_id, city, county;
  long parcels = 0, firms = 0;
  double revenue_wan = 0, land_mu = 0;
  std::optional<double> lq;  // the park-level LQ of cluster_stats
  GeomPtr geom;
};

std::vector<ClusterZone> cluster_zones(const ProjectInputs& in, const ParcelEvaluation& ev,
                                       const ClusterAnalysis& clusters,
                                       const ClusterZoneRules& rules, const GeosContext& geos);

}  // namespace parkatlas
