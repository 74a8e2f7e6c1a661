// Test geometries written as WKT, read by GEOS's own reader (null when the text does not parse).
#pragma once
#include <geos_c.h>

#include <string>

#include "gis/geos/geos_context.hpp"

namespace parkatlas::test {

inline GeomPtr from_wkt(const GeosContext& geos, const std::string& text) {
  GEOSWKTReader* reader = GEOSWKTReader_create_r(geos.handle());
  GeomPtr g = make_geom(geos, GEOSWKTReader_read_r(geos.handle(), reader, text.c_str()));
  GEOSWKTReader_destroy_r(geos.handle(), reader);
  return g;
}

}  // namespace parkatlas::test
