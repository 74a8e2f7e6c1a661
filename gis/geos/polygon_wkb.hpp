// WKB of polygons and multipolygons, straight from their coordinate sequences. GEOS's WKBWriter
// writes through a std::ostream a few bytes at a time (a dynamic_cast, a sentry and a virtual
// xsputn per number): encoding a province's million parcels took it 1.3 s of CPU time on the
// thread that feeds the GeoPackage's inserter. The bytes are the same as GEOS's (the tests compare
// them); other geometry types are left to GEOS.
#pragma once
#include <string>

#include "gis/geos/geos_context.hpp"

namespace parkatlas {

// Appends the 2D little-endian WKB of `g` to `out` when it is a Polygon or a MultiPolygon (what
// GEOSWKBWriter gives with output dimension 2 and NDR byte order) and returns true; returns false,
// appending nothing, for every other type.
bool append_polygonal_wkb(const GeosContext& geos, const GEOSGeometry* g, std::string& out);

}  // namespace parkatlas
