// Park roll-up: counts and areas by verdict, park-level industrial FAR and investment intensity
// (Σ floor / Σ land and Σ investment / Σ mu over industrial parcels; domain.md §0 implication 2).
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/digestion.hpp"
#include "core/idle_land.hpp"
#include "core/indicators.hpp"
#include "core/verdict.hpp"

namespace parkatlas {

struct ParcelOutcome {
  std::string park_id;  // empty = outside every park
  Indicators ind;
  Verdict verdict = Verdict::unknown;
  bool industrial = false;  // from the judgement: land use is industrial under the rule set
  IdleClass idle = IdleClass::none;
  std::optional<double> invest_wan;
  // For the digestion period (domain.md §4.2): supplied and not started at the evaluation date
  // (供而未用), and supplied / started within the digestion window.
  bool unused = false;
  bool supplied_in_window = false;
  bool started_in_window = false;
};

struct ParkRollup {
  std::string park_id;
  long n_parcels = 0;
  double land_m2 = 0;
  std::array<long, kVerdictCount> n_by_verdict{};
  std::array<double, kVerdictCount> m2_by_verdict{};
  static constexpr int kIdleClasses = 9;
  std::array<long, kIdleClasses> n_by_idle{};
  std::array<double, kIdleClasses> m2_by_idle{};
  // 批而未供: approval batches assigned to the park (largest overlap) and what of them is
  // unsupplied.
  double batch_m2 = 0, unsupplied_m2 = 0;
  std::optional<double> unsupplied_rate() const {
    if (batch_m2 <= 0) return std::nullopt;
    return unsupplied_m2 / batch_m2;
  }
  // 批而未用 and its digestion.
  double unused_m2 = 0, supplied_win_m2 = 0, started_win_m2 = 0;
  Digestion digestion(const DigestionRules& rules) const;
  long n_industrial = 0;
  double ind_m2 = 0;
  // Park FAR and intensity use only the industrial parcels whose input is known; the land
  // behind each ratio is kept so a reader sees how much of the park it speaks for.
  double ind_floor_m2 = 0, ind_floor_land_m2 = 0;
  double ind_inv_wan = 0, ind_inv_land_m2 = 0;
  std::optional<double> far() const;
  std::optional<double> inv_mu() const;
  // Compliant share of the judged industrial parcels (compliant + exempt count as meeting).
  std::optional<double> ok_share_count() const;
  std::optional<double> ok_share_area() const;
  // Adds another roll-up's counts and areas (a county is the sum of its parks).
  void add(const ParkRollup& other);
};

// One roll-up per park id that occurs in `outcomes` or in `park_ids` (parks without parcels
// still get a row); parcels outside every park are rolled up under the empty id.
std::map<std::string, ParkRollup> roll_up_parks(const std::vector<ParcelOutcome>& outcomes,
                                                const std::vector<std::string>& park_ids);

// The same in steps, for callers that make the outcomes a block at a time instead of holding a
// million of them: start with the parks' empty rows, then add blocks in parcel order (the sums
// are then those of one call over all outcomes, to the bit).
std::map<std::string, ParkRollup> empty_park_rollups(const std::vector<std::string>& park_ids);
void add_to_park_rollups(std::map<std::string, ParkRollup>& parks, const ParcelOutcome* outcomes,
                         size_t count);

}  // namespace parkatlas
