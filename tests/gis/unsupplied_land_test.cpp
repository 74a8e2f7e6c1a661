// 批而未供 on hand-built geometries (EPSG:4547, metres; offsets from 500000, 3300000). Expected
// areas are worked out in the comments.
#include <gtest/gtest.h>

#include <fstream>

#include "gis/analysis/unsupplied_land.hpp"
#include "gis/gdal/gdal_setup.hpp"
#include "test_paths.hpp"

using namespace parkatlas;

namespace {

// A GeoJSON position at (x, y) metres from (500000, 3300000), inside EPSG:4547.
std::string pt(double x, double y) {
  return "[" + std::to_string(500000 + x) + "," + std::to_string(3300000 + y) + "]";
}

std::string rect(double x0, double y0, double x1, double y1) {
  return R"({"type":"Polygon","coordinates":[[)" + pt(x0, y0) + "," + pt(x1, y0) + "," +
         pt(x1, y1) + "," + pt(x0, y1) + "," + pt(x0, y0) + "]]}";
}

std::string collection(const std::vector<std::pair<std::string, std::string>>& features) {
  std::string s =
      R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4547"}},"features":[)";
  for (size_t i = 0; i < features.size(); ++i)
    s += (i ? "," : "") + std::string(R"({"type":"Feature","properties":)") + features[i].first +
         R"(,"geometry":)" + features[i].second + "}";
  return s + "]}";
}

LayerData read(const std::filesystem::path& file, LayerKind kind, ProblemList& problems,
               const GeosContext& geos) {
  LayerConfig cfg;
  cfg.kind = kind;
  cfg.source = file.string();
  LayerReader reader(cfg, problems);
  return reader.read_all(measuring_crs_from_user("EPSG:4547"), geos);
}

// 批而未供 at 2025-12-31 of DIR/batches.geojson against DIR/parcels.geojson.
std::vector<BatchUnsupplied> unsupplied_in(const std::filesystem::path& dir,
                                           const GeosContext& geos, ProblemList& problems) {
  LayerData batches = read(dir / "batches.geojson", LayerKind::approval_batches, problems, geos);
  LayerData parcels = read(dir / "parcels.geojson", LayerKind::parcels, problems, geos);
  std::vector<std::optional<CivilDate>> supplied;
  for (size_t i = 0; i < parcels.size(); ++i) supplied.push_back(parcels.field("supplied").date(i));
  return unsupplied_by_batch(batches, parcels.geoms, supplied, CivilDate{2025, 12, 31},
                             SliverSettings{}, geos, problems, "batches.geojson");
}

// The oracle: GEOS's difference of a batch and the union of the given parcels.
GeomPtr geos_difference(const GeosContext& geos, const GEOSGeometry* batch,
                        const std::vector<const GEOSGeometry*>& parcels) {
  GEOSContextHandle_t h = geos.handle();
  GeomPtr u = make_geom(geos, GEOSUnaryUnion_r(h, collection_of(geos, parcels).get()));
  return make_geom(geos, GEOSDifference_r(h, batch, u.get()));
}

}  // namespace

TEST(UnsuppliedLand, BatchMinusSuppliedParcelsWithoutSlivers) {
  ensure_gdal_registered();
  auto dir = test::temp_dir("unsupplied");
  std::ofstream(dir / "batches.geojson") << collection({
      {R"({"batch_id":"B1","approved":"2015-06-01"})", rect(0, 0, 300, 100)},
      {R"({"batch_id":"B2","approved":"2024-03-01"})", rect(0, 200, 100, 300)},
      {R"({"batch_id":"B3","approved":"2022-12-31"})", rect(0, 400, 100, 500)},
  });
  std::ofstream(dir / "parcels.geojson") << collection({
      {R"({"parcel_id":"P1","supplied":"2020-01-01"})", rect(0, 0, 100, 100)},  // inside B1
      {R"({"parcel_id":"P2","supplied":"2030-01-01"})",
       rect(100, 0, 200, 100)},  // supplied after t
      {R"({"parcel_id":"P3","supplied":"2021-01-01"})",
       rect(250, 50, 350, 150)},  // half outside B1
      {R"({"parcel_id":"P4","supplied":"2024-06-01"})",
       rect(0, 200, 99.9995, 300)},                                                // 0.5 mm short
      {R"({"parcel_id":"P5","supplied":"2023-06-01"})", rect(0, 400, 99.7, 500)},  // 0.3 m short
  });
  GeosContext geos;
  ProblemList problems;
  auto result = unsupplied_in(dir, geos, problems);
  ASSERT_EQ(result.size(), 3u);
  // B1: 300 x 100 = 30,000 - P1 10,000 - P3's 50 x 50 = 2,500 inside = 17,500 m2 (P2 is not yet
  // supplied).
  EXPECT_NEAR(result[0].approved_m2, 30000.0, 1e-6);
  EXPECT_NEAR(result[0].unsupplied_m2, 17500.0, 1e-6);
  EXPECT_EQ(result[0].slivers, 0);
  EXPECT_EQ(result[0].age_years, 10);
  EXPECT_EQ(age_bucket(result[0].age_years), ">=5");
  // B2: a 0.0005 m x 100 m strip = 0.05 m2 < 1 m2: dropped, counted, nothing unsupplied.
  EXPECT_EQ(result[1].unsupplied_m2, 0.0);
  EXPECT_EQ(result[1].slivers, 1);
  EXPECT_NEAR(result[1].sliver_m2, 0.05, 1e-4);
  EXPECT_FALSE(result[1].unsupplied);
  EXPECT_EQ(age_bucket(result[1].age_years), "1-2");
  // B3: 0.3 m x 100 m = 30 m2, above the area limit but thinner than 0.5 m: dropped too.
  EXPECT_EQ(result[2].unsupplied_m2, 0.0);
  EXPECT_EQ(result[2].slivers, 1);
  EXPECT_NEAR(result[2].sliver_m2, 30.0, 1e-6);
  EXPECT_EQ(age_bucket(result[2].age_years), "3-5");  // 2022-12-31 .. 2025-12-31 = 3 years
  int sliver_problems = 0;
  for (const auto& p : problems) sliver_problems += p.action == "dropped from 批而未供";
  EXPECT_EQ(sliver_problems, 2);
}

// The ways the supplied parcels of a batch are united: parcels apart (their multipolygon), a
// pair sharing an edge or overlapping (unary union of the pair), a mix (the touching pair united,
// the parcel apart taken as it is), a row of ten touching parcels (coverage union, large group).
// Each batch is 300 m x 100 m = 30,000 m².
TEST(UnsuppliedLand, ParcelsApartAdjacentOrOverlappingGiveTheSameArithmetic) {
  ensure_gdal_registered();
  auto dir = test::temp_dir("union-paths");
  std::ofstream(dir / "batches.geojson") << collection({
      {R"({"batch_id":"APART","approved":"2020-01-01"})", rect(0, 0, 300, 100)},
      {R"({"batch_id":"ADJACENT","approved":"2020-01-01"})", rect(0, 200, 300, 300)},
      {R"({"batch_id":"OVERLAP","approved":"2020-01-01"})", rect(0, 400, 300, 500)},
      {R"({"batch_id":"MIXED","approved":"2020-01-01"})", rect(0, 600, 300, 700)},
      {R"({"batch_id":"ROW","approved":"2020-01-01"})", rect(0, 800, 300, 900)},
  });
  std::vector<std::pair<std::string, std::string>> parcels = {
      // Two 50 x 50 parcels 50 m apart: 30,000 - 2 x 2,500 = 25,000 m² left.
      {R"({"parcel_id":"A1","supplied":"2021-01-01"})", rect(0, 0, 50, 50)},
      {R"({"parcel_id":"A2","supplied":"2021-01-01"})", rect(100, 0, 150, 50)},
      // Two 100 x 100 parcels sharing the edge x = 100: 30,000 - 20,000 = 10,000 m² left.
      {R"({"parcel_id":"J1","supplied":"2021-01-01"})", rect(0, 200, 100, 300)},
      {R"({"parcel_id":"J2","supplied":"2021-01-01"})", rect(100, 200, 200, 300)},
      // 0-150 and 100-200 overlap by 50 m: together they cover 0-200, 10,000 m² left.
      {R"({"parcel_id":"O1","supplied":"2021-01-01"})", rect(0, 400, 150, 500)},
      {R"({"parcel_id":"O2","supplied":"2021-01-01"})", rect(100, 400, 200, 500)},
      // Two 100 x 100 sharing x = 100 and a 50 x 50 apart (box 250-300 vs 100-200):
      // 30,000 - 20,000 - 2,500 = 7,500 m² left.
      {R"({"parcel_id":"M1","supplied":"2021-01-01"})", rect(0, 600, 100, 700)},
      {R"({"parcel_id":"M2","supplied":"2021-01-01"})", rect(100, 600, 200, 700)},
      {R"({"parcel_id":"M3","supplied":"2021-01-01"})", rect(250, 600, 300, 650)},
  };
  // Ten 20 x 100 strips side by side over x = 0..200: 30,000 - 20,000 = 10,000 m² left.
  for (int k = 0; k < 10; ++k)
    parcels.push_back({R"({"parcel_id":"R)" + std::to_string(k) + R"(","supplied":"2021-01-01"})",
                       rect(20.0 * k, 800, 20.0 * (k + 1), 900)});
  std::ofstream(dir / "parcels.geojson") << collection(parcels);
  GeosContext geos;
  ProblemList problems;
  auto result = unsupplied_in(dir, geos, problems);
  ASSERT_EQ(result.size(), 5u);
  EXPECT_NEAR(result[0].unsupplied_m2, 25000.0, 1e-6);
  EXPECT_NEAR(result[1].unsupplied_m2, 10000.0, 1e-6);
  EXPECT_NEAR(result[2].unsupplied_m2, 10000.0, 1e-6);
  EXPECT_NEAR(result[3].unsupplied_m2, 7500.0, 1e-6);
  EXPECT_NEAR(result[4].unsupplied_m2, 10000.0, 1e-6);
  for (const auto& r : result) {
    ASSERT_TRUE(r.unsupplied) << r.batch_id;
    double a = 0;
    GEOSArea_r(geos.handle(), r.unsupplied.get(), &a);
    EXPECT_NEAR(a, r.unsupplied_m2, 1e-6) << r.batch_id;  // the geometry carries the area
    EXPECT_EQ(GEOSisValid_r(geos.handle(), r.unsupplied.get()), 1) << r.batch_id;
  }
}

// Parcels well inside a batch and apart from the others are punched in as holes without an
// overlay; the result must be what the overlay gives (checked against GEOS's own difference of
// the batch and the union of its supplied parcels) and each hole must land in the right part.
TEST(UnsuppliedLand, ParcelsWellInsideBecomeHolesOfThePartTheyLieIn) {
  ensure_gdal_registered();
  auto dir = test::temp_dir("holes");
  // A parcel 50..250 x -10..250 (crossing the batch's lower edge) with a hole 100..200 x 50..200.
  const std::string frame = R"({"type":"Polygon","coordinates":[[)" + pt(50, 1390) + "," +
                            pt(250, 1390) + "," + pt(250, 1650) + "," + pt(50, 1650) + "," +
                            pt(50, 1390) + "],[" + pt(100, 1450) + "," + pt(100, 1600) + "," +
                            pt(200, 1600) + "," + pt(200, 1450) + "," + pt(100, 1450) + "]]}";
  std::ofstream(dir / "batches.geojson") << collection({
      {R"({"batch_id":"HOLES","approved":"2020-01-01"})", rect(0, 1000, 300, 1100)},
      {R"({"batch_id":"SPLIT","approved":"2020-01-01"})", rect(0, 1200, 300, 1300)},
      {R"({"batch_id":"NESTED","approved":"2020-01-01"})", rect(0, 1400, 300, 1700)},
  });
  std::ofstream(dir / "parcels.geojson") << collection({
      // HOLES: 50 x 50 and 40 x 60 inside: 30,000 - 2,500 - 2,400 = 25,100 m².
      {R"({"parcel_id":"H1","supplied":"2021-01-01"})", rect(10, 1010, 60, 1060)},
      {R"({"parcel_id":"H2","supplied":"2021-01-01"})", rect(100, 1020, 140, 1080)},
      // SPLIT: a 20 m wide parcel across the batch (2,000 m² of it inside) leaves two parts;
      // a 40 x 40 hole in the left one, a 50 x 60 hole in the right one:
      // 30,000 - 2,000 - 1,600 - 3,000 = 23,400 m².
      {R"({"parcel_id":"X","supplied":"2021-01-01"})", rect(140, 1190, 160, 1310)},
      {R"({"parcel_id":"L","supplied":"2021-01-01"})", rect(20, 1220, 60, 1260)},
      {R"({"parcel_id":"R","supplied":"2021-01-01"})", rect(200, 1220, 250, 1280)},
      // NESTED: the frame covers 200 x 250 - 100 x 150 = 35,000 m² of the 90,000 m² batch and
      // leaves a U around it and an island in its hole, whose box lies inside the U's box. A
      // 40 x 40 parcel in the island and a 30 x 40 one in the U:
      // 90,000 - 35,000 - 1,600 - 1,200 = 52,200 m².
      {R"({"parcel_id":"F","supplied":"2021-01-01"})", frame},
      {R"({"parcel_id":"I","supplied":"2021-01-01"})", rect(130, 1480, 170, 1520)},
      {R"({"parcel_id":"U","supplied":"2021-01-01"})", rect(10, 1420, 40, 1460)},
  });
  GeosContext geos;
  GEOSContextHandle_t h = geos.handle();
  ProblemList problems;
  auto result = unsupplied_in(dir, geos, problems);
  ASSERT_EQ(result.size(), 3u);
  EXPECT_NEAR(result[0].unsupplied_m2, 25100.0, 1e-6);
  EXPECT_NEAR(result[1].unsupplied_m2, 23400.0, 1e-6);
  EXPECT_NEAR(result[2].unsupplied_m2, 52200.0, 1e-6);
  // The oracle: GEOS's difference of each batch and the union of the parcels meeting it.
  LayerData batches = read(dir / "batches.geojson", LayerKind::approval_batches, problems, geos);
  LayerData parcels = read(dir / "parcels.geojson", LayerKind::parcels, problems, geos);
  const std::vector<std::vector<size_t>> members = {{0, 1}, {2, 3, 4}, {5, 6, 7}};
  const std::vector<int> parts = {1, 2, 2};
  for (size_t b = 0; b < 3; ++b) {
    std::vector<const GEOSGeometry*> supplied;
    for (size_t i : members[b]) supplied.push_back(parcels.geoms[i].get());
    GeomPtr expected = geos_difference(geos, batches.geoms[b].get(), supplied);
    ASSERT_TRUE(result[b].unsupplied) << result[b].batch_id;
    EXPECT_EQ(GEOSisValid_r(h, result[b].unsupplied.get()), 1) << result[b].batch_id;
    EXPECT_EQ(GEOSEquals_r(h, result[b].unsupplied.get(), expected.get()), 1) << result[b].batch_id;
    EXPECT_EQ(GEOSGetNumGeometries_r(h, result[b].unsupplied.get()), parts[b])
        << result[b].batch_id;
  }
}

TEST(UnsuppliedLand, TurnedParcelsWhoseBoxesMeetAreHolesOnlyWhenApart) {
  // Turned parcels have boxes that meet their neighbours' across the gap between them: whether
  // two parcels really touch is GEOS's to say. Two touching holes would share an edge and make
  // the batch invalid.
  ensure_gdal_registered();
  auto dir = test::temp_dir("turned");
  // A diamond (square turned by 45°) of half-diagonal 20 around (cx, cy): 2 x 20² = 800 m².
  auto diamond = [](double cx, double cy) {
    return R"({"type":"Polygon","coordinates":[[)" + pt(cx + 20, cy) + "," + pt(cx, cy + 20) + "," +
           pt(cx - 20, cy) + "," + pt(cx, cy - 20) + "," + pt(cx + 20, cy) + "]]}";
  };
  std::ofstream(dir / "batches.geojson") << collection({
      {R"({"batch_id":"TURNED","approved":"2020-01-01"})", rect(0, 2000, 300, 2100)},
  });
  std::ofstream(dir / "parcels.geojson") << collection({
      // A and B: boxes overlap (60..70 x 2050..2070) but the L1 distance of their centres is
      // 30 + 20 = 50 > 2 x 20: apart. C and D: centres 20 + 20 = 40 apart, so they share the
      // edge (200, 2070)-(220, 2050). 30,000 - 4 x 800 = 26,800 m², in three holes.
      {R"({"parcel_id":"A","supplied":"2021-01-01"})", diamond(50, 2050)},
      {R"({"parcel_id":"B","supplied":"2021-01-01"})", diamond(80, 2070)},
      {R"({"parcel_id":"C","supplied":"2021-01-01"})", diamond(200, 2050)},
      {R"({"parcel_id":"D","supplied":"2021-01-01"})", diamond(220, 2070)},
  });
  GeosContext geos;
  GEOSContextHandle_t h = geos.handle();
  ProblemList problems;
  auto result = unsupplied_in(dir, geos, problems);
  ASSERT_EQ(result.size(), 1u);
  EXPECT_NEAR(result[0].unsupplied_m2, 26800.0, 1e-6);
  ASSERT_TRUE(result[0].unsupplied);
  const GEOSGeometry* got = result[0].unsupplied.get();
  EXPECT_EQ(GEOSisValid_r(h, got), 1);
  ASSERT_EQ(GEOSGetNumGeometries_r(h, got), 1);
  EXPECT_EQ(GEOSGetNumInteriorRings_r(h, GEOSGetGeometryN_r(h, got, 0)), 3);
  // The oracle: GEOS's difference of the batch and the union of the four parcels.
  LayerData batches = read(dir / "batches.geojson", LayerKind::approval_batches, problems, geos);
  LayerData parcels = read(dir / "parcels.geojson", LayerKind::parcels, problems, geos);
  std::vector<const GEOSGeometry*> all;
  for (const auto& g : parcels.geoms) all.push_back(g.get());
  GeomPtr expected = geos_difference(geos, batches.geoms[0].get(), all);
  EXPECT_EQ(GEOSEquals_r(h, got, expected.get()), 1);
}
