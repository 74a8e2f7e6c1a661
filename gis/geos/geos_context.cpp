// GEOS context lifetime and the few measurements the engine needs.
#include "gis/geos/geos_context.hpp"

#include "gis/gis_error.hpp"

namespace parkatlas {

GeosContext::GeosContext() : handle_(GEOS_init_r()) {
  GEOSContext_setErrorMessageHandler_r(handle_, &GeosContext::on_error, this);
}

GeosContext::~GeosContext() { GEOS_finish_r(handle_); }

void GeosContext::on_error(const char* message, void* self) {
  static_cast<GeosContext*>(self)->last_error_ = message ? message : "";
}

std::string GeosContext::take_error() const {
  std::string e;
  e.swap(last_error_);
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

}  // namespace parkatlas
