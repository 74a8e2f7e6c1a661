// Reading a layer once to filter, group and size it, then writing each group in its format.
#include "gis/export/layer_export.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include <cpl_string.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/row_filter.hpp"
#include "core/safe_file_name.hpp"
#include "gis/export/qml_style.hpp"
#include "gis/export/xlsx_writer.hpp"
#include "gis/gdal/gdal_setup.hpp"
#include "gis/gis_error.hpp"
#include "gis/io/atomic_file.hpp"
#include "gis/io/csv_writer.hpp"
#include "gis/io/raw_value.hpp"
#include "gis/io/vector_output.hpp"

namespace parkatlas {

namespace fs = std::filesystem;

std::optional<ExportFormat> parse_export_format(std::string_view name) {
  if (name == "shp" || name == "shapefile") return ExportFormat::shp;
  if (name == "gpkg" || name == "geopackage") return ExportFormat::gpkg;
  if (name == "geojson" || name == "json") return ExportFormat::geojson;
  if (name == "csv") return ExportFormat::csv;
  if (name == "xlsx" || name == "excel") return ExportFormat::xlsx;
  return std::nullopt;
}

std::string_view extension_of(ExportFormat f) {
  switch (f) {
    case ExportFormat::shp:
      return ".shp";
    case ExportFormat::gpkg:
      return ".gpkg";
    case ExportFormat::geojson:
      return ".geojson";
    case ExportFormat::csv:
      return ".csv";
    case ExportFormat::xlsx:
      return ".xlsx";
  }
  return "";
}

namespace {

constexpr int kMaxShapefileFields = 255;
const std::string kNoValue = "(none)";

struct SourceField {
  std::string name;
  OGRFieldType type;
};

Cell cell_of(OGRFeature& f, int i, OGRFieldType t) {
  if (!f.IsFieldSetAndNotNull(i)) return std::monostate{};
  switch (t) {
    case OFTInteger:
    case OFTInteger64:
      return static_cast<std::int64_t>(f.GetFieldAsInteger64(i));
    case OFTReal:
      return f.GetFieldAsDouble(i);
    case OFTDate: {
      int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
      float ss = 0;
      f.GetFieldAsDateTime(i, &y, &m, &d, &hh, &mm, &ss, &tz);
      return CivilDate{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
    }
    default:
      return std::string(f.GetFieldAsString(i));
  }
}

FilterValue filter_value(OGRFeature& f, int i, OGRFieldType t) {
  if (!f.IsFieldSetAndNotNull(i)) return std::monostate{};
  if (t == OFTInteger || t == OFTInteger64 || t == OFTReal) return f.GetFieldAsDouble(i);
  if (t == OFTDate) return iso_date_text(f, i);
  return std::string(f.GetFieldAsString(i));
}

// Shapefile widths: text as long as its longest value (DBF caps at 254 bytes).
struct DbfWidth {
  int width, precision;
};
DbfWidth dbf_width(OGRFieldType t, size_t longest_text, double largest) {
  switch (t) {
    // GDAL reads N fields back by width: under 10 digits Integer, up to 18 Integer64, then Real.
    case OFTInteger:
      return {9, 0};
    case OFTInteger64:
      return {18, 0};
    case OFTReal: {
      // 24 characters: sign, integer digits, point and as many decimals as still fit (at most
      // 15), so 1,208,876,985.75 keeps 12 decimals instead of overflowing the field.
      int digits = largest >= 1 ? static_cast<int>(std::floor(std::log10(largest))) + 1 : 1;
      return {24, std::clamp(24 - 2 - digits, 0, 15)};
    }
    case OFTDate:
      return {8, 0};
    default:
      return {static_cast<int>(std::clamp<size_t>(longest_text, 1, 254)), 0};
  }
}

struct Plan {
  std::map<std::string, std::vector<GIntBig>> groups;  // split value -> fids in read order
  std::map<GIntBig, long long> shp_bytes;              // Shapefile record size estimate
  std::vector<size_t> longest;                         // bytes in the target encoding
  std::vector<double> largest;                         // largest |value| of number fields
  long long too_long = 0;                              // text values past 254 bytes
};

std::string with_extension(const std::string& path, ExportFormat f) {
  fs::path p(path);
  if (p.extension() != extension_of(f)) p += std::string(extension_of(f));
  return p.string();
}

// Moves every file of `from` into `to_dir` (replacing), then removes `from`.
void move_all(const fs::path& from, const fs::path& to_dir) {
  for (const auto& e : fs::directory_iterator(from)) {
    std::error_code ec;
    fs::rename(e.path(), to_dir / e.path().filename(), ec);
    if (ec)
      throw GisError("cannot move the finished file into place: " + ec.message(),
                     {(to_dir / e.path().filename()).string()});
  }
  fs::remove_all(from);
}

class ExportJob {
 public:
  ExportJob(const ExportOptions& o, ExportResult& r) : o_(o), r_(r) {}

  void run() {
    ensure_gdal_registered();
    ds_.reset(GDALDataset::Open(o_.source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds_) throw GisError("cannot open: " + std::string(CPLGetLastErrorMsg()), {o_.source});
    layer_ = ds_->GetLayerByName(o_.layer.c_str());
    if (!layer_) {
      std::string names;
      for (auto* l : ds_->GetLayers())
        names += (names.empty() ? "" : ", ") + std::string(l->GetName());
      throw GisError("no layer '" + o_.layer + "' (layers: " + names + ")", {o_.source});
    }
    OGRFeatureDefn* defn = layer_->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
      fields_.push_back({defn->GetFieldDefn(i)->GetNameRef(), defn->GetFieldDefn(i)->GetType()});
    resolve_filter();
    resolve_split();
    if (o_.format == ExportFormat::shp) plan_shapefile_names();
    read_plan();
    if (o_.format == ExportFormat::shp && plan_.too_long > 0)
      r_.warnings.push_back(std::to_string(plan_.too_long) +
                            " text value(s) longer than 254 bytes were cut: a DBF field holds no "
                            "more (use --format gpkg to keep them whole)");
    write_groups();
  }

 private:
  const ExportOptions& o_;
  ExportResult& r_;
  GDALDatasetUniquePtr ds_;
  OGRLayer* layer_ = nullptr;
  std::vector<SourceField> fields_;
  std::optional<RowFilter> filter_;
  std::vector<int> filter_fields_;
  int split_field_ = -1;
  bool split_via_parks_ = false;                   // county/city looked up by park_id
  std::map<std::string, std::string> park_group_;  // park_id -> county or city
  Plan plan_;
  long long written_ = 0;

  ErrorContext where() const { return {o_.source, o_.layer}; }

  int field_index(const std::string& name) const {
    for (size_t i = 0; i < fields_.size(); ++i)
      if (fields_[i].name == name) return static_cast<int>(i);
    return -1;
  }
  std::string field_list() const {
    std::string s;
    for (const auto& f : fields_) s += (s.empty() ? "" : ", ") + f.name;
    return s;
  }

  void resolve_filter() {
    if (o_.where.empty()) return;
    auto parsed = RowFilter::parse(o_.where);
    if (!parsed.filter) throw GisError("--where: " + parsed.error, where());
    for (const auto& name : parsed.filter->fields()) {
      int i = field_index(name);
      if (i < 0)
        throw GisError("--where: no field '" + name + "' (fields: " + field_list() + ")", where());
      filter_fields_.push_back(i);
    }
    filter_ = std::move(parsed.filter);
  }

  void resolve_split() {
    if (o_.split_by.empty()) return;
    std::vector<std::string> candidates = {o_.split_by};
    if (o_.split_by == "park") candidates = {"park_id", "park"};
    if (o_.split_by == "district") candidates = {"district_id", "district"};
    for (const auto& c : candidates)
      if ((split_field_ = field_index(c)) >= 0) return;
    // Parcels carry no county or city of their own: they take their park's, from the parks
    // layer beside them (parks, or run_<n>_parks in a project).
    const int park_field = field_index("park_id");
    if ((o_.split_by == "county" || o_.split_by == "city") && park_field >= 0) {
      std::string parks_name = "parks";
      if (o_.layer.rfind("run_", 0) == 0)
        parks_name = o_.layer.substr(0, o_.layer.rfind('_') + 1) + "parks";
      if (OGRLayer* parks = ds_->GetLayerByName(parks_name.c_str());
          parks && parks->GetLayerDefn()->GetFieldIndex(o_.split_by.c_str()) >= 0) {
        const int group = parks->GetLayerDefn()->GetFieldIndex(o_.split_by.c_str());
        for (auto& p : *parks)
          if (p->IsFieldSetAndNotNull(group))
            park_group_[p->GetFieldAsString("park_id")] = p->GetFieldAsString(group);
        split_field_ = park_field;
        split_via_parks_ = true;
        return;
      }
    }
    throw GisError("--split-by " + o_.split_by +
                       ": the layer has no such field, nor a parks layer beside it to look it up "
                       "by park_id (fields: " +
                       field_list() + ")",
                   where());
  }

  void plan_shapefile_names() {
    if (fields_.size() > kMaxShapefileFields)
      throw GisError("the layer has " + std::to_string(fields_.size()) +
                         " fields; a Shapefile (dBase) holds at most 255. Export to GeoPackage, "
                         "or choose fields in a copy of the layer",
                     where());
    std::vector<std::string> names;
    for (const auto& f : fields_) names.push_back(f.name);
    r_.names = shapefile_field_names(names, o_.encoding);
  }

  void read_plan() {
    plan_.longest.assign(fields_.size(), 0);
    plan_.largest.assign(fields_.size(), 0.0);
    layer_->ResetReading();
    for (auto& f : *layer_) {
      ++r_.read;
      if (filter_) {
        bool keep = filter_->matches([&](size_t k) {
          const int i = filter_fields_[k];
          return filter_value(*f, i, fields_[static_cast<size_t>(i)].type);
        });
        if (!keep) continue;
      }
      ++r_.matched;
      std::string key;
      if (split_field_ >= 0)
        key = f->IsFieldSetAndNotNull(split_field_) ? f->GetFieldAsString(split_field_) : kNoValue;
      if (split_via_parks_) {
        auto it = park_group_.find(key);
        key = it == park_group_.end() ? kNoValue : it->second;
      }
      plan_.groups[key].push_back(f->GetFID());
      if (o_.format != ExportFormat::shp) continue;
      const OGRGeometry* g = f->GetGeometryRef();
      plan_.shp_bytes[f->GetFID()] = 8 + 44 + (g ? static_cast<long long>(g->WkbSize()) : 0);
      for (size_t i = 0; i < fields_.size(); ++i) {
        const int fi = static_cast<int>(i);
        if (!f->IsFieldSetAndNotNull(fi)) continue;
        if (fields_[i].type == OFTReal) {
          plan_.largest[i] = std::max(plan_.largest[i], std::fabs(f->GetFieldAsDouble(fi)));
          continue;
        }
        if (field_type(fields_[i].type) != FieldType::text) continue;
        const size_t n = encoded_length(f->GetFieldAsString(fi), o_.encoding);
        plan_.longest[i] = std::max(plan_.longest[i], n);
        if (n > 254) ++plan_.too_long;
      }
    }
  }

  fs::path target_for(const std::string& group, std::map<std::string, int>& used) const {
    if (o_.split_by.empty()) return with_extension(o_.out, o_.format);
    // Features without a value go to "no_<field>" (e.g. no_park_id: outside every park).
    auto named = o_.group_file_names.find(group);
    std::string stem =
        named != o_.group_file_names.end() ? safe_file_name(named->second)
        : group == kNoValue
            ? "no_" + safe_file_name(split_via_parks_
                                         ? o_.split_by
                                         : fields_[static_cast<size_t>(split_field_)].name)
            : safe_file_name(group);
    if (int n = ++used[stem]; n > 1) stem += "_" + std::to_string(n);  // "a/b" and "a_b"
    return fs::path(o_.out) / (stem + std::string(extension_of(o_.format)));
  }

  void write_groups() {
    if (!o_.split_by.empty()) fs::create_directories(o_.out);
    std::map<std::string, int> used;
    if (plan_.groups.empty() && o_.split_by.empty()) plan_.groups[""];  // an empty export
    for (const auto& [group, fids] : plan_.groups) {
      ExportedFile file;
      file.group = group;
      file.path = target_for(group, used).string();
      fs::path parent = fs::path(file.path).parent_path();
      if (!parent.empty()) fs::create_directories(parent);
      switch (o_.format) {
        case ExportFormat::shp:
          write_shapefile(fids, file);
          break;
        case ExportFormat::gpkg:
        case ExportFormat::geojson:
          write_gdal(fids, file);
          break;
        case ExportFormat::csv:
          write_csv_file(fids, file);
          break;
        case ExportFormat::xlsx:
          write_xlsx_file(fids, file);
          break;
      }
      if (o_.style && o_.format != ExportFormat::csv && o_.format != ExportFormat::xlsx &&
          layer_->GetGeomType() != wkbNone)
        write_style(file);
      r_.files.push_back(std::move(file));
    }
  }

  OGRFeatureUniquePtr fetch(GIntBig fid) {
    OGRFeatureUniquePtr f(layer_->GetFeature(fid));
    if (!f)
      throw GisError("cannot read the feature again: " + std::string(CPLGetLastErrorMsg()),
                     {o_.source, o_.layer, static_cast<long long>(fid)});
    return f;
  }

  void create_fields(OGRLayer* out, bool shapefile) {
    for (size_t i = 0; i < fields_.size(); ++i) {
      const std::string& name = shapefile ? r_.names[i].short_name : fields_[i].name;
      OGRFieldDefn d(name.c_str(), fields_[i].type);
      if (shapefile) {
        DbfWidth w = dbf_width(fields_[i].type, plan_.longest[i], plan_.largest[i]);
        d.SetWidth(w.width);
        d.SetPrecision(w.precision);
      }
      if (out->CreateField(&d, FALSE) != OGRERR_NONE)
        throw GisError("cannot create field: " + std::string(CPLGetLastErrorMsg()),
                       {o_.out, o_.layer, -1, fields_[i].name});
    }
  }

  // The crash-safety tests kill the export here, mid-file (SIGKILL: no cleanup runs).
  void maybe_abort() {
    if (o_.abort_after >= 0 && ++written_ > o_.abort_after) ::raise(SIGKILL);
  }

  void copy_feature(OGRLayer* out, OGRFeature& src) {
    maybe_abort();
    OGRFeature f(out->GetLayerDefn());
    std::vector<int> map(fields_.size());
    for (size_t i = 0; i < map.size(); ++i) map[i] = static_cast<int>(i);
    if (f.SetFrom(&src, map.data(), TRUE) != OGRERR_NONE || out->CreateFeature(&f) != OGRERR_NONE)
      throw GisError("cannot write: " + std::string(CPLGetLastErrorMsg()),
                     {o_.source, o_.layer, static_cast<long long>(src.GetFID())});
  }

  long long dbf_record_bytes() const {
    long long n = 1;
    for (size_t i = 0; i < fields_.size(); ++i)
      n += dbf_width(fields_[i].type, plan_.longest[i], plan_.largest[i]).width;
    return n;
  }

  void write_shapefile(const std::vector<GIntBig>& fids, ExportedFile& file) {
    const fs::path target(file.path);
    const std::string stem = target.stem().string();
    // Parts: a new one starts before the .shp or the .dbf would pass the limit.
    std::vector<std::pair<size_t, size_t>> parts;  // [begin, end) into fids
    const long long dbf_header = 32 + 32 * static_cast<long long>(fields_.size()) + 1;
    const long long record = dbf_record_bytes();
    long long shp = 100, dbf = dbf_header;
    size_t begin = 0;
    for (size_t k = 0; k < fids.size(); ++k) {
      const long long s = plan_.shp_bytes[fids[k]];
      if (k > begin &&
          (shp + s > o_.shapefile_part_bytes || dbf + record > o_.shapefile_part_bytes)) {
        parts.emplace_back(begin, k);
        begin = k;
        shp = 100;
        dbf = dbf_header;
      }
      shp += s;
      dbf += record;
    }
    parts.emplace_back(begin, fids.size());

    const fs::path tmp =
        target.parent_path() / (".parkatlas-export-" + std::to_string(::getpid()) + "-" + stem);
    // Folders of exports of this name killed before they finished.
    remove_stale_temporaries(target.parent_path(), ".parkatlas-export-", "-" + stem);
    fs::remove_all(tmp);
    fs::create_directories(tmp);
    struct Cleanup {
      fs::path dir;
      ~Cleanup() {
        std::error_code ec;
        fs::remove_all(dir, ec);
      }
    } cleanup{tmp};
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    for (size_t p = 0; p < parts.size(); ++p) {
      const std::string part_stem = parts.size() == 1 ? stem : stem + "_" + std::to_string(p + 1);
      const std::string path = (tmp / (part_stem + ".shp")).string();
      GDALDatasetUniquePtr out(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
      if (!out) throw GisError("cannot create: " + std::string(CPLGetLastErrorMsg()), {file.path});
      CPLStringList lco;
      lco.SetNameValue("ENCODING", o_.encoding.c_str());
      OGRLayer* l = out->CreateLayer(part_stem.c_str(), layer_->GetSpatialRef(),
                                     layer_->GetGeomType(), lco.List());
      if (!l) throw GisError("cannot create: " + std::string(CPLGetLastErrorMsg()), {file.path});
      create_fields(l, true);
      for (size_t k = parts[p].first; k < parts[p].second; ++k) {
        OGRFeatureUniquePtr f = fetch(fids[k]);
        copy_feature(l, *f);
        ++file.features;
      }
      out.reset();
      if (parts.size() > 1) {
        const std::string final_path = (target.parent_path() / (part_stem + ".shp")).string();
        if (p == 0)
          file.path = final_path;
        else
          file.parts.push_back(final_path);
      }
    }
    move_all(tmp, target.parent_path());
    // The name mapping, beside the file.
    file.fields_csv = (target.parent_path() / (stem + ".fields.csv")).string();
    AtomicFile csv(file.fields_csv);
    {
      std::ofstream out(csv.temp_path(), std::ios::binary);
      out << "\xEF\xBB\xBF"
          << "field,shapefile_name,renamed\n";
      for (const auto& n : r_.names)
        out << csv_field(n.original) << "," << csv_field(n.short_name) << ","
            << (n.changed ? "yes" : "no") << "\n";
      if (!out) throw GisError("cannot write", {file.fields_csv});
    }
    csv.commit();
  }

  void write_gdal(const std::vector<GIntBig>& fids, ExportedFile& file) {
    const bool geojson = o_.format == ExportFormat::geojson;
    AtomicFile target(file.path);
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(geojson ? "GeoJSON" : "GPKG");
    GDALDatasetUniquePtr out(
        drv->Create(target.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!out) throw GisError("cannot create: " + std::string(CPLGetLastErrorMsg()), {file.path});
    CPLStringList lco;
    if (geojson) {
      lco.SetNameValue("RFC7946", "YES");  // WGS 84 lon/lat, as the RFC requires
      // Every digit a double holds: the default 7 decimals (about 1 cm) would change a 100 m
      // parcel's area by 1e-4, and an export must not lose anything.
      lco.SetNameValue("COORDINATE_PRECISION", "15");
    }
    OGRLayer* l = out->CreateLayer(o_.layer.c_str(), layer_->GetSpatialRef(), layer_->GetGeomType(),
                                   lco.List());
    if (!l) throw GisError("cannot create: " + std::string(CPLGetLastErrorMsg()), {file.path});
    create_fields(l, false);
    const bool transactions = out->StartTransaction() == OGRERR_NONE;
    for (GIntBig fid : fids) {
      OGRFeatureUniquePtr f = fetch(fid);
      copy_feature(l, *f);
      ++file.features;
    }
    if (transactions && out->CommitTransaction() != OGRERR_NONE)
      throw GisError("cannot commit: " + std::string(CPLGetLastErrorMsg()), {file.path});
    CPLErrorReset();
    GDALClose(GDALDataset::ToHandle(out.release()));
    if (CPLGetLastErrorType() == CE_Failure)
      throw GisError("closing failed: " + std::string(CPLGetLastErrorMsg()), {file.path});
    target.commit();
  }

  void write_csv_file(const std::vector<GIntBig>& fids, ExportedFile& file) {
    AtomicFile target(file.path);
    {
      std::ofstream out(target.temp_path(), std::ios::binary);
      out << "\xEF\xBB\xBF";
      for (size_t i = 0; i < fields_.size(); ++i)
        out << (i ? "," : "") << csv_field(Cell{fields_[i].name});
      out << "\n";
      for (GIntBig fid : fids) {
        OGRFeatureUniquePtr f = fetch(fid);
        maybe_abort();
        for (size_t i = 0; i < fields_.size(); ++i)
          out << (i ? "," : "") << csv_field(cell_of(*f, static_cast<int>(i), fields_[i].type));
        out << "\n";
        ++file.features;
      }
      if (!out) throw GisError("cannot write", {file.path});
    }
    target.commit();
  }

  void write_xlsx_file(const std::vector<GIntBig>& fids, ExportedFile& file) {
    AtomicFile target(file.path);
    std::vector<XlsxColumn> columns;
    for (const auto& f : fields_) columns.push_back({f.name, field_type(f.type)});
    size_t next = 0;
    std::vector<Cell> row(fields_.size());
    file.features = write_xlsx(target.temp_path(), o_.layer, columns, [&](std::vector<Cell>& out) {
      if (next >= fids.size()) return false;
      OGRFeatureUniquePtr f = fetch(fids[next++]);
      maybe_abort();
      out.resize(fields_.size());
      for (size_t i = 0; i < fields_.size(); ++i)
        out[i] = cell_of(*f, static_cast<int>(i), fields_[i].type);
      return true;
    });
    target.commit();
  }

  void write_style(ExportedFile& file) {
    std::vector<std::string> names;
    for (size_t i = 0; i < fields_.size(); ++i)
      names.push_back(o_.format == ExportFormat::shp ? r_.names[i].short_name : fields_[i].name);
    std::vector<std::string> originals;
    for (const auto& f : fields_) originals.push_back(f.name);
    const std::string qml = qml_for_layer(o_.layer, originals, names, o_.style_theme);
    if (qml.empty()) return;
    std::vector<std::string> paths = {file.path};
    paths.insert(paths.end(), file.parts.begin(), file.parts.end());
    for (const auto& p : paths) {
      const std::string path = fs::path(p).replace_extension(".qml").string();
      AtomicFile out(path);
      std::ofstream(out.temp_path(), std::ios::binary) << qml;
      out.commit();
      if (file.qml.empty()) file.qml = path;
    }
  }
};

}  // namespace

ExportResult export_layer(const ExportOptions& options) {
  ExportResult r;
  ExportJob(options, r).run();
  return r;
}

}  // namespace parkatlas
