// Batch minus supplied parcels, with a union per batch (never one giant union).
#include "gis/analysis/unsupplied_land.hpp"

#include <algorithm>

#include "gis/geos/polygon_holes.hpp"
#include "gis/geos/quick_placement.hpp"
#include "gis/geos/strtree.hpp"
#include "gis/parallel.hpp"

namespace parkatlas {

std::string age_bucket(int years) {
  if (years < 0) return "";
  if (years < 1) return "0-1";
  if (years < 2) return "1-2";
  if (years < 3) return "2-3";
  if (years < 5) return "3-5";
  return ">=5";
}

namespace {

// For each part, the other parts it touches or overlaps. Boxes that are apart settle most pairs;
// where boxes meet, a small convex part placed against the other by signs of turns settles
// most of the rest (quick_placement), and GEOS decides what is left (the part prepared once):
// parcels turned against the axes have boxes that meet their neighbours' across the gaps
// between them (on the province data turned by 25°, boxes alone left 7,449 of 1,046,216
// supplied parcels fit to be holes; 971,228 unturned). `convex` holds each part's
// small_convex_polygon.
std::vector<std::vector<size_t>> contacts(
    const GeosContext& geos, const std::vector<const GEOSGeometry*>& parts,
    const std::vector<std::optional<SmallConvexPolygon>>& convex) {
  GEOSContextHandle_t h = geos.handle();
  std::vector<GeomBox> boxes;
  for (const auto* p : parts) boxes.push_back(box_of(geos, p));
  std::vector<std::vector<size_t>> met(parts.size());
  std::vector<PreparedPtr> prepared(parts.size());
  for (size_t i = 0; i < parts.size(); ++i)
    for (size_t j = i + 1; j < parts.size(); ++j) {
      if (!boxes[i].meets(boxes[j])) continue;
      Placement place = Placement::undecided;
      if (convex[j]) place = certain_placement(geos, *convex[j], parts[i]);
      if (place == Placement::undecided && convex[i])
        place = certain_placement(geos, *convex[i], parts[j]);
      if (place == Placement::apart) continue;
      if (place == Placement::undecided) {
        if (!prepared[i]) prepared[i] = prepare(geos, parts[i]);
        // An error (-1) counts as touching: the careful path.
        const char meet = prepared[i] ? GEOSPreparedIntersects_r(h, prepared[i].get(), parts[j])
                                      : GEOSIntersects_r(h, parts[i], parts[j]);
        if (meet == 0) continue;
      }
      met[i].push_back(j);
      met[j].push_back(i);
    }
  return met;
}

// The contacts among the chosen parts only, numbered in the order chosen.
std::vector<std::vector<size_t>> contacts_among(const std::vector<std::vector<size_t>>& met,
                                                const std::vector<size_t>& chosen) {
  std::vector<long> at(met.size(), -1);
  for (size_t k = 0; k < chosen.size(); ++k) at[chosen[k]] = static_cast<long>(k);
  std::vector<std::vector<size_t>> among(chosen.size());
  for (size_t k = 0; k < chosen.size(); ++k)
    for (size_t j : met[chosen[k]])
      if (at[j] >= 0) among[k].push_back(static_cast<size_t>(at[j]));
  return among;
}

// Parts that touch, directly or through other parts, as groups of indices (union-find). Parts of
// two groups neither touch nor overlap.
std::vector<std::vector<size_t>> touching_groups(const std::vector<std::vector<size_t>>& met) {
  std::vector<size_t> parent(met.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto root = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (size_t i = 0; i < met.size(); ++i)
    for (size_t j : met[i]) parent[root(i)] = root(j);
  std::vector<std::vector<size_t>> groups;
  std::vector<long> group_of_root(met.size(), -1);
  for (size_t i = 0; i < met.size(); ++i) {
    long& g = group_of_root[root(i)];
    if (g < 0) {
      g = static_cast<long>(groups.size());
      groups.emplace_back();
    }
    groups[static_cast<size_t>(g)].push_back(i);
  }
  return groups;
}

// Copies of the polygons of `g` (a polygon, or any collection holding polygons).
void append_polygons(GEOSContextHandle_t h, const GEOSGeometry* g,
                     std::vector<GEOSGeometry*>& out) {
  const int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_POLYGON) {
    if (GEOSisEmpty_r(h, g) != 1) out.push_back(GEOSGeom_clone_r(h, g));
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    for (int k = 0; k < GEOSGetNumGeometries_r(h, g); ++k)
      append_polygons(h, GEOSGetGeometryN_r(h, g, k), out);
  }
}

// Groups this large try the coverage union first (parcels of a register do not overlap, and on
// large groups it is much faster than a cascaded union); smaller ones go straight to the unary
// union, which for two or three parcels is one overlay. On the province benchmark every coverage
// union of a touching group came out invalid (its parcels overlap by rounding), so trying it on
// small groups only tripled their cost.
constexpr size_t kCoverageUnionFrom = 8;

GeomPtr united(const GeosContext& geos, const std::vector<const GEOSGeometry*>& parts) {
  GEOSContextHandle_t h = geos.handle();
  GeomPtr collection = collection_of(geos, parts);
  if (parts.size() >= kCoverageUnionFrom) {
    // GEOS 3.11 refuses or spoils some inputs: keep the result only when it is valid.
    GeomPtr u = make_geom(geos, GEOSCoverageUnion_r(h, collection.get()));
    if (u && GEOSisValid_r(h, u.get()) == 1) return u;
    geos.take_error();
  }
  return make_geom(geos, GEOSUnaryUnion_r(h, collection.get()));
}

// Union of the given parcels, one group of touching parcels at a time. A parcel that touches no
// other (most of them: 97 % of the province benchmark's batches have only such parcels) is taken
// as it is; the groups' unions are apart from each other, so together they form a valid
// multipolygon without a union over the whole batch.
GeomPtr union_of(const GeosContext& geos, const std::vector<const GEOSGeometry*>& parts,
                 const std::vector<std::vector<size_t>>& met) {
  GEOSContextHandle_t h = geos.handle();
  const bool areal = std::all_of(parts.begin(), parts.end(), [h](const GEOSGeometry* p) {
    const int type = GEOSGeomTypeId_r(h, p);
    return type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON;
  });
  if (!areal) return united(geos, parts);
  std::vector<GEOSGeometry*> polygons;
  auto give_back = [&] {
    for (GEOSGeometry* p : polygons) GEOSGeom_destroy_r(h, p);
  };
  std::vector<const GEOSGeometry*> members;
  for (const auto& group : touching_groups(met)) {
    if (group.size() == 1) {
      append_polygons(h, parts[group[0]], polygons);
      continue;
    }
    members.clear();
    for (size_t i : group) members.push_back(parts[i]);
    GeomPtr u = united(geos, members);
    if (!u) {
      give_back();
      return nullptr;
    }
    append_polygons(h, u.get(), polygons);
  }
  GEOSGeometry* multi = GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polygons.data(),
                                                    static_cast<unsigned>(polygons.size()));
  if (!multi) give_back();
  return make_geom(geos, multi);
}

// The one polygon of a parcel made of one polygon without holes, else null: only such parcels
// are punched into a batch as holes.
const GEOSGeometry* simple_polygon(GEOSContextHandle_t h, const GEOSGeometry* g) {
  if (GEOSGeomTypeId_r(h, g) == GEOS_MULTIPOLYGON) {
    if (GEOSGetNumGeometries_r(h, g) != 1) return nullptr;
    g = GEOSGetGeometryN_r(h, g, 0);
  }
  if (GEOSGeomTypeId_r(h, g) != GEOS_POLYGON || GEOSisEmpty_r(h, g) == 1 ||
      GEOSGetNumInteriorRings_r(h, g) != 0)
    return nullptr;
  return g;
}

// Splits the supplied parcels meeting a batch into those that are holes of it and the rest. A
// parcel is a hole when it lies in the batch's interior (not even touching its boundary) and
// touches no other parcel: the batch minus it is then the batch with its ring as one more hole,
// which needs no overlay. On the province benchmark most supplied parcels are such holes,
// and the overlay of the difference was most of the 批而未供 stage.
// `met` are the parcels' contacts; `overlaid` gets indices into `parcels`.
void split_holes(const GeosContext& geos, const GEOSPreparedGeometry* batch,
                 const std::vector<const GEOSGeometry*>& parcels,
                 const std::vector<Placement>& placed, const std::vector<std::vector<size_t>>& met,
                 std::vector<const GEOSGeometry*>& holes, std::vector<size_t>& overlaid) {
  GEOSContextHandle_t h = geos.handle();
  holes.clear();
  overlaid.clear();
  for (size_t i = 0; i < parcels.size(); ++i) {
    const GEOSGeometry* polygon = met[i].empty() ? simple_polygon(h, parcels[i]) : nullptr;
    // Placed inside the batch: in its interior, so contained properly.
    if (polygon &&
        (placed[i] == Placement::inside || GEOSPreparedContainsProperly_r(h, batch, polygon) == 1))
      holes.push_back(polygon);
    else
      overlaid.push_back(i);
  }
}

// `batch` minus the union of `parcels` (whose contacts are `met`) by overlay; null when GEOS
// fails.
GeomPtr difference(const GeosContext& geos, const GEOSGeometry* batch,
                   const std::vector<const GEOSGeometry*>& parcels,
                   const std::vector<std::vector<size_t>>& met) {
  GeomPtr supplied_union = union_of(geos, parcels, met);
  if (!supplied_union) return nullptr;
  return make_geom(geos, GEOSDifference_r(geos.handle(), batch, supplied_union.get()));
}

bool is_sliver(const GeosContext& geos, const GEOSGeometry* piece, const SliverSettings& s,
               double area_m2) {
  if (area_m2 < s.min_area_m2) return true;
  // Every point of a polygon lies within its inradius r of the boundary, so area ≤ r × perimeter:
  // area / perimeter > width / 2 proves a disc wider than the width fits, and spares the buffer.
  double perimeter = 0;
  if (GEOSLength_r(geos.handle(), piece, &perimeter) == 1 && perimeter > 0 &&
      area_m2 / perimeter > s.min_width_m / 2)
    return false;
  // Thinner than the width everywhere: nothing survives an inward buffer of half of it.
  GeomPtr inner = make_geom(geos, GEOSBuffer_r(geos.handle(), piece, -s.min_width_m / 2, 4));
  return !inner || GEOSisEmpty_r(geos.handle(), inner.get()) == 1;
}

}  // namespace

std::vector<BatchUnsupplied> unsupplied_by_batch(
    const LayerData& batches, const std::vector<GeomPtr>& parcels,
    const std::vector<std::optional<CivilDate>>& supplied, const CivilDate& as_of,
    const SliverSettings& slivers, const GeosContext& geos, ProblemList& problems,
    const std::string& batches_source, Progress* progress) {
  StrTree tree(geos);
  for (size_t i = 0; i < parcels.size(); ++i)
    if (supplied[i] && *supplied[i] <= as_of) tree.insert(parcels[i].get(), i);
  tree.build();  // read-only from here on: the threads below share it
  const Column& id = batches.field("batch_id");
  const Column& approved = batches.field("approved");
  std::vector<BatchUnsupplied> out(batches.size());

  // Batches are independent: they run in chunks on all cores (in_chunks).
  auto chunk = [&](size_t begin, size_t end, const GeosContext& g, ProblemList& found) {
    GEOSContextHandle_t h = g.handle();
    std::vector<size_t> candidates;
    std::vector<const GEOSGeometry*> touching, holes, overlaid;
    std::vector<std::optional<SmallConvexPolygon>> touching_convex;
    std::vector<Placement> touching_placed;
    PolygonalShells batch_shells;
    std::vector<size_t> overlaid_at;
    for (size_t b = begin; b < end; ++b) {
      BatchUnsupplied& r = out[b];
      const GEOSGeometry* batch = batches.geoms[b].get();
      r.batch_id = id.text(b).value_or("B" + std::to_string(batches.fids[b]));
      r.approved = approved.date(b);
      if (r.approved) r.age_years = whole_years_between(*r.approved, as_of);
      r.approved_m2 = batches.areas[b];  // measured by the reader
      tree.query(g, batch, candidates);
      // Prepared once, each test against the batch is an indexed lookup.
      PreparedPtr prepared = candidates.empty() ? PreparedPtr(nullptr, {}) : prepare(g, batch);
      touching.clear();
      touching_convex.clear();
      touching_placed.clear();
      if (!candidates.empty()) read_shells(g, batch, batch_shells);  // once for all candidates
      for (size_t c : candidates) {
        const GEOSGeometry* parcel = parcels[c].get();
        std::optional<SmallConvexPolygon> convex = small_convex_polygon(g, parcel);
        const Placement place =
            convex ? certain_placement(*convex, batch_shells) : Placement::undecided;
        if (place == Placement::apart || (place == Placement::undecided &&
                                          GEOSPreparedIntersects_r(h, prepared.get(), parcel) != 1))
          continue;
        touching.push_back(parcel);
        touching_convex.push_back(convex);
        touching_placed.push_back(place);
      }
      GeomPtr rest;
      if (!touching.empty()) {
        // Whether the parcels touch one another is asked once, for the holes and the unions.
        const std::vector<std::vector<size_t>> met = contacts(g, touching, touching_convex);
        split_holes(g, prepared.get(), touching, touching_placed, met, holes, overlaid_at);
        if (!holes.empty()) {
          overlaid.clear();
          for (size_t i : overlaid_at) overlaid.push_back(touching[i]);
          GeomPtr outer = overlaid.empty()
                              ? nullptr
                              : difference(g, batch, overlaid, contacts_among(met, overlaid_at));
          if (overlaid.empty() || outer)
            rest = with_holes_added(g, outer ? outer.get() : batch, holes);
        }
        if (!rest) rest = difference(g, batch, touching, met);
      } else {
        rest = make_geom(g, GEOSGeom_clone_r(h, batch));
      }
      if (!rest) {
        found.push_back({"approval_batches", batches_source, batches.fids[b], r.batch_id, "",
                         "GEOS could not subtract the supplied parcels: " + g.take_error(),
                         "skipped"});
        continue;
      }
      // Keep the real pieces; drop and count the slivers.
      std::vector<GEOSGeometry*> kept;
      const int n = GEOSGetNumGeometries_r(h, rest.get());
      for (int k = 0; k < n; ++k) {
        const GEOSGeometry* piece = GEOSGetGeometryN_r(h, rest.get(), k);
        const int type = GEOSGeomTypeId_r(h, piece);
        if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON)
          continue;  // lines/points of touching edges
        const double a = area(g, piece);
        if (a <= 0) continue;
        if (is_sliver(g, piece, slivers, a)) {
          ++r.slivers;
          r.sliver_m2 += a;
          continue;
        }
        r.unsupplied_m2 += a;
        kept.push_back(GEOSGeom_clone_r(h, piece));
      }
      if (!kept.empty())
        r.unsupplied =
            make_geom(g, GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, kept.data(),
                                                     static_cast<unsigned>(kept.size())));
      if (r.slivers > 0)
        found.push_back({"approval_batches", batches_source, batches.fids[b], r.batch_id, "",
                         std::to_string(r.slivers) + " sliver(s) of " +
                             std::to_string(r.sliver_m2) +
                             " m² left by nearly coinciding boundaries",
                         "dropped from 批而未供"});
    }
  };
  if (progress)
    progress->begin("subtracting supplied parcels from approval batches",
                    static_cast<long long>(batches.size()));
  in_balanced_chunks(batches.size(), 2000, problems, chunk, [progress](size_t done) {
    if (progress) progress->advance(static_cast<long long>(done));
  });
  if (progress) progress->end();
  return out;
}

}  // namespace parkatlas
