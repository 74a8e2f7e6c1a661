// Crash safety (issue 7): the process is killed with SIGKILL in the middle of writing (a test hook,
// PARKATLAS_TEST_KILL_AFTER=N, kills it after N features), at several points. Afterwards the
// previous results are intact, a project still opens with its last completed run, and the next
// run succeeds and leaves no temporary file behind.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "../gis/test_paths.hpp"
#include "cli_run.hpp"
#include "ogr_read.hpp"

using namespace parkatlas::test;
namespace fs = std::filesystem;

namespace {

constexpr int kKilled = 128 + 9;  // what the shell reports for SIGKILL

}  // namespace

TEST(CrashSafety, KilledAnalyzeLeavesTheProjectAtItsLastRun) {
  fs::path dir = temp_dir("crash-project");
  const std::string project = (dir / "p.parkatlas").string();
  ASSERT_EQ(run_command("init -q -c " + sample("parkatlas.toml") + " " + project).exit_code, 0);
  ASSERT_EQ(run_command("analyze -q " + project).exit_code, 0);
  // The analysis writes about 6,500 features (4,612 parcels, then parks, batches, problems):
  // killed before the first, among the parcels, and near the end.
  for (const char* at : {"0", "3000", "6000"}) {
    CommandResult killed = run_command_with_env(std::string("PARKATLAS_TEST_KILL_AFTER=") + at,
                                                "analyze -q " + project);
    EXPECT_EQ(killed.exit_code, kKilled) << at << killed.output;
    // SQLite left a hot journal; the next ParkAtlas command that opens the project (here an
    // export of the runs table), like QGIS or spatialite opening it for update, rolls it back.
    CommandResult list = run_command("export " + project + " -l runs -f csv -o " +
                                     (dir / (std::string("runs_") + at)).string());
    EXPECT_EQ(list.exit_code, 0) << at << list.output;
    EXPECT_FALSE(fs::exists(project + "-journal")) << at;
    auto ds = open_vector(project);
    ASSERT_TRUE(ds) << at;
    EXPECT_EQ(ds->GetLayerByName("runs")->GetFeatureCount(), 1) << at;
    EXPECT_EQ(ds->GetLayerByName("run_2_parcels"), nullptr) << at;
    EXPECT_EQ(ds->GetLayerByName("run_1_parcels")->GetFeatureCount(), 4612) << at;
    EXPECT_EQ(ds->GetLayerByName("in_parcels")->GetFeatureCount(), 4612) << at;
  }
  CommandResult next = run_command("analyze -q " + project);
  ASSERT_EQ(next.exit_code, 0) << next.output;
  EXPECT_NE(next.output.find("Run 2 recorded"), std::string::npos) << next.output;
}

TEST(CrashSafety, KilledRunLeavesThePreviousResultsAndNoPartialFile) {
  fs::path dir = temp_dir("crash-run");
  const std::string args = "run -q -c " + sample("parkatlas.toml") + " -o " + dir.string();
  ASSERT_EQ(run_command(args).exit_code, 0);
  const std::string before = slurp(dir / "results.gpkg");
  // Killed among the buildings, among the parcels (after 11,255 buildings) and near the end.
  for (const char* at : {"10", "13000", "17000"}) {
    CommandResult killed =
        run_command_with_env(std::string("PARKATLAS_TEST_KILL_AFTER=") + at, args);
    EXPECT_EQ(killed.exit_code, kKilled) << at;
    EXPECT_TRUE(slurp(dir / "results.gpkg") == before) << at;
  }
  ASSERT_EQ(run_command(args).exit_code, 0);
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_EQ(e.path().filename().string().find(".partial-"), std::string::npos)
        << e.path() << " left behind";
}
