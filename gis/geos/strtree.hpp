// RAII wrapper of GEOS's STRtree holding indices into a caller's geometry vector.
#pragma once
#include <cstddef>
#include <vector>

#include "gis/geos/geos_context.hpp"

namespace parkatlas {

class StrTree {
 public:
  explicit StrTree(const GeosContext& geos, size_t node_capacity = 10);
  ~StrTree();
  StrTree(const StrTree&) = delete;
  StrTree& operator=(const StrTree&) = delete;

  // `g` must outlive the tree (GEOS keeps its envelope by reference).
  void insert(const GEOSGeometry* g, size_t index);
  // Indices whose envelopes intersect the envelope of `g` (appended to `out`, which is cleared).
  void query(const GEOSGeometry* g, std::vector<size_t>& out) const { query(geos_, g, out); }
  // Thread-safe once built: each thread passes its own context.
  void query(const GeosContext& geos, const GEOSGeometry* g, std::vector<size_t>& out) const;
  // Builds the tree now; afterwards queries only read it.
  void build();

 private:
  const GeosContext& geos_;
  GEOSSTRtree* tree_;
  bool has_items_ = false;
};

}  // namespace parkatlas
