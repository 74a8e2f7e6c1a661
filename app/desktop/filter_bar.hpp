// Filters by park, city, county, cluster, verdict and idle class; they act on the map and the
// tables together.
#pragma once
#include <QComboBox>
#include <QLabel>
#include <QToolBar>

#include "app/desktop/project_document.hpp"

namespace parkatlas::desktop {

class FilterBar : public QToolBar {
  Q_OBJECT
 public:
  explicit FilterBar(QWidget* parent = nullptr);
  // Lists the values present; verdicts and idle classes by their labels in the UI language.
  // The current choices are kept when still present.
  void set_document(const ProjectDocument& doc, bool chinese);
  MapFilter filter() const;
  // Sets one filter by key (park, city, county, cluster, verdict, idle_cls); "" clears it.
  bool set_value(const QString& key, const QString& value);
  void retranslate();

 signals:
  void filter_changed();

 private:
  struct Box {
    QString key;
    QComboBox* combo;
    QLabel* label;
  };
  std::vector<Box> boxes_;
};

}  // namespace parkatlas::desktop
