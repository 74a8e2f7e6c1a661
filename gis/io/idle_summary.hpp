// The idle-land summary per park and per county (issue 3 §5): counts and 亩 per idle class,
// 批而未供 rates and the 批而未用 digestion period. A county is the sum of its parks (by the parks
// layer's county field); parcels and batches outside every park form a row of their own.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/park_rollup.hpp"
#include "gis/analysis/project_inputs.hpp"
#include "gis/io/results_writer.hpp"

namespace parkatlas {

struct IdleSummaryRows {
  std::vector<std::string> level;  // park, county, total
  std::vector<std::string> id;     // park id, county name, "all"
  std::vector<std::string> name;   // park name, county name, ""
  std::vector<std::string> county;
  std::vector<ParkRollup> rollup;
};

IdleSummaryRows idle_summary_rows(const ProjectInputs& in,
                                  const std::map<std::string, ParkRollup>& rollups);

std::vector<TableColumn> idle_summary_columns(const IdleSummaryRows& rows,
                                              const DigestionRules& digestion);

}  // namespace parkatlas
