// Human and JSON renderings of a run.
#include "app/run_reporting.hpp"

#include <cmath>
#include <cstdio>

#include "app/text_table.hpp"
#include "core/units.hpp"

#include "core/text_format.hpp"

namespace parkatlas {

namespace {

std::string opt_fmt(const char* f, const std::optional<double>& v) {
  return v ? format_number(f, *v) : "-";
}

}  // namespace

std::string format_layer_report(const LayerReport& r) {
  std::string s = "  " + r.kind + ": " + r.source + (r.layer.empty() ? "" : " [" + r.layer + "]") +
                  " (" + r.driver + ")\n";
  s += "    features: " + std::to_string(r.features_in_source) + " in source, " +
       std::to_string(r.features_read) + " read, " + std::to_string(r.features_skipped) +
       " skipped, " + std::to_string(r.geometries_repaired) + " repaired; " +
       std::to_string(r.values_rejected) + " values rejected\n";
  s += "    CRS: " + r.source_crs + " [from " + r.crs_decided_by + "]\n";
  if (r.encoding)
    s += "    encoding: " + r.encoding->encoding + " [" + r.encoding->decided_by +
         (r.encoding->detail.empty() ? "" : ": " + r.encoding->detail) + "]\n";
  std::string mapped, empty;
  for (const auto& f : r.fields) {
    if (f.source.empty()) {
      empty += (empty.empty() ? "" : ", ") + f.canonical;
    } else {
      mapped += (mapped.empty() ? "" : ", ") + f.canonical + " \xE2\x86\x90 " + f.source;
      if (f.how == MatchedBy::cut_alias)
        mapped += " (cut name)";
      else if (f.how == MatchedBy::config)
        mapped += " (config)";
    }
  }
  s += "    fields: " + (mapped.empty() ? std::string("none mapped") : mapped) + "\n";
  if (!empty.empty()) s += "    empty: " + empty + "\n";
  if (!r.unmapped_fields.empty()) {
    std::string u;
    for (const auto& f : r.unmapped_fields) u += (u.empty() ? "" : ", ") + f;
    s += "    kept as they are: " + u + "\n";
  }
  return s;
}

namespace {

std::string join(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : ", ") + p;
  return s;
}

std::string format_idle_summary(const RunResult& r) {
  TextTable t({"county / park", "name", "idle (n)", "idle (亩)", "low-eff (n)", "批而未供 (亩)",
               "供而未用 (亩)", "digested/yr (亩)", "digestion (yr)", "target"},
              {false, false, true, true, true, true, true, true, true, false});
  auto mu = [](double m2) { return format_number("%.1f", m2_to_mu(m2)); };
  for (const auto& line : r.idle_summary) {
    const ParkRollup& k = line.rollup;
    long idle_n = 0;
    double idle_m2 = 0;
    for (IdleClass c :
         {IdleClass::idle, IdleClass::idle_2y, IdleClass::halted_idle, IdleClass::gov_delay}) {
      idle_n += k.n_by_idle[static_cast<size_t>(c)];
      idle_m2 += k.m2_by_idle[static_cast<size_t>(c)];
    }
    const std::string target =
        line.digestion.meets_target ? (*line.digestion.meets_target ? "met" : "missed") : "-";
    t.add({(line.level == "park" ? "  " : "") + line.id,
           line.level == "park" ? line.name : line.level, std::to_string(idle_n), mu(idle_m2),
           std::to_string(k.n_by_idle[static_cast<size_t>(IdleClass::low_eff)]),
           mu(k.unsupplied_m2), mu(k.unused_m2), mu(line.digestion.per_year_m2),
           opt_fmt("%.1f", line.digestion.years), target});
  }
  return "Idle land and 批而未用 digestion (stock / yearly supply + starts over " +
         std::to_string(r.digestion_window_years) + " years; target ≤ " +
         format_number("%g", r.digestion_target_years) + " years):\n" + t.render();
}

std::string format_idle_lines(const RunResult& r) {
  std::string s = "Idle land (53号令) as of " + to_iso(r.as_of) + ":";
  for (int c = 0; c < ParkRollup::kIdleClasses; ++c)
    s += " " + std::string(to_string(static_cast<IdleClass>(c))) + " " +
         std::to_string(r.idle_classes[static_cast<size_t>(c)]) +
         (c + 1 < ParkRollup::kIdleClasses ? "," : "");
  if (r.batches > 0)
    s += "\n批而未供 (approved but not supplied): " + std::to_string(r.batches) +
         " approval batches, " + format_number("%.1f", m2_to_mu(r.batch_m2)) + " mu approved, " +
         format_number("%.1f", m2_to_mu(r.unsupplied_m2)) + " mu unsupplied (" +
         format_number("%.1f%%", r.batch_m2 > 0 ? 100 * r.unsupplied_m2 / r.batch_m2 : 0.0) +
         "); " + std::to_string(r.slivers) + " slivers dropped (layer 'unsupplied')";
  return s;
}

std::string format_conservation(const RunResult& r) {
  return "Conservation: " + std::to_string(r.parcels_in_source) +
         " parcels in source = " + std::to_string(r.parcels_analysed) + " analysed + " +
         std::to_string(r.parcels_skipped) + " skipped; parcel area " +
         format_number("%.2f", m2_to_mu(r.parcel_area_m2)) + " mu = park roll-ups " +
         format_number("%.2f", m2_to_mu(r.rollup_area_m2)) +
         " mu\nBuildings read: " + std::to_string(r.buildings_read) +
         "; data problems: " + std::to_string(r.problems) + " (layer 'problems')\n";
}

std::string format_result_files(const RunResult& r) {
  std::string s = "\nResults:\n  " + r.results_gpkg + " (layers " + join(r.layers_written) + ")\n";
  if (r.buildings_left_out)
    s += "  (buildings layer left out: " + std::to_string(r.buildings_left_out) +
         " buildings, more than the " + std::to_string(r.buildings_layer_max) +
         " a run copies by default; --buildings-layer copies them all)\n";
  if (!r.parcels_csv.empty()) s += "  " + r.parcels_csv + "\n";
  if (r.idle_csv.empty()) return s;  // a project run without --csv
  s += "  " + r.idle_csv + " (" + std::to_string(r.idle_rows) +
       " parcels the bureau can act on)\n  " + r.warnings_csv + " (" +
       std::to_string(r.warning_rows) + " becoming idle within the warning horizon)\n  " +
       r.low_eff_csv + " (" + std::to_string(r.low_eff_rows) + " low-efficiency parcels)\n  " +
       r.summary_csv + " (per park and county)\n";
  return s;
}

}  // namespace

std::string format_run_summary(const RunResult& r) {
  std::string s;
  s += "ParkAtlas run: rule set " + r.rule_set + ", as of " + to_iso(r.as_of) + "\n";
  s += "Measuring CRS: " + r.measuring_crs + " (" + r.measuring_method + ")\n\nLayers read:\n";
  for (const auto& l : r.layers) s += format_layer_report(l);

  TextTable t({"park", "name", "level", "parcels", "industrial", "FAR", "万元/亩", "compliant (n)",
               "compliant (area)", "TD/T 1029 (rank)"},
              {false, false, false, true, true, true, true, true, true, true});
  for (const auto& p : r.parks) {
    const ParkRollup& k = p.rollup;
    // The park's intensity score and its rank within its type (parkatlas evaluate has the rest).
    std::string score = "-";
    for (const ParkEvaluation& e : r.evaluation)
      if (e.park_id == p.park_id && e.score)
        score = opt_fmt("%.1f", e.score) + " (" + std::to_string(e.rank) + "/" +
                std::to_string(e.ranked_in_type) + ")";
    t.add({p.park_id.empty() ? "-" : p.park_id, p.name, p.level, std::to_string(k.n_parcels),
           std::to_string(k.n_industrial), opt_fmt("%.2f", k.far()), opt_fmt("%.0f", k.inv_mu()),
           opt_fmt("%.0f%%", k.ok_share_count() ? std::optional<double>(*k.ok_share_count() * 100)
                                                : std::nullopt),
           opt_fmt("%.0f%%", k.ok_share_area() ? std::optional<double>(*k.ok_share_area() * 100)
                                               : std::nullopt),
           score});
  }
  s += "\nPer park (industrial parcels; compliant = compliant or exempt among judged):\n" +
       t.render();

  s += "\nVerdicts:";
  for (int v = 0; v < kVerdictCount; ++v)
    s += " " + std::string(to_string(static_cast<Verdict>(v))) + " " +
         std::to_string(r.verdicts[static_cast<size_t>(v)]) + (v + 1 < kVerdictCount ? "," : "");
  s += "\n" + format_idle_lines(r);
  s += "\n\n" + format_idle_summary(r);
  s += format_conservation(r);
  s += format_result_files(r);
  return s;
}

std::string format_idle_run_summary(const RunResult& r) {
  std::string s = "ParkAtlas idle land: rule set " + r.rule_set + ", as of " + to_iso(r.as_of) +
                  "\nMeasuring CRS: " + r.measuring_crs + " (" + r.measuring_method +
                  ")\n\nLayers read:\n";
  for (const auto& l : r.layers) s += format_layer_report(l);
  s += "\n" + format_idle_lines(r) + "\n\n" + format_idle_summary(r) + format_conservation(r) +
       format_result_files(r);
  return s;
}

nlohmann::json layer_report_json(const LayerReport& l) {
  nlohmann::json j = {{"kind", l.kind},
                      {"source", l.source},
                      {"layer", l.layer},
                      {"driver", l.driver},
                      {"crs", l.source_crs},
                      {"crs_from", l.crs_decided_by},
                      {"features_in_source", l.features_in_source},
                      {"features_read", l.features_read},
                      {"features_skipped", l.features_skipped},
                      {"geometries_repaired", l.geometries_repaired},
                      {"values_rejected", l.values_rejected}};
  if (l.encoding)
    j["encoding"] = {{"encoding", l.encoding->encoding},
                     {"decided_by", l.encoding->decided_by},
                     {"detail", l.encoding->detail},
                     {"warnings", l.encoding->warnings}};
  nlohmann::json fields = nlohmann::json::object();
  std::vector<std::string> empty;
  for (const auto& f : l.fields) {
    if (f.source.empty())
      empty.push_back(f.canonical);
    else
      fields[f.canonical] = {{"source", f.source}, {"matched_by", std::string(to_string(f.how))}};
  }
  j["fields"] = fields;
  j["empty_fields"] = empty;
  j["unmapped_source_fields"] = l.unmapped_fields;
  return j;
}

nlohmann::json run_summary_json(const RunResult& r) {
  nlohmann::json j;
  j["as_of"] = to_iso(r.as_of);
  j["rule_set"] = r.rule_set;
  j["rule_hash"] = r.rule_hash;
  j["measuring_crs"] = {{"crs", r.measuring_crs}, {"method", r.measuring_method}};
  j["layers"] = nlohmann::json::array();
  for (const auto& l : r.layers) j["layers"].push_back(layer_report_json(l));
  nlohmann::json verdicts;
  for (int v = 0; v < kVerdictCount; ++v)
    verdicts[std::string(to_string(static_cast<Verdict>(v)))] = r.verdicts[static_cast<size_t>(v)];
  j["verdicts"] = verdicts;
  nlohmann::json idle;
  for (int c = 0; c < ParkRollup::kIdleClasses; ++c)
    idle[std::string(to_string(static_cast<IdleClass>(c)))] =
        r.idle_classes[static_cast<size_t>(c)];
  j["idle_classes"] = idle;
  j["unsupplied"] = {{"batches", r.batches},
                     {"approved_m2", r.batch_m2},
                     {"unsupplied_m2", r.unsupplied_m2},
                     {"slivers", r.slivers}};
  j["parks"] = nlohmann::json::array();
  auto opt = [](const std::optional<double>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  for (const auto& p : r.parks) {
    const ParkRollup& k = p.rollup;
    nlohmann::json by_verdict;
    for (int v = 0; v < kVerdictCount; ++v)
      by_verdict[std::string(to_string(static_cast<Verdict>(v)))] = {
          {"n", k.n_by_verdict[static_cast<size_t>(v)]},
          {"mu", m2_to_mu(k.m2_by_verdict[static_cast<size_t>(v)])}};
    j["parks"].push_back({{"park_id", p.park_id},
                          {"name", p.name},
                          {"level", p.level},
                          {"n_parcels", k.n_parcels},
                          {"land_mu", m2_to_mu(k.land_m2)},
                          {"n_industrial", k.n_industrial},
                          {"industrial_mu", m2_to_mu(k.ind_m2)},
                          {"far", opt(k.far())},
                          {"inv_wan_per_mu", opt(k.inv_mu())},
                          {"compliant_share_count", opt(k.ok_share_count())},
                          {"compliant_share_area", opt(k.ok_share_area())},
                          {"by_verdict", by_verdict}});
  }
  j["conservation"] = {{"parcels_in_source", r.parcels_in_source},
                       {"parcels_analysed", r.parcels_analysed},
                       {"parcels_skipped", r.parcels_skipped},
                       {"parcel_area_m2", r.parcel_area_m2},
                       {"rollup_area_m2", r.rollup_area_m2}};
  j["buildings_read"] = r.buildings_read;
  j["problems"] = r.problems;
  j["outputs"] = {{"results_gpkg", r.results_gpkg},
                  {"parcels_csv", r.parcels_csv},
                  {"idle_parcels_csv", r.idle_csv},
                  {"idle_warnings_csv", r.warnings_csv}};
  j["outputs"]["low_efficiency_csv"] = r.low_eff_csv;
  j["outputs"]["idle_summary_csv"] = r.summary_csv;
  j["outputs"]["layers"] = r.layers_written;
  j["outputs"]["buildings_left_out"] = r.buildings_left_out;
  j["low_efficiency_rows"] = r.low_eff_rows;
  nlohmann::json summary = nlohmann::json::array();
  for (const auto& line : r.idle_summary) {
    nlohmann::json by_class;
    for (int c = 0; c < ParkRollup::kIdleClasses; ++c)
      by_class[std::string(to_string(static_cast<IdleClass>(c)))] = {
          {"n", line.rollup.n_by_idle[static_cast<size_t>(c)]},
          {"mu", m2_to_mu(line.rollup.m2_by_idle[static_cast<size_t>(c)])}};
    summary.push_back(
        {{"level", line.level},
         {"id", line.id},
         {"name", line.name},
         {"by_idle_class", by_class},
         {"approved_mu", m2_to_mu(line.rollup.batch_m2)},
         {"unsupplied_mu", m2_to_mu(line.rollup.unsupplied_m2)},
         {"unsupplied_rate", opt(line.rollup.unsupplied_rate())},
         {"unused_mu", m2_to_mu(line.rollup.unused_m2)},
         {"stock_mu", m2_to_mu(line.digestion.stock_m2)},
         {"digested_mu_per_year", m2_to_mu(line.digestion.per_year_m2)},
         {"digestion_years", opt(line.digestion.years)},
         {"meets_target", line.digestion.meets_target ? nlohmann::json(*line.digestion.meets_target)
                                                      : nlohmann::json(nullptr)}});
  }
  j["idle_summary"] = summary;
  j["idle_list_rows"] = r.idle_rows;
  j["idle_warning_rows"] = r.warning_rows;
  nlohmann::json timings = nlohmann::json::array();
  for (const auto& t : r.timings) timings.push_back({{"stage", t.stage}, {"seconds", t.seconds}});
  j["timings"] = timings;
  j["peak_rss_mb"] = r.peak_rss_mb;
  return j;
}

}  // namespace parkatlas
