// The parks of the sample: rows of the 2018 national development-zone catalogue (Jiangxi) and the
// two real Nanchang park outlines (GCJ-02). See ../jiangxi-sample/SOURCE.md.
#pragma once
#include <string>
#include <vector>

namespace parkatlas::sample {

struct CatalogueRow {
  std::string code;        // 代码, e.g. G361027
  std::string name;        // 开发区名称
  std::string city;        // 设区市 from the geocoded address (else 城市/区县 as given)
  std::string county;      // 县/区/县级市 from the address, when it names one
  std::string level;       // 批准级别: 国务院 / 省政府
  std::string kind;        // 开发区类型
  std::string approved;    // 批准时间 YYYY.MM
  double approved_ha = 0;  // 核准面积_公顷
  std::string industries;  // 主导产业
  double lon_wgs = 0, lat_wgs = 0;
};

std::vector<CatalogueRow> read_catalogue(const std::string& csv_path);

}  // namespace parkatlas::sample
