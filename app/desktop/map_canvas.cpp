// Map canvas: interaction and asynchronous rendering.
#include "app/desktop/map_canvas.hpp"

#include <QCoreApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

namespace parkatlas::desktop {

MapCanvas::MapCanvas(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setMinimumSize(200, 150);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setFocusPolicy(Qt::StrongFocus);
  connect(&watcher_, &QFutureWatcher<QImage>::finished, this, &MapCanvas::on_render_finished);
}

MapCanvas::~MapCanvas() {
  if (cancel_) cancel_->store(true);
  watcher_.waitForFinished();
}

void MapCanvas::set_scene(const MapScene& scene) {
  const bool first = scene_.layers.empty();
  scene_ = scene;
  if (first) view_.fit(scene_.extent());
  request_render();
}

void MapCanvas::set_viewport(const MapViewport& v) {
  view_ = v;
  view_.size = size();
  request_render();
  emit view_changed();
}

void MapCanvas::zoom_to(const MapBox& box) {
  view_.size = size();
  view_.fit(box);
  request_render();
  emit view_changed();
}

void MapCanvas::zoom_full() {
  zoom_to(scene_.extent());
}

void MapCanvas::request_render() {
  if (watcher_.isRunning()) {
    // The running render is stale: stop it and draw again when it returns.
    if (cancel_) cancel_->store(true);
    pending_ = true;
    return;
  }
  start_render();
}

void MapCanvas::start_render() {
  pending_ = false;
  cancel_ = std::make_shared<std::atomic<bool>>(false);
  rendering_view_ = view_;
  rendering_view_.size = size();
  render_clock_.start();
  // The worker gets copies: the scene (layer data shared read-only) and the view.
  watcher_.setFuture(
      QtConcurrent::run([scene = scene_, view = rendering_view_, cancel = cancel_]() {
        return render_map_image(scene, view, cancel.get());
      }));
}

void MapCanvas::on_render_finished() {
  const bool cancelled = cancel_ && cancel_->load();
  if (!cancelled) {
    image_ = watcher_.result();
    image_view_ = rendering_view_;
    last_render_ms_ = render_clock_.nsecsElapsed() / 1e6;
    update();
    emit rendered(last_render_ms_);
  }
  if (pending_ || cancelled) start_render();
}

bool MapCanvas::wait_for_render(int timeout_ms) {
  QElapsedTimer t;
  t.start();
  while (t.elapsed() < timeout_ms) {
    watcher_.waitForFinished();
    QCoreApplication::processEvents();
    if (!watcher_.isRunning() && !pending_ && !image_.isNull() && image_view_.cx == view_.cx &&
        image_view_.cy == view_.cy && image_view_.mpp == view_.mpp && image_view_.size == size())
      return true;
  }
  return false;
}

void MapCanvas::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), Qt::white);
  if (!image_.isNull()) {
    // The last image, moved and scaled to where the current view puts it.
    const double s = image_view_.mpp / view_.mpp;
    const QPointF origin =
        view_.to_pixel(image_view_.cx - image_view_.size.width() / 2.0 * image_view_.mpp,
                       image_view_.cy + image_view_.size.height() / 2.0 * image_view_.mpp);
    p.setRenderHint(QPainter::SmoothPixmapTransform, s != 1.0);
    p.drawImage(QRectF(origin, QSizeF(image_.width() * s, image_.height() * s)), image_);
  }
  if (boxing_) {
    p.setPen(QPen(QColor(0, 120, 215), 1, Qt::DashLine));
    p.setBrush(QColor(0, 120, 215, 40));
    p.drawRect(QRect(press_pos_, last_pos_).normalized());
  }
  draw_scale_bar(p, rect(), view_.mpp);
  draw_north_arrow(p, rect());
}

void MapCanvas::resizeEvent(QResizeEvent*) {
  const bool first = view_.size.isEmpty() || image_.isNull();
  view_.size = size();
  if (first && !scene_.layers.empty()) view_.fit(scene_.extent());
  request_render();
  emit view_changed();
}

void MapCanvas::mousePressEvent(QMouseEvent* e) {
  if (e->button() != Qt::LeftButton) return;
  press_pos_ = last_pos_ = e->position().toPoint();
  moved_ = false;
  boxing_ = e->modifiers() & Qt::ShiftModifier;
  dragging_ = !boxing_;
}

void MapCanvas::mouseMoveEvent(QMouseEvent* e) {
  const QPoint pos = e->position().toPoint();
  const QPointF m = view_.to_map(pos);
  emit cursor_moved(m.x(), m.y());
  if (!(e->buttons() & Qt::LeftButton)) return;
  if ((pos - press_pos_).manhattanLength() > 3) moved_ = true;
  if (dragging_ && moved_) {
    const QPoint d = pos - last_pos_;
    view_.cx -= d.x() * view_.mpp;
    view_.cy += d.y() * view_.mpp;
    update();  // shows the old image shifted at once
  }
  last_pos_ = pos;
  if (boxing_) update();
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* e) {
  if (e->button() != Qt::LeftButton) return;
  const QPoint pos = e->position().toPoint();
  if (boxing_) {
    boxing_ = false;
    const QRect r = QRect(press_pos_, pos).normalized();
    if (r.width() > 4 && r.height() > 4) {
      const QPointF a = view_.to_map(r.topLeft()), b = view_.to_map(r.bottomRight());
      MapBox box;
      box.expand(a.x(), a.y());
      box.expand(b.x(), b.y());
      view_.fit(box, 0);
      request_render();
      emit view_changed();
    }
    update();
    return;
  }
  dragging_ = false;
  if (moved_) {
    request_render();
    emit view_changed();
  } else {
    const QPointF m = view_.to_map(pos);
    emit clicked(m.x(), m.y(), 4 * view_.mpp);
  }
}

void MapCanvas::wheelEvent(QWheelEvent* e) {
  const double steps = e->angleDelta().y() / 120.0;
  if (steps == 0) return;
  view_.size = size();
  view_.zoom_at(e->position(), std::pow(1.25, steps));
  update();
  request_render();
  emit view_changed();
}

}  // namespace parkatlas::desktop
