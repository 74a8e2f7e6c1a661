// Expansion proposals on a hand-made square park: 1,000 m × 1,000 m at the origin, a 100 m wide
// constraint strip (farmland) running north–south 50 m east of it, another park to the west.
#include <gtest/gtest.h>

#include <cmath>

#include "core/units.hpp"
#include "geos_wkt.hpp"
#include "gis/analysis/expansion.hpp"

using namespace parkatlas;

namespace {

using test::from_wkt;

}  // namespace

TEST(Expansion, SquareParkWithAConstraintStrip) {
  GeosContext geos;
  GEOSContextHandle_t h = geos.handle();
  GeomPtr park = from_wkt(geos, "POLYGON((0 0,1000 0,1000 1000,0 1000,0 0))");
  GeomPtr strip = from_wkt(geos, "POLYGON((1050 -5000,1150 -5000,1150 5000,1050 5000,1050 -5000))");
  // Demand 300 亩 = 200,000 m². From a seed in the middle of a free side, the disc outside the
  // park is a half disc: π r² / 2 = 200,000 → r ≈ 357 m. The east side is 50 m from the strip,
  // so the best alternatives grow north, south or west (or from a corner: a three-quarter disc,
  // r ≈ 291 m).
  ExpansionRequest req{"P", 300, 3000, 1};
  const ExpansionProposal p = propose_expansion(geos, park.get(), {{"farmland", strip.get()}}, req);
  ASSERT_TRUE(p.geom);
  EXPECT_TRUE(p.demand_met);
  EXPECT_NEAR(p.area_mu, 300, 0.05 * 300);  // within 5 % (issue 6 §4)
  EXPECT_NEAR(area(geos, p.geom.get()), mu_to_m2(p.area_mu), 1e-6);
  EXPECT_EQ(GEOSGeomTypeId_r(h, p.geom.get()), GEOS_POLYGON);  // one contiguous polygon
  EXPECT_EQ(GEOSDisjoint_r(h, p.geom.get(), strip.get()), 1);  // never touches the strip
  GeomPtr overlap = make_geom(geos, GEOSIntersection_r(h, p.geom.get(), park.get()));
  EXPECT_NEAR(area(geos, overlap.get()), 0, 1e-6);  // outside the park
  EXPECT_GT(p.reach_m, 280);
  EXPECT_LT(p.reach_m, 370);
  // A half disc shares its diameter, 2r of its π r + 2r outline (0.39); a quarter-cut
  // three-quarter disc 2r of 3π r / 2 + 2r (0.30).
  EXPECT_GT(p.shared_boundary, 0.25);
  EXPECT_LT(p.shared_boundary, 0.45);
  // Half disc: 4π (π r² / 2) / (π r + 2r)² = 2π² / (π + 2)² ≈ 0.75; nothing so thin as a collar.
  EXPECT_GT(p.compactness, 0.6);
  EXPECT_LE(p.compactness, 1);
  // Seen from above: the proposal lies wholly west of the strip.
  double maxx = 0;
  GEOSGeom_getXMax_r(h, p.geom.get(), &maxx);
  EXPECT_LT(maxx, 1050);
}

TEST(Expansion, ConstraintsCutTheCollarAndAreReported) {
  GeosContext geos;
  GEOSContextHandle_t h = geos.handle();
  GeomPtr park = from_wkt(geos, "POLYGON((0 0,1000 0,1000 1000,0 1000,0 0))");
  // Water right against the east edge, another park against the west edge: the collar grows
  // north and south only, and the U-shape it would make is cut into two; the larger is kept.
  GeomPtr water = from_wkt(geos, "POLYGON((1000 -5000,1500 -5000,1500 5000,1000 5000,1000 -5000))");
  GeomPtr other = from_wkt(geos, "POLYGON((-800 -5000,0 -5000,0 5000,-800 5000,-800 -5000))");
  ExpansionRequest req{"P", 600, 3000, 1};  // 400,000 m²
  const ExpansionProposal p =
      propose_expansion(geos, park.get(), {{"water", water.get()}, {"park", other.get()}}, req);
  ASSERT_TRUE(p.geom);
  EXPECT_TRUE(p.demand_met);
  EXPECT_EQ(GEOSGeomTypeId_r(h, p.geom.get()), GEOS_POLYGON);
  EXPECT_EQ(GEOSDisjoint_r(h, p.geom.get(), water.get()), 1);
  EXPECT_EQ(GEOSDisjoint_r(h, p.geom.get(), other.get()), 1);
  // Alternatives: a half disc from the middle of the north or south side (r = √(800,000 / π)
  // ≈ 505 m, just cut by the other park and the water) or a quarter disc from the corner by the
  // other park (π r² / 4 = 400,000 → r ≈ 714 m), the more compact (π² / (π/2 + 2)² ≈ 0.77 against
  // 2π² / (π + 2)² ≈ 0.75). The quarter disc is chosen, and its disc reaches into the other park,
  // which the report names.
  EXPECT_NEAR(p.reach_m, 714, 10);
  EXPECT_GT(p.compactness, 0.7);
  EXPECT_NE(p.excluded.find("park"), std::string::npos) << p.excluded;
}

TEST(Expansion, DemandTooLargeForTheSearchDistance) {
  GeosContext geos;
  GeomPtr park = from_wkt(geos, "POLYGON((0 0,100 0,100 100,0 100,0 0))");
  // Within 100 m of the middle of a side of a 100 m square: a disc of radius 100 less what lies
  // in the park (a 100 × 50 m... rectangle: the half disc inside is cut by the square's sides),
  // π 100² − 100 × 100 / 2... worked out: the disc centred (50, 100) with r = 100 covers the park
  // part y ∈ [0, 100], x ∈ [0, 100] wholly except its two lower corners, i.e. 10,000 − 2 × (corner
  // area outside the circle: 50 × 100 − (the circle's area over x ∈ [0, 50], y ∈ [0, 100])).
  // Rather than that arithmetic, the bound: less than the half disc π 100² / 2 ≈ 23.6 亩 plus the
  // ring around — far short of 1,000 亩, and reached at the full search distance.
  ExpansionRequest req{"P", 1000, 100, 1};
  const ExpansionProposal p = propose_expansion(geos, park.get(), {}, req);
  ASSERT_TRUE(p.geom);
  EXPECT_FALSE(p.demand_met);
  EXPECT_GT(p.area_mu, m2_to_mu(0.5 * 3.14159265 * 100 * 100) * 0.99);  // at least the half disc
  EXPECT_LT(p.area_mu, m2_to_mu(3.14159265 * 100 * 100 - 5000));  // less than disc − park part
  EXPECT_DOUBLE_EQ(p.reach_m, 100);
}

TEST(Expansion, AlternativesAreDistinctAndRanked) {
  GeosContext geos;
  GEOSContextHandle_t h = geos.handle();
  GeomPtr park = from_wkt(geos, "POLYGON((0 0,1000 0,1000 1000,0 1000,0 0))");
  GeomPtr strip = from_wkt(geos, "POLYGON((1050 -5000,1150 -5000,1150 5000,1050 5000,1050 -5000))");
  // As in the first test: half discs from the middle of the north, south and west sides are the
  // most compact places (2π² / (π + 2)² ≈ 0.75); three-quarter discs from the corners come after
  // (3π² / (3π/2 + 2)² ≈ 0.66); the east side is cramped by the strip.
  ExpansionRequest req{"P", 300, 3000, 1};
  const auto alts = propose_expansions(geos, park.get(), {{"farmland", strip.get()}}, req, 3);
  ASSERT_EQ(alts.size(), 3u);
  for (size_t k = 0; k < alts.size(); ++k) {
    EXPECT_EQ(alts[k].rank, static_cast<int>(k) + 1);
    EXPECT_TRUE(alts[k].demand_met);
    EXPECT_NEAR(alts[k].area_mu, 300, 15);
    EXPECT_EQ(GEOSDisjoint_r(h, alts[k].geom.get(), strip.get()), 1);
    EXPECT_GT(alts[k].compactness, 0.7) << k;  // all three are half discs
    if (k > 0) {
      EXPECT_LE(alts[k].compactness, alts[k - 1].compactness);
      for (size_t j = 0; j < k; ++j)  // distinct places: they do not overlap
        EXPECT_NEAR(intersection_area(geos, alts[k].geom.get(), alts[j].geom.get()), 0, 1.0);
    }
  }
  // The first alternative is the single best proposal.
  const ExpansionProposal best =
      propose_expansion(geos, park.get(), {{"farmland", strip.get()}}, req);
  EXPECT_DOUBLE_EQ(best.compactness, alts[0].compactness);
  // Asking for all eight seeds gives at most eight, none a near copy of a better one.
  const auto all = propose_expansions(geos, park.get(), {{"farmland", strip.get()}}, req, 8);
  ASSERT_GE(all.size(), 3u);
  ASSERT_LE(all.size(), 8u);
  for (size_t k = 1; k < all.size(); ++k)
    for (size_t j = 0; j < k; ++j)
      EXPECT_LE(intersection_area(geos, all[k].geom.get(), all[j].geom.get()),
                0.5 * area(geos, all[k].geom.get()));
}
