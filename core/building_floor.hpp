// Floor area of one building as it counts towards FAR (data-model.md "buildings"; domain.md §3.2:
// "建筑物层高超过 8 米的，在计算容积率时该层建筑面积加倍计算").
#pragma once
#include <optional>
#include <string>

namespace parkatlas {

struct BuildingInput {
  double footprint_m2 = 0;         // from geometry, in the measuring CRS
  std::optional<long> floors;      // 层数
  std::optional<double> height_m;  // 高度
  std::optional<double> storey_m;  // 层高
  std::optional<double> floor_m2;  // 建筑面积 as given
};

struct BuildingSettings {
  double high_storey_m = 8.0;     // storeys higher than this count twice
  double default_storey_m = 4.5;  // turns a height into a storey count when floors is missing
};

struct BuildingFloor {
  double bldg_m2 = 0;    // floor area counted towards FAR
  long floors_used = 0;  // storeys assumed (0 when floor_m2 was given)
  bool doubled = false;  // the 8 m rule applied
  std::string note;      // set when an assumption was made (recorded as a data problem)
};

BuildingFloor building_floor_area(const BuildingInput& in, const BuildingSettings& settings);

}  // namespace parkatlas
