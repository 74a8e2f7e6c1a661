// The map renderer: visible features only, sub-pixel features as points, labels without overlap.
#include "app/desktop/map_renderer.hpp"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>

namespace parkatlas::desktop {

namespace {

struct Symbol {
  QColor fill, outline;
  double outline_width = 0.6;
};

Symbol simple_symbol(const SimpleStyle& s, double width) {
  return {colour_of(s.fill), colour_of(s.outline), width};
}

class LayerPainter {
 public:
  LayerPainter(QPainter& p, const MapViewport& v, RenderStats& stats)
      : p_(p), v_(v), stats_(stats) {}

  // Draws feature i with `fill` (and outline when it is big enough to show one).
  void feature(const MapLayerData& d, size_t i, const QColor& fill, const Symbol& sym) {
    const MapBox& b = d.boxes[i];
    const double w = b.width() / v_.mpp, h = b.height() / v_.mpp;
    if (w < 1.5 && h < 1.5) {
      // Sub-pixel features: one dot per screen pixel (at province scale a million parcels fall
      // on a few hundred thousand pixels; the first one drawn there stays).
      const QPointF c = v_.to_pixel((b.minx + b.maxx) / 2, (b.miny + b.maxy) / 2);
      const int px = static_cast<int>(c.x()), py = static_cast<int>(c.y());
      if (px < 0 || py < 0 || px >= v_.size.width() || py >= v_.size.height()) return;
      const size_t cell = static_cast<size_t>(py) * v_.size.width() + px;
      if (occupied_.empty())
        occupied_.assign(static_cast<size_t>(v_.size.width()) * v_.size.height(), 0);
      if (occupied_[cell]) return;
      occupied_[cell] = 1;
      const QColor colour = fill.isValid() && fill.alpha() > 0 ? fill : sym.outline;
      points_[colour.rgba()].push_back(QPoint(px, py));
      ++stats_.points;
      return;
    }
    if (w < 4 && h < 4) {
      const QPointF a = v_.to_pixel(b.minx, b.maxy);
      const QRectF r(a.x(), a.y(), std::max(w, 1.0), std::max(h, 1.0));
      // Faint or empty fills (park outlines, batches) keep their outline colour.
      p_.fillRect(r, fill.isValid() && fill.alpha() >= 64 ? fill : sym.outline);
      ++stats_.boxes;
      return;
    }
    const bool outline = sym.outline.isValid() && sym.outline.alpha() > 0 && (w >= 6 || h >= 6);
    p_.setPen(outline ? QPen(sym.outline, sym.outline_width) : QPen(Qt::NoPen));
    p_.setBrush(fill.isValid() ? QBrush(fill) : QBrush(Qt::NoBrush));
    const std::uint32_t r0 = d.first_ring[i], r1 = d.first_ring[i + 1];
    if (r1 - r0 == 1) {
      ring(d, r0, poly_);
      p_.drawPolygon(poly_, Qt::OddEvenFill);
    } else {
      QPainterPath path;
      path.setFillRule(Qt::OddEvenFill);
      for (std::uint32_t r = r0; r < r1; ++r) {
        ring(d, r, poly_);
        path.addPolygon(poly_);
        path.closeSubpath();
      }
      p_.drawPath(path);
    }
    ++stats_.polygons;
  }

  void flush_points() {
    p_.save();
    p_.setRenderHint(QPainter::Antialiasing, false);  // whole pixels: several times faster
    for (auto& [rgba, pts] : points_) {
      p_.setPen(QPen(QColor::fromRgba(rgba), 1));
      p_.drawPoints(pts.data(), static_cast<int>(pts.size()));
    }
    p_.restore();
    points_.clear();
  }

 private:
  void ring(const MapLayerData& d, std::uint32_t r, QPolygonF& out) const {
    out.clear();
    const std::uint32_t a = d.ring_start[r], b = d.ring_start[r + 1];
    out.reserve(static_cast<qsizetype>(b - a));
    for (std::uint32_t k = a; k < b; ++k) out.append(v_.to_pixel(d.xy[2 * k], d.xy[2 * k + 1]));
  }

  QPainter& p_;
  const MapViewport& v_;
  RenderStats& stats_;
  QPolygonF poly_;
  std::unordered_map<QRgb, std::vector<QPoint>> points_;
  std::vector<std::uint8_t> occupied_;  // pixels that already hold a dot of this layer
};

struct Label {
  QPointF at;
  QString text;
  bool bold;
};

}  // namespace

RenderStats render_map(const MapScene& scene, const MapViewport& v, QPainter& painter,
                       const std::atomic<bool>* cancel) {
  RenderStats stats;
  if (!scene.styles) return stats;
  const StyleBook& styles = *scene.styles;
  const MapBox view = v.extent();
  painter.setRenderHint(QPainter::Antialiasing, true);
  std::vector<Label> labels;
  for (const LayerView& l : scene.layers) {
    if (!l.visible || !l.data || l.opacity <= 0) continue;
    const MapLayerData& d = *l.data;
    if (!d.extent.intersects(view)) continue;
    if (d.name == "buildings" && v.mpp > scene.buildings_max_mpp) continue;
    painter.save();
    painter.setOpacity(l.opacity);
    LayerPainter lp(painter, v, stats);
    const std::vector<bool>* mask = scene.mask_of(d.name);
    Symbol sym{QColor(), QColor(90, 90, 90), 0.5};
    std::optional<ParcelColours> parcel_colours;
    const MapCategoryColumn* zone_cluster = nullptr;
    std::vector<QColor> zone_colours;  // by code of the zones' cluster column
    if (d.name == "parcels") {
      parcel_colours.emplace(d, styles, l.theme, scene.cluster_order);
    } else if (d.name == "parks") {
      sym = simple_symbol(styles.park, 1.6);
    } else if (d.name == "unsupplied") {
      sym = simple_symbol(styles.unsupplied, 0.8);
    } else if (d.name == "approval_batches") {
      sym = simple_symbol(styles.approval_batches, 1.0);
      sym.fill = QColor();
    } else if (d.name == "buildings") {
      sym = simple_symbol(styles.buildings, 0.4);
    } else if (d.name == "proposals") {
      sym = simple_symbol(styles.proposals, 1.6);
    } else if (d.name == "constraints") {
      sym = simple_symbol(styles.constraints, 0.6);
    } else if (d.name == "clusters") {
      zone_cluster = d.category("cluster");
      if (zone_cluster)
        for (const auto& name : zone_cluster->values) {
          QColor c = cluster_colour(styles, scene.cluster_order, name);
          c.setAlpha(90);
          zone_colours.push_back(c);
        }
      sym.outline_width = 1.2;
    }
    for (size_t i = 0; i < d.size(); ++i) {
      if ((i & 0x3fff) == 0 && cancel && cancel->load(std::memory_order_relaxed)) {
        stats.cancelled = true;
        painter.restore();
        return stats;
      }
      if (mask && !(*mask)[i]) continue;
      if (!d.boxes[i].intersects(view)) continue;
      QColor fill = sym.fill;
      if (parcel_colours) fill = (*parcel_colours)(i);
      if (zone_cluster) {
        fill = zone_colours[zone_cluster->codes[i]];
        sym.outline = fill.darker(160);
        sym.outline.setAlpha(255);
      }
      lp.feature(d, i, fill, sym);
      // Labels: park names from 6 px (collisions are dropped), parcel ids from 90 px wide.
      const double w = d.boxes[i].width() / v.mpp;
      if (!d.labels.empty() && !d.labels[i].empty() &&
          ((d.name == "parks" && w > 6) || (d.name == "parcels" && w > 90)))
        labels.push_back({v.to_pixel((d.boxes[i].minx + d.boxes[i].maxx) / 2,
                                     (d.boxes[i].miny + d.boxes[i].maxy) / 2),
                          QString::fromStdString(d.labels[i]), d.name == "parks"});
    }
    lp.flush_points();
    if (d.name == "parcels" && !scene.selected_parcels.empty()) {
      Symbol hl{QColor(), QColor(0, 200, 255), 3};  // outline only: the theme colour stays visible
      for (long i : scene.selected_parcels)
        if (i >= 0 && static_cast<size_t>(i) < d.size() && d.boxes[i].intersects(view)) {
          painter.setOpacity(1.0);
          const double w = d.boxes[i].width() / v.mpp;
          if (w < 6) {  // too small to see: a ring around it
            painter.setPen(QPen(hl.outline, 2));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(v.to_pixel((d.boxes[i].minx + d.boxes[i].maxx) / 2,
                                           (d.boxes[i].miny + d.boxes[i].maxy) / 2),
                                6, 6);
          } else {
            LayerPainter sel(painter, v, stats);
            sel.feature(d, static_cast<size_t>(i), hl.fill, hl);
          }
        }
    }
    painter.restore();
  }
  // Labels last, larger (park) labels first, none over another.
  std::stable_sort(labels.begin(), labels.end(),
                   [](const Label& a, const Label& b) { return a.bold > b.bold; });
  std::vector<QRectF> placed;
  QFont font = painter.font();
  for (const Label& lab : labels) {
    if (placed.size() > 400) break;
    QFont f = font;
    f.setBold(lab.bold);
    f.setPointSizeF(lab.bold ? 10 : 8);
    painter.setFont(f);
    const QFontMetricsF fm(f, painter.device());
    QRectF r = fm.boundingRect(lab.text);
    r.moveCenter(lab.at);
    bool clash = false;
    for (const QRectF& o : placed)
      if (o.intersects(r)) {
        clash = true;
        break;
      }
    if (clash) continue;
    placed.push_back(r.adjusted(-3, -2, 3, 2));
    QPainterPath path;
    path.addText(r.left(), r.top() + fm.ascent(), f, lab.text);
    painter.setPen(QPen(QColor(255, 255, 255, 220), 3));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    painter.setPen(Qt::NoPen);
    painter.setBrush(lab.bold ? QColor(20, 30, 60) : QColor(40, 40, 40));
    painter.drawPath(path);
    ++stats.labels;
  }
  painter.setFont(font);
  return stats;
}

QImage render_map_image(const MapScene& scene, const MapViewport& viewport,
                        const std::atomic<bool>* cancel, RenderStats* stats) {
  QImage image(viewport.size, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  QPainter painter(&image);
  const RenderStats s = render_map(scene, viewport, painter, cancel);
  if (stats) *stats = s;
  return image;
}

QImage render_canvas_image(const MapScene& scene, const MapViewport& viewport, RenderStats* stats) {
  QImage image = render_map_image(scene, viewport, nullptr, stats);
  QPainter painter(&image);
  const QRectF area(QPointF(0, 0), QSizeF(viewport.size));
  draw_scale_bar(painter, area, viewport.mpp);
  draw_north_arrow(painter, area);
  return image;
}

void draw_scale_bar(QPainter& painter, const QRectF& area, double mpp, double unit) {
  // A round length near a fifth of the width: 1, 2 or 5 × 10^k metres.
  const double target = area.width() / 5 * mpp;
  const double pow10 = std::pow(10.0, std::floor(std::log10(std::max(target, 1e-9))));
  double metres = pow10;
  for (double m : {1.0, 2.0, 5.0})
    if (m * pow10 <= target) metres = m * pow10;
  const double px = metres / mpp;
  const QString text =
      metres >= 1000 ? QString("%1 km").arg(metres / 1000) : QString("%1 m").arg(metres);
  const QPointF origin(area.left() + 12 * unit, area.bottom() - 14 * unit);
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, false);
  painter.setBrush(QColor(255, 255, 255, 200));
  painter.setPen(Qt::NoPen);
  painter.drawRect(
      QRectF(origin.x() - 6 * unit, origin.y() - 24 * unit, px + 60 * unit, 32 * unit));
  painter.setPen(QPen(Qt::black, 1.5 * unit));
  painter.setBrush(Qt::black);
  painter.drawRect(QRectF(origin.x(), origin.y() - 6 * unit, px / 2, 6 * unit));
  painter.setBrush(Qt::white);
  painter.drawRect(QRectF(origin.x() + px / 2, origin.y() - 6 * unit, px / 2, 6 * unit));
  QFont f = painter.font();
  f.setPixelSize(static_cast<int>(std::round(12 * unit)));
  painter.setFont(f);
  painter.drawText(QPointF(origin.x(), origin.y() - 10 * unit), "0");
  painter.drawText(QPointF(origin.x() + px + 4 * unit, origin.y()), text);
  painter.restore();
}

void draw_north_arrow(QPainter& painter, const QRectF& area, double unit) {
  const QPointF tip(area.right() - 30 * unit, area.top() + 14 * unit);
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  QPolygonF left, right;
  left << tip << QPointF(tip.x() - 10 * unit, tip.y() + 30 * unit)
       << QPointF(tip.x(), tip.y() + 24 * unit);
  right << tip << QPointF(tip.x() + 10 * unit, tip.y() + 30 * unit)
        << QPointF(tip.x(), tip.y() + 24 * unit);
  painter.setPen(QPen(Qt::black, 1 * unit));
  painter.setBrush(Qt::black);
  painter.drawPolygon(left);
  painter.setBrush(Qt::white);
  painter.drawPolygon(right);
  QFont f = painter.font();
  f.setPixelSize(static_cast<int>(std::round(13 * unit)));
  f.setBold(true);
  painter.setFont(f);
  painter.drawText(QRectF(tip.x() - 10 * unit, tip.y() + 31 * unit, 20 * unit, 16 * unit),
                   Qt::AlignCenter, "N");
  painter.restore();
}

QRectF draw_legend(QPainter& painter, QPointF top_left, const std::vector<LegendEntry>& entries,
                   double unit) {
  painter.save();
  QFont f = painter.font();
  f.setPixelSize(static_cast<int>(std::round(12 * unit)));
  QFont bold = f;
  bold.setBold(true);
  const QFontMetricsF fm(f, painter.device()), fmb(bold, painter.device());
  double width = 0;
  for (const auto& e : entries)
    width = std::max(
        width, (e.heading ? fmb : fm).horizontalAdvance(e.label) + (e.heading ? 0 : 26 * unit));
  const double row = 18 * unit;
  QRectF box(top_left, QSizeF(width + 16 * unit, row * entries.size() + 10 * unit));
  painter.setPen(QPen(QColor(120, 120, 120), 1 * unit));
  painter.setBrush(QColor(255, 255, 255, 230));
  painter.drawRect(box);
  double y = box.top() + 5 * unit;
  for (const auto& e : entries) {
    if (e.heading) {
      painter.setFont(bold);
      painter.setPen(Qt::black);
      painter.drawText(QRectF(box.left() + 8 * unit, y, width, row), Qt::AlignVCenter, e.label);
    } else {
      painter.setPen(e.outline.isValid() ? QPen(e.outline, 1 * unit) : QPen(Qt::NoPen));
      painter.setBrush(e.fill.isValid() ? QBrush(e.fill) : QBrush(Qt::NoBrush));
      painter.drawRect(QRectF(box.left() + 8 * unit, y + 3 * unit, 18 * unit, row - 6 * unit));
      painter.setFont(f);
      painter.setPen(Qt::black);
      painter.drawText(QRectF(box.left() + 32 * unit, y, width, row), Qt::AlignVCenter, e.label);
    }
    y += row;
  }
  painter.restore();
  return box;
}

void draw_map_sheet(QPainter& painter, const QRectF& page, const MapScene& scene,
                    const MapViewport& screen_view, const QString& title,
                    const QString& date_line) {
  // Everything is laid out in units of 1/100 of the page's shorter side, so a 1200 dpi printer
  // page and a PNG look alike.
  const double unit = std::min(page.width(), page.height()) / 700.0;
  painter.fillRect(page, Qt::white);
  QFont tf = painter.font();
  tf.setPixelSize(static_cast<int>(std::round(22 * unit)));
  tf.setBold(true);
  painter.setFont(tf);
  painter.setPen(Qt::black);
  const QRectF title_box(page.left(), page.top() + 8 * unit, page.width(), 34 * unit);
  painter.drawText(title_box, Qt::AlignCenter, title);
  const QRectF map_box = page.adjusted(20 * unit, 50 * unit, -20 * unit, -30 * unit);
  // The same map extent as on screen, fitted into the sheet's map frame at the sheet's resolution.
  MapViewport v = screen_view;
  v.size = map_box.size().toSize();
  v.mpp = std::max(screen_view.mpp * screen_view.size.width() / std::max(1.0, map_box.width()),
                   screen_view.mpp * screen_view.size.height() / std::max(1.0, map_box.height()));
  painter.save();
  painter.translate(map_box.topLeft());
  painter.setClipRect(QRectF(QPointF(0, 0), map_box.size()));
  render_map(scene, v, painter);
  painter.restore();
  painter.setPen(QPen(Qt::black, 1.5 * unit));
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(map_box);
  draw_scale_bar(painter, map_box, v.mpp, unit);
  draw_north_arrow(painter, map_box, unit);
  draw_legend(painter, map_box.topLeft() + QPointF(10 * unit, 10 * unit), scene.legend(), unit);
  QFont df = painter.font();
  df.setPixelSize(static_cast<int>(std::round(11 * unit)));
  df.setBold(false);
  painter.setFont(df);
  painter.drawText(QRectF(page.left() + 20 * unit, page.bottom() - 26 * unit,
                          page.width() - 40 * unit, 20 * unit),
                   Qt::AlignLeft | Qt::AlignVCenter, date_line);
}

}  // namespace parkatlas::desktop
