// The one-shot analysis run and its outputs.
#include "gis/analysis/run_analysis.hpp"

#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <mutex>
#include <thread>

#include "core/units.hpp"
#include "gis/analysis/cluster_zones.hpp"
#include "gis/analysis/evaluation_tables.hpp"
#include "gis/analysis/expansion.hpp"
#include "gis/analysis/floor_from_buildings.hpp"
#include "gis/analysis/parcel_evaluation.hpp"
#include "gis/analysis/park_assignment.hpp"
#include "gis/analysis/park_evaluation_inputs.hpp"
#include "gis/analysis/project_inputs.hpp"
#include "gis/config/evaluation_model_file.hpp"
#include "gis/gis_error.hpp"
#include "gis/io/csv_writer.hpp"
#include "gis/io/idle_lists.hpp"
#include "gis/io/idle_summary.hpp"
#include "gis/io/results_writer.hpp"
#include "gis/io/vector_output.hpp"
#include "gis/parallel.hpp"

namespace parkatlas {

namespace fs = std::filesystem;

namespace {

class StageClock {
 public:
  explicit StageClock(std::vector<StageTiming>& out) : out_(out), start_(now()) {}
  void lap(const std::string& stage) {
    auto t = now();
    out_.push_back({stage, std::chrono::duration<double>(t - start_).count()});
    start_ = t;
  }

 private:
  static std::chrono::steady_clock::time_point now() { return std::chrono::steady_clock::now(); }
  std::vector<StageTiming>& out_;
  std::chrono::steady_clock::time_point start_;
};

// Attributes each building's floor area and footprint to the parcels it stands on. Without a
// buildings output the layer is read in slices on all cores, each with its own sums; with one,
// buildings are streamed into the output as they are read (never all held in memory).
long long attribute_buildings(ProjectInputs& in, const ParcelIndex& index, const RuleSet& rules,
                              ParcelEvaluation& ev, VectorOutput* out, ProblemList& problems,
                              Progress& progress) {
  const size_t n = in.parcels.size();
  ev.buildings_loaded = true;
  LayerReader& reader = *in.buildings_reader;
  const int parts = out ? 1 : worker_count();

  OutputLayer* layer = nullptr;
  if (out) {
    std::vector<OutField> fields;
    for (const auto& f : canonical_fields(LayerKind::buildings)) fields.push_back({f.name, f.type});
    fields.push_back({"fp_m2", FieldType::real});
    fields.push_back({"bldg_m2", FieldType::real});
    fields.push_back({"n_parcels", FieldType::integer});
    layer = &out->add_layer("buildings", &in.measuring.srs, wkbMultiPolygon, fields);
    out->begin_batch();
  }

  // Each slice keeps its contributions in read order; they are added to the parcels slice by
  // slice afterwards, the very order of a single-threaded run, so sums agree to the last bit.
  struct Contribution {
    std::uint32_t parcel;
    double floor_m2, footprint_m2;
  };
  struct Sums {
    std::vector<Contribution> added;
    ProblemList problems;
    std::vector<ParcelIndex::Share> shares;
    ParcelIndex::PreparedCache prepared;
    long long count = 0;
  };
  std::vector<Sums> sums;
  std::atomic<long long> seen{0};
  std::mutex progress_mutex;
  progress.begin("attributing buildings to parcels", reader.report().features_in_source);
  reader.for_each_parallel(
      // Many slices a thread, taken as threads come free: with one each, the thread whose half of
      // the buildings straddled more parcels left the other core idle for up to a second at
      // province scale; with four each, the last slice still ran alone for 0.3–0.5 s.
      in.measuring, parts, 12, [&](size_t slices) { sums.resize(slices); },
      [&](int k, FeatureRow& row, const GeosContext& g) {
        Sums& s = sums[static_cast<size_t>(k)];
        if (++s.count % 65536 == 0) {
          const long long total = seen += 65536;
          // Whichever thread gets there reports, never two at once.
          if (std::unique_lock lock(progress_mutex, std::try_to_lock); lock)
            progress.advance(total);
        }
        // The reader measured the footprint when it checked the geometry (always positive).
        const double fp = row.area_m2;
        BuildingFloor bf = building_floor_area(building_input(row.canonical, fp), rules.buildings);
        if (!bf.note.empty())
          s.problems.push_back(
              {"buildings", reader.report().source, row.fid, "", "floors", bf.note, "assumed"});
        index.shares(g, row.geometry.get(), row.convex, fp, s.shares, s.prepared);
        for (const auto& sh : s.shares)
          s.added.push_back({static_cast<std::uint32_t>(sh.parcel),
                             bf.bldg_m2 * (sh.footprint_m2 / fp), sh.footprint_m2});
        if (layer) {
          size_t c = 0;
          for (const Cell& v : row.canonical) layer->set(c++, v);
          layer->set(c++, fp);
          layer->set(c++, bf.bldg_m2);
          layer->set(c++, static_cast<std::int64_t>(s.shares.size()));
          layer->set_geometry(g, row.geometry.get());
          layer->write();
        }
      });
  if (out) out->end_batch();
  progress.end();
  ev.bldg_floor_m2.assign(n, 0.0);
  ev.bldg_footprint_m2.assign(n, 0.0);
  // Each thread adds the contributions to one range of parcels, going through every slice in
  // order: a parcel's sum is taken in read order whatever the thread count.
  const size_t adders = n < 65536 ? 1 : static_cast<size_t>(worker_count());
  run_parallel(adders, [&](size_t k) {
    const size_t lo = n * k / adders, hi = n * (k + 1) / adders;
    for (const auto& s : sums)
      for (const auto& c : s.added)
        if (c.parcel >= lo && c.parcel < hi) {
          ev.bldg_floor_m2[c.parcel] += c.floor_m2;
          ev.bldg_footprint_m2[c.parcel] += c.footprint_m2;
        }
  });
  long long count = 0;
  for (auto& s : sums) {
    count += s.count;
    problems.insert(problems.end(), s.problems.begin(), s.problems.end());
  }
  return count;
}

std::map<long long, std::string> parcel_problem_text(const ProblemList& problems) {
  std::map<long long, std::string> by_fid;
  for (const auto& p : problems) {
    if (p.layer != "parcels" || p.fid < 0) continue;
    std::string& s = by_fid[p.fid];
    if (!s.empty()) s += "; ";
    s += (p.field.empty() ? "" : p.field + ": ") + p.message;
  }
  return by_fid;
}

}  // namespace

long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

Analysis analyse_parcels(const ProjectConfig& config, const RuleSet& rules, const CivilDate& as_of,
                         VectorOutput* buildings_out, Progress& progress,
                         long long buildings_layer_max) {
  Analysis a;
  a.geos = std::make_unique<GeosContext>();
  const GeosContext& geos = *a.geos;
  StageClock clock(a.timings);
  a.in = load_project_inputs(config, geos, a.problems, progress, /*batches_later=*/true);
  clock.lap("read parks and parcels");
  // The parcels' index for the buildings is built on a thread of its own while the parks are
  // assigned (0.3–0.4 s on one core for a province, and the assignment's threads end unevenly).
  // Nothing else uses the main GEOS context meanwhile.
  std::future<std::unique_ptr<ParcelIndex>> index;
  if (a.in.buildings_reader)
    index = std::async(std::launch::async, [&a, &geos] {
      return std::make_unique<ParcelIndex>(geos, a.in.parcels.geoms);
    });
  assign_parks(a.in, a.ev, a.problems, progress);
  clock.lap("assign parks");
  if (a.in.buildings_reader) {
    const long long in_source = a.in.buildings_reader->report().features_in_source;
    if (buildings_out && buildings_layer_max >= 0 && in_source > buildings_layer_max) {
      a.buildings_left_out = in_source;
      buildings_out = nullptr;
    }
    a.buildings_read =
        attribute_buildings(a.in, *index.get(), rules, a.ev, buildings_out, a.problems, progress);
    clock.lap(buildings_out ? "buildings: read, attribute, write" : "buildings: read, attribute");
  }
  evaluate_parcels(a.in, rules, as_of, a.ev, a.problems, progress);
  // The roll-up's inputs are made a block at a time on all cores and added in parcel order (the
  // same sums as over one vector; a million outcomes at once were 200 MB of fresh pages filled on
  // one thread).
  const Column& invest = a.in.parcels.field("invest_wan");
  const Column &supplied_at = a.in.parcels.field("supplied"),
               &started_at = a.in.parcels.field("started");
  const size_t n = a.in.parcels.size();
  std::vector<ParcelOutcome> block(std::min<size_t>(n, 1 << 15));
  a.rollups = empty_park_rollups(a.in.park_table.ids);
  const auto parts = static_cast<size_t>(worker_count());
  for (size_t first = 0; first < n; first += block.size()) {
    const size_t count = std::min(block.size(), n - first);
    const size_t threads = count < 4096 ? 1 : parts;
    run_parallel(threads, [&](size_t k) {
      for (size_t b = count * k / threads; b < count * (k + 1) / threads; ++b) {
        const size_t i = first + b;
        ParcelOutcome& o = block[b];
        o.park_id = a.ev.park_id[i];
        o.ind = a.ev.ind[i];
        o.verdict = a.ev.judgement[i].verdict;
        o.industrial = a.ev.judgement[i].industrial;
        o.idle = a.ev.idle[i].cls;
        o.invest_wan = invest.real(i);
        const auto supplied = supplied_at.date(i), started = started_at.date(i);
        const bool is_supplied = supplied && *supplied <= as_of;
        const bool is_started = started && *started <= as_of;
        o.unused = is_supplied && !is_started;
        o.supplied_in_window =
            is_supplied && in_digestion_window(*supplied, as_of, rules.digestion);
        o.started_in_window = is_started && in_digestion_window(*started, as_of, rules.digestion);
      }
    });
    add_to_park_rollups(a.rollups, block.data(), count);
  }
  clock.lap("indicators, verdicts, roll-up");
  return a;
}

void add_clusters(Analysis& a, const RuleSet& rules) {
  a.clusters = analyse_clusters(a.in, rules, a.ev);
}

void add_unsupplied(Analysis& a, const RuleSet& rules, const CivilDate& as_of, Progress& progress) {
  read_batches(a.in, *a.geos, a.problems, progress);
  if (!a.in.batches) return;
  // 批而未供 per batch, then per park (a batch belongs to the park it overlaps most).
  const GeosContext& geos = *a.geos;
  std::vector<std::optional<CivilDate>> supplied;
  const Column& supplied_col = a.in.parcels.field("supplied");
  for (size_t i = 0; i < a.in.parcels.size(); ++i) supplied.push_back(supplied_col.date(i));
  a.unsupplied = unsupplied_by_batch(
      *a.in.batches, a.in.parcels.geoms, supplied, as_of,
      SliverSettings{rules.unsupplied.sliver_area_m2, rules.unsupplied.sliver_width_m}, geos,
      a.problems, a.in.batches_reader->report().source, &progress);
  std::optional<ParkLocator> locator;
  if (a.in.parks) locator.emplace(geos, a.in.parks->geoms);
  for (size_t b = 0; b < a.unsupplied.size(); ++b) {
    int park =
        locator ? locator->locate(a.in.batches->geoms[b].get(), a.in.batches->areas[b]).park : -1;
    a.batch_park.push_back(park >= 0 ? a.in.park_table.ids[static_cast<size_t>(park)] : "");
    a.batch_park_index.push_back(park);
    ParkRollup& r = a.rollups[a.batch_park.back()];
    r.park_id = a.batch_park.back();
    r.batch_m2 += a.unsupplied[b].approved_m2;
    r.unsupplied_m2 += a.unsupplied[b].unsupplied_m2;
  }
}

Analysis analyse_project(const ProjectConfig& config, const RuleSet& rules, const CivilDate& as_of,
                         VectorOutput* buildings_out, Progress& progress,
                         long long buildings_layer_max) {
  Analysis a = analyse_parcels(config, rules, as_of, buildings_out, progress, buildings_layer_max);
  StageClock clock(a.timings);
  add_clusters(a, rules);
  clock.lap("industry clusters");
  if (a.in.batches_reader) {  // read now or left for add_unsupplied
    add_unsupplied(a, rules, as_of, progress);
    clock.lap("批而未供 (approval batches minus supplied parcels)");
  }
  return a;
}

namespace {

// The 批而未供 pieces per batch (issue 3 §1).
std::vector<TableColumn> unsupplied_columns(const Analysis& a) {
  using T = FieldType;
  const auto& u = a.unsupplied;
  const auto& park = a.batch_park;
  return {
      {{"batch_id", T::text}, [&u](size_t b) { return Cell{u[b].batch_id}; }},
      {{"approved", T::date},
       [&u](size_t b) { return u[b].approved ? Cell{*u[b].approved} : Cell{std::monostate{}}; }},
      {{"park_id", T::text}, [&park](size_t b) { return text_or_null(park[b]); }},
      {{"appr_m2", T::real}, [&u](size_t b) { return Cell{u[b].approved_m2}; }},
      {{"unsup_m2", T::real}, [&u](size_t b) { return Cell{u[b].unsupplied_m2}; }},
      {{"unsup_mu", T::real}, [&u](size_t b) { return Cell{m2_to_mu(u[b].unsupplied_m2)}; }},
      {{"unsup_rate", T::real},
       [&u](size_t b) {
         return u[b].approved_m2 > 0 ? Cell{u[b].unsupplied_m2 / u[b].approved_m2}
                                     : Cell{std::monostate{}};
       }},
      {{"age_years", T::integer},
       [&u](size_t b) {
         return u[b].age_years >= 0 ? Cell{static_cast<std::int64_t>(u[b].age_years)}
                                    : Cell{std::monostate{}};
       }},
      {{"age_bucket", T::text},
       [&u](size_t b) { return Cell{std::string(age_bucket(u[b].age_years))}; }},
      {{"slivers", T::integer},
       [&u](size_t b) { return Cell{static_cast<std::int64_t>(u[b].slivers)}; }},
      {{"sliver_m2", T::real}, [&u](size_t b) { return Cell{u[b].sliver_m2}; }},
  };
}

// The approval batches as used: repaired geometry in the measuring CRS, canonical fields, the
// park each belongs to and its area.
std::vector<TableColumn> batch_columns(const Analysis& a) {
  using T = FieldType;
  const LayerData& b = *a.in.batches;
  std::vector<TableColumn> cols;
  for (const Column& c : b.canonical) {
    if (c.name().empty()) continue;
    const Column* col = &c;
    cols.push_back({{c.name(), c.type()}, [col](size_t i) { return col->cell(i); }});
  }
  const auto& u = a.unsupplied;
  const auto& park = a.batch_park;
  cols.push_back({{"src_fid", T::integer},
                  [&b](size_t i) { return Cell{static_cast<std::int64_t>(b.fids[i])}; }});
  cols.push_back({{"park_id", T::text}, [&park](size_t i) { return text_or_null(park[i]); }});
  cols.push_back({{"appr_m2", T::real}, [&u](size_t i) { return Cell{u[i].approved_m2}; }});
  cols.push_back(
      {{"appr_mu", T::real}, [&u](size_t i) { return Cell{m2_to_mu(u[i].approved_m2)}; }});
  return cols;
}

}  // namespace

RunResult run_analysis(const ProjectConfig& config, const RuleSet& rules, const RunOptions& options,
                       Progress& progress) {
  RunResult result;
  const bool to_project = !options.project.empty();
  const bool csv_files = !options.out_dir.empty();
  const std::string& pre = options.layer_prefix;
  if (csv_files) {
    fs::create_directories(options.out_dir);
    const fs::path dir(options.out_dir);
    result.results_gpkg = (dir / (options.idle_only ? "idle.gpkg" : "results.gpkg")).string();
    if (!options.idle_only) result.parcels_csv = (dir / "parcels.csv").string();
    result.idle_csv = (dir / "idle-parcels.csv").string();
    result.warnings_csv = (dir / "idle-warnings.csv").string();
    result.low_eff_csv = (dir / "low-efficiency-parcels.csv").string();
    result.summary_csv = (dir / "idle-summary.csv").string();
  }
  if (to_project) result.results_gpkg = options.project;
  // The TD/T 1029 weights and ideals (issue 6 §2), read before the analysis so that a broken
  // file stops the run at once; `idle` does not evaluate parks.
  std::string model_file;
  EvaluationModel model;
  if (!options.idle_only) {
    model_file = evaluation_model_file(config.evaluation_model.empty() ? rules.evaluation_model
                                                                       : config.evaluation_model);
    model = load_evaluation_model(model_file);
  }
  std::unique_ptr<VectorOutput> output =
      to_project ? VectorOutput::open_for_update(options.project)
                 : std::make_unique<VectorOutput>(result.results_gpkg, "GPKG");
  VectorOutput& gpkg = *output;

  if (!options.spatial_index) gpkg.set_default_layer_options({"SPATIAL_INDEX=NO"});
  const bool buildings_layer = options.write_buildings && !options.idle_only;
  Analysis a = analyse_parcels(config, rules, options.as_of, buildings_layer ? &gpkg : nullptr,
                               progress, options.buildings_layer_max);
  result.buildings_left_out = a.buildings_left_out;
  result.buildings_layer_max = options.buildings_layer_max;
  if (buildings_layer && a.in.buildings_reader && !a.buildings_left_out)
    result.layers_written.push_back("buildings");
  result.timings = a.timings;
  StageClock clock(result.timings);
  const GeosContext& geos = *a.geos;
  ProjectInputs& in = a.in;
  ParcelEvaluation& ev = a.ev;
  ProblemList& problems = a.problems;
  auto& rollups = a.rollups;

  // The parcels are final here (later steps report approval batches, not parcels), so a second
  // thread works out the industry clusters and then writes the CSV files of the parcels while
  // this one subtracts the supplied parcels from the batches, evaluates the parks and writes the
  // GDAL layers: the clusters and the CSV writer each use one core, and these steps never kept
  // both busy.
  const auto by_fid = parcel_problem_text(problems);
  std::vector<TableColumn> pcols;  // made on the side thread once the grades are in

  std::promise<void> clusters_added;
  std::future<void> clusters_ready = clusters_added.get_future();
  std::exception_ptr csv_error;
  std::thread side_thread([&] {
    try {
      add_clusters(a, rules);  // fills the 亩均 grades of the parcels before their columns
      pcols = parcel_columns(in, ev, by_fid);
      clusters_added.set_value();
    } catch (...) {
      clusters_added.set_exception(std::current_exception());
      return;
    }
    try {
      const auto idle_rows = idle_list_rows(ev), warning_rows = idle_warning_rows(ev),
                 low_rows = low_efficiency_rows(ev);
      if (csv_files) {
        if (!options.idle_only) write_csv(result.parcels_csv, pcols, in.parcels.size());
        write_csv(result.idle_csv, idle_list_columns(in, ev, idle_rows), idle_rows.size());
        write_csv(result.warnings_csv, idle_list_columns(in, ev, warning_rows),
                  warning_rows.size());
        write_csv(result.low_eff_csv, idle_list_columns(in, ev, low_rows), low_rows.size());
      }
      result.idle_rows = static_cast<long long>(idle_rows.size());
      result.warning_rows = static_cast<long long>(warning_rows.size());
      result.low_eff_rows = static_cast<long long>(low_rows.size());
    } catch (...) {
      csv_error = std::current_exception();
    }
  });
  JoinOnExit joiner{side_thread};
  if (in.batches_reader) {  // read by add_unsupplied
    add_unsupplied(a, rules, options.as_of, progress);
    clock.lap("批而未供 (approval batches minus supplied parcels; clusters, CSV files alongside)");
  }
  clusters_ready.get();  // rethrows what the clusters threw
  if (!options.idle_only) {
    a.evaluation_model_file = model_file;
    a.evaluation_model = std::move(model);
    a.evaluation = evaluate_parks(evaluation_inputs(a, rules, options.as_of), a.evaluation_model);
    clock.lap("park evaluation (TD/T 1029)");
  }
  result.buildings_read = a.buildings_read;
  for (size_t i = 0; i < in.parcels.size(); ++i) {
    result.idle_classes[static_cast<size_t>(ev.idle[i].cls)] += 1;
    result.verdicts[static_cast<size_t>(ev.judgement[i].verdict)] += 1;
    result.parcel_area_m2 += ev.ind[i].land_m2;
  }
  for (const auto& [id, r] : rollups) result.rollup_area_m2 += r.land_m2;
  for (const auto& u : a.unsupplied) {
    ++result.batches;
    result.slivers += u.slivers;
    result.batch_m2 += u.approved_m2;
    result.unsupplied_m2 += u.unsupplied_m2;
  }

  // Results: parcels, parks, problems, run_info (the CSV files of the parcels are being written
  // meanwhile on the side thread); the summary needs the batches, so it is written here.
  const IdleSummaryRows summary = idle_summary_rows(in, rollups);
  const auto scols = idle_summary_columns(summary, rules.digestion);
  if (csv_files) write_csv(result.summary_csv, scols, summary.id.size());
  gpkg.begin_batch();
  OutputLayer& parcels_out =
      gpkg.add_layer(pre + "parcels", &in.measuring.srs, wkbMultiPolygon, fields_of(pcols));
  write_table(
      gpkg, parcels_out, pcols, in.parcels.size(),
      [&in](size_t i) { return in.parcels.geoms[i].get(); }, geos, progress, "writing parcels");
  result.layers_written.push_back(pre + "parcels");
  ParkRows rows = park_rows(in, rollups);
  if (!options.idle_only) {
    auto kcols = park_columns(in, rows, rollups, rules.digestion, rules.clusters);
    const auto& hhi = a.clusters.hhi;
    kcols.push_back({{"hhi", FieldType::real}, [&rows, &hhi](size_t i) -> Cell {
                       auto it = hhi.find(rows.ids[i]);
                       return it == hhi.end() ? Cell{std::monostate{}} : Cell{it->second};
                     }});
    for (auto& c : park_evaluation_columns(
             [&rows, &a](size_t i) { return find_evaluation(a.evaluation, rows.ids[i]); }))
      kcols.push_back(std::move(c));
    OutputLayer& parks_out =
        gpkg.add_layer(pre + "parks", &in.measuring.srs, wkbMultiPolygon, fields_of(kcols));
    write_rows(
        parks_out, kcols, rows.ids.size(), [&rows](size_t i) { return rows.geoms[i]; }, geos,
        progress, "writing parks");
    result.layers_written.push_back(pre + "parks");
  }
  std::vector<TableColumn> unsup_cols, batch_cols;  // read at commit (write_table)
  if (in.batches) {
    unsup_cols = unsupplied_columns(a);
    OutputLayer& unsup_out = gpkg.add_layer(pre + "unsupplied", &in.measuring.srs, wkbMultiPolygon,
                                            fields_of(unsup_cols));
    write_table(
        gpkg, unsup_out, unsup_cols, a.unsupplied.size(),
        [&a](size_t b) { return a.unsupplied[b].unsupplied.get(); }, geos, progress,
        "writing 批而未供");
    batch_cols = batch_columns(a);
    OutputLayer& batch_out = gpkg.add_layer(pre + "approval_batches", &in.measuring.srs,
                                            wkbMultiPolygon, fields_of(batch_cols));
    write_table(
        gpkg, batch_out, batch_cols, in.batches->size(),
        [&in](size_t i) { return in.batches->geoms[i].get(); }, geos, progress,
        "writing approval batches");
    result.layers_written.push_back(pre + "unsupplied");
    result.layers_written.push_back(pre + "approval_batches");
  }
  std::vector<size_t> idle_rows;  // read at commit (write_table), as are the columns
  std::vector<TableColumn> icols;
  {
    // The bureau's list as a table too (same rows and columns as idle-parcels.csv), so the
    // desktop and other readers of the results need not re-derive it.
    idle_rows = idle_list_rows(ev);
    icols = idle_list_columns(in, ev, idle_rows);
    OutputLayer& idle_out =
        gpkg.add_layer(pre + "idle_parcels", nullptr, wkbNone, fields_of(icols));
    write_table(gpkg, idle_out, icols, idle_rows.size(), nullptr, geos, progress,
                "writing idle parcels");
    result.layers_written.push_back(pre + "idle_parcels");
  }
  if (!options.idle_only) {
    // Issue 6: cluster zones on the map.
    const auto zones = cluster_zones(in, ev, a.clusters, rules.cluster_zones, geos);
    using T = FieldType;
    OutputLayer& zones_out = gpkg.add_layer(pre + "clusters", &in.measuring.srs, wkbMultiPolygon,
                                            {{"cluster", T::text},
                                             {"park_id", T::text},
                                             {"city", T::text},
                                             {"county", T::text},
                                             {"n_parcels", T::integer},
                                             {"n_firms", T::integer},
                                             {"rev_wan", T::real},
                                             {"land_mu", T::real},
                                             {"lq", T::real},
                                             {"zone_mu", T::real}});
    for (const ClusterZone& z : zones) {
      zones_out.set(0, z.cluster);
      zones_out.set(1, z.park_id);
      zones_out.set(2, z.city.empty() ? Cell{std::monostate{}} : Cell{z.city});
      zones_out.set(3, z.county.empty() ? Cell{std::monostate{}} : Cell{z.county});
      zones_out.set(4, static_cast<std::int64_t>(z.parcels));
      zones_out.set(5, static_cast<std::int64_t>(z.firms));
      zones_out.set(6, z.revenue_wan);
      zones_out.set(7, z.land_mu);
      zones_out.set(8, z.lq ? Cell{*z.lq} : Cell{std::monostate{}});
      zones_out.set(9, m2_to_mu(area(geos, z.geom.get())));
      zones_out.set_geometry(geos, z.geom.get());
      zones_out.write();
    }
    result.layers_written.push_back(pre + "clusters");
    // Issue 6 §3: expansion proposals, and the constraint layer as used.
    const auto proposals =
        park_proposals(in, config, a.clusters, rollups, rules, a.evaluation, geos);
    if (!proposals.empty() || in.constraints) {
      OutputLayer& prop_out = gpkg.add_layer(pre + "proposals", &in.measuring.srs, wkbMultiPolygon,
                                             {{"park_id", T::text},
                                              {"cluster", T::text},
                                              {"demand_mu", T::real},
                                              {"area_mu", T::real},
                                              {"reach_m", T::real},
                                              {"compact", T::real},
                                              {"shared", T::real},
                                              {"met", T::integer},
                                              {"eligible", T::integer},
                                              {"reason", T::text},
                                              {"excluded", T::text},
                                              {"alt", T::integer}});
      for (const ParkProposal& p : proposals) {
        const ExpansionProposal& x = p.proposal;
        prop_out.set(0, x.park_id);
        prop_out.set(1, p.cluster.empty() ? Cell{std::monostate{}} : Cell{p.cluster});
        prop_out.set(2, x.demand_mu);
        prop_out.set(3, x.area_mu);
        prop_out.set(4, x.reach_m);
        prop_out.set(5, x.compactness);
        prop_out.set(6, x.shared_boundary);
        prop_out.set(7, std::int64_t{x.demand_met});
        prop_out.set(8, std::int64_t{p.eligible});
        prop_out.set(9, p.reason);
        prop_out.set(10, x.excluded.empty() ? Cell{std::monostate{}} : Cell{x.excluded});
        prop_out.set(11, static_cast<std::int64_t>(x.rank));
        prop_out.set_geometry(geos, x.geom.get());
        prop_out.write();
      }
      result.layers_written.push_back(pre + "proposals");
      // 调出: each requesting park's idle and low-efficiency land far from its core.
      OutputLayer& rel_out =
          gpkg.add_layer(pre + "release_candidates", &in.measuring.srs, wkbMultiPolygon,
                         {{"park_id", T::text},
                          {"parcel_id", T::text},
                          {"idle_cls", T::text},
                          {"land_mu", T::real},
                          {"dist_m", T::real}});
      const Column& pid = in.parcels.field("parcel_id");
      for (const ExpansionConfig& x : config.expansions)
        for (const auto& [i, dist] : release_candidates_of(in, ev, x.park_id, geos)) {
          rel_out.set(0, x.park_id);
          rel_out.set(1, pid.text(i) ? Cell{*pid.text(i)} : Cell{std::monostate{}});
          rel_out.set(2, Cell{std::string(to_string(ev.idle[i].cls))});
          rel_out.set(3, ev.ind[i].land_mu);
          rel_out.set(4, dist);
          rel_out.set_geometry(geos, in.parcels.geoms[i].get());
          rel_out.write();
        }
      result.layers_written.push_back(pre + "release_candidates");
    }
    if (in.constraints) {
      OutputLayer& cons_out =
          gpkg.add_layer(pre + "constraints", &in.measuring.srs, wkbMultiPolygon,
                         {{"kind", T::text}, {"src_fid", T::integer}});
      const Column& kind = in.constraints->field("kind");
      for (size_t i = 0; i < in.constraints->size(); ++i) {
        cons_out.set(0, Cell{kind.text(i).value_or("other")});
        cons_out.set(1, Cell{static_cast<std::int64_t>(in.constraints->fids[i])});
        cons_out.set_geometry(geos, in.constraints->geoms[i].get());
        cons_out.write();
      }
      result.layers_written.push_back(pre + "constraints");
    }
    // Issue 6: cluster statistics at every level and the policy targets.
    const auto stat_cols = cluster_stat_columns(a.clusters);
    OutputLayer& stats_out =
        gpkg.add_layer(pre + "cluster_stats", nullptr, wkbNone, fields_of(stat_cols));
    write_rows(stats_out, stat_cols, a.clusters.stats.size(), nullptr, geos, progress,
               "writing cluster statistics");
    const auto target_cols = cluster_target_columns(a.clusters);
    OutputLayer& targets_out =
        gpkg.add_layer(pre + "cluster_targets", nullptr, wkbNone, fields_of(target_cols));
    write_rows(targets_out, target_cols, a.clusters.checks.size(), nullptr, geos, progress,
               "writing cluster targets");
    // Issue 6 §2: the TD/T 1029 evaluation, indicator by indicator, and the land account.
    const auto eval_rows = evaluation_rows(a.evaluation);
    const auto eval_cols = evaluation_columns(eval_rows);
    OutputLayer& eval_out =
        gpkg.add_layer(pre + "evaluation", nullptr, wkbNone, fields_of(eval_cols));
    write_rows(eval_out, eval_cols, eval_rows.size(), nullptr, geos, progress,
               "writing the park evaluation");
    const auto acc_rows = account_rows(a.evaluation);
    const auto acc_cols = account_columns(acc_rows);
    OutputLayer& acc_out =
        gpkg.add_layer(pre + "land_account", nullptr, wkbNone, fields_of(acc_cols));
    write_rows(acc_out, acc_cols, acc_rows.size(), nullptr, geos, progress,
               "writing the land account");
    result.layers_written.push_back(pre + "evaluation");
    result.layers_written.push_back(pre + "land_account");
    result.layers_written.push_back(pre + "cluster_stats");
    result.layers_written.push_back(pre + "cluster_targets");
  }
  OutputLayer& summary_out =
      gpkg.add_layer(pre + "idle_summary", nullptr, wkbNone, fields_of(scols));
  write_rows(summary_out, scols, summary.id.size(), nullptr, geos, progress,
             "writing idle summary");
  result.layers_written.push_back(pre + "idle_summary");
  // A province has a hundred thousand or more problems: inserted at commit like the parcels
  // (prcols and problems outlive gpkg.commit() below).
  auto prcols = problem_columns(problems);
  OutputLayer& problems_out = gpkg.add_layer(pre + "problems", nullptr, wkbNone, fields_of(prcols));
  write_table(gpkg, problems_out, prcols, problems.size(), nullptr, geos, progress,
              "writing problems");
  result.layers_written.push_back(pre + "problems");

  result.measuring_crs =
      (in.measuring.epsg ? "EPSG:" + std::to_string(in.measuring.epsg) + " " : "") +
      in.measuring.name;
  result.measuring_method = in.measuring.method;
  result.rule_set = rules.name + (rules.version.empty() ? "" : " v" + rules.version);
  result.rule_hash = rules.text_hash;
  result.as_of = options.as_of;
  result.evaluation = a.evaluation;
  result.evaluation_model = a.evaluation_model.name;
  result.evaluation_model_file = a.evaluation_model_file;
  std::vector<std::pair<std::string, std::string>> info = {
      {"program", "parkatlas"},
      {"command", options.idle_only ? "idle" : "run"},
      {"as_of", to_iso(options.as_of)},
      {"rule_set", result.rule_set},
      {"rule_hash", rules.text_hash},
      {"measuring_crs", result.measuring_crs},
      {"measuring_method", result.measuring_method},
      {"config", fs::absolute(config.path).string()},
      {"evaluation_model", a.evaluation_model.name + " (" + a.evaluation_model_file + ")"},
  };
  for (const auto* r : in.reports()) {
    info.push_back(
        {r->kind + ".source", r->source + (r->layer.empty() ? "" : " (" + r->layer + ")")});
    info.push_back({r->kind + ".crs", r->source_crs + " [" + r->crs_decided_by + "]"});
    if (r->encoding)
      info.push_back(
          {r->kind + ".encoding", r->encoding->encoding + " [" + r->encoding->decided_by + "]"});
  }
  OutputLayer& info_out = gpkg.add_layer(pre + "run_info", nullptr, wkbNone,
                                         {{"key", FieldType::text}, {"value", FieldType::text}});
  for (const auto& [k, v] : info) {
    info_out.set(0, k);
    info_out.set(1, v);
    info_out.write();
  }
  result.layers_written.push_back(pre + "run_info");
  result.parcels_analysed = static_cast<long long>(in.parcels.size());
  result.problems = static_cast<long long>(problems.size());
  if (options.before_commit) options.before_commit(gpkg.dataset(), result);
  const std::string gpkg_name = options.idle_only ? "idle.gpkg" : "results.gpkg";
  clock.lap("write " + gpkg_name + ": layers through GDAL (CSV files alongside)");
  gpkg.end_batch();
  gpkg.commit();
  clock.lap("write " + gpkg_name + ": close, parcels through SQLite, spatial indexes");

  side_thread.join();
  if (csv_error) std::rethrow_exception(csv_error);
  clock.lap("finish the CSV files");

  for (const auto* r : in.reports()) result.layers.push_back(*r);
  const LayerReport& pr = in.parcels_reader->report();
  result.parcels_in_source = pr.features_in_source;
  result.parcels_analysed = static_cast<long long>(in.parcels.size());
  result.parcels_skipped = pr.features_skipped;
  result.problems = static_cast<long long>(problems.size());
  for (size_t k = 0; k < rows.ids.size(); ++k) {
    auto it = rollups.find(rows.ids[k]);
    ParkSummary s;
    s.park_id = rows.ids[k];
    int pi = rows.park_index[k];
    s.name = pi >= 0 ? in.park_table.names[static_cast<size_t>(pi)]
                     : (s.park_id.empty() ? "(outside every park)" : "(not in parks layer)");
    s.level = pi >= 0 && in.park_table.levels[static_cast<size_t>(pi)]
                  ? std::string(to_string(*in.park_table.levels[static_cast<size_t>(pi)]))
                  : "";
    if (it != rollups.end()) s.rollup = it->second;
    result.parks.push_back(std::move(s));
  }
  for (size_t k = 0; k < summary.id.size(); ++k)
    result.idle_summary.push_back({summary.level[k], summary.id[k], summary.name[k],
                                   summary.rollup[k],
                                   summary.rollup[k].digestion(rules.digestion)});
  result.digestion_target_years = rules.digestion.target_years;
  result.digestion_window_years = rules.digestion.window_years;
  result.idle_only = options.idle_only;
  result.peak_rss_mb = peak_rss_mb();
  if (options.keep_analysis) result.kept = std::make_shared<const Analysis>(std::move(a));
  return result;
}

}  // namespace parkatlas
