// RAII for GEOS (reentrant C API): one context per thread, geometries owned by GeomPtr.
#pragma once
#include <geos_c.h>

#include <memory>
#include <string>

namespace parkatlas {

class GeosContext {
 public:
  GeosContext();
  ~GeosContext();
  GeosContext(const GeosContext&) = delete;
  GeosContext& operator=(const GeosContext&) = delete;

  GEOSContextHandle_t handle() const { return handle_; }
  // Last error GEOS reported through this context (cleared by take_error()).
  std::string take_error() const;

 private:
  static void on_error(const char* message, void* self);
  GEOSContextHandle_t handle_;
  mutable std::string last_error_;  // written by GEOS's error callback
};

struct GeomDeleter {
  GEOSContextHandle_t ctx = nullptr;
  void operator()(GEOSGeometry* g) const {
    if (g) GEOSGeom_destroy_r(ctx, g);
  }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
  GEOSContextHandle_t ctx = nullptr;
  void operator()(const GEOSPreparedGeometry* g) const {
    if (g) GEOSPreparedGeom_destroy_r(ctx, g);
  }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

inline GeomPtr make_geom(const GeosContext& ctx, GEOSGeometry* g) {
  return GeomPtr(g, GeomDeleter{ctx.handle()});
}
inline PreparedPtr prepare(const GeosContext& ctx, const GEOSGeometry* g) {
  return PreparedPtr(GEOSPrepare_r(ctx.handle(), g), PreparedDeleter{ctx.handle()});
}

// Area of the intersection of a and b (0 when they do not overlap; throws on GEOS failure).
double intersection_area(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b);
double area(const GeosContext& ctx, const GEOSGeometry* g);

}  // namespace parkatlas
