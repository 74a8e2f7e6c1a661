// 开发区土地集约利用评价 (TD/T 1029, 2014 trial system; domain.md §1): land accounting categories
// of an evaluation range, the park type rule (§1.5), the indicators (§1.7) each with numerator,
// denominator, unit and source, standardisation against ideal values (§1.10), the weighted
// aggregation (§1.11), the potentials (§1.12) and the ranking within type. Weights and ideal
// values are data (a weights-and-ideals file read by gis/config); these functions are pure.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/park_level.hpp"

namespace parkatlas {

enum class EvalRange { main, expansion };        // 主区, 发展方向区
enum class ParkType { industrial, integrated };  // 工业主导型, 产城融合型
std::string_view to_string(EvalRange r);
std::string_view to_string(ParkType t);
std::optional<EvalRange> parse_eval_range(
    std::string_view text);  // main/主区, expansion/发展方向区

// The categories of domain.md §1.3, in hm², with how each was obtained.
struct LandAccount {
  double S = 0;                               // evaluation range (评价范围)
  double A = 0;                               // 已建成城镇建设用地
  double A1 = 0;                              // 住宅用地 (of A)
  double A2 = 0;                              // 工矿仓储用地 (of A)
  double B = 0;                               // 其他可建设土地
  double B21 = 0;                             // 已达到供地条件的其他土地
  double C = 0;                               // 不可建设土地
  double D = 0;                               // 已供应国有建设用地
  double D22 = 0;                             // 有偿使用且已到期但未处置土地
  double E = 0;                               // 尚可供应土地
  double E21 = 0;                             // 尚可供应工矿仓储用地
  double F = 0;                               // 不可供应土地
  double G = 0;                               // 闲置土地
  std::map<std::string, std::string> source;  // category code -> derivation or input field
};
// The categories in output order with their Chinese names ("A", "已建成城镇建设用地") …
const std::vector<std::pair<std::string, std::string>>& land_categories();
double category_ha(const LandAccount& a, const std::string& code);
// §1.3 consistency: S = A + B + C and S = D + E + F within `tolerance_ha`; G ≤ D; A2 ≤ A;
// A1 + A2 ≤ A; all areas ≥ 0. One message per failed check.
std::vector<std::string> account_checks(const LandAccount& a, double tolerance_ha = 0.01);

// What an evaluation range holds besides its land (numerators of §1.7); empty = not known.
struct RangeInputs {
  std::string park_id, name;
  std::optional<ParkLevel> level;  // picks the ideal values
  EvalRange range = EvalRange::main;
  LandAccount land;
  std::optional<double> floor_A_m2;      // 已建成城镇建设用地总建筑面积
  std::optional<double> footprint_A_m2;  // 已建成城镇建设用地建筑基底总面积
  std::optional<double> floor_A2_m2;     // 已建成工矿仓储用地总建筑面积
  std::optional<double> cover_A2_m2;  // 建筑物、构筑物基底、露天堆场和露天操作场地 on A2
  std::optional<double> ind_invest_wan;  // 工业（物流）企业累计固定资产投资总额
  std::optional<double> ind_tax_wan;     // 工业（物流）企业税收总额
  std::optional<double> tax23_wan;       // 二、三产业税收总额
  std::optional<double> population;      // 常住人口
  std::map<std::string, std::string> source;  // quantity name -> derivation or input field
  std::vector<std::string> notes;             // input problems, reported with the checks
  // Land supplied in each of the last five years before the evaluation date (index 0 = the
  // year ending on it), all land and industrial land, hm²: for 尚可供地年数.
  std::array<double, 5> supplied_ha{}, ind_supplied_ha{};
};

// §1.5: customs zones by name, then the shares of 工矿仓储 and 住宅 in A.
struct TypeRule {
  double industrial_share_min = 0.30;   // r_ind > this …
  double residential_share_max = 0.25;  // … and r_res < this: 工业主导型
  std::vector<std::string> name_words{"保税", "加工区"};
  ParkType mixed = ParkType::industrial;  // neither pattern (domain.md §1.5 [I])
};
ParkType park_type(const LandAccount& a, const std::string& name, const TypeRule& rule,
                   std::string* why = nullptr);

// The indicators of §1.7, by key.
enum class Polarity { positive, negative };
struct IndicatorDef {
  std::string key, name_zh, name_en, unit, numerator, denominator;
  Polarity polarity = Polarity::positive;
};
const std::vector<IndicatorDef>& indicator_defs();
const IndicatorDef* find_indicator(const std::string& key);

struct IdealValue {
  double value = 0;
  std::string basis;  // 理想值确定依据
};
struct IndicatorWeight {
  std::string key;
  double weight = 0;
};
struct SubGoal {
  std::string name;
  double weight = 0;
  std::vector<IndicatorWeight> indicators;
};
struct Goal {
  std::string name;
  double weight = 0;
  std::vector<SubGoal> subgoals;
};
using IndicatorTree = std::vector<Goal>;

enum class NegativeScoring { complement, linear_to_max };  // §1.10 options (a) and (b)

// A weights-and-ideals file in memory.
struct EvaluationModel {
  std::string name, title;
  double weight_main = 0.8, weight_expansion = 0.2;
  bool cap_at_ideal = true;
  NegativeScoring negative = NegativeScoring::complement;
  double negative_max = 100;  // X_max of option (b), in the indicator's unit
  TypeRule type_rule;
  std::map<ParkType, std::map<EvalRange, IndicatorTree>> trees;
  // Ideal values per park level ("national", "provincial", "other") with "default" as fallback.
  std::map<std::string, std::map<std::string, IdealValue>> ideals;
  const IdealValue* ideal_for(const std::string& key, std::optional<ParkLevel> level) const;
};
// What is wrong with a model (siblings not summing to 1 ± 1e-6, unknown indicator keys, an
// indicator of a tree without an ideal value, a positive indicator with ideal ≤ 0); empty = fine.
std::vector<std::string> model_problems(const EvaluationModel& m);

struct IndicatorResult {
  const IndicatorDef* def = nullptr;
  std::string goal, subgoal;
  double weight = 0;        // within its sub-goal
  double range_weight = 0;  // goal × sub-goal × indicator: its share of the range score
  std::optional<double> numerator, denominator;
  std::optional<double> value;  // in def->unit; empty when an input is missing or the
                                // denominator is 0
  std::string source;           // where numerator and denominator come from
  std::optional<IdealValue> ideal;
  std::optional<double> score;  // 0–100 (more when not capped)
  std::string note;             // e.g. "over 100 %: built land outside supplied land"
};
// The indicator's value from a range's inputs (no scoring).
IndicatorResult compute_indicator(const IndicatorDef& def, const RangeInputs& in);
// §1.10: X / T × 100 (capped at 100 when the model says so); negative indicators by the
// model's option.
std::optional<double> standardise(const IndicatorDef& def, double value, const IdealValue& ideal,
                                  const EvaluationModel& m);

struct Potentials {
  double expansion_ha = 0, expansion_ind_ha = 0;  // 扩展潜力: E, E21
  std::optional<double> years_avg3, years_max5;  // 尚可供地年数: E / 3-year mean, E / 5-year max
  std::optional<double> years_ind_avg3, years_ind_max5;  // the same for E21
  std::optional<double> structure_ha;  // 结构潜力, 工业主导型 only: A × (T − X) of 工业用地率
  std::map<std::string, double> intensity_ha;  // 强度潜力 per indicator: A2 × (T − X) / T, ≥ 0
  double management_ha = 0;                    // 管理潜力: G + D22
  // The four 强度潜力 measure one gap four ways; the largest is the land a park could save by
  // reaching every ideal. Empty when none could be computed.
  std::optional<double> largest_intensity_ha() const;
};

struct RangeEvaluation {
  RangeInputs inputs;
  std::vector<IndicatorResult> indicators;  // in tree order
  std::vector<std::pair<std::string, double>> subgoal_scores, goal_scores;
  std::optional<double> score;      // F_range; empty when an indicator has no value
  std::string missing;              // the indicators without a value, when score is empty
  std::vector<std::string> checks;  // the inputs' notes, then account_checks
  Potentials potentials;
};

struct ParkEvaluation {
  std::string park_id, name;
  ParkType type = ParkType::industrial;
  std::string type_reason;
  std::vector<RangeEvaluation> ranges;  // main first
  std::optional<double> score;          // F_total
  int rank = 0;                         // 1 = best within its type; 0 = unranked (no score)
  int ranked_in_type = 0;
};

RangeEvaluation evaluate_range(const RangeInputs& in, ParkType type, const EvaluationModel& m);
// Groups the ranges by park (type from the main range, else the first), combines the range scores
// (F_total; a park without an expansion range takes its main range's score) and ranks each type.
std::vector<ParkEvaluation> evaluate_parks(const std::vector<RangeInputs>& ranges,
                                           const EvaluationModel& m);

}  // namespace parkatlas
