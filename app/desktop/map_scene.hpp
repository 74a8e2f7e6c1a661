// What the map shows: the loaded layers with their visibility, opacity and style, the filter that
// hides parcels, the selection, and the symbology. A MapScene is a value: the canvas hands a copy
// to the render thread, and the layers' data are shared read-only.
#pragma once
#include <QColor>
#include <QString>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "gis/map/map_layer.hpp"
#include "gis/style/style_book.hpp"

namespace parkatlas::desktop {

// Parcel themes, as `--style` and the layers panel name them.
enum class ParcelTheme { verdict, idle, far, inv_mu, cluster };
ParcelTheme parse_theme(const QString& name, bool* ok = nullptr);
QString theme_name(ParcelTheme theme);

struct LayerView {
  std::shared_ptr<const MapLayerData> data;
  bool visible = true;
  double opacity = 1.0;
  ParcelTheme theme = ParcelTheme::verdict;  // parcels (and cluster zones by cluster)
};

// Filters act on the map and the tables together; "" = any.
struct MapFilter {
  QString park, city, county, cluster, verdict, idle_cls;
  bool any() const {
    return !(park.isEmpty() && city.isEmpty() && county.isEmpty() && cluster.isEmpty() &&
             verdict.isEmpty() && idle_cls.isEmpty());
  }
};

struct LegendEntry {
  QString label;
  QColor fill, outline;
  bool heading = false;
};

struct MapScene {
  std::vector<LayerView> layers;  // bottom first
  std::shared_ptr<const StyleBook> styles;
  // Which features pass the filter: parcels, parks, and (by their park_id) the other layers that
  // carry one. Null = all pass.
  std::shared_ptr<const std::vector<bool>> parcel_mask, park_mask;
  std::map<std::string, std::shared_ptr<const std::vector<bool>>> layer_masks;
  const std::vector<bool>* mask_of(const std::string& layer) const;
  // Buildings are drawn from this scale on (metres per pixel), as QGIS layers with a scale range.
  double buildings_max_mpp = 4.0;
  std::set<long> selected_parcels;
  bool chinese = true;  // labels of categories in the legend
  // Every cluster name of the loaded layers, sorted: a cluster's colour is the palette entry at
  // its position, the same on parcels, zones and in the legend.
  std::vector<std::string> cluster_order;

  LayerView* layer(const std::string& name);
  const LayerView* layer(const std::string& name) const;
  MapBox extent() const;  // of the visible layers
  // Which parcels (and parks) pass `filter`; parcels get their city and county through their park.
  void apply_filter(const MapFilter& filter);
  std::vector<LegendEntry> legend() const;
};

QColor colour_of(const std::string& hex);  // "#RRGGBB[AA]"
QColor cluster_colour(const StyleBook& styles, const std::vector<std::string>& order,
                      const std::string& cluster);  // grey for "" or an unknown cluster

// The fill of parcel `i` under `theme` (invalid colour: not drawn).
class ParcelColours {
 public:
  ParcelColours(const MapLayerData& parcels, const StyleBook& styles, ParcelTheme theme,
                const std::vector<std::string>& cluster_order);
  QColor operator()(size_t i) const;

 private:
  const MapLayerData& parcels_;
  ParcelTheme theme_;
  const MapCategoryColumn* category_ = nullptr;
  const MapNumberColumn* number_ = nullptr;
  std::vector<QColor> by_code_;
  std::vector<double> breaks_;
  std::vector<QColor> ramp_;
  QColor null_colour_{200, 200, 200};
};

}  // namespace parkatlas::desktop
