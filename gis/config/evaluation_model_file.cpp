// Weights-and-ideals files for the TD/T 1029 park evaluation (domain.md §1.8–§1.10).
#include "gis/config/evaluation_model_file.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "gis/config/rule_set_file.hpp"
#include "gis/config/toml_reading.hpp"
#include "gis/gis_error.hpp"

namespace parkatlas {

namespace fs = std::filesystem;

namespace {

double weight_of(const std::string& file, const toml::node& n, const std::string& what) {
  auto v = n.value<double>();
  if (!v || *v < 0 || *v > 1)
    throw GisError(toml_where(file, n) + ": " + what + " must be a weight between 0 and 1");
  return *v;
}

void require_sum_one(const std::string& file, const toml::node& at, double sum,
                     const std::string& what) {
  if (std::abs(sum - 1.0) > 1e-6) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", sum);
    throw GisError(toml_where(file, at) + ": the weights of " + what + " sum to " + buf +
                   ", not 1 (siblings must sum to 1)");
  }
}

std::string text_of(const std::string& file, const toml::table& t, std::string_view key,
                    const std::string& what) {
  const toml::node* n = t.get(key);
  auto v = n ? n->value<std::string>() : std::nullopt;
  if (!v || v->empty())
    throw GisError((n ? toml_where(file, *n) : file) + ": " + what + " needs a non-empty '" +
                   std::string(key) + "'");
  return *v;
}

// A table's entries in the order the file writes them (toml++ keeps keys sorted).
std::vector<std::pair<std::string, const toml::node*>> in_file_order(const toml::table& t) {
  std::vector<std::pair<std::string, const toml::node*>> out;
  for (const auto& [k, n] : t) out.emplace_back(std::string(k.str()), &n);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    const auto &sa = a.second->source().begin, &sb = b.second->source().begin;
    return sa.line != sb.line ? sa.line < sb.line : sa.column < sb.column;
  });
  return out;
}

IndicatorTree read_tree(const std::string& file, const toml::array& goals,
                        const std::string& where) {
  IndicatorTree tree;
  double goal_sum = 0;
  for (const toml::node& gn : goals) {
    const toml::table* gt = gn.as_table();
    if (!gt) throw GisError(toml_where(file, gn) + ": " + where + " goals must be tables");
    require_known_keys(file, *gt, where, {"goal", "weight", "subgoals"});
    Goal g;
    g.name = text_of(file, *gt, "goal", where);
    const std::string gwhere = where + " goal " + g.name;
    if (!gt->get("weight"))
      throw GisError(toml_where(file, gn) + ": " + gwhere + " needs a weight");
    g.weight = weight_of(file, *gt->get("weight"), gwhere + " weight");
    goal_sum += g.weight;
    const toml::array* subs = gt->get("subgoals") ? gt->get("subgoals")->as_array() : nullptr;
    if (!subs || subs->empty())
      throw GisError(toml_where(file, gn) + ": " + gwhere + " needs a list of subgoals");
    double sub_sum = 0;
    for (const toml::node& sn : *subs) {
      const toml::table* st = sn.as_table();
      if (!st) throw GisError(toml_where(file, sn) + ": " + gwhere + " subgoals must be tables");
      require_known_keys(file, *st, gwhere + " subgoal", {"name", "weight", "indicators"});
      SubGoal s;
      s.name = text_of(file, *st, "name", gwhere + " subgoal");
      const std::string swhere = gwhere + " / " + s.name;
      if (!st->get("weight"))
        throw GisError(toml_where(file, sn) + ": " + swhere + " needs a weight");
      s.weight = weight_of(file, *st->get("weight"), swhere + " weight");
      sub_sum += s.weight;
      const toml::table* it = st->get("indicators") ? st->get("indicators")->as_table() : nullptr;
      if (!it || it->empty())
        throw GisError(toml_where(file, sn) + ": " + swhere +
                       " needs indicators = { key = weight, … }");
      double ind_sum = 0;
      for (const auto& [key, node] : in_file_order(*it)) {
        if (!find_indicator(key)) {
          std::string known;
          for (const IndicatorDef& d : indicator_defs())
            known += (known.empty() ? "" : ", ") + d.key;
          throw GisError(toml_where(file, *node) + ": " + swhere + ": unknown indicator '" + key +
                         "' (known: " + known + ")");
        }
        const double w = weight_of(file, *node, swhere + " weight of " + key);
        ind_sum += w;
        s.indicators.push_back({key, w});
      }
      require_sum_one(file, sn, ind_sum, "the indicators of " + swhere);
      g.subgoals.push_back(std::move(s));
    }
    require_sum_one(file, gn, sub_sum, "the subgoals of " + gwhere);
    tree.push_back(std::move(g));
  }
  if (tree.empty()) throw GisError(file + ": " + where + " has no goals");
  require_sum_one(file, goals, goal_sum, "the goals of " + where);
  return tree;
}

}  // namespace

std::string evaluation_model_file(const std::string& name_or_path) {
  if (fs::is_regular_file(name_or_path)) return name_or_path;
  std::string looked;
  for (const auto& d : rule_set_dirs()) {
    const fs::path candidate = fs::path(d) / "evaluation" / (name_or_path + ".toml");
    if (fs::exists(candidate)) return candidate.string();
    looked += (looked.empty() ? "" : ", ") + candidate.parent_path().string();
  }
  throw GisError("evaluation model '" + name_or_path + "' is neither a file nor a model in " +
                 looked);
}

EvaluationModel load_evaluation_model(const std::string& name_or_path) {
  const std::string path = evaluation_model_file(name_or_path);
  return parse_evaluation_model(read_text_file(path), path);
}

EvaluationModel parse_evaluation_model(const std::string& text, const std::string& file) {
  const toml::table root = parse_toml_text(text, file, "the evaluation model");
  require_known_keys(file, root, "the evaluation model", {"model", "type_rule", "ideals", "tree"});
  EvaluationModel m;
  const toml::table* head = root["model"].as_table();
  if (!head) throw GisError(file + ": the evaluation model has no [model] table");
  require_known_keys(
      file, *head, "[model]",
      {"name", "title", "range_weights", "cap_at_ideal", "negative_scoring", "negative_max"});
  m.name = text_of(file, *head, "name", "[model]");
  m.title = head->get("title") ? head->get("title")->value_or<std::string>("") : "";
  if (const toml::node* rw = head->get("range_weights")) {
    const toml::table* t = rw->as_table();
    if (!t) throw GisError(toml_where(file, *rw) + ": range_weights must be { main, expansion }");
    require_known_keys(file, *t, "range_weights", {"main", "expansion"});
    if (!t->get("main") || !t->get("expansion"))
      throw GisError(toml_where(file, *rw) + ": range_weights needs both main and expansion");
    m.weight_main = weight_of(file, *t->get("main"), "range_weights.main");
    m.weight_expansion = weight_of(file, *t->get("expansion"), "range_weights.expansion");
    require_sum_one(file, *rw, m.weight_main + m.weight_expansion, "range_weights");
  }
  if (const toml::node* c = head->get("cap_at_ideal")) {
    auto v = c->value<bool>();
    if (!v) throw GisError(toml_where(file, *c) + ": cap_at_ideal must be true or false");
    m.cap_at_ideal = *v;
  }
  if (const toml::node* n = head->get("negative_scoring")) {
    const std::string v = n->value_or<std::string>("");
    if (v == "complement")
      m.negative = NegativeScoring::complement;
    else if (v == "linear_to_max")
      m.negative = NegativeScoring::linear_to_max;
    else
      throw GisError(toml_where(file, *n) +
                     ": negative_scoring must be \"complement\" or \"linear_to_max\"");
  }
  if (const toml::node* n = head->get("negative_max")) {
    auto v = n->value<double>();
    if (!v || *v <= 0) throw GisError(toml_where(file, *n) + ": negative_max must be positive");
    m.negative_max = *v;
  }
  if (const toml::table* t = root["type_rule"].as_table()) {
    require_known_keys(file, *t, "[type_rule]",
                       {"industrial_share_min", "residential_share_max", "name_words", "mixed"});
    if (const toml::node* n = t->get("industrial_share_min"))
      m.type_rule.industrial_share_min = weight_of(file, *n, "industrial_share_min");
    if (const toml::node* n = t->get("residential_share_max"))
      m.type_rule.residential_share_max = weight_of(file, *n, "residential_share_max");
    if (const toml::node* n = t->get("name_words")) {
      const toml::array* arr = n->as_array();
      if (!arr) throw GisError(toml_where(file, *n) + ": name_words must be a list of words");
      m.type_rule.name_words.clear();
      for (const auto& item : *arr) {
        auto w = item.value<std::string>();
        if (!w || w->empty())
          throw GisError(toml_where(file, item) + ": name_words must be non-empty words");
        m.type_rule.name_words.push_back(*w);
      }
    }
    if (const toml::node* n = t->get("mixed")) {
      const std::string v = n->value_or<std::string>("");
      if (v == "industrial")
        m.type_rule.mixed = ParkType::industrial;
      else if (v == "integrated")
        m.type_rule.mixed = ParkType::integrated;
      else
        throw GisError(toml_where(file, *n) + ": mixed must be \"industrial\" or \"integrated\"");
    }
  }
  const toml::table* ideals = root["ideals"].as_table();
  if (!ideals) throw GisError(file + ": the evaluation model has no [ideals.default] table");
  for (const auto& [group, node] : *ideals) {
    const std::string g(group.str());
    if (g != "default" && g != "national" && g != "provincial" && g != "other")
      throw GisError(toml_where(file, node) + ": unknown ideal-value group [ideals." + g +
                     "] (default, national, provincial, other)");
    const toml::table* t = node.as_table();
    if (!t) throw GisError(toml_where(file, node) + ": [ideals." + g + "] must be a table");
    for (const auto& [key, v] : *t) {
      const std::string k(key.str());
      if (!find_indicator(k))
        throw GisError(toml_where(file, v) + ": [ideals." + g + "]: unknown indicator '" + k + "'");
      const toml::table* vt = v.as_table();
      const std::string what = "ideals." + g + "." + k;
      if (!vt) throw GisError(toml_where(file, v) + ": " + what + " must be { value, basis }");
      require_known_keys(file, *vt, what, {"value", "basis"});
      auto value = vt->get("value") ? vt->get("value")->value<double>() : std::nullopt;
      if (!value || *value < 0)
        throw GisError(toml_where(file, v) + ": " + what + " needs a value ≥ 0");
      m.ideals[g][k] = IdealValue{*value, text_of(file, *vt, "basis", what)};
    }
  }
  const toml::table* trees = root["tree"].as_table();
  if (!trees) throw GisError(file + ": the evaluation model has no [[tree.<type>.<range>]] goals");
  for (const auto& [type_name, node] : *trees) {
    const std::string tn(type_name.str());
    std::optional<ParkType> type;
    if (tn == "industrial") type = ParkType::industrial;
    if (tn == "integrated") type = ParkType::integrated;
    const toml::table* by_range = node.as_table();
    if (!type || !by_range)
      throw GisError(toml_where(file, node) + ": unknown park type tree." + tn +
                     " (industrial = 工业主导型, integrated = 产城融合型)");
    for (const auto& [range_name, goals] : *by_range) {
      const std::string rn(range_name.str());
      const toml::array* arr = goals.as_array();
      std::optional<EvalRange> range;
      if (rn == "main") range = EvalRange::main;
      if (rn == "expansion") range = EvalRange::expansion;
      if (!range || !arr)
        throw GisError(toml_where(file, goals) + ": unknown range tree." + tn + "." + rn +
                       " (main = 主区, expansion = 发展方向区; written [[tree." + tn + ".main]])");
      m.trees[*type][*range] = read_tree(file, *arr, "tree." + tn + "." + rn);
    }
  }
  // What the structure alone cannot show: an indicator used by a tree without an ideal value.
  for (const std::string& p : model_problems(m)) throw GisError(file + ": " + p);
  return m;
}

}  // namespace parkatlas
