// The desktop's forms for what the command line offers: a new project from a config (`init`),
// another analysis (`analyze --as-of --rules`) and exports (`export` with format, encoding,
// split-by, where and style). They only gather options; the main window runs the engine.
#pragma once
#include <QDate>
#include <QDialog>
#include <QString>

#include "gis/export/layer_export.hpp"

class QComboBox;
class QDateEdit;
class QLineEdit;

namespace parkatlas::desktop {

class NewProjectDialog : public QDialog {
  Q_OBJECT
 public:
  explicit NewProjectDialog(QWidget* parent = nullptr);
  QString config() const;
  QString project() const;

 private:
  QLineEdit *config_, *project_;
};

class AnalyzeDialog : public QDialog {
  Q_OBJECT
 public:
  AnalyzeDialog(QWidget* parent, QDate as_of, const QString& rules);
  QDate as_of() const;
  QString rules() const;  // a rule-set name or file; "" = the one stored in the project

 private:
  QDateEdit* date_;
  QComboBox* rules_;
};

class ExportDialog : public QDialog {
  Q_OBJECT
 public:
  // `layers`: the logical layers and tables the source holds.
  ExportDialog(QWidget* parent, const QStringList& layers, const QString& default_layer);
  ExportOptions options() const;  // source left empty

 private:
  QComboBox *layer_, *format_, *encoding_, *split_, *style_;
  QLineEdit *where_, *out_;
};

}  // namespace parkatlas::desktop
