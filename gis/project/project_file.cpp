// Building, checking and analysing a project file through GDAL's SQLite/SpatiaLite driver. Every
// SQL statement here is a constant of ours; values go through OGR features (bound by GDAL).
#include "gis/project/project_file.hpp"

#include <openssl/evp.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "gis/analysis/project_inputs.hpp"
#include "gis/config/rule_set_file.hpp"
#include "gis/config/toml_reading.hpp"
#include "gis/gdal/gdal_setup.hpp"
#include "gis/gis_error.hpp"
#include "gis/io/results_writer.hpp"
#include "gis/io/vector_output.hpp"

namespace parkatlas {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFormat = "parkatlas-project 1";
constexpr const char* kProgram = "parkatlas 0.1.0";

const char* table_of(LayerKind k) {
  switch (k) {
    case LayerKind::parks:
      return "in_parks";
    case LayerKind::parcels:
      return "in_parcels";
    case LayerKind::buildings:
      return "in_buildings";
    case LayerKind::approval_batches:
      return "in_approval_batches";
    case LayerKind::constraints:
      return "in_constraints";
    case LayerKind::districts:
      return "in_districts";
  }
  return "in_other";
}

std::string now_iso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// SHA-256 of a file source (OpenSSL); "" for connection strings and folders.
std::string sha256_of_file(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return "";
  std::ifstream in(path, std::ios::binary);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) return "";
  std::vector<char> buf(1 << 20);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    if (in.gcount() > 0) EVP_DigestUpdate(ctx.get(), buf.data(), static_cast<size_t>(in.gcount()));
  }
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(ctx.get(), md, &n);
  std::string hex;
  char b[3];
  for (unsigned int i = 0; i < n; ++i) {
    std::snprintf(b, sizeof b, "%02x", md[i]);
    hex += b;
  }
  return hex;
}

// Triggers and views in the file, one line each ("trigger name sqlhash"), sorted: what ParkAtlas
// (through GDAL and SpatiaLite) wrote. A project whose list differs was edited elsewhere, and its
// triggers would run statements we did not write.
std::string schema_objects(GDALDataset& ds) {
  std::string text;
  OGRLayer* rs = ds.ExecuteSQL(
      "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY "
      "type, name",
      nullptr, nullptr);
  if (!rs) throw GisError("cannot list the project's triggers", {ds.GetDescription()});
  for (auto& f : *rs)
    text += std::string(f->GetFieldAsString(0)) + " " + f->GetFieldAsString(1) + " " +
            text_hash(f->GetFieldAsString(2)) + "\n";
  ds.ReleaseResultSet(rs);
  return text;
}

std::map<std::string, std::string> read_info(GDALDataset& ds, const std::string& path) {
  OGRLayer* info = ds.GetLayerByName("project_info");
  if (!info) throw GisError("not a ParkAtlas project (no project_info table)", {path});
  std::map<std::string, std::string> m;
  info->ResetReading();
  for (auto& f : *info) m[f->GetFieldAsString("key")] = f->GetFieldAsString("value");
  if (m["format"] != kFormat)
    throw GisError("not a ParkAtlas project of a known format ('" + m["format"] + "')", {path});
  return m;
}

void set_info(GDALDataset& ds, const std::string& key, const std::string& value) {
  OGRLayer* info = ds.GetLayerByName("project_info");
  info->ResetReading();
  for (auto& f : *info) {
    if (key != f->GetFieldAsString("key")) continue;
    f->SetField("value", value.c_str());
    if (info->SetFeature(f.get()) != OGRERR_NONE)
      throw GisError("cannot update project_info." + key, {ds.GetDescription()});
    return;
  }
  OGRFeature f(info->GetLayerDefn());
  f.SetField("key", key.c_str());
  f.SetField("value", value.c_str());
  if (info->CreateFeature(&f) != OGRERR_NONE)
    throw GisError("cannot write project_info." + key, {ds.GetDescription()});
}

void check_integrity(GDALDataset& ds, const std::string& path,
                     const std::map<std::string, std::string>& info) {
  auto it = info.find("schema_objects");
  const std::string now = schema_objects(ds);
  if (it != info.end() && it->second == now) return;
  std::set<std::string> known;
  if (it != info.end()) {
    size_t start = 0;
    for (size_t nl; (nl = it->second.find('\n', start)) != std::string::npos; start = nl + 1)
      known.insert(it->second.substr(start, nl - start));
  }
  std::string strange;
  size_t start = 0;
  for (size_t nl; (nl = now.find('\n', start)) != std::string::npos; start = nl + 1) {
    std::string line = now.substr(start, nl - start);
    if (!known.count(line))
      strange += (strange.empty() ? "" : ", ") + line.substr(0, line.rfind(' '));
  }
  throw GisError("the project was changed outside ParkAtlas (" +
                     (strange.empty() ? std::string("triggers or views were removed")
                                      : "not written by ParkAtlas: " + strange) +
                     "); refusing to run statements it did not write. Re-create it with "
                     "parkatlas init",
                 {path});
}

// After a crash mid-write SQLite leaves a hot journal, which only a writable connection rolls back:
// open the project once for update so that the interrupted transaction is undone.
void recover_after_crash(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path + "-journal", ec)) return;
  const char* drivers[] = {"SQLite", nullptr};
  GDALDatasetUniquePtr ds(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers));
  if (ds) (void)ds->GetLayerCount();
}

GDALDatasetUniquePtr open_project(const std::string& path, bool update) {
  ensure_gdal_registered();
  recover_after_crash(path);
  const char* drivers[] = {"SQLite", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(
      path.c_str(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY), drivers));
  if (!ds) throw GisError("cannot open the project: " + std::string(CPLGetLastErrorMsg()), {path});
  return ds;
}

std::vector<OutField> fields_of_layer(const LayerData& d) {
  std::vector<OutField> f;
  for (const Column& c : d.canonical)
    if (!c.name().empty()) f.push_back({c.name(), c.type()});
  for (const Column& c : d.extra) f.push_back({c.name(), c.type()});
  f.push_back({"src_fid", FieldType::integer});
  return f;
}

void write_layer_data(VectorOutput& out, const char* table, const LayerData& d,
                      const MeasuringCrs& m, const GeosContext& g) {
  OutputLayer& l = out.add_layer(table, &m.srs, wkbMultiPolygon, fields_of_layer(d));
  for (size_t i = 0; i < d.size(); ++i) {
    size_t c = 0;
    for (const Column& col : d.canonical)
      if (!col.name().empty()) l.set(c++, col.cell(i));
    for (const Column& col : d.extra) l.set(c++, col.cell(i));
    l.set(c++, static_cast<std::int64_t>(d.fids[i]));
    l.set_geometry(g, d.geoms[i].get());
    l.write();
  }
}

OutputLayer& text_table(VectorOutput& out, const char* name,
                        const std::vector<std::pair<std::string, FieldType>>& fields) {
  std::vector<OutField> f;
  for (const auto& [n, t] : fields) f.push_back({n, t});
  return out.add_layer(name, nullptr, wkbNone, f);
}

std::string mapping_text(const LayerReport& r) {
  std::string s;
  for (const auto& f : r.fields)
    if (!f.source.empty()) s += (s.empty() ? "" : "; ") + f.canonical + " <- " + f.source;
  return s;
}

}  // namespace

InitResult init_project(const std::string& config_path, const std::string& rules_name,
                        const std::string& project_path, Progress& progress) {
  const std::string config_text = read_text_file(config_path);
  ProjectConfig config = parse_project_config(config_text, config_path);
  const std::string rules_file = rule_set_file(rules_name.empty() ? config.rules : rules_name);
  const std::string rules_text = read_text_file(rules_file);
  RuleSet rules = parse_rule_set(rules_text, rules_file);  // validated before anything is written

  GeosContext geos;
  ProblemList problems;
  ProjectInputs in = load_project_inputs(config, geos, problems, progress);
  InitResult result;
  result.project = project_path;
  result.measuring_crs =
      (in.measuring.epsg ? "EPSG:" + std::to_string(in.measuring.epsg) : std::string()) + " " +
      in.measuring.name;

  VectorOutput out(project_path, "SQLite", {"SPATIALITE=YES"});
  out.begin_batch();
  if (in.parks) write_layer_data(out, table_of(LayerKind::parks), *in.parks, in.measuring, geos);
  write_layer_data(out, table_of(LayerKind::parcels), in.parcels, in.measuring, geos);
  if (in.batches)
    write_layer_data(out, table_of(LayerKind::approval_batches), *in.batches, in.measuring, geos);
  if (in.constraints)
    write_layer_data(out, table_of(LayerKind::constraints), *in.constraints, in.measuring, geos);
  if (in.buildings_reader) {
    LayerReader& reader = *in.buildings_reader;
    std::vector<OutField> fields;
    std::vector<int> mapped;
    const auto& canon = canonical_fields(LayerKind::buildings);
    for (int c : reader.mapped_canonical()) {
      fields.push_back({canon[static_cast<size_t>(c)].name, canon[static_cast<size_t>(c)].type});
      mapped.push_back(c);
    }
    for (const auto& [n, t] : reader.extra_fields()) fields.push_back({n, t});
    fields.push_back({"src_fid", FieldType::integer});
    OutputLayer& l =
        out.add_layer(table_of(LayerKind::buildings), &in.measuring.srs, wkbMultiPolygon, fields);
    progress.begin("importing buildings", reader.report().features_in_source);
    long long n = 0;
    reader.for_each(in.measuring, geos, [&](FeatureRow& row) {
      if (++n % 65536 == 0) progress.advance(n);
      size_t c = 0;
      for (int k : mapped) l.set(c++, row.canonical[static_cast<size_t>(k)]);
      for (const Cell& v : row.extra) l.set(c++, v);
      l.set(c++, static_cast<std::int64_t>(row.fid));
      l.set_geometry(geos, row.geometry.get());
      l.write();
    });
    progress.end();
  }

  using T = FieldType;
  OutputLayer& log = text_table(out, "import_log",
                                {{"kind", T::text},
                                 {"tbl", T::text},
                                 {"source", T::text},
                                 {"src_layer", T::text},
                                 {"driver", T::text},
                                 {"sha256", T::text},
                                 {"encoding", T::text},
                                 {"crs", T::text},
                                 {"in_source", T::integer},
                                 {"imported", T::integer},
                                 {"skipped", T::integer},
                                 {"repaired", T::integer},
                                 {"rejected", T::integer},
                                 {"mapping", T::text}});
  for (const auto* r : in.reports()) {
    auto kind = parse_layer_kind(r->kind);
    ImportedLayer il{r->kind,
                     kind ? table_of(*kind) : "",
                     r->source,
                     sha256_of_file(r->source),
                     r->features_in_source,
                     r->features_read,
                     r->features_skipped};
    const std::vector<Cell> row = {
        il.kind,
        il.table,
        il.source,
        r->layer,
        r->driver,
        il.sha256,
        r->encoding ? r->encoding->encoding + " [" + r->encoding->decided_by + "]" : std::string(),
        r->source_crs + " [" + r->crs_decided_by + "]",
        static_cast<std::int64_t>(il.features_in_source),
        static_cast<std::int64_t>(il.imported),
        static_cast<std::int64_t>(il.skipped),
        static_cast<std::int64_t>(r->geometries_repaired),
        static_cast<std::int64_t>(r->values_rejected),
        mapping_text(*r)};
    for (size_t c = 0; c < row.size(); ++c) log.set(c, row[c]);
    log.write();
    result.layers.push_back(il);
  }
  auto pcols = problem_columns(problems);
  OutputLayer& pl = out.add_layer("import_problems", nullptr, wkbNone, fields_of(pcols));
  for (size_t i = 0; i < problems.size(); ++i) {
    for (size_t c = 0; c < pcols.size(); ++c) pl.set(c, pcols[c].value(i));
    pl.write();
  }
  result.problems = static_cast<long long>(problems.size());

  text_table(out, "runs",
             {{"run_id", T::integer},
              {"started", T::text},
              {"as_of", T::date},
              {"rule_set", T::text},
              {"rule_hash", T::text},
              {"program", T::text},
              {"parcels", T::integer},
              {"problems", T::integer},
              {"tables", T::text}});
  OutputLayer& info = text_table(out, "project_info", {{"key", T::text}, {"value", T::text}});
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"format", kFormat},
      {"program", kProgram},
      {"created", now_iso()},
      {"name", config.name},
      {"config_path", fs::absolute(config_path).string()},
      {"config_text", config_text},
      {"rules_file", rules_file},
      {"rules_text", rules_text},
      {"rules_hash", rules.text_hash},
      {"measuring_crs", in.measuring.epsg ? "EPSG:" + std::to_string(in.measuring.epsg) : ""},
      {"measuring_method", in.measuring.method},
  };
  for (const auto& [k, v] : rows) {
    info.set(0, k);
    info.set(1, v);
    info.write();
  }
  set_info(out.dataset(), "schema_objects", schema_objects(out.dataset()));
  out.end_batch();
  out.commit();
  return result;
}

std::vector<RunRecord> project_runs(const std::string& project) {
  GDALDatasetUniquePtr ds = open_project(project, false);
  check_integrity(*ds, project, read_info(*ds, project));
  std::vector<RunRecord> runs;
  OGRLayer* l = ds->GetLayerByName("runs");
  if (!l) throw GisError("not a ParkAtlas project (no runs table)", {project});
  for (auto& f : *l)
    runs.push_back({f->GetFieldAsInteger64("run_id"), f->GetFieldAsString("started"),
                    f->GetFieldAsString("as_of"), f->GetFieldAsString("rule_set"),
                    f->GetFieldAsString("rule_hash"), f->GetFieldAsString("program"),
                    f->GetFieldAsInteger64("parcels"), f->GetFieldAsInteger64("problems")});
  std::sort(runs.begin(), runs.end(),
            [](const RunRecord& a, const RunRecord& b) { return a.run_id < b.run_id; });
  return runs;
}

RunResult analyze_project(const std::string& project, const AnalyzeOptions& options,
                          Progress& progress, RunRecord* record) {
  ProjectConfig config;
  RuleSet rules;
  long long run_id = 1;
  {
    GDALDatasetUniquePtr ds = open_project(project, false);
    auto info = read_info(*ds, project);
    check_integrity(*ds, project, info);
    config = parse_project_config(info["config_text"], info["config_path"]);
    // Every layer now comes from the project: canonical names, UTF-8, measuring CRS, repaired.
    for (auto it = config.layers.begin(); it != config.layers.end();) {
      LayerConfig& lc = it->second;
      if (!ds->GetLayerByName(table_of(lc.kind))) {
        it = config.layers.erase(it);
        continue;
      }
      lc.source = project;
      lc.layer = table_of(lc.kind);
      lc.fields.clear();
      lc.units.clear();
      lc.crs.clear();
      lc.encoding.clear();
      ++it;
    }
    config.measuring_crs = info["measuring_crs"];
    if (!options.evaluation_model.empty()) config.evaluation_model = options.evaluation_model;
    rules = options.rules.empty() ? parse_rule_set(info["rules_text"], info["rules_file"])
                                  : load_rule_set(options.rules);
    for (auto& f : *ds->GetLayerByName("runs"))
      run_id = std::max(run_id, f->GetFieldAsInteger64("run_id") + 1);
  }
  RunOptions ro;
  ro.project = project;
  ro.layer_prefix = "run_" + std::to_string(run_id) + "_";
  ro.out_dir = options.csv_dir;
  ro.as_of =
      options.as_of ? *options.as_of
      : config.as_of
          ? *config.as_of
          : from_sys_days(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  ro.write_buildings = false;
  RunRecord rec;
  ro.before_commit = [&](GDALDataset& ds, const RunResult& r) {
    OGRLayer* runs = ds.GetLayerByName("runs");
    OGRFeature f(runs->GetLayerDefn());
    rec = {run_id,      now_iso(), to_iso(ro.as_of),   r.rule_set,
           r.rule_hash, kProgram,  r.parcels_analysed, r.problems};
    f.SetField("run_id", static_cast<GIntBig>(run_id));
    f.SetField("started", rec.started.c_str());
    f.SetField("as_of", ro.as_of.year, static_cast<int>(ro.as_of.month),
               static_cast<int>(ro.as_of.day));
    f.SetField("rule_set", r.rule_set.c_str());
    f.SetField("rule_hash", r.rule_hash.c_str());
    f.SetField("program", kProgram);
    f.SetField("parcels", static_cast<GIntBig>(r.parcels_analysed));
    f.SetField("problems", static_cast<GIntBig>(r.problems));
    std::string tables;
    for (const auto& l : r.layers_written)
      tables += (tables.empty() ? "" : " ") + ro.layer_prefix + l;
    f.SetField("tables", tables.c_str());
    if (runs->CreateFeature(&f) != OGRERR_NONE)
      throw GisError("cannot record the run: " + std::string(CPLGetLastErrorMsg()), {project});
    set_info(ds, "schema_objects", schema_objects(ds));
  };
  RunResult result = run_analysis(config, rules, ro, progress);
  if (record) *record = rec;
  return result;
}

std::string project_layer_name(const std::string& source, const std::string& layer,
                               std::optional<long long> run) {
  std::error_code ec;
  if (!fs::is_regular_file(source, ec)) return layer;
  ensure_gdal_registered();
  recover_after_crash(source);
  const char* drivers[] = {"SQLite", nullptr};
  GDALDatasetUniquePtr ds(
      GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
  if (!ds || !ds->GetLayerByName("project_info")) {
    if (run) throw GisError("--run applies to project files only", {source});
    return layer;
  }
  check_integrity(*ds, source, read_info(*ds, source));
  if (layer.rfind("in_", 0) == 0 || layer.rfind("run_", 0) == 0 || layer == "import_log" ||
      layer == "import_problems" || layer == "runs")
    return layer;
  long long id = 0;
  for (auto& f : *ds->GetLayerByName("runs")) {
    const long long r = f->GetFieldAsInteger64("run_id");
    if (run ? r == *run : r > id) id = r;
  }
  if (id == 0 || (run && id != *run))
    throw GisError(run ? "the project has no run " + std::to_string(*run)
                       : "the project has no analysis yet: run parkatlas analyze first",
                   {source});
  return "run_" + std::to_string(id) + "_" + layer;
}

}  // namespace parkatlas
