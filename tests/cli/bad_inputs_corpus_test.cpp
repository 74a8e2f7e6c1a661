// The broken-input corpus (issue 7): every case of tests/data/bad/cases.json through
// `parkatlas check` and `parkatlas run`, each under a time limit. A case must get its exit codes
// and its outcome: a clear error naming the file and the reason, or results with the problems
// recorded and the values read right. No case may crash or hang.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "../gis/test_paths.hpp"
#include "cli_run.hpp"
#include "ogr_read.hpp"

using namespace parkatlas::test;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(PARKATLAS_SOURCE_DIR) / "tests/data/bad";

// Kept for the life of the program: range-for over a member of a temporary would dangle.
const nlohmann::json& corpus() {
  static const nlohmann::json cases = [] {
    std::ifstream in(fs::path(PARKATLAS_SOURCE_DIR) / "tests/data/bad/cases.json");
    return nlohmann::json::parse(in);
  }();
  return cases;
}

class BadInput : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST(BadInputCorpus, HasAtLeastSixtyCasesEachWithItsFiles) {
  auto cases = corpus()["cases"];
  EXPECT_GE(cases.size(), 60u);
  for (const auto& c : cases)
    EXPECT_TRUE(fs::exists(kCorpus / c["name"].get<std::string>() / "c.toml")) << c["name"];
}

TEST_P(BadInput, GetsItsOutcome) {
  nlohmann::json c;
  for (const auto& k : corpus()["cases"])
    if (k["name"] == GetParam()) c = k;
  ASSERT_FALSE(c.is_null());
  const std::string config = (kCorpus / GetParam() / "c.toml").string();
  SCOPED_TRACE(GetParam() + ": " + c["what"].get<std::string>());
  // 60 s each: a hang is a failure (timeout kills with SIGKILL, exit 137).
  CommandResult check = run_command_with_env("PARKATLAS_THREADS=2", "check -c " + config);
  EXPECT_EQ(check.exit_code, c["check_exit"].get<int>()) << check.output;
  fs::path out = temp_dir("bad-" + GetParam());
  CommandResult run = run_command_with_env(
      "PARKATLAS_THREADS=2", "run -q --no-buildings-layer -c " + config + " -o " + out.string());
  ASSERT_EQ(run.exit_code, c["run_exit"].get<int>()) << run.output;
  if (run.exit_code != 0) {
    for (const auto& text : c["output"]) {
      EXPECT_NE(run.output.find(text.get<std::string>()), std::string::npos)
          << "missing: " << text << "\n"
          << run.output;
    }
    EXPECT_FALSE(fs::exists(out / "results.gpkg"));  // nothing half-written
    return;
  }
  auto ds = open_vector((out / "results.gpkg").string());
  ASSERT_TRUE(ds);
  EXPECT_EQ(ds->GetLayerByName("parcels")->GetFeatureCount(), c["parcels"].get<long>());
  std::vector<std::string> messages;
  for (auto& f : *ds->GetLayerByName("problems"))
    messages.push_back(f->GetFieldAsString("message"));
  for (const auto& text : c["problems"]) {
    bool found = false;
    for (const auto& m : messages) found |= m.rfind(text.get<std::string>(), 0) == 0;
    EXPECT_TRUE(found) << "no problem starting with " << text;
  }
  if (c.contains("values")) {
    for (const auto& [id, fields] : c["values"].items()) {
      OGRLayer* parcels = ds->GetLayerByName("parcels");
      int seen = 0;
      for (auto& f : *parcels) {
        if (id != f->GetFieldAsString("parcel_id")) continue;
        ++seen;
        for (const auto& [field, want] : fields.items()) {
          const int i = f->GetFieldIndex(field.c_str());
          ASSERT_GE(i, 0) << field;
          if (want.is_null()) {
            EXPECT_FALSE(f->IsFieldSetAndNotNull(i)) << id << "." << field;
          } else if (want.is_number()) {
            EXPECT_NEAR(f->GetFieldAsDouble(i), want.get<double>(), 1e-6) << id << "." << field;
          } else {
            std::string got = f->GetFieldAsString(i);
            for (auto& ch : got) ch = ch == '/' ? '-' : ch;  // OGR prints dates with slashes
            EXPECT_EQ(got, want.get<std::string>()) << id << "." << field;
          }
        }
      }
      EXPECT_EQ(seen, 1) << id;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn([] {
                           std::vector<std::string> names;
                           for (const auto& c : corpus()["cases"]) names.push_back(c["name"]);
                           return names;
                         }()),
                         [](const auto& info) { return info.param; });
