// WKB (OGC 06-103r4 §8.2) of polygons and multipolygons from their coordinate sequences.
#include "gis/geos/polygon_wkb.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

namespace parkatlas {

namespace {

static_assert(std::endian::native == std::endian::little, "the WKB is written little-endian");

constexpr std::uint32_t kWkbPolygon = 3;
constexpr std::uint32_t kWkbMultiPolygon = 6;

void append_u32(std::string& out, std::uint32_t v) {
  char b[4];
  std::memcpy(b, &v, 4);
  out.append(b, 4);
}

void append_header(std::string& out, std::uint32_t type) {
  out += '\x01';  // NDR
  append_u32(out, type);
}

// A ring's point count and its x y pairs. `xy` is scratch space kept between rings.
bool append_ring(const GeosContext& geos, const GEOSGeometry* ring, std::string& out,
                 std::vector<double>& xy) {
  GEOSContextHandle_t h = geos.handle();
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
  unsigned int n = 0;
  if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n)) return false;
  xy.resize(2 * static_cast<size_t>(n));
  if (n > 0 && !GEOSCoordSeq_copyToBuffer_r(h, seq, xy.data(), 0, 0)) return false;
  append_u32(out, n);
  out.append(reinterpret_cast<const char*>(xy.data()), xy.size() * sizeof(double));
  return true;
}

bool append_polygon(const GeosContext& geos, const GEOSGeometry* polygon, std::string& out,
                    std::vector<double>& xy) {
  GEOSContextHandle_t h = geos.handle();
  append_header(out, kWkbPolygon);
  if (GEOSisEmpty_r(h, polygon) == 1) {  // GEOS writes an empty polygon as zero rings
    append_u32(out, 0);
    return true;
  }
  const int holes = GEOSGetNumInteriorRings_r(h, polygon);
  const GEOSGeometry* shell = GEOSGetExteriorRing_r(h, polygon);
  if (holes < 0 || !shell) return false;
  append_u32(out, static_cast<std::uint32_t>(holes) + 1);
  if (!append_ring(geos, shell, out, xy)) return false;
  for (int k = 0; k < holes; ++k) {
    const GEOSGeometry* hole = GEOSGetInteriorRingN_r(h, polygon, k);
    if (!hole || !append_ring(geos, hole, out, xy)) return false;
  }
  return true;
}

}  // namespace

bool append_polygonal_wkb(const GeosContext& geos, const GEOSGeometry* g, std::string& out) {
  if (!g) return false;
  GEOSContextHandle_t h = geos.handle();
  const size_t start = out.size();
  thread_local std::vector<double> xy;  // reused: this runs once per feature
  bool ok = false;
  switch (GEOSGeomTypeId_r(h, g)) {
    case GEOS_POLYGON:
      ok = append_polygon(geos, g, out, xy);
      break;
    case GEOS_MULTIPOLYGON: {
      const int parts = GEOSGetNumGeometries_r(h, g);
      if (parts < 0) break;
      append_header(out, kWkbMultiPolygon);
      append_u32(out, static_cast<std::uint32_t>(parts));
      ok = true;
      for (int k = 0; k < parts && ok; ++k)
        ok = append_polygon(geos, GEOSGetGeometryN_r(h, g, k), out, xy);
      break;
    }
    default:
      break;
  }
  if (!ok) out.resize(start);
  return ok;
}

}  // namespace parkatlas
