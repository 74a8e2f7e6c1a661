// Buildings split over parcels that are not axis-aligned rectangles (gis/analysis/
// floor_from_buildings): GEOS's prepared predicates and the per-thread cache of prepared parcels,
// including two parcels that share a cache slot.
#include <gtest/gtest.h>

#include <algorithm>

#include "geos_wkt.hpp"
#include "gis/analysis/floor_from_buildings.hpp"

using namespace parkatlas;

namespace {

using test::from_wkt;

// A diamond (a square turned by 45°) of half-diagonal 10 around (cx, 0): area 200 m².
std::string diamond(double cx) {
  auto p = [](double x, double y) { return std::to_string(x) + " " + std::to_string(y); };
  return "POLYGON((" + p(cx + 10, 0) + "," + p(cx, 10) + "," + p(cx - 10, 0) + "," + p(cx, -10) +
         "," + p(cx + 10, 0) + "))";
}

}  // namespace

TEST(ParcelIndex, SharesOfTurnedParcelsWithCacheSlotsReused) {
  GeosContext geos;
  // Parcel 0: diamond around (0, 0); parcel 16: diamond around (20, 0), touching parcel 0 at
  // (10, 0); parcels 1..15 far away. 0 and 16 fall in the same slot of the 16-slot cache.
  std::vector<GeomPtr> parcels;
  for (int i = 0; i <= 16; ++i)
    parcels.push_back(from_wkt(geos, diamond(i == 0 ? 0 : i == 16 ? 20 : 1000.0 * i)));
  ParcelIndex index(geos, parcels);
  ParcelIndex::PreparedCache cache;
  std::vector<ParcelIndex::Share> out;

  // Inside parcel 0: the 2 x 2 square around its centre (4 m²), wholly its own.
  GeomPtr inside = from_wkt(geos, "POLYGON((-1 -1,1 -1,1 1,-1 1,-1 -1))");
  // Straddling: 8..12 x -1..1 (8 m²). In parcel 0, |y| <= 10 - x: x in 8..9 gives 2 x 1 = 2,
  // x in 9..10 gives the triangle ∫ 2(10 - x) dx = 1, so 3 m²; parcel 16 likewise 3 m²; the
  // 2 m² in the notches above and below (10, 0) lie in neither.
  GeomPtr straddling = from_wkt(geos, "POLYGON((8 -1,12 -1,12 1,8 1,8 -1))");
  // Inside parcel 16, right after parcel 0 took the shared slot: a cache that kept parcel 0's
  // preparation there would find no parcel at all.
  GeomPtr inside16 = from_wkt(geos, "POLYGON((19 -1,21 -1,21 1,19 1,19 -1))");
  // Inside the box of parcel 0 but outside the diamond: 8..9 x 8..9.
  GeomPtr corner = from_wkt(geos, "POLYGON((8 8,9 8,9 9,8 9,8 8))");

  for (int round = 0; round < 2; ++round) {  // the second round finds the parcels prepared
    index.shares(geos, inside.get(), 4, out, cache);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].parcel, 0u);
    EXPECT_EQ(out[0].footprint_m2, 4);

    index.shares(geos, inside16.get(), 4, out, cache);
    ASSERT_EQ(out.size(), 1u) << "round " << round;
    EXPECT_EQ(out[0].parcel, 16u);
    EXPECT_EQ(out[0].footprint_m2, 4);

    index.shares(geos, straddling.get(), 8, out, cache);
    ASSERT_EQ(out.size(), 2u) << "round " << round;
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.parcel < b.parcel; });
    EXPECT_EQ(out[0].parcel, 0u);
    EXPECT_NEAR(out[0].footprint_m2, 3, 1e-9);
    EXPECT_EQ(out[1].parcel, 16u);
    EXPECT_NEAR(out[1].footprint_m2, 3, 1e-9);

    index.shares(geos, corner.get(), 1, out, cache);
    EXPECT_TRUE(out.empty());
  }
}
