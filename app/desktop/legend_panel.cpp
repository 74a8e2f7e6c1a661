// Legend panel.
#include "app/desktop/legend_panel.hpp"

#include <QPainter>

#include "app/desktop/map_renderer.hpp"

namespace parkatlas::desktop {

LegendPanel::LegendPanel(QWidget* parent) : QWidget(parent) {
  setMinimumHeight(120);
}

void LegendPanel::set_entries(std::vector<LegendEntry> entries) {
  entries_ = std::move(entries);
  updateGeometry();
  update();
}

QSize LegendPanel::sizeHint() const {
  return {260, static_cast<int>(entries_.size()) * 18 + 20};
}

void LegendPanel::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().window());
  if (!entries_.empty()) draw_legend(p, QPointF(4, 4), entries_);
}

}  // namespace parkatlas::desktop
