// Deriving the land accounting categories of domain.md §1.3 from parcels, buildings, approval
// batches and constraints. What the layers cannot tell (roads and green space outside parcels,
// land-use-right expiry, batch purposes) is said in the source texts, and a parks-layer field
// replaces any derived value.
#include "gis/analysis/park_evaluation_inputs.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <tuple>

#include "core/land_use.hpp"
#include "gis/analysis/run_analysis.hpp"
#include "gis/geos/polygon_holes.hpp"
#include "gis/parallel.hpp"

namespace parkatlas {

namespace {

std::string count_text(const char* pattern, double a, double b = 0) {
  char buf[240];
  std::snprintf(buf, sizeof buf, pattern, a, b);
  return buf;
}

// Per range, what the parcel loop gathers.
struct Gathered {
  long supplied = 0, unsupplied = 0, built = 0, industrial = 0, idle = 0;
  long floor_missing = 0, footprint_missing = 0, cover_missing = 0, invest_missing = 0;
  double batches_ha = 0;
  double floor_A = 0, footprint_A = 0, floor_A2 = 0, cover_A2 = 0, invest_A2 = 0;
  bool any_floor = false, any_footprint = false, any_cover = false, any_invest = false;
};

bool counts_as_idle(IdleClass c) {
  // 闲置土地 in the legal sense (domain.md §2.1), government-caused delay included; overdue
  // (not yet a year), pending and low-efficiency land are not idle.
  return c == IdleClass::idle || c == IdleClass::idle_2y || c == IdleClass::halted_idle ||
         c == IdleClass::gov_delay;
}

}  // namespace

std::vector<RangeInputs> evaluation_inputs(const Analysis& a, const RuleSet& rules,
                                           const CivilDate& as_of) {
  std::vector<RangeInputs> out;
  const ProjectInputs& in = a.in;
  if (!in.parks) return out;
  const LayerData& parks = *in.parks;
  const GeosContext& geos = *a.geos;
  GEOSContextHandle_t h = geos.handle();
  const Column &name = parks.field("name"), &range_col = parks.field("range");
  std::map<std::pair<std::string, EvalRange>, size_t> index;
  std::vector<size_t> range_of(parks.size());
  std::vector<std::vector<size_t>> features;
  for (size_t k = 0; k < parks.size(); ++k) {
    const std::string& id = in.park_table.ids[k];
    const std::string range_text = range_col.text(k).value_or("");
    const EvalRange range = parse_eval_range(range_text).value_or(EvalRange::main);
    auto [it, fresh] = index.try_emplace({id, range}, out.size());
    if (fresh) {
      RangeInputs r;
      r.park_id = id;
      r.name = name.text(k).value_or(id);
      r.level = in.park_table.levels[k];
      r.range = range;
      out.push_back(std::move(r));
      features.emplace_back();
    }
    range_of[k] = it->second;
    if (!parse_eval_range(range_text))
      out[it->second].notes.push_back(
          "parks layer feature " + std::to_string(parks.fids[k]) + ", field range: '" + range_text +
          "' is neither main/主区 nor expansion/发展方向区; taken as main");
    features[it->second].push_back(k);
    out[it->second].land.S += parks.areas[k] / 10000.0;  // measured by the reader
  }
  std::vector<Gathered> g(out.size());

  // C: the range ∩ the constraint layer (unioned, so overlapping constraints count once).
  std::vector<double> constrained(out.size(), 0);
  if (in.constraints) {
    std::vector<GeomBox> boxes;
    for (const auto& c : in.constraints->geoms) boxes.push_back(box_of(geos, c.get()));
    for (size_t k = 0; k < parks.size(); ++k) {
      const GEOSGeometry* park = parks.geoms[k].get();
      if (!park) continue;
      const GeomBox pe = box_of(geos, park);
      std::vector<const GEOSGeometry*> near;
      for (size_t c = 0; c < boxes.size(); ++c)
        if (in.constraints->geoms[c] && boxes[c].meets(pe))
          near.push_back(in.constraints->geoms[c].get());
      if (near.empty()) continue;
      GeomPtr all = collection_of(geos, near);
      GeomPtr merged = make_geom(geos, GEOSUnaryUnion_r(h, all.get()));
      if (merged) constrained[range_of[k]] += intersection_area(geos, park, merged.get()) / 10000.0;
    }
  }
  // 批而未供 of the approval batches inside each park outline (a batch may reach beyond it), on
  // all cores: a piece inside an outline counts whole, one crossing it by its intersection.
  std::vector<GeomBox> park_boxes;
  for (const auto& geom : parks.geoms) park_boxes.push_back(box_of(geos, geom.get()));
  const size_t n_batches = a.unsupplied.size();
  std::vector<std::vector<std::pair<size_t, double>>> batch_inside(n_batches);
  ProblemList batch_problems;
  in_chunks(n_batches, 64, batch_problems,
            [&](size_t begin, size_t end, const GeosContext& cg, ProblemList&) {
              GEOSContextHandle_t ch = cg.handle();
              std::vector<PreparedPtr> prepared(parks.size());
              for (size_t b = begin; b < end; ++b) {
                const GEOSGeometry* piece = a.unsupplied[b].unsupplied.get();
                if (!piece) continue;
                // The piece lies in its batch: an outline holding the batch holds the piece, and
                // the batch (a few vertices) is much quicker to test than the piece (the batch
                // with every supplied parcel as a hole).
                const GEOSGeometry* batch = in.batches->geoms[b].get();
                const GeomBox be = box_of(cg, piece);
                for (size_t k = 0; k < parks.size(); ++k) {
                  if (!parks.geoms[k] || !park_boxes[k].meets(be)) continue;
                  if (!prepared[k]) prepared[k] = prepare(cg, parks.geoms[k].get());
                  if ((batch && GEOSPreparedContains_r(ch, prepared[k].get(), batch) == 1) ||
                      GEOSPreparedContains_r(ch, prepared[k].get(), piece) == 1)
                    batch_inside[b].emplace_back(k, area(cg, piece));
                  else if (GEOSPreparedIntersects_r(ch, prepared[k].get(), piece) == 1)
                    batch_inside[b].emplace_back(
                        k, intersection_area_by_rings(cg, parks.geoms[k].get(), prepared[k].get(),
                                                      piece));
                }
              }
            });
  for (const auto& pieces : batch_inside)  // summed in batch order: the same on any core count
    for (const auto& [k, m2] : pieces) g[range_of[k]].batches_ha += m2 / 10000.0;

  const LayerData& p = in.parcels;
  const ParcelEvaluation& ev = a.ev;
  const Column &supplied_col = p.field("supplied"), &completed_col = p.field("completed"),
               &land_use = p.field("land_use"), &footprint_col = p.field("footprint_m2"),
               &invest_col = p.field("invest_wan"), &tax_col = p.field("tax_wan"),
               &enterprise = p.field("enterprise"), &key = p.field("parcel_id");
  const std::vector<std::string>* residential =
      in.land_use_scheme ? &residential_prefixes(*in.land_use_scheme) : nullptr;
  std::array<CivilDate, 6> year_ends;
  for (int y = 0; y < 6; ++y) year_ends[static_cast<size_t>(y)] = add_years(as_of, -y);
  // The part of each parcel inside its park's outline: assigning the parks worked it out.
  std::vector<double> inside_m2(p.size(), 0);
  for (size_t i = 0; i < p.size(); ++i) {
    if (ev.park[i] < 0) continue;
    const bool measured = p.geoms[i] && parks.geoms[static_cast<size_t>(ev.park[i])];
    inside_m2[i] = measured ? ev.park_overlap_m2[i] : ev.ind[i].land_m2;
  }
  // Tax per range as the cluster statistics count it: a firm's distinct values summed, so a
  // total repeated on each of its parcels counts once. Entries sorted by (range, firm, value)
  // make the distinct sum one pass, without a string per firm (a province has a million).
  struct TaxEntry {
    std::uint32_t range;
    std::uint64_t firm;
    double tax;
    bool operator<(const TaxEntry& o) const {
      return std::tie(range, firm, tax) < std::tie(o.range, o.firm, o.tax);
    }
  };
  std::vector<TaxEntry> all_tax_entries, ind_tax_entries;
  // std::hash of a view equals that of the string with the same characters: names are hashed in
  // place, not copied (a million parcels).
  const std::hash<std::string_view> hasher;
  auto firm_of = [&](size_t i) -> std::uint64_t {
    // Parcels without an enterprise name are firms of their own (cluster_stats does the same).
    if (const auto name = enterprise.text_view(i); name && !name->empty()) return hasher(*name);
    return hasher("#" + key.text(i).value_or(std::to_string(p.fids[i])));
  };
  for (size_t i = 0; i < p.size(); ++i) {
    if (ev.park[i] < 0) continue;
    const size_t j = range_of[static_cast<size_t>(ev.park[i])];
    RangeInputs& r = out[j];
    Gathered& gj = g[j];
    const Indicators& ind = ev.ind[i];
    // The categories partition the range: a parcel straddling the outline counts with the part
    // inside it, its floor area and footprint in proportion (investment and tax in full).
    const double land_ha = inside_m2[i] / 10000.0;
    const double share = ind.land_m2 > 0 ? inside_m2[i] / ind.land_m2 : 1.0;
    const auto supplied = supplied_col.date(i);
    const auto tax = tax_col.real(i);
    // Supplied as the 批而未供 module counts it (no date, or a date after the evaluation date:
    // not supplied), so that D and the batches' unsupplied land E never overlap.
    const bool is_supplied = supplied && *supplied <= as_of;
    const bool industrial = ev.judgement[i].industrial;
    if (is_supplied) {
      ++gj.supplied;
      r.land.D += land_ha;
      if (counts_as_idle(ev.idle[i].cls)) {
        r.land.G += land_ha;
        ++gj.idle;
      }
      if (tax) all_tax_entries.push_back({static_cast<std::uint32_t>(j), firm_of(i), *tax});
      for (size_t y = 0; y < 5; ++y)
        if (year_ends[y + 1] < *supplied && *supplied <= year_ends[y]) {
          r.supplied_ha[y] += land_ha;
          if (industrial) r.ind_supplied_ha[y] += land_ha;
        }
    } else {
      ++gj.unsupplied;
    }
    const auto completed = completed_col.date(i);
    const bool built = (completed && *completed <= as_of) ||
                       (ind.coverage && *ind.coverage >= rules.idle.built_coverage);
    if (!built) continue;
    ++gj.built;
    r.land.A += land_ha;
    if (ind.floor_m2) {
      gj.floor_A += *ind.floor_m2 * share;
      gj.any_floor = true;
    } else {
      ++gj.floor_missing;
    }
    std::optional<double> fp_m2 = footprint_col.real(i);
    if (!fp_m2 && ev.buildings_loaded) fp_m2 = ev.bldg_footprint_m2[i];
    if (fp_m2) {
      gj.footprint_A += *fp_m2 * share;
      gj.any_footprint = true;
    } else {
      ++gj.footprint_missing;
    }
    if (residential)
      if (const auto code = land_use.text_view(i);
          code && code_matches_prefixes(*code, *residential))
        r.land.A1 += land_ha;
    if (!industrial) continue;
    ++gj.industrial;
    r.land.A2 += land_ha;
    if (ind.floor_m2) gj.floor_A2 += *ind.floor_m2 * share;
    if (ind.coverage) {
      gj.cover_A2 += *ind.coverage * inside_m2[i];
      gj.any_cover = true;
    } else {
      ++gj.cover_missing;
    }
    if (auto v = invest_col.real(i)) {
      gj.invest_A2 += *v;
      gj.any_invest = true;
    } else {
      ++gj.invest_missing;
    }
    if (tax) ind_tax_entries.push_back({static_cast<std::uint32_t>(j), firm_of(i), *tax});
  }
  auto distinct_sums = [&](std::vector<TaxEntry>& entries) {
    std::vector<std::optional<double>> sums(out.size());
    std::sort(entries.begin(), entries.end());
    for (size_t e = 0; e < entries.size(); ++e) {
      const TaxEntry& t = entries[e];
      if (e > 0 && entries[e - 1].range == t.range && entries[e - 1].firm == t.firm &&
          entries[e - 1].tax == t.tax)
        continue;
      sums[t.range] = sums[t.range].value_or(0) + t.tax;
    }
    entries = {};
    return sums;
  };
  const std::vector<std::optional<double>> ind_tax = distinct_sums(ind_tax_entries),
                                           all_tax = distinct_sums(all_tax_entries);

  for (size_t j = 0; j < out.size(); ++j) {
    RangeInputs& r = out[j];
    LandAccount& l = r.land;
    const Gathered& gj = g[j];
    auto& src = l.source;
    src["S"] = "area of the park outline in the measuring CRS";
    src["D"] = count_text(
        "%.0f parcels supplied by the evaluation date (%.0f without a supply "
        "date or supplied later are not)",
        gj.supplied, gj.unsupplied);
    src["A"] = count_text(
        "%.0f parcels completed by the date or with building coverage ≥ %.0f %% "
        "(roads and green space outside parcels are not in the parcel layer)",
        gj.built, rules.idle.built_coverage * 100);
    src["A1"] = residential ? "of A, residential land-use code (07; GB 50137 R)"
                            : "no land-use scheme declared: 0";
    src["A2"] = count_text("of A, %.0f parcels with an industrial land-use code of the rule set",
                           gj.industrial);
    src["G"] = count_text("%.0f parcels idle at the date (idle, idle_2y, halted_idle, gov_delay)",
                          gj.idle);
    l.C = std::min(constrained[j], l.S);
    src["C"] = in.constraints ? "the range ∩ the constraints layer (永久基本农田, 生态保护红线, "
                                "water …), overlaps counted once"
                              : "no constraints layer: 0";
    l.E = gj.batches_ha;
    src["E"] = in.batches ? "批而未供: the approval batches inside the outline minus the parcels "
                            "supplied by the date (layer unsupplied)"
                          : "no approval batches layer: 0";
    l.E21 = l.E;
    src["E21"] = "= E (batch purposes are not told apart)";
    l.D22 = 0;
    src["D22"] = "no land-use-right expiry data: 0";
    // A bureau's own figures replace the derived ones (summed over the range's features).
    auto given = [&](const char* field) -> std::optional<double> {
      const Column& c = parks.field(field);
      std::optional<double> sum;
      for (size_t k : features[j])
        if (auto v = c.real(k)) sum = sum.value_or(0) + *v;
      return sum;
    };
    std::optional<double> given_B, given_B21;
    for (const auto& [code, member] :
         std::vector<std::pair<std::string, double LandAccount::*>>{{"A", &LandAccount::A},
                                                                    {"A1", &LandAccount::A1},
                                                                    {"A2", &LandAccount::A2},
                                                                    {"C", &LandAccount::C},
                                                                    {"D", &LandAccount::D},
                                                                    {"D22", &LandAccount::D22},
                                                                    {"E", &LandAccount::E},
                                                                    {"E21", &LandAccount::E21},
                                                                    {"G", &LandAccount::G}}) {
      if (auto v = given(("ha_" + code).c_str())) {
        l.*member = *v;
        src[code] = "given on the parks layer (ha_" + code + ")";
      }
    }
    given_B = given("ha_B");
    given_B21 = given("ha_B21");
    l.B = given_B ? *given_B : std::max(0.0, l.S - l.A - l.C);
    src["B"] = given_B ? "given on the parks layer (ha_B)" : "S − A − C";
    l.B21 = given_B21 ? *given_B21 : std::min(l.E, l.B);
    src["B21"] = given_B21 ? "given on the parks layer (ha_B21)"
                           : "= E, at most B (approved land has its land acquisition done: "
                             "供地条件, domain.md §1.3)";
    l.F = std::max(0.0, l.S - l.D - l.E);
    src["F"] = "S − D − E";

    auto partial = [](long missing, const char* what) {
      return missing ? count_text("; %.0f parcels without ", missing) + what + " left out" : "";
    };
    if (gj.any_floor) {
      r.floor_A_m2 = gj.floor_A;
      r.floor_A2_m2 = gj.floor_A2;
    }
    r.source["floor_A_m2"] =
        "Σ floor area of the parcels of A (given or from buildings, 8 m rule)" +
        partial(gj.floor_missing, "floor area");
    r.source["floor_A2_m2"] = "Σ floor area of the parcels of A2";
    if (gj.any_footprint) r.footprint_A_m2 = gj.footprint_A;
    r.source["footprint_A_m2"] =
        "Σ building footprint of the parcels of A (given or from "
        "buildings)" +
        partial(gj.footprint_missing, "footprint");
    if (gj.any_cover) r.cover_A2_m2 = gj.cover_A2;
    r.source["cover_A2_m2"] =
        "Σ 建筑系数 numerator of the parcels of A2 (cover_m2, else "
        "footprint)" +
        partial(gj.cover_missing, "cover");
    if (gj.any_invest) r.ind_invest_wan = gj.invest_A2;
    r.source["ind_invest_wan"] =
        "Σ fixed-asset investment of the parcels of A2" + partial(gj.invest_missing, "investment");
    r.ind_tax_wan = ind_tax[j];
    r.source["ind_tax_wan"] =
        "Σ tax of the enterprises on A2 (a firm's total repeated on its "
        "parcels counted once)";
    r.tax23_wan = all_tax[j];
    r.source["tax23_wan"] = "Σ tax of every enterprise on supplied land in the range";
    r.source["population"] = "not in the layers (give 常住人口 on the parks layer)";
    for (const auto& [field, member] :
         std::vector<std::pair<std::string, std::optional<double> RangeInputs::*>>{
             {"ind_inv_wan", &RangeInputs::ind_invest_wan},
             {"ind_tax_wan", &RangeInputs::ind_tax_wan},
             {"tax23_wan", &RangeInputs::tax23_wan},
             {"population", &RangeInputs::population}})
      if (auto v = given(field.c_str())) {
        r.*member = *v;
        r.source[field == "ind_inv_wan" ? "ind_invest_wan" : field] =
            "given on the parks layer (" + field + ")";
      }
  }
  return out;
}

}  // namespace parkatlas
