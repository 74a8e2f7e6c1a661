// The ParkAtlas desktop window: map canvas in the middle; layers, inspector, idle-land table and
// park dashboard in docks; filters in a tool bar; cursor position and scale in the status bar.
#pragma once
#include <QAction>
#include <QDate>
#include <QLabel>
#include <QMainWindow>
#include <QTranslator>
#include <memory>
#include <unordered_map>

#include "app/desktop/engine_task.hpp"
#include "app/desktop/filter_bar.hpp"
#include "app/desktop/idle_table_panel.hpp"
#include "app/desktop/inspector_panel.hpp"
#include "app/desktop/layers_panel.hpp"
#include "app/desktop/legend_panel.hpp"
#include "app/desktop/map_canvas.hpp"
#include "app/desktop/park_dashboard.hpp"
#include "app/desktop/project_document.hpp"

class QDockWidget;
class QMenu;

namespace parkatlas::desktop {

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);

  // Opens a project file or results GeoPackage; errors go to a dialog (or last_error() when quiet).
  bool open_project(const QString& path);
  // "zh_CN" or "en": installs the translation and retranslates every window text.
  void set_language(const QString& language);
  QString language() const { return language_; }
  // Tests and scripts: report errors through last_error() instead of modal dialogs.
  void set_quiet(bool quiet) { quiet_ = quiet; }
  const QString& last_error() const { return last_error_; }

  MapCanvas* canvas() const { return canvas_; }
  InspectorPanel* inspector() const { return inspector_; }
  IdleTablePanel* idle_table() const { return idle_; }
  FilterBar* filter_bar() const { return filters_; }
  ParkDashboard* dashboard() const { return dashboard_; }
  LayersPanel* layers_panel() const { return layers_; }
  LegendPanel* legend() const { return legend_; }
  QMenu* file_menu() const { return file_menu_; }
  std::shared_ptr<const ProjectDocument> document() const { return doc_; }

  // File › New project and Analysis › Run again, without their dialogs: the engine behind a
  // cancellable progress dialog, then the new run on screen.
  TaskOutcome create_project(const QString& config, const QString& project);
  TaskOutcome analyze(QDate as_of, const QString& rules);
  QDate as_of() const { return as_of_; }
  // The idle table's "Export selection": these parcels (all their fields and geometry, with the
  // idle-class QGIS style) to a Shapefile ("shp") or Excel ("xlsx"); the parcels written, -1 on
  // error.
  long long export_parcels_to(const QString& format, const QStringList& ids, const QString& out);

  void zoom_to_parcel(const QString& parcel_id);
  void zoom_to_park(const QString& park_id);
  void show_dashboard();
  bool save_map_image(const QString& png, QSize size);
  bool print_map_pdf(const QString& pdf);

 protected:
  void changeEvent(QEvent* e) override;
  void showEvent(QShowEvent* e) override;

 private:
  void build_menus();
  void retranslate();
  void show_error(const QString& what, const QString& detail, const QString& todo);
  void scene_changed();
  void filter_changed();
  void identify(double x, double y, double tolerance);
  void update_status(double x, double y);
  void new_project();
  void open_dialog();
  void rerun_analysis();
  void export_dialog();
  void export_parcels(const QString& format, const QStringList& ids);
  void print_dialog();
  void png_dialog();
  QString sheet_title() const;
  QString sheet_date_line() const;

  std::shared_ptr<ProjectDocument> doc_;
  MapScene scene_;
  std::shared_ptr<std::unordered_map<std::string, long>> parcel_index_;
  std::unique_ptr<LonLatTransform> lonlat_;
  MapCanvas* canvas_;
  LayersPanel* layers_;
  LegendPanel* legend_;
  InspectorPanel* inspector_;
  IdleTablePanel* idle_;
  ParkDashboard* dashboard_;
  FilterBar* filters_;
  QDockWidget *layers_dock_, *legend_dock_, *inspector_dock_, *idle_dock_, *dashboard_dock_;
  QLabel *coords_, *lonlat_label_, *scale_, *render_time_;
  QMenu *file_menu_, *analysis_menu_, *view_menu_, *language_menu_, *help_menu_;
  std::vector<std::pair<QAction*, const char*>> actions_;  // action, untranslated text
  QTranslator translator_;
  QString language_ = "en";
  bool quiet_ = false;
  bool docks_sized_ = false;
  QString last_error_;
  QDate as_of_;
  QString rules_;
};

// The translation files compiled into the program (":/i18n/parkatlas_<lang>.qm").
QString translation_resource(const QString& language);
// zh_CN when the system locale is Chinese, else en.
QString system_language();

}  // namespace parkatlas::desktop
