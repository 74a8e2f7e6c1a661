// A GeoPackage spatial index (SQLite's rtree module) filled in one pass: boxes packed bottom-up by
// sort-tile-recursive and written straight into the rtree's node, rowid and parent tables.
// GDAL 3.6 inserts box by box through the virtual table, about 8 µs a feature, which costs a
// million-parcel run 8-12 s; GDAL 3.7 does the same packing, Debian 12 ships 3.6.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "gis/io/sqlite_db.hpp"

namespace parkatlas {

struct RtreeBox {
  std::int64_t id;
  double minx, maxx, miny, maxy;
};

// Fills the empty 2-D rtree virtual table `rtree` (made by GDAL or CREATE VIRTUAL TABLE … USING
// rtree(id, minx, maxx, miny, maxy)) with `boxes`. Coordinates are stored as 32-bit floats rounded
// outwards, as the rtree module stores them. Throws if the table is not empty.
void fill_packed_rtree(SqliteDb& db, const std::string& rtree, std::vector<RtreeBox> boxes);

}  // namespace parkatlas
