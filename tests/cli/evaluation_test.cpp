// The TD/T 1029 evaluation end to end on the sample (issue 6 §2): the land account recomputed
// independently with OGR from the written parcels and parks (intersection areas), every indicator
// row checked against its own numerator, denominator and ideal, every park's score re-summed
// from the rows' weights, the ranking re-sorted; `parkatlas evaluate PROJECT` stores the same
// tables in the project and prints the ranking; a model whose weights do not sum to 1 is refused.
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

using namespace parkatlas::test;
namespace fs = std::filesystem;

namespace {

std::string run_output;  // what `parkatlas run` printed

const fs::path& results() {
  static const fs::path dir = [] {
    const fs::path d = temp_dir("cli-evaluation");
    const auto r =
        run_command("run -q -c " + sample("parkatlas.toml") + " -o " + (d / "out").string());
    EXPECT_EQ(r.exit_code, 0) << r.output;
    run_output = r.output;
    return d / "out" / "results.gpkg";
  }();
  return dir;
}

}  // namespace

TEST(CliEvaluation, LandAccountRecomputedWithOgr) {
  auto ds = open_vector(results().string());
  ASSERT_TRUE(ds);
  // The evaluation date of the sample config is 2025-12-31 (ISO text compares as dates).
  const std::string as_of = "2025/12/31";
  std::map<std::string, std::map<std::string, double>> account;  // park -> category -> hm²
  std::map<std::string, double> ind_tax;                         // park -> 万元
  for (auto& f : *ds->GetLayerByName("land_account"))
    account[f->GetFieldAsString("park_id")][f->GetFieldAsString("category")] =
        f->GetFieldAsDouble("area_ha");
  ASSERT_EQ(account.size(), 10u);
  OGRLayer* parks = ds->GetLayerByName("parks");
  int checked = 0;
  for (auto& park : *parks) {
    const std::string id = park->GetFieldAsString("park_id");
    if (!account.count(id)) continue;
    const OGRGeometry* outline = park->GetGeometryRef();
    const double s_ha = outline->toMultiPolygon()->get_Area() / 10000.0;
    // D: supplied by the date; G: idle in the legal sense; A: completed by the date or coverage
    // ≥ 20 % — each parcel with its part inside the outline.
    double d = 0, g = 0, a = 0, a2 = 0;
    // Tax of the enterprises on A2 (industrial: any verdict but not_industrial): each firm's
    // distinct values summed.
    std::map<std::string, std::set<double>> firm_tax;
    OGRLayer* parcels = ds->GetLayerByName("parcels");
    parcels->SetAttributeFilter(("park_id = '" + id + "'").c_str());
    for (auto& p : *parcels) {
      std::unique_ptr<OGRGeometry> inside(p->GetGeometryRef()->Intersection(outline));
      const double ha = inside ? OGR_G_Area(OGRGeometry::ToHandle(inside.get())) / 10000.0 : 0;
      const std::string supplied = p->GetFieldAsString("supplied");
      const std::string completed = p->GetFieldAsString("completed");
      const std::string idle = p->GetFieldAsString("idle_cls");
      if (!supplied.empty() && supplied <= as_of) {
        d += ha;
        if (idle == "idle" || idle == "idle_2y" || idle == "halted_idle" || idle == "gov_delay")
          g += ha;
      }
      if ((!completed.empty() && completed <= as_of) ||
          (p->IsFieldSetAndNotNull(p->GetFieldIndex("coverage")) &&
           p->GetFieldAsDouble("coverage") >= 0.20)) {
        a += ha;
        if (std::string(p->GetFieldAsString("verdict")) != "not_industrial" &&
            !std::string(p->GetFieldAsString("land_use")).empty()) {
          a2 += ha;
          if (p->IsFieldSetAndNotNull(p->GetFieldIndex("tax_wan"))) {
            const std::string firm = p->GetFieldAsString("enterprise");
            firm_tax[firm.empty() ? "#" + std::string(p->GetFieldAsString("parcel_id")) : firm]
                .insert(p->GetFieldAsDouble("tax_wan"));
          }
        }
      }
    }
    parcels->SetAttributeFilter(nullptr);
    auto& acc = account[id];
    EXPECT_NEAR(acc["S"], s_ha, 1e-6) << id;
    EXPECT_NEAR(acc["D"], d, 1e-4) << id;
    EXPECT_NEAR(acc["G"], g, 1e-4) << id;
    EXPECT_NEAR(acc["A"], a, 1e-4) << id;
    EXPECT_NEAR(acc["A2"], a2, 1e-4) << id;
    double tax = 0;
    for (const auto& [firm, values] : firm_tax)
      for (double v : values) tax += v;
    ind_tax[id] = tax;
    EXPECT_GT(acc["D"], 0) << id;
    // The partitions of §1.3 close: S = A + B + C = D + E + F.
    EXPECT_NEAR(acc["A"] + acc["B"] + acc["C"], acc["S"], 1e-6) << id;
    EXPECT_NEAR(acc["D"] + acc["E"] + acc["F"], acc["S"], 1e-6) << id;
    ++checked;
  }
  EXPECT_EQ(checked, 10);
  for (auto& f : *ds->GetLayerByName("evaluation")) {
    if (std::string(f->GetFieldAsString("indicator")) != "ind_tax") continue;
    EXPECT_NEAR(f->GetFieldAsDouble("numerator"), ind_tax[f->GetFieldAsString("park_id")], 1e-6)
        << f->GetFieldAsString("park_id");
  }
  // C: each outline ∩ the union of the constraints layer as used (the sample draws its
  // farmland, red line and water around two parks, outside their outlines: 0 everywhere).
  std::unique_ptr<OGRGeometry> blocked;
  for (auto& c : *ds->GetLayerByName("constraints"))
    blocked.reset(blocked ? blocked->Union(c->GetGeometryRef()) : c->GetGeometryRef()->clone());
  ASSERT_TRUE(blocked);
  for (auto& park : *parks) {
    const std::string id = park->GetFieldAsString("park_id");
    if (!account.count(id)) continue;
    std::unique_ptr<OGRGeometry> c(park->GetGeometryRef()->Intersection(blocked.get()));
    const double c_ha = c ? OGR_G_Area(OGRGeometry::ToHandle(c.get())) / 10000.0 : 0;
    EXPECT_NEAR(account[id]["C"], c_ha, 1e-6) << id;
  }
}

TEST(CliEvaluation, IndicatorRowsScoresAndRanksAddUp) {
  auto ds = open_vector(results().string());
  ASSERT_TRUE(ds);
  std::map<std::string, double> summed, weights;
  int rows = 0;
  for (auto& f : *ds->GetLayerByName("evaluation")) {
    ++rows;
    const std::string key = f->GetFieldAsString("indicator"), unit = f->GetFieldAsString("unit");
    const double num = f->GetFieldAsDouble("numerator"), den = f->GetFieldAsDouble("denom");
    const double value = f->GetFieldAsDouble("value"), ideal = f->GetFieldAsDouble("ideal");
    const double score = f->GetFieldAsDouble("score");
    ASSERT_GT(den, 0) << key;
    EXPECT_NEAR(value, num / den * (unit == "%" ? 100 : 1), 1e-9 * std::max(1.0, value)) << key;
    const double expected =
        key == "idle_rate" ? 100 * (1 - value / 100) : std::min(100.0, value / ideal * 100);
    EXPECT_NEAR(score, expected, 1e-9) << key;
    EXPECT_FALSE(std::string(f->GetFieldAsString("source")).empty()) << key;
    EXPECT_FALSE(std::string(f->GetFieldAsString("basis")).empty()) << key;
    summed[f->GetFieldAsString("park_id")] += f->GetFieldAsDouble("weight") * score;
    weights[f->GetFieldAsString("park_id")] += f->GetFieldAsDouble("weight");
  }
  EXPECT_EQ(rows, 100);  // 10 parks, main range only, 10 indicators of the 工业主导型 tree
  std::vector<std::pair<double, int>> by_score;
  for (auto& park : *ds->GetLayerByName("parks")) {
    const std::string id = park->GetFieldAsString("park_id");
    if (!summed.count(id)) continue;
    EXPECT_NEAR(weights[id], 1.0, 1e-9) << id;
    EXPECT_NEAR(park->GetFieldAsDouble("eval_score"), summed[id], 1e-9) << id;
    EXPECT_STREQ(park->GetFieldAsString("eval_type"), "industrial");
    EXPECT_EQ(park->GetFieldAsInteger("eval_of"), 10);
    by_score.emplace_back(park->GetFieldAsDouble("eval_score"),
                          park->GetFieldAsInteger("eval_rank"));
    // The run's per-park table prints the same score and rank on the park's line.
    char cell[64];
    std::snprintf(cell, sizeof cell, "%.1f (%d/10)", park->GetFieldAsDouble("eval_score"),
                  park->GetFieldAsInteger("eval_rank"));
    const size_t line = run_output.find("\n" + id + "  ");
    ASSERT_NE(line, std::string::npos) << id;
    EXPECT_NE(run_output.substr(line, run_output.find('\n', line + 1) - line).find(cell),
              std::string::npos)
        << id << " " << cell;
  }
  std::sort(by_score.rbegin(), by_score.rend());
  for (size_t k = 0; k < by_score.size(); ++k) EXPECT_EQ(by_score[k].second, int(k) + 1);
}

TEST(CliEvaluation, EvaluateCommandStoresTheTablesAndRefusesBadWeights) {
  const fs::path dir = temp_dir("cli-evaluate");
  const std::string project = (dir / "jx.parkatlas").string();
  ASSERT_EQ(run_command("init -q -c " + sample("parkatlas.toml") + " " + project).exit_code, 0);
  const auto r = run_command("evaluate -q " + project);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("1/10  industrial"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("工业用地地均税收"), std::string::npos);
  EXPECT_NE(r.output.find("tables run_1_evaluation"), std::string::npos) << r.output;
  {
    auto ds = open_vector(project);
    ASSERT_TRUE(ds);
    auto run = open_vector(results().string());
    for (const char* t : {"evaluation", "land_account"}) {
      OGRLayer* stored = ds->GetLayerByName((std::string("run_1_") + t).c_str());
      ASSERT_NE(stored, nullptr) << t;
      EXPECT_EQ(stored->GetFeatureCount(), run->GetLayerByName(t)->GetFeatureCount()) << t;
    }
    // The project run gives each park the score the one-shot run gives it.
    std::map<std::string, double> one_shot;
    for (auto& f : *run->GetLayerByName("parks"))
      one_shot[f->GetFieldAsString("park_id")] = f->GetFieldAsDouble("eval_score");
    for (auto& f : *ds->GetLayerByName("run_1_parks")) {
      if (!f->IsFieldSetAndNotNull(f->GetFieldIndex("eval_score"))) continue;
      EXPECT_NEAR(f->GetFieldAsDouble("eval_score"), one_shot[f->GetFieldAsString("park_id")],
                  1e-9);
    }
  }
  // A copy of the shipped model with one indicator weight changed: 0.25 + 0.22 + 0.25 + 0.3.
  std::ifstream in(source_dir() + "/core/rules/evaluation/tdt1029-2014.toml");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  const std::string from = "ind_cover = 0.28 } },";
  const size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, from.size(), "ind_cover = 0.3 } },");
  const fs::path bad = dir / "bad-weights.toml";
  std::ofstream(bad) << text;
  const auto refused = run_command("evaluate -q --model " + bad.string() + " " + project);
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find(bad.string() + ":"), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("sum to 1.02"), std::string::npos) << refused.output;
  // Refused before anything was written: still one run.
  auto ds = open_vector(project);
  EXPECT_EQ(ds->GetLayerByName("run_2_evaluation"), nullptr);
}
