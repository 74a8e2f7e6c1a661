// Redistricting (issue 4 §3): the analysed parcels under new boundaries (new park outlines,
// administrative units, planning zones). Each parcel goes to the district it overlaps most, or is
// cut at district boundaries with areas and amounts pro-rated; the park roll-up is recomputed per
// district; one Shapefile set per district, a summary and a change table are written.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/park_rollup.hpp"
#include "gis/export/layer_export.hpp"

namespace parkatlas {

struct RedistrictOptions {
  std::string source;  // results.gpkg or a project (its latest run, or `run`)
  std::optional<long long> run;
  std::string districts;        // any GDAL source of polygons
  std::string districts_layer;  // empty = the first layer
  std::string districts_crs;    // override ("gcj02" for web-map boundaries)
  std::string district_field;   // the id field (default: district_id and its aliases)
  std::string out_dir;
  bool split_parcels = false;
  std::string encoding = "UTF-8";  // of the Shapefiles
};

struct DistrictLine {
  std::string id, name;
  ParkRollup rollup;
};

struct RedistrictResult {
  long long parcels = 0;               // parcels read
  long long pieces = 0;                // rows written (parcels, or their pieces when split)
  long long split = 0;                 // parcels cut into more than one piece
  long long outside = 0;               // parcels (or parts) outside every district
  double parcel_m2 = 0, piece_m2 = 0;  // conservation: these agree
  long long changes = 0;
  std::vector<DistrictLine> districts;  // in district order, then "(outside every district)"
  std::string gpkg, summary_csv, changes_csv;
  std::vector<ExportedFile> shapefiles;
};

RedistrictResult redistrict(const RedistrictOptions& options);

}  // namespace parkatlas
