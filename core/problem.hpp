// A data problem found while reading or analysing: reported as data (the `problems` layer),
// never by aborting the run (house-style: osmium-tool, PDAL's conformance policy).
#pragma once
#include <string>
#include <vector>

namespace parkatlas {

struct Problem {
  std::string layer;        // input layer name (parcels, buildings, …)
  std::string source;       // file the feature came from
  long long fid = -1;       // feature id in the source, -1 = whole layer
  std::string feature_key;  // parcel_id or another readable key, if known
  std::string field;        // field concerned, empty for geometry / layer problems
  std::string message;
  std::string action;  // what ParkAtlas did: repaired, skipped, ignored value, reported
};

using ProblemList = std::vector<Problem>;

}  // namespace parkatlas
