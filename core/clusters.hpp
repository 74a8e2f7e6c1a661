// Industry clusters (产业集群, issue 6 §1; domain.md §8): which cluster an enterprise belongs to,
// by the longest GB/T 4754-2017 code prefix of the rule set's table, and which clusters a park
// declares as its leading industries (主导产业). The table is rule-set data.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parkatlas {

struct ClusterDef {
  std::string name;                   // 电子信息
  std::vector<std::string> codes;     // GB/T 4754-2017 prefixes: "39", "3985"
  std::vector<std::string> keywords;  // words of 主导产业 texts that name it: 电子, 信息
};

// The cluster of an industry code: the definition with the longest matching prefix (3985 电子专用
// 材料 goes to a cluster listing "3985" before one listing "39"); nullopt when none matches.
std::optional<std::string> cluster_of(const std::vector<ClusterDef>& clusters,
                                      std::string_view industry_code);

// Clusters a park's 主导产业 text names ("电子信息、汽车及零部件、医药"), in table order.
std::vector<std::string> key_clusters(const std::vector<ClusterDef>& clusters,
                                      std::string_view leading_industries);

}  // namespace parkatlas
