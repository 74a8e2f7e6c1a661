// Cluster statistics on a hand-built table of firms whose totals are worked out in the comments.
#include <gtest/gtest.h>

#include "core/cluster_stats.hpp"

using namespace parkatlas;

namespace {

FirmRecord firm(const char* name, const char* park, const char* county, const char* city,
                const char* cluster, const char* industry, std::optional<double> rev,
                std::optional<double> tax, double mu, std::optional<int> rd = std::nullopt) {
  FirmRecord f;
  f.enterprise = name;
  f.park_id = park;
  f.county = county;
  f.city = city;
  f.cluster = cluster;
  f.industry = industry;
  f.revenue_wan = rev;
  f.tax_wan = tax;
  f.land_mu = mu;
  f.rd_institutions = rd;
  return f;
}

// Province of two parks in two counties of one city:
//   P1 (county A): e1 电子信息 3911 rev 600,000 tax 30,000 100 亩 rd 1
//                  e2 电子信息 3971 rev 200,000 tax 10,000  50 亩 rd 0
//                  e3 食品     1391 rev 200,000 tax  8,000 100 亩 (rd unknown)
//   P2 (county B): e4 食品     1431 rev 300,000 tax 12,000 100 亩 rd 0
//                  e5 (none)   2211 rev 100,000 (tax unknown) 50 亩
// Province revenue 1,400,000; 电子信息 800,000; 食品 500,000.
std::vector<FirmRecord> province() {
  return {firm("e1", "P1", "A", "C", "电子信息", "3911", 600000, 30000, 100, 1),
          firm("e2", "P1", "A", "C", "电子信息", "3971", 200000, 10000, 50, 0),
          firm("e3", "P1", "A", "C", "食品", "1391", 200000, 8000, 100),
          firm("e4", "P2", "B", "C", "食品", "1431", 300000, 12000, 100, 0),
          firm("e5", "P2", "B", "C", "", "2211", 100000, std::nullopt, 50)};
}

const ClusterStat* find(const std::vector<ClusterStat>& s, ClusterLevel l, const char* unit,
                        const char* cluster) {
  for (const auto& c : s)
    if (c.level == l && c.unit == unit && c.cluster == cluster) return &c;
  return nullptr;
}

}  // namespace

TEST(ClusterStats, SumsAndPerMuFiguresByHand) {
  const auto s = cluster_statistics(province(), {{"P1", {"电子信息"}}});
  const ClusterStat* e = find(s, ClusterLevel::park, "P1", "电子信息");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->firms, 2);
  EXPECT_DOUBLE_EQ(e->revenue_wan, 800000);  // 600,000 + 200,000
  EXPECT_DOUBLE_EQ(e->revenue_yi(), 80);     // 万元 / 10,000 = 亿元
  EXPECT_DOUBLE_EQ(e->tax_wan, 40000);
  EXPECT_DOUBLE_EQ(e->land_mu, 150);
  EXPECT_NEAR(*e->rev_per_mu, 800000.0 / 150, 1e-9);  // 5,333.3 万元/亩
  EXPECT_NEAR(*e->tax_per_mu, 40000.0 / 150, 1e-9);
  EXPECT_TRUE(e->key);
  // R&D: 1 institution among 2 firms with a known count = 50 per 100 firms.
  EXPECT_DOUBLE_EQ(*e->rd_per_100_firms, 50);
  // 食品 in P1 is not a key cluster of P1; its only firm has no R&D figure.
  const ClusterStat* f1 = find(s, ClusterLevel::park, "P1", "食品");
  ASSERT_TRUE(f1);
  EXPECT_FALSE(f1->key);
  EXPECT_FALSE(f1->rd_per_100_firms.has_value());
  // The firm outside every cluster has no row but counts in P2's total.
  EXPECT_EQ(find(s, ClusterLevel::park, "P2", ""), nullptr);
}

TEST(ClusterStats, LocationQuotientAgainstTheProvinceByHand) {
  const auto s = cluster_statistics(province(), {});
  // P1: 电子信息 800,000 of P1's 1,000,000 = 0.8; province 800,000 / 1,400,000 = 4/7;
  // LQ = 0.8 / (4/7) = 1.4.
  EXPECT_NEAR(*find(s, ClusterLevel::park, "P1", "电子信息")->lq, 1.4, 1e-12);
  // P1 食品: 0.2 / (500,000 / 1,400,000 = 5/14) = 0.56.
  EXPECT_NEAR(*find(s, ClusterLevel::park, "P1", "食品")->lq, 0.56, 1e-12);
  // P2 食品: 300,000 / 400,000 = 0.75; / (5/14) = 2.1.
  EXPECT_NEAR(*find(s, ClusterLevel::park, "P2", "食品")->lq, 2.1, 1e-12);
  // County A is P1 alone; the city and the province are everything: LQ 1.
  EXPECT_NEAR(*find(s, ClusterLevel::county, "A", "电子信息")->lq, 1.4, 1e-12);
  EXPECT_NEAR(*find(s, ClusterLevel::city, "C", "食品")->lq, 1.0, 1e-12);
  const ClusterStat* p = find(s, ClusterLevel::province, "", "食品");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->firms, 2);
  EXPECT_DOUBLE_EQ(p->revenue_wan, 500000);
  EXPECT_NEAR(*p->lq, 1.0, 1e-12);
}

TEST(ClusterStats, MissingFiguresAreCountedNotSummedAsZero) {
  auto firms = province();
  firms[1].tax_wan.reset();  // e2's tax unknown: tax per mu over e1 alone
  const auto s = cluster_statistics(firms, {});
  const ClusterStat* e = find(s, ClusterLevel::park, "P1", "电子信息");
  EXPECT_EQ(e->tax_missing, 1);
  EXPECT_DOUBLE_EQ(e->tax_wan, 30000);
  EXPECT_NEAR(*e->tax_per_mu, 30000.0 / 100, 1e-12);  // e1's 100 亩 only
  EXPECT_NEAR(*e->rev_per_mu, 800000.0 / 150, 1e-12);
}

TEST(ClusterStats, KeyClustersOfCountiesAndCitiesComeFromTheirParks) {
  const auto s = cluster_statistics(province(), {{"P2", {"食品"}}});
  EXPECT_TRUE(find(s, ClusterLevel::county, "B", "食品")->key);
  EXPECT_FALSE(find(s, ClusterLevel::county, "A", "食品")->key);
  EXPECT_TRUE(find(s, ClusterLevel::city, "C", "食品")->key);
  EXPECT_FALSE(find(s, ClusterLevel::province, "", "食品")->key);
}

TEST(ClusterStats, RowsOrderedByLevelUnitAndRevenue) {
  const auto s = cluster_statistics(province(), {});
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s.front().level, ClusterLevel::park);
  EXPECT_EQ(s.front().unit, "P1");
  EXPECT_EQ(s.front().cluster, "电子信息");  // 800,000 before 食品's 200,000
  EXPECT_EQ(s.back().level, ClusterLevel::province);
  EXPECT_STREQ(level_name(ClusterLevel::county), "county");
}

TEST(ClusterStats, IndustryMixHhiByHand) {
  const auto h = park_industry_hhi(province());
  // P1 by 大类: 39 → 800,000, 13 → 200,000 of 1,000,000: 0.8² + 0.2² = 0.68.
  EXPECT_NEAR(h.at("P1"), 0.68, 1e-12);
  // P2: 14 → 300,000, 22 → 100,000 of 400,000: 0.75² + 0.25² = 0.625.
  EXPECT_NEAR(h.at("P2"), 0.625, 1e-12);
}

TEST(ClusterStats, FirmsFromParcelsRepeatedTotalsCountOnce) {
  std::vector<FirmParcel> parcels(4);
  // Firm X in P1 on two parcels with its total 500 repeated on both, 10 + 20 亩.
  parcels[0] = {"a", "X", "P1", "C", "A", "食品", "1391", 500, 20, 10, std::nullopt};
  parcels[1] = {"b", "X", "P1", "C", "A", "食品", "1391", 500, 20, 20, std::nullopt};
  // Firm Y: its revenue split 300 + 200 over two parcels.
  parcels[2] = {"c", "Y", "P1", "C", "A", "食品", "1391", 300, std::nullopt, 5, 1};
  parcels[3] = {"d", "Y", "P1", "C", "A", "食品", "1391", 200, 4, 5, std::nullopt};
  const auto firms = firms_from_parcels(parcels);
  ASSERT_EQ(firms.size(), 2u);
  EXPECT_DOUBLE_EQ(*firms[0].revenue_wan, 500);
  EXPECT_DOUBLE_EQ(*firms[0].tax_wan, 20);
  EXPECT_DOUBLE_EQ(firms[0].land_mu, 30);
  EXPECT_DOUBLE_EQ(*firms[1].revenue_wan, 500);
  EXPECT_DOUBLE_EQ(*firms[1].tax_wan, 4);
  EXPECT_EQ(*firms[1].rd_institutions, 1);
  // A parcel without an enterprise is a firm of its own.
  parcels[3].enterprise = "";
  EXPECT_EQ(firms_from_parcels(parcels).size(), 3u);
  EXPECT_EQ(firms_from_parcels(parcels)[2].enterprise, "#d");
}

TEST(ClusterStats, FirmBuilderKeepsEveryFirmThroughGrowthAndManyParts) {
  // 100 firms named F0 … F99, each in park P and, with the same names, in park Q: 200 firms,
  // more than the builder's first table holds, added without reserve() so the table regrows.
  FirmBuilder builder;
  std::vector<std::string> names;
  for (int k = 0; k < 100; ++k) names.push_back("F" + std::to_string(k));
  FirmParcel r;
  for (const char* park : {"P", "Q"})
    for (int k = 0; k < 100; ++k) {
      r.enterprise = names[static_cast<size_t>(k)];
      r.park_id = park;
      r.land_mu = 1;
      r.revenue_wan = k;
      EXPECT_EQ(builder.add(r), static_cast<size_t>(k + (park[0] == 'Q' ? 100 : 0)));
    }
  // F7 in P again with revenue parts 7 (seen), 1, 2, 3, 1 (seen): its distinct values are
  // 7, 1, 2, 3 — more than the two kept inline — so 7 + 1 + 2 + 3 = 13; land 1 + 5 × 1 = 6 亩.
  r.enterprise = names[7];
  r.park_id = "P";
  for (double part : {7.0, 1.0, 2.0, 3.0, 1.0}) {
    r.revenue_wan = part;
    EXPECT_EQ(builder.add(r), 7u);
  }
  const auto firms = builder.finish();
  ASSERT_EQ(firms.size(), 200u);
  EXPECT_EQ(firms[7].enterprise, "F7");
  EXPECT_EQ(firms[7].park_id, "P");
  EXPECT_DOUBLE_EQ(*firms[7].revenue_wan, 13);
  EXPECT_DOUBLE_EQ(firms[7].land_mu, 6);
  EXPECT_EQ(firms[107].enterprise, "F7");
  EXPECT_EQ(firms[107].park_id, "Q");
  EXPECT_DOUBLE_EQ(*firms[107].revenue_wan, 7);
  EXPECT_DOUBLE_EQ(firms[199].land_mu, 1);
}
