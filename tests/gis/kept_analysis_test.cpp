// RunOptions::keep_analysis: the command line asks run_analysis to hand over the analysis instead
// of freeing it, and then exits without taking it apart. The analysis handed over must be the
// whole one (every parcel read, with its geometry) and nothing may be handed over unasked.
#include <gtest/gtest.h>

#include "sample_run.hpp"

namespace parkatlas {
namespace {

RunResult run_sample(bool keep, const std::string& name) {
  RunOptions options;
  options.keep_analysis = keep;
  return test::run_sample(options, name);
}

TEST(KeptAnalysis, HandedOverWholeOnlyWhenAsked) {
  const RunResult freed = run_sample(false, "kept-analysis-freed");
  EXPECT_EQ(freed.kept, nullptr);

  const RunResult kept = run_sample(true, "kept-analysis-kept");
  ASSERT_NE(kept.kept, nullptr);
  const auto analysis = std::static_pointer_cast<const Analysis>(kept.kept);
  ASSERT_GT(kept.parcels_analysed, 3000);  // the sample has at least 3,000 parcels
  EXPECT_EQ(static_cast<long long>(analysis->in.parcels.size()), kept.parcels_analysed);
  EXPECT_EQ(analysis->in.parcels.geoms.size(), analysis->in.parcels.size());
  EXPECT_NE(analysis->in.parcels.geoms.front(), nullptr);
  EXPECT_NE(analysis->geos, nullptr);  // the context its geometries need lives on with them
  // The same run either way.
  EXPECT_EQ(kept.parcels_analysed, freed.parcels_analysed);
  EXPECT_EQ(kept.verdicts, freed.verdicts);
}

}  // namespace
}  // namespace parkatlas
