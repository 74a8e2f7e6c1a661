// Cluster membership by code prefix and key clusters from 主导产业 texts, on a small hand table.
#include <gtest/gtest.h>

#include "core/clusters.hpp"

using namespace parkatlas;

namespace {
const std::vector<ClusterDef> kTable = {
    {"电子信息", {"39"}, {"电子", "信息"}},     {"新材料", {"3985", "3099"}, {"新材料"}},
    {"装备制造", {"34", "35", "38"}, {"装备"}}, {"新能源", {"3825", "384"}, {"新能源", "光伏"}},
    {"生物医药", {"27"}, {"医药", "生物"}},
};
}  // namespace

TEST(Clusters, LongestCodePrefixWins) {
  EXPECT_EQ(cluster_of(kTable, "3971"), "电子信息");    // 39 only
  EXPECT_EQ(cluster_of(kTable, "3985"), "新材料");      // 3985 (4 digits) beats 39
  EXPECT_EQ(cluster_of(kTable, "3825"), "新能源");      // 3825 beats 38
  EXPECT_EQ(cluster_of(kTable, "3841"), "新能源");      // 384 beats 38
  EXPECT_EQ(cluster_of(kTable, "3811"), "装备制造");    // 38 only
  EXPECT_EQ(cluster_of(kTable, " 2720 "), "生物医药");  // trimmed
  EXPECT_FALSE(cluster_of(kTable, "1391"));             // food: not in this table
  EXPECT_FALSE(cluster_of(kTable, "3"));                // shorter than every prefix
  EXPECT_FALSE(cluster_of(kTable, ""));
}

TEST(Clusters, KeyClustersFromLeadingIndustries) {
  // 南昌经开区 in the 2018 catalogue: 电子信息、汽车及零部件、医药 -> 电子信息 and 生物医药 here
  // (汽车 is not in this table).
  EXPECT_EQ(key_clusters(kTable, "电子信息、汽车及零部件、医药"),
            (std::vector<std::string>{"电子信息", "生物医药"}));
  // Each cluster once, even when two of its keywords occur.
  EXPECT_EQ(key_clusters(kTable, "生物医药、光伏新能源"),
            (std::vector<std::string>{"新能源", "生物医药"}));
  EXPECT_TRUE(key_clusters(kTable, "").empty());
}
