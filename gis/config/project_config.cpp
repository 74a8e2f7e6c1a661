// Reading parkatlas.toml.
#include "gis/config/project_config.hpp"

#include <filesystem>

#include "core/declared_units.hpp"
#include "gis/config/toml_reading.hpp"
#include "gis/gis_error.hpp"

namespace parkatlas {

namespace fs = std::filesystem;

namespace {

std::string get_string(const std::string& file, const toml::table& t, std::string_view key) {
  const toml::node* n = t.get(key);
  if (!n) return {};
  if (auto s = n->value<std::string>()) return *s;
  throw GisError(toml_where(file, *n) + ": '" + std::string(key) + "' must be a string");
}

std::map<std::string, std::string> string_map(const std::string& file, const toml::table& t,
                                              std::string_view key) {
  std::map<std::string, std::string> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const toml::table* tab = n->as_table();
  if (!tab) throw GisError(toml_where(file, *n) + ": '" + std::string(key) + "' must be a table");
  for (const auto& [k, v] : *tab) {
    auto s = v.value<std::string>();
    if (!s)
      throw GisError(toml_where(file, v) + ": '" + std::string(key) + "." + std::string(k.str()) +
                     "' must be a string");
    out[std::string(k.str())] = *s;
  }
  return out;
}

// GDAL connection strings (PG:, /vsizip/ …) are passed through; plain paths are resolved
// against the config file's folder.
std::string resolve_source(const std::string& source, const fs::path& base) {
  if (source.find(':') != std::string::npos && source.rfind("/", 0) != 0) return source;
  if (source.rfind("/vsi", 0) == 0) return source;
  fs::path p(source);
  if (p.is_relative()) p = base / p;
  return p.lexically_normal().string();
}

}  // namespace

ProjectConfig load_project_config(const std::string& path) {
  return parse_project_config(read_text_file(path), path);
}

ProjectConfig parse_project_config(const std::string& text, const std::string& path) {
  toml::table root = parse_toml_text(text, path, "project config");
  ProjectConfig cfg;
  cfg.path = path;
  const fs::path base = fs::absolute(fs::path(path)).parent_path();
  require_known_keys(path, root, "the project config", {"project", "layers", "expansion"});

  if (const toml::table* project = root["project"].as_table()) {
    require_known_keys(path, *project, "[project]",
                       {"name", "as_of", "rules", "measuring_crs", "evaluation_model"});
    cfg.name = get_string(path, *project, "name");
    if (const toml::node* n = project->get("as_of")) {
      std::optional<CivilDate> d;
      if (auto s = n->value<std::string>()) d = parse_iso_date(*s);
      if (auto td = n->value<toml::date>()) d = CivilDate{td->year, td->month, td->day};
      if (!d) throw GisError(toml_where(path, *n) + ": as_of must be a date YYYY-MM-DD");
      cfg.as_of = d;
    }
    if (auto r = get_string(path, *project, "rules"); !r.empty()) {
      // A rule path is relative to the config; a bare name is looked up among the shipped sets.
      fs::path rp(r);
      cfg.rules = (r.find('/') != std::string::npos || rp.extension() == ".toml")
                      ? resolve_source(r, base)
                      : r;
    }
    cfg.measuring_crs = get_string(path, *project, "measuring_crs");
    if (auto m = get_string(path, *project, "evaluation_model"); !m.empty()) {
      fs::path mp(m);
      cfg.evaluation_model = (m.find('/') != std::string::npos || mp.extension() == ".toml")
                                 ? resolve_source(m, base)
                                 : m;
    }
  }

  if (const toml::node* e = root.get("expansion")) {
    const toml::array* list = e->as_array();
    if (!list)
      throw GisError(toml_where(path, *e) + ": expansion requests are [[expansion]] tables");
    for (const auto& item : *list) {
      const toml::table* t = item.as_table();
      if (!t) throw GisError(toml_where(path, item) + ": each [[expansion]] must be a table");
      require_known_keys(
          path, *t, "[[expansion]]",
          {"park_id", "demand_mu", "cluster", "growth_yi", "search_m", "alternatives"});
      ExpansionConfig x;
      x.park_id = get_string(path, *t, "park_id");
      if (x.park_id.empty())
        throw GisError(toml_where(path, item) + ": [[expansion]] needs a park_id");
      auto positive = [&](const char* key) -> std::optional<double> {
        const toml::node* n = t->get(key);
        if (!n) return std::nullopt;
        auto v = n->value<double>();
        if (!v || !(*v > 0))
          throw GisError(toml_where(path, *n) + ": " + key + " must be a positive number");
        return v;
      };
      x.demand_mu = positive("demand_mu");
      x.growth_yi = positive("growth_yi");
      x.cluster = get_string(path, *t, "cluster");
      if (auto s = positive("search_m")) x.search_m = *s;
      if (const toml::node* n = t->get("alternatives")) {
        auto v = n->value<int64_t>();
        if (!v || *v < 1 || *v > 8)
          throw GisError(toml_where(path, *n) +
                         ": alternatives must be a whole number from 1 to 8 (eight seeds are "
                         "tried round the park)");
        x.alternatives = static_cast<int>(*v);
      }
      if (x.demand_mu.has_value() == (x.growth_yi.has_value() || !x.cluster.empty()) ||
          x.growth_yi.has_value() != !x.cluster.empty())
        throw GisError(toml_where(path, item) +
                       ": give either demand_mu (亩) or cluster and growth_yi (亿元) for park " +
                       x.park_id);
      cfg.expansions.push_back(std::move(x));
    }
  }
  const toml::table* layers = root["layers"].as_table();
  if (!layers) throw GisError(path + ": the config has no [layers] table");
  for (const auto& [key, node] : *layers) {
    auto kind = parse_layer_kind(key.str());
    if (!kind)
      throw GisError(
          toml_where(path, node) + ": unknown layer '" + std::string(key.str()) +
          "' (expected parks, parcels, buildings, approval_batches, constraints, districts)");
    const toml::table* t = node.as_table();
    if (!t)
      throw GisError(toml_where(path, node) + ": [layers." + std::string(key.str()) +
                     "] must be a table");
    const std::string what = "[layers." + std::string(key.str()) + "]";
    require_known_keys(
        path, *t, what,
        {"source", "layer", "fields", "units", "crs", "encoding", "land_use_scheme"});
    LayerConfig lc;
    lc.kind = *kind;
    std::string source = get_string(path, *t, "source");
    if (source.empty()) throw GisError(toml_where(path, node) + ": " + what + " needs a source");
    lc.source = resolve_source(source, base);
    lc.layer = get_string(path, *t, "layer");
    lc.fields = string_map(path, *t, "fields");
    lc.units = string_map(path, *t, "units");
    lc.crs = get_string(path, *t, "crs");
    lc.encoding = get_string(path, *t, "encoding");
    for (const auto& [field, unit] : lc.units) {
      int c = canonical_index(*kind, field);
      if (c < 0) throw GisError(path + ": " + what + ".units names unknown field '" + field + "'");
      Quantity q = canonical_fields(*kind)[static_cast<size_t>(c)].quantity;
      if (!unit_factor(q, unit))
        throw GisError(
            path + ": " + what + ".units." + field + " = '" + unit +
            "' is not a unit of this field (areas: m2, mu, ha, wan_m2, ft2; money: wan, yuan, yi)");
    }
    if (auto scheme = get_string(path, *t, "land_use_scheme"); !scheme.empty()) {
      lc.land_use_scheme = parse_land_use_scheme(scheme);
      if (!lc.land_use_scheme)
        throw GisError(path + ": " + what + ".land_use_scheme '" + scheme +
                       "' is not one of gbt21010, sandiao, ydyh, gb50137");
    }
    cfg.layers[*kind] = std::move(lc);
  }
  if (!cfg.layers.count(LayerKind::parcels))
    throw GisError(path + ": the config has no [layers.parcels]");
  return cfg;
}

}  // namespace parkatlas
