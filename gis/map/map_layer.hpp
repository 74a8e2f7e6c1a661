// A layer held in memory for drawing: every polygon's rings as flat coordinates with a box per
// feature, plus the few attribute columns a map needs (style categories, numbers to grade by, a
// label). Filled once from GDAL; drawing never goes back to the file, and several threads may read
// one MapLayerData at the same time.
#pragma once
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace parkatlas {

struct MapBox {
  double minx = std::numeric_limits<double>::infinity();
  double miny = std::numeric_limits<double>::infinity();
  double maxx = -std::numeric_limits<double>::infinity();
  double maxy = -std::numeric_limits<double>::infinity();
  bool empty() const { return !(minx <= maxx && miny <= maxy); }
  double width() const { return empty() ? 0 : maxx - minx; }
  double height() const { return empty() ? 0 : maxy - miny; }
  bool intersects(const MapBox& o) const {
    return !(o.minx > maxx || o.maxx < minx || o.miny > maxy || o.maxy < miny);
  }
  bool contains(double x, double y) const {
    return x >= minx && x <= maxx && y >= miny && y <= maxy;
  }
  void expand(double x, double y) {
    minx = std::min(minx, x), maxx = std::max(maxx, x);
    miny = std::min(miny, y), maxy = std::max(maxy, y);
  }
  void expand(const MapBox& o) {
    if (o.empty()) return;
    expand(o.minx, o.miny);
    expand(o.maxx, o.maxy);
  }
};

// A text column kept as small codes: code 0 is null, code k is values[k].
struct MapCategoryColumn {
  std::string field;
  std::vector<std::string> values{""};
  std::vector<std::uint16_t> codes;
  std::uint16_t code_of(const std::string& value) const;  // 0 when absent
};

struct MapNumberColumn {
  std::string field;
  std::vector<float> values;  // NaN = null
};

struct MapLayerData {
  std::string name;                          // logical name: parcels, parks, buildings …
  std::string table;                         // table or layer it came from, e.g. run_2_parcels
  std::vector<double> xy;                    // x0 y0 x1 y1 … of every ring
  std::vector<std::uint32_t> ring_start{0};  // first vertex of each ring, then the total
  std::vector<std::uint32_t> first_ring{0};  // first ring of each feature, then the total
  std::vector<MapBox> boxes;
  std::vector<long long> fids;
  std::vector<MapCategoryColumn> categories;
  std::vector<MapNumberColumn> numbers;
  std::vector<std::string> labels;  // the label field's text per feature ("" when none)
  MapBox extent;

  size_t size() const { return boxes.size(); }
  const MapCategoryColumn* category(const std::string& field) const;
  const MapNumberColumn* number(const std::string& field) const;
  // The feature index whose polygon contains (x, y), the last drawn first; else, among features
  // no larger than 2 × `tolerance` (too small to hit), the smallest whose box lies within
  // `tolerance` map units; -1 when none. Polygon tests use GEOS
  // through OGR.
  long feature_at(double x, double y, double tolerance) const;
  // Index of the feature whose label text is `label`, -1 when none.
  long find_label(const std::string& label) const;
};

}  // namespace parkatlas
