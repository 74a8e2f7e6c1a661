// The Jiangxi 2014 cluster targets (section 二; domain.md §8.2) as a checked table: clusters over
// 100 亿 and 1000 亿 (count against target), the largest cluster of each city ≥ 500 亿 and of each
// county ≥ 50 亿, key clusters per city (2–3) and county (1–2), and 5 provincial-or-higher R&D
// institutions per 100 firms of each key cluster. Targets are rule-set data ([cluster_targets]).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/cluster_stats.hpp"

namespace parkatlas {

struct ClusterTargets {
  std::optional<long> over_100yi;                    // clusters ≥ 100 亿: at least this many
  std::optional<std::pair<long, long>> over_1000yi;  // clusters ≥ 1000 亿: within [min, max]
  std::optional<double> city_max_yi, county_max_yi;  // largest cluster at least this (亿元)
  std::optional<std::pair<long, long>> key_per_city, key_per_county;  // within [min, max]
  std::optional<double> rd_per_100_firms;                             // per key cluster of a park
};

struct TargetCheck {
  std::string check;         // over_100yi, over_1000yi, city_max, county_max, key_per_city, …
  std::string level;         // province, city, county, park
  std::string unit;          // city/county/park; "" for the province
  std::string cluster;       // the cluster concerned, when one is
  double value = 0;          // count, 亿元 or institutions per 100 firms
  std::string target;        // "≥ 60", "3–5"
  std::optional<bool> pass;  // nullopt: not checkable (no data)
};

// [I] A cluster is a cluster in a park (南昌经开区 汽车及零部件): the counts of clusters over
// 100 and 1000 亿 count park-level rows; a city's or county's largest cluster is its largest
// city- or county-level total of one cluster across its parks.
std::vector<TargetCheck> check_cluster_targets(const std::vector<ClusterStat>& stats,
                                               const ClusterTargets& targets);

}  // namespace parkatlas
