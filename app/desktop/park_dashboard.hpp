// Park dashboard: a park's roll-up (counts and areas by verdict and idle class, park-level FAR and
// investment intensity, the evaluation score when the results carry one) with charts of verdict
// shares, the FAR distribution of its parcels and idle area by class.
#pragma once
#include <QComboBox>
#include <QTableWidget>
#include <QWidget>
#include <QtCharts/QChartView>

#include "app/desktop/project_document.hpp"

namespace parkatlas::desktop {

class ParkDashboard : public QWidget {
  Q_OBJECT
 public:
  explicit ParkDashboard(QWidget* parent = nullptr);
  // `chinese`: the window's language, for category labels and indicator names (the document's
  // own scene keeps the language it was loaded in).
  void set_document(std::shared_ptr<const ProjectDocument> doc, bool chinese);
  void show_park(const QString& park_id);
  QString current_park() const;
  QTableWidget* figures() const { return figures_; }
  // The park's TD/T 1029 indicators (one row each) and its clusters.
  QTableWidget* indicators() const { return indicators_; }
  QTableWidget* clusters() const { return clusters_; }
  void retranslate();

 signals:
  void park_chosen(const QString& park_id);

 private:
  void refresh();
  void fill_indicators();
  void fill_clusters();
  std::shared_ptr<const ProjectDocument> doc_;
  QComboBox* park_;
  bool chinese_ = true;
  QTableWidget* figures_;
  QTableWidget* indicators_;
  QTableWidget* clusters_;
  QChartView *verdict_chart_, *far_chart_, *idle_chart_;
};

}  // namespace parkatlas::desktop
