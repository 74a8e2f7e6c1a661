// Legend panel: the symbols of the visible layers in the current theme and language, drawn with
// the same routine as printed maps.
#pragma once
#include <QWidget>

#include "app/desktop/map_scene.hpp"

namespace parkatlas::desktop {

class LegendPanel : public QWidget {
  Q_OBJECT
 public:
  explicit LegendPanel(QWidget* parent = nullptr);
  void set_entries(std::vector<LegendEntry> entries);
  const std::vector<LegendEntry>& entries() const { return entries_; }
  QSize sizeHint() const override;

 protected:
  void paintEvent(QPaintEvent*) override;

 private:
  std::vector<LegendEntry> entries_;
};

}  // namespace parkatlas::desktop
