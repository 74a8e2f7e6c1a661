// Loading ParkAtlas results into memory for the map, and single-feature reads for the inspector.
#include "gis/map/map_source.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "gis/gdal/gdal_setup.hpp"
#include "gis/gis_error.hpp"
#include "gis/io/raw_value.hpp"
#include "gis/project/project_file.hpp"

namespace parkatlas {

namespace fs = std::filesystem;

namespace {

// Bottom to top: what a planner expects to see over what.
// Cluster zones go over the parcels, translucent, so overlapping zones stay visible.
const char* const kDrawOrder[] = {"constraints", "parks",    "approval_batches", "unsupplied",
                                  "parcels",     "clusters", "buildings",        "proposals"};
const char* const kTables[] = {"idle_parcels", "idle_summary", "problems",      "run_info",
                               "evaluation",   "land_account", "cluster_stats", "cluster_targets"};

GDALDatasetUniquePtr open_read(const std::string& path) {
  ensure_gdal_registered();
  GDALDatasetUniquePtr ds(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr));
  if (!ds) throw GisError("cannot open it as a vector data source", {path});
  return ds;
}

OGRLayer* layer_of(GDALDataset& ds, const std::string& path, const std::string& table) {
  OGRLayer* l = ds.GetLayerByName(table.c_str());
  if (!l) throw GisError("the layer is missing", {path, table});
  return l;
}

void add_rings(const OGRGeometry* g, MapLayerData& out) {
  if (!g || g->IsEmpty()) return;
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon: {
      for (const OGRLinearRing* ring : *g->toPolygon()) {
        const int n = ring->getNumPoints();
        for (int k = 0; k < n; ++k) {
          out.xy.push_back(ring->getX(k));
          out.xy.push_back(ring->getY(k));
        }
        out.ring_start.push_back(static_cast<std::uint32_t>(out.xy.size() / 2));
      }
      break;
    }
    case wkbMultiPolygon:
    case wkbGeometryCollection:
      for (const OGRGeometry* part : *g->toGeometryCollection()) add_rings(part, out);
      break;
    default:
      break;  // points and lines are not drawn by ParkAtlas maps
  }
}

// A field as text; dates as ISO 8601 (OGR writes 2024/01/31), null as "".
std::string text_of(const OGRFeature& f, int k) {
  if (!f.IsFieldSetAndNotNull(k)) return "";
  if (f.GetFieldDefnRef(k)->GetType() == OFTDate) return iso_date_text(f, k);
  return f.GetFieldAsString(k);
}

}  // namespace

int PlainTable::column(const std::string& name) const {
  for (size_t k = 0; k < columns.size(); ++k)
    if (columns[k] == name) return static_cast<int>(k);
  return -1;
}

MapSource::MapSource(const std::string& path, std::optional<long long> run) : path_(path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw GisError("no such file", {path});
  auto ds = open_read(path);
  project_ = ds->GetLayerByName("project_info") != nullptr;
  std::string prefix;
  if (project_) {
    // project_runs checks the project's integrity (no foreign triggers or views) first.
    for (const auto& r : project_runs(path))
      if (run ? r.run_id == *run : r.run_id > run_id_) run_id_ = r.run_id;
    if (run && run_id_ != *run)
      throw GisError("the project has no run " + std::to_string(*run), {path});
    if (run_id_ > 0) prefix = "run_" + std::to_string(run_id_) + "_";
  }
  auto present = [&](const std::string& t) { return ds->GetLayerByName(t.c_str()) != nullptr; };
  for (const char* name : kDrawOrder) {
    const std::string logical = name;
    std::string table;
    if (project_) {
      if (!prefix.empty() && present(prefix + logical))
        table = prefix + logical;
      else if (present("in_" + logical))
        table = "in_" + logical;
    } else if (present(logical)) {
      table = logical;
    }
    if (!table.empty()) layers_.emplace_back(logical, table);
  }
  for (const char* name : kTables) {
    const std::string t = project_ ? prefix + name : std::string(name);
    if (!prefix.empty() || !project_)
      if (present(t)) tables_.emplace_back(name, t);
  }
  if (layers_.empty())
    throw GisError(
        "holds no ParkAtlas map layers (parks, parcels …): open a project file or the "
        "results.gpkg of parkatlas run",
        {path});
  OGRLayer* first = layer_of(*ds, path, layers_.front().second);
  if (const OGRSpatialReference* srs = first->GetSpatialRef()) {
    char* wkt = nullptr;
    srs->exportToWkt(&wkt);
    crs_wkt_ = wkt ? wkt : "";
    CPLFree(wkt);
    const char* code = srs->GetAuthorityCode(nullptr);
    const char* auth = srs->GetAuthorityName(nullptr);
    crs_name_ = (auth && code ? std::string(auth) + ":" + code + " " : "") +
                (srs->GetName() ? srs->GetName() : "");
  }
}

std::string MapSource::table_of(const std::string& logical) const {
  for (const auto& [l, t] : layers_)
    if (l == logical) return t;
  for (const auto& [l, t] : tables_)
    if (l == logical) return t;
  return "";
}

MapLayerData MapSource::load(const std::string& logical, const MapLayerRequest& request,
                             const std::function<void(long long, long long)>& progress) const {
  const std::string table = table_of(logical);
  if (table.empty()) throw GisError("the results have no " + logical + " layer", {path_});
  auto ds = open_read(path_);
  OGRLayer* layer = layer_of(*ds, path_, table);
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  MapLayerData out;
  out.name = logical;
  out.table = table;
  // Only the fields the map needs are read (OGR skips the others).
  std::set<std::string> wanted(request.category_fields.begin(), request.category_fields.end());
  wanted.insert(request.number_fields.begin(), request.number_fields.end());
  if (!request.label_field.empty()) wanted.insert(request.label_field);
  std::vector<std::string> ignored;
  for (int k = 0; k < defn->GetFieldCount(); ++k)
    if (!wanted.count(defn->GetFieldDefn(k)->GetNameRef()))
      ignored.emplace_back(defn->GetFieldDefn(k)->GetNameRef());
  std::vector<const char*> ignored_c;
  for (const auto& s : ignored) ignored_c.push_back(s.c_str());
  ignored_c.push_back(nullptr);
  layer->SetIgnoredFields(ignored_c.data());

  std::vector<int> cat_index, num_index;
  std::vector<std::map<std::string, std::uint16_t>> dictionaries(request.category_fields.size());
  for (const auto& f : request.category_fields) {
    out.categories.push_back({f, {""}, {}});
    cat_index.push_back(defn->GetFieldIndex(f.c_str()));
  }
  for (const auto& f : request.number_fields) {
    out.numbers.push_back({f, {}});
    num_index.push_back(defn->GetFieldIndex(f.c_str()));
  }
  const int label_index =
      request.label_field.empty() ? -1 : defn->GetFieldIndex(request.label_field.c_str());
  const long long total = layer->GetFeatureCount(TRUE);
  out.boxes.reserve(static_cast<size_t>(std::max(0LL, total)));
  out.fids.reserve(out.boxes.capacity());
  long long done = 0;
  for (auto& f : *layer) {
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g || g->IsEmpty()) continue;
    const size_t before = out.xy.size();
    add_rings(g, out);
    if (out.xy.size() == before) continue;
    out.first_ring.push_back(static_cast<std::uint32_t>(out.ring_start.size() - 1));
    MapBox box;
    for (size_t v = before; v < out.xy.size(); v += 2) box.expand(out.xy[v], out.xy[v + 1]);
    out.boxes.push_back(box);
    out.extent.expand(box);
    out.fids.push_back(f->GetFID());
    for (size_t c = 0; c < cat_index.size(); ++c) {
      std::uint16_t code = 0;
      if (cat_index[c] >= 0 && f->IsFieldSetAndNotNull(cat_index[c])) {
        const std::string v = f->GetFieldAsString(cat_index[c]);
        auto [it, added] = dictionaries[c].try_emplace(
            v,
            static_cast<std::uint16_t>(std::min<size_t>(out.categories[c].values.size(), 65535)));
        if (added && out.categories[c].values.size() < 65535) out.categories[c].values.push_back(v);
        code = it->second;
      }
      out.categories[c].codes.push_back(code);
    }
    for (size_t c = 0; c < num_index.size(); ++c) {
      float v = std::nanf("");
      if (num_index[c] >= 0 && f->IsFieldSetAndNotNull(num_index[c]))
        v = static_cast<float>(f->GetFieldAsDouble(num_index[c]));
      out.numbers[c].values.push_back(v);
    }
    if (label_index >= 0)
      out.labels.emplace_back(
          f->IsFieldSetAndNotNull(label_index) ? f->GetFieldAsString(label_index) : "");
    if (progress && (++done % 50000 == 0)) progress(done, total);
  }
  if (progress) progress(total, total);
  return out;
}

std::vector<std::pair<std::string, std::string>> MapSource::attributes(const std::string& logical,
                                                                       long long fid) const {
  const std::string table = table_of(logical);
  if (table.empty()) return {};
  auto ds = open_read(path_);
  OGRLayer* layer = layer_of(*ds, path_, table);
  OGRFeatureUniquePtr f(layer->GetFeature(fid));
  if (!f) throw GisError("no such feature", {path_, table, fid});
  std::vector<std::pair<std::string, std::string>> out;
  for (int k = 0; k < f->GetFieldCount(); ++k)
    out.emplace_back(f->GetFieldDefnRef(k)->GetNameRef(), text_of(*f, k));
  return out;
}

PlainTable MapSource::table(const std::string& logical) const {
  PlainTable out;
  const std::string t = table_of(logical);
  if (t.empty()) return out;
  auto ds = open_read(path_);
  OGRLayer* layer = layer_of(*ds, path_, t);
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  for (int k = 0; k < defn->GetFieldCount(); ++k)
    out.columns.emplace_back(defn->GetFieldDefn(k)->GetNameRef());
  layer->SetIgnoredFields(std::vector<const char*>{"OGR_GEOMETRY", nullptr}.data());
  for (auto& f : *layer) {
    std::vector<std::string> row;
    row.reserve(out.columns.size());
    for (int k = 0; k < defn->GetFieldCount(); ++k) row.emplace_back(text_of(*f, k));
    out.rows.push_back(std::move(row));
  }
  return out;
}

struct LonLatTransform::Impl {
  OGRSpatialReference source, wgs84;
  struct Destroy {
    void operator()(OGRCoordinateTransformation* ct) const {
      OGRCoordinateTransformation::DestroyCT(ct);
    }
  };
  std::unique_ptr<OGRCoordinateTransformation, Destroy> ct;
};

LonLatTransform::LonLatTransform(const std::string& crs_wkt) {
  if (crs_wkt.empty()) return;
  auto impl = std::make_unique<Impl>();
  if (impl->source.importFromWkt(crs_wkt.c_str()) != OGRERR_NONE) return;
  impl->wgs84.SetWellKnownGeogCS("WGS84");
  impl->source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  impl->wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  impl->ct.reset(OGRCreateCoordinateTransformation(&impl->source, &impl->wgs84));
  if (impl->ct) impl_ = std::move(impl);
}

LonLatTransform::~LonLatTransform() = default;

bool LonLatTransform::to_lonlat(double x, double y, double& lon, double& lat) const {
  if (!impl_) return false;
  double xs = x, ys = y;
  if (!impl_->ct->Transform(1, &xs, &ys)) return false;
  lon = xs, lat = ys;
  return true;
}

}  // namespace parkatlas
