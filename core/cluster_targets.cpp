// Checking the cluster targets.
#include "core/cluster_targets.hpp"

#include <cstdio>
#include <map>

namespace parkatlas {

namespace {

std::string at_least(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "≥ %g", v);
  return buf;
}

std::string within(const std::pair<long, long>& r) {
  char buf[48];
  if (r.first == r.second)
    std::snprintf(buf, sizeof buf, "%ld", r.first);
  else
    std::snprintf(buf, sizeof buf, "%ld–%ld", r.first, r.second);
  return buf;
}

}  // namespace

std::vector<TargetCheck> check_cluster_targets(const std::vector<ClusterStat>& stats,
                                               const ClusterTargets& t) {
  std::vector<TargetCheck> out;
  long over_100 = 0, over_1000 = 0;
  std::map<std::string, const ClusterStat*> city_max, county_max;
  std::map<std::string, long> city_keys, county_keys;
  for (const ClusterStat& s : stats) {
    if (s.level == ClusterLevel::park) {
      over_100 += s.revenue_yi() >= 100;
      over_1000 += s.revenue_yi() >= 1000;
    }
    auto track = [&s](std::map<std::string, const ClusterStat*>& best,
                      std::map<std::string, long>& keys) {
      const ClusterStat*& b = best[s.unit];
      if (!b || s.revenue_wan > b->revenue_wan) b = &s;
      keys[s.unit] += s.key;
    };
    if (s.level == ClusterLevel::city) track(city_max, city_keys);
    if (s.level == ClusterLevel::county) track(county_max, county_keys);
  }
  if (t.over_100yi)
    out.push_back({"over_100yi", "province", "", "", static_cast<double>(over_100),
                   at_least(static_cast<double>(*t.over_100yi)), over_100 >= *t.over_100yi});
  if (t.over_1000yi)
    out.push_back({"over_1000yi", "province", "", "", static_cast<double>(over_1000),
                   within(*t.over_1000yi),
                   over_1000 >= t.over_1000yi->first && over_1000 <= t.over_1000yi->second});
  auto largest = [&out](const char* check, const char* level,
                        const std::map<std::string, const ClusterStat*>& best, double target) {
    for (const auto& [unit, s] : best)
      out.push_back({check, level, unit, s->cluster, s->revenue_yi(), at_least(target),
                     s->revenue_yi() >= target});
  };
  if (t.city_max_yi) largest("city_max", "city", city_max, *t.city_max_yi);
  if (t.county_max_yi) largest("county_max", "county", county_max, *t.county_max_yi);
  // Key clusters: too many or too few are both flagged.
  auto key_count = [&out](const char* check, const char* level,
                          const std::map<std::string, long>& keys, std::pair<long, long> range) {
    for (const auto& [unit, n] : keys)
      out.push_back({check, level, unit, "", static_cast<double>(n), within(range),
                     n >= range.first && n <= range.second});
  };
  if (t.key_per_city) key_count("key_per_city", "city", city_keys, *t.key_per_city);
  if (t.key_per_county) key_count("key_per_county", "county", county_keys, *t.key_per_county);
  if (t.rd_per_100_firms)
    for (const ClusterStat& s : stats)
      if (s.level == ClusterLevel::park && s.key) {
        TargetCheck c{"rd_per_100_firms",
                      "park",
                      s.unit,
                      s.cluster,
                      s.rd_per_100_firms.value_or(0),
                      at_least(*t.rd_per_100_firms),
                      std::nullopt};
        if (s.rd_per_100_firms) c.pass = *s.rd_per_100_firms >= *t.rd_per_100_firms;
        out.push_back(std::move(c));
      }
  return out;
}

}  // namespace parkatlas
