// Reading one configured input layer from any GDAL vector source into canonical fields and GEOS
// geometries in the measuring CRS. Every problem (bad value, invalid or empty geometry) is
// recorded and the feature is repaired or skipped: one bad feature never stops a run.
#pragma once
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/attribute_table.hpp"
#include "core/field_catalogue.hpp"
#include "core/problem.hpp"
#include "gis/config/project_config.hpp"
#include "gis/crs/measuring_crs.hpp"
#include "gis/encoding/shapefile_encoding.hpp"
#include "gis/geos/geos_context.hpp"
#include "gis/geos/quick_validity.hpp"
#include "gis/io/raw_value.hpp"

namespace parkatlas {

struct FieldReportLine {
  std::string canonical;
  std::string source;  // empty = stayed empty
  MatchedBy how = MatchedBy::none;
};

struct LayerReport {
  std::string kind;
  std::string source;
  std::string layer;
  std::string driver;
  std::optional<EncodingDecision> encoding;  // Shapefiles only
  std::string source_crs;
  std::string crs_decided_by;  // "data" or "config"
  bool gcj02 = false;
  long long features_in_source = 0;
  long long features_read = 0;
  long long features_skipped = 0;
  long long geometries_repaired = 0;
  long long values_rejected = 0;
  std::vector<FieldReportLine> fields;
  std::vector<std::string> unmapped_fields;
};

// One feature as read: canonical values (one per canonical field, monostate when empty or not
// mapped) and the values of the unmapped source fields.
struct FeatureRow {
  long long fid = -1;
  GeomPtr geometry;
  // Area of `geometry` as its check measured it (it must be positive), 0 when there is none:
  // the buildings' footprints need not be measured twice.
  double area_m2 = 0;
  // `geometry` as a small convex polygon when its check found it one (quick_validity), for the
  // buildings' quick placement on parcels.
  std::optional<SmallConvexPolygon> convex;
  std::vector<Cell> canonical;
  std::vector<Cell> extra;
};

// A whole layer kept in memory.
struct LayerData {
  LayerKind kind = LayerKind::parcels;
  std::vector<long long> fids;
  std::vector<GeomPtr> geoms;
  // Each geometry's area in m² (measuring CRS), as the reader measured it when it checked the
  // geometry: GEOSArea of the very geometry kept, so later steps need not measure it again.
  std::vector<double> areas;
  std::vector<Column> canonical;  // one per canonical field; size 0 when the field is not mapped
  std::vector<Column> extra;      // unmapped source fields, in source order
  size_t size() const { return fids.size(); }
  const Column& field(std::string_view canonical_name) const;
};

class LayerReader {
 public:
  LayerReader(const LayerConfig& config, ProblemList& problems);
  ~LayerReader();

  const LayerReport& report() const { return report_; }
  const OGRSpatialReference& source_srs() const { return source_srs_; }
  bool is_gcj02() const { return gcj02_; }
  // Centre of the layer extent in lon/lat (after the GCJ-02 correction), for the CRS policy.
  LonLat centre_lonlat() const;
  const std::vector<int>& mapped_canonical() const { return mapped_; }
  // Definitions of the unmapped source fields, for writers.
  std::vector<std::pair<std::string, FieldType>> extra_fields() const;

  // Streams every usable feature in the measuring CRS; skipped features only leave problems.
  void for_each(const MeasuringCrs& target, const GeosContext& geos,
                const std::function<void(FeatureRow&)>& fn);
  // The same on `parts` threads, each with its own dataset handle and GEOS context, over
  // `slices_per_part` slices of the layer a thread, handed out as threads finish one (where the
  // cost of a feature differs along the layer). slices(count) is called first; then
  // fn(slice, row, geos) runs on the thread reading that slice, and slice k's rows come before
  // slice k + 1's in the layer. Problems and counts are merged in slice order, so the result does
  // not depend on thread timing.
  void for_each_parallel(const MeasuringCrs& target, int parts, int slices_per_part,
                         const std::function<void(size_t count)>& slices,
                         const std::function<void(int, FeatureRow&, const GeosContext&)>& fn);
  LayerData read_all(const MeasuringCrs& target, const GeosContext& geos, int parts = 1);
  // Where the problems of later reads go (a read on a thread of its own keeps them apart).
  void report_problems_to(ProblemList& problems) { problems_ = &problems; }

  // What one slice found; merged into the report and the problem list.
  struct SliceState {
    ProblemList problems;
    long long read = 0, skipped = 0, repaired = 0, rejected = 0;
  };

 private:
  struct Slice {
    long long first = 0, count = -1;  // by index (drivers with fast random access)
    std::string fid_filter;           // or an attribute filter on the FID
  };
  std::vector<Slice> plan_slices(int threads, int per_thread) const;
  void read_slice(OGRLayer& layer, const Slice& slice, const MeasuringCrs& target,
                  const GeosContext& geos, SliceState& state,
                  const std::function<void(FeatureRow&)>& fn) const;
  void read_features(OGRLayer& layer, const Slice& slice, OGRCoordinateTransformation* ct,
                     const GeosContext& geos, SliceState& state,
                     const std::function<void(FeatureRow&)>& fn) const;
  // GDAL's columnar reader; false (having read nothing) when a column is of an unsupported type.
  bool read_arrow(OGRLayer& layer, OGRCoordinateTransformation* ct, const GeosContext& geos,
                  SliceState& state, const std::function<void(FeatureRow&)>& fn) const;
  // Shared end of every feature: problems get the feature's key, counts, then fn.
  void finish_row(FeatureRow& row, const std::string& note, size_t first_problem, SliceState& state,
                  const std::function<void(FeatureRow&)>& fn) const;
  void merge(SliceState& state);
  void check_everything_read() const;
  // These three also give the area of the geometry they return (`area_m2`) and, when the check
  // found it a small convex polygon, that polygon (`convex`).
  GeomPtr convert_geometry(OGRGeometry* g, OGRCoordinateTransformation* ct, const GeosContext& geos,
                           long long fid, std::string& note, double& area_m2,
                           std::optional<SmallConvexPolygon>& convex, SliceState& state) const;
  GeomPtr geometry_from_wkb(std::string_view wkb, OGRCoordinateTransformation* ct,
                            const GeosContext& geos, long long fid, std::string& note,
                            double& area_m2, std::optional<SmallConvexPolygon>& convex,
                            SliceState& state) const;
  // Type check, validity (repair with MakeValid), polygonal parts, non-zero area.
  GeomPtr validate_geometry(GeomPtr g, const GeosContext& geos, long long fid, std::string& note,
                            double& area_m2, std::optional<SmallConvexPolygon>& convex,
                            SliceState& state) const;
  Cell canonical_cell(const RawValue& v, size_t canonical, long long fid, SliceState& state) const;
  void problem(SliceState& state, long long fid, const std::string& field,
               const std::string& message, const std::string& action) const;
  GDALDatasetUniquePtr open_dataset() const;

  LayerConfig config_;
  ProblemList* problems_;  // never null
  LayerReport report_;
  std::vector<std::string> open_options_;
  GDALDatasetUniquePtr dataset_;
  OGRLayer* layer_ = nullptr;  // owned by dataset_
  OGRSpatialReference source_srs_;
  bool gcj02_ = false;
  std::vector<std::string> source_names_;  // the layer's field names, as GDAL decoded them
  FieldMapping mapping_;
  std::vector<int> mapped_;  // canonical indices that found a source field
  std::vector<double> unit_factors_;
};

}  // namespace parkatlas
