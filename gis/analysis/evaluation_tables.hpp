// The TD/T 1029 evaluation as output tables (issue 6 §2): `evaluation` (one row per park, range
// and indicator: value, numerator, denominator, unit, source, ideal and its basis, score,
// weight), `land_account` (one row per park, range and category, with its derivation) and the
// evaluation columns of the parks layer (type, score, rank, potentials).
#pragma once
#include <string>
#include <vector>

#include "core/park_evaluation.hpp"
#include "gis/io/results_writer.hpp"

namespace parkatlas {

struct EvaluationRow {
  const ParkEvaluation* park;
  const RangeEvaluation* range;
  const IndicatorResult* indicator;  // null for a range whose model has no tree
};
std::vector<EvaluationRow> evaluation_rows(const std::vector<ParkEvaluation>& parks);
std::vector<TableColumn> evaluation_columns(const std::vector<EvaluationRow>& rows);

struct AccountRow {
  const ParkEvaluation* park;
  const RangeEvaluation* range;
  std::string code, name;
};
std::vector<AccountRow> account_rows(const std::vector<ParkEvaluation>& parks);
std::vector<TableColumn> account_columns(const std::vector<AccountRow>& rows);

// Columns for the parks layer; `park_of(i)` is row i's evaluation (null = none).
std::vector<TableColumn> park_evaluation_columns(
    std::function<const ParkEvaluation*(size_t)> park_of);

const ParkEvaluation* find_evaluation(const std::vector<ParkEvaluation>& parks,
                                      const std::string& park_id);

}  // namespace parkatlas
