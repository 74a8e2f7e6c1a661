// Writing the generated data: a UTF-8 GeoPackage with canonical field names and the parcels as a
// GBK Shapefile with Chinese field names, without .cpg and with LDID 0.
#pragma once
#include <string>

#include "sample_model.hpp"

namespace parkatlas::sample {

// `epsg` is the CRS of parcels, buildings and batches in the output: 4490 (lon/lat) or 4548.
void write_geopackage(const SampleData& data, const std::string& path, int epsg);
void write_gbk_shapefile(const SampleData& data, const std::string& path, int epsg);

}  // namespace parkatlas::sample
