// Option forms.
#include "app/desktop/dialogs.hpp"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

#include "gis/config/rule_set_file.hpp"

namespace parkatlas::desktop {

namespace {

QWidget* with_browse(QWidget* parent, QLineEdit* edit, const std::function<QString()>& pick) {
  auto* w = new QWidget(parent);
  auto* h = new QHBoxLayout(w);
  h->setContentsMargins(0, 0, 0, 0);
  h->addWidget(edit, 1);
  auto* b = new QPushButton(QObject::tr("Browse…"), w);
  h->addWidget(b);
  QObject::connect(b, &QPushButton::clicked, w, [edit, pick] {
    const QString p = pick();
    if (!p.isEmpty()) edit->setText(p);
  });
  return w;
}

QDialogButtonBox* ok_cancel(QDialog* d) {
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, d);
  QObject::connect(buttons, &QDialogButtonBox::accepted, d, &QDialog::accept);
  QObject::connect(buttons, &QDialogButtonBox::rejected, d, &QDialog::reject);
  return buttons;
}

}  // namespace

NewProjectDialog::NewProjectDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("New project from a config"));
  auto* form = new QFormLayout(this);
  config_ = new QLineEdit(this);
  project_ = new QLineEdit(this);
  form->addRow(tr("Config (parkatlas.toml)"), with_browse(this, config_, [this] {
                 return QFileDialog::getOpenFileName(this, tr("Config"), {},
                                                     tr("ParkAtlas config (*.toml)"));
               }));
  form->addRow(tr("Project file to create"), with_browse(this, project_, [this] {
                 return QFileDialog::getSaveFileName(
                     this, tr("Project file"), {}, tr("ParkAtlas project (*.parkatlas *.sqlite)"));
               }));
  form->addRow(ok_cancel(this));
}

QString NewProjectDialog::config() const {
  return config_->text();
}
QString NewProjectDialog::project() const {
  return project_->text();
}

AnalyzeDialog::AnalyzeDialog(QWidget* parent, QDate as_of, const QString& rules) : QDialog(parent) {
  setWindowTitle(tr("Run the analysis again"));
  auto* form = new QFormLayout(this);
  date_ = new QDateEdit(as_of, this);
  date_->setCalendarPopup(true);
  date_->setDisplayFormat("yyyy-MM-dd");
  rules_ = new QComboBox(this);
  rules_->setEditable(true);
  rules_->addItem(tr("(the rule set stored in the project)"), QString());
  for (const auto& name : available_rule_sets())
    rules_->addItem(QString::fromStdString(name), QString::fromStdString(name));
  if (!rules.isEmpty()) rules_->setCurrentText(rules);
  form->addRow(tr("Evaluation date"), date_);
  form->addRow(tr("Rule set (name or file)"), rules_);
  form->addRow(ok_cancel(this));
}

QDate AnalyzeDialog::as_of() const {
  return date_->date();
}

QString AnalyzeDialog::rules() const {
  const int k = rules_->findText(rules_->currentText());
  if (k >= 0) return rules_->itemData(k).toString();
  return rules_->currentText();
}

ExportDialog::ExportDialog(QWidget* parent, const QStringList& layers, const QString& default_layer)
    : QDialog(parent) {
  setWindowTitle(tr("Export a layer"));
  auto* form = new QFormLayout(this);
  layer_ = new QComboBox(this);
  layer_->addItems(layers);
  layer_->setCurrentText(default_layer);
  format_ = new QComboBox(this);
  const std::pair<const char*, const char*> formats[] = {{"shp", QT_TR_NOOP("Shapefile")},
                                                         {"gpkg", QT_TR_NOOP("GeoPackage")},
                                                         {"geojson", QT_TR_NOOP("GeoJSON")},
                                                         {"csv", QT_TR_NOOP("CSV")},
                                                         {"xlsx", QT_TR_NOOP("Excel")}};
  for (const auto& [k, label] : formats) format_->addItem(tr(label), k);
  encoding_ = new QComboBox(this);
  encoding_->addItem("UTF-8", "UTF-8");
  encoding_->addItem(tr("GBK (for older GIS software)"), "CP936");
  split_ = new QComboBox(this);
  split_->setEditable(true);
  split_->addItem(tr("(one file)"), QString());
  for (const char* s : {"park", "county", "district"}) split_->addItem(s, s);
  style_ = new QComboBox(this);
  for (const char* s : {"verdict", "idle", "far", "inv_mu"}) style_->addItem(s, s);
  where_ = new QLineEdit(this);
  where_->setPlaceholderText("verdict = 'below_both' AND land_mu > 10");
  out_ = new QLineEdit(this);
  form->addRow(tr("Layer"), layer_);
  form->addRow(tr("Format"), format_);
  form->addRow(tr("Shapefile encoding"), encoding_);
  form->addRow(tr("Split by"), split_);
  form->addRow(tr("Filter (where)"), where_);
  form->addRow(tr("QGIS style"), style_);
  form->addRow(tr("Output (file, or folder when split)"), with_browse(this, out_, [this] {
                 return QFileDialog::getSaveFileName(this, tr("Output"));
               }));
  form->addRow(ok_cancel(this));
}

ExportOptions ExportDialog::options() const {
  ExportOptions o;
  o.layer = layer_->currentText().toStdString();
  o.format = parse_export_format(format_->currentData().toString().toStdString())
                 .value_or(ExportFormat::shp);
  o.encoding = encoding_->currentData().toString().toStdString();
  const int k = split_->findText(split_->currentText());
  o.split_by = (k >= 0 ? split_->itemData(k).toString() : split_->currentText()).toStdString();
  o.where = where_->text().toStdString();
  o.style_theme = style_->currentData().toString().toStdString();
  o.out = out_->text().toStdString();
  return o;
}

}  // namespace parkatlas::desktop
