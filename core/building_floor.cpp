// FAR contribution of a building: given floor area, else footprint x storeys with the 8 m rule.
#include "core/building_floor.hpp"

#include <algorithm>
#include <cmath>

namespace parkatlas {

BuildingFloor building_floor_area(const BuildingInput& in, const BuildingSettings& settings) {
  BuildingFloor out;
  if (in.floor_m2 && *in.floor_m2 >= 0) {
    // A surveyed floor area already follows the survey's own counting rules.
    out.bldg_m2 = *in.floor_m2;
    return out;
  }
  long floors = 0;
  if (in.floors && *in.floors > 0) {
    floors = *in.floors;
  } else if (in.height_m && *in.height_m > 0) {
    floors = std::max(1L, std::lround(*in.height_m / settings.default_storey_m));
    out.note = "floors missing: " + std::to_string(floors) + " storey(s) from height";
  } else {
    floors = 1;
    out.note = "floors and height missing: counted as one storey";
  }
  std::optional<double> storey = in.storey_m;
  if (!storey && in.height_m && *in.height_m > 0)
    storey = *in.height_m / static_cast<double>(floors);
  out.doubled = storey && *storey > settings.high_storey_m;
  out.floors_used = floors;
  out.bldg_m2 = in.footprint_m2 * static_cast<double>(floors) * (out.doubled ? 2.0 : 1.0);
  return out;
}

}  // namespace parkatlas
