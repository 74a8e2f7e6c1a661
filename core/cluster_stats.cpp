// Cluster statistics: sums per (level, unit, cluster), then the ratios.
#include "core/cluster_stats.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

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

size_t FirmBuilder::add(const FirmParcel& p) {
  const std::string name = p.enterprise.empty() ? "#" + p.parcel_key : p.enterprise;
  std::string key = name;
  key += '\x1f';
  key += p.park_id;
  auto [it, added] = index_.try_emplace(std::move(key), firms_.size());
  if (added) {
    FirmRecord f;
    f.enterprise = name;
    f.park_id = p.park_id;
    f.city = p.city;
    f.county = p.county;
    f.cluster = p.cluster;
    f.industry = p.industry;
    firms_.push_back(std::move(f));
    seen_revenue_.emplace_back();
    seen_tax_.emplace_back();
  }
  FirmRecord& f = firms_[it->second];
  // Bureaus either repeat a firm's totals on each of its parcels or split them among the
  // parcels. Equal values are taken as one repeated total, different ones as parts: the firm's
  // figure is the sum of its parcels' distinct values.
  auto add_distinct = [](std::optional<double>& into, std::vector<double>& seen,
                         const std::optional<double>& v) {
    if (!v || std::find(seen.begin(), seen.end(), *v) != seen.end()) return;
    seen.push_back(*v);
    into = into.value_or(0) + *v;
  };
  add_distinct(f.revenue_wan, seen_revenue_[it->second], p.revenue_wan);
  add_distinct(f.tax_wan, seen_tax_[it->second], p.tax_wan);
  if (p.rd_institutions && (!f.rd_institutions || *p.rd_institutions > *f.rd_institutions))
    f.rd_institutions = p.rd_institutions;
  if (f.cluster.empty()) f.cluster = p.cluster;
  if (f.industry.empty()) f.industry = p.industry;
  f.land_mu += p.land_mu;
  return it->second;
}

void FirmBuilder::reserve(size_t parcels) {
  index_.reserve(parcels);
  firms_.reserve(parcels);
  seen_revenue_.reserve(parcels);
  seen_tax_.reserve(parcels);
}

std::vector<FirmRecord> FirmBuilder::finish() {
  index_.clear();
  seen_revenue_.clear();
  seen_tax_.clear();
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

std::string unit_of(const FirmRecord& f, ClusterLevel level) {
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
  return "";
}

}  // namespace

std::vector<ClusterStat> cluster_statistics(
    const std::vector<FirmRecord>& firms,
    const std::map<std::string, std::vector<std::string>>& key_clusters_by_park) {
  const ClusterLevel levels[] = {ClusterLevel::park, ClusterLevel::county, ClusterLevel::city,
                                 ClusterLevel::province};
  // Province totals for the LQ's reference.
  double province_revenue = 0;
  std::map<std::string, double> province_cluster_revenue;
  for (const FirmRecord& f : firms)
    if (f.revenue_wan) {
      province_revenue += *f.revenue_wan;
      if (!f.cluster.empty()) province_cluster_revenue[f.cluster] += *f.revenue_wan;
    }
  // Key clusters of counties and cities: those of their parks.
  std::map<std::pair<ClusterLevel, std::string>, std::set<std::string>> keys;
  for (const FirmRecord& f : firms) {
    auto it = key_clusters_by_park.find(f.park_id);
    if (f.park_id.empty() || it == key_clusters_by_park.end()) continue;
    for (ClusterLevel l : {ClusterLevel::park, ClusterLevel::county, ClusterLevel::city})
      if (!unit_of(f, l).empty())
        keys[{l, unit_of(f, l)}].insert(it->second.begin(), it->second.end());
  }
  std::vector<ClusterStat> out;
  for (ClusterLevel level : levels) {
    std::map<std::string, double> unit_revenue;
    std::map<std::pair<std::string, std::string>, Sums> sums;  // (unit, cluster)
    for (const FirmRecord& f : firms) {
      const std::string unit = unit_of(f, level);
      if (level != ClusterLevel::province && unit.empty()) continue;
      if (f.revenue_wan) unit_revenue[unit] += *f.revenue_wan;
      if (!f.cluster.empty()) sums[{unit, f.cluster}].add(f);
    }
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
      c.key = k != keys.end() && k->second.count(key.second) > 0;
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
  std::map<std::string, std::map<std::string, double>> by_park;  // park -> 大类 -> revenue
  for (const FirmRecord& f : firms) {
    if (f.park_id.empty() || !f.revenue_wan || *f.revenue_wan <= 0) continue;
    const std::string major = f.industry.size() >= 2 ? f.industry.substr(0, 2) : "?";
    by_park[f.park_id][major] += *f.revenue_wan;
  }
  std::map<std::string, double> out;
  for (const auto& [park, industries] : by_park) {
    double total = 0, sum_sq = 0;
    for (const auto& [major, revenue] : industries) total += revenue;
    for (const auto& [major, revenue] : industries) sum_sq += (revenue / total) * (revenue / total);
    out[park] = sum_sq;
  }
  return out;
}

}  // namespace parkatlas
