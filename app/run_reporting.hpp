// What `run` and `check` print: the per-layer reading report, the per-park table, the JSON summary.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "gis/analysis/run_analysis.hpp"

namespace parkatlas {

std::string format_layer_report(const LayerReport& r);
std::string format_run_summary(const RunResult& r);
// What `idle` prints: reading report, idle classes, 批而未供, summary per park and county.
std::string format_idle_run_summary(const RunResult& r);
nlohmann::json run_summary_json(const RunResult& r);
nlohmann::json layer_report_json(const LayerReport& r);

}  // namespace parkatlas
