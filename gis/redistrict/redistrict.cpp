// Largest-overlap assignment or cutting, pro-rating and per-district roll-ups.
#include "gis/redistrict/redistrict.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "core/units.hpp"
#include "gis/analysis/park_assignment.hpp"
#include "gis/config/project_config.hpp"
#include "gis/crs/measuring_crs.hpp"
#include "gis/gdal/gdal_setup.hpp"
#include "gis/geos/strtree.hpp"
#include "gis/gis_error.hpp"
#include "gis/io/csv_writer.hpp"
#include "gis/io/layer_reader.hpp"
#include "gis/io/results_writer.hpp"
#include "gis/io/vector_output.hpp"
#include "gis/project/project_file.hpp"

namespace parkatlas {

namespace fs = std::filesystem;

namespace {

const char* const kOutside = "(outside every district)";

// Amounts that belong to the land and are shared out by area when a parcel is cut. Ratios (FAR,
// 万元/亩 …) stay as they are: they describe the whole holding.
const std::set<std::string> kProRated = {"in_land_m2", "in_floor_m2", "floor_m2",    "footprint_m2",
                                         "cover_m2",   "invest_wan",  "invest_done", "revenue_wan",
                                         "tax_wan",    "land_price",  "dev_m2",      "idle_fee"};

std::optional<Verdict> parse_verdict(const std::string& s) {
  for (int v = 0; v < kVerdictCount; ++v)
    if (to_string(static_cast<Verdict>(v)) == s) return static_cast<Verdict>(v);
  return std::nullopt;
}

IdleClass parse_idle(const std::string& s) {
  for (int c = 0; c < ParkRollup::kIdleClasses; ++c)
    if (to_string(static_cast<IdleClass>(c)) == s) return static_cast<IdleClass>(c);
  return IdleClass::none;
}

struct Piece {
  GeomPtr geom;
  int district = -1;  // -1 = outside every district
  double m2 = 0;
};

}  // namespace

RedistrictResult redistrict(const RedistrictOptions& o) {
  ensure_gdal_registered();
  RedistrictResult result;
  const std::string layer_name = project_layer_name(o.source, "parcels", o.run);
  GDALDatasetUniquePtr src(GDALDataset::Open(o.source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!src) throw GisError("cannot open: " + std::string(CPLGetLastErrorMsg()), {o.source});
  OGRLayer* parcels = src->GetLayerByName(layer_name.c_str());
  if (!parcels) throw GisError("no layer '" + layer_name + "'", {o.source});
  const OGRSpatialReference* srs = parcels->GetSpatialRef();
  if (!srs || !srs->IsProjected())
    throw GisError("the parcels are not in a projected CRS (use ParkAtlas results)",
                   {o.source, layer_name});
  MeasuringCrs m;
  m.srs = *srs;
  m.srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  if (const char* code = srs->GetAuthorityCode(nullptr)) m.epsg = std::atoi(code);
  m.name = srs->GetName() ? srs->GetName() : "";

  // Districts, through the same reader as every input: CRS override, repairs, measuring CRS.
  GeosContext geos;
  ProblemList problems;
  LayerConfig lc;
  lc.kind = LayerKind::districts;
  lc.source = o.districts;
  lc.layer = o.districts_layer;
  lc.crs = o.districts_crs;
  if (!o.district_field.empty()) lc.fields["district_id"] = o.district_field;
  LayerReader reader(lc, problems);
  LayerData d = reader.read_all(m, geos);
  if (d.size() == 0) throw GisError("the districts layer has no usable polygon", {o.districts});
  std::vector<std::string> ids, names;
  for (size_t i = 0; i < d.size(); ++i) {
    ids.push_back(d.field("district_id")
                      .text(i)
                      .value_or(d.field("name").text(i).value_or("D" + std::to_string(d.fids[i]))));
    names.push_back(d.field("name").text(i).value_or(ids.back()));
  }
  ParkLocator locator(geos, d.geoms);
  StrTree tree(geos);
  for (size_t i = 0; i < d.size(); ++i) tree.insert(d.geoms[i].get(), i);
  tree.build();
  GEOSContextHandle_t h = geos.handle();

  // The output GeoPackage: every source field, then the district and the share.
  fs::create_directories(o.out_dir);
  result.gpkg = (fs::path(o.out_dir) / "redistricted.gpkg").string();
  VectorOutput out(result.gpkg, "GPKG");
  OGRFeatureDefn* defn = parcels->GetLayerDefn();
  std::vector<OutField> fields;
  std::vector<OGRFieldType> types;
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    OGRFieldDefn* f = defn->GetFieldDefn(i);
    const FieldType t = field_type(f->GetType());
    fields.push_back({f->GetNameRef(), t});
    types.push_back(f->GetType());
  }
  const size_t base = fields.size();
  fields.push_back({"district_id", FieldType::text});
  fields.push_back({"district", FieldType::text});
  fields.push_back({"dist_share", FieldType::real});
  out.begin_batch();
  OutputLayer& rows = out.add_layer("parcels", &m.srs, wkbMultiPolygon, fields);
  const int land_m2 = defn->GetFieldIndex("land_m2"), land_mu = defn->GetFieldIndex("land_mu"),
            park_id = defn->GetFieldIndex("park_id"), parcel_id = defn->GetFieldIndex("parcel_id"),
            verdict = defn->GetFieldIndex("verdict"), idle = defn->GetFieldIndex("idle_cls"),
            far_min = defn->GetFieldIndex("far_min"), floor = defn->GetFieldIndex("floor_m2"),
            invest = defn->GetFieldIndex("invest_wan");

  std::vector<ParcelOutcome> outcomes;
  struct Change {
    std::string parcel, old_park, district, name, kind;
    double share;
  };
  std::vector<Change> changes;
  std::set<std::string> district_ids(ids.begin(), ids.end());
  bool ids_are_parks = false;  // district ids that are park ids: new park boundaries

  for (auto& f : *parcels) {
    ++result.parcels;
    OGRGeometry* og = f->GetGeometryRef();
    if (!og) continue;
    std::vector<unsigned char> wkb(static_cast<size_t>(og->WkbSize()));
    og->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    GeomPtr g = make_geom(geos, GEOSGeomFromWKB_buf_r(h, wkb.data(), wkb.size()));
    if (!g) throw GisError("unreadable geometry", {o.source, layer_name, f->GetFID()});
    const double whole = area(geos, g.get());
    result.parcel_m2 += whole;

    std::vector<Piece> pieces;
    if (!o.split_parcels) {
      ParkLocator::Hit hit = locator.locate(g.get());
      pieces.push_back({make_geom(geos, GEOSGeom_clone_r(h, g.get())), hit.park, whole});
    } else {
      std::vector<size_t> candidates;
      tree.query(geos, g.get(), candidates);
      double inside = 0;
      std::vector<const GEOSGeometry*> touched;
      for (size_t c : candidates) {
        if (GEOSIntersects_r(h, g.get(), d.geoms[c].get()) != 1) continue;
        GeomPtr part = make_geom(geos, GEOSIntersection_r(h, g.get(), d.geoms[c].get()));
        const double a = part ? area(geos, part.get()) : 0;
        if (a <= 0) continue;
        inside += a;
        touched.push_back(d.geoms[c].get());
        pieces.push_back({std::move(part), static_cast<int>(c), a});
      }
      // What no district covers stays, as its own piece, so no area is lost.
      if (whole - inside > 1e-9 * whole) {
        GeomPtr rest = make_geom(geos, GEOSGeom_clone_r(h, g.get()));
        for (const auto* t : touched) rest = make_geom(geos, GEOSDifference_r(h, rest.get(), t));
        const double a = rest ? area(geos, rest.get()) : 0;
        if (a > 0) pieces.push_back({std::move(rest), -1, a});
      }
      if (pieces.empty())
        pieces.push_back({make_geom(geos, GEOSGeom_clone_r(h, g.get())), -1, whole});
    }
    if (pieces.size() > 1) ++result.split;

    const std::string pid = parcel_id >= 0 ? f->GetFieldAsString(parcel_id) : "";
    const std::string old_park =
        park_id >= 0 && f->IsFieldSetAndNotNull(park_id) ? f->GetFieldAsString(park_id) : "";
    for (const Piece& p : pieces) {
      const double share = whole > 0 ? p.m2 / whole : 0;
      const std::string did = p.district >= 0 ? ids[static_cast<size_t>(p.district)] : "";
      const std::string dname = p.district >= 0 ? names[static_cast<size_t>(p.district)] : kOutside;
      const bool cut = o.split_parcels && pieces.size() > 1;
      for (size_t i = 0; i < base; ++i) {
        const int fi = static_cast<int>(i);
        if (!f->IsFieldSetAndNotNull(fi)) {
          rows.set(i, std::monostate{});
          continue;
        }
        if (o.split_parcels && (fi == land_m2 || fi == land_mu)) {
          rows.set(i, fi == land_m2 ? p.m2 : m2_to_mu(p.m2));
          continue;
        }
        switch (types[i]) {
          case OFTReal: {
            double v = f->GetFieldAsDouble(fi);
            if (cut && kProRated.count(fields[i].name)) v *= share;
            rows.set(i, v);
            break;
          }
          case OFTInteger:
          case OFTInteger64:
            rows.set(i, static_cast<std::int64_t>(f->GetFieldAsInteger64(fi)));
            break;
          case OFTDate: {
            int y = 0, mo = 0, dd = 0, hh = 0, mm = 0, tz = 0;
            float ss = 0;
            f->GetFieldAsDateTime(fi, &y, &mo, &dd, &hh, &mm, &ss, &tz);
            rows.set(i, CivilDate{y, static_cast<unsigned>(mo), static_cast<unsigned>(dd)});
            break;
          }
          default:
            rows.set(i, std::string(f->GetFieldAsString(fi)));
        }
      }
      rows.set(base, did.empty() ? Cell{std::monostate{}} : Cell{did});
      rows.set(base + 1, dname);
      rows.set(base + 2, share);
      rows.set_geometry(geos, p.geom.get());
      rows.write();
      ++result.pieces;
      result.piece_m2 += p.m2;
      if (p.district < 0) ++result.outside;

      // The roll-up per district takes the piece's land and its share of the floor area.
      ParcelOutcome oc;
      oc.park_id = did.empty() ? kOutside : did;
      oc.ind.land_m2 = p.m2;
      oc.ind.land_mu = m2_to_mu(p.m2);
      if (floor >= 0 && f->IsFieldSetAndNotNull(floor))
        oc.ind.floor_m2 = f->GetFieldAsDouble(floor) * (o.split_parcels ? share : 1.0);
      oc.verdict = verdict >= 0
                       ? parse_verdict(f->GetFieldAsString(verdict)).value_or(Verdict::unknown)
                       : Verdict::unknown;
      // Industrial as judged: a verdict on the floors, or unknown with a floor that applied.
      oc.industrial =
          oc.verdict != Verdict::not_industrial &&
          (oc.verdict != Verdict::unknown || (far_min >= 0 && f->IsFieldSetAndNotNull(far_min)));
      oc.idle = idle >= 0 ? parse_idle(f->GetFieldAsString(idle)) : IdleClass::none;
      if (invest >= 0 && f->IsFieldSetAndNotNull(invest))
        oc.invest_wan = f->GetFieldAsDouble(invest) * (o.split_parcels ? share : 1.0);
      outcomes.push_back(oc);

      if (!old_park.empty() && district_ids.count(old_park)) ids_are_parks = true;
      std::string kind;
      if (p.district < 0)
        kind = "outside";
      else if (cut)
        kind = "split";
      changes.push_back({pid, old_park, did, dname, kind, share});
    }
  }
  // A parcel changed when it was cut, fell outside every district, or (when the districts are
  // park boundaries) now lies in another park than before.
  std::vector<Change> kept;
  for (auto& c : changes) {
    if (c.kind.empty() && ids_are_parks && c.old_park != c.district) c.kind = "moved";
    if (!c.kind.empty()) kept.push_back(c);
  }
  result.changes = static_cast<long long>(kept.size());

  // Per-district roll-up, with the district outline.
  std::vector<std::string> order = ids;
  order.push_back(kOutside);
  auto rollups = roll_up_parks(outcomes, order);
  using T = FieldType;
  std::vector<OutField> sfields = {{"district_id", T::text},  {"district", T::text},
                                   {"n_parcels", T::integer}, {"land_mu", T::real},
                                   {"n_ind", T::integer},     {"ind_mu", T::real},
                                   {"ind_far", T::real},      {"ind_inv_mu", T::real},
                                   {"ok_sh_n", T::real},      {"ok_sh_area", T::real}};
  static const char* kShort[kVerdictCount] = {"ok",     "bfar",    "binv",  "bboth",
                                              "exempt", "unknown", "notind"};
  for (const char* v : kShort) {
    sfields.push_back({std::string("n_") + v, T::integer});
    sfields.push_back({std::string("mu_") + v, T::real});
  }
  static const char* kIdleShort[ParkRollup::kIdleClasses] = {
      "none", "unsup", "pend", "overdue", "idle", "idle2y", "halted", "gov", "loweff"};
  for (const char* c : kIdleShort) {
    sfields.push_back({std::string("i_") + c, T::integer});
    sfields.push_back({std::string("imu_") + c, T::real});
  }
  OutputLayer& summary = out.add_layer("districts", &m.srs, wkbMultiPolygon, sfields);
  auto opt = [](const std::optional<double>& v) { return v ? Cell{*v} : Cell{std::monostate{}}; };
  std::vector<std::vector<Cell>> summary_rows;
  for (size_t k = 0; k < order.size(); ++k) {
    const ParkRollup& r = rollups[order[k]];
    if (k == ids.size() && r.n_parcels == 0) continue;  // nothing outside
    std::vector<Cell> row = {k < ids.size() ? Cell{ids[k]} : Cell{std::monostate{}},
                             k < ids.size() ? names[k] : std::string(kOutside),
                             static_cast<std::int64_t>(r.n_parcels),
                             m2_to_mu(r.land_m2),
                             static_cast<std::int64_t>(r.n_industrial),
                             m2_to_mu(r.ind_m2),
                             opt(r.far()),
                             opt(r.inv_mu()),
                             opt(r.ok_share_count()),
                             opt(r.ok_share_area())};
    for (int v = 0; v < kVerdictCount; ++v) {
      row.push_back(static_cast<std::int64_t>(r.n_by_verdict[static_cast<size_t>(v)]));
      row.push_back(m2_to_mu(r.m2_by_verdict[static_cast<size_t>(v)]));
    }
    for (int c = 0; c < ParkRollup::kIdleClasses; ++c) {
      row.push_back(static_cast<std::int64_t>(r.n_by_idle[static_cast<size_t>(c)]));
      row.push_back(m2_to_mu(r.m2_by_idle[static_cast<size_t>(c)]));
    }
    for (size_t c = 0; c < row.size(); ++c) summary.set(c, row[c]);
    summary.set_geometry(geos, k < ids.size() ? d.geoms[k].get() : nullptr);
    summary.write();
    summary_rows.push_back(row);
    result.districts.push_back(
        {k < ids.size() ? ids[k] : "", k < ids.size() ? names[k] : kOutside, r});
  }
  OutputLayer& changes_out = out.add_layer("changes", nullptr, wkbNone,
                                           {{"parcel_id", T::text},
                                            {"old_park", T::text},
                                            {"district_id", T::text},
                                            {"district", T::text},
                                            {"share", T::real},
                                            {"change", T::text}});
  for (const auto& c : kept) {
    changes_out.set(0, c.parcel);
    changes_out.set(1, c.old_park.empty() ? Cell{std::monostate{}} : Cell{c.old_park});
    changes_out.set(2, c.district.empty() ? Cell{std::monostate{}} : Cell{c.district});
    changes_out.set(3, c.name);
    changes_out.set(4, c.share);
    changes_out.set(5, c.kind);
    changes_out.write();
  }
  out.end_batch();
  out.commit();

  // The tables as CSV, and one Shapefile set per district (safe names from the district ids).
  result.summary_csv = (fs::path(o.out_dir) / "district-summary.csv").string();
  std::vector<TableColumn> scols;
  for (size_t c = 0; c < sfields.size(); ++c)
    scols.push_back({sfields[c], [&summary_rows, c](size_t i) { return summary_rows[i][c]; }});
  write_csv(result.summary_csv, scols, summary_rows.size());
  result.changes_csv = (fs::path(o.out_dir) / "changes.csv").string();
  std::vector<TableColumn> ccols = {
      {{"parcel_id", T::text}, [&kept](size_t i) { return Cell{kept[i].parcel}; }},
      {{"old_park", T::text}, [&kept](size_t i) { return Cell{kept[i].old_park}; }},
      {{"district_id", T::text}, [&kept](size_t i) { return Cell{kept[i].district}; }},
      {{"district", T::text}, [&kept](size_t i) { return Cell{kept[i].name}; }},
      {{"share", T::real}, [&kept](size_t i) { return Cell{kept[i].share}; }},
      {{"change", T::text}, [&kept](size_t i) { return Cell{kept[i].kind}; }}};
  write_csv(result.changes_csv, ccols, kept.size());
  ExportOptions e;
  e.source = result.gpkg;
  e.layer = "parcels";
  e.format = ExportFormat::shp;
  e.out = (fs::path(o.out_dir) / "districts").string();
  e.encoding = o.encoding;
  e.split_by = "district_id";
  // Files are named after the districts (Chinese kept), with the id where two share a name.
  std::map<std::string, int> name_count;
  for (const auto& n : names) ++name_count[n];
  for (size_t i = 0; i < ids.size(); ++i)
    e.group_file_names[ids[i]] = name_count[names[i]] > 1 ? names[i] + "_" + ids[i] : names[i];
  e.group_file_names["(none)"] = "outside_every_district";
  result.shapefiles = export_layer(e).files;
  return result;
}

}  // namespace parkatlas
