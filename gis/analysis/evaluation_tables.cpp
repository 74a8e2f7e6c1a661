// TD/T 1029 evaluation tables: field names fit a Shapefile's 10 bytes.
#include "gis/analysis/evaluation_tables.hpp"

#include <algorithm>

namespace parkatlas {

std::vector<EvaluationRow> evaluation_rows(const std::vector<ParkEvaluation>& parks) {
  std::vector<EvaluationRow> rows;
  for (const ParkEvaluation& p : parks)
    for (const RangeEvaluation& r : p.ranges) {
      if (r.indicators.empty()) rows.push_back({&p, &r, nullptr});
      for (const IndicatorResult& i : r.indicators) rows.push_back({&p, &r, &i});
    }
  return rows;
}

std::vector<TableColumn> evaluation_columns(const std::vector<EvaluationRow>& rows) {
  using T = FieldType;
  const auto& r = rows;
  auto ind = [&r](auto get) {
    return [&r, get](size_t i) -> Cell {
      return r[i].indicator ? get(*r[i].indicator) : Cell{std::monostate{}};
    };
  };
  return {
      {{"park_id", T::text}, [&r](size_t i) { return Cell{r[i].park->park_id}; }},
      {{"name", T::text}, [&r](size_t i) { return text_or_null(r[i].park->name); }},
      {{"range", T::text},
       [&r](size_t i) { return Cell{std::string(to_string(r[i].range->inputs.range))}; }},
      {{"type", T::text}, [&r](size_t i) { return Cell{std::string(to_string(r[i].park->type))}; }},
      {{"goal", T::text}, ind([](const IndicatorResult& x) { return Cell{x.goal}; })},
      {{"subgoal", T::text}, ind([](const IndicatorResult& x) { return Cell{x.subgoal}; })},
      {{"indicator", T::text}, ind([](const IndicatorResult& x) { return Cell{x.def->key}; })},
      {{"name_zh", T::text}, ind([](const IndicatorResult& x) { return Cell{x.def->name_zh}; })},
      {{"name_en", T::text}, ind([](const IndicatorResult& x) { return Cell{x.def->name_en}; })},
      {{"value", T::real}, ind([](const IndicatorResult& x) { return optional_cell(x.value); })},
      {{"unit", T::text}, ind([](const IndicatorResult& x) { return text_or_null(x.def->unit); })},
      {{"numerator", T::real},
       ind([](const IndicatorResult& x) { return optional_cell(x.numerator); })},
      {{"num_label", T::text},
       ind([](const IndicatorResult& x) { return Cell{x.def->numerator}; })},
      {{"denom", T::real},
       ind([](const IndicatorResult& x) { return optional_cell(x.denominator); })},
      {{"den_label", T::text},
       ind([](const IndicatorResult& x) { return Cell{x.def->denominator}; })},
      {{"ideal", T::real}, ind([](const IndicatorResult& x) {
         return x.ideal ? Cell{x.ideal->value} : Cell{std::monostate{}};
       })},
      {{"basis", T::text}, ind([](const IndicatorResult& x) {
         return x.ideal ? text_or_null(x.ideal->basis) : Cell{std::monostate{}};
       })},
      {{"score", T::real}, ind([](const IndicatorResult& x) { return optional_cell(x.score); })},
      {{"weight", T::real}, ind([](const IndicatorResult& x) { return Cell{x.range_weight}; })},
      {{"source", T::text}, ind([](const IndicatorResult& x) { return text_or_null(x.source); })},
      {{"note", T::text},
       [&r](size_t i) -> Cell {
         if (!r[i].indicator) return text_or_null(r[i].range->missing);
         return text_or_null(r[i].indicator->note);
       }},
  };
}

std::vector<AccountRow> account_rows(const std::vector<ParkEvaluation>& parks) {
  std::vector<AccountRow> rows;
  for (const ParkEvaluation& p : parks)
    for (const RangeEvaluation& r : p.ranges)
      for (const auto& [code, name] : land_categories()) rows.push_back({&p, &r, code, name});
  return rows;
}

std::vector<TableColumn> account_columns(const std::vector<AccountRow>& rows) {
  using T = FieldType;
  const auto& r = rows;
  return {
      {{"park_id", T::text}, [&r](size_t i) { return Cell{r[i].park->park_id}; }},
      {{"range", T::text},
       [&r](size_t i) { return Cell{std::string(to_string(r[i].range->inputs.range))}; }},
      {{"category", T::text}, [&r](size_t i) { return Cell{r[i].code}; }},
      {{"name_zh", T::text}, [&r](size_t i) { return Cell{r[i].name}; }},
      {{"area_ha", T::real},
       [&r](size_t i) { return Cell{category_ha(r[i].range->inputs.land, r[i].code)}; }},
      {{"source", T::text},
       [&r](size_t i) -> Cell {
         const auto& s = r[i].range->inputs.land.source;
         auto it = s.find(r[i].code);
         return it == s.end() ? Cell{std::monostate{}} : Cell{it->second};
       }},
  };
}

const ParkEvaluation* find_evaluation(const std::vector<ParkEvaluation>& parks,
                                      const std::string& park_id) {
  for (const ParkEvaluation& p : parks)
    if (p.park_id == park_id) return &p;
  return nullptr;
}

std::vector<TableColumn> park_evaluation_columns(
    std::function<const ParkEvaluation*(size_t)> park_of) {
  using T = FieldType;
  auto num = [park_of](auto get) {
    return [park_of, get](size_t i) -> Cell {
      const ParkEvaluation* p = park_of(i);
      return p ? get(*p) : Cell{std::monostate{}};
    };
  };
  auto range_score = [](const ParkEvaluation& p, EvalRange which) -> Cell {
    for (const RangeEvaluation& r : p.ranges)
      if (r.inputs.range == which) return optional_cell(r.score);
    return std::monostate{};
  };
  // Potentials of the main range (the expansion range's are in the evaluation table's inputs).
  auto main_of = [](const ParkEvaluation& p) -> const RangeEvaluation* {
    return p.ranges.empty() ? nullptr : &p.ranges.front();
  };
  return {
      {{"eval_type", T::text},
       num([](const ParkEvaluation& p) { return Cell{std::string(to_string(p.type))}; })},
      {{"eval_score", T::real},
       num([](const ParkEvaluation& p) { return optional_cell(p.score); })},
      {{"eval_main", T::real},
       num([range_score](const ParkEvaluation& p) { return range_score(p, EvalRange::main); })},
      {{"eval_exp", T::real}, num([range_score](const ParkEvaluation& p) {
         return range_score(p, EvalRange::expansion);
       })},
      {{"eval_rank", T::integer}, num([](const ParkEvaluation& p) -> Cell {
         if (!p.rank) return std::monostate{};
         return static_cast<std::int64_t>(p.rank);
       })},
      {{"eval_of", T::integer}, num([](const ParkEvaluation& p) -> Cell {
         if (!p.rank) return std::monostate{};
         return static_cast<std::int64_t>(p.ranked_in_type);
       })},
      {{"eval_note", T::text}, num([](const ParkEvaluation& p) -> Cell {
         std::string note;
         for (const RangeEvaluation& r : p.ranges) {
           if (!r.missing.empty())
             note += (note.empty() ? "" : "; ") + std::string(to_string(r.inputs.range)) +
                     ": no score, missing " + r.missing;
           for (const std::string& c : r.checks)
             note += (note.empty() ? "" : "; ") + std::string(to_string(r.inputs.range)) + ": " + c;
         }
         return text_or_null(note);
       })},
      {{"pot_exp_ha", T::real}, num([main_of](const ParkEvaluation& p) -> Cell {
         const RangeEvaluation* r = main_of(p);
         return r ? Cell{r->potentials.expansion_ha} : Cell{std::monostate{}};
       })},
      {{"pot_years", T::real}, num([main_of](const ParkEvaluation& p) -> Cell {
         const RangeEvaluation* r = main_of(p);
         return r ? optional_cell(r->potentials.years_avg3) : Cell{std::monostate{}};
       })},
      {{"pot_str_ha", T::real}, num([main_of](const ParkEvaluation& p) -> Cell {
         const RangeEvaluation* r = main_of(p);
         return r ? optional_cell(r->potentials.structure_ha) : Cell{std::monostate{}};
       })},
      {{"pot_int_ha", T::real}, num([main_of](const ParkEvaluation& p) -> Cell {
         const RangeEvaluation* r = main_of(p);
         return r ? optional_cell(r->potentials.largest_intensity_ha()) : Cell{std::monostate{}};
       })},
      {{"pot_mgt_ha", T::real}, num([main_of](const ParkEvaluation& p) -> Cell {
         const RangeEvaluation* r = main_of(p);
         return r ? Cell{r->potentials.management_ha} : Cell{std::monostate{}};
       })},
  };
}

}  // namespace parkatlas
