// TD/T 1029 park evaluation (domain.md §1.3–§1.12). Formulas are cited per indicator in
// indicator_defs(); the evidence marks are those of domain.md.
#include "core/park_evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <set>

namespace parkatlas {

std::string_view to_string(EvalRange r) {
  return r == EvalRange::main ? "main" : "expansion";
}
std::string_view to_string(ParkType t) {
  return t == ParkType::industrial ? "industrial" : "integrated";
}
std::optional<EvalRange> parse_eval_range(std::string_view t) {
  if (t.empty() || t == "main" || t == "主区") return EvalRange::main;
  if (t == "expansion" || t == "发展方向区") return EvalRange::expansion;
  return std::nullopt;
}

const std::vector<std::pair<std::string, std::string>>& land_categories() {
  static const std::vector<std::pair<std::string, std::string>> k = {
      {"S", "评价范围"},
      {"A", "已建成城镇建设用地"},
      {"A1", "住宅用地"},
      {"A2", "工矿仓储用地"},
      {"B", "其他可建设土地"},
      {"B21", "已达到供地条件的其他土地"},
      {"C", "不可建设土地"},
      {"D", "已供应国有建设用地"},
      {"D22", "有偿使用且已到期但未处置土地"},
      {"E", "尚可供应土地"},
      {"E21", "尚可供应工矿仓储用地"},
      {"F", "不可供应土地"},
      {"G", "闲置土地"}};
  return k;
}

double category_ha(const LandAccount& a, const std::string& code) {
  static const std::map<std::string, double LandAccount::*> members = {
      {"S", &LandAccount::S},   {"A", &LandAccount::A},     {"A1", &LandAccount::A1},
      {"A2", &LandAccount::A2}, {"B", &LandAccount::B},     {"B21", &LandAccount::B21},
      {"C", &LandAccount::C},   {"D", &LandAccount::D},     {"D22", &LandAccount::D22},
      {"E", &LandAccount::E},   {"E21", &LandAccount::E21}, {"F", &LandAccount::F},
      {"G", &LandAccount::G}};
  auto it = members.find(code);
  return it == members.end() ? 0.0 : a.*(it->second);
}

namespace {

std::string fmt(const char* pattern, double a, double b = 0, double c = 0, double d = 0) {
  char buf[200];
  std::snprintf(buf, sizeof buf, pattern, a, b, c, d);
  return buf;
}

}  // namespace

std::vector<std::string> account_checks(const LandAccount& a, double tol) {
  std::vector<std::string> out;
  if (std::abs(a.S - (a.A + a.B + a.C)) > tol)
    out.push_back(fmt("S %.2f hm² ≠ A + B + C = %.2f + %.2f + %.2f hm²", a.S, a.A, a.B, a.C));
  if (std::abs(a.S - (a.D + a.E + a.F)) > tol)
    out.push_back(fmt("S %.2f hm² ≠ D + E + F = %.2f + %.2f + %.2f hm²", a.S, a.D, a.E, a.F));
  if (a.G > a.D + tol) out.push_back(fmt("G %.2f hm² exceeds D %.2f hm²", a.G, a.D));
  if (a.A1 + a.A2 > a.A + tol)
    out.push_back(fmt("A1 + A2 = %.2f + %.2f hm² exceeds A %.2f hm²", a.A1, a.A2, a.A));
  for (const auto& [code, name] : land_categories())
    if (category_ha(a, code) < -tol)
      out.push_back(code + " " + name + fmt(" is negative (%.2f hm²)", category_ha(a, code)));
  return out;
}

ParkType park_type(const LandAccount& a, const std::string& name, const TypeRule& rule,
                   std::string* why) {
  auto say = [why](const std::string& s) {
    if (why) *why = s;
  };
  for (const std::string& w : rule.name_words)
    if (!w.empty() && name.find(w) != std::string::npos) {
      say("name contains " + w + " (customs special supervision zone)");
      return ParkType::industrial;
    }
  if (a.A <= 0) {
    say("no built urban land (A = 0): the default type");
    return rule.mixed;
  }
  const double r_ind = a.A2 / a.A, r_res = a.A1 / a.A;
  const std::string shares = fmt("A2/A = %.1f %%, A1/A = %.1f %%", r_ind * 100, r_res * 100);
  if (r_ind > rule.industrial_share_min && r_res < rule.residential_share_max) {
    say(shares + fmt(": industrial share above %.0f %% and residential below %.0f %%",
                     rule.industrial_share_min * 100, rule.residential_share_max * 100));
    return ParkType::industrial;
  }
  if (r_ind <= rule.industrial_share_min && r_res >= rule.residential_share_max) {
    say(shares + fmt(": industrial share at most %.0f %% and residential at least %.0f %%",
                     rule.industrial_share_min * 100, rule.residential_share_max * 100));
    return ParkType::integrated;
  }
  say(shares + ": neither pattern, the model's type for mixed parks");
  return rule.mixed;
}

const std::vector<IndicatorDef>& indicator_defs() {
  using enum Polarity;
  // Numerator and denominator texts carry their unit; domain.md §1.7 gives the sources.
  static const std::vector<IndicatorDef> k = {
      {"supply_rate", "土地供应率", "land supply rate", "%", "D 已供应国有建设用地 (hm²)",
       "A + B21 已达到供地条件的土地 (hm²)", positive},
      {"built_rate", "土地建成率", "land built rate", "%", "A 已建成城镇建设用地 (hm²)",
       "D 已供应国有建设用地 (hm²)", positive},
      {"dev_rate", "土地开发率", "land development rate", "%", "A + B21 已达到供地条件的土地 (hm²)",
       "A + B 可建设土地 (hm²)", positive},
      {"ind_rate", "工业用地率", "industrial land share", "%", "A2 工矿仓储用地 (hm²)",
       "A 已建成城镇建设用地 (hm²)", positive},
      {"far", "综合容积率", "overall floor-area ratio", "", "A 上总建筑面积 (m²)",
       "A 已建成城镇建设用地 (m²)", positive},
      {"density", "建筑密度", "building density", "%", "A 上建筑基底总面积 (m²)",
       "A 已建成城镇建设用地 (m²)", positive},
      {"ind_far", "工业用地综合容积率", "industrial floor-area ratio", "", "A2 上总建筑面积 (m²)",
       "A2 工矿仓储用地 (m²)", positive},
      {"ind_cover", "工业用地建筑系数", "industrial building coverage", "%",
       "A2 上建筑物构筑物基底、露天堆场和操作场地面积 (m²)", "A2 工矿仓储用地 (m²)", positive},
      {"ind_inv", "工业用地固定资产投入强度", "industrial investment intensity", "万元/hm²",
       "工业（物流）企业累计固定资产投资总额 (万元)", "A2 工矿仓储用地 (hm²)", positive},
      {"ind_tax", "工业用地地均税收", "industrial tax per hectare", "万元/hm²",
       "工业（物流）企业税收总额 (万元)", "A2 工矿仓储用地 (hm²)", positive},
      {"tax_all", "综合地均税收", "overall tax per hectare", "万元/hm²",
       "二、三产业税收总额 (万元)", "A 已建成城镇建设用地 (hm²)", positive},
      {"pop_density", "人口密度", "population density", "人/hm²", "常住人口 (人)",
       "A 已建成城镇建设用地 (hm²)", positive},
      {"idle_rate", "土地闲置率", "idle land rate", "%", "G 闲置土地 (hm²)",
       "D 已供应国有建设用地 (hm²)", negative},
  };
  return k;
}

const IndicatorDef* find_indicator(const std::string& key) {
  for (const IndicatorDef& d : indicator_defs())
    if (d.key == key) return &d;
  return nullptr;
}

const IdealValue* EvaluationModel::ideal_for(const std::string& key,
                                             std::optional<ParkLevel> level) const {
  auto look = [&](const std::string& group) -> const IdealValue* {
    auto g = ideals.find(group);
    if (g == ideals.end()) return nullptr;
    auto it = g->second.find(key);
    return it == g->second.end() ? nullptr : &it->second;
  };
  if (level)
    if (const IdealValue* v = look(std::string(to_string(*level)))) return v;
  return look("default");
}

std::vector<std::string> model_problems(const EvaluationModel& m) {
  std::vector<std::string> out;
  auto sums_to_one = [&](double sum, const std::string& what) {
    if (std::abs(sum - 1.0) > 1e-6)
      out.push_back(what + fmt(": the weights sum to %.6g, not 1", sum));
  };
  sums_to_one(m.weight_main + m.weight_expansion, "range weights (main + expansion)");
  std::set<std::string> used;
  for (const auto& [type, by_range] : m.trees)
    for (const auto& [range, tree] : by_range) {
      const std::string where = std::string(to_string(type)) + "." + std::string(to_string(range));
      double goals = 0;
      for (const Goal& g : tree) {
        goals += g.weight;
        double subs = 0;
        for (const SubGoal& s : g.subgoals) {
          subs += s.weight;
          double inds = 0;
          for (const IndicatorWeight& i : s.indicators) {
            inds += i.weight;
            if (!find_indicator(i.key))
              out.push_back(where + " " + g.name + "/" + s.name + ": unknown indicator '" + i.key +
                            "'");
            else
              used.insert(i.key);
          }
          sums_to_one(inds, where + " " + g.name + "/" + s.name + " indicators");
        }
        sums_to_one(subs, where + " " + g.name + " sub-goals");
      }
      sums_to_one(goals, where + " goals");
    }
  for (const std::string& key : used) {
    const IndicatorDef* d = find_indicator(key);
    for (const auto& level : {"national", "provincial", "other"}) {
      std::optional<ParkLevel> l = parse_park_level(level);
      const IdealValue* v = m.ideal_for(key, l);
      if (!v)
        out.push_back(std::string("indicator ") + key + " has no ideal value for " + level +
                      " parks (nor a default)");
      else if (d->polarity == Polarity::positive && v->value <= 0)
        out.push_back(std::string("indicator ") + key + " needs a positive ideal value for " +
                      level + " parks");
    }
  }
  return out;
}

namespace {

struct Fraction {
  std::optional<double> num, den;
  double scale = 1;
  std::vector<std::string> parts;  // category codes and quantity names behind it
};

Fraction fraction_of(const std::string& key, const RangeInputs& in) {
  const LandAccount& a = in.land;
  const double pct = 100, m2 = 10000;
  if (key == "supply_rate") return {a.D, a.A + a.B21, pct, {"D", "A", "B21"}};
  if (key == "built_rate") return {a.A, a.D, pct, {"A", "D"}};
  if (key == "dev_rate") return {a.A + a.B21, a.A + a.B, pct, {"A", "B21", "B"}};
  if (key == "ind_rate") return {a.A2, a.A, pct, {"A2", "A"}};
  if (key == "far") return {in.floor_A_m2, a.A * m2, 1, {"floor_A_m2", "A"}};
  if (key == "density") return {in.footprint_A_m2, a.A * m2, pct, {"footprint_A_m2", "A"}};
  if (key == "ind_far") return {in.floor_A2_m2, a.A2 * m2, 1, {"floor_A2_m2", "A2"}};
  if (key == "ind_cover") return {in.cover_A2_m2, a.A2 * m2, pct, {"cover_A2_m2", "A2"}};
  if (key == "ind_inv") return {in.ind_invest_wan, a.A2, 1, {"ind_invest_wan", "A2"}};
  if (key == "ind_tax") return {in.ind_tax_wan, a.A2, 1, {"ind_tax_wan", "A2"}};
  if (key == "tax_all") return {in.tax23_wan, a.A, 1, {"tax23_wan", "A"}};
  if (key == "pop_density") return {in.population, a.A, 1, {"population", "A"}};
  if (key == "idle_rate") return {a.G, a.D, pct, {"G", "D"}};
  return {};
}

}  // namespace

IndicatorResult compute_indicator(const IndicatorDef& def, const RangeInputs& in) {
  IndicatorResult r;
  r.def = &def;
  const Fraction f = fraction_of(def.key, in);
  r.numerator = f.num;
  r.denominator = f.den;
  std::string source;
  for (const std::string& part : f.parts) {
    // A part is a land category (its derivation in land.source) or a quantity (in source).
    std::string how = "not available";
    if (auto c = in.land.source.find(part); c != in.land.source.end())
      how = c->second;
    else if (auto q = in.source.find(part); q != in.source.end())
      how = q->second;
    source += (source.empty() ? "" : "; ") + part + ": " + how;
  }
  r.source = source;
  if (!f.num)
    r.note = "numerator not available";
  else if (!f.den || *f.den <= 0)
    r.note = "denominator is 0";
  else
    r.value = *f.num / *f.den * f.scale;
  if (def.key == "built_rate" && r.value && *r.value > 100)
    r.note = "over 100 %: built land outside supplied land (kept, not clipped; domain.md §1.7)";
  return r;
}

std::optional<double> standardise(const IndicatorDef& def, double value, const IdealValue& ideal,
                                  const EvaluationModel& m) {
  double s = 0;
  if (def.polarity == Polarity::negative) {
    // The 规程's formula for 土地闲置率 was not found (domain.md §1.10): option (a) reads the rate
    // in % against 100, option (b) against a configured maximum.
    const double top = m.negative == NegativeScoring::complement ? 100.0 : m.negative_max;
    if (top <= 0) return std::nullopt;
    s = 100.0 * std::max(0.0, 1.0 - value / top);
  } else {
    if (ideal.value <= 0) return std::nullopt;
    s = value / ideal.value * 100.0;
    if (m.cap_at_ideal) s = std::min(s, 100.0);
  }
  return s;
}

namespace {

Potentials potentials_of(const RangeEvaluation& e, ParkType type) {
  Potentials p;
  const LandAccount& a = e.inputs.land;
  p.expansion_ha = a.E;
  p.expansion_ind_ha = a.E21;
  auto years = [](double stock, const std::array<double, 5>& by_year,
                  bool mean3) -> std::optional<double> {
    double base = 0;
    if (mean3)
      base = (by_year[0] + by_year[1] + by_year[2]) / 3.0;
    else
      base = *std::max_element(by_year.begin(), by_year.end());
    if (base <= 0) return std::nullopt;
    return stock / base;
  };
  p.years_avg3 = years(a.E, e.inputs.supplied_ha, true);
  p.years_max5 = years(a.E, e.inputs.supplied_ha, false);
  p.years_ind_avg3 = years(a.E21, e.inputs.ind_supplied_ha, true);
  p.years_ind_max5 = years(a.E21, e.inputs.ind_supplied_ha, false);
  for (const IndicatorResult& r : e.indicators) {
    if (!r.value || !r.ideal || r.ideal->value <= 0) continue;
    const double t = r.ideal->value, x = *r.value;
    if (r.def->key == "ind_rate" && type == ParkType::industrial)
      p.structure_ha = std::max(0.0, a.A * (t - x) / 100.0);
    if (r.def->key == "ind_far" || r.def->key == "ind_cover" || r.def->key == "ind_inv" ||
        r.def->key == "ind_tax")
      p.intensity_ha[r.def->key] = std::max(0.0, a.A2 * (t - x) / t);
  }
  p.management_ha = a.G + a.D22;
  return p;
}

}  // namespace

std::optional<double> Potentials::largest_intensity_ha() const {
  std::optional<double> top;
  for (const auto& [key, ha] : intensity_ha) top = std::max(top.value_or(0.0), ha);
  return top;
}

RangeEvaluation evaluate_range(const RangeInputs& in, ParkType type, const EvaluationModel& m) {
  RangeEvaluation e;
  e.inputs = in;
  e.checks = in.notes;
  for (std::string& c : account_checks(in.land)) e.checks.push_back(std::move(c));
  const IndicatorTree* tree = nullptr;
  if (auto t = m.trees.find(type); t != m.trees.end())
    if (auto r = t->second.find(in.range); r != t->second.end()) tree = &r->second;
  if (!tree) {
    e.missing = "the model has no indicator tree for " + std::string(to_string(type)) + " parks' " +
                std::string(to_string(in.range)) + " range";
    e.potentials = potentials_of(e, type);
    return e;
  }
  bool complete = true;
  double total = 0;
  for (const Goal& g : *tree) {
    double goal_score = 0;
    for (const SubGoal& s : g.subgoals) {
      double sub_score = 0;
      for (const IndicatorWeight& w : s.indicators) {
        const IndicatorDef* def = find_indicator(w.key);
        if (!def) continue;  // model_problems reports it; the score stays incomplete
        IndicatorResult r = compute_indicator(*def, in);
        r.goal = g.name;
        r.subgoal = s.name;
        r.weight = w.weight;
        r.range_weight = g.weight * s.weight * w.weight;
        if (const IdealValue* ideal = m.ideal_for(w.key, in.level)) r.ideal = *ideal;
        if (r.value && r.ideal) r.score = standardise(*def, *r.value, *r.ideal, m);
        if (r.score) {
          sub_score += w.weight * *r.score;
        } else {
          complete = false;
          e.missing += (e.missing.empty() ? "" : ", ") + def->name_zh + " (" +
                       (r.value ? "no ideal value" : r.note) + ")";
        }
        e.indicators.push_back(std::move(r));
      }
      e.subgoal_scores.emplace_back(s.name, sub_score);
      goal_score += s.weight * sub_score;
    }
    e.goal_scores.emplace_back(g.name, goal_score);
    total += g.weight * goal_score;
  }
  if (complete) e.score = total;
  e.potentials = potentials_of(e, type);
  return e;
}

std::vector<ParkEvaluation> evaluate_parks(const std::vector<RangeInputs>& ranges,
                                           const EvaluationModel& m) {
  std::vector<ParkEvaluation> parks;
  std::map<std::string, size_t> index;
  std::map<std::string, std::vector<const RangeInputs*>> members;
  for (const RangeInputs& r : ranges) {
    if (!index.count(r.park_id)) {
      index[r.park_id] = parks.size();
      ParkEvaluation p;
      p.park_id = r.park_id;
      p.name = r.name;
      parks.push_back(std::move(p));
    }
    members[r.park_id].push_back(&r);
  }
  for (ParkEvaluation& p : parks) {
    auto& list = members[p.park_id];
    std::stable_sort(list.begin(), list.end(), [](const RangeInputs* a, const RangeInputs* b) {
      return a->range == EvalRange::main && b->range != EvalRange::main;
    });
    // The type is the park's, read from its main range (the approved, largely built core).
    p.type = park_type(list.front()->land, p.name, m.type_rule, &p.type_reason);
    const RangeEvaluation* main = nullptr;
    const RangeEvaluation* expansion = nullptr;
    for (const RangeInputs* r : list) p.ranges.push_back(evaluate_range(*r, p.type, m));
    for (const RangeEvaluation& r : p.ranges)
      (r.inputs.range == EvalRange::main ? main : expansion) = &r;
    if (main && !expansion)
      p.score = main->score;
    else if (main && expansion && main->score && expansion->score)
      p.score = m.weight_main * *main->score + m.weight_expansion * *expansion->score;
  }
  // Ranking within type (national reports list 工业主导型 and 产城融合型 separately); equal
  // scores share a rank.
  for (ParkType type : {ParkType::industrial, ParkType::integrated}) {
    std::vector<ParkEvaluation*> list;
    for (ParkEvaluation& p : parks)
      if (p.type == type && p.score) list.push_back(&p);
    std::stable_sort(
        list.begin(), list.end(),
        [](const ParkEvaluation* a, const ParkEvaluation* b) { return *a->score > *b->score; });
    for (size_t k = 0; k < list.size(); ++k) {
      list[k]->rank = (k > 0 && *list[k]->score == *list[k - 1]->score) ? list[k - 1]->rank
                                                                        : static_cast<int>(k + 1);
      list[k]->ranked_in_type = static_cast<int>(list.size());
    }
  }
  return parks;
}

}  // namespace parkatlas
