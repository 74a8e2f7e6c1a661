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
  void set_document(std::shared_ptr<const ProjectDocument> doc);
  void show_park(const QString& park_id);
  QString current_park() const;
  QTableWidget* figures() const { return figures_; }
  void retranslate();

 signals:
  void park_chosen(const QString& park_id);

 private:
  void refresh();
  std::shared_ptr<const ProjectDocument> doc_;
  QComboBox* park_;
  QTableWidget* figures_;
  QChartView *verdict_chart_, *far_chart_, *idle_chart_;
};

}  // namespace parkatlas::desktop
