// Writing features through OGR.
#include "gis/io/vector_output.hpp"

#include "gis/io/gpkg_bulk_rows.hpp"

#include <cpl_string.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <optional>

#include "gis/gdal/gdal_setup.hpp"
#include "gis/gis_error.hpp"

namespace parkatlas {

OGRFieldType ogr_type(FieldType t) {
  switch (t) {
    case FieldType::real:
      return OFTReal;
    case FieldType::integer:
      return OFTInteger64;
    case FieldType::date:
      return OFTDate;
    case FieldType::text:
      return OFTString;
  }
  return OFTString;
}

FieldType field_type(OGRFieldType t) {
  switch (t) {
    case OFTInteger:
    case OFTInteger64:
      return FieldType::integer;
    case OFTReal:
      return FieldType::real;
    case OFTDate:
      return FieldType::date;
    default:
      return FieldType::text;
  }
}

OutputLayer::OutputLayer(OGRLayer* layer, std::vector<OutField> fields)
    : layer_(layer), fields_(std::move(fields)), feature_(new OGRFeature(layer->GetLayerDefn())) {}

void OutputLayer::set(size_t i, const Cell& value) {
  int f = static_cast<int>(i);
  if (auto d = std::get_if<double>(&value))
    feature_->SetField(f, *d);
  else if (auto n = std::get_if<std::int64_t>(&value))
    feature_->SetField(f, static_cast<GIntBig>(*n));
  else if (auto s = std::get_if<std::string>(&value))
    feature_->SetField(f, s->c_str());
  else if (auto dt = std::get_if<CivilDate>(&value))
    feature_->SetField(f, dt->year, static_cast<int>(dt->month), static_cast<int>(dt->day), 0, 0,
                       0.0f, 0);
  else
    feature_->SetFieldNull(f);
}

void OutputLayer::set_geometry(const GeosContext& geos, const GEOSGeometry* g) {
  if (!g) {
    feature_->SetGeometryDirectly(nullptr);
    return;
  }
  OGRGeometry* og = OGRGeometryFactory::createFromGEOS(geos.handle(), const_cast<GEOSGeometry*>(g));
  if (!og) throw GisError("cannot convert a result geometry for writing");
  // Polygons are written as multipolygons so one layer has one geometry type.
  if (wkbFlatten(og->getGeometryType()) == wkbPolygon)
    og = OGRGeometryFactory::forceToMultiPolygon(og);
  feature_->SetGeometryDirectly(og);
}

void count_feature_for_crash_test() {
  static const long long limit = [] {
    const char* v = std::getenv("PARKATLAS_TEST_KILL_AFTER");
    return v ? std::atoll(v) : -1;
  }();
  static std::atomic<long long> written{0};
  if (limit >= 0 && ++written > limit) ::raise(SIGKILL);
}

void OutputLayer::write() {
  count_feature_for_crash_test();
  feature_->SetFID(OGRNullFID);
  if (layer_->CreateFeature(feature_.get()) != OGRERR_NONE)
    throw GisError(std::string("cannot write a feature: ") + CPLGetLastErrorMsg(),
                   {"", layer_->GetName()});
  ++written_;
  feature_.reset(new OGRFeature(layer_->GetLayerDefn()));
}

VectorOutput::VectorOutput(const std::string& final_path, const std::string& driver_name,
                           const std::vector<std::string>& dataset_options)
    : path_(final_path), file_(std::in_place, final_path), driver_(driver_name) {
  ensure_gdal_registered();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
  if (!driver) throw GisError("GDAL has no " + driver_name + " driver");
  CPLStringList options;
  for (const auto& o : dataset_options) options.AddString(o.c_str());
  {
    // SQLite-based outputs get 64 KiB pages (SQLite's largest) instead of 4 KiB: a
    // province's results.gpkg is about a gigabyte, and with small pages writing it was mostly
    // page-cache stress spills and a system call per page (province run: 10 → 7 s writing).
    // Only for the file made here; a user's own OGR_SQLITE_PRAGMA is kept after ours.
    const bool sqlite_file = driver_name == "GPKG" || driver_name == "SQLite";
    const std::string user_pragma = CPLGetConfigOption("OGR_SQLITE_PRAGMA", "");
    const char* thread_value = CPLGetThreadLocalConfigOption("OGR_SQLITE_PRAGMA", nullptr);
    const std::optional<std::string> thread_pragma =
        thread_value ? std::optional<std::string>(thread_value) : std::nullopt;
    const std::string pragma = "page_size=65536" + (user_pragma.empty() ? "" : "," + user_pragma);
    if (sqlite_file) CPLSetThreadLocalConfigOption("OGR_SQLITE_PRAGMA", pragma.c_str());
    dataset_.reset(
        driver->Create(file_->temp_path().c_str(), 0, 0, 0, GDT_Unknown, options.List()));
    if (sqlite_file)  // put back what this thread had before (usually nothing)
      CPLSetThreadLocalConfigOption("OGR_SQLITE_PRAGMA",
                                    thread_pragma ? thread_pragma->c_str() : nullptr);
  }
  if (!dataset_)
    throw GisError(std::string("cannot create the output: ") + CPLGetLastErrorMsg(), {final_path});
}

std::unique_ptr<VectorOutput> VectorOutput::open_for_update(const std::string& path) {
  ensure_gdal_registered();
  std::unique_ptr<VectorOutput> out(new VectorOutput());
  out->path_ = path;
  out->dataset_.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
  if (!out->dataset_)
    throw GisError(std::string("cannot open for update: ") + CPLGetLastErrorMsg(), {path});
  return out;
}

VectorOutput::~VectorOutput() {
  if (dataset_ && in_transaction_) dataset_->RollbackTransaction();
  dataset_.reset();  // close before AtomicFile removes the temporary file
}

OutputLayer& VectorOutput::add_layer(const std::string& name, const OGRSpatialReference* srs,
                                     OGRwkbGeometryType type, std::vector<OutField> fields,
                                     const std::vector<std::string>& layer_options) {
  CPLStringList options;
  for (const auto& o : default_options_) options.AddString(o.c_str());
  for (const auto& o : layer_options) options.AddString(o.c_str());
  // GDAL 3.6 takes a non-const pointer but only clones the SRS.
  OGRLayer* layer = dataset_->CreateLayer(name.c_str(), const_cast<OGRSpatialReference*>(srs), type,
                                          options.List());
  if (!layer)
    throw GisError("cannot create layer: " + std::string(CPLGetLastErrorMsg()), {path_, name});
  for (const auto& f : fields) {
    OGRFieldDefn defn(f.name.c_str(), ogr_type(f.type));
    if (layer->CreateField(&defn) != OGRERR_NONE)
      throw GisError("cannot create field: " + std::string(CPLGetLastErrorMsg()),
                     {path_, name, -1, f.name});
  }
  layers_.push_back(std::make_unique<OutputLayer>(layer, std::move(fields)));
  return *layers_.back();
}

void VectorOutput::defer_rows(const OutputLayer& layer, BulkRows rows, std::string stage,
                              const GeosContext& geos, Progress& progress) {
  if (!defers_rows()) throw GisError("rows can only be deferred in a new GeoPackage", {path_});
  deferred_.push_back({layer.name(), std::move(rows), std::move(stage)});
  deferred_geos_ = &geos;
  deferred_progress_ = &progress;
}

void VectorOutput::begin_batch() {
  if (!in_transaction_ && dataset_->StartTransaction() == OGRERR_NONE) in_transaction_ = true;
}

void VectorOutput::end_batch() {
  if (!in_transaction_) return;
  in_transaction_ = false;
  if (dataset_->CommitTransaction() != OGRERR_NONE)
    throw GisError("cannot commit written features: " + std::string(CPLGetLastErrorMsg()), {path_});
}

void VectorOutput::commit() {
  end_batch();
  layers_.clear();
  // GDAL 3.6's GDALClose returns nothing: failures show up as the last error.
  CPLErrorReset();
  GDALClose(GDALDataset::ToHandle(dataset_.release()));
  if (CPLGetLastErrorType() == CE_Failure)
    throw GisError("closing the output failed: " + std::string(CPLGetLastErrorMsg()), {path_});
  if (!deferred_.empty()) {
    SqliteDb db(file_->temp_path());
    write_gpkg_tables(db, deferred_, *deferred_geos_, *deferred_progress_);
    deferred_.clear();
  }
  if (file_) file_->commit();
}

}  // namespace parkatlas
