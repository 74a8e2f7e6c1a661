// Filters, parcel colours and the legend of the map scene.
#include "app/desktop/map_scene.hpp"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <map>

namespace parkatlas::desktop {

ParcelTheme parse_theme(const QString& name, bool* ok) {
  if (ok) *ok = true;
  if (name == "idle") return ParcelTheme::idle;
  if (name == "far") return ParcelTheme::far;
  if (name == "inv_mu") return ParcelTheme::inv_mu;
  if (name == "cluster") return ParcelTheme::cluster;
  if (ok) *ok = name == "verdict";
  return ParcelTheme::verdict;
}

QString theme_name(ParcelTheme theme) {
  switch (theme) {
    case ParcelTheme::idle:
      return "idle";
    case ParcelTheme::far:
      return "far";
    case ParcelTheme::inv_mu:
      return "inv_mu";
    case ParcelTheme::cluster:
      return "cluster";
    case ParcelTheme::verdict:
      break;
  }
  return "verdict";
}

QColor colour_of(const std::string& hex) {
  if (hex.size() == 9) {
    QColor c(QString::fromStdString(hex.substr(0, 7)));
    c.setAlpha(std::stoi(hex.substr(7, 2), nullptr, 16));
    return c;
  }
  return QColor(QString::fromStdString(hex));
}

QColor cluster_colour(const StyleBook& styles, const std::vector<std::string>& order,
                      const std::string& cluster) {
  auto it = std::lower_bound(order.begin(), order.end(), cluster);
  if (cluster.empty() || it == order.end() || *it != cluster || styles.cluster_palette.empty())
    return QColor(200, 200, 200);
  const size_t k = static_cast<size_t>(it - order.begin());
  return colour_of(styles.cluster_palette[k % styles.cluster_palette.size()]);
}

LayerView* MapScene::layer(const std::string& name) {
  for (auto& l : layers)
    if (l.data && l.data->name == name) return &l;
  return nullptr;
}

const LayerView* MapScene::layer(const std::string& name) const {
  for (const auto& l : layers)
    if (l.data && l.data->name == name) return &l;
  return nullptr;
}

MapBox MapScene::extent() const {
  MapBox b;
  for (const auto& l : layers)
    if (l.visible && l.data) b.expand(l.data->extent);
  if (b.empty())
    for (const auto& l : layers)
      if (l.data) b.expand(l.data->extent);
  return b;
}

namespace {

// Codes of `column` whose value equals `wanted` ("" = every code passes).
std::vector<bool> passing_codes(const MapCategoryColumn* column, const QString& wanted) {
  if (!column) return {};
  std::vector<bool> pass(column->values.size(), wanted.isEmpty());
  if (!wanted.isEmpty())
    for (size_t k = 0; k < column->values.size(); ++k)
      pass[k] = QString::fromStdString(column->values[k]) == wanted;
  return pass;
}

}  // namespace

const std::vector<bool>* MapScene::mask_of(const std::string& name) const {
  if (name == "parcels") return parcel_mask.get();
  if (name == "parks") return park_mask.get();
  auto it = layer_masks.find(name);
  return it == layer_masks.end() ? nullptr : it->second.get();
}

void MapScene::apply_filter(const MapFilter& filter) {
  parcel_mask.reset();
  park_mask.reset();
  layer_masks.clear();
  if (!filter.any()) return;
  const LayerView* parks = layer("parks");
  // Parks passing park, city and county filters, by id.
  std::set<std::string> park_ids_passing;
  bool park_filter = !(filter.park.isEmpty() && filter.city.isEmpty() && filter.county.isEmpty());
  if (parks) {
    const MapLayerData& p = *parks->data;
    const auto* id = p.category("park_id");
    const auto* city = p.category("city");
    const auto* county = p.category("county");
    auto mask = std::make_shared<std::vector<bool>>(p.size(), true);
    for (size_t i = 0; i < p.size(); ++i) {
      auto value = [&](const MapCategoryColumn* c) {
        return c ? QString::fromStdString(c->values[c->codes[i]]) : QString();
      };
      bool ok = (filter.park.isEmpty() || value(id) == filter.park) &&
                (filter.city.isEmpty() || value(city) == filter.city) &&
                (filter.county.isEmpty() || value(county) == filter.county);
      (*mask)[i] = ok;
      if (ok && id) park_ids_passing.insert(id->values[id->codes[i]]);
    }
    if (park_filter) park_mask = mask;
  }
  // Other layers with a park_id (unsupplied land, batches, proposals) follow the park filters.
  if (park_filter)
    for (const LayerView& l : layers) {
      const MapLayerData& d = *l.data;
      if (d.name == "parcels" || d.name == "parks") continue;
      const auto* id = d.category("park_id");
      if (!id) continue;
      auto mask = std::make_shared<std::vector<bool>>(d.size(), false);
      for (size_t i = 0; i < d.size(); ++i)
        (*mask)[i] = park_ids_passing.count(id->values[id->codes[i]]) > 0;
      layer_masks[d.name] = mask;
    }
  const LayerView* parcels = layer("parcels");
  if (!parcels) return;
  const MapLayerData& d = *parcels->data;
  const auto* park = d.category("park_id");
  std::vector<bool> park_pass;
  if (park_filter && park) {
    park_pass.assign(park->values.size(), false);
    for (size_t k = 0; k < park->values.size(); ++k)
      park_pass[k] = park_ids_passing.count(park->values[k]) > 0;
  }
  const auto cluster_pass = passing_codes(d.category("cluster"), filter.cluster);
  const auto verdict_pass = passing_codes(d.category("verdict"), filter.verdict);
  const auto idle_pass = passing_codes(d.category("idle_cls"), filter.idle_cls);
  auto mask = std::make_shared<std::vector<bool>>(d.size(), true);
  auto check = [](const std::vector<bool>& pass, const MapCategoryColumn* c, size_t i) {
    return pass.empty() || !c || pass[c->codes[i]];
  };
  for (size_t i = 0; i < d.size(); ++i)
    (*mask)[i] = check(park_pass, park, i) && check(cluster_pass, d.category("cluster"), i) &&
                 check(verdict_pass, d.category("verdict"), i) &&
                 check(idle_pass, d.category("idle_cls"), i);
  parcel_mask = mask;
}

ParcelColours::ParcelColours(const MapLayerData& parcels, const StyleBook& styles,
                             ParcelTheme theme, const std::vector<std::string>& cluster_order)
    : parcels_(parcels), theme_(theme) {
  auto categorised = [&](const char* field, const std::vector<StyleCategory>& cats) {
    category_ = parcels.category(field);
    if (!category_) return;
    by_code_.assign(category_->values.size(), null_colour_);
    for (size_t k = 1; k < category_->values.size(); ++k)
      for (const auto& c : cats)
        if (c.value == category_->values[k]) by_code_[k] = colour_of(c.colour);
  };
  auto graduated = [&](const char* field, const StyleRamp& ramp) {
    number_ = parcels.number(field);
    breaks_ = ramp.breaks;
    for (const auto& c : ramp.colours) ramp_.push_back(colour_of(c));
  };
  switch (theme) {
    case ParcelTheme::verdict:
      categorised("verdict", styles.verdict);
      break;
    case ParcelTheme::idle:
      categorised("idle_cls", styles.idle_cls);
      break;
    case ParcelTheme::far:
      graduated("far", styles.far);
      break;
    case ParcelTheme::inv_mu:
      graduated("inv_mu", styles.inv_mu);
      break;
    case ParcelTheme::cluster:
      category_ = parcels.category("cluster");
      if (category_) {
        by_code_.assign(category_->values.size(), QColor(240, 240, 240));
        for (size_t k = 1; k < category_->values.size(); ++k)
          by_code_[k] = cluster_colour(styles, cluster_order, category_->values[k]);
      }
      break;
  }
}

QColor ParcelColours::operator()(size_t i) const {
  if (category_) return by_code_[category_->codes[i]];
  if (number_) {
    const float v = number_->values[i];
    if (std::isnan(v)) return null_colour_;
    for (size_t k = 0; k < breaks_.size() && k < ramp_.size(); ++k)
      if (v < breaks_[k]) return ramp_[k];
    return ramp_.empty() ? null_colour_ : ramp_.back();
  }
  return null_colour_;
}

std::vector<LegendEntry> MapScene::legend() const {
  std::vector<LegendEntry> out;
  auto translate = [](const char* s) { return QCoreApplication::translate("Legend", s); };
  auto simple = [&](const char* title, const SimpleStyle& s) {
    out.push_back({translate(title), colour_of(s.fill), colour_of(s.outline), false});
  };
  for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
    const LayerView& l = *it;
    if (!l.visible || !l.data || !styles) continue;
    const std::string& n = l.data->name;
    if (n == "parcels") {
      auto cats = [&](const char* title, const std::vector<StyleCategory>& list) {
        out.push_back({translate(title), {}, {}, true});
        for (const auto& c : list)
          out.push_back({QString::fromStdString(chinese ? c.zh : c.en), colour_of(c.colour),
                         QColor(80, 80, 80), false});
      };
      auto ramp = [&](const char* title, const StyleRamp& r) {
        out.push_back({translate(title), {}, {}, true});
        double lower = 0;
        for (size_t k = 0; k < r.breaks.size(); ++k) {
          const QString label = k + 1 == r.breaks.size()
                                    ? QString("≥ %1").arg(lower)
                                    : QString("%1 – %2").arg(lower).arg(r.breaks[k]);
          out.push_back({label, colour_of(r.colours[k]), QColor(80, 80, 80), false});
          lower = r.breaks[k];
        }
      };
      switch (l.theme) {
        case ParcelTheme::verdict:
          cats(QT_TRANSLATE_NOOP("Legend", "Parcels by verdict"), styles->verdict);
          break;
        case ParcelTheme::idle:
          cats(QT_TRANSLATE_NOOP("Legend", "Parcels by idle class"), styles->idle_cls);
          break;
        case ParcelTheme::far:
          ramp(QT_TRANSLATE_NOOP("Legend", "Parcels by floor-area ratio"), styles->far);
          break;
        case ParcelTheme::inv_mu:
          ramp(QT_TRANSLATE_NOOP("Legend", "Parcels by investment (10,000 yuan/mu)"),
               styles->inv_mu);
          break;
        case ParcelTheme::cluster: {
          out.push_back({translate(QT_TRANSLATE_NOOP("Legend", "Parcels by industry cluster")),
                         {},
                         {},
                         true});
          for (const auto& name : cluster_order)
            out.push_back({QString::fromStdString(name),
                           cluster_colour(*styles, cluster_order, name), QColor(80, 80, 80),
                           false});
          break;
        }
      }
    } else if (n == "parks") {
      simple(QT_TRANSLATE_NOOP("Legend", "Park boundary"), styles->park);
    } else if (n == "unsupplied") {
      simple(QT_TRANSLATE_NOOP("Legend", "Approved, not supplied (批而未供)"), styles->unsupplied);
    } else if (n == "approval_batches") {
      simple(QT_TRANSLATE_NOOP("Legend", "Approval batch"), styles->approval_batches);
    } else if (n == "buildings") {
      simple(QT_TRANSLATE_NOOP("Legend", "Building"), styles->buildings);
    } else if (n == "proposals") {
      simple(QT_TRANSLATE_NOOP("Legend", "Expansion proposal"), styles->proposals);
    } else if (n == "constraints") {
      simple(QT_TRANSLATE_NOOP("Legend", "Constraint (farmland, red line, water)"),
             styles->constraints);
    } else if (n == "clusters") {
      out.push_back({translate(QT_TRANSLATE_NOOP("Legend", "Cluster zones")), {}, {}, true});
      for (const auto& name : cluster_order) {
        QColor fill = cluster_colour(*styles, cluster_order, name);
        fill.setAlpha(90);
        out.push_back({QString::fromStdString(name), fill, fill.darker(160), false});
      }
    }
  }
  return out;
}

}  // namespace parkatlas::desktop
