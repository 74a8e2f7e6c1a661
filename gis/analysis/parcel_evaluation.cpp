// Park assignment, indicators and verdicts for every parcel of a project.
#include "gis/analysis/parcel_evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <unordered_map>

#include "core/low_efficiency.hpp"
#include "core/text_format.hpp"
#include "gis/analysis/park_assignment.hpp"
#include "gis/parallel.hpp"

namespace parkatlas {

namespace {

std::string percent(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", fraction * 100.0);
  return buf;
}

std::string m2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f m\xC2\xB2", v);
  return buf;
}

template <typename T>
std::optional<T> cell_as(const Cell& c) {
  if (auto v = std::get_if<T>(&c)) return *v;
  return std::nullopt;
}

}  // namespace

BuildingInput building_input(const std::vector<Cell>& canonical, double footprint_m2) {
  // The field positions are looked up once, not per building of a province.
  static const size_t floors = static_cast<size_t>(canonical_index(LayerKind::buildings, "floors")),
                      height =
                          static_cast<size_t>(canonical_index(LayerKind::buildings, "height_m")),
                      storey =
                          static_cast<size_t>(canonical_index(LayerKind::buildings, "storey_m")),
                      floor_m2 =
                          static_cast<size_t>(canonical_index(LayerKind::buildings, "floor_m2"));
  auto at = [&](size_t c) -> const Cell& { return canonical[c]; };
  BuildingInput b;
  b.footprint_m2 = footprint_m2;
  if (auto f = cell_as<std::int64_t>(at(floors))) b.floors = static_cast<long>(*f);
  b.height_m = cell_as<double>(at(height));
  b.storey_m = cell_as<double>(at(storey));
  b.floor_m2 = cell_as<double>(at(floor_m2));
  return b;
}

void assign_parks(const ProjectInputs& in, ParcelEvaluation& ev, ProblemList& problems,
                  Progress& progress) {
  const LayerData& parcels = in.parcels;
  const size_t n = parcels.size();
  ev.park.assign(n, -1);
  ev.park_id.assign(n, "");
  ev.park_overlap_m2.assign(n, 0);
  const Column& given = parcels.field("park_id");
  const Column& key = parcels.field("parcel_id");
  const std::string& source = in.parcels_reader->report().source;
  if (!in.parks) {
    // Without a parks layer only given park ids can place a parcel.
    for (size_t i = 0; i < n; ++i) ev.park_id[i] = given.text(i).value_or("");
    return;
  }
  progress.begin("assigning parcels to parks", static_cast<long long>(n));
  in_chunks(
      n, 20000, problems, [&](size_t begin, size_t end, const GeosContext& g, ProblemList& found) {
        // Each thread prepares its own copy of the park polygons (prepared geometries build their
        // indexes lazily and must not be shared between threads).
        ParkLocator locator(g, in.parks->geoms);
        for (size_t i = begin; i < end; ++i) {
          if (begin == 0 && i % 65536 == 0) progress.advance(static_cast<long long>(i));
          ParkLocator::Hit hit = locator.locate(parcels.geoms[i].get(), parcels.areas[i]);
          const auto given_id = given.text(i);
          const std::string pkey = key.text(i).value_or("");
          if (!given_id) {
            ev.park[i] = hit.park;
            ev.park_overlap_m2[i] = hit.overlap_m2;
            if (hit.park >= 0) ev.park_id[i] = in.park_table.ids[static_cast<size_t>(hit.park)];
            continue;
          }
          // A given park_id wins; say so when the geometry disagrees.
          ev.park_id[i] = *given_id;
          int gi = in.park_table.index_of(*given_id);
          ev.park[i] = gi;
          if (gi == hit.park) ev.park_overlap_m2[i] = hit.overlap_m2;
          if (gi < 0) {
            found.push_back({"parcels", source, parcels.fids[i], pkey, "park_id",
                             "given park_id " + *given_id + " is not in the parks layer",
                             "kept the given id"});
          } else if (hit.park != gi) {
            double inside_given = locator.overlap(parcels.geoms[i].get(), gi, parcels.areas[i]);
            ev.park_overlap_m2[i] = inside_given;
            std::string where = hit.park >= 0 ? "lies mostly in park " +
                                                    in.park_table.ids[static_cast<size_t>(hit.park)]
                                              : "lies outside every park";
            found.push_back({"parcels", source, parcels.fids[i], pkey, "park_id",
                             "given park_id " + *given_id + " but the parcel " + where + " (" +
                                 m2(inside_given) + " inside " + *given_id + ")",
                             "kept the given id"});
          }
        }
      });
  progress.end();
}

namespace {

// How often each of the first n rows' text occurs in the column (0 for rows without one). Hashes
// are sorted and only equal hashes compared as text: a hash map of a province's million parcel
// ids took about a second on one core and 80 MB.
std::vector<std::uint32_t> id_occurrences(const Column& key, size_t n) {
  std::vector<std::pair<std::size_t, std::uint32_t>> hashed;
  hashed.reserve(n);
  for (size_t i = 0; i < n; ++i)
    if (const auto k = key.text_view(i))
      hashed.push_back({std::hash<std::string_view>{}(*k), static_cast<std::uint32_t>(i)});
  std::sort(hashed.begin(), hashed.end());
  std::vector<std::uint32_t> count(n, 0);
  std::vector<std::uint32_t> rows;
  for (size_t a = 0; a < hashed.size();) {
    size_t b = a + 1;
    while (b < hashed.size() && hashed[b].first == hashed[a].first) ++b;
    rows.clear();
    for (size_t k = a; k < b; ++k) rows.push_back(hashed[k].second);
    // Within one hash, group equal texts (a collision may mix two ids).
    std::sort(rows.begin(), rows.end(), [&key](std::uint32_t x, std::uint32_t y) {
      return *key.text_view(x) < *key.text_view(y);
    });
    for (size_t s = 0; s < rows.size();) {
      size_t e = s + 1;
      while (e < rows.size() && *key.text_view(rows[e]) == *key.text_view(rows[s])) ++e;
      for (size_t k = s; k < e; ++k) count[rows[k]] = static_cast<std::uint32_t>(e - s);
      s = e;
    }
    a = b;
  }
  return count;
}

}  // namespace

void evaluate_parcels(const ProjectInputs& in, const RuleSet& rules, const CivilDate& as_of,
                      ParcelEvaluation& ev, ProblemList& problems, Progress& progress) {
  const LayerData& p = in.parcels;
  const size_t n = p.size();
  const std::string& source = in.parcels_reader->report().source;
  const Column &key = p.field("parcel_id"), &land_given = p.field("land_m2"),
               &floor_given = p.field("floor_m2"), &footprint = p.field("footprint_m2"),
               &cover = p.field("cover_m2"), &invest = p.field("invest_wan"),
               &tax = p.field("tax_wan"), &revenue = p.field("revenue_wan"),
               &land_use = p.field("land_use"), &industry = p.field("industry"),
               &exempt = p.field("exempt");

  const Column &approved = p.field("approved"), &supplied = p.field("supplied"),
               &start_due = p.field("start_due"), &started = p.field("started"),
               &halted = p.field("halted"), &dev = p.field("dev_m2"),
               &invest_done = p.field("invest_done"), &price = p.field("land_price"),
               &gov_cause = p.field("gov_cause"), &done_due = p.field("done_due"),
               &completed = p.field("completed"), &op_status = p.field("op_status");
  // The result vectors are about 400 MB of fresh pages for a province: sized on all cores, beside
  // the count of duplicate ids (on one core these steps took 0.6–0.9 s).
  std::vector<std::uint32_t> id_count;
  run_tasks({[&] { id_count = id_occurrences(key, n); }, [&] { ev.ind.resize(n); },
             [&] { ev.judgement.resize(n); }, [&] { ev.idle.resize(n); },
             [&] {
               ev.low_eff.assign(n, "");
               ev.cluster.assign(n, "");
             }});
  progress.begin("computing indicators and verdicts", static_cast<long long>(n));
  // Balanced chunks: parcels are stored park by park, and their cost differs by park.
  in_balanced_chunks(
      n, 20000, problems,
      [&](size_t begin, size_t end, const GeosContext&, ProblemList& found) {
        for (size_t i = begin; i < end; ++i) {
          const std::string_view pkey = key.text_view(i).value_or(std::string_view());
          IndicatorInputs ii;
          ii.land_m2 = p.areas[i];  // measured by the reader
          if (auto f = floor_given.real(i)) {
            ii.floor_m2 = f;
            ii.floor_src = FloorSource::attribute;
          } else if (ev.buildings_loaded) {
            // With a buildings layer, a parcel with no building on it has floor area 0, not
            // unknown.
            ii.floor_m2 = ev.bldg_floor_m2[i];
            ii.floor_src = FloorSource::buildings;
          }
          if (auto c = cover.real(i))
            ii.cover_m2 = c;
          else if (auto fp = footprint.real(i))
            ii.cover_m2 = fp;
          else if (ev.buildings_loaded &&
                   !(ev.bldg_footprint_m2[i] == 0 && floor_given.real(i).value_or(0) > 0))
            // A surveyed floor area with no building on the map means the buildings layer
            // misses this parcel: its coverage is unknown, not zero.
            ii.cover_m2 = ev.bldg_footprint_m2[i];
          ii.invest_wan = invest.real(i);
          ii.tax_wan = tax.real(i);
          ii.revenue_wan = revenue.real(i);
          ev.ind[i] = compute_indicators(ii);

          ParcelContext ctx;  // views of the parcel's texts
          if (const auto t = land_use.text_view(i)) ctx.land_use = *t;
          ctx.scheme = in.land_use_scheme;
          if (const auto t = industry.text_view(i)) ctx.industry = *t;
          if (const auto t = exempt.text_view(i)) ctx.exempt_reason = *t;
          ctx.in_park = !ev.park_id[i].empty();
          if (ev.park[i] >= 0) {
            ctx.park_level = in.park_table.levels[static_cast<size_t>(ev.park[i])];
            ctx.park_name = in.park_table.names[static_cast<size_t>(ev.park[i])];
          } else {
            ctx.park_name = ev.park_id[i];
          }
          ev.judgement[i] = judge_parcel(ev.ind[i], ctx, rules);
          if (ctx.industry) ev.cluster[i] = cluster_of(rules.clusters, *ctx.industry).value_or("");

          // 闲置土地 (53号令): "developed area" in the rule set's measure, against the same
          // measure for the whole parcel.
          IdleInputs idle;
          idle.approved = approved.date(i);
          idle.supplied = supplied.date(i);
          idle.start_due = start_due.date(i);
          idle.started = started.date(i);
          idle.halted = halted.date(i);
          idle.developed = dev.real(i);
          switch (rules.idle.measure) {
            case DevelopedMeasure::land:
              idle.developed_required = ii.land_m2;
              break;
            case DevelopedMeasure::footprint:
              idle.developed_required = footprint.real(i);
              break;
            case DevelopedMeasure::floor:
              idle.developed_required = floor_given.real(i);
              break;
          }
          idle.invest_done = invest_done.real(i);
          idle.invest_total = invest.real(i);
          idle.land_price = price.real(i);
          idle.gov_cause = gov_cause.text(i).value_or("");
          ev.idle[i] = classify_idle(idle, as_of, rules.idle);

          // 低效用地 only for parcels in use: land still waiting for construction is
          // judged by the idle-land rules above, not by its FAR.
          if (ev.idle[i].cls == IdleClass::none) {
            const auto done = completed.date(i);
            const auto due = done_due.date(i);
            LowEfficiencyInputs le;
            le.ind = &ev.ind[i];
            le.judgement = &ev.judgement[i];
            le.op_status = op_status.text(i);
            le.under_construction = idle.started && *idle.started <= as_of &&
                                    !(done && *done <= as_of) && due && as_of < *due;
            ev.low_eff[i] = join_reasons(low_efficiency_reasons(le, rules.low_efficiency));
            if (!ev.low_eff[i].empty()) {
              ev.idle[i].cls = IdleClass::low_eff;
              ev.idle[i].basis = "低效用地 (domain.md §4.3): " + ev.low_eff[i];
            }
          }

          // What the buildings layer shows against the dates the bureau recorded.
          if (ev.buildings_loaded && ii.land_m2 > 0 && idle.supplied && *idle.supplied <= as_of &&
              idle.start_due && *idle.start_due <= as_of) {
            const double seen = ev.bldg_footprint_m2[i] / ii.land_m2;
            if (idle.started && *idle.started <= as_of &&
                seen < rules.idle.no_construction_coverage)
              found.push_back({"parcels", source, p.fids[i], std::string(pkey), "started",
                               "data conflict: marked started on " + to_iso(*idle.started) +
                                   " but buildings cover only " + percent(seen) +
                                   " of the parcel (no construction seen)",
                               "reported for checking"});
            if (!idle.started && seen >= rules.idle.built_coverage)
              found.push_back({"parcels", source, p.fids[i], std::string(pkey), "started",
                               "data conflict: not marked started, but buildings cover " +
                                   percent(seen) + " of the parcel (substantially built)",
                               "reported for checking"});
          }

          if (auto g = land_given.real(i); g && ii.land_m2 > 0) {
            double diff = std::fabs(*g - ii.land_m2) / ii.land_m2;
            if (diff > 0.05)
              found.push_back({"parcels", source, p.fids[i], std::string(pkey), "land_m2",
                               "stated area " + m2(*g) + " differs from the geometry's " +
                                   m2(ii.land_m2) + " by " + percent(diff),
                               "geometry area used"});
          }
          // No building reaches FAR 20 (domain.md §3.3 tops out near 4): a floor area that
          // high is a unit or typing error the bureau should see.
          if (ev.ind[i].far && *ev.ind[i].far > 20)
            found.push_back({"parcels", source, p.fids[i], std::string(pkey), "floor_m2",
                             "FAR " + format_number("%.3g", *ev.ind[i].far) +
                                 " is implausible (over 20): check the floor area and "
                                 "its unit",
                             "reported"});
          if (!pkey.empty() && id_count[i] > 1)
            found.push_back({"parcels", source, p.fids[i], std::string(pkey), "parcel_id",
                             "parcel_id " + std::string(pkey) + " occurs " +
                                 std::to_string(id_count[i]) + " times",
                             "reported"});
        }
      },
      [&](size_t finished) { progress.advance(static_cast<long long>(finished)); });
  progress.end();
}

}  // namespace parkatlas
