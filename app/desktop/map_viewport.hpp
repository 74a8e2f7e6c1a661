// Which part of the map a widget or an image shows: the map point at its centre, metres per
// pixel, and its size in pixels. y grows north on the map and down on screen.
#pragma once
#include <QPointF>
#include <QRectF>
#include <QSize>

#include "gis/map/map_layer.hpp"

namespace parkatlas::desktop {

struct MapViewport {
  double cx = 0, cy = 0;  // map coordinates of the centre
  double mpp = 1;         // map units (metres) per pixel
  QSize size{800, 600};

  QPointF to_pixel(double x, double y) const {
    return {size.width() / 2.0 + (x - cx) / mpp, size.height() / 2.0 - (y - cy) / mpp};
  }
  QPointF to_map(QPointF p) const {
    return {cx + (p.x() - size.width() / 2.0) * mpp, cy - (p.y() - size.height() / 2.0) * mpp};
  }
  MapBox extent() const {
    MapBox b;
    b.minx = cx - size.width() / 2.0 * mpp;
    b.maxx = cx + size.width() / 2.0 * mpp;
    b.miny = cy - size.height() / 2.0 * mpp;
    b.maxy = cy + size.height() / 2.0 * mpp;
    return b;
  }
  // Shows `box` whole, with a margin, keeping the aspect ratio.
  void fit(const MapBox& box, double margin = 0.05) {
    if (box.empty()) return;
    cx = (box.minx + box.maxx) / 2;
    cy = (box.miny + box.maxy) / 2;
    const double w = std::max(box.width(), 1.0) * (1 + 2 * margin);
    const double h = std::max(box.height(), 1.0) * (1 + 2 * margin);
    mpp = std::max(w / std::max(1, size.width()), h / std::max(1, size.height()));
  }
  // Zooms by `factor` (> 1 zooms in) keeping the map point under `pixel` where it is.
  void zoom_at(QPointF pixel, double factor) {
    const QPointF anchor = to_map(pixel);
    mpp /= factor;
    cx = anchor.x() - (pixel.x() - size.width() / 2.0) * mpp;
    cy = anchor.y() + (pixel.y() - size.height() / 2.0) * mpp;
  }
  // The map scale denominator at `dpi` (1:N).
  double scale_denominator(double dpi) const { return mpp * dpi / 0.0254; }
};

}  // namespace parkatlas::desktop
