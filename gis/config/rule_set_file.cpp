// Reading a rule set TOML into core's RuleSet.
#include "gis/config/rule_set_file.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <set>

#include "gis/config/toml_reading.hpp"
#include "gis/gis_error.hpp"

namespace parkatlas {

namespace fs = std::filesystem;

namespace {

std::optional<double> number(const std::string& file, const toml::table& t, std::string_view key,
                             double min, double max) {
  const toml::node* n = t.get(key);
  if (!n) return std::nullopt;
  auto v = n->value<double>();
  if (!v) throw GisError(toml_where(file, *n) + ": '" + std::string(key) + "' must be a number");
  if (*v < min || *v > max)
    throw GisError(toml_where(file, *n) + ": '" + std::string(key) + "' = " + std::to_string(*v) +
                   " is outside [" + std::to_string(min) + ", " + std::to_string(max) + "]");
  return v;
}

// [min, max] counts, or one count for both: `over_1000yi = [3, 5]`, `key_per_city = 2`.
std::optional<std::pair<long, long>> count_range(const std::string& file, const toml::table& t,
                                                 std::string_view key) {
  const toml::node* n = t.get(key);
  if (!n) return std::nullopt;
  if (auto v = n->value<int64_t>(); v && *v >= 0) return std::pair<long, long>(*v, *v);
  const toml::array* arr = n->as_array();
  if (arr && arr->size() == 2) {
    auto a = (*arr)[0].value<int64_t>(), b = (*arr)[1].value<int64_t>();
    if (a && b && *a >= 0 && *a <= *b) return std::pair<long, long>(*a, *b);
  }
  throw GisError(toml_where(file, *n) + ": '" + std::string(key) +
                 "' must be a count or [min, max] with 0 ≤ min ≤ max");
}

bool boolean(const std::string& file, const toml::table& t, std::string_view key, bool dflt) {
  const toml::node* n = t.get(key);
  if (!n) return dflt;
  auto v = n->value<bool>();
  if (!v)
    throw GisError(toml_where(file, *n) + ": '" + std::string(key) + "' must be true or false");
  return *v;
}

LevelFloors read_floors(const std::string& file, const toml::table& t, const std::string& what) {
  require_known_keys(file, t, what, {"far_min", "inv_min_wan_per_mu"});
  return LevelFloors{number(file, t, "far_min", 0.0, 20.0),
                     number(file, t, "inv_min_wan_per_mu", 0.0, 1e6)};
}

}  // namespace

std::string text_hash(const std::string& text) {
  // FNV-1a 64: a stable fingerprint of the rule text recorded with every result.
  unsigned long long h = 1469598103934665603ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", h);
  return buf;
}

std::vector<std::string> rule_set_dirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("PARKATLAS_RULES_DIR"); env && *env) dirs.emplace_back(env);
#ifdef PARKATLAS_INSTALLED_RULES_DIR
  dirs.emplace_back(PARKATLAS_INSTALLED_RULES_DIR);
#endif
#ifdef PARKATLAS_SOURCE_RULES_DIR
  dirs.emplace_back(PARKATLAS_SOURCE_RULES_DIR);
#endif
  return dirs;
}

std::vector<std::string> available_rule_sets() {
  std::set<std::string> names;
  for (const auto& d : rule_set_dirs()) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(d, ec))
      if (e.path().extension() == ".toml") names.insert(e.path().stem().string());
  }
  return {names.begin(), names.end()};
}

RuleSet load_rule_set(const std::string& name_or_path) {
  const std::string path = rule_set_file(name_or_path);
  return parse_rule_set(read_text_file(path), path);
}

std::string rule_set_file(const std::string& name_or_path) {
  std::string path;
  if (fs::exists(name_or_path) && fs::is_regular_file(name_or_path)) {
    path = name_or_path;
  } else {
    for (const auto& d : rule_set_dirs()) {
      fs::path candidate = fs::path(d) / (name_or_path + ".toml");
      if (fs::exists(candidate)) {
        path = candidate.string();
        break;
      }
    }
  }
  if (path.empty()) {
    std::string list;
    for (const auto& n : available_rule_sets()) list += (list.empty() ? "" : ", ") + n;
    throw GisError("rule set '" + name_or_path +
                   "' is neither a file nor a known name (known: " + list + ")");
  }
  return path;
}

RuleSet parse_rule_set(const std::string& text, const std::string& file) {
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw GisError(file + ":" + std::to_string(e.source().begin.line) +
                   ": rule set is not valid TOML: " + std::string(e.description()));
  }
  require_known_keys(file, root, "the rule set",
                     {"rule_set", "industrial_codes", "floors", "far_by_industry", "buildings",
                      "idle_land", "unsupplied", "low_efficiency", "digestion", "clusters",
                      "cluster_targets", "cluster_zones", "mu_evaluation", "evaluation"});
  RuleSet rs;
  rs.text_hash = text_hash(text);
  const toml::table* head = root["rule_set"].as_table();
  if (!head) throw GisError(file + ": the rule set has no [rule_set] table");
  require_known_keys(file, *head, "[rule_set]",
                     {"name", "version", "title", "applies_outside_parks", "exemption_waives_far"});
  rs.name = head->get("name") ? head->get("name")->value_or<std::string>("") : "";
  if (rs.name.empty()) throw GisError(file + ": [rule_set] needs a name");
  rs.version = head->get("version") ? head->get("version")->value_or<std::string>("") : "";
  rs.title = head->get("title") ? head->get("title")->value_or<std::string>("") : "";
  rs.applies_outside_parks = boolean(file, *head, "applies_outside_parks", false);
  rs.exemption_waives_far = boolean(file, *head, "exemption_waives_far", true);

  const toml::table* codes = root["industrial_codes"].as_table();
  if (!codes || codes->empty())
    throw GisError(file +
                   ": [industrial_codes] must list the industrial land-use codes per scheme");
  for (const auto& [scheme_name, node] : *codes) {
    auto scheme = parse_land_use_scheme(scheme_name.str());
    if (!scheme)
      throw GisError(toml_where(file, node) + ": unknown land-use scheme '" +
                     std::string(scheme_name.str()) + "' (gbt21010, sandiao, ydyh, gb50137)");
    const toml::array* arr = node.as_array();
    if (!arr)
      throw GisError(toml_where(file, node) + ": industrial codes must be a list of strings");
    auto& list = rs.industrial_codes[*scheme];
    for (const auto& item : *arr) {
      auto s = item.value<std::string>();
      if (!s || s->empty())
        throw GisError(toml_where(file, item) + ": industrial codes must be non-empty strings");
      list.push_back(*s);
    }
  }

  if (const toml::table* floors = root["floors"].as_table()) {
    for (const auto& [level_name, node] : *floors) {
      const toml::table* t = node.as_table();
      const std::string what = "[floors." + std::string(level_name.str()) + "]";
      if (!t) throw GisError(toml_where(file, node) + ": " + what + " must be a table");
      if (level_name.str() == "any") {
        require_known_keys(file, *t, what, {"inv_min_wan_per_mu", "coverage_min"});
        rs.inv_min_any_park = number(file, *t, "inv_min_wan_per_mu", 0.0, 1e6);
        rs.coverage_min = number(file, *t, "coverage_min", 0.0, 1.0);
        continue;
      }
      std::optional<ParkLevel> level;
      if (level_name.str() == "national") level = ParkLevel::national;
      if (level_name.str() == "provincial") level = ParkLevel::provincial;
      if (level_name.str() == "other") level = ParkLevel::other;
      if (!level)
        throw GisError(toml_where(file, node) + ": unknown park level '" +
                       std::string(level_name.str()) + "' (national, provincial, other, any)");
      rs.level_floors[*level] = read_floors(file, *t, what);
    }
  }

  if (const toml::table* far = root["far_by_industry"].as_table()) {
    for (const auto& [code, node] : *far) {
      auto v = node.value<double>();
      if (!v || *v <= 0 || *v > 20)
        throw GisError(toml_where(file, node) + ": far_by_industry." + std::string(code.str()) +
                       " must be a FAR between 0 and 20");
      for (char c : code.str())
        if (c < '0' || c > '9')
          throw GisError(toml_where(file, node) + ": far_by_industry key '" +
                         std::string(code.str()) + "' must be a GB/T 4754 code (digits)");
      rs.far_by_industry.emplace_back(std::string(code.str()), *v);
    }
  }

  if (const toml::table* b = root["buildings"].as_table()) {
    require_known_keys(file, *b, "[buildings]", {"high_storey_m", "default_storey_m"});
    if (auto v = number(file, *b, "high_storey_m", 1.0, 100.0)) rs.buildings.high_storey_m = *v;
    if (auto v = number(file, *b, "default_storey_m", 1.0, 50.0))
      rs.buildings.default_storey_m = *v;
  }
  if (const toml::table* idle = root["idle_land"].as_table()) {
    require_known_keys(file, *idle, "[idle_land]",
                       {"idle_years", "recover_years", "developed_share_min", "invested_share_min",
                        "halted_years", "fee_share", "warning_days", "developed_measure",
                        "no_construction_coverage", "built_coverage"});
    IdleRules& r = rs.idle;
    if (auto v = number(file, *idle, "idle_years", 1, 20)) r.idle_years = static_cast<int>(*v);
    if (auto v = number(file, *idle, "recover_years", 1, 20))
      r.recover_years = static_cast<int>(*v);
    if (auto v = number(file, *idle, "developed_share_min", 0, 1)) r.developed_share_min = *v;
    if (auto v = number(file, *idle, "invested_share_min", 0, 1)) r.invested_share_min = *v;
    if (auto v = number(file, *idle, "halted_years", 1, 20)) r.halted_years = static_cast<int>(*v);
    if (auto v = number(file, *idle, "fee_share", 0, 1)) r.fee_share = *v;
    if (auto v = number(file, *idle, "warning_days", 0, 3650))
      r.warning_days = static_cast<int>(*v);
    if (auto v = number(file, *idle, "no_construction_coverage", 0, 1))
      r.no_construction_coverage = *v;
    if (auto v = number(file, *idle, "built_coverage", 0, 1)) r.built_coverage = *v;
    if (const toml::node* m = idle->get("developed_measure")) {
      const std::string measure = m->value_or<std::string>("");
      if (measure == "land")
        r.measure = DevelopedMeasure::land;
      else if (measure == "footprint")
        r.measure = DevelopedMeasure::footprint;
      else if (measure == "floor")
        r.measure = DevelopedMeasure::floor;
      else
        throw GisError(toml_where(file, *m) +
                       ": developed_measure must be \"land\", \"footprint\" or \"floor\"");
    }
  }
  if (const toml::table* u = root["unsupplied"].as_table()) {
    require_known_keys(file, *u, "[unsupplied]", {"sliver_area_m2", "sliver_width_m"});
    if (auto v = number(file, *u, "sliver_area_m2", 0, 1e6)) rs.unsupplied.sliver_area_m2 = *v;
    if (auto v = number(file, *u, "sliver_width_m", 0, 1000)) rs.unsupplied.sliver_width_m = *v;
  }
  if (const toml::table* le = root["low_efficiency"].as_table()) {
    require_known_keys(file, *le, "[low_efficiency]",
                       {"below_far", "below_inv", "coverage_min", "tax_min_wan_per_mu",
                        "out_of_production", "skip_under_construction"});
    LowEfficiencyRules& r = rs.low_efficiency;
    r.enabled = true;
    r.below_far = boolean(file, *le, "below_far", true);
    r.below_inv = boolean(file, *le, "below_inv", true);
    r.coverage_min = number(file, *le, "coverage_min", 0.0, 1.0);
    r.tax_min_mu = number(file, *le, "tax_min_wan_per_mu", 0.0, 1e6);
    r.skip_under_construction = boolean(file, *le, "skip_under_construction", true);
    if (const toml::node* list = le->get("out_of_production")) {
      const toml::array* arr = list->as_array();
      if (!arr)
        throw GisError(toml_where(file, *list) +
                       ": out_of_production must be a list of status values, e.g. [\"停产\"]");
      for (const auto& item : *arr) {
        auto v = item.value<std::string>();
        if (!v || v->empty())
          throw GisError(toml_where(file, item) +
                         ": out_of_production values must be non-empty strings");
        r.out_of_production.push_back(*v);
      }
    }
  }
  if (const toml::table* d = root["digestion"].as_table()) {
    require_known_keys(file, *d, "[digestion]", {"window_years", "target_years", "counts"});
    DigestionRules& r = rs.digestion;
    if (auto v = number(file, *d, "window_years", 1, 50)) r.window_years = static_cast<int>(*v);
    if (auto v = number(file, *d, "target_years", 0, 100)) r.target_years = *v;
    if (const toml::node* counts = d->get("counts")) {
      const toml::array* arr = counts->as_array();
      if (!arr || arr->empty())
        throw GisError(toml_where(file, *counts) +
                       ": counts must list what digests the stock: [\"supply\", \"start\"]");
      r.count_supply = r.count_start = false;
      for (const auto& item : *arr) {
        const std::string v = item.value_or<std::string>("");
        if (v == "supply")
          r.count_supply = true;
        else if (v == "start")
          r.count_start = true;
        else
          throw GisError(toml_where(file, item) + ": unknown digestion count '" + v +
                         "' (supply, start)");
      }
    }
  }
  if (const toml::table* t = root["cluster_targets"].as_table()) {
    require_known_keys(file, *t, "[cluster_targets]",
                       {"over_100yi", "over_1000yi", "city_max_yi", "county_max_yi", "key_per_city",
                        "key_per_county", "rd_per_100_firms"});
    ClusterTargets& c = rs.cluster_targets;
    if (auto v = number(file, *t, "over_100yi", 0, 1e6)) c.over_100yi = static_cast<long>(*v);
    c.over_1000yi = count_range(file, *t, "over_1000yi");
    c.city_max_yi = number(file, *t, "city_max_yi", 0, 1e7);
    c.county_max_yi = number(file, *t, "county_max_yi", 0, 1e7);
    c.key_per_city = count_range(file, *t, "key_per_city");
    c.key_per_county = count_range(file, *t, "key_per_county");
    c.rd_per_100_firms = number(file, *t, "rd_per_100_firms", 0, 1e4);
  }
  if (const toml::table* t = root["cluster_zones"].as_table()) {
    require_known_keys(file, *t, "[cluster_zones]",
                       {"closing_m", "min_parcels", "exact_max_parcels"});
    if (auto v = number(file, *t, "exact_max_parcels", 0, 1e9))
      rs.cluster_zones.exact_max_parcels = static_cast<long>(*v);
    if (auto v = number(file, *t, "closing_m", 0, 5000)) rs.cluster_zones.closing_m = *v;
    if (auto v = number(file, *t, "min_parcels", 1, 1e6))
      rs.cluster_zones.min_parcels = static_cast<long>(*v);
  }
  if (const toml::table* t = root["evaluation"].as_table()) {
    require_known_keys(file, *t, "[evaluation]", {"model", "expansion_score_min"});
    if (const toml::node* m = t->get("model")) {
      rs.evaluation_model = m->value_or<std::string>("");
      if (rs.evaluation_model.empty())
        throw GisError(toml_where(file, *m) +
                       ": model must name a weights-and-ideals file, e.g. \"tdt1029-2014\"");
    }
    rs.expansion_score_min = number(file, *t, "expansion_score_min", 0, 100);
  }
  if (const toml::table* t = root["mu_evaluation"].as_table()) {
    require_known_keys(
        file, *t, "[mu_evaluation]",
        {"jurisdiction", "benchmark_factor", "weights", "ratio_cap", "class_cuts", "min_land_mu"});
    MuEvaluationRules& m = rs.mu_evaluation;
    m.enabled = true;
    if (const toml::node* j = t->get("jurisdiction")) {
      m.jurisdiction = j->value_or<std::string>("");
      if (m.jurisdiction != "county" && m.jurisdiction != "city" && m.jurisdiction != "province")
        throw GisError(toml_where(file, *j) +
                       ": jurisdiction must be \"county\", \"city\" or \"province\"");
    }
    if (auto v = number(file, *t, "benchmark_factor", 0.01, 100)) m.benchmark_factor = *v;
    if (auto v = number(file, *t, "ratio_cap", 0.1, 100)) m.ratio_cap = *v;
    if (auto v = number(file, *t, "min_land_mu", 0, 1e6)) m.min_land_mu = *v;
    if (const toml::node* w = t->get("weights")) {
      const toml::table* wt = w->as_table();
      if (!wt) throw GisError(toml_where(file, *w) + ": weights must be a table {tax_mu, rev_mu}");
      require_known_keys(file, *wt, "[mu_evaluation.weights]", {"tax_mu", "rev_mu"});
      m.weight_tax = number(file, *wt, "tax_mu", 0, 1).value_or(0);
      m.weight_revenue = number(file, *wt, "rev_mu", 0, 1).value_or(0);
      if (std::abs(m.weight_tax + m.weight_revenue - 1.0) > 1e-9)
        throw GisError(toml_where(file, *w) + ": the weights must sum to 1 (they sum to " +
                       std::to_string(m.weight_tax + m.weight_revenue) + ")");
    }
    if (const toml::node* c = t->get("class_cuts")) {
      const toml::array* arr = c->as_array();
      bool ok = arr && arr->size() == 3;
      double last = 0;
      for (size_t k = 0; ok && k < 3; ++k) {
        auto v = (*arr)[k].value<double>();
        ok = v && *v > last && *v <= 1;
        if (ok) m.class_cuts[k] = last = *v;
      }
      if (!ok)
        throw GisError(toml_where(file, *c) +
                       ": class_cuts must be three increasing shares in (0, 1]: the upper rank "
                       "shares of A, B and C, e.g. [0.20, 0.60, 0.95]");
    }
  }
  if (const toml::table* clusters = root["clusters"].as_table()) {
    for (const auto& [name, node] : *clusters) {
      const toml::table* t = node.as_table();
      const std::string what = "[clusters." + std::string(name.str()) + "]";
      if (!t) throw GisError(toml_where(file, node) + ": " + what + " must be a table");
      require_known_keys(file, *t, what, {"codes", "keywords"});
      ClusterDef c;
      c.name = std::string(name.str());
      auto strings = [&](const char* key, bool digits) {
        std::vector<std::string> out;
        const toml::node* n = t->get(key);
        if (!n) return out;
        const toml::array* arr = n->as_array();
        if (!arr)
          throw GisError(toml_where(file, *n) + ": " + what + "." + key + " must be a list");
        for (const auto& item : *arr) {
          auto v = item.value<std::string>();
          bool ok = v && !v->empty();
          if (ok && digits)
            for (char ch : *v) ok = ok && ch >= '0' && ch <= '9';
          if (!ok)
            throw GisError(toml_where(file, item) + ": " + what + "." + key + " holds " +
                           (digits ? "GB/T 4754 code prefixes (digits)" : "non-empty words"));
          out.push_back(*v);
        }
        return out;
      };
      c.codes = strings("codes", true);
      c.keywords = strings("keywords", false);
      rs.clusters.push_back(std::move(c));
    }
  }
  return rs;
}

}  // namespace parkatlas
