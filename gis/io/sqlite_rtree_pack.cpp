// Sort-tile-recursive packing into SQLite's rtree node format (sqlite/ext/rtree/rtree.c): a node
// is a blob of node-size bytes: 2 bytes tree depth (root only), 2 bytes cell count, then cells of
// an 8-byte id and four 4-byte floats, all big-endian. Node 1 is the root.
#include "gis/io/sqlite_rtree_pack.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "gis/gis_error.hpp"

namespace parkatlas {

namespace {

struct FloatBox {
  float minx, maxx, miny, maxy;
};

// The float nearest below (above) d: a stored box must contain the true one.
float round_down(double d) {
  float f = static_cast<float>(d);
  return static_cast<double>(f) > d ? std::nextafter(f, -std::numeric_limits<float>::infinity())
                                    : f;
}
float round_up(double d) {
  float f = static_cast<float>(d);
  return static_cast<double>(f) < d ? std::nextafter(f, std::numeric_limits<float>::infinity()) : f;
}

struct Item {
  std::int64_t id;  // feature id in leaves; index of the child node one level down above them
  FloatBox box;
};

using Node = std::vector<Item>;

FloatBox union_of(const Node& n) {
  FloatBox b = n.front().box;
  for (const Item& it : n) {
    b.minx = std::min(b.minx, it.box.minx);
    b.maxx = std::max(b.maxx, it.box.maxx);
    b.miny = std::min(b.miny, it.box.miny);
    b.maxy = std::max(b.maxy, it.box.maxy);
  }
  return b;
}

double centre_x(const Item& i) {
  return (double{i.box.minx} + i.box.maxx) / 2;
}
double centre_y(const Item& i) {
  return (double{i.box.miny} + i.box.maxy) / 2;
}

// One level of sort-tile-recursive: vertical slices by x, nodes of `fanout` by y within each.
std::vector<Node> pack_level(std::vector<Item> items, size_t fanout) {
  const size_t nodes = (items.size() + fanout - 1) / fanout;
  const auto slices = static_cast<size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
  const size_t per_slice = slices * fanout;
  std::sort(items.begin(), items.end(),
            [](const Item& a, const Item& b) { return centre_x(a) < centre_x(b); });
  std::vector<Node> out;
  out.reserve(nodes);
  auto at = [&items](size_t k) { return items.begin() + static_cast<std::ptrdiff_t>(k); };
  for (size_t s = 0; s < items.size(); s += per_slice) {
    const size_t slice_end = std::min(items.size(), s + per_slice);
    std::sort(at(s), at(slice_end),
              [](const Item& a, const Item& b) { return centre_y(a) < centre_y(b); });
    for (size_t k = s; k < slice_end; k += fanout)
      out.emplace_back(at(k), at(std::min(slice_end, k + fanout)));
  }
  return out;
}

void put_u16(std::string& b, size_t at, unsigned v) {
  b[at] = static_cast<char>((v >> 8) & 0xFF);
  b[at + 1] = static_cast<char>(v & 0xFF);
}
void put_u32(std::string& b, size_t at, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) b[at + static_cast<size_t>(k)] = static_cast<char>(v >> (24 - 8 * k));
}
void put_i64(std::string& b, size_t at, std::int64_t v) {
  auto u = static_cast<std::uint64_t>(v);
  for (int k = 0; k < 8; ++k) b[at + static_cast<size_t>(k)] = static_cast<char>(u >> (56 - 8 * k));
}

constexpr size_t kCellBytes = 8 + 4 * 4;

}  // namespace

void fill_packed_rtree(SqliteDb& db, const std::string& rtree, std::vector<RtreeBox> boxes) {
  const std::string node_table = sql_identifier(rtree + "_node");
  const std::string rowid_table = sql_identifier(rtree + "_rowid");
  const std::string parent_table = sql_identifier(rtree + "_parent");
  size_t node_bytes = 0;
  {
    auto q = db.prepare("SELECT length(data), (SELECT count(*) FROM " + rowid_table + ") FROM " +
                        node_table + " WHERE nodeno = 1");
    if (!q.step()) throw GisError("the spatial index " + rtree + " has no root node", {db.path()});
    node_bytes = static_cast<size_t>(q.column_int64(0));
    if (q.column_int64(1) != 0)
      throw GisError("the spatial index " + rtree + " is not empty", {db.path()});
  }
  if (node_bytes < 4 + 2 * kCellBytes)
    throw GisError("unexpected rtree node size in " + rtree, {db.path()});
  const size_t fanout = (node_bytes - 4) / kCellBytes;
  if (boxes.empty()) return;

  std::vector<Item> items;
  items.reserve(boxes.size());
  for (const RtreeBox& b : boxes)
    items.push_back(
        {b.id, {round_down(b.minx), round_up(b.maxx), round_down(b.miny), round_up(b.maxy)}});
  boxes = {};

  // levels[0] are the leaves; the last level holds the root alone.
  std::vector<std::vector<Node>> levels;
  levels.push_back(pack_level(std::move(items), fanout));
  while (levels.back().size() > 1) {
    std::vector<Item> up;
    up.reserve(levels.back().size());
    for (size_t j = 0; j < levels.back().size(); ++j)
      up.push_back({static_cast<std::int64_t>(j), union_of(levels.back()[j])});
    levels.push_back(pack_level(std::move(up), fanout));
  }

  // Node numbers: the root is 1, the rest follow level by level from the top.
  std::vector<std::vector<std::int64_t>> number(levels.size());
  std::int64_t next = 1;
  for (size_t l = levels.size(); l-- > 0;)
    for (size_t j = 0; j < levels[l].size(); ++j) number[l].push_back(next++);

  db.exec("DELETE FROM " + node_table);
  auto put_node = db.prepare("INSERT INTO " + node_table + " (nodeno, data) VALUES (?, ?)");
  auto put_rowid = db.prepare("INSERT INTO " + rowid_table + " (rowid, nodeno) VALUES (?, ?)");
  auto put_parent =
      db.prepare("INSERT INTO " + parent_table + " (nodeno, parentnode) VALUES (?, ?)");
  std::string blob(node_bytes, '\0');
  const auto depth = static_cast<unsigned>(levels.size() - 1);
  // Each feature's leaf, inserted in feature id order afterwards: in leaf order the ids come
  // scattered, and a million scattered keys made SQLite rebalance its b-tree all the time.
  std::vector<std::pair<std::int64_t, std::int64_t>> leaf_of;
  leaf_of.reserve(levels[0].size() * fanout);
  for (size_t l = 0; l < levels.size(); ++l) {
    for (size_t j = 0; j < levels[l].size(); ++j) {
      const Node& node = levels[l][j];
      std::fill(blob.begin(), blob.end(), '\0');
      put_u16(blob, 0, l + 1 == levels.size() ? depth : 0);
      put_u16(blob, 2, static_cast<unsigned>(node.size()));
      size_t at = 4;
      for (const Item& it : node) {
        const std::int64_t id = l == 0 ? it.id : number[l - 1][static_cast<size_t>(it.id)];
        put_i64(blob, at, id);
        put_u32(blob, at + 8, std::bit_cast<std::uint32_t>(it.box.minx));
        put_u32(blob, at + 12, std::bit_cast<std::uint32_t>(it.box.maxx));
        put_u32(blob, at + 16, std::bit_cast<std::uint32_t>(it.box.miny));
        put_u32(blob, at + 20, std::bit_cast<std::uint32_t>(it.box.maxy));
        at += kCellBytes;
        if (l == 0) {
          leaf_of.emplace_back(it.id, number[0][j]);
        } else {
          put_parent.bind(1, id);
          put_parent.bind(2, number[l][j]);
          put_parent.run_and_reset();
        }
      }
      put_node.bind(1, number[l][j]);
      put_node.bind_blob(2, blob.data(), blob.size());
      put_node.run_and_reset();
    }
  }
  std::sort(leaf_of.begin(), leaf_of.end());
  for (const auto& [id, node] : leaf_of) {
    put_rowid.bind(1, id);
    put_rowid.bind(2, node);
    put_rowid.run_and_reset();
  }
}

}  // namespace parkatlas
