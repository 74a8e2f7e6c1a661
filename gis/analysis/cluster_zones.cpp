// Cluster zones by closing.
#include "gis/analysis/cluster_zones.hpp"

#include <map>

namespace parkatlas {

std::vector<ClusterZone> cluster_zones(const ProjectInputs& in, const ParcelEvaluation& ev,
                                       const ClusterAnalysis& clusters,
                                       const ClusterZoneRules& rules, const GeosContext& geos) {
  GEOSContextHandle_t h = geos.handle();
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> members;  // (park, cluster)
  for (size_t i = 0; i < in.parcels.size(); ++i)
    if (!ev.park_id[i].empty() && !ev.cluster[i].empty() && in.parcels.geoms[i])
      members[{ev.park_id[i], ev.cluster[i]}].push_back(i);
  std::map<std::pair<std::string, std::string>, const ClusterStat*> stats;
  for (const ClusterStat& s : clusters.stats)
    if (s.level == ClusterLevel::park) stats[{s.unit, s.cluster}] = &s;
  std::vector<ClusterZone> out;
  for (const auto& [key, parcels] : members) {
    if (static_cast<long>(parcels.size()) < rules.min_parcels) continue;
    std::vector<GEOSGeometry*> clones;
    clones.reserve(parcels.size());
    for (size_t i : parcels) clones.push_back(GEOSGeom_clone_r(h, in.parcels.geoms[i].get()));
    GeomPtr collection =
        make_geom(geos, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, clones.data(),
                                                    static_cast<unsigned>(clones.size())));
    // Buffering a collection unions its parts; out and back in closes the gaps between them.
    GeomPtr zone = make_geom(geos, GEOSUnaryUnion_r(h, collection.get()));
    if (rules.closing_m > 0 && zone) {
      GeomPtr grown = make_geom(geos, GEOSBuffer_r(h, zone.get(), rules.closing_m, 8));
      if (grown) {
        GeomPtr closed = make_geom(geos, GEOSBuffer_r(h, grown.get(), -rules.closing_m, 8));
        // Buffers approximate arcs by chords, so the closing can shave a corner off a member;
        // the union with the members keeps every parcel wholly inside its zone.
        if (closed && !GEOSisEmpty_r(h, closed.get()))
          if (GeomPtr whole = make_geom(geos, GEOSUnion_r(h, closed.get(), zone.get())))
            zone = std::move(whole);
      }
    }
    if (!zone || GEOSisEmpty_r(h, zone.get())) continue;
    ClusterZone z;
    z.park_id = key.first;
    z.cluster = key.second;
    z.parcels = static_cast<long>(parcels.size());
    const int park = ev.park[parcels.front()];
    if (park >= 0 && in.parks) {
      z.city = in.parks->field("city").text(static_cast<size_t>(park)).value_or("");
      z.county = in.parks->field("county").text(static_cast<size_t>(park)).value_or("");
    }
    if (auto it = stats.find(key); it != stats.end()) {
      z.firms = it->second->firms;
      z.revenue_wan = it->second->revenue_wan;
      z.land_mu = it->second->land_mu;
      z.lq = it->second->lq;
    }
    z.geom = std::move(zone);
    out.push_back(std::move(z));
  }
  return out;
}

}  // namespace parkatlas
