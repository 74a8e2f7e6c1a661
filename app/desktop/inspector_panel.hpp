// Inspector: what a click on the map hits, explained. For a parcel: every indicator with its
// formula and inputs, the floor that applies and why, the verdict, the idle class with the dates
// behind it, and its data problems; for an expansion proposal its demand, shape, eligibility and
// what was excluded; for a cluster zone its members and figures; for other layers their
// attributes.
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
  // `layer` (the logical name) picks an explanation: expansion proposals and cluster zones are
  // explained in words before their fields; other layers list their fields.
  void show_feature(const QString& layer_title, const Attributes& a, const std::string& layer = {});
  void show_nothing();
  void retranslate();

 private:
  std::shared_ptr<const StyleBook> styles_;
  bool chinese_ = true;
  Attributes last_;
  QString last_layer_;
  std::string last_layer_name_;
  QString explain_proposal(const Attributes& a) const;
  QString explain_zone(const Attributes& a) const;
  enum class Showing { nothing, parcel, feature } showing_ = Showing::nothing;
};

}  // namespace parkatlas::desktop
