// Reading the catalogue CSV through GDAL's CSV driver.
#include "catalogue.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <stdexcept>

#include "gis/gdal/gdal_setup.hpp"

namespace parkatlas::sample {

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
