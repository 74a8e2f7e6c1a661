// A GDAL vector output (GeoPackage, CSV …) written under a temporary name and renamed on commit.
#pragma once
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/attribute_table.hpp"
#include "gis/analysis/progress.hpp"
#include "gis/geos/geos_context.hpp"
#include "gis/io/atomic_file.hpp"
#include "gis/io/sqlite_db.hpp"

namespace parkatlas {

struct OutField {
  std::string name;
  FieldType type;
};

// A column of an output table: its field and how to get row i's value.
struct TableColumn {
  OutField field;
  std::function<Cell(size_t)> value;
  // For text columns whose texts already exist (input columns, reasons, classes): row i's text
  // without a copy, nullopt for null; the same answers as `value`. The million-row writers
  // use it instead of copying every text into a Cell twice (GeoPackage and CSV).
  std::function<std::optional<std::string_view>(size_t)> text_view = {};
};

// The rows of a table written through SQLite (gpkg_bulk_rows.hpp).
struct BulkRows {
  const std::vector<TableColumn>* columns;  // in the order of the table's fields
  size_t rows = 0;
  std::function<const GEOSGeometry*(size_t)> geometry;  // empty for a table without geometry
};

struct BulkTable {
  std::string table;
  BulkRows rows;
  std::string stage;  // what the progress shows
};

class OutputLayer {
 public:
  OutputLayer(OGRLayer* layer, std::vector<OutField> fields);
  const std::vector<OutField>& fields() const { return fields_; }
  // Fills one feature: set() each field by position, optionally a geometry, then write().
  void set(size_t field, const Cell& value);
  void set_geometry(const GeosContext& geos, const GEOSGeometry* g);
  void write();
  long long written() const { return written_; }
  std::string name() const { return layer_->GetName(); }

 private:
  OGRLayer* layer_;  // owned by the dataset
  std::vector<OutField> fields_;
  OGRFeatureUniquePtr feature_;
  long long written_ = 0;
};

class VectorOutput {
 public:
  // Creates a new file under a temporary name (renamed into place by commit()).
  VectorOutput(const std::string& final_path, const std::string& driver,
               const std::vector<std::string>& dataset_options = {});
  // Opens an existing file for update (a project): layers are added in place, inside
  // begin_batch()/end_batch(); commit() only closes it.
  static std::unique_ptr<VectorOutput> open_for_update(const std::string& path);
  ~VectorOutput();
  OutputLayer& add_layer(const std::string& name, const OGRSpatialReference* srs,
                         OGRwkbGeometryType type, std::vector<OutField> fields,
                         const std::vector<std::string>& layer_options = {});
  // Creation options added to every layer created from now on (e.g. SPATIAL_INDEX=NO).
  void set_default_layer_options(std::vector<std::string> options) {
    default_options_ = std::move(options);
  }
  void begin_batch();  // transactions where the driver has them (GeoPackage)
  void end_batch();
  void commit();  // closes the dataset and renames it into place (created files)
  // Whether rows can be left to commit() (a GeoPackage this object creates, not one updated in
  // place: those rows must share the caller's transaction).
  bool defers_rows() const { return file_.has_value() && driver_ == "GPKG"; }
  // The rows of `layer` (made by add_layer, left empty) are written through SQLite once GDAL has
  // closed the file, before it is renamed into place. What `rows` refers to, `geos` and
  // `progress` must live until commit().
  void defer_rows(const OutputLayer& layer, BulkRows rows, std::string stage,
                  const GeosContext& geos, Progress& progress);
  GDALDataset& dataset() { return *dataset_; }
  const std::string& path() const { return path_; }

 private:
  VectorOutput() = default;
  std::string path_;
  std::optional<AtomicFile> file_;  // empty when updating in place
  GDALDatasetUniquePtr dataset_;
  std::vector<std::unique_ptr<OutputLayer>> layers_;
  bool in_transaction_ = false;
  std::vector<std::string> default_options_;
  std::string driver_;
  std::vector<BulkTable> deferred_;
  const GeosContext* deferred_geos_ = nullptr;
  Progress* deferred_progress_ = nullptr;
};

// Counts one feature written; crash-safety tests (issue 7) kill the process by SIGKILL after
// PARKATLAS_TEST_KILL_AFTER=N features, wherever that falls. Nothing when unset.
void count_feature_for_crash_test();

OGRFieldType ogr_type(FieldType t);
// The column type a source field becomes (date-times and lists are kept as text).
FieldType field_type(OGRFieldType t);

}  // namespace parkatlas
