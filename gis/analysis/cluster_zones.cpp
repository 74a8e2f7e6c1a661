// Cluster zones by closing.
#include "gis/analysis/cluster_zones.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "gis/gis_error.hpp"
#include "gis/parallel.hpp"

namespace parkatlas {

namespace {

// The cells that are on, as polygons: GDAL's polygonize traces the outlines of a raster's regions
// row by row. (A GEOS coverage union of one square per cell did the same job: 1.3 s of CPU time
// for a province's zones, against a few hundredths here.) Cell (x, y) spans
// [ox + x·cell, ox + (x + 1)·cell] × [oy + y·cell, oy + (y + 1)·cell]; cells that meet only at a
// corner become separate polygons.
GeomPtr cells_as_polygons(const GeosContext& geos, const std::vector<std::uint8_t>& cells, int nx,
                          int ny, double ox, double oy, double cell) {
  GDALDriver* raster_driver = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDriver* vector_driver = GetGDALDriverManager()->GetDriverByName("Memory");
  if (!raster_driver || !vector_driver) throw GisError("GDAL's MEM and Memory drivers are missing");
  GDALDatasetUniquePtr raster(raster_driver->Create("", nx, ny, 1, GDT_Byte, nullptr));
  GDALDatasetUniquePtr vector(vector_driver->Create("", 0, 0, 0, GDT_Unknown, nullptr));
  if (!raster || !vector) throw GisError("GDAL could not create an in-memory grid for a zone");
  double transform[6] = {ox, cell, 0, oy, 0, cell};  // row y of the raster is the grid's row y
  raster->SetGeoTransform(transform);
  GDALRasterBand* band = raster->GetRasterBand(1);
  if (band->RasterIO(GF_Write, 0, 0, nx, ny, const_cast<std::uint8_t*>(cells.data()), nx, ny,
                     GDT_Byte, 0, 0, nullptr) != CE_None)
    throw GisError("GDAL could not fill an in-memory grid for a zone");
  OGRLayer* layer = vector->CreateLayer("zone", nullptr, wkbPolygon, nullptr);
  if (!layer) throw GisError("GDAL could not create an in-memory layer for a zone");
  // The band is its own mask: cells that are off make no polygon.
  if (GDALPolygonize(band, band, OGRLayer::ToHandle(layer), -1, nullptr, nullptr, nullptr) !=
      CE_None)
    throw GisError("GDAL could not trace a zone's cells: " + std::string(CPLGetLastErrorMsg()));
  std::vector<GeomPtr> parts;
  for (auto& feature : *layer) {
    const OGRGeometry* g = feature->GetGeometryRef();
    if (!g) continue;
    GeomPtr part = make_geom(geos, g->exportToGEOS(geos.handle()));
    if (!part) throw GisError("GEOS could not take a traced zone polygon: " + geos.take_error());
    parts.push_back(std::move(part));
  }
  if (parts.empty()) return nullptr;
  if (parts.size() == 1) return std::move(parts.front());
  std::vector<GEOSGeometry*> owned;  // handed to the collection
  for (GeomPtr& p : parts) owned.push_back(p.release());
  return make_geom(geos, GEOSGeom_createCollection_r(geos.handle(), GEOS_MULTIPOLYGON, owned.data(),
                                                     static_cast<unsigned>(owned.size())));
}

// The closing of the member parcels. Buffering each member out and uniting them equals buffering
// their union, but GEOS does the small buffers much faster than one of a union of thousands of
// parcels; the grown shape is simplified (its detail is below the closing's scale anyway) before
// it is buffered back in, and the members are united in again, since chords of the round buffers
// and the simplification may shave a member's corner.
// Large groups (province data has parks with thousands of parcels per cluster) are closed on a
// grid instead: GEOS's buffers of unions of thousands of parcels took minutes. Cells of a third
// of the closing distance are marked where a member's box lies, dilated and eroded by the
// closing distance (a disc of cells), and the remaining cells become the zone (traced by GDAL).
// Every member lies in the cells its box marks and a closing keeps what it closes, so the zone
// contains every member; elsewhere it is within a cell of the true closing.
GeomPtr grid_closed_zone(const GeosContext& geos, const ProjectInputs& in,
                         const std::vector<size_t>& parcels, double closing_m) {
  GEOSContextHandle_t h = geos.handle();
  const double cell = closing_m / 3;
  const int r = 3;  // closing distance in cells
  double minx = 1e300, miny = 1e300, maxx = -1e300, maxy = -1e300;
  std::vector<std::array<double, 4>> boxes;
  for (size_t i : parcels) {
    double x0, y0, x1, y1;
    const GEOSGeometry* g = in.parcels.geoms[i].get();
    if (GEOSGeom_getExtent_r(h, g, &x0, &y0, &x1, &y1) != 1) continue;
    boxes.push_back({x0, y0, x1, y1});
    minx = std::min(minx, x0), miny = std::min(miny, y0);
    maxx = std::max(maxx, x1), maxy = std::max(maxy, y1);
  }
  if (boxes.empty()) return nullptr;
  // A margin of r cells around the data so dilation never falls off the grid.
  const double ox = minx - (r + 1) * cell, oy = miny - (r + 1) * cell;
  const int nx = static_cast<int>((maxx - ox) / cell) + r + 2;
  const int ny = static_cast<int>((maxy - oy) / cell) + r + 2;
  if (static_cast<long long>(nx) * ny > 40'000'000) return nullptr;  // absurd extent: no closing
  std::vector<std::uint8_t> on(static_cast<size_t>(nx) * ny, 0);
  auto at = [nx](int x, int y) { return static_cast<size_t>(y) * nx + x; };
  for (const auto& b : boxes)
    for (int y = static_cast<int>((b[1] - oy) / cell); y <= static_cast<int>((b[3] - oy) / cell);
         ++y)
      for (int x = static_cast<int>((b[0] - ox) / cell); x <= static_cast<int>((b[2] - ox) / cell);
           ++x)
        on[at(x, y)] = 1;
  std::vector<std::pair<int, int>> disc;
  for (int dy = -r; dy <= r; ++dy)
    for (int dx = -r; dx <= r; ++dx)
      if (dx * dx + dy * dy <= r * r) disc.emplace_back(dx, dy);
  auto morph = [&](const std::vector<std::uint8_t>& src, bool dilate) {
    std::vector<std::uint8_t> dst(src.size(), dilate ? 0 : 1);
    for (int y = 0; y < ny; ++y)
      for (int x = 0; x < nx; ++x) {
        bool hit = !dilate;
        for (const auto& [dx, dy] : disc) {
          const int xx = x + dx, yy = y + dy;
          const bool v = xx >= 0 && yy >= 0 && xx < nx && yy < ny && src[at(xx, yy)];
          if (dilate && v) {
            hit = true;
            break;
          }
          if (!dilate && !v) {
            hit = false;
            break;
          }
        }
        dst[at(x, y)] = hit;
      }
    return dst;
  };
  const auto closed = morph(morph(on, true), false);
  return cells_as_polygons(geos, closed, nx, ny, ox, oy, cell);
}

GeomPtr closed_zone(const GeosContext& geos, const ProjectInputs& in,
                    const std::vector<size_t>& parcels, const ClusterZoneRules& rules) {
  const double closing_m = rules.closing_m;
  GEOSContextHandle_t h = geos.handle();
  auto united = [&](bool grow) {
    std::vector<GEOSGeometry*> parts;
    parts.reserve(parcels.size());
    for (size_t i : parcels) {
      const GEOSGeometry* g = in.parcels.geoms[i].get();
      GEOSGeometry* part = grow ? GEOSBuffer_r(h, g, closing_m, 2) : GEOSGeom_clone_r(h, g);
      if (part) parts.push_back(part);
    }
    GeomPtr collection =
        make_geom(geos, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                    static_cast<unsigned>(parts.size())));
    return make_geom(geos, GEOSUnaryUnion_r(h, collection.get()));
  };
  if (closing_m > 0 && static_cast<long>(parcels.size()) > rules.exact_max_parcels)
    return grid_closed_zone(geos, in, parcels, closing_m);
  GeomPtr members = united(false);
  if (!members || closing_m <= 0) return members;
  GeomPtr grown = united(true);
  if (!grown) return members;
  GeomPtr simple = make_geom(geos, GEOSTopologyPreserveSimplify_r(h, grown.get(), closing_m / 20));
  GeomPtr closed =
      make_geom(geos, GEOSBuffer_r(h, simple ? simple.get() : grown.get(), -closing_m, 2));
  if (!closed || GEOSisEmpty_r(h, closed.get())) return members;
  GeomPtr whole = make_geom(geos, GEOSUnion_r(h, closed.get(), members.get()));
  return whole ? std::move(whole) : std::move(members);
}

}  // namespace

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
  std::vector<std::pair<std::pair<std::string, std::string>, const std::vector<size_t>*>> groups;
  for (const auto& [key, parcels] : members)
    if (static_cast<long>(parcels.size()) >= rules.min_parcels) groups.emplace_back(key, &parcels);
  std::vector<GeomPtr> shapes(groups.size());
  // Zones are independent: both cores, each with its own GEOS context.
  ProblemList unused;
  in_chunks(groups.size(), 2, unused,
            [&](size_t begin, size_t end, const GeosContext& g, ProblemList&) {
              for (size_t k = begin; k < end; ++k)
                shapes[k] = closed_zone(g, in, *groups[k].second, rules);
            });
  std::vector<ClusterZone> out;
  for (size_t k = 0; k < groups.size(); ++k) {
    const auto& [key, parcels_ptr] = groups[k];
    const std::vector<size_t>& parcels = *parcels_ptr;
    GeomPtr& zone = shapes[k];
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
