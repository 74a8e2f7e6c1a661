// Holes added to the part of an area each lies in; intersection areas ring by ring.
#include "gis/geos/polygon_holes.hpp"

#include "gis/gis_error.hpp"

namespace parkatlas {

GeomPtr with_holes_added(const GeosContext& geos, const GEOSGeometry* area,
                         const std::vector<const GEOSGeometry*>& holes) {
  GEOSContextHandle_t h = geos.handle();
  std::vector<const GEOSGeometry*> parts;
  std::vector<GeomBox> part_boxes;
  for (int k = 0; k < GEOSGetNumGeometries_r(h, area); ++k) {
    const GEOSGeometry* part = GEOSGetGeometryN_r(h, area, k);
    if (GEOSGeomTypeId_r(h, part) != GEOS_POLYGON || GEOSisEmpty_r(h, part) == 1) continue;
    parts.push_back(part);
    part_boxes.push_back(box_of(geos, part));
  }
  std::vector<std::vector<const GEOSGeometry*>> rings(parts.size());
  for (const GEOSGeometry* hole : holes) {
    const GeomBox b = box_of(geos, hole);
    long at = -1;
    for (size_t k = 0; k < parts.size() && at < 0; ++k) {
      if (!part_boxes[k].contains(b)) continue;
      // The hole lies in the interior of exactly one part: with one candidate box it is that part;
      // with several, the part holding one of its vertices.
      bool only_candidate = true;
      for (size_t j = k + 1; j < parts.size() && only_candidate; ++j)
        only_candidate = !part_boxes[j].contains(b);
      if (!only_candidate) {
        double x = 0, y = 0;
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, hole));
        if (!seq || GEOSCoordSeq_getXY_r(h, seq, 0, &x, &y) != 1) return nullptr;
        GeomPtr vertex = make_geom(geos, GEOSGeom_createPointFromXY_r(h, x, y));
        if (!vertex || GEOSIntersects_r(h, parts[k], vertex.get()) != 1) continue;
      }
      at = static_cast<long>(k);
    }
    if (at < 0) return nullptr;
    rings[static_cast<size_t>(at)].push_back(GEOSGetExteriorRing_r(h, hole));
  }
  std::vector<GEOSGeometry*> polygons;
  for (size_t k = 0; k < parts.size(); ++k) {
    std::vector<GEOSGeometry*> inner;
    for (int r = 0; r < GEOSGetNumInteriorRings_r(h, parts[k]); ++r)
      inner.push_back(GEOSGeom_clone_r(h, GEOSGetInteriorRingN_r(h, parts[k], r)));
    for (const GEOSGeometry* ring : rings[k]) inner.push_back(GEOSGeom_clone_r(h, ring));
    GEOSGeometry* shell = GEOSGeom_clone_r(h, GEOSGetExteriorRing_r(h, parts[k]));
    polygons.push_back(
        GEOSGeom_createPolygon_r(h, shell, inner.data(), static_cast<unsigned>(inner.size())));
  }
  return make_geom(geos, GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polygons.data(),
                                                     static_cast<unsigned>(polygons.size())));
}

namespace {

// Area of outline ∩ (the polygon of `ring`).
double ring_area_inside(const GeosContext& geos, const GEOSGeometry* outline,
                        const GEOSPreparedGeometry* prepared, const GeomBox& outline_box,
                        const GEOSGeometry* ring) {
  GEOSContextHandle_t h = geos.handle();
  if (!outline_box.meets(box_of(geos, ring))) return 0;
  GeomPtr polygon =
      make_geom(geos, GEOSGeom_createPolygon_r(h, GEOSGeom_clone_r(h, ring), nullptr, 0));
  if (!polygon) throw GisError("cannot make a polygon of a ring: " + geos.take_error());
  if (GEOSPreparedContains_r(h, prepared, polygon.get()) == 1) return area(geos, polygon.get());
  if (GEOSPreparedIntersects_r(h, prepared, polygon.get()) != 1) return 0;
  return intersection_area(geos, outline, polygon.get());
}

}  // namespace

double intersection_area_by_rings(const GeosContext& geos, const GEOSGeometry* outline,
                                  const GEOSPreparedGeometry* prepared_outline,
                                  const GEOSGeometry* g) {
  GEOSContextHandle_t h = geos.handle();
  const GeomBox outline_box = box_of(geos, outline);
  double sum = 0;
  for (int k = 0; k < GEOSGetNumGeometries_r(h, g); ++k) {
    const GEOSGeometry* part = GEOSGetGeometryN_r(h, g, k);
    if (GEOSGeomTypeId_r(h, part) != GEOS_POLYGON || GEOSisEmpty_r(h, part) == 1) continue;
    sum += ring_area_inside(geos, outline, prepared_outline, outline_box,
                            GEOSGetExteriorRing_r(h, part));
    for (int r = 0; r < GEOSGetNumInteriorRings_r(h, part); ++r)
      sum -= ring_area_inside(geos, outline, prepared_outline, outline_box,
                              GEOSGetInteriorRingN_r(h, part, r));
  }
  return sum;
}

}  // namespace parkatlas
