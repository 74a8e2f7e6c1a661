// Point queries on in-memory map layers.
#include "gis/map/map_layer.hpp"

#include <ogr_geometry.h>

namespace parkatlas {

std::uint16_t MapCategoryColumn::code_of(const std::string& value) const {
  for (size_t k = 1; k < values.size(); ++k)
    if (values[k] == value) return static_cast<std::uint16_t>(k);
  return 0;
}

const MapCategoryColumn* MapLayerData::category(const std::string& field) const {
  for (const auto& c : categories)
    if (c.field == field) return &c;
  return nullptr;
}

const MapNumberColumn* MapLayerData::number(const std::string& field) const {
  for (const auto& c : numbers)
    if (c.field == field) return &c;
  return nullptr;
}

namespace {

// The feature's polygons as one OGR geometry (rings grouped by the odd-even rule are not known
// here, so each ring becomes a polygon of a collection and containment counts rings).
bool contains_point(const MapLayerData& layer, size_t i, double x, double y) {
  OGRPoint point(x, y);
  int inside = 0;
  for (std::uint32_t r = layer.first_ring[i]; r < layer.first_ring[i + 1]; ++r) {
    OGRLinearRing ring;
    const std::uint32_t a = layer.ring_start[r], b = layer.ring_start[r + 1];
    ring.setNumPoints(static_cast<int>(b - a), FALSE);
    for (std::uint32_t v = a; v < b; ++v)
      ring.setPoint(static_cast<int>(v - a), layer.xy[2 * v], layer.xy[2 * v + 1]);
    OGRPolygon polygon;
    polygon.addRing(&ring);
    if (polygon.Contains(&point)) ++inside;
  }
  // Odd-even, as the canvas fills: a point inside an outer ring and a hole is outside.
  return inside % 2 == 1;
}

}  // namespace

long MapLayerData::feature_at(double x, double y, double tolerance) const {
  for (size_t k = size(); k-- > 0;) {
    if (!boxes[k].contains(x, y)) continue;
    if (contains_point(*this, k, x, y)) return static_cast<long>(k);
  }
  long best = -1;
  double best_size = std::numeric_limits<double>::infinity();
  for (size_t k = 0; k < size(); ++k) {
    const MapBox& b = boxes[k];
    // Only features too small to hit exactly (drawn as a point or a few pixels) are caught by
    // the tolerance; a click in a large parcel's hole hits nothing.
    if (b.width() > 2 * tolerance || b.height() > 2 * tolerance) continue;
    if (x < b.minx - tolerance || x > b.maxx + tolerance || y < b.miny - tolerance ||
        y > b.maxy + tolerance)
      continue;
    const double s = b.width() * b.height();
    if (s < best_size) best = static_cast<long>(k), best_size = s;
  }
  return best;
}

long MapLayerData::find_label(const std::string& label) const {
  for (size_t k = 0; k < labels.size(); ++k)
    if (labels[k] == label) return static_cast<long>(k);
  return -1;
}

}  // namespace parkatlas
