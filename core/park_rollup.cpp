// Summing parcel outcomes per park.
#include "core/park_rollup.hpp"

#include "core/units.hpp"

namespace parkatlas {

namespace {
size_t idx(Verdict v) {
  return static_cast<size_t>(v);
}
}  // namespace

std::optional<double> ParkRollup::far() const {
  if (ind_floor_land_m2 <= 0) return std::nullopt;
  return ind_floor_m2 / ind_floor_land_m2;
}

std::optional<double> ParkRollup::inv_mu() const {
  if (ind_inv_land_m2 <= 0) return std::nullopt;
  return ind_inv_wan / m2_to_mu(ind_inv_land_m2);
}

std::optional<double> ParkRollup::ok_share_count() const {
  long judged = 0, ok = 0;
  for (Verdict v : {Verdict::compliant, Verdict::exempt, Verdict::below_far, Verdict::below_inv,
                    Verdict::below_both})
    judged += n_by_verdict[idx(v)];
  ok = n_by_verdict[idx(Verdict::compliant)] + n_by_verdict[idx(Verdict::exempt)];
  if (judged == 0) return std::nullopt;
  return static_cast<double>(ok) / static_cast<double>(judged);
}

std::optional<double> ParkRollup::ok_share_area() const {
  double judged = 0;
  for (Verdict v : {Verdict::compliant, Verdict::exempt, Verdict::below_far, Verdict::below_inv,
                    Verdict::below_both})
    judged += m2_by_verdict[idx(v)];
  double ok = m2_by_verdict[idx(Verdict::compliant)] + m2_by_verdict[idx(Verdict::exempt)];
  if (judged <= 0) return std::nullopt;
  return ok / judged;
}

Digestion ParkRollup::digestion(const DigestionRules& rules) const {
  return digestion_period({unsupplied_m2, unused_m2, supplied_win_m2, started_win_m2}, rules);
}

void ParkRollup::add(const ParkRollup& o) {
  n_parcels += o.n_parcels;
  land_m2 += o.land_m2;
  for (size_t k = 0; k < n_by_verdict.size(); ++k) {
    n_by_verdict[k] += o.n_by_verdict[k];
    m2_by_verdict[k] += o.m2_by_verdict[k];
  }
  for (size_t k = 0; k < n_by_idle.size(); ++k) {
    n_by_idle[k] += o.n_by_idle[k];
    m2_by_idle[k] += o.m2_by_idle[k];
  }
  batch_m2 += o.batch_m2;
  unsupplied_m2 += o.unsupplied_m2;
  unused_m2 += o.unused_m2;
  supplied_win_m2 += o.supplied_win_m2;
  started_win_m2 += o.started_win_m2;
  n_industrial += o.n_industrial;
  ind_m2 += o.ind_m2;
  ind_floor_m2 += o.ind_floor_m2;
  ind_floor_land_m2 += o.ind_floor_land_m2;
  ind_inv_wan += o.ind_inv_wan;
  ind_inv_land_m2 += o.ind_inv_land_m2;
}

std::map<std::string, ParkRollup> empty_park_rollups(const std::vector<std::string>& park_ids) {
  std::map<std::string, ParkRollup> parks;
  for (const auto& id : park_ids) parks[id].park_id = id;
  return parks;
}

void add_to_park_rollups(std::map<std::string, ParkRollup>& parks, const ParcelOutcome* outcomes,
                         size_t count) {
  ParkRollup* last = nullptr;  // parcels come grouped by park more often than not
  for (size_t i = 0; i < count; ++i) {
    const ParcelOutcome& o = outcomes[i];
    if (!last || last->park_id != o.park_id) {
      last = &parks[o.park_id];
      last->park_id = o.park_id;
    }
    ParkRollup& r = *last;
    r.n_parcels += 1;
    r.land_m2 += o.ind.land_m2;
    r.n_by_verdict[idx(o.verdict)] += 1;
    r.m2_by_verdict[idx(o.verdict)] += o.ind.land_m2;
    r.n_by_idle[static_cast<size_t>(o.idle)] += 1;
    r.m2_by_idle[static_cast<size_t>(o.idle)] += o.ind.land_m2;
    if (o.unused) r.unused_m2 += o.ind.land_m2;
    if (o.supplied_in_window) r.supplied_win_m2 += o.ind.land_m2;
    if (o.started_in_window) r.started_win_m2 += o.ind.land_m2;
    // Parcels of unknown land use are not known to be industrial: they stay out of the ratios.
    if (!o.industrial) continue;
    r.n_industrial += 1;
    r.ind_m2 += o.ind.land_m2;
    if (o.ind.floor_m2) {
      r.ind_floor_m2 += *o.ind.floor_m2;
      r.ind_floor_land_m2 += o.ind.land_m2;
    }
    if (o.invest_wan) {
      r.ind_inv_wan += *o.invest_wan;
      r.ind_inv_land_m2 += o.ind.land_m2;
    }
  }
}

std::map<std::string, ParkRollup> roll_up_parks(const std::vector<ParcelOutcome>& outcomes,
                                                const std::vector<std::string>& park_ids) {
  std::map<std::string, ParkRollup> parks = empty_park_rollups(park_ids);
  add_to_park_rollups(parks, outcomes.data(), outcomes.size());
  return parks;
}

}  // namespace parkatlas
