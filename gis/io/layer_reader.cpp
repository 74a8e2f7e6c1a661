// GDAL/OGR reading: encoding, CRS, field mapping, value conversion and geometry repair.
#include "gis/io/layer_reader.hpp"

#include "core/utf8.hpp"

#include "gis/geos/quick_validity.hpp"
#include "gis/io/arrow_batch.hpp"
#include "gis/io/raw_value.hpp"
#include "gis/io/vector_output.hpp"
#include "gis/parallel.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>

#include "core/declared_units.hpp"
#include "core/field_value.hpp"
#include "gis/gdal/gdal_setup.hpp"
#include "gis/gis_error.hpp"

namespace parkatlas {

namespace fs = std::filesystem;

namespace {

// The .dbf header and the .shx each say how many records there are; when they disagree the
// files do not belong together or one is damaged, and GDAL reads only as many as the .shx holds.
std::optional<std::string> shapefile_count_mismatch(const std::string& shp) {
  std::error_code ec;
  const fs::path dbf = fs::path(shp).replace_extension(".dbf"),
                 shx = fs::path(shp).replace_extension(".shx");
  const auto shx_size = fs::file_size(shx, ec);
  if (ec || shx_size < 100) return std::nullopt;
  std::ifstream in(dbf, std::ios::binary);
  unsigned char header[8] = {};
  if (!in.read(reinterpret_cast<char*>(header), 8)) return std::nullopt;
  const unsigned long long dbf_records = header[4] | (header[5] << 8) | (header[6] << 16) |
                                         (static_cast<unsigned long long>(header[7]) << 24);
  const unsigned long long shx_records = (shx_size - 100) / 8;
  if (dbf_records == shx_records) return std::nullopt;
  return "the .dbf says it holds " + std::to_string(dbf_records) + " records but the .shx " +
         std::to_string(shx_records) +
         ": the files do not belong together or one is damaged; only the features both "
         "describe were read";
}

bool is_shapefile(const std::string& source) {
  std::string ext = fs::path(source).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".shp" || ext == ".dbf";
}

// Keeps the polygonal parts of a geometry (MakeValid may return lines and points beside them).
GeomPtr polygonal_part(const GeosContext& geos, GeomPtr g) {
  GEOSContextHandle_t h = geos.handle();
  int type = GEOSGeomTypeId_r(h, g.get());
  if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON) return g;
  if (type != GEOS_GEOMETRYCOLLECTION) return make_geom(geos, nullptr);
  std::vector<GEOSGeometry*> polys;
  int n = GEOSGetNumGeometries_r(h, g.get());
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* part = GEOSGetGeometryN_r(h, g.get(), i);
    int pt = GEOSGeomTypeId_r(h, part);
    if (pt == GEOS_POLYGON) {
      polys.push_back(GEOSGeom_clone_r(h, part));
    } else if (pt == GEOS_MULTIPOLYGON) {
      for (int k = 0; k < GEOSGetNumGeometries_r(h, part); ++k)
        polys.push_back(GEOSGeom_clone_r(h, GEOSGetGeometryN_r(h, part, k)));
    }
  }
  if (polys.empty()) return make_geom(geos, nullptr);
  return make_geom(geos, GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polys.data(),
                                                     static_cast<unsigned>(polys.size())));
}

const char* key_field(LayerKind kind) {
  switch (kind) {
    case LayerKind::parcels:
      return "parcel_id";
    case LayerKind::parks:
      return "park_id";
    case LayerKind::approval_batches:
      return "batch_id";
    case LayerKind::districts:
      return "district_id";
    default:
      return nullptr;
  }
}

}  // namespace

const Column& LayerData::field(std::string_view canonical_name) const {
  int c = canonical_index(kind, canonical_name);
  if (c < 0) throw GisError("internal: no canonical field " + std::string(canonical_name));
  return canonical[static_cast<size_t>(c)];
}

LayerReader::LayerReader(const LayerConfig& config, ProblemList& problems)
    : config_(config), problems_(&problems) {
  ensure_gdal_registered();
  report_.kind = std::string(to_string(config.kind));
  report_.source = config.source;
  ErrorContext where{config.source, config.layer};

  const bool shapefile = is_shapefile(config.source);
  if (shapefile) {
    if (!fs::exists(config.source)) throw GisError("the file does not exist", where);
    report_.encoding = decide_shapefile_encoding(config.source, config.encoding);
    open_options_.push_back("ENCODING=" + report_.encoding->encoding);
    for (const auto& w : report_.encoding->warnings)
      problems_->push_back(Problem{report_.kind, config_.source, -1, "", "", w, "reported"});
    if (auto m = shapefile_count_mismatch(config.source))
      problems_->push_back(Problem{report_.kind, config_.source, -1, "", "", *m, "reported"});
  }
  dataset_ = open_dataset();
  if (!dataset_) {
    std::string why = CPLGetLastErrorMsg();
    throw GisError("GDAL cannot open it as a vector source" + (why.empty() ? "" : ": " + why),
                   where);
  }
  report_.driver = dataset_->GetDriverName();
  if (!config.layer.empty()) {
    layer_ = dataset_->GetLayerByName(config.layer.c_str());
    if (!layer_) {
      std::string names;
      for (auto* l : dataset_->GetLayers())
        names += (names.empty() ? "" : ", ") + std::string(l->GetName());
      throw GisError("no layer named '" + config.layer + "' (layers: " + names + ")", where);
    }
  } else if (dataset_->GetLayerCount() == 1) {
    layer_ = dataset_->GetLayer(0);
  } else {
    std::string names;
    for (auto* l : dataset_->GetLayers())
      names += (names.empty() ? "" : ", ") + std::string(l->GetName());
    throw GisError("the source has " + std::to_string(dataset_->GetLayerCount()) +
                       " layers; name one with layer = \"…\" (layers: " + names + ")",
                   where);
  }
  report_.layer = layer_->GetName();
  where.layer = report_.layer;

  // CRS: the config's word wins (data often carries none, or a wrong one such as GCJ-02 labelled
  // WGS 84).
  if (!config.crs.empty()) {
    try {
      source_srs_ = srs_from_user(config.crs);
    } catch (const GisError& e) {
      throw GisError(std::string(e.what()) + " (crs in the config)", where);
    }
    gcj02_ = config.crs == "gcj02";
    report_.crs_decided_by = "config";
  } else if (const OGRSpatialReference* srs = layer_->GetSpatialRef()) {
    source_srs_ = *srs;
    source_srs_.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    report_.crs_decided_by = "data";
  } else {
    throw GisError(
        "the layer has no coordinate reference system (a Shapefile without .prj?); name it in the "
        "config, e.g. crs = \"EPSG:4490\" under [layers." +
            report_.kind + "]",
        where);
  }
  report_.gcj02 = gcj02_;
  report_.source_crs = gcj02_ ? "GCJ-02 (converted to WGS 84)"
                              : (source_srs_.GetName() ? source_srs_.GetName() : "unnamed CRS");
  if (const char* code = source_srs_.GetAuthorityCode(nullptr); code && !gcj02_)
    report_.source_crs += " (EPSG:" + std::string(code) + ")";

  OGRFeatureDefn* defn = layer_->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i)
    source_names_.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
  const std::vector<std::string>& names = source_names_;
  std::string cut_encoding = shapefile ? report_.encoding->encoding : std::string();
  mapping_ = match_fields(config.kind, names, config.fields, cut_encoding);
  if (!mapping_.errors.empty()) {
    std::string all;
    for (const auto& e : mapping_.errors) all += (all.empty() ? "" : "; ") + e;
    throw GisError(all, where);
  }
  const auto& fields = canonical_fields(config.kind);
  unit_factors_.assign(fields.size(), 1.0);
  for (size_t c = 0; c < fields.size(); ++c) {
    const FieldMatch& m = mapping_.canonical[c];
    FieldReportLine line{
        fields[c].name,
        m.source_index >= 0 ? valid_utf8(names[static_cast<size_t>(m.source_index)]) : "", m.how};
    report_.fields.push_back(line);
    if (m.source_index >= 0) mapped_.push_back(static_cast<int>(c));
    if (auto u = config.units.find(fields[c].name); u != config.units.end())
      unit_factors_[c] = *unit_factor(fields[c].quantity, u->second);
  }
  for (int s : mapping_.unmapped_sources)
    report_.unmapped_fields.push_back(valid_utf8(names[static_cast<size_t>(s)]));
  report_.features_in_source = layer_->GetFeatureCount(TRUE);
}

LayerReader::~LayerReader() = default;

GDALDatasetUniquePtr LayerReader::open_dataset() const {
  CPLStringList options;
  for (const auto& o : open_options_) options.AddString(o.c_str());
  CPLErrorReset();
  return GDALDatasetUniquePtr(GDALDataset::Open(
      config_.source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options.List(), nullptr));
}

std::vector<std::pair<std::string, FieldType>> LayerReader::extra_fields() const {
  std::vector<std::pair<std::string, FieldType>> out;
  OGRFeatureDefn* defn = layer_->GetLayerDefn();
  std::set<std::string> taken;
  for (int s : mapping_.unmapped_sources) {
    OGRFieldDefn* fd = defn->GetFieldDefn(s);
    // Output names must be UTF-8 (GeoPackage, CSV): a name GDAL cut mid-character loses the
    // broken tail; two names that then coincide are told apart.
    std::string name = valid_utf8(fd->GetNameRef());
    for (int k = 2; !taken.insert(name).second; ++k)
      name = valid_utf8(fd->GetNameRef()) + "_" + std::to_string(k);
    out.emplace_back(name, field_type(fd->GetType()));
  }
  return out;
}

LonLat LayerReader::centre_lonlat() const {
  if (report_.features_in_source == 0)
    throw GisError("the layer has no features: nothing to analyse",
                   {config_.source, report_.layer});
  OGREnvelope env;
  if (layer_->GetExtent(&env, TRUE) != OGRERR_NONE)
    throw GisError("cannot compute the layer extent", {config_.source, report_.layer});
  double x = (env.MinX + env.MaxX) / 2, y = (env.MinY + env.MaxY) / 2;
  OGRSpatialReference wgs;
  wgs.importFromEPSG(4326);
  wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  auto ct = make_transformation(source_srs_, wgs, gcj02_);
  if (!ct->Transform(1, &x, &y))
    throw GisError("the layer centre cannot be converted to longitude/latitude",
                   {config_.source, report_.layer});
  return {x, y};
}

void LayerReader::problem(SliceState& state, long long fid, const std::string& field,
                          const std::string& message, const std::string& action) const {
  state.problems.push_back(Problem{report_.kind, config_.source, fid, "", field, message, action});
}

GeomPtr LayerReader::convert_geometry(OGRGeometry* g, OGRCoordinateTransformation* ct,
                                      const GeosContext& geos, long long fid, std::string& note,
                                      double& area_m2, std::optional<SmallConvexPolygon>& convex,
                                      SliceState& state) const {
  if (g->IsEmpty()) {
    problem(state, fid, "", "empty geometry", "skipped");
    return make_geom(geos, nullptr);
  }
  std::unique_ptr<OGRGeometry> linear;
  if (OGR_GT_IsNonLinear(g->getGeometryType())) {
    linear.reset(g->getLinearGeometry());
    g = linear.get();
  }
  if (g->Is3D() || g->IsMeasured()) g->flattenTo2D();
  OGRwkbGeometryType t = wkbFlatten(g->getGeometryType());
  if (t != wkbPolygon && t != wkbMultiPolygon && t != wkbGeometryCollection) {
    problem(state, fid, "", std::string("not a polygon (") + OGRGeometryTypeToName(t) + ")",
            "skipped");
    return make_geom(geos, nullptr);
  }
  if (ct && g->transform(ct) != OGRERR_NONE) {
    problem(state, fid, "", "coordinates cannot be transformed to the measuring CRS", "skipped");
    return make_geom(geos, nullptr);
  }
  GeomPtr gg = make_geom(geos, g->exportToGEOS(geos.handle()));
  if (!gg) {
    problem(state, fid, "", "geometry cannot be converted for analysis: " + geos.take_error(),
            "skipped");
    return gg;
  }
  return validate_geometry(std::move(gg), geos, fid, note, area_m2, convex, state);
}

GeomPtr LayerReader::geometry_from_wkb(std::string_view wkb, OGRCoordinateTransformation* ct,
                                       const GeosContext& geos, long long fid, std::string& note,
                                       double& area_m2, std::optional<SmallConvexPolygon>& convex,
                                       SliceState& state) const {
  if (wkb.empty()) {
    problem(state, fid, "", "feature has no geometry", "skipped");
    return make_geom(geos, nullptr);
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(wkb.data());
  if (!ct) {
    // Already in the measuring CRS: straight from WKB into GEOS.
    GeomPtr g = make_geom(geos, GEOSGeomFromWKB_buf_r(geos.handle(), bytes, wkb.size()));
    if (g) return validate_geometry(std::move(g), geos, fid, note, area_m2, convex, state);
    geos.take_error();  // curves and the like: let OGR linearise them below
  }
  OGRGeometry* og = nullptr;
  if (OGRGeometryFactory::createFromWkb(bytes, nullptr, &og, wkb.size()) != OGRERR_NONE || !og) {
    problem(state, fid, "", "geometry cannot be read (corrupt WKB)", "skipped");
    return make_geom(geos, nullptr);
  }
  std::unique_ptr<OGRGeometry> owned(og);
  return convert_geometry(owned.get(), ct, geos, fid, note, area_m2, convex, state);
}

GeomPtr LayerReader::validate_geometry(GeomPtr gg, const GeosContext& geos, long long fid,
                                       std::string& note, double& area_m2,
                                       std::optional<SmallConvexPolygon>& convex,
                                       SliceState& state) const {
  GEOSContextHandle_t h = geos.handle();
  convex.reset();
  const int type = GEOSGeomTypeId_r(h, gg.get());
  if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON && type != GEOS_GEOMETRYCOLLECTION) {
    problem(state, fid, "", std::string("not a polygon (") + GEOSGeomType_r(h, gg.get()) + ")",
            "skipped");
    return make_geom(geos, nullptr);
  }
  if (GEOSisEmpty_r(h, gg.get()) == 1) {
    problem(state, fid, "", "empty geometry", "skipped");
    return make_geom(geos, nullptr);
  }
  convex = small_convex_polygon(geos, gg.get());
  if (!convex && GEOSisValid_r(h, gg.get()) != 1) {
    char* reason = GEOSisValidReason_r(h, gg.get());
    note = std::string("invalid geometry (") + (reason ? reason : "?") + ")";
    GEOSFree_r(h, reason);
    gg = polygonal_part(geos, make_geom(geos, GEOSMakeValid_r(h, gg.get())));
    if (!gg || GEOSisEmpty_r(h, gg.get())) {
      problem(state, fid, "", note + " has no area left after repair", "skipped");
      return make_geom(geos, nullptr);
    }
  } else if (type == GEOS_GEOMETRYCOLLECTION) {
    gg = polygonal_part(geos, std::move(gg));
    if (!gg) {
      problem(state, fid, "", "geometry collection without polygons", "skipped");
      return make_geom(geos, nullptr);
    }
    note = "geometry collection: kept its polygons";
  }
  area_m2 = area(geos, gg.get());
  if (area_m2 <= 0) {
    area_m2 = 0;
    problem(state, fid, "", "polygon with zero area", "skipped");
    return make_geom(geos, nullptr);
  }
  // Other threads use the layer's geometries (parks and parcels on every core).
  settle_envelopes(geos, gg.get(), convex.has_value());
  return gg;
}

Cell LayerReader::canonical_cell(const RawValue& v, size_t c, long long fid,
                                 SliceState& state) const {
  const CanonicalField& cf = canonical_fields(config_.kind)[c];
  std::optional<Rejection> rejected;
  Cell cell = to_canonical(v, cf, unit_factors_[c], rejected);
  if (rejected) {
    ++state.rejected;
    problem(state, fid,
            cf.name + " (" +
                source_names_[static_cast<size_t>(mapping_.canonical[c].source_index)] + ")",
            "'" + rejected->value + "' " + rejected->why, "value ignored");
  }
  return cell;
}

std::vector<LayerReader::Slice> LayerReader::plan_slices(int threads, int per_thread) const {
  const long long n = report_.features_in_source;
  if (threads <= 1 || n < 20000) return {Slice{}};
  std::vector<Slice> slices;
  if (layer_->TestCapability(OLCFastSetNextByIndex)) {  // Shapefiles: records by index
    const auto bounds = guided_bounds(0, n, threads, per_thread);
    for (size_t k = 0; k + 1 < bounds.size(); ++k)
      slices.push_back(Slice{bounds[k], bounds[k + 1] - bounds[k], ""});
    return slices;
  }
  const char* fid_column = layer_->GetFIDColumn();
  if (report_.driver != "GPKG" || !fid_column || !*fid_column) return {Slice{}};
  // GeoPackage: ranges of the integer primary key, which SQLite answers from the rowid b-tree,
  // but only for a lone MIN or MAX: both in one SELECT scanned the whole table (2 s for 3 M
  // buildings), hence two sub-queries.
  const std::string fid = std::string("\"") + fid_column + "\"";
  const std::string table = "\"" + report_.layer + "\"";
  std::string sql = "SELECT (SELECT MIN(" + fid + ") FROM " + table + "), (SELECT MAX(" + fid +
                    ") FROM " + table + ")";
  OGRLayer* r = dataset_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (!r) return {Slice{}};
  long long lo = 0, hi = -1;
  if (OGRFeatureUniquePtr f{r->GetNextFeature()}) {
    lo = f->GetFieldAsInteger64(0);
    hi = f->GetFieldAsInteger64(1);
  }
  dataset_->ReleaseResultSet(r);
  if (hi < lo) return {Slice{}};
  const auto bounds = guided_bounds(lo, hi + 1, threads, per_thread);
  for (size_t k = 0; k + 1 < bounds.size(); ++k)
    slices.push_back(Slice{
        0, -1,
        "FID >= " + std::to_string(bounds[k]) + " AND FID < " + std::to_string(bounds[k + 1])});
  return slices;
}

void LayerReader::read_slice(OGRLayer& layer, const Slice& slice, const MeasuringCrs& target,
                             const GeosContext& geos, SliceState& state,
                             const std::function<void(FeatureRow&)>& fn) const {
  // No transformation at all when the data is already in the measuring CRS.
  std::unique_ptr<OGRCoordinateTransformation> ct;
  if (gcj02_ || !source_srs_.IsSame(&target.srs))
    ct = make_transformation(source_srs_, target.srs, gcj02_);
  layer.SetAttributeFilter(slice.fid_filter.empty() ? nullptr : slice.fid_filter.c_str());
  const bool columnar =
      slice.first == 0 && slice.count < 0 && layer.TestCapability(OLCFastGetArrowStream);
  if (!columnar || !read_arrow(layer, ct.get(), geos, state, fn))
    read_features(layer, slice, ct.get(), geos, state, fn);
  layer.SetAttributeFilter(nullptr);
}

void LayerReader::finish_row(FeatureRow& row, const std::string& note, size_t first_problem,
                             SliceState& state, const std::function<void(FeatureRow&)>& fn) const {
  if (!note.empty() && row.geometry) {
    ++state.repaired;
    problem(state, row.fid, "", note, "repaired (GEOS MakeValid, polygonal parts kept)");
  }
  if (first_problem < state.problems.size()) {
    // Looked up only for a feature with problems (the reader passes millions of rows here).
    if (const char* key = key_field(config_.kind)) {
      const int key_index = canonical_index(config_.kind, key);
      if (auto* k = std::get_if<std::string>(&row.canonical[static_cast<size_t>(key_index)]))
        for (size_t p = first_problem; p < state.problems.size(); ++p)
          state.problems[p].feature_key = *k;
    }
  }
  if (!row.geometry) {
    ++state.skipped;
    return;
  }
  ++state.read;
  fn(row);
}

void LayerReader::read_features(OGRLayer& layer, const Slice& slice,
                                OGRCoordinateTransformation* ct, const GeosContext& geos,
                                SliceState& state,
                                const std::function<void(FeatureRow&)>& fn) const {
  const auto& fields = canonical_fields(config_.kind);
  OGRFeatureDefn* defn = layer.GetLayerDefn();
  layer.ResetReading();
  if (slice.first > 0) layer.SetNextByIndex(slice.first);
  FeatureRow row;
  // Only the mapped fields are set row by row; the others stay null throughout.
  row.canonical.assign(fields.size(), std::monostate{});
  for (long long taken = 0; slice.count < 0 || taken < slice.count; ++taken) {
    CPLErrorReset();
    OGRFeatureUniquePtr feature(layer.GetNextFeature());
    if (!feature) break;
    row.fid = feature->GetFID();
    const size_t first_problem = state.problems.size();
    for (int c : mapped_)
      row.canonical[static_cast<size_t>(c)] = canonical_cell(
          raw_from_feature(*feature, mapping_.canonical[static_cast<size_t>(c)].source_index),
          static_cast<size_t>(c), row.fid, state);
    row.extra.clear();
    for (int s : mapping_.unmapped_sources)
      row.extra.push_back(
          to_extra(raw_from_feature(*feature, s), field_type(defn->GetFieldDefn(s)->GetType())));
    std::string note;
    row.area_m2 = 0;
    row.convex.reset();
    if (OGRGeometry* g = feature->GetGeometryRef()) {
      row.geometry = convert_geometry(g, ct, geos, row.fid, note, row.area_m2, row.convex, state);
    } else {
      const bool gdal_error = CPLGetLastErrorType() >= CE_Failure;
      problem(state, row.fid, "",
              gdal_error ? std::string("geometry cannot be read: ") + CPLGetLastErrorMsg()
                         : std::string("feature has no geometry"),
              "skipped");
      row.geometry.reset();
    }
    finish_row(row, note, first_problem, state, fn);
  }
}

bool LayerReader::read_arrow(OGRLayer& layer, OGRCoordinateTransformation* ct,
                             const GeosContext& geos, SliceState& state,
                             const std::function<void(FeatureRow&)>& fn) const {
  ArrowArrayStream stream{};
  if (!layer.GetArrowStream(&stream, nullptr)) return false;
  struct StreamGuard {
    ArrowArrayStream& s;
    ~StreamGuard() {
      if (s.release) s.release(&s);
    }
  } stream_guard{stream};
  ArrowSchema schema{};
  if (stream.get_schema(&stream, &schema) != 0) return false;
  struct SchemaGuard {
    ArrowSchema& s;
    ~SchemaGuard() {
      if (s.release) s.release(&s);
    }
  } schema_guard{schema};

  // Arrow columns by name: the FID, the geometry, and every source field we use.
  auto child = [&](const std::string& name) -> int {
    for (int64_t i = 0; i < schema.n_children; ++i)
      if (name == schema.children[i]->name) return static_cast<int>(i);
    return -1;
  };
  const char* gcol = layer.GetGeometryColumn();
  const int geom = child(gcol && *gcol ? gcol : "wkb_geometry");
  const char* fcol = layer.GetFIDColumn();
  const int fid_col = child(fcol && *fcol ? fcol : "OGC_FID");
  if (geom < 0 ||
      (schema.children[geom]->format[0] != 'z' && schema.children[geom]->format[0] != 'Z'))
    return false;
  std::vector<int> col(source_names_.size(), -1);
  auto usable = [&](int s) {
    col[static_cast<size_t>(s)] = child(source_names_[static_cast<size_t>(s)]);
    return col[static_cast<size_t>(s)] >= 0 &&
           arrow_format_supported(schema.children[col[static_cast<size_t>(s)]]->format);
  };
  for (int c : mapped_)
    if (!usable(mapping_.canonical[static_cast<size_t>(c)].source_index)) return false;
  for (int s : mapping_.unmapped_sources)
    if (!usable(s)) return false;

  const auto& fields = canonical_fields(config_.kind);
  OGRFeatureDefn* defn = layer.GetLayerDefn();
  FeatureRow row;
  // Only the mapped fields are set row by row; the others stay null throughout.
  row.canonical.assign(fields.size(), std::monostate{});
  long long running = 0;
  for (;;) {
    ArrowArray batch{};
    if (stream.get_next(&stream, &batch) != 0)
      throw GisError(std::string("reading failed: ") + (stream.get_last_error(&stream) ?: "?"),
                     {config_.source, report_.layer});
    if (!batch.release) break;
    struct BatchGuard {
      ArrowArray& a;
      ~BatchGuard() { a.release(&a); }
    } batch_guard{batch};
    auto column = [&](int i) -> const ArrowArray& { return *batch.children[i]; };
    auto format = [&](int i) { return schema.children[i]->format; };
    for (int64_t r = 0; r < batch.length; ++r, ++running) {
      row.fid = fid_col >= 0 ? arrow_raw(column(fid_col), format(fid_col), r).i : running;
      const size_t first_problem = state.problems.size();
      for (int c : mapped_) {
        const int a =
            col[static_cast<size_t>(mapping_.canonical[static_cast<size_t>(c)].source_index)];
        row.canonical[static_cast<size_t>(c)] = canonical_cell(
            arrow_raw(column(a), format(a), r), static_cast<size_t>(c), row.fid, state);
      }
      row.extra.clear();
      for (int s : mapping_.unmapped_sources) {
        const int a = col[static_cast<size_t>(s)];
        row.extra.push_back(to_extra(arrow_raw(column(a), format(a), r),
                                     field_type(defn->GetFieldDefn(s)->GetType())));
      }
      std::string note;
      row.area_m2 = 0;
      row.convex.reset();
      row.geometry = geometry_from_wkb(arrow_binary(column(geom), format(geom), r), ct, geos,
                                       row.fid, note, row.area_m2, row.convex, state);
      finish_row(row, note, first_problem, state, fn);
    }
  }
  return true;
}

void LayerReader::check_everything_read() const {
  // A truncated or corrupt file makes GDAL stop early without a per-feature error: every feature
  // the source counts must have been analysed or skipped with a reason.
  const long long accounted = report_.features_read + report_.features_skipped;
  if (report_.features_in_source >= 0 && accounted < report_.features_in_source) {
    std::string gdal = CPLGetLastErrorMsg();
    throw GisError("only " + std::to_string(accounted) + " of the " +
                       std::to_string(report_.features_in_source) +
                       " features could be read: the file is truncated or corrupt" +
                       (gdal.empty() ? std::string() : " (GDAL: " + gdal + ")"),
                   {config_.source, report_.layer});
  }
}

void LayerReader::merge(SliceState& state) {
  report_.features_read += state.read;
  report_.features_skipped += state.skipped;
  report_.geometries_repaired += state.repaired;
  report_.values_rejected += state.rejected;
  problems_->insert(problems_->end(), std::make_move_iterator(state.problems.begin()),
                    std::make_move_iterator(state.problems.end()));
  state = SliceState{};
}

void LayerReader::for_each(const MeasuringCrs& target, const GeosContext& geos,
                           const std::function<void(FeatureRow&)>& fn) {
  SliceState state;
  read_slice(*layer_, Slice{}, target, geos, state, fn);
  merge(state);
  check_everything_read();
}

void LayerReader::for_each_parallel(
    const MeasuringCrs& target, int parts, int slices_per_part,
    const std::function<void(size_t count)>& slice_count,
    const std::function<void(int, FeatureRow&, const GeosContext&)>& fn) {
  std::vector<Slice> slices = plan_slices(parts, slices_per_part);
  std::vector<SliceState> states(slices.size());
  slice_count(slices.size());
  if (slices.size() == 1) {
    GeosContext geos;
    read_slice(*layer_, slices[0], target, geos, states[0],
               [&](FeatureRow& row) { fn(0, row, geos); });
  } else {
    std::atomic<size_t> next{0};
    run_parallel(std::min(slices.size(), static_cast<size_t>(parts)), [&](size_t) {
      // GDAL datasets and GEOS contexts are not shared between threads: one of each per thread.
      GDALDatasetUniquePtr ds = open_dataset();
      if (!ds)
        throw GisError("GDAL cannot reopen the source for parallel reading",
                       {config_.source, report_.layer});
      OGRLayer* layer = ds->GetLayerByName(report_.layer.c_str());
      GeosContext geos;
      for (size_t k = next++; k < slices.size(); k = next++)
        read_slice(*layer, slices[k], target, geos, states[k],
                   [&](FeatureRow& row) { fn(static_cast<int>(k), row, geos); });
    });
  }
  for (auto& s : states) merge(s);
  check_everything_read();
}

LayerData LayerReader::read_all(const MeasuringCrs& target, const GeosContext& geos, int parts) {
  const auto& fields = canonical_fields(config_.kind);
  // Reserve up front: growing a million-row column by doubling costs copies and page faults.
  // The first slice's columns get room for the whole layer, so that the other slices are appended
  // to them in place (reallocating there touched every column twice over: at province scale the
  // kernel's zeroing of fresh pages is a large share of reading).
  const auto in_source = static_cast<size_t>(std::max<long long>(0, report_.features_in_source));
  auto empty_data = [&](size_t expected) {
    LayerData data;
    data.kind = config_.kind;
    data.canonical.resize(fields.size());
    for (int c : mapped_) {
      Column& col = data.canonical[static_cast<size_t>(c)];
      col = Column(fields[static_cast<size_t>(c)].name, fields[static_cast<size_t>(c)].type);
      col.reserve(expected);
    }
    for (const auto& [name, type] : extra_fields())
      data.extra.emplace_back(name, type).reserve(expected);
    data.fids.reserve(expected);
    data.geoms.reserve(expected);
    data.areas.reserve(expected);
    return data;
  };
  auto append = [this](LayerData& data, FeatureRow& row) {
    data.fids.push_back(row.fid);
    data.geoms.push_back(std::move(row.geometry));
    data.areas.push_back(row.area_m2);
    for (int c : mapped_)
      data.canonical[static_cast<size_t>(c)].push(std::move(row.canonical[static_cast<size_t>(c)]));
    for (size_t e = 0; e < row.extra.size(); ++e) data.extra[e].push(std::move(row.extra[e]));
  };
  if (parts <= 1) {
    LayerData data = empty_data(in_source + 1);
    for_each(target, geos, [&](FeatureRow& row) { append(data, row); });
    return data;
  }
  std::vector<LayerData> pieces;
  // One slice a thread: every further slice is appended to the first afterwards.
  for_each_parallel(
      target, parts, 1,
      [&](size_t count) {
        pieces.resize(count);
        for (size_t k = 0; k < count; ++k)
          pieces[k] = empty_data(k == 0 ? in_source + 1 : in_source / count + 1);
      },
      [&](int k, FeatureRow& row, const GeosContext&) {
        append(pieces[static_cast<size_t>(k)], row);
      });
  // Concatenate in slice order: the same order as a single-threaded read. Column by column on all
  // cores: the appended rows are fresh pages (half a second on one core for a province).
  LayerData data = std::move(pieces[0]);
  std::vector<std::function<void()>> appends;
  appends.emplace_back([&] {
    for (size_t k = 1; k < pieces.size(); ++k)
      data.fids.insert(data.fids.end(), pieces[k].fids.begin(), pieces[k].fids.end());
  });
  appends.emplace_back([&] {
    for (size_t k = 1; k < pieces.size(); ++k)
      for (auto& g : pieces[k].geoms) data.geoms.push_back(std::move(g));
    for (size_t k = 1; k < pieces.size(); ++k)
      data.areas.insert(data.areas.end(), pieces[k].areas.begin(), pieces[k].areas.end());
  });
  // A text column's bytes are sized once for all slices (the fixed-size rows were reserved).
  auto append_slices = [&pieces](Column& to, auto slice_column) {
    size_t bytes = to.text_bytes();
    for (size_t k = 1; k < pieces.size(); ++k) bytes += slice_column(pieces[k]).text_bytes();
    to.reserve_text_bytes(bytes);
    for (size_t k = 1; k < pieces.size(); ++k) to.append(std::move(slice_column(pieces[k])));
  };
  for (int c : mapped_)
    appends.emplace_back([&, c = static_cast<size_t>(c)] {
      append_slices(data.canonical[c], [c](LayerData& d) -> Column& { return d.canonical[c]; });
    });
  for (size_t e = 0; e < data.extra.size(); ++e)
    appends.emplace_back([&, e] {
      append_slices(data.extra[e], [e](LayerData& d) -> Column& { return d.extra[e]; });
    });
  run_tasks(appends);
  return data;
}

}  // namespace parkatlas
