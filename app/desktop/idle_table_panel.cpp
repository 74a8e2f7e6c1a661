// Idle-land table.
#include "app/desktop/idle_table_panel.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace parkatlas::desktop {

void IdleFilterModel::set_mask(std::shared_ptr<const std::vector<bool>> mask,
                               std::shared_ptr<const std::unordered_map<std::string, long>> index,
                               int id_column) {
  mask_ = std::move(mask);
  index_ = std::move(index);
  id_column_ = id_column;
  invalidateFilter();
}

bool IdleFilterModel::filterAcceptsRow(int row, const QModelIndex& parent) const {
  if (!mask_ || !index_) return true;
  const QString id = sourceModel()->index(row, id_column_, parent).data().toString();
  auto it = index_->find(id.toStdString());
  if (it == index_->end()) return false;
  return it->second >= 0 && static_cast<size_t>(it->second) < mask_->size() && (*mask_)[it->second];
}

IdleTablePanel::IdleTablePanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  model_ = new QStandardItemModel(this);
  proxy_ = new IdleFilterModel(this);
  proxy_->setSourceModel(model_);
  proxy_->setSortRole(Qt::UserRole);
  view_ = new QTableView(this);
  view_->setModel(proxy_);
  view_->setSortingEnabled(true);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  view_->setMinimumHeight(160);
  layout->addWidget(view_);
  auto* bottom = new QHBoxLayout;
  count_ = new QLabel(this);
  shp_ = new QPushButton(this);
  xlsx_ = new QPushButton(this);
  bottom->addWidget(count_, 1);
  bottom->addWidget(shp_);
  bottom->addWidget(xlsx_);
  layout->addLayout(bottom);
  retranslate();
  connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            if (!current.isValid()) return;
            emit parcel_chosen(proxy_->index(current.row(), id_column_).data().toString());
          });
  connect(shp_, &QPushButton::clicked, this,
          [this] { emit export_requested("shp", selected_parcel_ids()); });
  connect(xlsx_, &QPushButton::clicked, this,
          [this] { emit export_requested("xlsx", selected_parcel_ids()); });
}

void IdleTablePanel::retranslate() {
  shp_->setText(tr("Export selection to Shapefile…"));
  xlsx_->setText(tr("Export selection to Excel…"));
  update_count();
}

void IdleTablePanel::update_count() {
  count_->setText(tr("%1 of %2 parcels").arg(proxy_->rowCount()).arg(model_->rowCount()));
}

void IdleTablePanel::set_table(const PlainTable& table,
                               std::shared_ptr<const std::unordered_map<std::string, long>> index) {
  index_ = std::move(index);
  model_->clear();
  QStringList headers;
  for (const auto& c : table.columns) headers << QString::fromStdString(c);
  model_->setHorizontalHeaderLabels(headers);
  id_column_ = std::max(0, table.column("parcel_id"));
  for (const auto& row : table.rows) {
    QList<QStandardItem*> items;
    for (const auto& v : row) {
      auto* item = new QStandardItem(QString::fromStdString(v));
      bool ok = false;
      const double d = QString::fromStdString(v).toDouble(&ok);
      // Numbers sort as numbers, text as text.
      item->setData(ok ? QVariant(d) : QVariant(QString::fromStdString(v)), Qt::UserRole);
      items << item;
    }
    model_->appendRow(items);
  }
  proxy_->set_mask(nullptr, index_, id_column_);
  // The bureau's order (most severe, then largest first) until a header is clicked.
  view_->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
  proxy_->sort(-1);
  view_->resizeColumnsToContents();
  update_count();
}

void IdleTablePanel::set_mask(std::shared_ptr<const std::vector<bool>> mask) {
  proxy_->set_mask(std::move(mask), index_, id_column_);
  update_count();
}

QStringList IdleTablePanel::selected_parcel_ids() const {
  QStringList ids;
  for (const QModelIndex& r : view_->selectionModel()->selectedRows(id_column_))
    ids << r.data().toString();
  if (ids.isEmpty())  // nothing selected: the rows shown
    for (int r = 0; r < proxy_->rowCount(); ++r)
      ids << proxy_->index(r, id_column_).data().toString();
  return ids;
}

}  // namespace parkatlas::desktop
