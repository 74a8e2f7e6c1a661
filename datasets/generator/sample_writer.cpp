// GeoPackage and Shapefile output of the generator.
#include "sample_writer.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <stdexcept>

#include "gis/gdal/gdal_setup.hpp"

namespace parkatlas::sample {

namespace fs = std::filesystem;

namespace {

struct Srs {
  OGRSpatialReference srs;
  std::unique_ptr<OGRCoordinateTransformation> from_gk;  // null when writing in the GK frame
  explicit Srs(int epsg) {
    srs.importFromEPSG(epsg);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (epsg != 4548) {
      OGRSpatialReference gk;
      gk.importFromEPSG(4548);
      gk.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
      from_gk.reset(OGRCreateCoordinateTransformation(&gk, &srs));
    }
  }
};

OGRPolygon* rect_polygon(const Rect& r, bool bowtie, OGRCoordinateTransformation* ct) {
  auto* ring = new OGRLinearRing();
  if (bowtie) {  // a self-intersecting "bow tie": the classic invalid parcel
    ring->addPoint(r.x0, r.y0), ring->addPoint(r.x1, r.y1), ring->addPoint(r.x1, r.y0),
        ring->addPoint(r.x0, r.y1);
  } else {
    ring->addPoint(r.x0, r.y0), ring->addPoint(r.x1, r.y0), ring->addPoint(r.x1, r.y1),
        ring->addPoint(r.x0, r.y1);
  }
  ring->closeRings();
  auto* poly = new OGRPolygon();
  poly->addRingDirectly(ring);
  if (ct) poly->transform(ct);
  return poly;
}

OGRLayer* add_layer(GDALDataset& ds, const char* name, OGRSpatialReference* srs,
                    const std::vector<std::pair<const char*, OGRFieldType>>& fields,
                    CSLConstList options = nullptr, int string_width = 0) {
  OGRLayer* layer =
      ds.CreateLayer(name, srs, srs ? wkbPolygon : wkbNone, const_cast<char**>(options));
  if (!layer) throw std::runtime_error(std::string("cannot create layer ") + name);
  for (const auto& [fname, type] : fields) {
    OGRFieldDefn d(fname, type);
    if (type == OFTString && string_width > 0)
      d.SetWidth(string_width);  // DBF pads every value to it
    if (layer->CreateField(&d) != OGRERR_NONE)
      throw std::runtime_error(std::string("cannot create field ") + fname);
  }
  return layer;
}

void set_date(OGRFeature& f, const char* field, const std::optional<CivilDate>& d) {
  if (d) f.SetField(field, d->year, static_cast<int>(d->month), static_cast<int>(d->day));
}
void set_real(OGRFeature& f, const char* field, const std::optional<double>& v) {
  if (v) f.SetField(field, *v);
}
void set_text(OGRFeature& f, const char* field, const std::string& v) {
  if (!v.empty()) f.SetField(field, v.c_str());
}

void create(OGRLayer* layer, OGRFeature& f) {
  if (layer->CreateFeature(&f) != OGRERR_NONE)
    throw std::runtime_error(std::string("cannot write a feature to ") + layer->GetName() + ": " +
                             CPLGetLastErrorMsg());
}

void in_transaction(GDALDataset& ds, const std::function<void()>& work) {
  ds.StartTransaction();
  work();
  if (ds.CommitTransaction() != OGRERR_NONE) throw std::runtime_error("commit failed");
}

// Text dates as bureaus type them (the start-due field of the Shapefile is text).
std::string bureau_date(const CivilDate& d, int style) {
  char buf[64];
  switch (style % 4) {
    case 0:
      std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
      break;
    case 1:
      std::snprintf(buf, sizeof buf, "%04d/%u/%u", d.year, d.month, d.day);
      break;
    case 2:
      std::snprintf(buf, sizeof buf, "%04d%02u%02u", d.year, d.month, d.day);
      break;
    default:
      std::snprintf(buf, sizeof buf, "%04d年%u月%u日", d.year, d.month, d.day);
      break;
  }
  return buf;
}

}  // namespace

void write_geopackage(const SampleData& data, const std::string& path, int epsg) {
  ensure_gdal_registered();
  CPLSetConfigOption("OGR_CURRENT_DATE", "2025-12-31T00:00:00Z");  // byte-identical output
  fs::remove(path);
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
  GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw std::runtime_error("cannot create " + path);
  Srs out(epsg);
  OGRSpatialReference gcj;  // parks stay in GCJ-02, labelled WGS 84 as web data is
  gcj.importFromEPSG(4326);
  gcj.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

  OGRLayer* parks = add_layer(*ds, "parks", &gcj,
                              {{"park_id", OFTString},
                               {"name", OFTString},
                               {"level", OFTString},
                               {"kind", OFTString},
                               {"city", OFTString},
                               {"county", OFTString},
                               {"approved_ha", OFTReal},
                               {"industries", OFTString},
                               {"approved_ym", OFTString}});
  in_transaction(*ds, [&] {
    for (const auto& p : data.parks) {
      OGRFeature f(parks->GetLayerDefn());
      f.SetField("park_id", p.code.c_str());
      f.SetField("name", p.name.c_str());
      f.SetField("level", p.level.c_str());
      f.SetField("kind", p.kind.c_str());
      f.SetField("city", p.city.c_str());
      if (!p.county.empty()) f.SetField("county", p.county.c_str());
      f.SetField("approved_ha", p.approved_ha);
      f.SetField("industries", p.industries.c_str());
      f.SetField("approved_ym", p.approved.c_str());
      OGRGeometry* g = nullptr;
      if (!p.outline_wkt_gcj.empty()) {
        OGRGeometryFactory::createFromWkt(p.outline_wkt_gcj.c_str(), nullptr, &g);
      } else {
        auto* ring = new OGRLinearRing();
        for (const auto& [x, y] : p.outline_gcj) ring->addPoint(x, y);
        ring->closeRings();
        auto* poly = new OGRPolygon();
        poly->addRingDirectly(ring);
        g = poly;
      }
      f.SetGeometryDirectly(g);
      create(parks, f);
    }
  });

  OGRLayer* parcels =
      add_layer(*ds, "parcels", &out.srs,
                {{"parcel_id", OFTString},  {"land_use", OFTString}, {"land_m2", OFTReal},
                 {"floor_m2", OFTReal},     {"invest_wan", OFTReal}, {"invest_done", OFTReal},
                 {"revenue_wan", OFTReal},  {"tax_wan", OFTReal},    {"employees", OFTInteger},
                 {"enterprise", OFTString}, {"industry", OFTString}, {"approved", OFTDate},
                 {"supplied", OFTDate},     {"start_due", OFTDate},  {"started", OFTDate},
                 {"completed", OFTDate},    {"halted", OFTDate},     {"dev_m2", OFTReal},
                 {"land_price", OFTReal},   {"exempt", OFTString},   {"gov_cause", OFTString},
                 {"op_status", OFTString}});
  OGRLayer* buildings =
      add_layer(*ds, "buildings", &out.srs,
                {{"floors", OFTInteger}, {"height_m", OFTReal}, {"storey_m", OFTReal}});
  in_transaction(*ds, [&] {
    for (const auto& p : data.parcels) {
      OGRFeature f(parcels->GetLayerDefn());
      f.SetField("parcel_id", p.id.c_str());
      if (p.land_use) f.SetField("land_use", p.land_use->c_str());
      set_real(f, "land_m2", p.land_m2_stated);
      set_real(f, "floor_m2", p.floor_m2);
      set_real(f, "invest_wan", p.invest_wan);
      set_real(f, "invest_done", p.invest_done);
      set_real(f, "revenue_wan", p.revenue_wan);
      set_real(f, "tax_wan", p.tax_wan);
      if (p.employees) f.SetField("employees", *p.employees);
      set_text(f, "enterprise", p.enterprise);
      set_text(f, "industry", p.industry);
      set_date(f, "approved", p.approved);
      set_date(f, "supplied", p.supplied);
      set_date(f, "start_due", p.start_due);
      set_date(f, "started", p.started);
      set_date(f, "completed", p.completed);
      set_date(f, "halted", p.halted);
      set_real(f, "dev_m2", p.dev_m2);
      set_real(f, "land_price", p.land_price);
      set_text(f, "exempt", p.exempt);
      set_text(f, "gov_cause", p.gov_cause);
      set_text(f, "op_status", p.op_status);
      f.SetGeometryDirectly(rect_polygon(p.r, p.bowtie, out.from_gk.get()));
      create(parcels, f);
      for (const auto& b : p.buildings) {
        OGRFeature bf(buildings->GetLayerDefn());
        if (b.floors) bf.SetField("floors", *b.floors);
        set_real(bf, "height_m", b.height_m);
        set_real(bf, "storey_m", b.storey_m);
        bf.SetGeometryDirectly(rect_polygon(b.r, false, out.from_gk.get()));
        create(buildings, bf);
      }
    }
  });

  OGRLayer* batches =
      add_layer(*ds, "approval_batches", &out.srs,
                {{"batch_id", OFTString}, {"approved", OFTDate}, {"purpose", OFTString}});
  in_transaction(*ds, [&] {
    for (const auto& b : data.batches) {
      OGRFeature f(batches->GetLayerDefn());
      f.SetField("batch_id", b.id.c_str());
      set_date(f, "approved", std::optional<CivilDate>(b.approved));
      f.SetField("purpose", "工业用地");
      f.SetGeometryDirectly(rect_polygon(b.r, false, out.from_gk.get()));
      create(batches, f);
    }
  });

  if (data.constraints.empty()) return;  // province data: none
  OGRLayer* constraints = add_layer(*ds, "constraints", &out.srs, {{"kind", OFTString}});
  in_transaction(*ds, [&] {
    for (const auto& c : data.constraints) {
      OGRFeature f(constraints->GetLayerDefn());
      f.SetField("kind", c.kind.c_str());
      f.SetGeometryDirectly(rect_polygon(c.r, false, out.from_gk.get()));
      create(constraints, f);
    }
  });
}

void write_gbk_shapefile(const SampleData& data, const std::string& path, int epsg) {
  ensure_gdal_registered();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
  drv->Delete(path.c_str());
  GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw std::runtime_error("cannot create " + path);
  Srs out(epsg);
  CPLStringList lco;
  lco.SetNameValue("ENCODING", "CP936");
  // Names longer than 10 GBK bytes are cut by the driver (固定资产投资 -> 固定资产投), as in bureau
  // files.
  OGRLayer* layer =
      add_layer(*ds, fs::path(path).stem().string().c_str(), &out.srs,
                {{"宗地编号", OFTString},   {"土地用途", OFTString},     {"用地面积", OFTReal},
                 {"建筑面积", OFTReal},     {"固定资产投资", OFTReal},   {"已投资额", OFTReal},
                 {"主营业务收入", OFTReal}, {"税收总额", OFTReal},       {"从业人员", OFTInteger},
                 {"企业名称", OFTString},   {"行业代码", OFTString},     {"批准日期", OFTDate},
                 {"供地日期", OFTDate},     {"约定动工日期", OFTString}, {"实际动工日期", OFTDate},
                 {"竣工日期", OFTDate},     {"停工日期", OFTDate},       {"已开发面积", OFTReal},
                 {"出让价款", OFTReal},     {"特殊需要", OFTString},     {"政府原因", OFTString},
                 {"生产状态", OFTString}},
                lco.List(), 48);
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  int n = 0;
  for (const auto& p : data.parcels) {
    OGRFeature f(defn);
    int k = 0;
    f.SetField(k++, p.id.c_str());
    if (p.land_use) f.SetField(k, p.land_use->c_str());
    ++k;
    if (p.land_m2_stated) f.SetField(k, *p.land_m2_stated);
    ++k;
    if (p.floor_m2) f.SetField(k, *p.floor_m2);
    ++k;
    for (const auto* v : {&p.invest_wan, &p.invest_done, &p.revenue_wan, &p.tax_wan}) {
      if (*v) f.SetField(k, **v);
      ++k;
    }
    if (p.employees) f.SetField(k, *p.employees);
    ++k;
    f.SetField(k++, p.enterprise.c_str());
    f.SetField(k++, p.industry.c_str());
    for (const auto* d : {&p.approved, &p.supplied}) {
      if (*d) f.SetField(k, (*d)->year, static_cast<int>((*d)->month), static_cast<int>((*d)->day));
      ++k;
    }
    ++n;
    if (p.start_due) {
      // A few entries as bureaus really leave them: a month without a day, a placeholder.
      std::string text = n % 397 == 0 ? std::to_string(p.start_due->year) + "年" +
                                            std::to_string(p.start_due->month) + "月"
                         : n % 541 == 0 ? std::string("待定")
                                        : bureau_date(*p.start_due, n);
      f.SetField(k, text.c_str());
    }
    ++k;
    for (const auto* d : {&p.started, &p.completed, &p.halted}) {
      if (*d) f.SetField(k, (*d)->year, static_cast<int>((*d)->month), static_cast<int>((*d)->day));
      ++k;
    }
    for (const auto* v : {&p.dev_m2, &p.land_price}) {
      if (*v) f.SetField(k, **v);
      ++k;
    }
    if (!p.exempt.empty()) f.SetField(k, p.exempt.c_str());
    ++k;
    if (!p.gov_cause.empty()) f.SetField(k, p.gov_cause.c_str());
    ++k;
    if (!p.op_status.empty()) f.SetField(k, p.op_status.c_str());
    f.SetGeometryDirectly(rect_polygon(p.r, p.bowtie, out.from_gk.get()));
    create(layer, f);
  }
  ds.reset();
  // As a bureau's file arrives: no .cpg, and no code page in the DBF header (LDID 0).
  fs::path cpg = fs::path(path).replace_extension(".cpg");
  fs::remove(cpg);
  fs::path dbf = fs::path(path).replace_extension(".dbf");
  std::fstream f(dbf, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(29);
  f.put('\0');
  // The header's "last update" (bytes 1–3, YY+1900 MM DD) is the day GDAL wrote the file: fixed
  // to the sample's evaluation date so the same seed gives the same bytes on any day.
  f.seekp(1);
  const char last_update[3] = {static_cast<char>(125), 12, 31};
  f.write(last_update, 3);
}

}  // namespace parkatlas::sample
