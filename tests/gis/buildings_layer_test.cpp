// Whether results.gpkg carries the buildings layer: by default only up to
// RunOptions::buildings_layer_max buildings (a province's millions double a run's time); FAR from
// the buildings is computed either way. Counts are read back with GDAL from the bundled sample.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <algorithm>

#include "gis/gdal/gdal_setup.hpp"
#include "sample_run.hpp"
#include "test_paths.hpp"

namespace parkatlas {
namespace {

struct SampleRun {
  RunResult result;
  GDALDatasetUniquePtr results;
};

SampleRun run_sample(long long buildings_layer_max, const std::string& name) {
  RunOptions options;
  options.buildings_layer_max = buildings_layer_max;
  SampleRun run{test::run_sample(options, name), nullptr};
  run.results.reset(
      GDALDataset::Open(run.result.results_gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  return run;
}

long long sample_buildings() {
  ensure_gdal_registered();
  GDALDatasetUniquePtr src(GDALDataset::Open(test::sample("jiangxi-sample.gpkg").c_str(),
                                             GDAL_OF_VECTOR | GDAL_OF_READONLY));
  return src->GetLayerByName("buildings")->GetFeatureCount();
}

long long parcels_with_floor_from_buildings(GDALDataset& ds) {
  OGRLayer* parcels = ds.GetLayerByName("parcels");
  parcels->SetAttributeFilter("floor_src = 'buildings'");
  return parcels->GetFeatureCount();
}

bool lists(const RunResult& r, const std::string& layer) {
  return std::find(r.layers_written.begin(), r.layers_written.end(), layer) !=
         r.layers_written.end();
}

TEST(BuildingsLayer, LeftOutAboveTheLimitButStillUsedForFar) {
  const long long in_source = sample_buildings();
  ASSERT_GT(in_source, 1000);
  SampleRun small = run_sample(1000, "limited");  // fewer allowed than the sample has
  SampleRun all = run_sample(-1, "unlimited");
  ASSERT_TRUE(small.results && all.results);
  EXPECT_EQ(small.result.buildings_left_out, in_source);
  EXPECT_EQ(small.result.buildings_layer_max, 1000);
  EXPECT_FALSE(lists(small.result, "buildings"));
  EXPECT_EQ(small.results->GetLayerByName("buildings"), nullptr);
  EXPECT_EQ(all.result.buildings_left_out, 0);
  EXPECT_TRUE(lists(all.result, "buildings"));
  ASSERT_NE(all.results->GetLayerByName("buildings"), nullptr);
  EXPECT_EQ(all.results->GetLayerByName("buildings")->GetFeatureCount(), in_source);
  // The same buildings were read and the same parcels got their floor area from them.
  EXPECT_EQ(small.result.buildings_read, all.result.buildings_read);
  const long long from_buildings = parcels_with_floor_from_buildings(*all.results);
  EXPECT_GT(from_buildings, 0);
  EXPECT_EQ(parcels_with_floor_from_buildings(*small.results), from_buildings);
}

}  // namespace
}  // namespace parkatlas
