// Park, county and total rows of the idle-land summary.
#include "gis/io/idle_summary.hpp"

#include "core/units.hpp"

namespace parkatlas {

namespace {
const char* const kOutside = "(outside every park)";
const char* const kNoCounty = "(county not given)";
}  // namespace

IdleSummaryRows idle_summary_rows(const ProjectInputs& in,
                                  const std::map<std::string, ParkRollup>& rollups) {
  IdleSummaryRows rows;
  std::map<std::string, ParkRollup> counties;
  ParkRollup total;
  const Column* county_col = in.parks ? &in.parks->field("county") : nullptr;
  const ParkRows parks = park_rows(in, rollups);
  for (size_t k = 0; k < parks.ids.size(); ++k) {
    auto it = rollups.find(parks.ids[k]);
    ParkRollup r = it == rollups.end() ? ParkRollup{} : it->second;
    r.park_id = parks.ids[k];
    const int pi = parks.park_index[k];
    std::string name, county;
    if (pi >= 0) {
      name = in.park_table.names[static_cast<size_t>(pi)];
      if (county_col) county = county_col->text(static_cast<size_t>(pi)).value_or("");
      if (county.empty()) county = kNoCounty;
    } else {
      name = parks.ids[k].empty() ? kOutside : "(not in parks layer)";
      county = parks.ids[k].empty() ? kOutside : kNoCounty;
    }
    rows.level.push_back("park");
    rows.id.push_back(parks.ids[k].empty() ? kOutside : parks.ids[k]);
    rows.name.push_back(name);
    rows.county.push_back(county);
    rows.rollup.push_back(r);
    counties[county].add(r);
    total.add(r);
  }
  for (auto& [county, r] : counties) {
    rows.level.push_back("county");
    rows.id.push_back(county);
    rows.name.push_back(county);
    rows.county.push_back(county);
    rows.rollup.push_back(r);
  }
  rows.level.push_back("total");
  rows.id.push_back("all");
  rows.name.push_back("");
  rows.county.push_back("");
  rows.rollup.push_back(total);
  return rows;
}

std::vector<TableColumn> idle_summary_columns(const IdleSummaryRows& rows,
                                              const DigestionRules& digestion) {
  using T = FieldType;
  const IdleSummaryRows* r = &rows;
  std::vector<TableColumn> cols = {
      {{"level", T::text}, [r](size_t i) { return Cell{r->level[i]}; }},
      {{"id", T::text}, [r](size_t i) { return Cell{r->id[i]}; }},
      {{"name", T::text}, [r](size_t i) { return Cell{r->name[i]}; }},
      {{"county", T::text}, [r](size_t i) { return Cell{r->county[i]}; }},
      {{"n_parcels", T::integer},
       [r](size_t i) { return Cell{static_cast<std::int64_t>(r->rollup[i].n_parcels)}; }},
      {{"land_mu", T::real}, [r](size_t i) { return Cell{m2_to_mu(r->rollup[i].land_m2)}; }},
  };
  auto more = idle_rollup_columns([r](size_t i) { return &r->rollup[i]; }, digestion);
  cols.insert(cols.end(), more.begin(), more.end());
  return cols;
}

}  // namespace parkatlas
