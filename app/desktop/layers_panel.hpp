// Layers panel: visibility, drawing order, opacity and (for parcels) the theme of each layer.
#pragma once
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QWidget>

#include "app/desktop/map_scene.hpp"

namespace parkatlas::desktop {

QString layer_title(const std::string& logical);  // translated display name

class LayersPanel : public QWidget {
  Q_OBJECT
 public:
  explicit LayersPanel(QWidget* parent = nullptr);
  // The panel edits `scene` (owned by the main window) and emits changed() after each edit.
  void set_scene(MapScene* scene);
  void retranslate();
  QListWidget* list() const { return list_; }
  QComboBox* theme_box() const { return theme_; }

 signals:
  void changed();

 private:
  void rebuild();
  void selection_changed();
  void move_selected(int delta);

  MapScene* scene_ = nullptr;
  QListWidget* list_;
  QSlider* opacity_;
  QComboBox* theme_;
  QLabel *opacity_label_, *theme_label_;
  QPushButton *up_, *down_;
  bool updating_ = false;
};

}  // namespace parkatlas::desktop
