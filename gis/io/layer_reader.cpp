// GDAL/OGR reading: encoding, CRS, field mapping, value conversion and geometry repair.
#include "gis/io/layer_reader.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <mutex>

#include "core/declared_units.hpp"
#include "core/field_value.hpp"
#include "gis/gdal/gdal_setup.hpp"
#include "gis/gis_error.hpp"

namespace parkatlas {

namespace fs = std::filesystem;

namespace {

bool is_shapefile(const std::string& source) {
  std::string ext = fs::path(source).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".shp" || ext == ".dbf";
}

FieldType extra_type(OGRFieldType t) {
  switch (t) {
    case OFTInteger:
    case OFTInteger64: return FieldType::integer;
    case OFTReal: return FieldType::real;
    case OFTDate: return FieldType::date;
    default: return FieldType::text;  // strings, date-times (kept verbatim), lists
  }
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
    case LayerKind::parcels: return "parcel_id";
    case LayerKind::parks: return "park_id";
    case LayerKind::approval_batches: return "batch_id";
    case LayerKind::districts: return "district_id";
    default: return nullptr;
  }
}

}  // namespace

const Column& LayerData::field(std::string_view canonical_name) const {
  int c = canonical_index(kind, canonical_name);
  if (c < 0) throw GisError("internal: no canonical field " + std::string(canonical_name));
  return canonical[static_cast<size_t>(c)];
}

LayerReader::LayerReader(const LayerConfig& config, ProblemList& problems)
    : config_(config), problems_(problems) {
  ensure_gdal_registered();
  report_.kind = std::string(to_string(config.kind));
  report_.source = config.source;
  ErrorContext where{config.source, config.layer};

  const bool shapefile = is_shapefile(config.source);
  CPLStringList open_options;
  if (shapefile) {
    if (!fs::exists(config.source)) throw GisError("the file does not exist", where);
    report_.encoding = decide_shapefile_encoding(config.source, config.encoding);
    open_options.SetNameValue("ENCODING", report_.encoding->encoding.c_str());
    for (const auto& w : report_.encoding->warnings) problem(-1, "", w, "reported");
  }
  CPLErrorReset();
  dataset_.reset(GDALDataset::Open(config.source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                   nullptr, open_options.List(), nullptr));
  if (!dataset_) {
    std::string why = CPLGetLastErrorMsg();
    throw GisError("GDAL cannot open it as a vector source" + (why.empty() ? "" : ": " + why), where);
  }
  report_.driver = dataset_->GetDriverName();
  if (!config.layer.empty()) {
    layer_ = dataset_->GetLayerByName(config.layer.c_str());
    if (!layer_) {
      std::string names;
      for (auto* l : dataset_->GetLayers()) names += (names.empty() ? "" : ", ") + std::string(l->GetName());
      throw GisError("no layer named '" + config.layer + "' (layers: " + names + ")", where);
    }
  } else if (dataset_->GetLayerCount() == 1) {
    layer_ = dataset_->GetLayer(0);
  } else {
    std::string names;
    for (auto* l : dataset_->GetLayers()) names += (names.empty() ? "" : ", ") + std::string(l->GetName());
    throw GisError("the source has " + std::to_string(dataset_->GetLayerCount()) +
                       " layers; name one with layer = \"…\" (layers: " + names + ")",
                   where);
  }
  report_.layer = layer_->GetName();
  where.layer = report_.layer;

  // CRS: the config's word wins (data often carries none, or a wrong one such as GCJ-02 labelled WGS 84).
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
        "config, e.g. crs = \"EPSG:4490\" under [layers." + report_.kind + "]",
        where);
  }
  report_.gcj02 = gcj02_;
  report_.source_crs = gcj02_ ? "GCJ-02 (converted to WGS 84)"
                              : (source_srs_.GetName() ? source_srs_.GetName() : "unnamed CRS");
  if (const char* code = source_srs_.GetAuthorityCode(nullptr); code && !gcj02_)
    report_.source_crs += " (EPSG:" + std::string(code) + ")";

  OGRFeatureDefn* defn = layer_->GetLayerDefn();
  std::vector<std::string> names;
  for (int i = 0; i < defn->GetFieldCount(); ++i) names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
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
    FieldReportLine line{fields[c].name, m.source_index >= 0 ? names[static_cast<size_t>(m.source_index)] : "", m.how};
    report_.fields.push_back(line);
    if (m.source_index >= 0) mapped_.push_back(static_cast<int>(c));
    if (auto u = config.units.find(fields[c].name); u != config.units.end())
      unit_factors_[c] = *unit_factor(fields[c].quantity, u->second);
  }
  for (int s : mapping_.unmapped_sources) report_.unmapped_fields.push_back(names[static_cast<size_t>(s)]);
  report_.features_in_source = layer_->GetFeatureCount(TRUE);
}

LayerReader::~LayerReader() = default;

std::vector<std::pair<std::string, FieldType>> LayerReader::extra_fields() const {
  std::vector<std::pair<std::string, FieldType>> out;
  OGRFeatureDefn* defn = layer_->GetLayerDefn();
  for (int s : mapping_.unmapped_sources) {
    OGRFieldDefn* fd = defn->GetFieldDefn(s);
    out.emplace_back(fd->GetNameRef(), extra_type(fd->GetType()));
  }
  return out;
}

LonLat LayerReader::centre_lonlat() const {
  OGREnvelope env;
  if (layer_->GetExtent(&env, TRUE) != OGRERR_NONE)
    throw GisError("cannot compute the layer extent", {config_.source, report_.layer});
  double x = (env.MinX + env.MaxX) / 2, y = (env.MinY + env.MaxY) / 2;
  OGRSpatialReference wgs;
  wgs.importFromEPSG(4326);
  wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  auto ct = make_transformation(source_srs_, wgs, gcj02_);
  if (!ct->Transform(1, &x, &y))
    throw GisError("the layer centre cannot be converted to longitude/latitude", {config_.source, report_.layer});
  return {x, y};
}

void LayerReader::problem(long long fid, const std::string& field, const std::string& message,
                          const std::string& action) {
  problems_.push_back(Problem{report_.kind, config_.source, fid, "", field, message, action});
}

GeomPtr LayerReader::convert_geometry(OGRGeometry* g, OGRCoordinateTransformation& ct,
                                      const GeosContext& geos, long long fid, std::string& note) {
  if (g->IsEmpty()) {
    problem(fid, "", "empty geometry", "skipped");
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
    problem(fid, "", std::string("not a polygon (") + OGRGeometryTypeToName(t) + ")", "skipped");
    return make_geom(geos, nullptr);
  }
  if (g->transform(&ct) != OGRERR_NONE) {
    problem(fid, "", "coordinates cannot be transformed to the measuring CRS", "skipped");
    return make_geom(geos, nullptr);
  }
  GeomPtr gg = make_geom(geos, g->exportToGEOS(geos.handle()));
  if (!gg) {
    problem(fid, "", "geometry cannot be converted for analysis: " + geos.take_error(), "skipped");
    return gg;
  }
  GEOSContextHandle_t h = geos.handle();
  if (GEOSisValid_r(h, gg.get()) != 1) {
    char* reason = GEOSisValidReason_r(h, gg.get());
    note = std::string("invalid geometry (") + (reason ? reason : "?") + ")";
    GEOSFree_r(h, reason);
    gg = polygonal_part(geos, make_geom(geos, GEOSMakeValid_r(h, gg.get())));
    if (!gg || GEOSisEmpty_r(h, gg.get())) {
      problem(fid, "", note + " has no area left after repair", "skipped");
      return make_geom(geos, nullptr);
    }
  } else if (t == wkbGeometryCollection) {
    gg = polygonal_part(geos, std::move(gg));
    if (!gg) {
      problem(fid, "", "geometry collection without polygons", "skipped");
      return make_geom(geos, nullptr);
    }
    note = "geometry collection: kept its polygons";
  }
  if (area(geos, gg.get()) <= 0) {
    problem(fid, "", "polygon with zero area", "skipped");
    return make_geom(geos, nullptr);
  }
  return gg;
}

Cell LayerReader::read_canonical(OGRFeature& f, size_t c, long long fid) {
  int idx = mapping_.canonical[c].source_index;
  if (idx < 0 || !f.IsFieldSetAndNotNull(idx)) return std::monostate{};
  const CanonicalField& cf = canonical_fields(config_.kind)[c];
  OGRFieldType ft = f.GetFieldDefnRef(idx)->GetType();
  const bool numeric = ft == OFTInteger || ft == OFTInteger64 || ft == OFTReal;
  auto reject = [&](const std::string& value, const std::string& why) -> Cell {
    ++report_.values_rejected;
    problem(fid, cf.name + " (" + f.GetFieldDefnRef(idx)->GetNameRef() + ")",
            "'" + value + "' " + why, "value ignored");
    return std::monostate{};
  };
  switch (cf.type) {
    case FieldType::real: {
      if (numeric) return f.GetFieldAsDouble(idx) * unit_factors_[c];
      std::string s = trim(f.GetFieldAsString(idx));
      if (s.empty()) return std::monostate{};
      auto v = parse_number(s);
      if (!v) return reject(s, "is not a number");
      return *v * unit_factors_[c];
    }
    case FieldType::integer: {
      if (ft == OFTInteger || ft == OFTInteger64) return static_cast<std::int64_t>(f.GetFieldAsInteger64(idx));
      std::string s = trim(f.GetFieldAsString(idx));
      if (s.empty()) return std::monostate{};
      auto v = numeric ? std::optional<double>(f.GetFieldAsDouble(idx)) : parse_number(s);
      if (!v || std::floor(*v) != *v) return reject(s, "is not a whole number");
      return static_cast<std::int64_t>(*v);
    }
    case FieldType::date: {
      if (ft == OFTDate || ft == OFTDateTime) {
        int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
        float ss = 0;
        f.GetFieldAsDateTime(idx, &y, &m, &d, &hh, &mm, &ss, &tz);
        CivilDate date{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
        if (!is_valid(date)) return reject(f.GetFieldAsString(idx), "is not a valid date");
        return date;
      }
      std::string s = trim(f.GetFieldAsString(idx));
      if (s.empty()) return std::monostate{};
      auto d = parse_date(s);
      if (!d) return reject(s, "is not a date (expected e.g. 2019-02-03, 20190203 or 2019年2月3日)");
      return *d;
    }
    case FieldType::text: {
      if (ft == OFTReal) {
        // Ids stored as reals (BBL 4026320005.0) must read as 4026320005, not GDAL's padded form.
        double v = f.GetFieldAsDouble(idx);
        char buf[64];
        std::snprintf(buf, sizeof buf, std::floor(v) == v && std::fabs(v) < 1e15 ? "%.0f" : "%.15g", v);
        return std::string(buf);
      }
      std::string s = trim(f.GetFieldAsString(idx));
      if (s.empty()) return std::monostate{};
      return s;
    }
  }
  return std::monostate{};
}

void LayerReader::for_each(const MeasuringCrs& target, const GeosContext& geos,
                           const std::function<void(FeatureRow&)>& fn) {
  auto ct = make_transformation(source_srs_, target.srs, gcj02_);
  const auto& fields = canonical_fields(config_.kind);
  const char* key = key_field(config_.kind);
  const int key_index = key ? canonical_index(config_.kind, key) : -1;
  OGRFeatureDefn* defn = layer_->GetLayerDefn();
  layer_->ResetReading();
  FeatureRow row;
  for (auto& feature : *layer_) {
    const long long fid = feature->GetFID();
    const size_t first_problem = problems_.size();
    row.fid = fid;
    row.canonical.assign(fields.size(), std::monostate{});
    for (int c : mapped_) row.canonical[static_cast<size_t>(c)] = read_canonical(*feature, static_cast<size_t>(c), fid);
    row.extra.clear();
    for (int s : mapping_.unmapped_sources) {
      if (!feature->IsFieldSetAndNotNull(s)) {
        row.extra.emplace_back(std::monostate{});
        continue;
      }
      switch (extra_type(defn->GetFieldDefn(s)->GetType())) {
        case FieldType::integer: row.extra.emplace_back(static_cast<std::int64_t>(feature->GetFieldAsInteger64(s))); break;
        case FieldType::real: row.extra.emplace_back(feature->GetFieldAsDouble(s)); break;
        case FieldType::date: {
          int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
          float ss = 0;
          feature->GetFieldAsDateTime(s, &y, &m, &d, &hh, &mm, &ss, &tz);
          CivilDate date{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
          row.extra.emplace_back(is_valid(date) ? Cell{date} : Cell{std::monostate{}});
          break;
        }
        case FieldType::text: row.extra.emplace_back(std::string(feature->GetFieldAsString(s))); break;
      }
    }
    std::string note;
    OGRGeometry* g = feature->GetGeometryRef();
    if (!g) {
      problem(fid, "", "feature has no geometry", "skipped");
      row.geometry.reset();
    } else {
      row.geometry = convert_geometry(g, *ct, geos, fid, note);
    }
    if (!note.empty() && row.geometry) {
      ++report_.geometries_repaired;
      problem(fid, "", note, "repaired (GEOS MakeValid, polygonal parts kept)");
    }
    if (key_index >= 0)
      if (auto* k = std::get_if<std::string>(&row.canonical[static_cast<size_t>(key_index)]))
        for (size_t p = first_problem; p < problems_.size(); ++p) problems_[p].feature_key = *k;
    if (!row.geometry) {
      ++report_.features_skipped;
      continue;
    }
    ++report_.features_read;
    fn(row);
  }
}

LayerData LayerReader::read_all(const MeasuringCrs& target, const GeosContext& geos) {
  LayerData data;
  data.kind = config_.kind;
  const auto& fields = canonical_fields(config_.kind);
  data.canonical.resize(fields.size());
  for (int c : mapped_)
    data.canonical[static_cast<size_t>(c)] = Column(fields[static_cast<size_t>(c)].name, fields[static_cast<size_t>(c)].type);
  for (const auto& [name, type] : extra_fields()) data.extra.emplace_back(name, type);
  const auto expected = static_cast<size_t>(std::max<long long>(0, report_.features_in_source));
  data.fids.reserve(expected);
  data.geoms.reserve(expected);
  for (int c : mapped_) data.canonical[static_cast<size_t>(c)].reserve(expected);
  for (auto& col : data.extra) col.reserve(expected);
  for_each(target, geos, [&](FeatureRow& row) {
    data.fids.push_back(row.fid);
    data.geoms.push_back(std::move(row.geometry));
    for (int c : mapped_) data.canonical[static_cast<size_t>(c)].push(row.canonical[static_cast<size_t>(c)]);
    for (size_t e = 0; e < row.extra.size(); ++e) data.extra[e].push(row.extra[e]);
  });
  return data;
}

}  // namespace parkatlas
