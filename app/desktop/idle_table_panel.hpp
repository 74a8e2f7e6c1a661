// The land bureau's idle-parcel list (the rows of idle-parcels.csv, from the results' idle_parcels
// table): sortable, filtered together with the map, a row selects and zooms to its parcel, and the
// selection exports to Shapefile or Excel.
#pragma once
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QWidget>
#include <memory>
#include <unordered_map>

#include "gis/map/map_source.hpp"

namespace parkatlas::desktop {

class IdleFilterModel : public QSortFilterProxyModel {
 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;
  // Rows pass when their parcel passes `mask` (indices of the parcels layer, by parcel_id).
  void set_mask(std::shared_ptr<const std::vector<bool>> mask,
                std::shared_ptr<const std::unordered_map<std::string, long>> index, int id_column);

 protected:
  bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

 private:
  std::shared_ptr<const std::vector<bool>> mask_;
  std::shared_ptr<const std::unordered_map<std::string, long>> index_;
  int id_column_ = 0;
};

class IdleTablePanel : public QWidget {
  Q_OBJECT
 public:
  explicit IdleTablePanel(QWidget* parent = nullptr);
  void set_table(const PlainTable& table,
                 std::shared_ptr<const std::unordered_map<std::string, long>> parcel_index);
  void set_mask(std::shared_ptr<const std::vector<bool>> mask);
  int visible_rows() const { return proxy_->rowCount(); }
  QTableView* view() const { return view_; }
  QStringList selected_parcel_ids() const;
  void retranslate();

 signals:
  void parcel_chosen(const QString& parcel_id);
  void export_requested(const QString& format, const QStringList& parcel_ids);

 private:
  QStandardItemModel* model_;
  IdleFilterModel* proxy_;
  QTableView* view_;
  QLabel* count_;
  QPushButton *shp_, *xlsx_;
  std::shared_ptr<const std::unordered_map<std::string, long>> index_;
  int id_column_ = 0;
  void update_count();
};

}  // namespace parkatlas::desktop
