// Test geometries written as WKT, read by GEOS's own reader (null when the text does not parse).
#pragma once
#include <geos_c.h>
#include <gtest/gtest.h>

#include <string>

#include "gis/geos/geos_context.hpp"

namespace parkatlas::test {

inline GeomPtr from_wkt(const GeosContext& geos, const std::string& text) {
  GEOSWKTReader* reader = GEOSWKTReader_create_r(geos.handle());
  GeomPtr g = make_geom(geos, GEOSWKTReader_read_r(geos.handle(), reader, text.c_str()));
  GEOSWKTReader_destroy_r(geos.handle(), reader);
  return g;
}

// The same, failing the current test when the text does not parse.
inline GeomPtr expect_wkt(const GeosContext& geos, const std::string& text) {
  GeomPtr g = from_wkt(geos, text);
  EXPECT_TRUE(g) << text;
  return g;
}

}  // namespace parkatlas::test
