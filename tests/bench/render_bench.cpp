// Rendering benchmark for the desktop map (issue 5; not a test): loads a project or results.gpkg
// as parkatlas-desktop does, then times the frames a planner causes: the first full-extent frame,
// a pan, zooming in step by step, and a park-scale frame, each drawn off screen with the canvas's
// own renderer at 1600 × 1000. Prints milliseconds. Usage: render_bench FILE [repeats]
#include <sys/resource.h>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <cstdio>

#include "app/desktop/map_renderer.hpp"
#include "app/desktop/project_document.hpp"

using namespace parkatlas::desktop;

namespace {

double frame_ms(const MapScene& scene, const MapViewport& view, RenderStats* stats) {
  QElapsedTimer t;
  t.start();
  const QImage image = render_map_image(scene, view, nullptr, stats);
  return t.nsecsElapsed() / 1e6;
}

void report(const char* what, const MapScene& scene, const MapViewport& view, int repeats) {
  double best = 1e300, total = 0;
  RenderStats stats;
  for (int k = 0; k < repeats; ++k) {
    const double ms = frame_ms(scene, view, &stats);
    best = std::min(best, ms);
    total += ms;
  }
  std::printf(
      "  %-34s %8.1f ms (mean of %d: %8.1f)  scale 1:%-9.0f %9ld polygons %8ld boxes %9ld points\n",
      what, best, repeats, total / repeats, view.scale_denominator(96), stats.polygons, stats.boxes,
      stats.points);
}

}  // namespace

int main(int argc, char** argv) {
  QGuiApplication app(argc, argv);
  if (argc < 2) {
    std::fprintf(stderr, "usage: render_bench PROJECT_OR_RESULTS [repeats]\n");
    return 2;
  }
  const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  QElapsedTimer t;
  t.start();
  auto doc = ProjectDocument::load(QString::fromLocal8Bit(argv[1]), {});
  const double load_s = t.nsecsElapsed() / 1e9;
  MapScene scene = doc->scene;
  size_t features = 0;
  for (const auto& l : scene.layers) features += l.data->size();
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("%s: %zu layers, %zu features, parcels %zu; loaded in %.1f s, peak memory %.2f GB\n",
              argv[1], scene.layers.size(), features, doc->parcels() ? doc->parcels()->size() : 0,
              load_s, ru.ru_maxrss / 1024.0 / 1024.0);

  MapViewport view;
  view.size = QSize(1600, 1000);
  view.fit(scene.extent());
  report("first full-extent frame", scene, view, 1);
  report("full extent again", scene, view, repeats);
  MapViewport pan = view;
  pan.cx += 200 * pan.mpp;  // a 200 px drag
  report("pan by 200 px", scene, pan, repeats);
  if (const auto* parks = doc->parks_layer(); parks && parks->size()) {
    size_t biggest = 0;
    for (size_t i = 1; i < parks->size(); ++i)
      if (parks->boxes[i].width() * parks->boxes[i].height() >
          parks->boxes[biggest].width() * parks->boxes[biggest].height())
        biggest = i;
    // Zooming in by wheel towards the biggest park, ×4 per step (about six wheel notches).
    const auto& b = parks->boxes[biggest];
    MapViewport zoom = view;
    const QPointF at = zoom.to_pixel((b.minx + b.maxx) / 2, (b.miny + b.maxy) / 2);
    for (int step = 1; step <= 4; ++step) {
      zoom.zoom_at(at, 4);
      char label[64];
      std::snprintf(label, sizeof label, "zoom in ×%d towards a park", 1 << (2 * step));
      report(label, scene, zoom, repeats);
    }
    // A park-scale frame around the biggest park, as "zoom to park" shows it.
    MapViewport park = view;
    park.fit(parks->boxes[biggest]);
    report("zoom to the biggest park", scene, park, repeats);
    park.cx += 200 * park.mpp;
    report("pan at park scale", scene, park, repeats);
  }
  return 0;
}
