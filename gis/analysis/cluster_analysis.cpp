// Cluster statistics, targets and 亩均 grades of a run.
#include "gis/analysis/cluster_analysis.hpp"

#include "core/units.hpp"

namespace parkatlas {

ClusterAnalysis analyse_clusters(const ProjectInputs& in, const RuleSet& rules,
                                 ParcelEvaluation& ev) {
  ClusterAnalysis a;
  const LayerData& p = in.parcels;
  const Column &key = p.field("parcel_id"), &enterprise = p.field("enterprise"),
               &industry = p.field("industry"), &revenue = p.field("revenue_wan"),
               &tax = p.field("tax_wan"), &rd = p.field("rd_inst");
  const Column* city = in.parks ? &in.parks->field("city") : nullptr;
  const Column* county = in.parks ? &in.parks->field("county") : nullptr;
  const Column* industries = in.parks ? &in.parks->field("industries") : nullptr;
  // One reusable record: a million parcels' records at once would cost ~0.2 GB at peak.
  FirmBuilder builder;
  builder.reserve(p.size());
  std::vector<std::uint32_t> firm_of_parcel(p.size());
  FirmParcel r;
  std::string fid_key;  // the parcel key of a parcel without an id
  auto text_of = [](const Column* column, size_t row) -> std::string_view {
    if (!column) return std::string_view();
    return column->text_view(row).value_or(std::string_view());
  };
  for (size_t i = 0; i < p.size(); ++i) {
    if (const auto k = key.text_view(i)) {
      r.parcel_key = *k;
    } else {
      fid_key = std::to_string(p.fids[i]);
      r.parcel_key = fid_key;
    }
    r.enterprise = text_of(&enterprise, i);
    r.park_id = ev.park_id[i];
    r.city = r.county = {};
    if (ev.park[i] >= 0) {
      const size_t k = static_cast<size_t>(ev.park[i]);
      r.city = text_of(city, k);
      r.county = text_of(county, k);
    }
    r.cluster = ev.cluster[i];
    r.industry = text_of(&industry, i);
    r.revenue_wan = revenue.real(i);
    r.tax_wan = tax.real(i);
    r.land_mu = ev.ind[i].land_mu;
    r.rd_institutions.reset();
    if (auto v = rd.real(i)) r.rd_institutions = static_cast<int>(*v);
    firm_of_parcel[i] = static_cast<std::uint32_t>(builder.add(r));
  }
  const std::vector<FirmRecord> firms = builder.finish();
  std::map<std::string, std::vector<std::string>> keys;
  if (industries)
    for (size_t k = 0; k < in.park_table.ids.size(); ++k)
      if (auto text = industries->text(k))
        keys[in.park_table.ids[k]] = key_clusters(rules.clusters, *text);
  a.stats = cluster_statistics(firms, keys);
  a.checks = check_cluster_targets(a.stats, rules.cluster_targets);
  a.hhi = park_industry_hhi(firms);
  if (rules.mu_evaluation.enabled) {
    const std::vector<MuGrade> grades = grade_firms(firms, rules.mu_evaluation);
    ev.mu_score.assign(p.size(), std::nullopt);
    ev.mu_class.assign(p.size(), 0);
    for (size_t i = 0; i < p.size(); ++i) {
      const MuGrade& g = grades[firm_of_parcel[i]];
      ev.mu_score[i] = g.score;
      ev.mu_class[i] = g.grade;
    }
  }
  return a;
}

std::vector<TableColumn> cluster_stat_columns(const ClusterAnalysis& a) {
  using T = FieldType;
  const auto& s = a.stats;
  return {
      {{"level", T::text}, [&s](size_t i) { return Cell{std::string(level_name(s[i].level))}; }},
      {{"unit", T::text}, [&s](size_t i) { return text_or_null(s[i].unit); }},
      {{"cluster", T::text}, [&s](size_t i) { return Cell{s[i].cluster}; }},
      {{"key", T::integer}, [&s](size_t i) { return Cell{std::int64_t{s[i].key}}; }},
      {{"n_firms", T::integer}, [&s](size_t i) { return Cell{std::int64_t{s[i].firms}}; }},
      {{"rev_yi", T::real}, [&s](size_t i) { return Cell{s[i].revenue_yi()}; }},
      {{"tax_yi", T::real}, [&s](size_t i) { return Cell{s[i].tax_wan / 10000.0}; }},
      {{"land_mu", T::real}, [&s](size_t i) { return Cell{s[i].land_mu}; }},
      {{"rev_mu", T::real}, [&s](size_t i) { return optional_cell(s[i].rev_per_mu); }},
      {{"tax_mu", T::real}, [&s](size_t i) { return optional_cell(s[i].tax_per_mu); }},
      {{"lq", T::real}, [&s](size_t i) { return optional_cell(s[i].lq); }},
      {{"rd_per100", T::real}, [&s](size_t i) { return optional_cell(s[i].rd_per_100_firms); }},
      {{"no_rev", T::integer}, [&s](size_t i) { return Cell{std::int64_t{s[i].revenue_missing}}; }},
      {{"no_tax", T::integer}, [&s](size_t i) { return Cell{std::int64_t{s[i].tax_missing}}; }},
  };
}

std::vector<TableColumn> cluster_target_columns(const ClusterAnalysis& a) {
  using T = FieldType;
  const auto& c = a.checks;
  return {
      {{"check", T::text}, [&c](size_t i) { return Cell{c[i].check}; }},
      {{"level", T::text}, [&c](size_t i) { return Cell{c[i].level}; }},
      {{"unit", T::text}, [&c](size_t i) { return text_or_null(c[i].unit); }},
      {{"cluster", T::text}, [&c](size_t i) { return text_or_null(c[i].cluster); }},
      {{"value", T::real}, [&c](size_t i) { return Cell{c[i].value}; }},
      {{"target", T::text}, [&c](size_t i) { return Cell{c[i].target}; }},
      {{"pass", T::integer},
       [&c](size_t i) {
         return c[i].pass ? Cell{std::int64_t{*c[i].pass}} : Cell{std::monostate{}};
       }},
  };
}

}  // namespace parkatlas
