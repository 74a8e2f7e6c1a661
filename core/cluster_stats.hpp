// Industry-cluster statistics (issue 6 §1; domain.md §8): firms, revenue, tax and land of each
// cluster at park, county, city and province level, per-mu figures, the location quotient against
// the province, R&D institutions per 100 firms, and the Herfindahl–Hirschman index of each park's
// industry mix. Pure functions over firm records; the gis layer builds the records from parcels.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parkatlas {

// One enterprise in one park: its parcels summed. Amounts in 万元, land in 亩; a missing amount is
// nullopt and is left out of sums (and counted in `*_missing`).
struct FirmRecord {
  std::string enterprise;
  std::string park_id, city, county;  // "" when unknown
  std::string cluster;                // "" = belongs to no cluster of the rule set
  std::string industry;               // GB/T 4754 code as given (for the HHI by 大类)
  std::optional<double> revenue_wan, tax_wan;
  double land_mu = 0;
  std::optional<int> rd_institutions;  // provincial-or-higher R&D institutions
};

// Parcels of one enterprise in one park become one firm; parcels without an enterprise name are
// firms of their own (named "#" + `parcel_key`). Land is summed; revenue and tax are the sum of the
// parcels' distinct values (a total repeated on every parcel counts once, parts add up).
// The texts are views into the caller's data, valid for the call of FirmBuilder::add.
struct FirmParcel {
  std::string_view parcel_key, enterprise, park_id, city, county, cluster, industry;
  std::optional<double> revenue_wan, tax_wan;
  double land_mu = 0;
  std::optional<int> rd_institutions;
};
// The same one parcel at a time, for callers that do not hold every parcel's record at once
// (a province's million parcels): add() returns the parcel's firm index.
class FirmBuilder {
 public:
  size_t add(const FirmParcel& parcel);
  std::vector<FirmRecord> finish();
  // Room for up to `parcels` firms at once (growing a million-entry hash table step by step
  // showed in profiles).
  void reserve(size_t parcels);

 private:
  // The distinct amounts of one firm seen so far. Nearly every firm has one or two parcels, so
  // two live inline; a million small vectors were two allocations per firm.
  struct SeenAmounts {
    std::array<double, 2> first{};
    std::uint8_t inline_count = 0;
    std::vector<double> more;
    bool add(double v);  // false when v was seen before
  };
  size_t find_or_add(std::string_view name, const FirmParcel& p);
  void grow_slots(size_t wanted);

  std::vector<FirmRecord> firms_;
  // Open addressing over firm indices (kEmptySlot = free), keyed by (enterprise, park): the
  // firms' own strings are the keys, so finding a firm allocates nothing.
  std::vector<std::uint32_t> slots_;
  std::vector<SeenAmounts> seen_revenue_, seen_tax_;
  std::string unnamed_;  // "#" + parcel key of a parcel without an enterprise
};

// `firm_of_parcel`, when given, receives each parcel's index into the result.
std::vector<FirmRecord> firms_from_parcels(const std::vector<FirmParcel>& parcels,
                                           std::vector<size_t>* firm_of_parcel = nullptr);

// Cluster zones (layer `clusters`): a park's member parcels of one cluster closed into zones by
// buffering out `closing_m` and back in; clusters with fewer than `min_parcels` parcels in a park
// get no zone. Rule-set [cluster_zones].
struct ClusterZoneRules {
  double closing_m = 150;
  long min_parcels = 3;
  long exact_max_parcels = 300;  // larger groups are closed on a grid (cells of closing_m / 3)
};

enum class ClusterLevel { park, county, city, province };
const char* level_name(ClusterLevel level);  // "park" …

struct ClusterStat {
  ClusterLevel level = ClusterLevel::province;
  std::string unit;     // park id, county, city; "" for the province
  std::string cluster;  // cluster name
  long firms = 0;
  double revenue_wan = 0, tax_wan = 0, land_mu = 0;
  long revenue_missing = 0, tax_missing = 0;     // firms without the figure
  std::optional<double> rev_per_mu, tax_per_mu;  // 万元/亩, over firms with the figure and land
  // LQ = (unit's cluster revenue / unit's revenue of all firms) / (the same for the province);
  // nullopt when a denominator is 0.
  std::optional<double> lq;
  std::optional<double> rd_per_100_firms;  // over firms whose R&D count is known
  bool key = false;                        // a key cluster of the unit (park: its 主导产业)
  double revenue_yi() const { return revenue_wan / 10000.0; }
};

// Statistics for every (level, unit, cluster) with at least one firm, ordered by level, unit and
// revenue (largest first). Firms outside every cluster count in the units' totals (the LQ's
// denominators) but get no row. `key_clusters_by_park`: a park's key clusters; a county's or
// city's key clusters are those of its parks.
std::vector<ClusterStat> cluster_statistics(
    const std::vector<FirmRecord>& firms,
    const std::map<std::string, std::vector<std::string>>& key_clusters_by_park);

// HHI = Σ s_i² of revenue shares s_i by industry 大类 (the code's first two digits) over the
// park's firms with revenue; 1 = one industry, 1/n = n equal ones. nullopt without revenue.
std::map<std::string, double> park_industry_hhi(const std::vector<FirmRecord>& firms);

}  // namespace parkatlas
