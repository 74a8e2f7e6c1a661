// Main window: wiring of canvas, panels, filters, menus and the engine calls.
#include "app/desktop/main_window.hpp"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPrinter>
#include <QStatusBar>
#include <filesystem>

#include "app/desktop/dialogs.hpp"
#include "app/desktop/engine_task.hpp"
#include "core/civil_date.hpp"
#include "gis/project/project_file.hpp"

namespace parkatlas::desktop {

QString translation_resource(const QString& language) {
  return QString(":/i18n/parkatlas_%1.qm").arg(language);
}

QString system_language() {
  return QLocale::system().language() == QLocale::Chinese ? "zh_CN" : "en";
}

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setObjectName("ParkAtlasMainWindow");
  resize(1500, 950);
  canvas_ = new MapCanvas(this);
  canvas_->setObjectName("map");
  setCentralWidget(canvas_);

  auto dock = [this](QWidget* w, const char* name, Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(this);
    d->setObjectName(name);
    d->setWidget(w);
    addDockWidget(area, d);
    return d;
  };
  layers_ = new LayersPanel(this);
  inspector_ = new InspectorPanel(this);
  idle_ = new IdleTablePanel(this);
  dashboard_ = new ParkDashboard(this);
  legend_ = new LegendPanel(this);
  layers_dock_ = dock(layers_, "layers", Qt::LeftDockWidgetArea);
  legend_dock_ = dock(legend_, "legend", Qt::LeftDockWidgetArea);
  dashboard_dock_ = dock(dashboard_, "dashboard", Qt::LeftDockWidgetArea);
  inspector_dock_ = dock(inspector_, "inspector", Qt::RightDockWidgetArea);
  idle_dock_ = dock(idle_, "idle", Qt::BottomDockWidgetArea);
  tabifyDockWidget(layers_dock_, dashboard_dock_);
  layers_dock_->raise();

  filters_ = new FilterBar(this);
  addToolBar(Qt::TopToolBarArea, filters_);

  coords_ = new QLabel(this);
  lonlat_label_ = new QLabel(this);
  scale_ = new QLabel(this);
  render_time_ = new QLabel(this);
  statusBar()->addWidget(coords_);
  statusBar()->addWidget(lonlat_label_);
  statusBar()->addPermanentWidget(scale_);
  statusBar()->addPermanentWidget(render_time_);

  build_menus();
  connect(layers_, &LayersPanel::changed, this, [this] { scene_changed(); });
  connect(filters_, &FilterBar::filter_changed, this, [this] { filter_changed(); });
  connect(canvas_, &MapCanvas::clicked, this, &MainWindow::identify);
  connect(canvas_, &MapCanvas::cursor_moved, this, &MainWindow::update_status);
  connect(canvas_, &MapCanvas::view_changed, this, [this] {
    scale_->setText(
        tr("Scale 1:%L1")
            .arg(static_cast<qlonglong>(std::llround(canvas_->viewport().scale_denominator(96)))));
  });
  connect(canvas_, &MapCanvas::rendered, this,
          [this](double ms) { render_time_->setText(tr("Drawn in %1 ms").arg(ms, 0, 'f', 0)); });
  connect(idle_, &IdleTablePanel::parcel_chosen, this, &MainWindow::zoom_to_parcel);
  connect(idle_, &IdleTablePanel::export_requested, this, &MainWindow::export_parcels);
  connect(dashboard_, &ParkDashboard::park_chosen, this, [](const QString&) {});
  set_language(system_language());
}

void MainWindow::build_menus() {
  file_menu_ = menuBar()->addMenu(QString());
  analysis_menu_ = menuBar()->addMenu(QString());
  view_menu_ = menuBar()->addMenu(QString());
  help_menu_ = menuBar()->addMenu(QString());
  auto add = [this](QMenu* menu, const char* text, auto slot, QKeySequence key = {}) {
    QAction* a = menu->addAction(QString(), this, slot);
    a->setShortcut(key);
    actions_.emplace_back(a, text);
    return a;
  };
  add(
      file_menu_, QT_TR_NOOP("&Open project…"), [this] { open_dialog(); }, QKeySequence::Open);
  add(
      file_menu_, QT_TR_NOOP("&New project from a config…"), [this] { new_project(); },
      QKeySequence::New);
  file_menu_->addSeparator();
  add(file_menu_, QT_TR_NOOP("&Export a layer…"), [this] { export_dialog(); });
  add(
      file_menu_, QT_TR_NOOP("&Print map to PDF…"), [this] { print_dialog(); },
      QKeySequence::Print);
  add(file_menu_, QT_TR_NOOP("Save map as P&NG…"), [this] { png_dialog(); });
  file_menu_->addSeparator();
  add(
      file_menu_, QT_TR_NOOP("&Quit"), [this] { close(); }, QKeySequence::Quit);
  add(analysis_menu_, QT_TR_NOOP("&Run again with another date or rule set…"),
      [this] { rerun_analysis(); });
  add(
      view_menu_, QT_TR_NOOP("Zoom to &full extent"), [this] { canvas_->zoom_full(); },
      QKeySequence(Qt::CTRL | Qt::Key_0));
  add(view_menu_, QT_TR_NOOP("Zoom to the &park"), [this] {
    const QString park =
        filters_->filter().park.isEmpty() ? dashboard_->current_park() : filters_->filter().park;
    zoom_to_park(park);
  });
  add(view_menu_, QT_TR_NOOP("Zoom to the &selection"), [this] {
    const MapLayerData* p = doc_ ? doc_->parcels() : nullptr;
    if (!p || scene_.selected_parcels.empty()) return;
    MapBox box;
    for (long i : scene_.selected_parcels) box.expand(p->boxes[i]);
    canvas_->zoom_to(box);
  });
  add(view_menu_, QT_TR_NOOP("Zoom box: drag with Shift held"), [] {})->setEnabled(false);
  view_menu_->addSeparator();
  language_menu_ = view_menu_->addMenu(QString());
  auto* group = new QActionGroup(this);
  for (const auto& [code, name] : {std::pair{"zh_CN", "中文"}, std::pair{"en", "English"}}) {
    QAction* a = language_menu_->addAction(QString::fromUtf8(name));
    a->setCheckable(true);
    a->setData(QString(code));
    group->addAction(a);
    connect(a, &QAction::triggered, this, [this, c = QString(code)] { set_language(c); });
  }
  add(help_menu_, QT_TR_NOOP("&About ParkAtlas"), [this] {
    QMessageBox::about(this, tr("About ParkAtlas"),
                       tr("ParkAtlas: industrial-park land-use analysis (floor-area ratio, "
                          "investment intensity, idle and approved-but-unused land)."));
  });
}

void MainWindow::set_language(const QString& language) {
  qApp->removeTranslator(&translator_);
  language_ = language == "zh_CN" ? "zh_CN" : "en";
  if (translator_.load(translation_resource(language_))) qApp->installTranslator(&translator_);
  scene_.chinese = language_ == "zh_CN";
  for (QAction* a : language_menu_->actions()) a->setChecked(a->data().toString() == language_);
  retranslate();  // also arrives as a LanguageChange event; retranslating twice is harmless
  if (doc_) {
    inspector_->set_styles(scene_.styles, scene_.chinese);
    inspector_->retranslate();
    canvas_->set_scene(scene_);
    dashboard_->set_document(doc_, scene_.chinese);
    filters_->set_document(*doc_, scene_.chinese);
  }
}

void MainWindow::showEvent(QShowEvent* e) {
  QMainWindow::showEvent(e);
  if (docks_sized_) return;
  docks_sized_ = true;  // once: afterwards the user's sizes stay
  resizeDocks({layers_dock_, inspector_dock_}, {420, 380}, Qt::Horizontal);
  resizeDocks({idle_dock_}, {height() / 4}, Qt::Vertical);
}

void MainWindow::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslate();
  QMainWindow::changeEvent(e);
}

void MainWindow::retranslate() {
  setWindowTitle(doc_ ? tr("ParkAtlas — %1")
                            .arg(QFileInfo(QString::fromStdString(doc_->source->path())).fileName())
                      : tr("ParkAtlas"));
  file_menu_->setTitle(tr("&File"));
  analysis_menu_->setTitle(tr("&Analysis"));
  view_menu_->setTitle(tr("&View"));
  language_menu_->setTitle(tr("&Language"));
  help_menu_->setTitle(tr("&Help"));
  for (auto& [action, text] : actions_) action->setText(tr(text));
  layers_dock_->setWindowTitle(tr("Layers"));
  legend_dock_->setWindowTitle(tr("Legend"));
  legend_->set_entries(scene_.legend());
  inspector_dock_->setWindowTitle(tr("Inspector"));
  idle_dock_->setWindowTitle(tr("Idle land (the bureau's list)"));
  dashboard_dock_->setWindowTitle(tr("Park dashboard"));
  filters_->setWindowTitle(tr("Filters"));
  filters_->retranslate();
  layers_->retranslate();
  idle_->retranslate();
  dashboard_->retranslate();
  inspector_->retranslate();
  coords_->setText(tr("Move the cursor over the map"));
}

void MainWindow::show_error(const QString& what, const QString& detail, const QString& todo) {
  last_error_ = what + "\n" + detail;
  if (quiet_) return;
  QMessageBox box(QMessageBox::Critical, tr("ParkAtlas"), what, QMessageBox::Ok, this);
  box.setInformativeText(detail + "\n\n" + todo);
  box.exec();
}

bool MainWindow::open_project(const QString& path) {
  std::shared_ptr<ProjectDocument> doc;
  QString error;
  const TaskOutcome outcome = run_engine_task(
      quiet_ ? nullptr : this, tr("Opening %1").arg(QFileInfo(path).fileName()),
      [&](Progress& progress) {
        doc = ProjectDocument::load(
            path, [&](const QString& stage) { progress.begin(stage.toStdString(), 0); });
      },
      &error);
  if (outcome != TaskOutcome::done || !doc) {
    if (outcome == TaskOutcome::failed)
      show_error(tr("The file could not be opened."), error,
                 tr("Open a project file made by “New project” (parkatlas init) and analysed, or "
                    "the results.gpkg of parkatlas run."));
    return false;
  }
  last_error_.clear();
  doc_ = doc;
  scene_ = doc_->scene;
  scene_.chinese = language_ == "zh_CN";
  parcel_index_ = std::make_shared<std::unordered_map<std::string, long>>();
  if (const MapLayerData* p = doc_->parcels())
    for (size_t i = 0; i < p->labels.size(); ++i)
      parcel_index_->emplace(p->labels[i], static_cast<long>(i));
  lonlat_ = std::make_unique<LonLatTransform>(doc_->source->crs_wkt());
  // The evaluation date and rule set of the run shown, for printing and re-running.
  as_of_ = QDate::currentDate();
  rules_.clear();
  for (const auto& row : doc_->source->table("run_info").rows)
    if (row.size() >= 2 && row[0] == "as_of")
      as_of_ = QDate::fromString(QString::fromStdString(row[1]), Qt::ISODate);
  layers_->set_scene(&scene_);
  inspector_->set_styles(scene_.styles, scene_.chinese);
  inspector_->show_nothing();
  filters_->set_document(*doc_, scene_.chinese);
  idle_->set_table(doc_->idle_list, parcel_index_);
  dashboard_->set_document(doc_, scene_.chinese);
  canvas_->set_scene(scene_);
  canvas_->zoom_full();
  retranslate();
  statusBar()->showMessage(tr("%1: %2 layers, measured in %3, loaded in %4 s")
                               .arg(QFileInfo(path).fileName())
                               .arg(scene_.layers.size())
                               .arg(QString::fromStdString(doc_->source->crs_name()))
                               .arg(doc_->load_seconds, 0, 'f', 1),
                           10000);
  return true;
}

void MainWindow::scene_changed() {
  canvas_->set_scene(scene_);
  legend_->set_entries(scene_.legend());
}

void MainWindow::filter_changed() {
  scene_.apply_filter(filters_->filter());
  canvas_->set_scene(scene_);
  idle_->set_mask(scene_.parcel_mask);
  if (!filters_->filter().park.isEmpty()) {
    // Choosing a park is asking to see it.
    dashboard_->show_park(filters_->filter().park);
    zoom_to_park(filters_->filter().park);
  }
}

void MainWindow::identify(double x, double y, double tolerance) {
  if (!doc_) return;
  // Top layer first; parcels are what people click for.
  std::vector<const LayerView*> order;
  if (const LayerView* p = scene_.layer("parcels"); p && p->visible) order.push_back(p);
  for (auto it = scene_.layers.rbegin(); it != scene_.layers.rend(); ++it)
    if (it->visible && it->data->name != "parcels") order.push_back(&*it);
  for (const LayerView* l : order) {
    const MapLayerData& d = *l->data;
    const long i = d.feature_at(x, y, d.name == "parcels" ? tolerance : 0);
    if (i < 0) continue;
    if (d.name == "parcels" && scene_.parcel_mask && !(*scene_.parcel_mask)[i]) continue;
    try {
      const auto attributes = doc_->source->attributes(d.name, d.fids[i]);
      if (d.name == "parcels") {
        inspector_->show_parcel(attributes);
        scene_.selected_parcels = {i};
        canvas_->set_scene(scene_);
        if (const auto* park = d.category("park_id"))
          dashboard_->show_park(QString::fromStdString(park->values[park->codes[i]]));
      } else {
        inspector_->show_feature(layer_title(d.name), attributes, d.name);
      }
    } catch (const std::exception& e) {
      show_error(tr("The feature could not be read."), QString::fromUtf8(e.what()),
                 tr("The project file may have been changed; open it again."));
    }
    inspector_dock_->raise();
    return;
  }
  inspector_->show_nothing();
}

void MainWindow::update_status(double x, double y) {
  coords_->setText(tr("E %1  N %2 m").arg(x, 0, 'f', 1).arg(y, 0, 'f', 1));
  double lon = 0, lat = 0;
  if (lonlat_ && lonlat_->to_lonlat(x, y, lon, lat))
    lonlat_label_->setText(QString("%1°E %2°N").arg(lon, 0, 'f', 6).arg(lat, 0, 'f', 6));
  else
    lonlat_label_->clear();
}

void MainWindow::zoom_to_parcel(const QString& parcel_id) {
  const MapLayerData* p = doc_ ? doc_->parcels() : nullptr;
  if (!p || !parcel_index_) return;
  auto it = parcel_index_->find(parcel_id.toStdString());
  if (it == parcel_index_->end()) return;
  scene_.selected_parcels = {it->second};
  MapBox box = p->boxes[it->second];
  // Some context around the parcel: at least 400 m across.
  const double grow = std::max(0.0, 400 - std::max(box.width(), box.height())) / 2;
  box.minx -= grow, box.maxx += grow, box.miny -= grow, box.maxy += grow;
  canvas_->set_scene(scene_);
  canvas_->zoom_to(box);
  try {
    inspector_->show_parcel(doc_->source->attributes("parcels", p->fids[it->second]));
  } catch (const std::exception& e) {
    show_error(tr("The feature could not be read."), QString::fromUtf8(e.what()),
               tr("The project file may have been changed; open it again."));
  }
}

void MainWindow::zoom_to_park(const QString& park_id) {
  const MapLayerData* parks = doc_ ? doc_->parks_layer() : nullptr;
  if (!parks || park_id.isEmpty()) return;
  const auto* id = parks->category("park_id");
  if (!id) return;
  const std::uint16_t code = id->code_of(park_id.toStdString());
  MapBox box;
  for (size_t i = 0; i < parks->size(); ++i)
    if (code && id->codes[i] == code) box.expand(parks->boxes[i]);
  if (!box.empty()) canvas_->zoom_to(box);
}

void MainWindow::show_dashboard() {
  dashboard_dock_->raise();
}

void MainWindow::open_dialog() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open project"), {},
      tr("ParkAtlas projects and results (*.parkatlas *.sqlite *.gpkg);;All files (*)"));
  if (!path.isEmpty()) open_project(path);
}

void MainWindow::new_project() {
  NewProjectDialog dialog(this);
  if (dialog.exec() != QDialog::Accepted) return;
  if (!dialog.config().isEmpty() && !dialog.project().isEmpty())
    create_project(dialog.config(), dialog.project());
}

TaskOutcome MainWindow::create_project(const QString& config, const QString& project) {
  if (QFileInfo::exists(project)) {
    show_error(tr("The project file exists already."), project,
               tr("Choose another name; ParkAtlas does not overwrite a project."));
    return TaskOutcome::failed;
  }
  QString error;
  const TaskOutcome outcome = run_engine_task(
      this, tr("Creating the project"),
      [&](Progress& progress) {
        init_project(config.toStdString(), "", project.toStdString(), progress);
        // Cancelled from here on, the import is complete and kept (analyse it later); the
        // analysis writes in one transaction, so it leaves no half run.
        analyze_project(project.toStdString(), {}, progress);
      },
      &error);
  if (outcome == TaskOutcome::failed)
    show_error(tr("The project could not be created."), error,
               tr("Check the config file and the layers it names (parkatlas check --config)."));
  if (outcome == TaskOutcome::done) open_project(project);
  return outcome;
}

void MainWindow::rerun_analysis() {
  if (!doc_ || !doc_->source->is_project()) {
    show_error(tr("Only a project file can be analysed again."),
               doc_ ? QString::fromStdString(doc_->source->path()) : QString(),
               tr("Create a project from your config (File › New project)."));
    return;
  }
  AnalyzeDialog dialog(this, as_of_.isValid() ? as_of_ : QDate::currentDate(), rules_);
  if (dialog.exec() == QDialog::Accepted) analyze(dialog.as_of(), dialog.rules());
}

TaskOutcome MainWindow::analyze(QDate as_of, const QString& rules) {
  if (!doc_ || !doc_->source->is_project()) return TaskOutcome::failed;
  AnalyzeOptions options;
  options.as_of = CivilDate{as_of.year(), static_cast<unsigned>(as_of.month()),
                            static_cast<unsigned>(as_of.day())};
  options.rules = rules.toStdString();
  const std::string path = doc_->source->path();
  QString error;
  const TaskOutcome outcome = run_engine_task(
      this, tr("Analysing"), [&](Progress& p) { analyze_project(path, options, p); }, &error);
  if (outcome == TaskOutcome::failed)
    show_error(tr("The analysis failed."), error, tr("Check the rule set and the date."));
  if (outcome == TaskOutcome::done) {
    rules_ = rules;
    const MapViewport view = canvas_->viewport();
    if (open_project(QString::fromStdString(path))) canvas_->set_viewport(view);
  }
  return outcome;
}

void MainWindow::export_dialog() {
  if (!doc_) return;
  QStringList layers;
  for (const auto& [logical, table] : doc_->source->layers())
    layers << QString::fromStdString(logical);
  for (const char* t : {"idle_parcels", "idle_summary", "problems"})
    if (!doc_->source->table_of(t).empty()) layers << t;
  ExportDialog dialog(this, layers, "parcels");
  if (dialog.exec() != QDialog::Accepted) return;
  ExportOptions o = dialog.options();
  if (o.out.empty()) return;
  o.source = doc_->source->path();
  o.layer = doc_->source->table_of(o.layer);
  QString error;
  ExportResult result;
  const TaskOutcome outcome = run_engine_task(
      this, tr("Exporting"), [&](Progress&) { result = export_layer(o); }, &error);
  if (outcome == TaskOutcome::failed) {
    show_error(tr("The export failed."), error,
               tr("Check the filter and that the output folder can be written."));
    return;
  }
  if (outcome == TaskOutcome::done)
    statusBar()->showMessage(
        tr("Exported %1 features to %2 file(s)").arg(result.matched).arg(result.files.size()),
        10000);
}

void MainWindow::export_parcels(const QString& format, const QStringList& ids) {
  if (!doc_ || ids.isEmpty()) return;
  const QString out = QFileDialog::getSaveFileName(
      this, tr("Export the idle parcels"),
      format == "shp" ? "idle-parcels.shp" : "idle-parcels.xlsx",
      format == "shp" ? tr("Shapefile (*.shp)") : tr("Excel (*.xlsx)"));
  if (!out.isEmpty()) export_parcels_to(format, ids, out);
}

long long MainWindow::export_parcels_to(const QString& format, const QStringList& ids,
                                        const QString& out) {
  if (!doc_ || ids.isEmpty()) return -1;
  ExportOptions o;
  o.source = doc_->source->path();
  o.layer = doc_->source->table_of("parcels");
  o.format = format == "shp" ? ExportFormat::shp : ExportFormat::xlsx;
  o.out = out.toStdString();
  o.style_theme = "idle";
  // The rows as a parsed filter (quotes doubled), never as SQL.
  QString where = "parcel_id IN (";
  for (int k = 0; k < ids.size(); ++k)
    where += (k ? "," : "") + QString("'%1'").arg(QString(ids[k]).replace("'", "''"));
  o.where = (where + ")").toStdString();
  QString error;
  ExportResult result;
  if (run_engine_task(
          this, tr("Exporting"), [&](Progress&) { result = export_layer(o); }, &error) !=
      TaskOutcome::done) {
    show_error(tr("The export failed."), error, tr("Check that the output folder can be written."));
    return -1;
  }
  statusBar()->showMessage(tr("Exported %1 parcels to %2").arg(result.matched).arg(out), 10000);
  return result.matched;
}

QString MainWindow::sheet_title() const {
  if (!doc_) return tr("ParkAtlas");
  const QString park = filters_->filter().park;
  return park.isEmpty()
             ? tr("Industrial land use — %1")
                   .arg(QFileInfo(QString::fromStdString(doc_->source->path())).completeBaseName())
             : tr("Industrial land use — park %1").arg(park);
}

QString MainWindow::sheet_date_line() const {
  return tr("Evaluation date %1 · printed %2 · %3 · ParkAtlas")
      .arg(as_of_.toString(Qt::ISODate), QDate::currentDate().toString(Qt::ISODate),
           doc_ ? QString::fromStdString(doc_->source->crs_name()) : QString());
}

bool MainWindow::save_map_image(const QString& png, QSize size) {
  QImage image(size, QImage::Format_ARGB32_Premultiplied);
  QPainter painter(&image);
  draw_map_sheet(painter, QRectF(QPointF(0, 0), QSizeF(size)), scene_, canvas_->viewport(),
                 sheet_title(), sheet_date_line());
  painter.end();
  return image.save(png);
}

bool MainWindow::print_map_pdf(const QString& pdf) {
  QPrinter printer(QPrinter::HighResolution);
  printer.setOutputFormat(QPrinter::PdfFormat);
  printer.setOutputFileName(pdf);
  printer.setPageOrientation(QPageLayout::Landscape);
  printer.setPageSize(QPageSize(QPageSize::A4));
  QPainter painter;
  if (!painter.begin(&printer)) return false;
  // 1200 dpi: the sheet is laid out in the page's pixels (environment.md).
  const QRectF page =
      printer.pageLayout()
          .paintRectPixels(printer.resolution())
          .translated(-printer.pageLayout().paintRectPixels(printer.resolution()).topLeft());
  draw_map_sheet(painter, page, scene_, canvas_->viewport(), sheet_title(), sheet_date_line());
  return painter.end();
}

void MainWindow::print_dialog() {
  const QString pdf =
      QFileDialog::getSaveFileName(this, tr("Print map to PDF"), "map.pdf", tr("PDF (*.pdf)"));
  if (!pdf.isEmpty() && !print_map_pdf(pdf))
    show_error(tr("The PDF could not be written."), pdf, tr("Choose a folder you can write to."));
}

void MainWindow::png_dialog() {
  const QString png =
      QFileDialog::getSaveFileName(this, tr("Save map as PNG"), "map.png", tr("PNG image (*.png)"));
  if (!png.isEmpty() && !save_map_image(png, QSize(2400, 1700)))
    show_error(tr("The image could not be written."), png, tr("Choose a folder you can write to."));
}

}  // namespace parkatlas::desktop
