// Park dashboard: figures from the parks layer, the FAR histogram from the parcels in memory.
#include "app/desktop/park_dashboard.hpp"

#include <QGridLayout>
#include <QHeaderView>
#include <QLocale>
#include <QVBoxLayout>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QPieSeries>
#include <QtCharts/QValueAxis>
#include <cmath>

namespace parkatlas::desktop {

namespace {

QString cell(const PlainTable& t, size_t row, const char* column) {
  const int c = t.column(column);
  return c < 0 ? QString() : QString::fromStdString(t.rows[row][c]);
}

double number(const PlainTable& t, size_t row, const char* column) {
  return cell(t, row, column).toDouble();
}

QTableWidget* new_table(QWidget* parent, int columns) {
  auto* t = new QTableWidget(parent);
  t->setColumnCount(columns);
  t->horizontalHeader()->setStretchLastSection(true);
  t->verticalHeader()->hide();
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  t->setMinimumHeight(120);
  return t;
}

QChartView* new_chart_view(QWidget* parent) {
  auto* v = new QChartView(new QChart, parent);
  v->setRenderHint(QPainter::Antialiasing);
  v->setMinimumHeight(150);
  return v;
}

}  // namespace

ParkDashboard::ParkDashboard(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  park_ = new QComboBox(this);
  layout->addWidget(park_);
  figures_ = new_table(this, 2);
  figures_->setMinimumHeight(160);
  layout->addWidget(figures_, 2);
  indicators_ = new_table(this, 5);
  layout->addWidget(indicators_, 2);
  clusters_ = new_table(this, 5);
  layout->addWidget(clusters_, 1);
  verdict_chart_ = new_chart_view(this);
  far_chart_ = new_chart_view(this);
  idle_chart_ = new_chart_view(this);
  layout->addWidget(verdict_chart_, 1);
  layout->addWidget(far_chart_, 1);
  layout->addWidget(idle_chart_, 1);
  connect(park_, &QComboBox::currentIndexChanged, this, [this](int) {
    refresh();
    emit park_chosen(current_park());
  });
}

void ParkDashboard::set_document(std::shared_ptr<const ProjectDocument> doc, bool chinese) {
  doc_ = std::move(doc);
  chinese_ = chinese;
  const QSignalBlocker block(park_);
  park_->clear();
  if (doc_)
    for (size_t r = 0; r < doc_->parks.rows.size(); ++r) {
      const QString id = cell(doc_->parks, r, "park_id");
      if (id.isEmpty()) continue;
      park_->addItem(QString("%1 %2").arg(id, cell(doc_->parks, r, "name")), id);
    }
  refresh();
}

void ParkDashboard::show_park(const QString& park_id) {
  const int k = park_->findData(park_id);
  if (k >= 0) park_->setCurrentIndex(k);
}

QString ParkDashboard::current_park() const {
  return park_->currentData().toString();
}

void ParkDashboard::retranslate() {
  refresh();
}

void ParkDashboard::fill_indicators() {
  const PlainTable& e = doc_->evaluation;
  QLocale en(QLocale::English);
  auto put = [this](int row, int col, const QString& text, const QString& tip) {
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(tip);
    if (col > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    indicators_->setItem(row, col, item);
  };
  for (size_t k = 0; k < e.rows.size(); ++k) {
    if (cell(e, k, "park_id") != current_park() || cell(e, k, "indicator").isEmpty()) continue;
    const int n = indicators_->rowCount();
    indicators_->insertRow(n);
    auto value = [&](const char* c, int d) {
      const QString v = cell(e, k, c);
      return v.isEmpty() ? QString("—") : en.toString(v.toDouble(), 'f', d);
    };
    // The tooltip shows the whole derivation: numerator / denominator, ideal basis, source.
    const QString tip =
        QString("%1 = %2 / %3\n%4: %5\n%6: %7\n%8: %9")
            .arg(cell(e, k, "name_zh"), value("numerator", 2) + " " + cell(e, k, "num_label"),
                 value("denom", 2) + " " + cell(e, k, "den_label"), tr("Ideal value basis"),
                 cell(e, k, "basis"), tr("Source"), cell(e, k, "source"), tr("Range"),
                 cell(e, k, "range"));
    const QString name = cell(e, k, chinese_ ? "name_zh" : "name_en");
    put(n, 0, name + (cell(e, k, "range") == "expansion" ? " *" : ""), tip);
    put(n, 1, value("value", 2) + " " + cell(e, k, "unit"), tip);
    put(n, 2, value("ideal", 2), tip);
    put(n, 3, value("score", 1), tip);
    put(n, 4, value("weight", 3), tip);
  }
  indicators_->resizeColumnsToContents();
}

void ParkDashboard::fill_clusters() {
  const PlainTable& c = doc_->cluster_stats;
  QLocale en(QLocale::English);
  for (size_t k = 0; k < c.rows.size(); ++k) {
    if (cell(c, k, "level") != "park" || cell(c, k, "unit") != current_park()) continue;
    const int n = clusters_->rowCount();
    clusters_->insertRow(n);
    auto value = [&](const char* col, int d) {
      const QString v = cell(c, k, col);
      return v.isEmpty() ? QString("—") : en.toString(v.toDouble(), 'f', d);
    };
    const QString name = cell(c, k, "cluster") + (cell(c, k, "key") == "1" ? " ★" : "");
    const QStringList values = {name, value("n_firms", 0), value("rev_yi", 1), value("land_mu", 0),
                                value("lq", 2)};
    for (int col = 0; col < values.size(); ++col) {
      auto* item = new QTableWidgetItem(values[col]);
      if (col > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      clusters_->setItem(n, col, item);
    }
  }
  clusters_->resizeColumnsToContents();
}

void ParkDashboard::refresh() {
  figures_->setHorizontalHeaderLabels({tr("Figure"), tr("Value")});
  figures_->setRowCount(0);
  indicators_->setHorizontalHeaderLabels(
      {tr("Indicator"), tr("Value"), tr("Ideal"), tr("Score"), tr("Weight")});
  indicators_->setRowCount(0);
  clusters_->setHorizontalHeaderLabels(
      {tr("Cluster"), tr("Firms"), tr("Revenue (100 million yuan)"), tr("Land (mu)"), tr("LQ")});
  clusters_->setRowCount(0);
  // removeAxis hands an axis back to the caller: delete it, or every refresh leaks two.
  for (QChartView* v : {verdict_chart_, far_chart_, idle_chart_}) {
    v->chart()->removeAllSeries();
    for (QAbstractAxis* a : v->chart()->axes()) {
      v->chart()->removeAxis(a);
      delete a;
    }
  }
  if (!doc_ || park_->count() == 0) return;
  const PlainTable& t = doc_->parks;
  long row = -1;
  for (size_t r = 0; r < t.rows.size(); ++r)
    if (cell(t, r, "park_id") == current_park()) row = static_cast<long>(r);
  if (row < 0) return;
  const size_t r = static_cast<size_t>(row);
  QLocale en(QLocale::English);
  auto add = [&](const QString& label, const QString& value) {
    const int n = figures_->rowCount();
    figures_->insertRow(n);
    figures_->setItem(n, 0, new QTableWidgetItem(label));
    figures_->setItem(n, 1, new QTableWidgetItem(value));
  };
  auto fmt = [&](const char* c, int d) {
    const QString v = cell(t, r, c);
    return v.isEmpty() ? QString("—") : en.toString(v.toDouble(), 'f', d);
  };
  add(tr("Name"), cell(t, r, "name"));
  add(tr("Level"), cell(t, r, "level"));
  add(tr("City / county"), cell(t, r, "city") + " / " + cell(t, r, "county"));
  add(tr("Leading industries"), cell(t, r, "industries"));
  add(tr("Key clusters"), cell(t, r, "key_clus"));
  add(tr("Parcels"), fmt("n_parcels", 0));
  add(tr("Land (mu)"), fmt("land_mu", 1));
  add(tr("Industrial land (mu)"), fmt("ind_mu", 1));
  add(tr("Park FAR of industrial land"), fmt("ind_far", 2));
  add(tr("Investment intensity (10,000 yuan/mu)"), fmt("ind_inv_mu", 1));
  add(tr("Share of parcels compliant"), fmt("ok_sh_n", 3));
  add(tr("Approved, not supplied (mu)"), fmt("unsup_mu", 1));
  add(tr("Digestion period (years)"), fmt("dig_years", 1));
  for (const char* score : {"eval_score", "score"})
    if (t.column(score) >= 0) add(tr("Evaluation score"), fmt(score, 1));
  if (t.column("eval_rank") >= 0 && !cell(t, r, "eval_rank").isEmpty())
    add(tr("Rank within its type"),
        QString("%1 / %2 (%3)")
            .arg(cell(t, r, "eval_rank"), cell(t, r, "eval_of"),
                 cell(t, r, "eval_type") == "integrated" ? tr("city-industry integrated")
                                                         : tr("industry-led")));
  if (!cell(t, r, "eval_note").isEmpty()) add(tr("Evaluation note"), cell(t, r, "eval_note"));
  figures_->resizeColumnToContents(0);
  fill_indicators();
  fill_clusters();

  const bool zh = chinese_;
  auto label_of = [&](const std::vector<StyleCategory>& cats, const char* value) {
    for (const auto& c : cats)
      if (c.value == value) return QString::fromStdString(zh ? c.zh : c.en);
    return QString(value);
  };
  // Verdict shares by area.
  auto* pie = new QPieSeries;
  const std::pair<const char*, const char*> verdicts[] = {
      {"compliant", "mu_ok"},         {"below_far", "mu_bfar"}, {"below_inv", "mu_binv"},
      {"below_both", "mu_bboth"},     {"exempt", "mu_exempt"},  {"unknown", "mu_unknown"},
      {"not_industrial", "mu_notind"}};
  for (const auto& [v, c] : verdicts) {
    const double mu = number(t, r, c);
    if (mu <= 0) continue;
    QPieSlice* s = pie->append(label_of(doc_->scene.styles->verdict, v), mu);
    for (const auto& cat : doc_->scene.styles->verdict)
      if (cat.value == v) s->setColor(colour_of(cat.colour));
  }
  verdict_chart_->chart()->addSeries(pie);
  verdict_chart_->chart()->setTitle(tr("Land by verdict (mu)"));
  verdict_chart_->chart()->legend()->setAlignment(Qt::AlignBottom);

  // FAR distribution of the park's industrial parcels (0.25 wide classes up to 3).
  auto* far_set = new QBarSet(tr("Parcels"));
  std::vector<int> bins(13, 0);
  if (const MapLayerData* p = doc_->parcels()) {
    const auto* park = p->category("park_id");
    const auto* far = p->number("far");
    const std::uint16_t code = park ? park->code_of(current_park().toStdString()) : 0;
    if (park && far && code)
      for (size_t i = 0; i < p->size(); ++i)
        if (park->codes[i] == code && !std::isnan(far->values[i]))
          ++bins[std::min<size_t>(12, static_cast<size_t>(std::max(0.0f, far->values[i]) / 0.25f))];
  }
  QStringList far_labels;
  for (size_t k = 0; k < bins.size(); ++k) {
    *far_set << bins[k];
    far_labels << (k == 12 ? QString("≥3") : QString::number(k * 0.25));
  }
  auto* far_series = new QBarSeries;
  far_series->append(far_set);
  QChart* fc = far_chart_->chart();
  fc->addSeries(far_series);
  fc->setTitle(tr("FAR distribution (parcels per 0.25 class)"));
  auto* fx = new QBarCategoryAxis;
  fx->append(far_labels);
  fc->addAxis(fx, Qt::AlignBottom);
  far_series->attachAxis(fx);
  auto* fy = new QValueAxis;
  fc->addAxis(fy, Qt::AlignLeft);
  far_series->attachAxis(fy);
  fc->legend()->hide();

  // Idle area by class.
  auto* idle_set = new QBarSet(tr("mu"));
  QStringList idle_labels;
  const std::pair<const char*, const char*> idle[] = {
      {"unsupplied", "imu_unsup"}, {"pending", "imu_pend"},   {"overdue", "imu_overdue"},
      {"idle", "imu_idle"},        {"idle_2y", "imu_idle2y"}, {"halted_idle", "imu_halted"},
      {"gov_delay", "imu_gov"},    {"low_eff", "imu_loweff"}};
  double top = 0;
  for (const auto& [v, c] : idle) {
    *idle_set << number(t, r, c);
    top = std::max(top, number(t, r, c));
    idle_labels << label_of(doc_->scene.styles->idle_cls, v);
  }
  auto* idle_series = new QBarSeries;
  idle_series->append(idle_set);
  QChart* ic = idle_chart_->chart();
  ic->addSeries(idle_series);
  ic->setTitle(tr("Idle and unused land by class (mu)"));
  auto* ix = new QBarCategoryAxis;
  ix->append(idle_labels);
  ic->addAxis(ix, Qt::AlignBottom);
  idle_series->attachAxis(ix);
  auto* iy = new QValueAxis;
  iy->setRange(0, std::max(1.0, top * 1.1));
  ic->addAxis(iy, Qt::AlignLeft);
  idle_series->attachAxis(iy);
  ic->legend()->hide();
}

}  // namespace parkatlas::desktop
