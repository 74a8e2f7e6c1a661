// Column definitions of the parcels, parks and problems outputs.
#include "gis/io/results_writer.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/units.hpp"
#include "gis/io/gpkg_bulk_rows.hpp"

namespace parkatlas {

Cell optional_cell(const std::optional<double>& v) {
  return v ? Cell{*v} : Cell{std::monostate{}};
}
Cell text_or_null(const std::string& s) {
  return s.empty() ? Cell{std::monostate{}} : Cell{s};
}

namespace {

// An input column written as it is: texts are handed out without a copy.
TableColumn column_backed(const std::string& name, const Column& c) {
  const Column* col = &c;
  TableColumn t{{name, c.type()}, [col](size_t i) { return col->cell(i); }};
  if (c.type() == FieldType::text) t.text_view = [col](size_t i) { return col->text_view(i); };
  return t;
}

// A text per row, empty for null (text_or_null).
TableColumn texts_or_null(const char* name, const std::vector<std::string>& texts) {
  return {{name, FieldType::text},
          [&texts](size_t i) { return text_or_null(texts[i]); },
          [&texts](size_t i) -> std::optional<std::string_view> {
            if (texts[i].empty()) return std::nullopt;
            return texts[i];
          }};
}

Cell opt_flag(CheckState s) {
  auto f = as_flag(s);
  return f ? Cell{static_cast<std::int64_t>(*f)} : Cell{std::monostate{}};
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const std::vector<std::string>& computed_parcel_names() {
  static const std::vector<std::string> names = {
      "park_id",  "park_lvl", "land_m2", "land_mu",  "floor_m2", "floor_src", "far",
      "coverage", "inv_mu",   "tax_mu",  "rev_mu",   "far_min",  "inv_min",   "cov_min",
      "far_ok",   "inv_ok",   "cov_ok",  "verdict",  "reason",   "idle_cls",  "idle_days",
      "idle_fee", "low_eff",  "cluster", "mu_score", "mu_class", "problems"};
  return names;
}

}  // namespace

std::vector<OutField> fields_of(const std::vector<TableColumn>& columns) {
  std::vector<OutField> f;
  for (const auto& c : columns) f.push_back(c.field);
  return f;
}

std::vector<TableColumn> parcel_columns(const ProjectInputs& in, const ParcelEvaluation& ev,
                                        const std::map<long long, std::string>& problems_by_fid) {
  const LayerData& p = in.parcels;
  std::vector<TableColumn> cols;
  std::set<std::string> taken;
  for (const auto& n : computed_parcel_names()) taken.insert(n);

  // 1. Canonical input fields under their canonical names; where a computed field has the same
  //    name the input keeps an in_ prefix.
  for (const Column& c : p.canonical) {
    if (c.name().empty()) continue;  // canonical field the layer does not have
    std::string name = c.name();
    if (name == "park_id" || name == "land_m2" || name == "floor_m2") name = "in_" + name;
    taken.insert(lower(name));
    cols.push_back(column_backed(name, c));
  }
  // 2. Source fields nobody mapped, under their own names (src_ prefix on a clash).
  for (const Column& c : p.extra) {
    std::string name = c.name();
    while (taken.count(lower(name))) name = "src_" + name;
    taken.insert(lower(name));
    cols.push_back(column_backed(name, c));
  }
  // 3. Computed fields.
  const ParkTable& parks = in.park_table;
  auto level = [&ev, &parks](size_t i) -> Cell {
    int k = ev.park[i];
    if (k < 0 || !parks.levels[static_cast<size_t>(k)]) return std::monostate{};
    return std::string(to_string(*parks.levels[static_cast<size_t>(k)]));
  };
  using T = FieldType;
  cols.push_back(texts_or_null("park_id", ev.park_id));
  cols.push_back(
      {{"park_lvl", T::text}, level, [&ev, &parks](size_t i) -> std::optional<std::string_view> {
         int k = ev.park[i];
         if (k < 0 || !parks.levels[static_cast<size_t>(k)]) return std::nullopt;
         return to_string(*parks.levels[static_cast<size_t>(k)]);
       }});
  cols.push_back({{"land_m2", T::real}, [&ev](size_t i) { return Cell{ev.ind[i].land_m2}; }});
  cols.push_back({{"land_mu", T::real}, [&ev](size_t i) { return Cell{ev.ind[i].land_mu}; }});
  cols.push_back(
      {{"floor_m2", T::real}, [&ev](size_t i) { return optional_cell(ev.ind[i].floor_m2); }});
  cols.push_back({{"floor_src", T::text},
                  [&ev](size_t i) { return Cell{std::string(to_string(ev.ind[i].floor_src))}; },
                  [&ev](size_t i) { return std::optional{to_string(ev.ind[i].floor_src)}; }});
  cols.push_back({{"far", T::real}, [&ev](size_t i) { return optional_cell(ev.ind[i].far); }});
  cols.push_back(
      {{"coverage", T::real}, [&ev](size_t i) { return optional_cell(ev.ind[i].coverage); }});
  cols.push_back(
      {{"inv_mu", T::real}, [&ev](size_t i) { return optional_cell(ev.ind[i].inv_mu); }});
  cols.push_back(
      {{"tax_mu", T::real}, [&ev](size_t i) { return optional_cell(ev.ind[i].tax_mu); }});
  cols.push_back(
      {{"rev_mu", T::real}, [&ev](size_t i) { return optional_cell(ev.ind[i].rev_mu); }});
  cols.push_back(
      {{"far_min", T::real}, [&ev](size_t i) { return optional_cell(ev.judgement[i].far_min); }});
  cols.push_back(
      {{"inv_min", T::real}, [&ev](size_t i) { return optional_cell(ev.judgement[i].inv_min); }});
  cols.push_back(
      {{"cov_min", T::real}, [&ev](size_t i) { return optional_cell(ev.judgement[i].cov_min); }});
  cols.push_back(
      {{"far_ok", T::integer}, [&ev](size_t i) { return opt_flag(ev.judgement[i].far); }});
  cols.push_back(
      {{"inv_ok", T::integer}, [&ev](size_t i) { return opt_flag(ev.judgement[i].inv); }});
  cols.push_back(
      {{"cov_ok", T::integer}, [&ev](size_t i) { return opt_flag(ev.judgement[i].cov); }});
  cols.push_back({{"verdict", T::text},
                  [&ev](size_t i) { return Cell{std::string(to_string(ev.judgement[i].verdict))}; },
                  [&ev](size_t i) { return std::optional{to_string(ev.judgement[i].verdict)}; }});
  cols.push_back(
      {{"reason", T::text},
       [&ev](size_t i) { return Cell{ev.judgement[i].reason}; },
       [&ev](size_t i) { return std::optional{std::string_view(ev.judgement[i].reason)}; }});
  cols.push_back({{"idle_cls", T::text},
                  [&ev](size_t i) { return Cell{std::string(to_string(ev.idle[i].cls))}; },
                  [&ev](size_t i) { return std::optional{to_string(ev.idle[i].cls)}; }});
  cols.push_back({{"idle_days", T::integer}, [&ev](size_t i) {
                    return Cell{static_cast<std::int64_t>(ev.idle[i].idle_days)};
                  }});
  cols.push_back(
      {{"idle_fee", T::real}, [&ev](size_t i) { return optional_cell(ev.idle[i].fee); }});
  cols.push_back(texts_or_null("low_eff", ev.low_eff));
  cols.push_back(texts_or_null("cluster", ev.cluster));
  if (!ev.mu_class.empty()) {
    cols.push_back(
        {{"mu_score", T::real}, [&ev](size_t i) { return optional_cell(ev.mu_score[i]); }});
    cols.push_back({{"mu_class", T::text}, [&ev](size_t i) -> Cell {
                      return ev.mu_class[i] ? Cell{std::string(1, ev.mu_class[i])}
                                            : Cell{std::monostate{}};
                    }});
  }
  cols.push_back({{"problems", T::text}, [&p, &problems_by_fid](size_t i) -> Cell {
                    auto it = problems_by_fid.find(p.fids[i]);
                    return it == problems_by_fid.end() ? Cell{std::monostate{}} : Cell{it->second};
                  }});
  return cols;
}

ParkRows park_rows(const ProjectInputs& in, const std::map<std::string, ParkRollup>& rollups) {
  ParkRows rows;
  for (size_t k = 0; k < in.park_table.ids.size(); ++k) {
    rows.ids.push_back(in.park_table.ids[k]);
    rows.geoms.push_back(in.parks->geoms[k].get());
    rows.park_index.push_back(static_cast<int>(k));
  }
  // Parcels whose given park_id is not in the parks layer, and parcels outside every park.
  for (const auto& [id, r] : rollups) {
    if (std::find(rows.ids.begin(), rows.ids.end(), id) != rows.ids.end()) continue;
    rows.ids.push_back(id);
    rows.geoms.push_back(nullptr);
    rows.park_index.push_back(-1);
  }
  return rows;
}

std::vector<TableColumn> idle_rollup_columns(std::function<const ParkRollup*(size_t)> roll,
                                             const DigestionRules& digestion) {
  using T = FieldType;
  std::vector<TableColumn> cols;
  auto num = [roll](auto getter) {
    return [roll, getter](size_t i) -> Cell {
      const ParkRollup* r = roll(i);
      return r ? getter(*r) : Cell{std::monostate{}};
    };
  };
  auto mu = [num](double ParkRollup::*m) {
    return num([m](const ParkRollup& r) { return Cell{m2_to_mu(r.*m)}; });
  };
  // 批而未供 of the approval batches that belong here, and the rates of domain.md §4.1.
  cols.push_back({{"appr_mu", T::real}, mu(&ParkRollup::batch_m2)});
  cols.push_back({{"unsup_mu", T::real}, mu(&ParkRollup::unsupplied_m2)});
  cols.push_back({{"unsup_rate", T::real},
                  num([](const ParkRollup& r) { return optional_cell(r.unsupplied_rate()); })});
  cols.push_back({{"supply_rt", T::real}, num([](const ParkRollup& r) {
                    auto u = r.unsupplied_rate();
                    return u ? Cell{1.0 - *u} : Cell{std::monostate{}};
                  })});
  // 批而未用 = 批而未供 + 供而未用 and its digestion period (domain.md §4.2).
  cols.push_back({{"unused_mu", T::real}, mu(&ParkRollup::unused_m2)});
  cols.push_back({{"sup_win_mu", T::real}, mu(&ParkRollup::supplied_win_m2)});
  cols.push_back({{"sta_win_mu", T::real}, mu(&ParkRollup::started_win_m2)});
  cols.push_back({{"stock_mu", T::real}, num([digestion](const ParkRollup& r) {
                    return Cell{m2_to_mu(r.digestion(digestion).stock_m2)};
                  })});
  cols.push_back({{"dig_mu_yr", T::real}, num([digestion](const ParkRollup& r) {
                    return Cell{m2_to_mu(r.digestion(digestion).per_year_m2)};
                  })});
  cols.push_back({{"dig_years", T::real}, num([digestion](const ParkRollup& r) {
                    return optional_cell(r.digestion(digestion).years);
                  })});
  cols.push_back({{"dig_target", T::real},
                  num([digestion](const ParkRollup&) { return Cell{digestion.target_years}; })});
  cols.push_back({{"dig_ok", T::integer}, num([digestion](const ParkRollup& r) -> Cell {
                    auto ok = r.digestion(digestion).meets_target;
                    if (!ok) return std::monostate{};
                    return static_cast<std::int64_t>(*ok ? 1 : 0);
                  })});
  // Counts (i_) and areas in mu (imu_) by idle class.
  static const char* kIdleShort[ParkRollup::kIdleClasses] = {
      "none", "unsup", "pend", "overdue", "idle", "idle2y", "halted", "gov", "loweff"};
  for (int c = 0; c < ParkRollup::kIdleClasses; ++c) {
    cols.push_back({{std::string("i_") + kIdleShort[c], T::integer}, num([c](const ParkRollup& r) {
                      return Cell{static_cast<std::int64_t>(r.n_by_idle[static_cast<size_t>(c)])};
                    })});
    cols.push_back({{std::string("imu_") + kIdleShort[c], T::real}, num([c](const ParkRollup& r) {
                      return Cell{m2_to_mu(r.m2_by_idle[static_cast<size_t>(c)])};
                    })});
  }
  return cols;
}

std::vector<TableColumn> park_columns(const ProjectInputs& in, const ParkRows& rows,
                                      const std::map<std::string, ParkRollup>& rollups,
                                      const DigestionRules& digestion,
                                      const std::vector<ClusterDef>& clusters) {
  using T = FieldType;
  std::vector<TableColumn> cols;
  std::function<const ParkRollup*(size_t)> roll = [&rollups, &rows](size_t i) -> const ParkRollup* {
    auto it = rollups.find(rows.ids[i]);
    return it == rollups.end() ? nullptr : &it->second;
  };
  // Park attributes as read (canonical names), then the roll-up.
  if (in.parks) {
    for (const Column& c : in.parks->canonical) {
      if (c.name().empty() || c.name() == "park_id") continue;
      const Column* col = &c;
      cols.push_back({{c.name(), c.type()}, [col, &rows](size_t i) -> Cell {
                        return rows.park_index[i] < 0
                                   ? Cell{std::monostate{}}
                                   : col->cell(static_cast<size_t>(rows.park_index[i]));
                      }});
    }
  }
  cols.insert(cols.begin(), TableColumn{{"park_id", T::text}, [&rows](size_t i) -> Cell {
                                          return rows.ids[i].empty()
                                                     ? Cell{std::string("(outside every park)")}
                                                     : Cell{rows.ids[i]};
                                        }});
  auto num = [roll](auto getter) {
    return [roll, getter](size_t i) -> Cell {
      const ParkRollup* r = roll(i);
      return r ? getter(*r) : Cell{std::monostate{}};
    };
  };
  cols.push_back({{"n_parcels", T::integer}, num([](const ParkRollup& r) {
                    return Cell{static_cast<std::int64_t>(r.n_parcels)};
                  })});
  cols.push_back(
      {{"land_mu", T::real}, num([](const ParkRollup& r) { return Cell{m2_to_mu(r.land_m2)}; })});
  cols.push_back({{"n_ind", T::integer}, num([](const ParkRollup& r) {
                    return Cell{static_cast<std::int64_t>(r.n_industrial)};
                  })});
  cols.push_back(
      {{"ind_mu", T::real}, num([](const ParkRollup& r) { return Cell{m2_to_mu(r.ind_m2)}; })});
  cols.push_back(
      {{"ind_far", T::real}, num([](const ParkRollup& r) { return optional_cell(r.far()); })});
  cols.push_back({{"ind_inv_mu", T::real},
                  num([](const ParkRollup& r) { return optional_cell(r.inv_mu()); })});
  cols.push_back({{"far_cov", T::real}, num([](const ParkRollup& r) {
                    return r.ind_m2 > 0 ? Cell{r.ind_floor_land_m2 / r.ind_m2}
                                        : Cell{std::monostate{}};
                  })});
  cols.push_back({{"inv_cov", T::real}, num([](const ParkRollup& r) {
                    return r.ind_m2 > 0 ? Cell{r.ind_inv_land_m2 / r.ind_m2}
                                        : Cell{std::monostate{}};
                  })});
  cols.push_back({{"ok_sh_n", T::real},
                  num([](const ParkRollup& r) { return optional_cell(r.ok_share_count()); })});
  cols.push_back({{"ok_sh_area", T::real},
                  num([](const ParkRollup& r) { return optional_cell(r.ok_share_area()); })});
  // Key clusters: those the park's declared leading industries (主导产业) name.
  if (in.parks && !in.parks->field("industries").name().empty()) {
    const Column* industries = &in.parks->field("industries");
    cols.push_back({{"key_clus", T::text}, [industries, &rows, &clusters](size_t i) -> Cell {
                      if (rows.park_index[i] < 0) return std::monostate{};
                      auto text = industries->text(static_cast<size_t>(rows.park_index[i]));
                      if (!text) return std::monostate{};
                      std::string joined;
                      for (const auto& c : key_clusters(clusters, *text))
                        joined += (joined.empty() ? "" : "、") + c;
                      return text_or_null(joined);
                    }});
  }
  // Counts (n_) and areas in mu (mu_) by verdict, short names for Shapefile export.
  static const char* kShort[kVerdictCount] = {"ok",     "bfar",    "binv",  "bboth",
                                              "exempt", "unknown", "notind"};
  for (int v = 0; v < kVerdictCount; ++v) {
    cols.push_back({{std::string("n_") + kShort[v], T::integer}, num([v](const ParkRollup& r) {
                      return Cell{
                          static_cast<std::int64_t>(r.n_by_verdict[static_cast<size_t>(v)])};
                    })});
    cols.push_back({{std::string("mu_") + kShort[v], T::real}, num([v](const ParkRollup& r) {
                      return Cell{m2_to_mu(r.m2_by_verdict[static_cast<size_t>(v)])};
                    })});
  }
  auto more = idle_rollup_columns(roll, digestion);
  cols.insert(cols.end(), more.begin(), more.end());
  return cols;
}

std::vector<TableColumn> problem_columns(const ProblemList& problems) {
  using T = FieldType;
  const ProblemList* p = &problems;
  return {
      {{"layer", T::text}, [p](size_t i) { return Cell{(*p)[i].layer}; }},
      {{"source", T::text}, [p](size_t i) { return Cell{(*p)[i].source}; }},
      {{"src_fid", T::integer},
       [p](size_t i) -> Cell {
         return (*p)[i].fid < 0 ? Cell{std::monostate{}}
                                : Cell{static_cast<std::int64_t>((*p)[i].fid)};
       }},
      {{"feature", T::text}, [p](size_t i) { return text_or_null((*p)[i].feature_key); }},
      {{"field", T::text}, [p](size_t i) { return text_or_null((*p)[i].field); }},
      {{"message", T::text}, [p](size_t i) { return Cell{(*p)[i].message}; }},
      {{"action", T::text}, [p](size_t i) { return Cell{(*p)[i].action}; }},
  };
}

void write_rows(OutputLayer& layer, const std::vector<TableColumn>& columns, size_t rows,
                const std::function<const GEOSGeometry*(size_t)>& geometry, const GeosContext& geos,
                Progress& progress, const std::string& stage) {
  progress.begin(stage, static_cast<long long>(rows));
  for (size_t i = 0; i < rows; ++i) {
    if (i % 65536 == 0) progress.advance(static_cast<long long>(i));
    for (size_t c = 0; c < columns.size(); ++c) layer.set(c, columns[c].value(i));
    if (geometry) layer.set_geometry(geos, geometry(i));
    layer.write();
  }
  progress.end();
}

void write_table(VectorOutput& out, OutputLayer& layer, const std::vector<TableColumn>& columns,
                 size_t rows, std::function<const GEOSGeometry*(size_t)> geometry,
                 const GeosContext& geos, Progress& progress, const std::string& stage) {
  if (!out.defers_rows()) {
    write_rows(layer, columns, rows, geometry, geos, progress, stage);
    return;
  }
  out.defer_rows(layer, BulkRows{&columns, rows, std::move(geometry)}, stage, geos, progress);
}

}  // namespace parkatlas
