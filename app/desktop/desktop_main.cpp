// parkatlas-desktop: the map application, or with --render a headless drawing of a project's map
// (the canvas's own renderer, for scripts and tests).
#include <QApplication>
#include <QCommandLineParser>
#include <QTranslator>
#include <iostream>

#include "app/desktop/main_window.hpp"
#include "app/desktop/map_renderer.hpp"
#include "app/desktop/project_document.hpp"

using namespace parkatlas::desktop;

namespace {

// --extent: "park:ID", "parcel:ID", "full" or "xmin,ymin,xmax,ymax" in the measuring CRS.
bool extent_of(const ProjectDocument& doc, const QString& spec, parkatlas::MapBox& box) {
  box = doc.scene.extent();
  if (spec.isEmpty() || spec == "full") return true;
  if (spec.startsWith("park:") || spec.startsWith("parcel:")) {
    const bool park = spec.startsWith("park:");
    const QString id = spec.section(':', 1);
    const parkatlas::MapLayerData* layer = park ? doc.parks_layer() : doc.parcels();
    if (!layer) return false;
    parkatlas::MapBox found;
    const auto* ids = park ? layer->category("park_id") : nullptr;
    for (size_t i = 0; i < layer->size(); ++i)
      if (park ? (ids && ids->values[ids->codes[i]] == id.toStdString())
               : layer->labels[i] == id.toStdString())
        found.expand(layer->boxes[i]);
    if (found.empty()) return false;
    box = found;
    return true;
  }
  const QStringList parts = spec.split(',');
  if (parts.size() != 4) return false;
  bool ok[4];
  box = {};
  box.expand(parts[0].toDouble(&ok[0]), parts[1].toDouble(&ok[1]));
  box.expand(parts[2].toDouble(&ok[2]), parts[3].toDouble(&ok[3]));
  return ok[0] && ok[1] && ok[2] && ok[3] && !box.empty();
}

int render(const QCommandLineParser& args) {
  const QString project = args.value("project");
  if (project.isEmpty()) {
    std::cerr << "parkatlas-desktop --render: --project is required\n";
    return 2;
  }
  std::shared_ptr<ProjectDocument> doc;
  try {
    doc = ProjectDocument::load(project, {});
  } catch (const std::exception& e) {
    std::cerr << "parkatlas-desktop: " << e.what() << "\n";
    return 1;
  }
  MapScene scene = doc->scene;
  scene.chinese = args.value("lang") != "en";
  bool ok = true;
  const ParcelTheme theme = parse_theme(args.value("style"), &ok);
  if (!ok) {
    std::cerr << "parkatlas-desktop: --style must be verdict, idle, far, inv_mu or cluster\n";
    return 2;
  }
  if (LayerView* p = scene.layer("parcels")) p->theme = theme;
  if (theme == ParcelTheme::cluster)  // the zones belong to that picture
    if (LayerView* z = scene.layer("clusters")) z->visible = true;
  MapViewport view;
  const QStringList size = args.value("size").split('x');
  view.size = QSize(size.value(0).toInt(), size.value(1).toInt());
  if (view.size.width() < 16 || view.size.height() < 16 || view.size.width() > 20000 ||
      view.size.height() > 20000) {
    std::cerr << "parkatlas-desktop: --size must be WIDTHxHEIGHT, 16 to 20000 pixels\n";
    return 2;
  }
  parkatlas::MapBox box;
  if (!extent_of(*doc, args.value("extent"), box)) {
    std::cerr << "parkatlas-desktop: --extent " << args.value("extent").toStdString()
              << ": no such park or parcel, or not xmin,ymin,xmax,ymax\n";
    return 2;
  }
  view.fit(box);
  RenderStats stats;
  QImage image = render_canvas_image(scene, view, &stats);
  if (args.isSet("legend")) {
    QPainter painter(&image);
    draw_legend(painter, QPointF(10, 10), scene.legend());
  }
  if (!image.save(args.value("render"))) {
    std::cerr << "parkatlas-desktop: cannot write " << args.value("render").toStdString() << "\n";
    return 1;
  }
  std::cout << args.value("render").toStdString() << ": " << view.size.width() << "x"
            << view.size.height() << ", " << stats.polygons << " polygons, " << stats.boxes
            << " boxes, " << stats.points << " points, " << stats.labels << " labels\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // QApplication takes -style/--style for its widget style; ours names the parcel theme, so it is
  // hidden from QApplication and parsed below from the full argument list.
  QStringList arguments;
  std::vector<char*> qt_argv;
  for (int k = 0; k < argc; ++k) {
    arguments << QString::fromLocal8Bit(argv[k]);
    const std::string a = argv[k];
    if ((a == "--style" || a == "-style") && k + 1 < argc) {
      arguments << QString::fromLocal8Bit(argv[++k]);
      continue;
    }
    if (a.rfind("--style=", 0) == 0 || a.rfind("-style=", 0) == 0) continue;
    qt_argv.push_back(argv[k]);
  }
  int qt_argc = static_cast<int>(qt_argv.size());
  qt_argv.push_back(nullptr);
  QApplication app(qt_argc, qt_argv.data());
  QApplication::setApplicationName("parkatlas-desktop");
  QApplication::setOrganizationName("ParkAtlas");
  QCommandLineParser args;
  args.setApplicationDescription(
      "ParkAtlas desktop: maps of industrial parks, parcels and idle land");
  args.addHelpOption();
  args.addPositionalArgument("project", "a project file or results.gpkg to open");
  args.addOption({"render", "draw the map headless into this PNG and exit", "OUT.png"});
  args.addOption({"project", "with --render: the project file or results.gpkg", "P"});
  args.addOption(
      {"extent", "with --render: park:ID, parcel:ID, full or xmin,ymin,xmax,ymax", "E", "full"});
  args.addOption({"style", "parcels by verdict, idle, far, inv_mu or cluster", "S", "verdict"});
  args.addOption({"size", "with --render: image size", "WxH", "1600x1000"});
  args.addOption({"legend", "with --render: draw the legend too"});
  args.addOption({"lang", "zh_CN or en (default: the system's)", "L"});
  args.addOption({"screenshot", "open the window, save a picture of it and exit", "OUT.png"});
  args.addOption({"parcel", "select this parcel, zoom to it and explain it", "ID"});
  args.addOption(
      {"filter", "set a filter: park, city, county, cluster, verdict or idle_cls", "KEY=VALUE"});
  args.addOption({"dashboard", "show the park dashboard tab"});
  args.process(arguments);
  if (args.isSet("render")) return render(args);
  MainWindow window;
  if (args.isSet("lang")) window.set_language(args.value("lang"));
  window.show();
  const QStringList pos = args.positionalArguments();
  const QString project = args.isSet("project") ? args.value("project") : pos.value(0);
  if (!project.isEmpty()) window.open_project(project);
  if (args.isSet("style"))
    if (auto* box = window.layers_panel()->theme_box(); box->findData(args.value("style")) >= 0)
      box->setCurrentIndex(box->findData(args.value("style")));
  for (const QString& f : args.values("filter"))
    if (!window.filter_bar()->set_value(f.section('=', 0, 0), f.section('=', 1)))
      std::cerr << "parkatlas-desktop: --filter " << f.toStdString() << ": no such value\n";
  if (args.isSet("parcel")) window.zoom_to_parcel(args.value("parcel"));
  if (args.isSet("dashboard")) window.show_dashboard();
  if (args.isSet("screenshot")) {
    window.canvas()->wait_for_render();
    QApplication::processEvents();
    const bool ok = window.grab().save(args.value("screenshot"));
    std::cout << args.value("screenshot").toStdString() << (ok ? "" : ": not written") << "\n";
    return ok ? 0 : 1;
  }
  return app.exec();
}
