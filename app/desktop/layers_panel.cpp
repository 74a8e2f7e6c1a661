// Layers panel: the list shows the top layer first, as in QGIS.
#include "app/desktop/layers_panel.hpp"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace parkatlas::desktop {

QString layer_title(const std::string& logical) {
  static const std::pair<const char*, const char*> names[] = {
      {"parks", QT_TRANSLATE_NOOP("Layers", "Parks")},
      {"parcels", QT_TRANSLATE_NOOP("Layers", "Parcels")},
      {"buildings", QT_TRANSLATE_NOOP("Layers", "Buildings")},
      {"unsupplied", QT_TRANSLATE_NOOP("Layers", "Approved, not supplied")},
      {"approval_batches", QT_TRANSLATE_NOOP("Layers", "Approval batches")},
      {"clusters", QT_TRANSLATE_NOOP("Layers", "Cluster zones")},
      {"proposals", QT_TRANSLATE_NOOP("Layers", "Expansion proposals")},
      {"constraints", QT_TRANSLATE_NOOP("Layers", "Constraints")},
  };
  for (const auto& [key, title] : names)
    if (logical == key) return QCoreApplication::translate("Layers", title);
  return QString::fromStdString(logical);
}

LayersPanel::LayersPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  list_ = new QListWidget(this);
  layout->addWidget(list_);
  auto* order = new QHBoxLayout;
  up_ = new QPushButton(this);
  down_ = new QPushButton(this);
  order->addWidget(up_);
  order->addWidget(down_);
  layout->addLayout(order);
  opacity_label_ = new QLabel(this);
  opacity_ = new QSlider(Qt::Horizontal, this);
  opacity_->setRange(0, 100);
  layout->addWidget(opacity_label_);
  layout->addWidget(opacity_);
  theme_label_ = new QLabel(this);
  theme_ = new QComboBox(this);
  for (const char* t : {"verdict", "idle", "far", "inv_mu", "cluster"}) theme_->addItem("", t);
  layout->addWidget(theme_label_);
  layout->addWidget(theme_);
  retranslate();

  connect(list_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
    if (updating_ || !scene_) return;
    const int k = item->data(Qt::UserRole).toInt();
    scene_->layers[k].visible = item->checkState() == Qt::Checked;
    emit changed();
  });
  connect(list_, &QListWidget::currentRowChanged, this, [this] { selection_changed(); });
  connect(opacity_, &QSlider::valueChanged, this, [this](int v) {
    if (updating_ || !scene_ || !list_->currentItem()) return;
    scene_->layers[list_->currentItem()->data(Qt::UserRole).toInt()].opacity = v / 100.0;
    emit changed();
  });
  connect(theme_, &QComboBox::currentIndexChanged, this, [this](int) {
    if (updating_ || !scene_) return;
    if (LayerView* p = scene_->layer("parcels")) {
      p->theme = parse_theme(theme_->currentData().toString());
      emit changed();
    }
  });
  connect(up_, &QPushButton::clicked, this, [this] { move_selected(+1); });
  connect(down_, &QPushButton::clicked, this, [this] { move_selected(-1); });
}

void LayersPanel::retranslate() {
  up_->setText(tr("Raise"));
  down_->setText(tr("Lower"));
  opacity_label_->setText(tr("Opacity of the selected layer"));
  theme_label_->setText(tr("Parcels coloured by"));
  const char* labels[] = {QT_TR_NOOP("Verdict"), QT_TR_NOOP("Idle class"),
                          QT_TR_NOOP("Floor-area ratio"), QT_TR_NOOP("Investment per mu"),
                          QT_TR_NOOP("Industry cluster")};
  for (int k = 0; k < theme_->count(); ++k) theme_->setItemText(k, tr(labels[k]));
  rebuild();
}

void LayersPanel::set_scene(MapScene* scene) {
  scene_ = scene;
  rebuild();
}

void LayersPanel::rebuild() {
  updating_ = true;
  const int current = list_->currentItem() ? list_->currentItem()->data(Qt::UserRole).toInt() : -1;
  list_->clear();
  if (scene_) {
    for (int k = static_cast<int>(scene_->layers.size()) - 1; k >= 0; --k) {
      const LayerView& l = scene_->layers[k];
      auto* item = new QListWidgetItem(
          QString("%1  (%2)").arg(layer_title(l.data->name)).arg(l.data->size()), list_);
      item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
      item->setCheckState(l.visible ? Qt::Checked : Qt::Unchecked);
      item->setData(Qt::UserRole, k);
      if (k == current) list_->setCurrentItem(item);
    }
    if (const LayerView* p = scene_->layer("parcels"))
      theme_->setCurrentIndex(theme_->findData(theme_name(p->theme)));
  }
  updating_ = false;
  selection_changed();
}

void LayersPanel::selection_changed() {
  if (!scene_ || !list_->currentItem()) {
    updating_ = true;
    opacity_->setValue(100);
    opacity_->setEnabled(false);
    updating_ = false;
    return;
  }
  updating_ = true;
  opacity_->setEnabled(true);
  opacity_->setValue(static_cast<int>(
      scene_->layers[list_->currentItem()->data(Qt::UserRole).toInt()].opacity * 100));
  updating_ = false;
}

void LayersPanel::move_selected(int delta) {
  if (!scene_ || !list_->currentItem()) return;
  const int k = list_->currentItem()->data(Qt::UserRole).toInt();
  const int to = k + delta;
  if (to < 0 || to >= static_cast<int>(scene_->layers.size())) return;
  std::swap(scene_->layers[k], scene_->layers[to]);
  rebuild();
  for (int r = 0; r < list_->count(); ++r)
    if (list_->item(r)->data(Qt::UserRole).toInt() == to) list_->setCurrentRow(r);
  emit changed();
}

}  // namespace parkatlas::desktop
