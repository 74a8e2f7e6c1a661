// RAII for GEOS (reentrant C API): one context per thread, geometries owned by GeomPtr. Every
// geometry shares ownership of the context that made it, so no geometry can outlive its context.
#pragma once
#include <geos_c.h>

#include <memory>
#include <string>
#include <vector>

namespace parkatlas {

// The GEOS handle and the last message GEOS reported through it.
struct GeosHandle {
  GEOSContextHandle_t handle = nullptr;
  std::string last_error;
  GeosHandle();
  ~GeosHandle();
  GeosHandle(const GeosHandle&) = delete;
  GeosHandle& operator=(const GeosHandle&) = delete;
};

class GeosContext {
 public:
  GeosContext() : shared_(std::make_shared<GeosHandle>()) {}
  GEOSContextHandle_t handle() const { return shared_->handle; }
  const std::shared_ptr<GeosHandle>& shared() const { return shared_; }
  // Last error GEOS reported through this context (cleared by reading it).
  std::string take_error() const;

 private:
  std::shared_ptr<GeosHandle> shared_;
};

struct GeomDeleter {
  std::shared_ptr<GeosHandle> ctx;
  void operator()(GEOSGeometry* g) const {
    if (g) GEOSGeom_destroy_r(ctx->handle, g);
  }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
  std::shared_ptr<GeosHandle> ctx;
  void operator()(const GEOSPreparedGeometry* g) const {
    if (g) GEOSPreparedGeom_destroy_r(ctx->handle, g);
  }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

inline GeomPtr make_geom(const GeosContext& ctx, GEOSGeometry* g) {
  return GeomPtr(g, GeomDeleter{ctx.shared()});
}
inline PreparedPtr prepare(const GeosContext& ctx, const GEOSGeometry* g) {
  return PreparedPtr(GEOSPrepare_r(ctx.handle(), g), PreparedDeleter{ctx.shared()});
}

// Area of the intersection of a and b (0 when they do not overlap; throws on GEOS failure).
double intersection_area(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b);
double area(const GeosContext& ctx, const GEOSGeometry* g);
// A geometry's bounding box; `meets` is true when two boxes overlap or touch.
struct GeomBox {
  double x0 = 1, y0 = 1, x1 = 0, y1 = 0;  // empty (meets nothing) until set
  bool meets(const GeomBox& o) const {
    return x0 <= o.x1 && o.x0 <= x1 && y0 <= o.y1 && o.y0 <= y1;
  }
  bool contains(const GeomBox& o) const {
    return x0 <= o.x0 && y0 <= o.y0 && o.x1 <= x1 && o.y1 <= y1;
  }
  GeomBox grown(double d) const { return {x0 - d, y0 - d, x1 + d, y1 + d}; }
};
GeomBox box_of(const GeosContext& ctx, const GEOSGeometry* g);  // empty for null
// GEOS 3.11 works out a geometry's envelope, and each ring's, the first time one is asked for
// and keeps it (Debian 12's GEOS; 3.12 computes them when the geometry is made). Two threads
// asking at once race on that cache: one may read an envelope the other has just replaced and
// freed. Called in the thread that made `g`, before any other thread sees it, this leaves every
// later use a plain read. `single_polygon_without_holes` skips looking for holes.
void settle_envelopes(const GeosContext& ctx, const GEOSGeometry* g,
                      bool single_polygon_without_holes = false);

// A geometry collection of clones of `parts` (null parts skipped), e.g. for GEOSUnaryUnion_r.
GeomPtr collection_of(const GeosContext& ctx, const std::vector<const GEOSGeometry*>& parts);

}  // namespace parkatlas
