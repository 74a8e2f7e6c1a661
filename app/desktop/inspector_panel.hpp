// Inspector: what a click on the map hits, explained. For a parcel: every indicator with its
// formula and inputs, the floor that applies and why, the verdict, the idle class with the dates
// behind it, and its data problems; for other layers their attributes.
#pragma once
#include <QTextBrowser>
#include <utility>
#include <vector>

#include "gis/style/style_book.hpp"

namespace parkatlas::desktop {

using Attributes = std::vector<std::pair<std::string, std::string>>;

class InspectorPanel : public QTextBrowser {
  Q_OBJECT
 public:
  explicit InspectorPanel(QWidget* parent = nullptr);
  void set_styles(std::shared_ptr<const StyleBook> styles, bool chinese);
  void show_parcel(const Attributes& a);
  void show_feature(const QString& layer_title, const Attributes& a);
  void show_nothing();
  void retranslate();

 private:
  std::shared_ptr<const StyleBook> styles_;
  bool chinese_ = true;
  Attributes last_;
  QString last_layer_;
  enum class Showing { nothing, parcel, feature } showing_ = Showing::nothing;
};

}  // namespace parkatlas::desktop
