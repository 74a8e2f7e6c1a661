// CRS handling: GCJ-02 against an independent computation, the EPSG:4490 -> 4547 check values of
// environment.md, axis order, and the measuring-CRS policy of data-model.md.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "gis/crs/gcj02.hpp"
#include "gis/crs/measuring_crs.hpp"
#include "gis/gdal/gdal_setup.hpp"
#include "test_paths.hpp"

using namespace parkatlas;

TEST(Gcj02, MatchesTheCatalogueColumnsComputedIndependently) {
  // The catalogue's GCJ02_computed columns were computed by the data set's curator with the
  // standard WGS84->GCJ-02 formula (SOURCE.md), not by ParkAtlas.
  ensure_gdal_registered();
  GDALDatasetUniquePtr ds(
      GDALDataset::Open(test::sample("source/catalogue_jiangxi_2018.csv").c_str(),
                        GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(ds);
  int rows = 0;
  for (auto& f : *ds->GetLayer(0)) {
    LonLat wgs{f->GetFieldAsDouble("经度_WGS84"), f->GetFieldAsDouble("纬度_WGS84")};
    LonLat expected{f->GetFieldAsDouble("经度_GCJ02_computed"),
                    f->GetFieldAsDouble("纬度_GCJ02_computed")};
    LonLat got = wgs84_to_gcj02(wgs);
    // The CSV keeps 6 decimals: agree to within its rounding (5e-7 deg) plus a little.
    EXPECT_NEAR(got.lon, expected.lon, 1e-6) << f->GetFieldAsString("开发区名称");
    EXPECT_NEAR(got.lat, expected.lat, 1e-6) << f->GetFieldAsString("开发区名称");
    // The offset in Jiangxi is a few hundred metres (0.002-0.006 degrees), never zero.
    EXPECT_GT(std::abs(got.lon - wgs.lon) + std::abs(got.lat - wgs.lat), 1e-3);
    LonLat back = gcj02_to_wgs84(got);
    EXPECT_NEAR(back.lon, wgs.lon, 1e-9);
    EXPECT_NEAR(back.lat, wgs.lat, 1e-9);
    ++rows;
  }
  EXPECT_EQ(rows, 99);
  // Outside China GCJ-02 is WGS 84.
  LonLat helsinki{24.94, 60.17};
  EXPECT_EQ(wgs84_to_gcj02(helsinki).lon, helsinki.lon);
}

TEST(Crs, Cgcs2000GeographicToGaussKrugerCheckValues) {
  // environment.md: 114.30E 30.50N in EPSG:4490 -> EPSG:4547 easting 528799.742, northing
  // 3375580.000.
  ensure_gdal_registered();
  OGRSpatialReference src = srs_from_user("EPSG:4490");
  OGRSpatialReference dst = srs_from_user("EPSG:4547");
  auto ct = make_transformation(src, dst, false);
  double x = 114.30, y = 30.50;  // traditional order: x = longitude
  ASSERT_TRUE(ct->Transform(1, &x, &y));
  EXPECT_NEAR(x, 528799.742, 0.001);
  EXPECT_NEAR(y, 3375580.000, 0.001);
}

TEST(Crs, MeasuringCrsPolicy) {
  ensure_gdal_registered();
  // Geographic data in China: the CGCS2000 3-degree zone of the centroid (EPSG:4509 + CM/3).
  OGRSpatialReference geo = srs_from_user("EPSG:4490");
  EXPECT_EQ(choose_measuring_crs(geo, {114.30, 30.5}).epsg, 4547);  // CM 114
  EXPECT_EQ(choose_measuring_crs(geo, {115.90, 28.7}).epsg, 4548);  // Nanchang: CM 117
  EXPECT_EQ(choose_measuring_crs(geo, {115.49, 28.7}).epsg, 4547);  // west of 115.5 E
  // Elsewhere the WGS 84 UTM zone: Helsinki 24.94E -> zone 35N.
  EXPECT_EQ(choose_measuring_crs(srs_from_user("EPSG:4326"), {24.94, 60.17}).epsg, 32635);
  // US survey feet are measured in metres: NYC (EPSG:2263) -> UTM 18N.
  auto nyc = choose_measuring_crs(srs_from_user("EPSG:2263"), {-73.9, 40.7});
  EXPECT_EQ(nyc.epsg, 32618);
  EXPECT_NE(nyc.method.find("non-metre"), std::string::npos);
  // Web Mercator is metric but distorts areas (x1.28 at 28°N): measured in the GK zone instead.
  auto merc = choose_measuring_crs(srs_from_user("EPSG:3857"), {115.9, 28.7});
  EXPECT_EQ(merc.epsg, 4548);
  EXPECT_NE(merc.method.find("Mercator"), std::string::npos);
  EXPECT_THROW(measuring_crs_from_user("EPSG:3857"), std::exception);
  // Transverse Mercator (GK, UTM) is what measuring needs, not a Mercator to avoid.
  EXPECT_EQ(choose_measuring_crs(srs_from_user("EPSG:32650"), {117, 28}).epsg, 32650);
  // A projected metric CRS is used as it is.
  EXPECT_EQ(choose_measuring_crs(srs_from_user("EPSG:4548"), {117, 28}).epsg, 4548);
  // A config may name one, but it must be projected and metric.
  EXPECT_EQ(measuring_crs_from_user("EPSG:4547").epsg, 4547);
  EXPECT_THROW(measuring_crs_from_user("EPSG:4490"), std::exception);
}

TEST(Crs, Gcj02LayersAreCorrectedBeforeProjection) {
  // A GCJ-02 point of 南昌经济技术开发区 (catalogue) projected with and without the correction
  // differs by the GCJ-02 offset, a few hundred metres.
  ensure_gdal_registered();
  OGRSpatialReference src = srs_from_user("gcj02"), dst = srs_from_user("EPSG:4548");
  double x1 = 115.842801, y1 = 28.732867, x2 = x1, y2 = y1;
  make_transformation(src, dst, true)->Transform(1, &x1, &y1);
  make_transformation(src, dst, false)->Transform(1, &x2, &y2);
  double d = std::hypot(x1 - x2, y1 - y2);
  EXPECT_GT(d, 300.0);
  EXPECT_LT(d, 700.0);
  // With the correction the point lands where its WGS 84 geocode (115.837848, 28.736129) lands.
  double xw = 115.837848, yw = 28.736129;
  make_transformation(srs_from_user("EPSG:4326"), dst, false)->Transform(1, &xw, &yw);
  EXPECT_LT(std::hypot(x1 - xw, y1 - yw), 1.0);
}
