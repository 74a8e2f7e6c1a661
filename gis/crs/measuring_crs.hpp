// The CRS areas are measured in (data-model.md "CRS policy"): the source CRS when projected and
// metric; otherwise the CGCS2000 3-degree Gauss-Krüger zone (truncated false easting) of the
// centroid for data in China, else the WGS 84 UTM zone of the centroid. Axis order is always
// traditional GIS order (x = easting).
#pragma once
#include <ogr_spatialref.h>

#include <memory>
#include <string>

#include "gis/crs/gcj02.hpp"

namespace parkatlas {

struct MeasuringCrs {
  int epsg = 0;  // 0 when the source CRS (without an EPSG code) is used as it is
  std::string name;
  std::string method;  // how it was chosen, recorded with the results
  OGRSpatialReference srs;
};

// EPSG code of the CGCS2000 3-degree GK zone (CM xxxE, truncated false easting) holding `lon`,
// or of the WGS 84 UTM zone for points outside China.
int zone_epsg_for(LonLat p);

// `source` must have traditional axis order; `centroid` is the layer centroid in lon/lat.
MeasuringCrs choose_measuring_crs(const OGRSpatialReference& source, LonLat centroid);
MeasuringCrs measuring_crs_from_user(const std::string& definition);

// Source CRS from a user definition: "EPSG:4490", WKT, PROJ string; "gcj02" means WGS 84 lon/lat
// after the GCJ-02 correction (the caller applies it).
OGRSpatialReference srs_from_user(const std::string& definition);

// A transformation source -> target that first removes the GCJ-02 offset when `gcj02` is set.
std::unique_ptr<OGRCoordinateTransformation> make_transformation(const OGRSpatialReference& source,
                                                                 const OGRSpatialReference& target,
                                                                 bool gcj02);

}  // namespace parkatlas
