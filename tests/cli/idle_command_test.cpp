// `parkatlas idle` end to end on the bundled sample: the layers it writes, the summary against the
// lists, and the digestion period recomputed from the written parcels with OGR SQL.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "../gis/test_paths.hpp"
#include "cli_run.hpp"
#include "ogr_read.hpp"

using namespace parkatlas;
using namespace parkatlas::test;
namespace fs = std::filesystem;

namespace {

struct IdleRun {
  fs::path dir;
  nlohmann::json summary;
};

const IdleRun& idle_run() {
  static IdleRun run = [] {
    IdleRun r{temp_dir("cli-idle"), {}};
    CommandResult c =
        run_command("idle -q --json -c " + sample("parkatlas.toml") + " -o " + r.dir.string());
    EXPECT_EQ(c.exit_code, 0) << c.output;
    r.summary = nlohmann::json::parse(c.output, nullptr, false);
    return r;
  }();
  return run;
}

// One number from an OGR SQL query (SQLite dialect on the GeoPackage).
double sql_number(GDALDataset& ds, const std::string& sql) {
  OGRLayer* l = ds.ExecuteSQL(sql.c_str(), nullptr, "SQLITE");
  EXPECT_NE(l, nullptr) << sql;
  if (!l) return NAN;
  OGRFeatureUniquePtr f(l->GetNextFeature());
  double v = f && f->IsFieldSetAndNotNull(0) ? f->GetFieldAsDouble(0) : 0.0;
  ds.ReleaseResultSet(l);
  return v;
}

}  // namespace

TEST(CliIdle, WritesTheIdleLayersAndListsOnly) {
  const IdleRun& r = idle_run();
  auto ds = open_vector((r.dir / "idle.gpkg").string());
  ASSERT_TRUE(ds);
  std::set<std::string> layers;
  for (auto* l : ds->GetLayers()) layers.insert(l->GetName());
  EXPECT_EQ(layers, (std::set<std::string>{"parcels", "unsupplied", "approval_batches",
                                           "idle_parcels", "idle_summary", "problems",
                                           "run_info"}));
  // The idle_parcels table holds exactly the rows of idle-parcels.csv, in the same order.
  auto csv = open_vector((r.dir / "idle-parcels.csv").string());
  ASSERT_TRUE(csv);
  OGRLayer* table = ds->GetLayerByName("idle_parcels");
  OGRLayer* rows = csv->GetLayer(0);
  ASSERT_TRUE(table && rows);
  EXPECT_GT(rows->GetFeatureCount(), 0);
  EXPECT_EQ(table->GetFeatureCount(), rows->GetFeatureCount());
  table->ResetReading();
  rows->ResetReading();
  for (auto& f : *rows) {
    OGRFeatureUniquePtr g(table->GetNextFeature());
    ASSERT_TRUE(g);
    EXPECT_STREQ(g->GetFieldAsString("parcel_id"), f->GetFieldAsString("parcel_id"));
    EXPECT_STREQ(g->GetFieldAsString("idle_cls"), f->GetFieldAsString("idle_cls"));
  }
  for (const char* f :
       {"idle-parcels.csv", "idle-warnings.csv", "low-efficiency-parcels.csv", "idle-summary.csv"})
    EXPECT_TRUE(fs::exists(r.dir / f)) << f;
  EXPECT_FALSE(fs::exists(r.dir / "parcels.csv"));
  EXPECT_FALSE(fs::exists(r.dir / "results.gpkg"));

  // The approval batches as used: every source batch, in the measuring CRS (metres), and the
  // stored area is the geometry's own.
  auto src = open_vector(sample("jiangxi-sample.gpkg"));
  OGRLayer* used = ds->GetLayerByName("approval_batches");
  EXPECT_EQ(used->GetFeatureCount(), src->GetLayerByName("approval_batches")->GetFeatureCount());
  const std::string measuring = r.summary["measuring_crs"]["crs"].get<std::string>();
  const char* code = used->GetSpatialRef()->GetAuthorityCode(nullptr);
  ASSERT_NE(code, nullptr);
  EXPECT_EQ(measuring.rfind(std::string("EPSG:") + code + " ", 0), 0u) << measuring;
  for (auto& f : *used)
    EXPECT_NEAR(f->GetFieldAsDouble("appr_m2"), OGR_G_Area(OGR_F_GetGeometryRef(f.get())), 1e-6)
        << f->GetFieldAsString("batch_id");
}

TEST(CliIdle, EveryClassAndTheSummaryCountsEqualTheLists) {
  const IdleRun& r = idle_run();
  // Every idle class occurs in the sample (issue 3 §5).
  for (const char* c : {"none", "unsupplied", "pending", "overdue", "idle", "idle_2y",
                        "halted_idle", "gov_delay", "low_eff"})
    EXPECT_GT(r.summary["idle_classes"][c].get<long>(), 0) << c;

  // List rows per park, read back with GDAL's CSV driver.
  auto count_by_park = [](const fs::path& csv) {
    std::map<std::string, long> n;
    auto ds = open_vector(csv.string());
    for (auto& f : *ds->GetLayer(0)) {
      std::string park = f->GetFieldAsString("park_id");
      ++n[park.empty() ? "(outside every park)" : park];
    }
    return n;
  };
  auto idle_rows = count_by_park(r.dir / "idle-parcels.csv");
  auto low_rows = count_by_park(r.dir / "low-efficiency-parcels.csv");
  auto summary = open_vector((r.dir / "idle-summary.csv").string());
  OGRLayer* rows = summary->GetLayer(0);
  std::map<std::string, std::map<std::string, double>> county_sum, county_row;
  const std::vector<std::string> summed = {"i_idle",   "i_idle2y", "i_halted", "i_gov",
                                           "i_loweff", "unsup_mu", "unused_mu"};
  long total_idle = 0, total_low = 0, parks = 0, counties = 0;
  for (auto& f : *rows) {
    const std::string level = f->GetFieldAsString("level"), id = f->GetFieldAsString("id");
    const long idle = f->GetFieldAsInteger64("i_idle") + f->GetFieldAsInteger64("i_idle2y") +
                      f->GetFieldAsInteger64("i_halted") + f->GetFieldAsInteger64("i_gov");
    const long low = f->GetFieldAsInteger64("i_loweff");
    if (level == "park") {
      ++parks;
      EXPECT_EQ(idle, idle_rows[id]) << id;
      EXPECT_EQ(low, low_rows[id]) << id;
      for (const auto& c : summed)
        county_sum[f->GetFieldAsString("county")][c] += f->GetFieldAsDouble(c.c_str());
    } else if (level == "county") {
      ++counties;
      for (const auto& c : summed) county_row[id][c] = f->GetFieldAsDouble(c.c_str());
    } else {
      EXPECT_EQ(level, "total");
      total_idle = idle;
      total_low = low;
    }
  }
  EXPECT_EQ(parks, 11);    // ten parks and the parcels outside every park
  EXPECT_GE(counties, 5);  // 青山湖区, 渝水区, 进贤县, 乐平市, 柴桑区 and the rest
  long list_idle = 0, list_low = 0;
  for (const auto& [k, n] : idle_rows) list_idle += n;
  for (const auto& [k, n] : low_rows) list_low += n;
  EXPECT_EQ(total_idle, list_idle);
  EXPECT_EQ(total_low, list_low);
  EXPECT_EQ(list_idle, r.summary["idle_list_rows"].get<long>());
  ASSERT_EQ(county_sum.size(), county_row.size());
  for (const auto& [county, sums] : county_sum)
    for (const auto& [c, v] : sums)
      EXPECT_NEAR(county_row.at(county).at(c), v, 1e-6) << county << c;
  EXPECT_TRUE(county_row.count("青山湖区"));  // two parks (高新区, 昌东) share it
}

TEST(CliIdle, DigestionPeriodRecomputedFromTheWrittenLayers) {
  // As of 2025-12-31 with the jiangxi-2014 defaults: 批而未用 = 批而未供 + parcels supplied and not
  // started; digestion = parcels supplied or started in (2022-12-31, 2025-12-31], per year over 3.
  const IdleRun& r = idle_run();
  auto ds = open_vector((r.dir / "idle.gpkg").string());
  auto summary = open_vector((r.dir / "idle-summary.csv").string());
  int checked = 0;
  for (auto& f : *summary->GetLayer(0)) {
    if (std::string(f->GetFieldAsString("level")) != "park") continue;
    const std::string id = f->GetFieldAsString("id");
    if (id.front() == '(') continue;
    const std::string park = "park_id = '" + id + "'";
    const double unsup = sql_number(*ds, "SELECT SUM(unsup_m2) FROM unsupplied WHERE " + park);
    const double unused = sql_number(
        *ds, "SELECT SUM(land_m2) FROM parcels WHERE " + park +
                 " AND supplied <= '2025-12-31' AND (started IS NULL OR started > '2025-12-31')");
    const double supplied = sql_number(*ds, "SELECT SUM(land_m2) FROM parcels WHERE " + park +
                                                " AND supplied > '2022-12-31' AND supplied <= "
                                                "'2025-12-31'");
    const double started = sql_number(*ds, "SELECT SUM(land_m2) FROM parcels WHERE " + park +
                                               " AND started > '2022-12-31' AND started <= "
                                               "'2025-12-31'");
    const double mu = 15.0 / 10000.0;
    const double stock = (unsup + unused) * mu, per_year = (supplied + started) / 3 * mu;
    EXPECT_NEAR(f->GetFieldAsDouble("stock_mu"), stock, 1e-6 * stock) << id;
    EXPECT_NEAR(f->GetFieldAsDouble("dig_mu_yr"), per_year, 1e-6 * per_year) << id;
    EXPECT_NEAR(f->GetFieldAsDouble("dig_years"), stock / per_year, 1e-6 * stock / per_year) << id;
    EXPECT_EQ(f->GetFieldAsInteger("dig_ok"), stock / per_year <= 3.0 ? 1 : 0) << id;
    EXPECT_EQ(f->GetFieldAsDouble("dig_target"), 3.0);
    ++checked;
  }
  EXPECT_EQ(checked, 10);
}

TEST(CliIdle, RunWritesTheSameIdleOutputs) {
  // `parkatlas run` carries the idle outputs too, identical to those of `parkatlas idle`.
  const IdleRun& idle = idle_run();
  fs::path dir = temp_dir("cli-idle-run");
  CommandResult c = run_command("run -q --no-buildings-layer -c " + sample("parkatlas.toml") +
                                " -o " + dir.string());
  ASSERT_EQ(c.exit_code, 0) << c.output;
  for (const char* f :
       {"idle-parcels.csv", "idle-warnings.csv", "low-efficiency-parcels.csv", "idle-summary.csv"})
    EXPECT_TRUE(slurp(dir / f) == slurp(idle.dir / f)) << f;
  auto ds = open_vector((dir / "results.gpkg").string());
  EXPECT_NE(ds->GetLayerByName("idle_summary"), nullptr);
  EXPECT_NE(ds->GetLayerByName("approval_batches"), nullptr);
}
