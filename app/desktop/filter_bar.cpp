// Filter bar: each combo lists the values present in the loaded layers.
#include "app/desktop/filter_bar.hpp"

#include <QLabel>
#include <set>

namespace parkatlas::desktop {

FilterBar::FilterBar(QWidget* parent) : QToolBar(parent) {
  setObjectName("filters");
  for (const char* key : {"park", "city", "county", "cluster", "verdict", "idle_cls"}) {
    Box b{key, new QComboBox(this), new QLabel(this)};
    b.combo->setObjectName(QString("filter_") + key);
    b.combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addWidget(b.label);
    addWidget(b.combo);
    addSeparator();
    connect(b.combo, &QComboBox::currentIndexChanged, this, [this](int) { emit filter_changed(); });
    boxes_.push_back(b);
  }
  retranslate();
}

void FilterBar::retranslate() {
  const std::pair<const char*, const char*> labels[] = {
      {"park", QT_TR_NOOP("Park")},       {"city", QT_TR_NOOP("City")},
      {"county", QT_TR_NOOP("County")},   {"cluster", QT_TR_NOOP("Cluster")},
      {"verdict", QT_TR_NOOP("Verdict")}, {"idle_cls", QT_TR_NOOP("Idle class")}};
  for (auto& b : boxes_) {
    for (const auto& [k, l] : labels)
      if (b.key == k) b.label->setText(" " + tr(l) + " ");
    if (b.combo->count() > 0) b.combo->setItemText(0, tr("(all)"));
  }
}

void FilterBar::set_document(const ProjectDocument& doc, bool chinese) {
  const MapFilter before = filter();
  auto values = [&](const MapLayerData* layer, const char* field) {
    std::set<QString> out;
    if (layer)
      if (const auto* c = layer->category(field))
        for (size_t k = 1; k < c->values.size(); ++k)
          out.insert(QString::fromStdString(c->values[k]));
    return out;
  };
  const MapLayerData* parks = doc.parks_layer();
  const MapLayerData* parcels = doc.parcels();
  for (auto& b : boxes_) {
    const QSignalBlocker block(b.combo);
    b.combo->clear();
    b.combo->addItem(tr("(all)"), QString());
    if (b.key == "park" && parks) {
      const auto* id = parks->category("park_id");
      if (id)
        for (size_t i = 0; i < parks->size(); ++i) {
          const QString pid = QString::fromStdString(id->values[id->codes[i]]);
          if (!pid.isEmpty())
            b.combo->addItem(pid + " " + QString::fromStdString(parks->labels[i]), pid);
        }
      continue;
    }
    const MapLayerData* layer = (b.key == "city" || b.key == "county") ? parks : parcels;
    const std::vector<StyleCategory>* labels = nullptr;
    if (doc.scene.styles && b.key == "verdict") labels = &doc.scene.styles->verdict;
    if (doc.scene.styles && b.key == "idle_cls") labels = &doc.scene.styles->idle_cls;
    for (const QString& v : values(layer, b.key.toStdString().c_str())) {
      QString text = v;
      if (labels)
        for (const auto& c : *labels)
          if (QString::fromStdString(c.value) == v)
            text = QString::fromStdString(chinese ? c.zh : c.en);
      b.combo->addItem(text, v);
    }
  }
  // Keep what was chosen (a language switch rebuilds the lists).
  const std::pair<const char*, QString> kept[] = {
      {"park", before.park},       {"city", before.city},       {"county", before.county},
      {"cluster", before.cluster}, {"verdict", before.verdict}, {"idle_cls", before.idle_cls}};
  for (auto& b : boxes_)
    for (const auto& [k, v] : kept)
      if (b.key == k && !v.isEmpty()) {
        const QSignalBlocker block(b.combo);
        b.combo->setCurrentIndex(std::max(0, b.combo->findData(v)));
      }
}

MapFilter FilterBar::filter() const {
  MapFilter f;
  for (const auto& b : boxes_) {
    const QString v = b.combo->currentData().toString();
    if (b.key == "park") f.park = v;
    if (b.key == "city") f.city = v;
    if (b.key == "county") f.county = v;
    if (b.key == "cluster") f.cluster = v;
    if (b.key == "verdict") f.verdict = v;
    if (b.key == "idle_cls") f.idle_cls = v;
  }
  return f;
}

bool FilterBar::set_value(const QString& key, const QString& value) {
  for (auto& b : boxes_)
    if (b.key == key) {
      const int k = b.combo->findData(value);
      if (k < 0) return false;
      b.combo->setCurrentIndex(k);
      return true;
    }
  return false;
}

}  // namespace parkatlas::desktop
