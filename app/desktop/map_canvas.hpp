// The map widget: pans by drag, zooms by wheel at the cursor and by box (shift-drag), and shows
// the last finished image while the next one renders on a worker thread, so the UI never waits
// for drawing.
#pragma once
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QImage>
#include <QWidget>
#include <atomic>
#include <memory>

#include "app/desktop/map_renderer.hpp"

namespace parkatlas::desktop {

class MapCanvas : public QWidget {
  Q_OBJECT
 public:
  explicit MapCanvas(QWidget* parent = nullptr);
  ~MapCanvas() override;

  void set_scene(const MapScene& scene);  // redraws; keeps the view
  const MapScene& scene() const { return scene_; }
  const MapViewport& viewport() const { return view_; }
  void set_viewport(const MapViewport& v);
  void zoom_to(const MapBox& box);
  void zoom_full();
  // Waits for the current render (tests, --render parity); true when an image is up to date.
  bool wait_for_render(int timeout_ms = 30000);
  const QImage& image() const { return image_; }
  double last_render_ms() const { return last_render_ms_; }

 signals:
  void clicked(double x, double y, double tolerance);
  void cursor_moved(double x, double y);
  void view_changed();
  void rendered(double milliseconds);

 protected:
  void paintEvent(QPaintEvent*) override;
  void resizeEvent(QResizeEvent*) override;
  void mousePressEvent(QMouseEvent*) override;
  void mouseMoveEvent(QMouseEvent*) override;
  void mouseReleaseEvent(QMouseEvent*) override;
  void wheelEvent(QWheelEvent*) override;

 private:
  void request_render();
  void start_render();
  void on_render_finished();

  MapScene scene_;
  MapViewport view_;
  QImage image_;            // last finished render
  MapViewport image_view_;  // the view it was drawn for
  QFutureWatcher<QImage> watcher_;
  std::shared_ptr<std::atomic<bool>> cancel_;
  MapViewport rendering_view_;
  bool pending_ = false;
  QElapsedTimer render_clock_;
  double last_render_ms_ = 0;
  // Mouse
  QPoint press_pos_, last_pos_;
  bool dragging_ = false, boxing_ = false, moved_ = false;
};

}  // namespace parkatlas::desktop
