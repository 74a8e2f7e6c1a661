// Lays out parks, parcels, buildings and approval batches, and gives them attributes that exercise
// the verdicts and the idle-land rules (see ../jiangxi-sample/README.md for the mix).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sample_model.hpp"

namespace parkatlas::sample {

struct LayoutOptions {
  std::string catalogue_csv;
  std::string outlines_geojson;         // real GCJ-02 outlines (sample mode)
  std::vector<std::string> park_codes;  // sample mode: these parks; empty = province mode
  long target_parcels = 0;              // province mode: about this many parcels
  std::uint64_t seed = 20141;
  CivilDate as_of{2025, 12, 31};
};

SampleData generate_layout(const LayoutOptions& options);

}  // namespace parkatlas::sample
