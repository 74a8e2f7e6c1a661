// Drawing a MapScene with QPainter: the one routine behind the canvas (on a worker thread), the
// headless --render mode and printing, so all three draw the same map.
#pragma once
#include <QImage>
#include <QPainter>
#include <QString>
#include <atomic>

#include "app/desktop/map_scene.hpp"
#include "app/desktop/map_viewport.hpp"

namespace parkatlas::desktop {

struct RenderStats {
  long polygons = 0, boxes = 0, points = 0, labels = 0;
  bool cancelled = false;
};

// Draws the scene's visible layers into `painter` (whose device spans viewport.size). Features
// smaller than a pixel are drawn as points, those of a few pixels as boxes; `cancel` is polled so
// a render nobody waits for stops early.
RenderStats render_map(const MapScene& scene, const MapViewport& viewport, QPainter& painter,
                       const std::atomic<bool>* cancel = nullptr);

// A new ARGB image of the viewport's size with the map on a white ground.
QImage render_map_image(const MapScene& scene, const MapViewport& viewport,
                        const std::atomic<bool>* cancel = nullptr, RenderStats* stats = nullptr);

// What the canvas shows for `viewport`: the map image with the scale bar and north arrow on top.
// The --render mode writes this, so a script sees exactly the canvas.
QImage render_canvas_image(const MapScene& scene, const MapViewport& viewport,
                           RenderStats* stats = nullptr);

// Scale bar (bottom left) and north arrow (top right), in device pixels of `area`; `unit` scales
// line widths and text for print resolutions (1 on screen).
void draw_scale_bar(QPainter& painter, const QRectF& area, double metres_per_pixel,
                    double unit = 1);
void draw_north_arrow(QPainter& painter, const QRectF& area, double unit = 1);
// The legend in a box at `top_left`; returns the rectangle it used.
QRectF draw_legend(QPainter& painter, QPointF top_left, const std::vector<LegendEntry>& entries,
                   double unit = 1);

// A finished map sheet (title, date, map, legend, scale bar, north arrow) filling `page`, as
// printed to PDF or saved as PNG.
void draw_map_sheet(QPainter& painter, const QRectF& page, const MapScene& scene,
                    const MapViewport& screen_view, const QString& title, const QString& date_line);

}  // namespace parkatlas::desktop
