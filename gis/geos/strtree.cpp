// STRtree insert/query through the reentrant C API; items are indices smuggled as pointers.
#include "gis/geos/strtree.hpp"

#include <cstdint>

#include "gis/gis_error.hpp"

namespace parkatlas {

namespace {
void collect(void* item, void* out) {
  static_cast<std::vector<size_t>*>(out)->push_back(reinterpret_cast<std::uintptr_t>(item) - 1);
}
}  // namespace

StrTree::StrTree(const GeosContext& geos, size_t node_capacity)
    : geos_(geos), tree_(GEOSSTRtree_create_r(geos.handle(), node_capacity)) {
  if (!tree_) throw GisError("GEOS could not create a spatial index");
}

StrTree::~StrTree() {
  GEOSSTRtree_destroy_r(geos_.handle(), tree_);
}

void StrTree::insert(const GEOSGeometry* g, size_t index) {
  // +1 so that index 0 is not a null pointer.
  GEOSSTRtree_insert_r(geos_.handle(), tree_, g,
                       reinterpret_cast<void*>(static_cast<std::uintptr_t>(index + 1)));
  has_items_ = true;
}

void StrTree::query(const GeosContext& geos, const GEOSGeometry* g,
                    std::vector<size_t>& out) const {
  out.clear();
  if (!has_items_) return;
  GEOSSTRtree_query_r(geos.handle(), tree_, g, &collect, &out);
}

void StrTree::build() {
  if (!has_items_) return;
  // GEOS 3.11 has no explicit build call: the first query builds the tree.
  GeomPtr probe = make_geom(geos_, GEOSGeom_createPointFromXY_r(geos_.handle(), 0, 0));
  std::vector<size_t> ignored;
  query(probe.get(), ignored);
}

}  // namespace parkatlas
