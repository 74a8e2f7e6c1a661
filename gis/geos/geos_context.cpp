// GEOS context lifetime and the few measurements the engine needs.
#include "gis/geos/geos_context.hpp"

#include "gis/gis_error.hpp"

namespace parkatlas {

namespace {
void on_error(const char* message, void* self) {
  static_cast<GeosHandle*>(self)->last_error = message ? message : "";
}
}  // namespace

GeosHandle::GeosHandle() : handle(GEOS_init_r()) {
  GEOSContext_setErrorMessageHandler_r(handle, &on_error, this);
}

GeosHandle::~GeosHandle() {
  GEOS_finish_r(handle);
}

std::string GeosContext::take_error() const {
  std::string e;
  e.swap(shared_->last_error);
  return e;
}

double area(const GeosContext& ctx, const GEOSGeometry* g) {
  double a = 0;
  if (!GEOSArea_r(ctx.handle(), g, &a)) throw GisError("GEOS could not compute an area");
  return a;
}

double intersection_area(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b) {
  GeomPtr inter = make_geom(ctx, GEOSIntersection_r(ctx.handle(), a, b));
  if (!inter) throw GisError("GEOS could not intersect two geometries");
  return area(ctx, inter.get());
}

GeomPtr collection_of(const GeosContext& ctx, const std::vector<const GEOSGeometry*>& parts) {
  GEOSContextHandle_t h = ctx.handle();
  std::vector<GEOSGeometry*> clones;
  for (const GEOSGeometry* g : parts)
    if (g) clones.push_back(GEOSGeom_clone_r(h, g));
  return make_geom(ctx, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, clones.data(),
                                                    static_cast<unsigned>(clones.size())));
}

GeomBox box_of(const GeosContext& ctx, const GEOSGeometry* g) {
  GeomBox b;
  if (!g) return b;
  // One call, not four: each of GEOSGeom_getXMin_r … tests emptiness and fetches the envelope
  // again (a few tenths of a second over a province's geometries). An empty geometry leaves b
  // empty.
  double x0, y0, x1, y1;
  if (GEOSGeom_getExtent_r(ctx.handle(), g, &x0, &y0, &x1, &y1) == 1) b = {x0, y0, x1, y1};
  return b;
}

void settle_envelopes(const GeosContext& ctx, const GEOSGeometry* g,
                      bool single_polygon_without_holes) {
  if (!g) return;
  GEOSContextHandle_t h = ctx.handle();
  double x0, y0, x1, y1;
  // A polygon's envelope is made from its shell's, a collection's from its parts': this one call
  // settles all of them. Holes are settled one by one.
  GEOSGeom_getExtent_r(h, g, &x0, &y0, &x1, &y1);
  if (single_polygon_without_holes) return;
  const int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_POLYGON) {
    const int holes = GEOSGetNumInteriorRings_r(h, g);
    for (int k = 0; k < holes; ++k)
      if (const GEOSGeometry* ring = GEOSGetInteriorRingN_r(h, g, k))
        GEOSGeom_getExtent_r(h, ring, &x0, &y0, &x1, &y1);
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    const int parts = GEOSGetNumGeometries_r(h, g);
    for (int k = 0; k < parts; ++k) settle_envelopes(ctx, GEOSGetGeometryN_r(h, g, k));
  }
}

}  // namespace parkatlas
