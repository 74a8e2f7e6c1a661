// End to end through the CLI on the bundled Jiangxi sample: layers, counts, field names, parcels
// recomputed independently with plain OGR, exit codes, atomic outputs, determinism of the sample.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <chrono>
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

const fs::path& sample_out() {
  // One run of the sample shared by the tests of this file.
  static fs::path out = [] {
    fs::path dir = temp_dir("cli-sample");
    CommandResult r = run_command("run -q -c " + sample("parkatlas.toml") + " -o " + dir.string());
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return dir;
  }();
  return out;
}

std::unique_ptr<OGRCoordinateTransformation> to_4548(const OGRSpatialReference* src) {
  OGRSpatialReference dst;
  dst.importFromEPSG(4548);
  dst.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRSpatialReference s(*src);
  s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return std::unique_ptr<OGRCoordinateTransformation>(OGRCreateCoordinateTransformation(&s, &dst));
}

}  // namespace

TEST(CliSample, WritesEveryLayerWithTheSourceCounts) {
  auto ds = open_vector((sample_out() / "results.gpkg").string());
  ASSERT_TRUE(ds);
  for (const char* name : {"parcels", "parks", "buildings", "problems", "run_info"})
    EXPECT_NE(ds->GetLayerByName(name), nullptr) << name;
  auto shp = open_vector(sample("parcels_gbk.shp"));
  auto src = open_vector(sample("jiangxi-sample.gpkg"));
  const GIntBig parcels_in = shp->GetLayer(0)->GetFeatureCount();
  EXPECT_GE(parcels_in, 3000);
  EXPECT_EQ(ds->GetLayerByName("parcels")->GetFeatureCount(), parcels_in);  // every parcel is kept
  EXPECT_EQ(ds->GetLayerByName("buildings")->GetFeatureCount(),
            src->GetLayerByName("buildings")->GetFeatureCount());
  EXPECT_GE(ds->GetLayerByName("buildings")->GetFeatureCount(), 8000);
  // 10 parks plus one row for the parcels outside every park.
  EXPECT_EQ(ds->GetLayerByName("parks")->GetFeatureCount(), 11);
  // The CSV has the same rows, and a BOM so Excel reads it as UTF-8.
  std::string csv = slurp(sample_out() / "parcels.csv");
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), parcels_in + 1);
  // Nothing partial is left behind.
  for (const auto& e : fs::directory_iterator(sample_out()))
    EXPECT_EQ(e.path().filename().string().find(".partial"), std::string::npos) << e.path();
}

TEST(CliSample, ParcelFieldsFollowTheDataModel) {
  auto ds = open_vector((sample_out() / "results.gpkg").string());
  OGRFeatureDefn* defn = ds->GetLayerByName("parcels")->GetLayerDefn();
  std::vector<std::string> names;
  for (int i = 0; i < defn->GetFieldCount(); ++i)
    names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
  // Canonical inputs first (Chinese source names are not repeated), computed fields last, in order.
  const std::vector<std::string> computed = {
      "park_id",  "park_lvl", "land_m2", "land_mu",  "floor_m2", "floor_src", "far",
      "coverage", "inv_mu",   "tax_mu",  "rev_mu",   "far_min",  "inv_min",   "cov_min",
      "far_ok",   "inv_ok",   "cov_ok",  "verdict",  "reason",   "idle_cls",  "idle_days",
      "idle_fee", "low_eff",  "cluster", "mu_score", "mu_class", "problems"};
  ASSERT_GE(names.size(), computed.size());
  EXPECT_EQ(std::vector<std::string>(names.end() - static_cast<long>(computed.size()), names.end()),
            computed);
  EXPECT_EQ(names.front(), "parcel_id");
  for (const char* c :
       {"land_use", "in_land_m2", "in_floor_m2", "invest_wan", "enterprise", "start_due"})
    EXPECT_NE(std::find(names.begin(), names.end(), c), names.end()) << c;
  EXPECT_EQ(std::find(names.begin(), names.end(), "宗地编号"), names.end());
}

TEST(CliSample, ParcelsRecomputedIndependentlyWithOgr) {
  auto out = open_vector((sample_out() / "results.gpkg").string());
  auto shp = open_vector(sample("parcels_gbk.shp"), "CP936");  // the plain-GDAL path must be told
  auto src = open_vector(sample("jiangxi-sample.gpkg"));
  OGRLayer* shp_layer = shp->GetLayer(0);
  OGRLayer* bldg = src->GetLayerByName("buildings");
  auto ct = to_4548(shp_layer->GetSpatialRef());
  auto bct = to_4548(bldg->GetSpatialRef());
  OGRLayer* parcels = out->GetLayerByName("parcels");
  std::map<std::string, double> level_far = {{"national", 1.2}, {"provincial", 1.0}};
  std::map<std::string, double> level_inv = {{"national", 300}, {"provincial", 200}};
  int attribute_checked = 0, buildings_checked = 0;
  for (const char* id :
       {"G361027-0001", "G361027-0002", "G362023-0010", "S369089-0100", "G361143-0200",
        "S369002-0050", "G361149-0300", "S369020-0020", "G362100-0400", "S369010-0007"}) {
    parcels->SetAttributeFilter((std::string("parcel_id = '") + id + "'").c_str());
    OGRFeatureUniquePtr f(parcels->GetNextFeature());
    ASSERT_TRUE(f) << id;
    shp_layer->SetAttributeFilter((std::string("\"宗地编号\" = '") + id + "'").c_str());
    OGRFeatureUniquePtr s(shp_layer->GetNextFeature());
    ASSERT_TRUE(s) << id;
    ASSERT_STREQ(s->GetFieldAsString("宗地编号"), id);
    std::unique_ptr<OGRGeometry> g(s->GetGeometryRef()->clone());
    g->transform(ct.get());
    const double land = g->toPolygon()->get_Area();
    EXPECT_NEAR(f->GetFieldAsDouble("land_m2"), land, land * 1e-9) << id;
    EXPECT_NEAR(f->GetFieldAsDouble("land_mu"), land * 15 / 10000, 1e-6) << id;
    const std::string src_kind = f->GetFieldAsString("floor_src");
    double floor = 0;
    if (src_kind == "attribute") {
      floor = s->GetFieldAsDouble("建筑面积");
      ++attribute_checked;
    } else {
      // Σ over buildings: share of footprint inside x footprint x storeys x (2 if a storey > 8 m).
      OGREnvelope env;
      s->GetGeometryRef()->getEnvelope(&env);
      bldg->SetSpatialFilterRect(env.MinX - 1e-3, env.MinY - 1e-3, env.MaxX + 1e-3,
                                 env.MaxY + 1e-3);
      for (auto& b : *bldg) {
        std::unique_ptr<OGRGeometry> bg(b->GetGeometryRef()->clone());
        bg->transform(bct.get());
        std::unique_ptr<OGRGeometry> inter(bg->Intersection(g.get()));
        double share = inter ? inter->toPolygon()->get_Area() : 0;
        if (share <= 0) continue;
        double storeys = b->IsFieldSetAndNotNull(b->GetFieldIndex("floors"))
                             ? b->GetFieldAsInteger("floors")
                             : 0;
        double storey_m = b->GetFieldAsDouble("storey_m"), height = b->GetFieldAsDouble("height_m");
        if (storeys == 0)
          storeys = height > 0 ? std::max(1.0, std::round(height / 4.5)) : 1;  // rule-set default
        if (storey_m == 0 && height > 0) storey_m = height / storeys;
        floor += share * storeys * (storey_m > 8.0 ? 2 : 1);
      }
      bldg->SetSpatialFilter(nullptr);
      ++buildings_checked;
    }
    EXPECT_NEAR(f->GetFieldAsDouble("floor_m2"), floor, 1e-6 * std::max(1.0, floor)) << id;
    EXPECT_NEAR(f->GetFieldAsDouble("far"), floor / land, 1e-9) << id;
    // The verdict follows from the park level's floors.
    const std::string level = f->GetFieldAsString("park_lvl"),
                      use = s->GetFieldAsString("土地用途");
    if (use != "0601" || level.empty()) continue;
    const bool far_ok = floor / land >= level_far[level];
    EXPECT_EQ(f->GetFieldAsInteger("far_ok"), far_ok ? 1 : 0) << id;
    if (s->IsFieldSetAndNotNull(s->GetFieldIndex("固定资产投"))) {
      const bool inv_ok =
          s->GetFieldAsDouble("固定资产投") / (land * 15 / 10000) >= level_inv[level];
      const char* expected = far_ok && inv_ok     ? "compliant"
                             : !far_ok && !inv_ok ? "below_both"
                             : !far_ok            ? "below_far"
                                                  : "below_inv";
      if (std::string(s->GetFieldAsString("特殊需要")).empty()) {
        EXPECT_STREQ(f->GetFieldAsString("verdict"), expected) << id;
      }
    }
  }
  EXPECT_GT(attribute_checked, 0);
  EXPECT_GT(buildings_checked, 0);
}

TEST(CliSample, Gcj02ParkOutlinesLineUpOnlyWhenConverted) {
  // Parcels were placed from the converted outlines: with the gcj02 declaration nearly every
  // parcel generated for a park falls in it; without it the parks shift by 300-600 m.
  auto share_in_own_park = [](const fs::path& out) {
    auto ds = open_vector((out / "results.gpkg").string());
    long in_own = 0, total = 0;
    for (auto& f : *ds->GetLayerByName("parcels")) {
      std::string id = f->GetFieldAsString("parcel_id"), park = f->GetFieldAsString("park_id");
      if (id.rfind("S", 0) != 0) continue;  // provincial parks: synthetic outlines of a few km
      ++total;
      in_own += id.compare(0, park.size(), park) == 0 && !park.empty();
    }
    return static_cast<double>(in_own) / static_cast<double>(total);
  };
  EXPECT_GT(share_in_own_park(sample_out()), 0.95);
  fs::path dir = temp_dir("cli-no-gcj");
  std::string cfg = slurp(sample("parkatlas.toml"));
  cfg.replace(cfg.find("crs = \"gcj02\""), 13, "");
  for (const char* f : {"jiangxi-sample.gpkg", "parcels_gbk.shp", "parcels_gbk.shx",
                        "parcels_gbk.dbf", "parcels_gbk.prj"})
    fs::copy_file(sample(f), dir / f);
  std::ofstream(dir / "parkatlas.toml") << cfg;
  CommandResult r = run_command("run -q -c " + (dir / "parkatlas.toml").string() + " -o " +
                                (dir / "out").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_LT(share_in_own_park(dir / "out"), 0.85);
}

TEST(CliSample, JsonSummaryConservesParcelsAndArea) {
  fs::path dir = temp_dir("cli-json");
  CommandResult r = run_command("run -q --json -c " + sample("parkatlas.toml") + " -o " +
                                dir.string() + " --as-of 2025-12-31");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto j = nlohmann::json::parse(r.output);
  auto c = j["conservation"];
  EXPECT_EQ(c["parcels_in_source"].get<long>(),
            c["parcels_analysed"].get<long>() + c["parcels_skipped"].get<long>());
  EXPECT_NEAR(c["parcel_area_m2"].get<double>(), c["rollup_area_m2"].get<double>(), 1e-3);
  long verdicts = 0;
  for (auto& [k, v] : j["verdicts"].items()) verdicts += v.get<long>();
  EXPECT_EQ(verdicts, c["parcels_analysed"].get<long>());
  EXPECT_EQ(j["measuring_crs"]["crs"].get<std::string>().rfind("EPSG:4548", 0), 0u);
  EXPECT_EQ(j["rule_set"], "jiangxi-2014 v1");
  EXPECT_EQ(j["parks"].size(), 11u);
  bool cut = false;
  for (auto& l : j["layers"])
    if (l["kind"] == "parcels") {
      EXPECT_EQ(l["encoding"]["encoding"], "CP936");
      EXPECT_EQ(l["encoding"]["decided_by"], "detected");
      cut = l["fields"]["invest_wan"]["matched_by"] == "cut alias";
    }
  EXPECT_TRUE(cut);
}

TEST(CliSample, CheckReportsWithoutWriting) {
  CommandResult r = run_command("check -c " + sample("parkatlas.toml"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("CP936 [detected: bytes are not UTF-8 but valid GBK]"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("invest_wan ← 固定资产投 (cut name)"), std::string::npos);
  EXPECT_NE(r.output.find("occurs 2 times"), std::string::npos);             // duplicate parcel ids
  EXPECT_NE(r.output.find("differs from the geometry"), std::string::npos);  // area mismatches
  EXPECT_NE(r.output.find("invalid geometry"), std::string::npos);
}

TEST(CliExitCodes, UsageDataAndSuccess) {
  EXPECT_EQ(run_command("").exit_code, 2);
  EXPECT_EQ(run_command("run -c /nonexistent.toml -o /tmp/x").exit_code, 2);
  EXPECT_EQ(
      run_command("run -c " + sample("parkatlas.toml") + " -o /tmp/x --as-of 2019-02-30").exit_code,
      2);
  EXPECT_EQ(run_command("run --help").exit_code, 0);
  // Asking for the buildings layer and for none at once is a usage error.
  EXPECT_EQ(run_command("run -q --buildings-layer --no-buildings-layer -c " +
                        sample("parkatlas.toml") + " -o /tmp/x")
                .exit_code,
            2);
  CommandResult bad_rules =
      run_command("run -q -c " + sample("parkatlas.toml") + " -o /tmp/x --rules nonsense-1999");
  EXPECT_EQ(bad_rules.exit_code, 1);
  EXPECT_NE(bad_rules.output.find("nonsense-1999"), std::string::npos);
  fs::path dir = temp_dir("cli-badsrc");
  std::ofstream(dir / "c.toml") << "[layers.parcels]\nsource = \"missing.shp\"\n";
  CommandResult bad_src =
      run_command("run -q -c " + (dir / "c.toml").string() + " -o " + (dir / "out").string());
  EXPECT_EQ(bad_src.exit_code, 1);
  EXPECT_NE(bad_src.output.find("missing.shp"), std::string::npos) << bad_src.output;
  CommandResult rules = run_command("rules");
  EXPECT_EQ(rules.exit_code, 0);
  EXPECT_NE(rules.output.find("jiangxi-2014"), std::string::npos);
  EXPECT_NE(rules.output.find("national-2008"), std::string::npos);
  // One rule set in full, with the values of core/rules/jiangxi-2014.toml.
  CommandResult jx = run_command("rules jiangxi-2014");
  EXPECT_EQ(jx.exit_code, 0);
  for (const char* line : {"national parks: FAR >= 1.2, investment >= 300 万元/亩",
                           "fee 20 % of the land price, warning 90 days ahead",
                           "coverage < 30 %, out of production", "over 3 years, target <= 3 years"})
    EXPECT_NE(jx.output.find(line), std::string::npos) << line << "\n" << jx.output;
}

TEST(CliAtomicOutput, AFailedRunLeavesThePreviousResultsIntact) {
  fs::path dir = temp_dir("cli-atomic");
  ASSERT_EQ(run_command("run -q -c " + sample("parkatlas.toml") + " -o " + dir.string()).exit_code,
            0);
  std::string before = slurp(dir / "results.gpkg");
  // A bad rule file stops the next run: the earlier results stay byte for byte, no partial file.
  std::ofstream(dir / "bad.toml") << "[rule_set]\nname = \"bad\"\n[industrial_codes]\ngbt21010 = "
                                     "[\"0601\"]\n[floors.national]\nfar_min = \"high\"\n";
  CommandResult r = run_command("run -q -c " + sample("parkatlas.toml") + " -o " + dir.string() +
                                " --rules " + (dir / "bad.toml").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("bad.toml:6"), std::string::npos) << r.output;
  EXPECT_EQ(slurp(dir / "results.gpkg"), before);
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_EQ(e.path().filename().string().find(".partial"), std::string::npos) << e.path();
}

TEST(SampleGenerator, SameSeedGivesByteIdenticalFiles) {
  fs::path dir = temp_dir("gen");
  std::string cmd = std::string(PARKATLAS_GEN_BIN) + " -o " + dir.string() + " > /dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  for (const char* f : {"jiangxi-sample.gpkg", "parcels_gbk.shp", "parcels_gbk.shx",
                        "parcels_gbk.dbf", "parcels_gbk.prj"})
    EXPECT_TRUE(slurp(dir / f) == slurp(sample(f))) << f << " differs from the committed sample";
  EXPECT_FALSE(fs::exists(dir / "parcels_gbk.cpg"));
}

TEST(ParallelEngine, SameResultsOnOneThreadAndOnSeveral) {
  // 40,000 parcels: large enough that reading, park assignment, buildings and verdicts all run
  // in slices. The outputs must not depend on the number of threads. Eight threads on CI's two
  // cores interleave more than two would: a race on GEOS's lazily kept envelopes put a parcel
  // lying in two overlapping parks in the other one about once in fifteen runs this way.
  fs::path dir = temp_dir("parallel");
  std::string gen =
      std::string(PARKATLAS_GEN_BIN) + " --parcels 40000 -o " + dir.string() + " > /dev/null";
  ASSERT_EQ(std::system(gen.c_str()), 0);
  for (const char* threads : {"1", "8"}) {
    std::string cmd = std::string("PARKATLAS_THREADS=") + threads + " " + PARKATLAS_BIN +
                      " run -q --no-buildings-layer -c " + (dir / "parkatlas.toml").string() +
                      " -o " + (dir / (std::string("out") + threads)).string() +
                      " > /dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  std::string one = slurp(dir / "out1" / "parcels.csv"),
              eight = slurp(dir / "out8" / "parcels.csv");
  EXPECT_GT(std::count(one.begin(), one.end(), '\n'), 40000);
  if (one != eight) {
    // Say where, so that a failure explains itself.
    std::istringstream a(one), b(eight);
    std::string la, lb;
    int line = 0;
    while (std::getline(a, la) && std::getline(b, lb) && la == lb) ++line;
    ADD_FAILURE() << "parcels.csv differs between 1 and 8 threads at line " << line + 1
                  << ":\n  1: " << la << "\n  8: " << lb;
  }
  auto a = open_vector((dir / "out1" / "results.gpkg").string()),
       b = open_vector((dir / "out8" / "results.gpkg").string());
  // 批而未供 batch by batch (threads take chunks of batches as they free up).
  OGRLayer *ua = a->GetLayerByName("unsupplied"), *ub = b->GetLayerByName("unsupplied");
  ASSERT_TRUE(ua && ub);
  ASSERT_EQ(ua->GetFeatureCount(), ub->GetFeatureCount());
  EXPECT_GT(ua->GetFeatureCount(), 1000);
  for (auto& fa : *ua) {
    OGRFeatureUniquePtr fb(ub->GetNextFeature());
    ASSERT_TRUE(fb);
    EXPECT_STREQ(fa->GetFieldAsString("batch_id"), fb->GetFieldAsString("batch_id"));
    EXPECT_EQ(fa->GetFieldAsDouble("unsup_m2"), fb->GetFieldAsDouble("unsup_m2"));
    EXPECT_EQ(fa->GetFieldAsInteger("slivers"), fb->GetFieldAsInteger("slivers"));
  }
  OGRLayer *pa = a->GetLayerByName("problems"), *pb = b->GetLayerByName("problems");
  ASSERT_EQ(pa->GetFeatureCount(), pb->GetFeatureCount());
  for (auto& fa : *pa) {
    OGRFeatureUniquePtr fb(pb->GetNextFeature());
    ASSERT_TRUE(fb);
    EXPECT_STREQ(fa->GetFieldAsString("message"), fb->GetFieldAsString("message"));
  }
}

TEST(ReadingPaths, GeoPackageColumnarAndShapefileFeaturesAgree) {
  // The sample's parcels exist twice: in the GeoPackage (read through GDAL's columnar Arrow
  // stream) and in the GBK Shapefile (read feature by feature). Every computed value must agree.
  fs::path dir = temp_dir("paths");
  std::string cfg = slurp(sample("parkatlas.toml"));
  cfg.replace(cfg.find("source = \"parcels_gbk.shp\""),
              std::string("source = \"parcels_gbk.shp\"").size(),
              "source = \"" + sample("jiangxi-sample.gpkg") + "\"\nlayer = \"parcels\"");
  // Every other layer of the sample config points at the GeoPackage by a relative path.
  const std::string rel = "source = \"jiangxi-sample.gpkg\"";
  for (size_t at = cfg.find(rel); at != std::string::npos; at = cfg.find(rel, at + 1))
    cfg.replace(at, rel.size(), "source = \"" + sample("jiangxi-sample.gpkg") + "\"");
  std::ofstream(dir / "gpkg.toml") << cfg;
  CommandResult r =
      run_command("run -q -c " + (dir / "gpkg.toml").string() + " -o " + (dir / "out").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto a = open_vector((sample_out() / "results.gpkg").string());
  auto b = open_vector((dir / "out" / "results.gpkg").string());
  // Text exactly; numbers to 1e-12 relative (the two files hold the same coordinates written by
  // two drivers, equal to about 15 digits).
  const std::vector<const char*> texts = {"park_id", "floor_src", "verdict", "reason"};
  const std::vector<const char*> numbers = {"land_m2", "floor_m2", "far", "coverage", "inv_mu"};
  std::map<GIntBig, OGRFeatureUniquePtr> shp_rows;
  for (auto& f : *a->GetLayerByName("parcels"))
    shp_rows[f->GetFID()] = OGRFeatureUniquePtr(f->Clone());
  size_t compared = 0;
  for (auto& f : *b->GetLayerByName("parcels")) {
    auto it = shp_rows.find(f->GetFID());
    ASSERT_NE(it, shp_rows.end());
    for (const char* t : texts)
      EXPECT_STREQ(f->GetFieldAsString(t), it->second->GetFieldAsString(t)) << t;
    for (const char* n : numbers) {
      double x = f->GetFieldAsDouble(n), y = it->second->GetFieldAsDouble(n);
      EXPECT_NEAR(x, y, 1e-12 * std::max(1.0, std::abs(y)))
          << n << " of " << f->GetFieldAsString("parcel_id");
    }
    ++compared;
  }
  EXPECT_EQ(compared, shp_rows.size());
}

TEST(CliSample, SpatialIndexesByDefaultAndNoneWhenAsked) {
  // A GeoPackage layer with an R-tree answers spatial filters fast; without one it does not.
  auto indexed = open_vector((sample_out() / "results.gpkg").string());
  for (const char* layer : {"parcels", "parks", "buildings"})
    EXPECT_TRUE(indexed->GetLayerByName(layer)->TestCapability(OLCFastSpatialFilter)) << layer;
  fs::path dir = temp_dir("cli-noindex");
  CommandResult r = run_command("run -q --no-spatial-index -c " + sample("parkatlas.toml") +
                                " -o " + dir.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto plain = open_vector((dir / "results.gpkg").string());
  EXPECT_FALSE(plain->GetLayerByName("parcels")->TestCapability(OLCFastSpatialFilter));
  EXPECT_EQ(plain->GetLayerByName("parcels")->GetFeatureCount(),
            indexed->GetLayerByName("parcels")->GetFeatureCount());
}

TEST(CliSample, ResultsUseLargeSqlitePagesAndStayIntact) {
  // results.gpkg is made with 64 KiB pages (fewer, larger writes at province scale); SQLite
  // itself reports the page size and finds the file intact, and GDAL reads it as before.
  auto ds = open_vector((sample_out() / "results.gpkg").string());
  ASSERT_TRUE(ds);
  auto pragma = [&](const char* sql) {
    OGRLayer* r = ds->ExecuteSQL(sql, nullptr, nullptr);
    EXPECT_NE(r, nullptr) << sql;
    std::string value;
    if (!r) return value;
    if (OGRFeatureUniquePtr f{r->GetNextFeature()}) value = f->GetFieldAsString(0);
    ds->ReleaseResultSet(r);
    return value;
  };
  EXPECT_EQ(pragma("PRAGMA page_size"), "65536");
  EXPECT_EQ(pragma("PRAGMA integrity_check"), "ok");
  EXPECT_GT(ds->GetLayerByName("parcels")->GetFeatureCount(), 3000);
}

TEST(CliSample, IdleLandClassesAgainstTheSourceDates) {
  // As of 2025-12-31 (the sample config). Dates and prices come from the source GeoPackage
  // through plain OGR; the expectations follow 53号令 as domain.md §2.5 states it.
  auto out = open_vector((sample_out() / "results.gpkg").string());
  auto src = open_vector(sample("jiangxi-sample.gpkg"));
  std::map<std::string, OGRFeatureUniquePtr> source;
  for (auto& f : *src->GetLayerByName("parcels"))
    source[f->GetFieldAsString("parcel_id")] = OGRFeatureUniquePtr(f->Clone());
  auto days_to_end_2025 = [](int y, int m, int d) {
    using namespace std::chrono;
    return (sys_days{year{2025} / 12 / 31} - sys_days{year{y} / m / d}).count();
  };
  std::map<std::string, int> count;
  int fees_checked = 0, leap_found = 0;
  for (auto& f : *out->GetLayerByName("parcels")) {
    const std::string cls = f->GetFieldAsString("idle_cls"), id = f->GetFieldAsString("parcel_id");
    ++count[cls];
    auto it = source.find(id);
    if (it == source.end() || cls == "none") continue;
    OGRFeature& s = *it->second;
    int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
    float ss = 0;
    if (cls == "idle" || cls == "idle_2y" || cls == "overdue") {
      // A few text start dates in the Shapefile are unreadable; those parcels are not here.
      s.GetFieldAsDateTime(s.GetFieldIndex("start_due"), &y, &m, &d, &hh, &mm, &ss, &tz);
      EXPECT_EQ(f->GetFieldAsInteger("idle_days"), days_to_end_2025(y, m, d)) << id;
      EXPECT_FALSE(s.IsFieldSetAndNotNull(s.GetFieldIndex("started"))) << id;
      if (y == 2020 && m == 2 && d == 29) {
        ++leap_found;
        EXPECT_EQ(cls, "idle_2y");
        // 2020-02-29 -> 2025-02-28 is 5 x 365 + 1 (29 Feb 2024) = 1,826 days; + 306 to 31 Dec =
        // 2,132.
        EXPECT_EQ(f->GetFieldAsInteger("idle_days"), 2132);
      }
    }
    if (cls == "idle" || cls == "halted_idle") {
      EXPECT_NEAR(f->GetFieldAsDouble("idle_fee"), 0.2 * s.GetFieldAsDouble("land_price"), 1e-9)
          << id;
      ++fees_checked;
    }
    if (cls == "gov_delay") {
      EXPECT_EQ(f->GetFieldAsDouble("idle_fee"), 0.0) << id;
    }
  }
  for (const char* c : {"pending", "overdue", "idle", "idle_2y", "halted_idle", "gov_delay",
                        "unsupplied", "low_eff", "none"})
    EXPECT_GT(count[c], 0) << c;
  EXPECT_GT(fees_checked, 100);
  EXPECT_EQ(leap_found, 10);  // the generator gives each of the ten parks one such parcel
  // The park roll-up counts the same classes.
  long parks_idle = 0;
  for (auto& p : *out->GetLayerByName("parks")) parks_idle += p->GetFieldAsInteger64("i_idle");
  EXPECT_EQ(parks_idle, count["idle"]);
}

TEST(CliSample, BureauListsMatchTheSummaryAndAreOrdered) {
  fs::path dir = temp_dir("cli-idle-lists");
  CommandResult r =
      run_command("run -q --json -c " + sample("parkatlas.toml") + " -o " + dir.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto j = nlohmann::json::parse(r.output);
  const long actionable =
      j["idle_classes"]["idle_2y"].get<long>() + j["idle_classes"]["idle"].get<long>() +
      j["idle_classes"]["halted_idle"].get<long>() + j["idle_classes"]["gov_delay"].get<long>();
  // Read back with GDAL's CSV driver, an independent parser.
  auto list = open_vector((dir / "idle-parcels.csv").string());
  ASSERT_TRUE(list);
  OGRLayer* rows = list->GetLayer(0);
  EXPECT_EQ(rows->GetFeatureCount(), actionable);
  const std::map<std::string, int> severity = {
      {"idle_2y", 0}, {"idle", 1}, {"halted_idle", 2}, {"gov_delay", 3}};
  int last_severity = -1;
  double last_mu = 1e300;
  for (auto& f : *rows) {
    int s = severity.at(f->GetFieldAsString("idle_cls"));
    double mu = f->GetFieldAsDouble("land_mu");
    if (s != last_severity) {
      EXPECT_GT(s, last_severity);  // most severe class first
      last_severity = s;
      last_mu = 1e300;
    }
    EXPECT_LE(mu, last_mu) << f->GetFieldAsString("parcel_id");  // then larger first
    last_mu = mu;
    EXPECT_NE(std::string(f->GetFieldAsString("basis")).find("53号令"), std::string::npos);
  }
  // Early warnings: pending or overdue, idle within 90 days of 2025-12-31 (by 2026-03-31).
  auto warnings = open_vector((dir / "idle-warnings.csv").string());
  long n = 0;
  for (auto& f : *warnings->GetLayer(0)) {
    ++n;
    std::string cls = f->GetFieldAsString("idle_cls"), on = f->GetFieldAsString("becomes_idle");
    EXPECT_TRUE(cls == "pending" || cls == "overdue") << cls;
    EXPECT_GT(on, std::string("2025-12-31"));
    EXPECT_LE(on, std::string("2026-03-31"));
  }
  EXPECT_GT(n, 0);
  EXPECT_EQ(n, j["idle_warning_rows"].get<long>());
}

TEST(CliSample, UnsuppliedLandRecomputedWithOgr) {
  // For a spread of batches: batch minus the union of the parcels supplied by 2025-12-31,
  // computed with OGR from the source GeoPackage, must equal unsupplied + dropped slivers.
  auto out = open_vector((sample_out() / "results.gpkg").string());
  auto src = open_vector(sample("jiangxi-sample.gpkg"));
  OGRLayer* unsup = out->GetLayerByName("unsupplied");
  ASSERT_NE(unsup, nullptr);
  EXPECT_EQ(unsup->GetFeatureCount(), src->GetLayerByName("approval_batches")->GetFeatureCount());
  OGRLayer* batches = src->GetLayerByName("approval_batches");
  OGRLayer* parcels = src->GetLayerByName("parcels");
  auto ct = to_4548(batches->GetSpatialRef());
  int checked = 0;
  for (GIntBig fid : {1, 50, 100, 200, 300, 400, 500}) {
    OGRFeatureUniquePtr b(batches->GetFeature(fid));
    ASSERT_TRUE(b);
    unsup->SetAttributeFilter(
        (std::string("batch_id = '") + b->GetFieldAsString("batch_id") + "'").c_str());
    OGRFeatureUniquePtr u(unsup->GetNextFeature());
    ASSERT_TRUE(u);
    std::unique_ptr<OGRGeometry> rest(b->GetGeometryRef()->clone());
    OGREnvelope env;
    rest->getEnvelope(&env);
    rest->transform(ct.get());
    parcels->SetSpatialFilterRect(env.MinX, env.MinY, env.MaxX, env.MaxY);
    for (auto& p : *parcels) {
      if (!p->IsFieldSetAndNotNull(p->GetFieldIndex("supplied"))) continue;
      if (std::string(p->GetFieldAsString("supplied")) > "2025/12/31") continue;
      std::unique_ptr<OGRGeometry> pg(p->GetGeometryRef()->clone());
      pg->transform(ct.get());
      if (!pg->IsValid()) pg.reset(pg->MakeValid());
      rest.reset(rest->Difference(pg.get()));
    }
    parcels->SetSpatialFilter(nullptr);
    const double expected = OGR_G_Area(OGRGeometry::ToHandle(rest.get()));
    EXPECT_NEAR(u->GetFieldAsDouble("unsup_m2") + u->GetFieldAsDouble("sliver_m2"), expected,
                1e-6 * std::max(1.0, expected))
        << b->GetFieldAsString("batch_id");
    EXPECT_LE(u->GetFieldAsDouble("unsup_m2"), u->GetFieldAsDouble("appr_m2"));
    ++checked;
  }
  EXPECT_EQ(checked, 7);
}

TEST(CliSample, ParcelsCarryTheirIndustryCluster) {
  // The sample's codes come from the parks' real leading industries; under jiangxi-2014's
  // [clusters] table: 39xx -> 电子信息 except 3985, 36xx -> 汽车及零部件, 27xx -> 生物医药,
  // 3825 -> 新能源 (before 38 装备制造), 3240 -> 有色金属 (32).
  auto out = open_vector((sample_out() / "results.gpkg").string());
  std::map<std::string, std::set<std::string>> by_code;
  for (auto& f : *out->GetLayerByName("parcels"))
    by_code[f->GetFieldAsString("industry")].insert(f->GetFieldAsString("cluster"));
  const std::map<std::string, std::string> expected = {
      {"3971", "电子信息"}, {"3670", "汽车及零部件"}, {"2720", "生物医药"},
      {"3825", "新能源"},   {"3240", "有色金属"},     {"3490", "装备制造"}};
  int checked = 0;
  for (const auto& [code, cluster] : expected) {
    auto it = by_code.find(code);
    if (it == by_code.end()) continue;
    EXPECT_EQ(it->second, std::set<std::string>{cluster}) << code;
    ++checked;
  }
  EXPECT_GE(checked, 5);
  // Key clusters of a park from its 主导产业: 南昌经开区 "电子信息、汽车及零部件、医药" names three
  // clusters of the table (医药 is a keyword of 生物医药).
  std::set<std::string> key;
  for (auto& p : *out->GetLayerByName("parks")) {
    if (std::string(p->GetFieldAsString("park_id")) != "G361027") continue;
    std::string text = p->GetFieldAsString("key_clus");
    const std::string sep = "、";
    for (size_t start = 0;;) {
      size_t at = text.find(sep, start);
      key.insert(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
      if (at == std::string::npos) break;
      start = at + sep.size();
    }
  }
  EXPECT_EQ(key, (std::set<std::string>{"电子信息", "汽车及零部件", "生物医药"}));
}
