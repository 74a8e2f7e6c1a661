// Longest-prefix cluster lookup and keyword matching of leading industries.
#include "core/clusters.hpp"

#include "core/field_value.hpp"

namespace parkatlas {

std::optional<std::string> cluster_of(const std::vector<ClusterDef>& clusters,
                                      std::string_view industry_code) {
  const std::string_view code = trim_view(industry_code);
  const std::string* best = nullptr;
  size_t best_len = 0;
  for (const auto& c : clusters)
    for (const auto& p : c.codes)
      if (p.size() > best_len && code.size() >= p.size() && code.compare(0, p.size(), p) == 0) {
        best = &c.name;
        best_len = p.size();
      }
  if (!best) return std::nullopt;
  return *best;
}

std::vector<std::string> key_clusters(const std::vector<ClusterDef>& clusters,
                                      std::string_view leading_industries) {
  std::vector<std::string> out;
  for (const auto& c : clusters)
    for (const auto& k : c.keywords)
      if (!k.empty() && leading_industries.find(k) != std::string_view::npos) {
        out.push_back(c.name);
        break;
      }
  return out;
}

}  // namespace parkatlas
