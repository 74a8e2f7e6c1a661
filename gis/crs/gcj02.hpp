// GCJ-02 ("Mars coordinates"), the obfuscated datum of Chinese web maps. PROJ has no definition
// of it (data-model.md "CRS policy"), so the published forward formula is implemented here and
// inverted by fixed-point iteration. Outside China GCJ-02 equals WGS 84.
#pragma once

namespace parkatlas {

struct LonLat {
  double lon = 0;
  double lat = 0;
};

bool outside_china(LonLat p);
LonLat wgs84_to_gcj02(LonLat wgs);
// Inverse to better than 1e-9 degrees (about 0.1 mm) inside China.
LonLat gcj02_to_wgs84(LonLat gcj);

}  // namespace parkatlas
