// Cluster statistics: sums per (level, unit, cluster), then the ratios.
#include "core/cluster_stats.hpp"

#include <algorithm>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace parkatlas {

const char* level_name(ClusterLevel level) {
  switch (level) {
    case ClusterLevel::park:
      return "park";
    case ClusterLevel::county:
      return "county";
    case ClusterLevel::city:
      return "city";
    case ClusterLevel::province:
      break;
  }
  return "province";
}

namespace {

constexpr std::uint32_t kEmptySlot = 0xFFFFFFFFu;

// A hash of several texts together: the firms' table and the statistics' maps are keyed by views
// of the firms' own strings.
template <size_t N>
struct ViewsHash {
  size_t operator()(const std::array<std::string_view, N>& views) const {
    size_t h = 0;
    for (std::string_view v : views)
      h ^= std::hash<std::string_view>{}(v) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
  }
};

size_t firm_hash(std::string_view enterprise, std::string_view park) {
  return ViewsHash<2>{}({enterprise, park});
}

}  // namespace

bool FirmBuilder::SeenAmounts::add(double v) {
  for (std::uint8_t k = 0; k < inline_count; ++k)
    if (first[k] == v) return false;
  if (std::find(more.begin(), more.end(), v) != more.end()) return false;
  if (inline_count < first.size())
    first[inline_count++] = v;
  else
    more.push_back(v);
  return true;
}

void FirmBuilder::grow_slots(size_t wanted) {
  size_t n = 16;
  while (n < 2 * wanted) n *= 2;  // at most half full
  if (n <= slots_.size()) return;
  slots_.assign(n, kEmptySlot);
  for (size_t f = 0; f < firms_.size(); ++f) {
    size_t s = firm_hash(firms_[f].enterprise, firms_[f].park_id) & (n - 1);
    while (slots_[s] != kEmptySlot) s = (s + 1) & (n - 1);
    slots_[s] = static_cast<std::uint32_t>(f);
  }
}

size_t FirmBuilder::find_or_add(std::string_view name, const FirmParcel& p) {
  if (2 * (firms_.size() + 1) > slots_.size()) grow_slots(firms_.size() + 1);
  const size_t mask = slots_.size() - 1;
  for (size_t s = firm_hash(name, p.park_id) & mask;; s = (s + 1) & mask) {
    const std::uint32_t f = slots_[s];
    if (f == kEmptySlot) {
      slots_[s] = static_cast<std::uint32_t>(firms_.size());
      FirmRecord& r = firms_.emplace_back();
      r.enterprise = name;
      r.park_id = p.park_id;
      r.city = p.city;
      r.county = p.county;
      r.cluster = p.cluster;
      r.industry = p.industry;
      seen_revenue_.emplace_back();
      seen_tax_.emplace_back();
      return firms_.size() - 1;
    }
    if (firms_[f].enterprise == name && firms_[f].park_id == p.park_id) return f;
  }
}

size_t FirmBuilder::add(const FirmParcel& p) {
  std::string_view name = p.enterprise;
  if (name.empty()) {
    unnamed_.assign("#");
    unnamed_ += p.parcel_key;
    name = unnamed_;
  }
  const size_t index = find_or_add(name, p);
  FirmRecord& f = firms_[index];
  // Bureaus either repeat a firm's totals on each of its parcels or split them among the
  // parcels. Equal values are taken as one repeated total, different ones as parts: the firm's
  // figure is the sum of its parcels' distinct values.
  auto add_distinct = [](std::optional<double>& into, SeenAmounts& seen,
                         const std::optional<double>& v) {
    if (v && seen.add(*v)) into = into.value_or(0) + *v;
  };
  add_distinct(f.revenue_wan, seen_revenue_[index], p.revenue_wan);
  add_distinct(f.tax_wan, seen_tax_[index], p.tax_wan);
  if (p.rd_institutions && (!f.rd_institutions || *p.rd_institutions > *f.rd_institutions))
    f.rd_institutions = p.rd_institutions;
  if (f.cluster.empty()) f.cluster = p.cluster;
  if (f.industry.empty()) f.industry = p.industry;
  f.land_mu += p.land_mu;
  return index;
}

void FirmBuilder::reserve(size_t parcels) {
  grow_slots(parcels);
  firms_.reserve(parcels);
  seen_revenue_.reserve(parcels);
  seen_tax_.reserve(parcels);
}

std::vector<FirmRecord> FirmBuilder::finish() {
  slots_ = {};
  seen_revenue_ = {};
  seen_tax_ = {};
  return std::move(firms_);
}

std::vector<FirmRecord> firms_from_parcels(const std::vector<FirmParcel>& parcels,
                                           std::vector<size_t>* firm_of_parcel) {
  if (firm_of_parcel) firm_of_parcel->clear();
  FirmBuilder builder;
  for (const FirmParcel& p : parcels) {
    const size_t firm = builder.add(p);
    if (firm_of_parcel) firm_of_parcel->push_back(firm);
  }
  return builder.finish();
}

namespace {

struct Sums {
  long firms = 0, revenue_missing = 0, tax_missing = 0, rd_known = 0;
  double revenue = 0, tax = 0, land = 0, land_with_rev = 0, land_with_tax = 0;
  long rd = 0;
  void add(const FirmRecord& f) {
    ++firms;
    land += f.land_mu;
    if (f.revenue_wan) {
      revenue += *f.revenue_wan;
      land_with_rev += f.land_mu;
    } else {
      ++revenue_missing;
    }
    if (f.tax_wan) {
      tax += *f.tax_wan;
      land_with_tax += f.land_mu;
    } else {
      ++tax_missing;
    }
    if (f.rd_institutions) {
      ++rd_known;
      rd += *f.rd_institutions;
    }
  }
};

// A view into the firm, so a province's half a million firms are summed four times over without
// copying a text.
std::string_view unit_of(const FirmRecord& f, ClusterLevel level) {
  switch (level) {
    case ClusterLevel::park:
      return f.park_id;
    case ClusterLevel::county:
      return f.county;
    case ClusterLevel::city:
      return f.city;
    case ClusterLevel::province:
      break;
  }
  return {};
}

}  // namespace

std::vector<ClusterStat> cluster_statistics(
    const std::vector<FirmRecord>& firms,
    const std::map<std::string, std::vector<std::string>>& key_clusters_by_park) {
  const ClusterLevel levels[] = {ClusterLevel::park, ClusterLevel::county, ClusterLevel::city,
                                 ClusterLevel::province};
  // Province totals for the LQ's reference.
  double province_revenue = 0;
  std::map<std::string_view, double> province_cluster_revenue;
  for (const FirmRecord& f : firms)
    if (f.revenue_wan) {
      province_revenue += *f.revenue_wan;
      if (!f.cluster.empty()) province_cluster_revenue[f.cluster] += *f.revenue_wan;
    }
  // Key clusters of counties and cities: those of their parks. A park has one county and one
  // city, so each distinct (park, county, city) is looked at once, not once per firm.
  std::unordered_set<std::array<std::string_view, 3>, ViewsHash<3>> places;
  for (const FirmRecord& f : firms)
    if (!f.park_id.empty()) places.insert({f.park_id, f.county, f.city});
  std::map<std::pair<ClusterLevel, std::string_view>, std::set<std::string>> keys;
  for (const auto& place : places) {
    auto it = key_clusters_by_park.find(std::string(place[0]));
    if (it == key_clusters_by_park.end()) continue;
    const ClusterLevel place_levels[] = {ClusterLevel::park, ClusterLevel::county,
                                         ClusterLevel::city};
    for (size_t l = 0; l < 3; ++l)
      if (!place[l].empty())
        keys[{place_levels[l], place[l]}].insert(it->second.begin(), it->second.end());
  }
  std::vector<ClusterStat> out;
  for (ClusterLevel level : levels) {
    // Hash maps while summing (four passes over every firm), sorted by (unit, cluster) after.
    std::unordered_map<std::string_view, double> unit_revenue;
    std::unordered_map<std::array<std::string_view, 2>, Sums, ViewsHash<2>> unsorted;
    for (const FirmRecord& f : firms) {
      const std::string_view unit = unit_of(f, level);
      if (level != ClusterLevel::province && unit.empty()) continue;
      if (f.revenue_wan) unit_revenue[unit] += *f.revenue_wan;
      if (!f.cluster.empty()) unsorted[{unit, f.cluster}].add(f);
    }
    std::map<std::pair<std::string_view, std::string_view>, Sums> sums;  // (unit, cluster)
    for (const auto& [key, sum] : unsorted) sums.emplace(std::pair{key[0], key[1]}, sum);
    std::vector<ClusterStat> rows;
    for (const auto& [key, s] : sums) {
      ClusterStat c;
      c.level = level;
      c.unit = key.first;
      c.cluster = key.second;
      c.firms = s.firms;
      c.revenue_wan = s.revenue;
      c.tax_wan = s.tax;
      c.land_mu = s.land;
      c.revenue_missing = s.revenue_missing;
      c.tax_missing = s.tax_missing;
      if (s.land_with_rev > 0) c.rev_per_mu = s.revenue / s.land_with_rev;
      if (s.land_with_tax > 0) c.tax_per_mu = s.tax / s.land_with_tax;
      const double unit_total = unit_revenue[key.first];
      const double reference = province_cluster_revenue[key.second];
      if (unit_total > 0 && reference > 0 && province_revenue > 0)
        c.lq = (s.revenue / unit_total) / (reference / province_revenue);
      if (s.rd_known > 0) c.rd_per_100_firms = 100.0 * s.rd / s.rd_known;
      auto k = keys.find({level, key.first});
      c.key = k != keys.end() && k->second.count(c.cluster) > 0;
      rows.push_back(std::move(c));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const ClusterStat& a, const ClusterStat& b) {
      return std::tie(a.unit, b.revenue_wan) < std::tie(b.unit, a.revenue_wan);
    });
    out.insert(out.end(), rows.begin(), rows.end());
  }
  return out;
}

std::map<std::string, double> park_industry_hhi(const std::vector<FirmRecord>& firms) {
  // park -> 大类 -> revenue, keyed by views of the firms' strings
  std::map<std::string_view, std::map<std::string_view, double>> by_park;
  for (const FirmRecord& f : firms) {
    if (f.park_id.empty() || !f.revenue_wan || *f.revenue_wan <= 0) continue;
    const std::string_view industry = f.industry;
    const std::string_view major = industry.size() >= 2 ? industry.substr(0, 2) : "?";
    by_park[f.park_id][major] += *f.revenue_wan;
  }
  std::map<std::string, double> out;
  for (const auto& [park, industries] : by_park) {
    double total = 0, sum_sq = 0;
    for (const auto& [major, revenue] : industries) total += revenue;
    for (const auto& [major, revenue] : industries) sum_sq += (revenue / total) * (revenue / total);
    out[std::string(park)] = sum_sq;
  }
  return out;
}

}  // namespace parkatlas
