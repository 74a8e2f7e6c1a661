// Reading the catalogue CSV through GDAL's CSV driver.
#include "catalogue.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <stdexcept>

#include "gis/gdal/gdal_setup.hpp"

namespace parkatlas::sample {

namespace {

// "江西省南昌市青山湖区南昌高新…" -> city 南昌市, county 青山湖区. A county is a name of two to
// four characters ending in 区, 县 or 市 right after the city ("经济技术开发区" is a park, not a
// county).
void split_address(const std::string& address, std::string& city, std::string& county) {
  const std::string province = "江西省", shi = "市";
  std::string rest = address.rfind(province, 0) == 0 ? address.substr(province.size()) : address;
  const size_t end = rest.find(shi);
  if (end == std::string::npos) return;
  city = rest.substr(0, end + shi.size());
  rest = rest.substr(end + shi.size());
  for (size_t chars = 2; chars <= 4; ++chars) {
    const size_t bytes = chars * 3;  // CJK characters are three bytes in UTF-8
    if (rest.size() < bytes) break;
    const std::string last = rest.substr(bytes - 3, 3);
    if (last == "区" || last == "县" || last == "市") {
      county = rest.substr(0, bytes);
      return;
    }
  }
}

}  // namespace

std::vector<CatalogueRow> read_catalogue(const std::string& csv_path) {
  ensure_gdal_registered();
  GDALDatasetUniquePtr ds(GDALDataset::Open(csv_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) throw std::runtime_error("cannot open " + csv_path);
  std::vector<CatalogueRow> rows;
  for (auto& f : *ds->GetLayer(0)) {
    CatalogueRow r;
    r.code = f->GetFieldAsString("代码");
    r.name = f->GetFieldAsString("开发区名称");
    r.city = f->GetFieldAsString("城市/区县");
    split_address(f->GetFieldAsString("格式化地址"), r.city, r.county);
    r.level = f->GetFieldAsString("批准级别");
    r.kind = f->GetFieldAsString("开发区类型");
    r.approved = f->GetFieldAsString("批准时间");
    r.approved_ha = f->GetFieldAsDouble("核准面积_公顷");
    r.industries = f->GetFieldAsString("主导产业");
    r.lon_wgs = f->GetFieldAsDouble("经度_WGS84");
    r.lat_wgs = f->GetFieldAsDouble("纬度_WGS84");
    rows.push_back(r);
  }
  return rows;
}

}  // namespace parkatlas::sample
