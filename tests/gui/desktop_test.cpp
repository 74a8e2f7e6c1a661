// The desktop application driven with QTest on the offscreen platform, on the bundled sample
// turned into a project by the command line (`parkatlas init` + `analyze --csv`). Expected values
// come from the command line's own outputs (idle-parcels.csv) and from the project read with plain
// GDAL, never from the desktop code under test.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QProgressDialog>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QXmlStreamReader>
#include <QtTest/QtTest>
#include <cmath>
#include <map>

#include "app/desktop/dialogs.hpp"
#include "app/desktop/main_window.hpp"
#include "app/desktop/map_renderer.hpp"

using namespace parkatlas::desktop;

class DesktopTest : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  QString project_, csv_dir_;
  std::unique_ptr<MainWindow> window_;

  // Rows of the CLI's idle-parcels.csv per idle class, read with GDAL's CSV driver.
  std::map<std::string, int> cli_idle_counts() {
    GDALDatasetUniquePtr csv(GDALDataset::Open(
        (csv_dir_ + "/idle-parcels.csv").toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    std::map<std::string, int> counts;
    if (!csv) return counts;
    for (auto& f : *csv->GetLayer(0)) ++counts[f->GetFieldAsString("idle_cls")];
    return counts;
  }

  static void run_cli(const QStringList& args) {
    QProcess p;
    p.start(PARKATLAS_BIN, args);
    QVERIFY2(p.waitForFinished(180000), "parkatlas did not finish");
    QVERIFY2(p.exitCode() == 0, qPrintable(p.readAllStandardError()));
  }

  void send_wheel(QWidget* w, QPointF at, int delta) {
    QWheelEvent e(at, w->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier,
                  Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
  }

  void send_mouse(QWidget* w, QEvent::Type type, QPointF at, Qt::MouseButtons buttons,
                  Qt::MouseButton button = Qt::LeftButton) {
    QMouseEvent e(type, at, w->mapToGlobal(at), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
  }

 private slots:
  void initTestCase() {
    GDALAllRegister();
    QVERIFY(dir_.isValid());
    project_ = dir_.filePath("sample.parkatlas");
    csv_dir_ = dir_.filePath("csv");
    run_cli({"init", "--config", PARKATLAS_SOURCE_DIR "/datasets/jiangxi-sample/parkatlas.toml",
             project_, "-q"});
    run_cli({"analyze", project_, "--csv", csv_dir_, "-q"});
    window_ = std::make_unique<MainWindow>();
    window_->set_quiet(true);
    window_->set_language("en");
    window_->resize(1400, 900);
    window_->show();
    QVERIFY2(window_->open_project(project_), qPrintable(window_->last_error()));
    QVERIFY(window_->canvas()->wait_for_render());
  }

  void opensTheSampleWithItsLayersAndIdleList() {
    auto doc = window_->document();
    QVERIFY(doc);
    QVERIFY(doc->source->is_project());
    QCOMPARE(doc->source->run_id(), 1LL);
    QVERIFY(doc->parcels());
    QVERIFY(doc->parks_layer());
    int csv_rows = 0;
    for (const auto& [cls, n] : cli_idle_counts()) csv_rows += n;
    QVERIFY(csv_rows > 0);
    QCOMPARE(window_->idle_table()->visible_rows(), csv_rows);
    QVERIFY(!window_->canvas()->image().isNull());
  }

  void dashboardShowsTheEvaluationAndClustersOfThePark() {
    // What the project's run holds, read with GDAL: the park's indicator rows and score, and its
    // park-level cluster statistics.
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(project_.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    QVERIFY(ds);
    const char* park = "G361143";
    OGRLayer* eval = ds->GetLayerByName("run_1_evaluation");
    QVERIFY(eval);
    eval->SetAttributeFilter("park_id = 'G361143' AND indicator = 'ind_tax'");
    OGRFeatureUniquePtr tax(eval->GetNextFeature());
    QVERIFY(tax);
    eval->SetAttributeFilter("park_id = 'G361143'");
    const int indicator_rows = static_cast<int>(eval->GetFeatureCount());
    QCOMPARE(indicator_rows, 10);
    OGRLayer* stats = ds->GetLayerByName("run_1_cluster_stats");
    stats->SetAttributeFilter("level = 'park' AND unit = 'G361143'");
    const int cluster_rows = static_cast<int>(stats->GetFeatureCount());
    QVERIFY(cluster_rows > 0);
    OGRLayer* parks = ds->GetLayerByName("run_1_parks");
    parks->SetAttributeFilter("park_id = 'G361143'");
    OGRFeatureUniquePtr p(parks->GetNextFeature());
    QVERIFY(p);

    ParkDashboard* d = window_->dashboard();
    d->show_park(park);
    QCOMPARE(d->indicators()->rowCount(), indicator_rows);
    QCOMPARE(d->clusters()->rowCount(), cluster_rows);
    // The 工业用地地均税收 row, named in the window's language (English here): its value, ideal
    // and score as stored, its tooltip the derivation.
    int row = -1;
    for (int k = 0; k < d->indicators()->rowCount(); ++k)
      if (d->indicators()->item(k, 0)->text() ==
          QString::fromUtf8(tax->GetFieldAsString("name_en")))
        row = k;
    QCOMPARE(QString::fromUtf8(tax->GetFieldAsString("name_en")),
             QString("industrial tax per hectare"));
    QVERIFY(row >= 0);
    QLocale en(QLocale::English);
    QCOMPARE(d->indicators()->item(row, 3)->text(),
             en.toString(tax->GetFieldAsDouble("score"), 'f', 1));
    QVERIFY(d->indicators()->item(row, 1)->text().endsWith(QString::fromUtf8("万元/hm²")));
    QVERIFY(d->indicators()->item(row, 0)->toolTip().contains(QString::fromUtf8("税收总额")));
    // The figures name the score and the rank within the park's type.
    QString score, rank;
    for (int k = 0; k < d->figures()->rowCount(); ++k) {
      if (d->figures()->item(k, 0)->text() == "Evaluation score")
        score = d->figures()->item(k, 1)->text();
      if (d->figures()->item(k, 0)->text() == "Rank within its type")
        rank = d->figures()->item(k, 1)->text();
    }
    QCOMPARE(score, en.toString(p->GetFieldAsDouble("eval_score"), 'f', 1));
    QCOMPARE(rank, QString("%1 / 10 (industry-led)").arg(p->GetFieldAsInteger("eval_rank")));
  }

  void clickOnAProposalOrZoneExplainsIt() {
    // The second alternative for G361143, read with GDAL: a point on it and its figures.
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(project_.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    QVERIFY(ds);
    OGRLayer* proposals = ds->GetLayerByName("run_1_proposals");
    QVERIFY(proposals);
    proposals->SetAttributeFilter("park_id = 'G361143' AND alt = 2");
    OGRFeatureUniquePtr f(proposals->GetNextFeature());
    QVERIFY(f);
    OGREnvelope env;
    f->GetGeometryRef()->getEnvelope(&env);
    std::unique_ptr<OGRGeometry> point(
        OGRGeometry::FromHandle(OGR_G_PointOnSurface(OGRGeometry::ToHandle(f->GetGeometryRef()))));
    QVERIFY(point);
    parkatlas::MapBox box;
    box.expand(env.MinX, env.MinY);
    box.expand(env.MaxX, env.MaxY);
    MapCanvas* canvas = window_->canvas();
    canvas->zoom_to(box);
    QVERIFY(canvas->wait_for_render());
    const QPointF pixel =
        canvas->viewport().to_pixel(point->toPoint()->getX(), point->toPoint()->getY());
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, pixel.toPoint());
    const QString text = window_->inspector()->toPlainText();
    QVERIFY2(text.contains("Expansion of park G361143, alternative 2"), qPrintable(text.left(400)));
    QLocale en(QLocale::English);
    QVERIFY2(text.contains(QString("%1 mu for a demand of %2 mu")
                               .arg(en.toString(f->GetFieldAsDouble("area_mu"), 'f', 1),
                                    en.toString(f->GetFieldAsDouble("demand_mu"), 'f', 1))),
             qPrintable(text.left(600)));
    QVERIFY(text.contains(QString::fromUtf8(f->GetFieldAsString("reason"))));
    // The sample's exclusions are supplied parcels: named for a planner.
    QVERIFY2(text.contains("land already supplied (parcels)"), qPrintable(text.left(900)));

    // A cluster zone (a hidden layer at first): its figures explained in words.
    OGRLayer* zones = ds->GetLayerByName("run_1_clusters");
    QVERIFY(zones);
    OGRFeatureUniquePtr z(zones->GetNextFeature());
    QVERIFY(z);
    window_->inspector()->show_feature(
        "Cluster zones", window_->document()->source->attributes("clusters", z->GetFID()),
        "clusters");
    const QString zone = window_->inspector()->toPlainText();
    QVERIFY2(zone.contains(QString("%1 member parcels of %2 firms")
                               .arg(z->GetFieldAsInteger("n_parcels"))
                               .arg(z->GetFieldAsInteger("n_firms"))),
             qPrintable(zone.left(400)));
    QVERIFY(zone.contains(QString::fromUtf8(z->GetFieldAsString("cluster"))));
  }

  void clickOnAParcelExplainsIt() {
    // A parcel with a FAR, read with GDAL: its id, FAR and a point inside it.
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(project_.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    QVERIFY(ds);
    OGRLayer* parcels = ds->GetLayerByName("run_1_parcels");
    QVERIFY(parcels);
    parcels->SetAttributeFilter("far IS NOT NULL AND verdict = 'below_inv'");
    OGRFeatureUniquePtr f(parcels->GetNextFeature());
    QVERIFY(f);
    const QString id = f->GetFieldAsString("parcel_id");
    const double far = f->GetFieldAsDouble("far");
    OGREnvelope env;
    f->GetGeometryRef()->getEnvelope(&env);
    std::unique_ptr<OGRGeometry> surface_point(
        OGRGeometry::FromHandle(OGR_G_PointOnSurface(OGRGeometry::ToHandle(f->GetGeometryRef()))));
    QVERIFY(surface_point);
    const OGRPoint* inside = surface_point->toPoint();
    parkatlas::MapBox box;
    box.expand(env.MinX - 200, env.MinY - 200);
    box.expand(env.MaxX + 200, env.MaxY + 200);
    MapCanvas* canvas = window_->canvas();
    canvas->zoom_to(box);
    QVERIFY(canvas->wait_for_render());
    const QPointF pixel = canvas->viewport().to_pixel(inside->getX(), inside->getY());
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, pixel.toPoint());
    const QString text = window_->inspector()->toPlainText();
    QVERIFY2(text.contains("Parcel " + id), qPrintable(text.left(300)));
    // "FAR 1.63 = 29,643 m² / 18,194 m²": the value to two decimals, as GDAL reads it.
    QVERIFY2(text.contains(QString("FAR %1 = ").arg(far, 0, 'f', 2)), qPrintable(text.left(600)));
    QVERIFY(text.contains("below investment floor"));
  }

  void idleFilterMatchesTheCommandLineCounts() {
    const auto counts = cli_idle_counts();
    QVERIFY(counts.size() >= 2);
    for (const auto& [cls, n] : counts) {
      QVERIFY(window_->filter_bar()->set_value("idle_cls", QString::fromStdString(cls)));
      QCOMPARE(window_->idle_table()->visible_rows(), n);
    }
    QVERIFY(window_->filter_bar()->set_value("idle_cls", ""));
    int all = 0;
    for (const auto& [cls, n] : counts) all += n;
    QCOMPARE(window_->idle_table()->visible_rows(), all);
  }

  void wheelZoomKeepsThePointUnderTheCursor() {
    MapCanvas* canvas = window_->canvas();
    canvas->zoom_full();
    const MapViewport before = canvas->viewport();
    const QPointF cursor(canvas->width() * 0.3, canvas->height() * 0.7);
    const QPointF anchor = before.to_map(cursor);
    send_wheel(canvas, cursor, 120);  // one notch in: 1.25 ×
    const MapViewport after = canvas->viewport();
    QVERIFY(std::abs(after.mpp - before.mpp / 1.25) < 1e-9 * before.mpp);
    const QPointF still = after.to_map(cursor);
    QVERIFY(std::abs(still.x() - anchor.x()) < 1e-6 * before.mpp);
    QVERIFY(std::abs(still.y() - anchor.y()) < 1e-6 * before.mpp);
    send_wheel(canvas, cursor, -240);  // two notches out
    QVERIFY(std::abs(canvas->viewport().mpp - after.mpp * 1.5625) < 1e-9 * after.mpp);
  }

  void dragPansByThePixelsMoved() {
    MapCanvas* canvas = window_->canvas();
    const MapViewport before = canvas->viewport();
    send_mouse(canvas, QEvent::MouseButtonPress, QPointF(100, 100), Qt::LeftButton);
    send_mouse(canvas, QEvent::MouseMove, QPointF(130, 110), Qt::LeftButton, Qt::NoButton);
    send_mouse(canvas, QEvent::MouseMove, QPointF(150, 130), Qt::LeftButton, Qt::NoButton);
    send_mouse(canvas, QEvent::MouseButtonRelease, QPointF(150, 130), Qt::NoButton);
    const MapViewport after = canvas->viewport();
    // Dragging right and down by (50, 30) px shows what lay left and up: the centre moves west
    // by 50 px and north by 30 px of map units.
    QVERIFY(std::abs(after.cx - (before.cx - 50 * before.mpp)) < 1e-6);
    QVERIFY(std::abs(after.cy - (before.cy + 30 * before.mpp)) < 1e-6);
    QCOMPARE(after.mpp, before.mpp);
  }

  void zoomToAParkFitsItsOutline() {
    MapCanvas* canvas = window_->canvas();
    window_->zoom_to_park("G361027");
    const parkatlas::MapBox view = canvas->viewport().extent();
    const auto* parks = window_->document()->parks_layer();
    const auto* id = parks->category("park_id");
    parkatlas::MapBox park;
    for (size_t i = 0; i < parks->size(); ++i)
      if (id->values[id->codes[i]] == "G361027") park.expand(parks->boxes[i]);
    QVERIFY(!park.empty());
    QVERIFY(view.minx <= park.minx && view.maxx >= park.maxx);
    QVERIFY(view.miny <= park.miny && view.maxy >= park.maxy);
    // Fitted: the park fills the view in one direction (5 % margins on each side).
    const double fill = std::max(park.width() / view.width(), park.height() / view.height());
    QVERIFY2(fill > 0.85, qPrintable(QString::number(fill)));
  }

  void canvasAndHeadlessRenderDrawTheSame() {
    MapCanvas* canvas = window_->canvas();
    window_->zoom_to_park("G361027");
    QVERIFY(canvas->wait_for_render());
    const QImage shown = canvas->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QImage headless = render_canvas_image(canvas->scene(), canvas->viewport())
                                .convertToFormat(QImage::Format_RGB32);
    QCOMPARE(shown.size(), headless.size());
    // Text antialiasing may differ by a few levels between the render thread's font engine and
    // the main thread's; every other pixel must be equal.
    int max_delta = 0, differ = 0;
    for (int y = 0; y < shown.height(); ++y)
      for (int x = 0; x < shown.width(); ++x) {
        const QRgb a = shown.pixel(x, y), b = headless.pixel(x, y);
        const int d = std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                                std::abs(qBlue(a) - qBlue(b))});
        max_delta = std::max(max_delta, d);
        differ += d > 0;
      }
    qInfo("canvas vs headless: %d pixels differ, by at most %d levels", differ, max_delta);
    if (differ > 300 || max_delta > 40) {
      dir_.setAutoRemove(false);
      shown.save(dir_.filePath("shown.png"));
      headless.save(dir_.filePath("headless.png"));
      QRect where;
      for (int y = 0; y < shown.height(); ++y)
        for (int x = 0; x < shown.width(); ++x)
          if (shown.pixel(x, y) != headless.pixel(x, y)) where |= QRect(x, y, 1, 1);
      QFAIL(qPrintable(QString("%1 pixels differ in (%2,%3 %4x%5); see %6")
                           .arg(differ)
                           .arg(where.x())
                           .arg(where.y())
                           .arg(where.width())
                           .arg(where.height())
                           .arg(dir_.path())));
    }
    // And the map is not blank: parcels and parks are drawn.
    int coloured = 0;
    for (int y = 0; y < headless.height(); y += 4)
      for (int x = 0; x < headless.width(); x += 4)
        if (headless.pixel(x, y) != qRgb(255, 255, 255)) ++coloured;
    QVERIFY(coloured > 500);
  }

  void switchingLanguageChangesLabels() {
    window_->set_language("en");
    QCOMPARE(window_->file_menu()->title(), QString("&File"));
    window_->set_language("zh_CN");
    QCOMPARE(window_->file_menu()->title(), QString::fromUtf8("文件(&F)"));
    // The legend and the idle-class filter follow.
    bool legend_zh = false;
    for (const auto& e : window_->canvas()->scene().legend())
      if (e.label == QString::fromUtf8("园区边界")) legend_zh = true;
    QVERIFY(legend_zh);
    // So do the dashboard's indicator names (the evaluation table's name_zh / name_en).
    auto indicator_names = [this] {
      QStringList names;
      for (int k = 0; k < window_->dashboard()->indicators()->rowCount(); ++k)
        names << window_->dashboard()->indicators()->item(k, 0)->text();
      return names;
    };
    window_->dashboard()->show_park("G361143");
    QVERIFY2(indicator_names().contains(QString::fromUtf8("土地闲置率")),
             qPrintable(indicator_names().join(", ")));
    window_->set_language("en");
    QCOMPARE(window_->file_menu()->title(), QString("&File"));
    window_->dashboard()->show_park("G361143");
    QVERIFY2(indicator_names().contains("idle land rate"),
             qPrintable(indicator_names().join(", ")));
  }

  void printsPdfAndPng() {
    const QString pdf = dir_.filePath("map.pdf"), png = dir_.filePath("map.png");
    QVERIFY(window_->print_map_pdf(pdf));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.read(5), QByteArray("%PDF-"));
    QVERIFY(f.size() > 5000);
    QVERIFY(window_->save_map_image(png, QSize(1200, 850)));
    QImage image(png);
    QCOMPARE(image.size(), QSize(1200, 850));
  }

  void badFilesGiveAnErrorAndKeepTheProject() {
    QVERIFY(!window_->open_project(dir_.filePath("missing.gpkg")));
    QVERIFY2(window_->last_error().contains("missing.gpkg"), qPrintable(window_->last_error()));
    QFile notes(dir_.filePath("notes.gpkg"));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("not a GeoPackage");
    notes.close();
    QVERIFY(!window_->open_project(notes.fileName()));
    QVERIFY(window_->last_error().contains("notes.gpkg"));
    // The open project is still there.
    QVERIFY(window_->document());
    QCOMPARE(QString::fromStdString(window_->document()->source->path()), project_);
  }

  void headlessRenderModeWritesThePngAndRefusesBadOptions() {
    auto run = [](const QStringList& args, QString* out = nullptr) {
      QProcess p;
      QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
      env.insert("QT_QPA_PLATFORM", "offscreen");
      p.setProcessEnvironment(env);
      p.start(PARKATLAS_DESKTOP_BIN, args);
      p.waitForFinished(120000);
      if (out) *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
      return p.exitCode();
    };
    const QString png = dir_.filePath("render.png");
    QString out;
    QCOMPARE(run({"--render", png, "--project", project_, "--extent", "park:G361027", "--style",
                  "idle", "--size", "800x600"},
                 &out),
             0);
    QImage image(png);
    QCOMPARE(image.size(), QSize(800, 600));
    QVERIFY2(out.contains("polygons"), qPrintable(out));
    QCOMPARE(run({"--render", png, "--project", project_, "--style", "bogus"}, &out), 2);
    QVERIFY(out.contains("--style"));
    QCOMPARE(run({"--render", png, "--project", project_, "--extent", "park:NOPE"}, &out), 2);
    QVERIFY(out.contains("NOPE"));
    QCOMPARE(run({"--render", png, "--project", dir_.filePath("absent.parkatlas")}, &out), 1);
    QVERIFY(out.contains("absent.parkatlas"));
  }

  void analysingAgainAddsARunAndShowsIt() {
    // Six months later every 2-year-idle parcel stays idle_2y with 181 more days; the map and
    // the table now show run 2, and the idle list equals the CLI's for that date.
    QCOMPARE(window_->analyze(QDate(2026, 6, 30), QString()), TaskOutcome::done);
    auto doc = window_->document();
    QCOMPARE(doc->source->run_id(), 2LL);
    QCOMPARE(window_->as_of(), QDate(2026, 6, 30));
    const QString csv2 = dir_.filePath("csv2");
    const QString copy = dir_.filePath("copy.parkatlas");
    run_cli({"init", "--config", PARKATLAS_SOURCE_DIR "/datasets/jiangxi-sample/parkatlas.toml",
             copy, "-q"});
    run_cli({"analyze", copy, "--as-of", "2026-06-30", "--csv", csv2, "-q"});
    GDALDatasetUniquePtr csv(GDALDataset::Open((csv2 + "/idle-parcels.csv").toUtf8().constData(),
                                               GDAL_OF_VECTOR | GDAL_OF_READONLY));
    QVERIFY(csv);
    QCOMPARE(window_->idle_table()->visible_rows(),
             static_cast<int>(csv->GetLayer(0)->GetFeatureCount()));
  }

  void cancellingTheImportLeavesNoProject() {
    const QString project = dir_.filePath("cancelled.parkatlas");
    // Cancel as soon as the progress dialog is up; the engine stops at its next report.
    QTimer::singleShot(0, [] {
      for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* d = qobject_cast<QProgressDialog*>(w)) d->cancel();
    });
    QCOMPARE(window_->create_project(PARKATLAS_SOURCE_DIR "/datasets/jiangxi-sample/parkatlas.toml",
                                     project),
             TaskOutcome::cancelled);
    QVERIFY(!QFileInfo::exists(project));
    // No temporary file is left beside it either.
    QCOMPARE(QDir(dir_.path()).entryList({".cancelled*"}, QDir::Files | QDir::Hidden).size(), 0);
    // The open project is unchanged.
    QCOMPARE(window_->document()->source->run_id(), 2LL);
  }

  void idleSelectionExportsToShapefileAndExcel() {
    // The first two rows of the table for class idle_2y, exported and read back with GDAL.
    QVERIFY(window_->filter_bar()->set_value("idle_cls", "idle_2y"));
    IdleTablePanel* table = window_->idle_table();
    QVERIFY(table->visible_rows() >= 2);
    table->view()->selectRow(0);
    table->view()->selectionModel()->select(
        table->view()->model()->index(1, 0),
        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QStringList ids = table->selected_parcel_ids();
    QCOMPARE(ids.size(), 2);
    const QString shp = dir_.filePath("selected/idle.shp");
    QDir().mkpath(dir_.filePath("selected"));
    QCOMPARE(window_->export_parcels_to("shp", ids, shp), 2LL);
    GDALDatasetUniquePtr ds(GDALDataset::Open(shp.toUtf8().constData(), GDAL_OF_VECTOR));
    QVERIFY(ds);
    QStringList read;
    for (auto& f : *ds->GetLayer(0)) read << QString::fromUtf8(f->GetFieldAsString("parcel_id"));
    read.sort();
    QStringList expected = ids;
    expected.sort();
    QCOMPARE(read, expected);
    QVERIFY(QFileInfo::exists(dir_.filePath("selected/idle.qml")));
    const QString xlsx = dir_.filePath("selected/idle.xlsx");
    QCOMPARE(window_->export_parcels_to("xlsx", ids, xlsx), 2LL);
    QVERIFY(QFileInfo(xlsx).size() > 1000);
    QVERIFY(window_->filter_bar()->set_value("idle_cls", ""));
  }

  void exportDialogGivesTheCommandLineOptions() {
    // The dialog's fields in order: layer, format, encoding, split by, style (combos), then the
    // filter and the output (line edits); what they say becomes export_layer's options.
    ExportDialog dialog(nullptr, {"parcels", "parks", "idle_parcels"}, "parcels");
    const auto combos = dialog.findChildren<QComboBox*>();
    QList<QLineEdit*> edits;  // the dialog's own; editable combos have line edits inside
    for (QLineEdit* e : dialog.findChildren<QLineEdit*>())
      if (!qobject_cast<QComboBox*>(e->parent())) edits << e;
    QVERIFY(combos.size() >= 5);
    QVERIFY(edits.size() >= 2);
    combos[0]->setCurrentText("parks");
    combos[1]->setCurrentIndex(combos[1]->findData("xlsx"));
    combos[2]->setCurrentIndex(combos[2]->findData("CP936"));
    combos[3]->setCurrentText("county");
    combos[4]->setCurrentIndex(combos[4]->findData("idle"));
    edits[0]->setText("n_parcels > 10");
    edits[1]->setText("/tmp/out.xlsx");
    const parkatlas::ExportOptions o = dialog.options();
    QCOMPARE(QString::fromStdString(o.layer), QString("parks"));
    QVERIFY(o.format == parkatlas::ExportFormat::xlsx);
    QCOMPARE(QString::fromStdString(o.encoding), QString("CP936"));
    QCOMPARE(QString::fromStdString(o.split_by), QString("county"));
    QCOMPARE(QString::fromStdString(o.style_theme), QString("idle"));
    QCOMPARE(QString::fromStdString(o.where), QString("n_parcels > 10"));
    QCOMPARE(QString::fromStdString(o.out), QString("/tmp/out.xlsx"));
    combos[3]->setCurrentIndex(0);  // "(one file)"
    QVERIFY(dialog.options().split_by.empty());
  }

  void everyStringIsTranslatedInBothLanguages() {
    for (const char* lang : {"zh_CN", "en"}) {
      QFile ts(QString(PARKATLAS_SOURCE_DIR "/app/desktop/i18n/parkatlas_%1.ts").arg(lang));
      QVERIFY(ts.open(QIODevice::ReadOnly));
      QXmlStreamReader xml(&ts);
      int messages = 0;
      QString source;
      while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        if (xml.name() == u"source") source = xml.readElementText();
        if (xml.name() == u"translation") {
          const bool unfinished = xml.attributes().value("type") == u"unfinished";
          const QString text = xml.readElementText();
          QVERIFY2(!unfinished && !text.isEmpty(), qPrintable(QString(lang) + ": " + source));
          ++messages;
        }
      }
      QVERIFY(!xml.hasError());
      QVERIFY2(messages > 150, qPrintable(QString::number(messages)));
    }
  }

  void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(DesktopTest)
#include "desktop_test.moc"
