// Choosing the measuring CRS and building coordinate transformations to it.
#include "gis/crs/measuring_crs.hpp"

#include <cmath>

#include "gis/gis_error.hpp"

namespace parkatlas {

namespace {

bool in_china(LonLat p) {
  return p.lon >= 73.0 && p.lon <= 135.5 && p.lat >= 3.0 && p.lat <= 54.0;
}

OGRSpatialReference epsg_srs(int code) {
  OGRSpatialReference srs;
  if (srs.importFromEPSG(code) != OGRERR_NONE)
    throw GisError("PROJ does not know EPSG:" + std::to_string(code));
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

// Wraps a PROJ transformation and removes the GCJ-02 offset from the input first.
class Gcj02Transformation : public OGRCoordinateTransformation {
 public:
  Gcj02Transformation(std::unique_ptr<OGRCoordinateTransformation> inner,
                      const OGRSpatialReference& source)
      : inner_(std::move(inner)), source_(source) {}
  // GDAL 3.6 declares these non-const.
  OGRSpatialReference* GetSourceCS() override { return &source_; }
  OGRSpatialReference* GetTargetCS() override { return inner_->GetTargetCS(); }
  int Transform(int n, double* x, double* y, double* z, double* t, int* ok) override {
    for (int i = 0; i < n; ++i) {
      LonLat w = gcj02_to_wgs84({x[i], y[i]});
      x[i] = w.lon;
      y[i] = w.lat;
    }
    return inner_->Transform(n, x, y, z, t, ok);
  }
  // GDAL's interface hands ownership of the clone to the caller.
  OGRCoordinateTransformation* Clone() const override {
    return new Gcj02Transformation(std::unique_ptr<OGRCoordinateTransformation>(inner_->Clone()),
                                   source_);
  }
  OGRCoordinateTransformation* GetInverse() const override { return nullptr; }

 private:
  std::unique_ptr<OGRCoordinateTransformation> inner_;
  OGRSpatialReference source_;
};

}  // namespace

int zone_epsg_for(LonLat p) {
  if (in_china(p)) {
    int cm = static_cast<int>(std::lround(p.lon / 3.0)) * 3;
    if (cm < 75) cm = 75;
    if (cm > 135) cm = 135;
    return 4509 + cm / 3;  // CGCS2000 / 3-degree Gauss-Kruger CM xxxE (EPSG:4534 … 4554)
  }
  int zone = static_cast<int>(std::floor((p.lon + 180.0) / 6.0)) + 1;
  if (zone < 1) zone = 1;
  if (zone > 60) zone = 60;
  return (p.lat >= 0 ? 32600 : 32700) + zone;
}

// Normal-aspect Mercator (Web Mercator, Mercator 1SP/2SP) keeps angles, not areas: at 28°N an
// area in it is 1.28 times too large. Transverse and oblique Mercator (Gauss-Krüger, UTM) are
// local projections made for measuring and are not meant here.
static bool is_mercator(const OGRSpatialReference& srs) {
  const char* method = srs.GetAttrValue("PROJECTION");
  if (!method) return false;
  const std::string m = method;
  return m.find("Mercator") != std::string::npos && m.find("Transverse") == std::string::npos &&
         m.find("Oblique") == std::string::npos;
}

MeasuringCrs choose_measuring_crs(const OGRSpatialReference& source, LonLat centroid) {
  MeasuringCrs m;
  if (source.IsProjected() && std::fabs(source.GetLinearUnits() - 1.0) < 1e-12 &&
      !is_mercator(source)) {
    m.srs = source;
    m.srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const char* code = source.GetAuthorityCode(nullptr);
    const char* auth = source.GetAuthorityName(nullptr);
    if (code && auth && std::string(auth) == "EPSG") m.epsg = std::atoi(code);
    m.name = source.GetName() ? source.GetName() : "source CRS";
    m.method = "source CRS (projected, metres)";
    return m;
  }
  m.epsg = zone_epsg_for(centroid);
  m.srs = epsg_srs(m.epsg);
  m.name = m.srs.GetName() ? m.srs.GetName() : "";
  std::string why = !source.IsProjected() ? "source CRS is geographic"
                    : is_mercator(source)
                        ? "source CRS is a Mercator projection, which distorts areas"
                        : "source CRS is projected in non-metre units";
  m.method = why + "; " + (in_china(centroid) ? "CGCS2000 3-degree GK zone" : "WGS 84 UTM zone") +
             " of the layer centroid";
  return m;
}

MeasuringCrs measuring_crs_from_user(const std::string& definition) {
  MeasuringCrs m;
  m.srs = srs_from_user(definition);
  if (!m.srs.IsProjected() || std::fabs(m.srs.GetLinearUnits() - 1.0) > 1e-12)
    throw GisError("measuring CRS '" + definition + "' is not a projected CRS in metres");
  if (is_mercator(m.srs))
    throw GisError("measuring CRS '" + definition +
                   "' is a Mercator projection, which distorts areas");
  const char* code = m.srs.GetAuthorityCode(nullptr);
  if (code) m.epsg = std::atoi(code);
  m.name = m.srs.GetName() ? m.srs.GetName() : definition;
  m.method = "named in the project config";
  return m;
}

OGRSpatialReference srs_from_user(const std::string& definition) {
  OGRSpatialReference srs;
  std::string def = definition == "gcj02" ? std::string("EPSG:4326") : definition;
  if (srs.SetFromUserInput(def.c_str()) != OGRERR_NONE)
    throw GisError("unknown CRS '" + definition + "'");
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

std::unique_ptr<OGRCoordinateTransformation> make_transformation(const OGRSpatialReference& source,
                                                                 const OGRSpatialReference& target,
                                                                 bool gcj02) {
  std::unique_ptr<OGRCoordinateTransformation> ct(
      OGRCreateCoordinateTransformation(&source, &target));
  if (!ct)
    throw GisError("PROJ found no transformation between the layer CRS and the measuring CRS");
  if (gcj02) return std::make_unique<Gcj02Transformation>(std::move(ct), source);
  return ct;
}

}  // namespace parkatlas
