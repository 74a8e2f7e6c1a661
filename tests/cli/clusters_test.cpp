// Issue 6 end to end on the bundled sample through `parkatlas run`: the cluster statistics and
// 亩均 grades in results.gpkg recomputed here from the parcels and parks layers with plain GDAL.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include "../gis/test_paths.hpp"
#include "cli_run.hpp"
#include "ogr_read.hpp"

using namespace parkatlas;
using namespace parkatlas::test;
namespace fs = std::filesystem;

namespace {

const fs::path& run_dir() {
  static const fs::path dir = [] {
    const fs::path d = temp_dir("cli-clusters");
    const auto r =
        run_command("run -q -c " + sample("parkatlas.toml") + " -o " + (d / "out").string());
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return d / "out";
  }();
  return dir;
}

}  // namespace

TEST(CliClusters, ProvinceTotalsEqualTheParcelsRegrouped) {
  auto ds = open_vector((run_dir() / "results.gpkg").string());
  ASSERT_TRUE(ds);
  // Firms: parcels grouped by (enterprise, park); a firm's revenue is the sum of its parcels'
  // distinct values. Then revenue and firm counts per cluster.
  std::map<std::pair<std::string, std::string>, std::set<double>> revenues;
  std::map<std::pair<std::string, std::string>, std::string> cluster_of;
  for (auto& f : *ds->GetLayerByName("parcels")) {
    const std::string cluster = f->GetFieldAsString("cluster");
    std::string firm = f->GetFieldAsString("enterprise");
    if (firm.empty()) firm = std::string("#") + f->GetFieldAsString("parcel_id");
    const auto key = std::make_pair(firm, std::string(f->GetFieldAsString("park_id")));
    if (!cluster_of.count(key) || cluster_of[key].empty()) cluster_of[key] = cluster;
    if (f->IsFieldSetAndNotNull(f->GetFieldIndex("revenue_wan")))
      revenues[key].insert(f->GetFieldAsDouble("revenue_wan"));
  }
  std::map<std::string, double> revenue_by_cluster;
  std::map<std::string, long> firms_by_cluster;
  for (const auto& [key, cluster] : cluster_of) {
    if (cluster.empty()) continue;
    ++firms_by_cluster[cluster];
    for (double v : revenues[key]) revenue_by_cluster[cluster] += v;
  }
  ASSERT_GE(firms_by_cluster.size(), 5u);
  OGRLayer* stats = ds->GetLayerByName("cluster_stats");
  ASSERT_TRUE(stats);
  size_t province_rows = 0;
  for (auto& f : *stats) {
    if (std::string(f->GetFieldAsString("level")) != "province") continue;
    ++province_rows;
    const std::string cluster = f->GetFieldAsString("cluster");
    EXPECT_EQ(f->GetFieldAsInteger64("n_firms"), firms_by_cluster[cluster]) << cluster;
    EXPECT_NEAR(f->GetFieldAsDouble("rev_yi"), revenue_by_cluster[cluster] / 10000.0, 1e-6)
        << cluster;
    EXPECT_NEAR(f->GetFieldAsDouble("lq"), 1.0, 1e-9);  // the province against itself
  }
  EXPECT_EQ(province_rows, firms_by_cluster.size());
  // The targets table holds the province counts and one largest-cluster row per city.
  OGRLayer* targets = ds->GetLayerByName("cluster_targets");
  ASSERT_TRUE(targets);
  std::set<std::string> checks;
  for (auto& f : *targets) checks.insert(f->GetFieldAsString("check"));
  for (const char* c :
       {"over_100yi", "over_1000yi", "city_max", "county_max", "key_per_city", "key_per_county"})
    EXPECT_TRUE(checks.count(c)) << c;
  // Parks carry their industry-mix HHI in (0, 1].
  long with_hhi = 0;
  for (auto& f : *ds->GetLayerByName("parks"))
    if (f->IsFieldSetAndNotNull(f->GetFieldIndex("hhi"))) {
      ++with_hhi;
      EXPECT_GT(f->GetFieldAsDouble("hhi"), 0);
      EXPECT_LE(f->GetFieldAsDouble("hhi"), 1);
    }
  EXPECT_GE(with_hhi, 8);
}

TEST(CliClusters, MuGradesSplitEachCountyByPercentile) {
  auto ds = open_vector((run_dir() / "results.gpkg").string());
  ASSERT_TRUE(ds);
  std::map<std::string, std::string> county_of_park;
  for (auto& f : *ds->GetLayerByName("parks"))
    county_of_park[f->GetFieldAsString("park_id")] = f->GetFieldAsString("county");
  // Per county: the graded firms and how many got A (a firm's grade is on each of its parcels).
  std::map<std::string, std::map<std::string, std::string>> grade_by_firm;  // county -> firm -> A…
  for (auto& f : *ds->GetLayerByName("parcels")) {
    if (!f->IsFieldSetAndNotNull(f->GetFieldIndex("mu_class"))) continue;
    const std::string park = f->GetFieldAsString("park_id");
    std::string county = county_of_park[park];
    if (county.empty()) continue;  // ranked under "(no county) city": skipped here
    grade_by_firm[county][std::string(f->GetFieldAsString("enterprise")) + "@" + park] =
        f->GetFieldAsString("mu_class");
  }
  ASSERT_GE(grade_by_firm.size(), 3u);
  for (const auto& [county, firms] : grade_by_firm) {
    std::map<std::string, long> count;
    for (const auto& [firm, g] : firms) ++count[g];
    const double n = static_cast<double>(firms.size());
    // Rank k (0 = best) is A while k / n < 0.20: ceil(0.2 n) firms; B up to 0.60, C up to 0.95.
    EXPECT_EQ(count["A"], static_cast<long>(std::ceil(0.20 * n))) << county;
    EXPECT_EQ(count["A"] + count["B"], static_cast<long>(std::ceil(0.60 * n))) << county;
    EXPECT_EQ(count["A"] + count["B"] + count["C"], static_cast<long>(std::ceil(0.95 * n)))
        << county;
  }
}

namespace {

// The sample again with every zone closed on the grid (exact_max_parcels = 0), as province data
// is: jiangxi-2014 plus one line.
fs::path grid_run_dir() {
  static const fs::path dir = [] {
    const fs::path d = temp_dir("cli-clusters-grid");
    std::string rules = slurp(fs::path(source_dir()) / "core/rules/jiangxi-2014.toml");
    rules += "\n";
    const auto pos = rules.find("min_parcels = 3");
    rules.insert(pos, "exact_max_parcels = 0\n");
    std::ofstream((d / "grid.toml").string()) << rules;
    const auto r = run_command("run -q -c " + sample("parkatlas.toml") + " --rules " +
                               (d / "grid.toml").string() + " -o " + (d / "out").string());
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return d / "out";
  }();
  return dir;
}

}  // namespace

class CliClusterZones : public ::testing::TestWithParam<bool> {};

TEST_P(CliClusterZones, CoverTheirMemberParcels) {
  auto ds = open_vector(((GetParam() ? grid_run_dir() : run_dir()) / "results.gpkg").string());
  ASSERT_TRUE(ds);
  // Members per (park, cluster), read from the parcels layer.
  std::map<std::pair<std::string, std::string>, std::vector<std::unique_ptr<OGRGeometry>>> members;
  for (auto& f : *ds->GetLayerByName("parcels")) {
    const std::string park = f->GetFieldAsString("park_id"),
                      cluster = f->GetFieldAsString("cluster");
    if (park.empty() || cluster.empty() || !f->GetGeometryRef()) continue;
    members[{park, cluster}].emplace_back(f->GetGeometryRef()->clone());
  }
  size_t expected_zones = 0;
  for (const auto& [key, parcels] : members) expected_zones += parcels.size() >= 3;  // min_parcels
  OGRLayer* zones = ds->GetLayerByName("clusters");
  ASSERT_TRUE(zones);
  EXPECT_EQ(static_cast<size_t>(zones->GetFeatureCount()), expected_zones);
  size_t checked = 0;
  for (auto& z : *zones) {
    const auto key = std::make_pair(std::string(z->GetFieldAsString("park_id")),
                                    std::string(z->GetFieldAsString("cluster")));
    const auto& parcels = members[key];
    EXPECT_EQ(z->GetFieldAsInteger64("n_parcels"), static_cast<long long>(parcels.size()));
    const OGRGeometry* zone = z->GetGeometryRef();
    ASSERT_TRUE(zone);
    // A closing contains what it closes: every member lies wholly in its zone.
    for (const auto& p : parcels) {
      std::unique_ptr<OGRGeometry> inside(zone->Intersection(p.get()));
      ASSERT_TRUE(inside);
      const double a = p->toMultiPolygon()->get_Area();
      EXPECT_GE(OGR_G_Area(OGRGeometry::ToHandle(inside.get())), (1 - 1e-9) * a);
      ++checked;
    }
    EXPECT_GE(OGR_G_Area(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(zone))) * 15 / 10000,
              z->GetFieldAsDouble("zone_mu") * 0.999);
  }
  EXPECT_GT(checked, 100u);
}

INSTANTIATE_TEST_SUITE_P(ExactAndGrid, CliClusterZones, ::testing::Values(false, true));

TEST(CliExpansion, SampleProposalsAvoidEveryConstraint) {
  auto ds = open_vector((run_dir() / "results.gpkg").string());
  ASSERT_TRUE(ds);
  OGRLayer* proposals = ds->GetLayerByName("proposals");
  OGRLayer* constraints = ds->GetLayerByName("constraints");
  ASSERT_TRUE(proposals && constraints);
  EXPECT_EQ(constraints->GetFeatureCount(), 6);  // the sample's two parks × three kinds
  std::map<std::string, long long> dig_ok;
  for (auto& f : *ds->GetLayerByName("parks"))
    dig_ok[f->GetFieldAsString("park_id")] =
        f->IsFieldSetAndNotNull(f->GetFieldIndex("dig_ok")) ? f->GetFieldAsInteger64("dig_ok") : -1;
  std::set<std::string> parks;
  for (auto& p : *proposals) {
    const std::string park = p->GetFieldAsString("park_id");
    parks.insert(park);
    const OGRGeometry* g = p->GetGeometryRef();
    ASSERT_TRUE(g);
    // One contiguous polygon, within 5 % of the demand, clear of every constraint.
    ASSERT_EQ(wkbFlatten(g->getGeometryType()), wkbMultiPolygon);
    EXPECT_EQ(g->toMultiPolygon()->getNumGeometries(), 1) << park;
    const double area_mu =
        OGR_G_Area(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(g))) * 15 / 10000;
    EXPECT_NEAR(area_mu, p->GetFieldAsDouble("demand_mu"), 0.05 * p->GetFieldAsDouble("demand_mu"));
    EXPECT_NEAR(area_mu, p->GetFieldAsDouble("area_mu"), 1e-6);
    EXPECT_EQ(p->GetFieldAsInteger64("met"), 1);
    constraints->ResetReading();
    for (auto& c : *constraints) EXPECT_FALSE(g->Intersects(c->GetGeometryRef())) << park;
    // Outside its park.
    for (auto& k : *ds->GetLayerByName("parks"))
      if (park == k->GetFieldAsString("park_id") && k->GetGeometryRef()) {
        std::unique_ptr<OGRGeometry> inside(g->Intersection(k->GetGeometryRef()));
        EXPECT_LT(OGR_G_Area(OGRGeometry::ToHandle(inside.get())), 1.0) << park;
      }
    // Eligibility follows the park's digestion check.
    EXPECT_EQ(p->GetFieldAsInteger64("eligible") == 0, dig_ok[park] == 0) << park;
    if (dig_ok[park] == 0) {
      EXPECT_NE(std::string(p->GetFieldAsString("reason")).find("not eligible"), std::string::npos);
    }
  }
  EXPECT_EQ(parks, (std::set<std::string>{"G361143", "G361144"}));
  // G361143 asks for three alternatives: ranks 1–3, compactness not rising, distinct places
  // (no two overlap by more than half of the smaller).
  proposals->SetAttributeFilter("park_id = 'G361143'");
  std::vector<std::pair<int, double>> ranked;
  std::vector<std::unique_ptr<OGRGeometry>> shapes;
  for (auto& p : *proposals) {
    ranked.emplace_back(p->GetFieldAsInteger("alt"), p->GetFieldAsDouble("compact"));
    shapes.emplace_back(p->GetGeometryRef()->clone());
  }
  proposals->SetAttributeFilter(nullptr);
  ASSERT_EQ(ranked.size(), 3u);
  for (size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(ranked[k].first, static_cast<int>(k) + 1);
    if (k > 0) {
      EXPECT_LE(ranked[k].second, ranked[k - 1].second);
    }
    for (size_t j = 0; j < k; ++j) {
      std::unique_ptr<OGRGeometry> both(shapes[k]->Intersection(shapes[j].get()));
      const double overlap = both ? OGR_G_Area(OGRGeometry::ToHandle(both.get())) : 0;
      EXPECT_LE(overlap, 0.5 * OGR_G_Area(OGRGeometry::ToHandle(shapes[k].get())));
    }
  }
}

TEST(CliExpansion, ReleaseCandidatesRecomputedWithOgr) {
  auto ds = open_vector((run_dir() / "results.gpkg").string());
  ASSERT_TRUE(ds);
  for (const std::string park : {"G361143", "G361144"}) {
    // The park's parcels: centroids, 亩, releasable classes; the land-weighted core; the 75th
    // percentile of distances by nearest rank; the candidates beyond it.
    struct P {
      std::string id, cls;
      double x, y, mu;
    };
    std::vector<P> parcels;
    for (auto& f : *ds->GetLayerByName("parcels")) {
      if (park != f->GetFieldAsString("park_id")) continue;
      OGRPoint c;
      ASSERT_EQ(f->GetGeometryRef()->Centroid(&c), OGRERR_NONE);
      parcels.push_back({f->GetFieldAsString("parcel_id"), f->GetFieldAsString("idle_cls"),
                         c.getX(), c.getY(), f->GetFieldAsDouble("land_mu")});
    }
    ASSERT_GT(parcels.size(), 100u);
    double cx = 0, cy = 0, w = 0;
    for (const auto& p : parcels) cx += p.x * p.mu, cy += p.y * p.mu, w += p.mu;
    cx /= w, cy /= w;
    std::vector<double> d;
    for (const auto& p : parcels) d.push_back(std::hypot(p.x - cx, p.y - cy));
    std::vector<double> sorted = d;
    std::sort(sorted.begin(), sorted.end());
    const double threshold = sorted[static_cast<size_t>(std::ceil(0.75 * sorted.size())) - 1];
    std::set<std::string> expected;
    for (size_t i = 0; i < parcels.size(); ++i) {
      const std::string& c = parcels[i].cls;
      if ((c == "idle" || c == "idle_2y" || c == "halted_idle" || c == "low_eff") &&
          d[i] > threshold)
        expected.insert(parcels[i].id);
    }
    std::set<std::string> got;
    OGRLayer* rel = ds->GetLayerByName("release_candidates");
    ASSERT_TRUE(rel);
    rel->ResetReading();
    for (auto& f : *rel)
      if (park == f->GetFieldAsString("park_id")) got.insert(f->GetFieldAsString("parcel_id"));
    EXPECT_FALSE(expected.empty()) << park;
    EXPECT_EQ(got, expected) << park;
  }
}

TEST(CliExpansion, ProjectAnalysisImportsConstraintsAndProposesTheSame) {
  // parkatlas init + analyze must see the constraint layer too: same proposals as `run`.
  const fs::path d = temp_dir("cli-expansion-project");
  const std::string project = (d / "sample.parkatlas").string();
  auto r = run_command("init -q --config " + sample("parkatlas.toml") + " " + project);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  r = run_command("analyze -q " + project);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto proj = open_vector(project);
  auto once = open_vector((run_dir() / "results.gpkg").string());
  ASSERT_TRUE(proj && once);
  ASSERT_TRUE(proj->GetLayerByName("in_constraints"));
  ASSERT_TRUE(proj->GetLayerByName("run_1_constraints"));
  EXPECT_EQ(proj->GetLayerByName("run_1_constraints")->GetFeatureCount(), 6);
  // Keyed by park and rank: the sample asks three alternatives of G361143, one of G361144.
  std::map<std::pair<std::string, int>, double> area;
  for (auto& f : *once->GetLayerByName("proposals"))
    area[{f->GetFieldAsString("park_id"), f->GetFieldAsInteger("alt")}] =
        f->GetFieldAsDouble("area_mu");
  size_t compared = 0;
  for (auto& f : *proj->GetLayerByName("run_1_proposals")) {
    const std::pair<std::string, int> key{f->GetFieldAsString("park_id"),
                                          f->GetFieldAsInteger("alt")};
    ASSERT_TRUE(area.count(key)) << key.first << " " << key.second;
    EXPECT_NEAR(f->GetFieldAsDouble("area_mu"), area[key], 1e-6) << key.first << key.second;
    ++compared;
  }
  EXPECT_EQ(compared, 4u);
  EXPECT_EQ(area.size(), 4u);
}
