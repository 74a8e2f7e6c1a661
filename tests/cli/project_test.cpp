// The project file end to end: init, analyze twice with different dates, both runs recorded and
// readable with plain GDAL, the same results as the one-shot run, exports of the latest or a
// chosen run, and a hand-edited project refused.
#include <gtest/gtest.h>

#include <map>

#include "../gis/test_paths.hpp"
#include "cli_run.hpp"
#include "ogr_read.hpp"

using namespace parkatlas::test;
namespace fs = std::filesystem;

namespace {

struct ProjectRun {
  fs::path dir, project;
};

// One project of the sample, analysed as of the config's date (2025-12-31) and of 2026-06-30.
const ProjectRun& project_run() {
  static ProjectRun r = [] {
    ProjectRun p{temp_dir("project"), {}};
    p.project = p.dir / "jiangxi.parkatlas";
    CommandResult init =
        run_command("init -q -c " + sample("parkatlas.toml") + " " + p.project.string());
    EXPECT_EQ(init.exit_code, 0) << init.output;
    CommandResult a1 = run_command("analyze -q " + p.project.string());
    EXPECT_EQ(a1.exit_code, 0) << a1.output;
    CommandResult a2 = run_command("analyze -q --as-of 2026-06-30 " + p.project.string());
    EXPECT_EQ(a2.exit_code, 0) << a2.output;
    EXPECT_NE(a2.output.find("Run 2 recorded"), std::string::npos) << a2.output;
    return p;
  }();
  return r;
}

std::string shell(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  while (p && fgets(buf, sizeof buf, p)) out += buf;
  if (p) pclose(p);
  return out;
}

}  // namespace

TEST(CliProject, InitImportsEveryLayerWithItsLog) {
  const ProjectRun& p = project_run();
  auto ds = open_vector(p.project.string());
  ASSERT_TRUE(ds);
  EXPECT_STREQ(ds->GetDriver()->GetDescription(), "SQLite");
  auto src = open_vector(sample("jiangxi-sample.gpkg"));
  for (const char* kind : {"parks", "parcels", "buildings", "approval_batches"}) {
    OGRLayer* in = ds->GetLayerByName((std::string("in_") + kind).c_str());
    ASSERT_NE(in, nullptr) << kind;
    EXPECT_EQ(in->GetFeatureCount(), src->GetLayerByName(kind)->GetFeatureCount()) << kind;
    EXPECT_STREQ(in->GetSpatialRef()->GetAuthorityCode(nullptr), "4548") << kind;
  }
  // The import log's checksum is the file's SHA-256 as sha256sum computes it.
  OGRLayer* log = ds->GetLayerByName("import_log");
  ASSERT_NE(log, nullptr);
  int checked = 0;
  for (auto& f : *log) {
    if (std::string(f->GetFieldAsString("kind")) != "parcels") continue;
    const std::string expected = shell("sha256sum " + sample("parcels_gbk.shp")).substr(0, 64);
    EXPECT_EQ(f->GetFieldAsString("sha256"), expected);
    EXPECT_NE(std::string(f->GetFieldAsString("encoding")).find("CP936"), std::string::npos);
    EXPECT_NE(std::string(f->GetFieldAsString("mapping")).find("parcel_id <- 宗地编号"),
              std::string::npos);
    ++checked;
  }
  EXPECT_EQ(checked, 1);
  // SpatiaLite itself sees the layers and their spatial indexes.
  const std::string tables = shell("spatialite -bail " + p.project.string() +
                                   " \"SELECT f_table_name || ':' || spatial_index_enabled FROM "
                                   "geometry_columns ORDER BY 1\" 2>/dev/null");
  EXPECT_NE(tables.find("in_parcels:1"), std::string::npos) << tables;
  EXPECT_NE(tables.find("run_2_parcels:1"), std::string::npos) << tables;
  // A second init over it is refused: the runs would be lost.
  CommandResult again =
      run_command("init -q -c " + sample("parkatlas.toml") + " " + p.project.string());
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("--force"), std::string::npos) << again.output;
}

TEST(CliProject, TwoRunsRecordedAndTheLatestIsTheDefault) {
  const ProjectRun& p = project_run();
  auto ds = open_vector(p.project.string());
  OGRLayer* runs = ds->GetLayerByName("runs");
  ASSERT_EQ(runs->GetFeatureCount(), 2);
  std::map<long long, std::string> as_of;
  for (auto& f : *runs) {
    as_of[f->GetFieldAsInteger64("run_id")] = f->GetFieldAsString("as_of");
    EXPECT_EQ(f->GetFieldAsInteger64("parcels"), 4612);
    EXPECT_STREQ(f->GetFieldAsString("rule_set"), "jiangxi-2014 v1");
  }
  EXPECT_EQ(as_of[1], "2025/12/31");
  EXPECT_EQ(as_of[2], "2026/06/30");
  // Idle days grow by the 181 days from 2025-12-31 to 2026-06-30 for every idle parcel.
  std::map<std::string, long> days1;
  for (auto& f : *ds->GetLayerByName("run_1_parcels"))
    if (std::string(f->GetFieldAsString("idle_cls")) == "idle_2y")
      days1[f->GetFieldAsString("parcel_id")] = f->GetFieldAsInteger("idle_days");
  int compared = 0;
  for (auto& f : *ds->GetLayerByName("run_2_parcels")) {
    auto it = days1.find(f->GetFieldAsString("parcel_id"));
    if (it == days1.end()) continue;
    EXPECT_EQ(f->GetFieldAsInteger("idle_days"), it->second + 181);
    ++compared;
  }
  EXPECT_GT(compared, 100);
  // export picks the latest run unless told otherwise.
  fs::path out = p.dir / "exports";
  CommandResult latest = run_command("export " + p.project.string() +
                                     " -l idle_summary -f csv -o " + (out / "latest.csv").string());
  ASSERT_EQ(latest.exit_code, 0) << latest.output;
  EXPECT_NE(latest.output.find("run_2_idle_summary"), std::string::npos) << latest.output;
  CommandResult first = run_command("export " + p.project.string() +
                                    " --run 1 -l parcels -f gpkg -o " + (out / "first").string());
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_EQ(open_vector((out / "first.gpkg").string())->GetLayer(0)->GetFeatureCount(), 4612);
  CommandResult none = run_command("export " + p.project.string() + " --run 9 -l parcels -o " +
                                   (out / "x").string());
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.output.find("no run 9"), std::string::npos) << none.output;
}

TEST(CliProject, SameResultsAsTheOneShotRun) {
  const ProjectRun& p = project_run();
  fs::path dir = temp_dir("project-vs-run");
  ASSERT_EQ(run_command("run -q --no-buildings-layer -c " + sample("parkatlas.toml") + " -o " +
                        dir.string())
                .exit_code,
            0);
  struct Result {
    std::string verdict, idle;
    double far = -1, area = 0;
  };
  auto read = [](GDALDataset& ds, const char* layer) {
    std::multimap<std::string, Result> m;
    for (auto& f : *ds.GetLayerByName(layer))
      m.emplace(
          f->GetFieldAsString("parcel_id"),
          Result{f->GetFieldAsString("verdict"), f->GetFieldAsString("idle_cls"),
                 f->IsFieldSetAndNotNull(f->GetFieldIndex("far")) ? f->GetFieldAsDouble("far") : -1,
                 f->GetFieldAsDouble("land_m2")});
    return m;
  };
  auto run = open_vector((dir / "results.gpkg").string());
  auto proj = open_vector(p.project.string());
  auto a = read(*run, "parcels"), b = read(*proj, "run_1_parcels");
  ASSERT_EQ(a.size(), b.size());
  int unique = 0;
  for (const auto& [id, r] : a) {
    if (a.count(id) != 1) continue;  // the sample has a few duplicate ids
    const Result& s = b.find(id)->second;
    EXPECT_EQ(s.verdict, r.verdict) << id;
    EXPECT_EQ(s.idle, r.idle) << id;
    EXPECT_NEAR(s.far, r.far, 1e-9) << id;
    EXPECT_NEAR(s.area, r.area, 1e-6) << id;
    ++unique;
  }
  EXPECT_GT(unique, 4500);
}

TEST(CliProject, AHandEditedProjectIsRefused) {
  const ProjectRun& p = project_run();
  fs::path copy = temp_dir("project-tampered") / "t.parkatlas";
  fs::copy_file(p.project, copy);
  {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(copy.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr));
    ASSERT_TRUE(ds);
    ds->ExecuteSQL("CREATE TRIGGER evil AFTER INSERT ON runs BEGIN DELETE FROM in_parcels; END",
                   nullptr, nullptr);
  }
  CommandResult r = run_command("analyze -q " + copy.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("changed outside ParkAtlas"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("trigger evil"), std::string::npos) << r.output;
  auto ds = open_vector(copy.string());
  EXPECT_EQ(ds->GetLayerByName("in_parcels")->GetFeatureCount(), 4612);  // nothing ran
  EXPECT_EQ(ds->GetLayerByName("runs")->GetFeatureCount(), 2);
  CommandResult e =
      run_command("export " + copy.string() + " -o " + (copy.parent_path() / "e").string());
  EXPECT_EQ(e.exit_code, 1) << e.output;
}
