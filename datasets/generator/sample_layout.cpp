// Park outlines (real or sized to the approved area), a street grid of parcels inside them, a few
// parcels outside, buildings sized to a target FAR, batches over blocks of the grid.
#include "sample_layout.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <numbers>
#include <stdexcept>

#include "catalogue.hpp"
#include "gis/crs/gcj02.hpp"
#include "gis/gdal/gdal_setup.hpp"
#include "gis/geos/geos_context.hpp"
#include "industries.hpp"
#include "sample_rng.hpp"

namespace parkatlas::sample {

namespace {

CivilDate plus_days(CivilDate d, long days) {
  return from_sys_days(to_sys_days(d) + std::chrono::days{days});
}

std::unique_ptr<OGRCoordinateTransformation> transform(int from, int to) {
  OGRSpatialReference a, b;
  a.importFromEPSG(from);
  b.importFromEPSG(to);
  a.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  b.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return std::unique_ptr<OGRCoordinateTransformation>(OGRCreateCoordinateTransformation(&a, &b));
}

// A park region in the metric frame, prepared for point-in-polygon tests.
struct Region {
  GeomPtr geom;
  PreparedPtr prepared;
  double minx = 0, miny = 0, maxx = 0, maxy = 0;
};

Region make_region(const GeosContext& geos, std::unique_ptr<OGRGeometry> g) {
  Region r;
  OGREnvelope env;
  g->getEnvelope(&env);
  r.minx = env.MinX, r.miny = env.MinY, r.maxx = env.MaxX, r.maxy = env.MaxY;
  r.geom = make_geom(geos, g->exportToGEOS(geos.handle()));
  r.prepared = prepare(geos, r.geom.get());
  return r;
}

bool contains(const GeosContext& geos, const Region& r, double x, double y) {
  GeomPtr p = make_geom(geos, GEOSGeom_createPointFromXY_r(geos.handle(), x, y));
  return GEOSPreparedContains_r(geos.handle(), r.prepared.get(), p.get()) == 1;
}

std::unique_ptr<OGRPolygon> ring_polygon(const std::vector<std::pair<double, double>>& pts) {
  auto ring = std::make_unique<OGRLinearRing>();
  for (const auto& [x, y] : pts) ring->addPoint(x, y);
  ring->closeRings();
  auto poly = std::make_unique<OGRPolygon>();
  poly->addRingDirectly(ring.release());
  return poly;
}

// An irregular 14-gon around (cx, cy) with exactly `area_m2`.
std::vector<std::pair<double, double>> blob(Rng& rng, double cx, double cy, double area_m2) {
  const int n = 14;
  std::vector<double> radius(n);
  for (auto& r : radius) r = rng.uniform(0.75, 1.25);
  double a = 0;
  for (int i = 0; i < n; ++i)
    a += 0.5 * radius[i] * radius[(i + 1) % n] * std::sin(2 * std::numbers::pi / n);
  double scale = std::sqrt(area_m2 / a);
  std::vector<std::pair<double, double>> pts;
  for (int i = 0; i < n; ++i) {
    double t = 2 * std::numbers::pi * i / n;
    pts.emplace_back(cx + scale * radius[i] * std::cos(t), cy + scale * radius[i] * std::sin(t));
  }
  pts.push_back(pts.front());
  return pts;
}

std::map<std::string, std::unique_ptr<OGRGeometry>> real_outlines(const std::string& path) {
  std::map<std::string, std::unique_ptr<OGRGeometry>> out;
  if (path.empty()) return out;
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) throw std::runtime_error("cannot open " + path);
  // The two national parks of Nanchang: 经开区 = 南昌经济技术开发区, 高新区 =
  // 南昌高新技术产业开发区.
  const std::map<std::string, std::string> code_of = {{"经开区", "G361027"}, {"高新区", "G362023"}};
  for (auto& f : *ds->GetLayer(0)) {
    auto it = code_of.find(f->GetFieldAsString("name"));
    if (it != code_of.end()) out[it->second].reset(f->GetGeometryRef()->clone());
  }
  return out;
}

const std::vector<std::string> kName1 = {"赣", "洪", "昌", "华", "鑫", "恒", "瑞",
                                         "泰", "众", "博", "凯", "联", "晶", "宏",
                                         "达", "兴", "裕", "德", "安", "合"};
const std::vector<std::string> kName2 = {"科技", "精密", "新材", "电子", "机械",
                                         "药业", "食品", "光电", "汽配", "能源",
                                         "化工", "实业", "智能", "装备", "电器"};
const std::vector<std::string> kGovCauses = {
    "未按约定期限交付土地", "规划依法修改", "国家政策调整需修改规划条件",
    "群众信访事项未处置",   "文物保护",     "force_majeure"};

struct Grid {
  std::vector<double> xs, ys;  // cell boundaries
};

Grid make_grid(Rng& rng, const Region& r, double scale, double margin) {
  Grid g;
  for (double x = r.minx - margin; x < r.maxx + margin; x += rng.uniform(90, 220) * scale)
    g.xs.push_back(x);
  for (double y = r.miny - margin; y < r.maxy + margin; y += rng.uniform(80, 200) * scale)
    g.ys.push_back(y);
  return g;
}

}  // namespace

SampleData generate_layout(const LayoutOptions& o) {
  ensure_gdal_registered();
  GeosContext geos;
  Rng rng(o.seed);
  auto to_gk = transform(4490, 4548), to_ll = transform(4548, 4490);
  auto catalogue = read_catalogue(o.catalogue_csv);
  auto outlines = real_outlines(o.outlines_geojson);

  // Which parks, and (province mode) how many copies of the catalogue to reach ~200 parks.
  struct Chosen {
    CatalogueRow row;
    double dx = 0;  // offset of a copy, metres east
    std::string suffix;
  };
  std::vector<Chosen> chosen;
  if (!o.park_codes.empty()) {
    for (const auto& code : o.park_codes) {
      auto it = std::find_if(catalogue.begin(), catalogue.end(),
                             [&](const auto& r) { return r.code == code; });
      if (it == catalogue.end())
        throw std::runtime_error("park " + code + " is not in the catalogue");
      chosen.push_back({*it, 0, ""});
    }
  } else {
    for (const auto& r : catalogue) chosen.push_back({r, 0, ""});
    for (const auto& r : catalogue) chosen.push_back({r, 9000, "（二区）"});
  }

  SampleData data;
  double total_area = 0;
  for (const auto& c : chosen) total_area += c.row.approved_ha * 10000;
  // Cell scale: sample mode uses industrial-parcel sizes; province mode shrinks cells to reach the
  // target count.
  double scale = 1.0;
  if (o.target_parcels > 0)
    scale = std::sqrt(total_area / 0.9 / static_cast<double>(o.target_parcels)) / 165.0;
  const bool province = o.target_parcels > 0;
  const CivilDate t = o.as_of;
  int batch_seq = 0;
  int synthetic_with_constraints = 0;

  for (size_t pi = 0; pi < chosen.size(); ++pi) {
    const auto& c = chosen[pi];
    Park park;
    park.code = c.row.code + (c.suffix.empty() ? "" : "-2");
    park.name = c.row.name + c.suffix;
    park.level = c.row.level;
    park.kind = c.row.kind;
    park.city = c.row.city;
    park.county = c.row.county;
    park.industries = c.row.industries;
    park.approved = c.row.approved;
    park.approved_ha = c.row.approved_ha;
    park.national = c.row.level == "国务院";
    double ax = c.row.lon_wgs, ay = c.row.lat_wgs;
    to_gk->Transform(1, &ax, &ay);
    ax += c.dx;
    const double area = c.row.approved_ha * 10000;

    std::unique_ptr<OGRGeometry> region_geom;
    if (auto it = outlines.find(c.row.code); it != outlines.end() && !province) {
      // Real outline (an administered area, far larger than the approved area): keep it as the
      // park, and place parcels in the part of it around the catalogue point.
      char* wkt = nullptr;
      it->second->exportToWkt(&wkt);
      park.outline_wkt_gcj = wkt;
      CPLFree(wkt);
      std::unique_ptr<OGRGeometry> gk(it->second->clone());
      // GCJ-02 -> WGS 84 (≈ CGCS2000) -> GK, vertex by vertex.
      if (wkbFlatten(gk->getGeometryType()) == wkbPolygon)
        gk.reset(OGRGeometryFactory::forceToMultiPolygon(gk.release()));
      for (auto* poly : *gk->toMultiPolygon())
        for (auto* ring : *poly)
          for (int k = 0; k < ring->getNumPoints(); ++k) {
            LonLat w = gcj02_to_wgs84({ring->getX(k), ring->getY(k)});
            double x = w.lon, y = w.lat;
            to_gk->Transform(1, &x, &y);
            ring->setPoint(k, x, y);
          }
      std::vector<std::pair<double, double>> disk;
      const double rad = std::sqrt(area / std::numbers::pi) * 1.15;
      for (int k = 0; k <= 48; ++k)
        disk.emplace_back(ax + rad * std::cos(2 * std::numbers::pi * k / 48),
                          ay + rad * std::sin(2 * std::numbers::pi * k / 48));
      region_geom.reset(gk->Intersection(ring_polygon(disk).get()));
    } else {
      auto pts = blob(rng, ax, ay, area);
      region_geom = ring_polygon(pts);
      // The first two plausible parks of the sample get constraints around them, for the
      // expansion proposals: farmland to the east, an ecological red line to the north, a river
      // to the south. No random numbers are drawn, so every other layer stays as it was.
      if (!province && synthetic_with_constraints < 2) {
        ++synthetic_with_constraints;
        OGREnvelope e;
        region_geom->getEnvelope(&e);
        data.constraints.push_back(
            {"farmland", {e.MaxX + 150, e.MinY - 800, e.MaxX + 900, e.MaxY + 800}});
        data.constraints.push_back(
            {"eco_redline", {e.MinX - 300, e.MaxY + 250, e.MaxX + 100, e.MaxY + 900}});
        data.constraints.push_back(
            {"water", {e.MinX - 2500, e.MinY - 260, e.MaxX + 2500, e.MinY - 180}});
      }
      for (auto [x, y] : pts) {
        to_ll->Transform(1, &x, &y);
        LonLat g = wgs84_to_gcj02({x, y});
        park.outline_gcj.emplace_back(g.lon, g.lat);
      }
    }
    Region region = make_region(geos, std::move(region_geom));
    const std::vector<std::string> codes = industry_codes_for(c.row.industries);
    Grid grid = make_grid(rng, region, scale, 400 * scale);
    const double road = 20 * scale;
    std::map<std::pair<size_t, size_t>, Batch> batches;
    int seq = 0;
    bool leap_done = false;

    for (size_t i = 0; i + 1 < grid.xs.size(); ++i) {
      for (size_t j = 0; j + 1 < grid.ys.size(); ++j) {
        Rect cell{grid.xs[i], grid.ys[j], grid.xs[i + 1], grid.ys[j + 1]};
        const double cx = (cell.x0 + cell.x1) / 2, cy = (cell.y0 + cell.y1) / 2;
        const bool inside = contains(geos, region, cx, cy);
        if (inside ? !rng.chance(0.9) : !rng.chance(province ? 0.005 : 0.02)) continue;
        Parcel p;
        p.park = static_cast<int>(pi);
        p.outside = !inside;
        p.r = {cell.x0 + road / 2, cell.y0 + road / 2, cell.x1 - road / 2, cell.y1 - road / 2};
        char id[64];
        std::snprintf(id, sizeof id, "%s-%04d", park.code.c_str(), ++seq);
        p.id = id;
        const double land_m2 = p.r.area();
        const double land_mu = land_m2 * 15 / 10000;

        // Approval batch of the block of cells (4 x 3) the parcel lies in.
        auto key = std::make_pair(i / 4, j / 3);
        auto bit = batches.find(key);
        if (bit == batches.end() && inside) {
          Batch b;
          int year = rng.integer(2010, 2023);
          char bid[96];
          std::snprintf(bid, sizeof bid, "赣府土批〔%d〕%d号", year, ++batch_seq);
          b.id = bid;
          b.approved = CivilDate{year, static_cast<unsigned>(rng.integer(1, 12)),
                                 static_cast<unsigned>(rng.integer(1, 28))};
          size_t i1 = std::min(grid.xs.size() - 1, (key.first + 1) * 4),
                 j1 = std::min(grid.ys.size() - 1, (key.second + 1) * 3);
          b.r = {grid.xs[key.first * 4], grid.ys[key.second * 3], grid.xs[i1], grid.ys[j1]};
          bit = batches.emplace(key, b).first;
        }
        const CivilDate approved =
            bit != batches.end() ? bit->second.approved : CivilDate{2012, 6, 1};

        // Land use (GB/T 21010), industry, enterprise.
        double u = rng.uniform();
        if (u < 0.01)
          p.land_use.reset();
        else if (u < 0.86)
          p.land_use = "0601";
        else if (u < 0.90)
          p.land_use = "0604";
        else if (u < 0.94)
          p.land_use = "0505";
        else if (u < 0.97)
          p.land_use = "0701";
        else
          p.land_use = "0809";
        p.industry = rng.pick(codes);
        p.enterprise = "江西" + rng.pick(kName1) + rng.pick(kName1) + rng.pick(kName2) + "有限公司";
        if (rng.chance(0.97))
          p.land_m2_stated =
              std::round(land_m2 * (rng.chance(0.02) ? 1.12 : rng.uniform(0.995, 1.005)) * 100) /
              100;

        // Most enterprises are sound, a long tail is weak: FAR 0.2-2.5, 50-800 万元/亩 overall.
        const bool sound = rng.chance(0.6);
        const double inv_mu = sound ? rng.log_uniform(220, 800) : rng.log_uniform(50, 400);
        if (rng.chance(0.95)) p.invest_wan = std::round(inv_mu * land_mu * 10) / 10;
        const double rev_mu = rng.log_uniform(60, 1500);
        p.revenue_wan = std::round(rev_mu * land_mu);
        p.tax_wan = std::round(rev_mu * land_mu * rng.uniform(0.02, 0.07) * 10) / 10;
        p.employees = static_cast<int>(land_mu * rng.uniform(0.5, 3.0)) + 1;
        p.land_price = std::round(land_mu * rng.uniform(15, 40) * 10) / 10;
        if (rng.chance(0.03)) p.exempt = "生产工艺特殊需要（大跨度高大厂房）";

        // Dates and construction state, relative to the evaluation date.
        p.approved = approved;
        enum class State {
          built,
          pending,
          overdue,
          idle,
          idle2,
          halted,
          gov,
          started_unbuilt,
          built_unstarted,
          unsupplied
        };
        double s = rng.uniform();
        State st = s < 0.78   ? State::built
                   : s < 0.83 ? State::pending
                   : s < 0.86 ? State::overdue
                   : s < 0.89 ? State::idle
                   : s < 0.91 ? State::idle2
                   : s < 0.93 ? State::halted
                   : s < 0.94 ? State::gov
                   : s < 0.96 ? State::started_unbuilt
                   : s < 0.97 ? State::built_unstarted
                   : s < 0.98 ? State::unsupplied
                              : State::built;
        if (p.outside && st != State::built) st = State::built;
        auto supplied_after = [&](CivilDate a) { return plus_days(a, rng.integer(90, 700)); };
        switch (st) {
          case State::built:
          case State::built_unstarted:
          case State::started_unbuilt: {
            p.supplied = supplied_after(approved);
            if (*p.supplied > plus_days(t, -400))
              p.supplied = plus_days(t, -rng.integer(400, 1200));
            p.start_due = plus_days(*p.supplied, rng.integer(180, 365));
            if (st != State::built_unstarted)
              p.started = plus_days(*p.start_due, rng.integer(-60, 200));
            if (p.started && *p.started > t) p.started = plus_days(t, -30);
            if (st == State::built && p.started && rng.chance(0.8)) {
              CivilDate done = plus_days(*p.started, rng.integer(300, 900));
              if (done <= t) p.completed = done;
            }
            break;
          }
          case State::unsupplied:  // planned on approved land, no contract yet (批而未供)
            break;
          case State::pending:
            p.supplied = plus_days(t, -rng.integer(30, 300));
            p.start_due = plus_days(t, rng.integer(10, 200));
            break;
          case State::overdue:
          case State::idle:
          case State::idle2:
          case State::gov: {
            long back = st == State::overdue ? rng.integer(10, 330)
                        : st == State::idle  ? rng.integer(370, 720)
                                             : rng.integer(740, 2500);
            p.start_due = plus_days(t, -back);
            if (st == State::idle2 && !leap_done && !province) {
              p.start_due = CivilDate{2020, 2, 29};  // its anniversaries fall on 28 February
              leap_done = true;
            }
            p.supplied = plus_days(*p.start_due, -rng.integer(180, 365));
            if (st == State::gov) p.gov_cause = rng.pick(kGovCauses);
            break;
          }
          case State::halted:
            p.supplied = plus_days(t, -rng.integer(1500, 2500));
            p.start_due = plus_days(*p.supplied, 240);
            p.started = plus_days(*p.start_due, 30);
            p.halted = plus_days(t, -rng.integer(400, 900));
            p.dev_m2 = std::round(land_m2 * rng.uniform(0.08, 0.3));
            if (p.invest_wan)
              p.invest_done = std::round(*p.invest_wan * rng.uniform(0.08, 0.22) * 10) / 10;
            break;
        }
        // 生产状态 where the bureau records it; a few plants stand idle (低效用地 evidence).
        if (st == State::built && rng.chance(0.5))
          p.op_status = rng.chance(0.06) ? "停产" : "正常生产";
        if (p.supplied && *p.supplied < approved)
          p.approved = plus_days(*p.supplied, -rng.integer(60, 400));

        // Buildings sized to a target FAR; unbuilt parcels get none, halted ones a small shed.
        const bool has_buildings =
            st == State::built || st == State::built_unstarted || st == State::halted;
        if (has_buildings) {
          const double far_target = st == State::halted ? 0.05
                                    : sound             ? rng.log_uniform(1.0, 2.5)
                                                        : rng.log_uniform(0.2, 1.4);
          const int n =
              st == State::halted ? 1 : (province ? rng.integer(2, 5) : rng.integer(1, 5));
          const bool along_x = (p.r.x1 - p.r.x0) >= (p.r.y1 - p.r.y0);
          const double len = along_x ? p.r.x1 - p.r.x0 : p.r.y1 - p.r.y0;
          const double wid = along_x ? p.r.y1 - p.r.y0 : p.r.x1 - p.r.x0;
          const double m = std::min(6.0 * scale, wid * 0.1), strip = len / n;
          double fp_total = 0;
          for (int k = 0; k < n; ++k) {
            double a0 = k * strip + m, a1 = (k + 1) * strip - m;
            double depth = (wid - 2 * m) * rng.uniform(0.45, 0.9);
            if (st == State::halted) a1 = a0 + (a1 - a0) * 0.3;
            double b0 = m, b1 = m + depth;
            Building b;
            b.r = along_x ? Rect{p.r.x0 + a0, p.r.y0 + b0, p.r.x0 + a1, p.r.y0 + b1}
                          : Rect{p.r.x0 + b0, p.r.y0 + a0, p.r.x0 + b1, p.r.y0 + a1};
            fp_total += b.r.area();
            p.buildings.push_back(b);
          }
          const double floors_needed = far_target * land_m2 / fp_total;
          double floor_sum = 0;
          for (auto& b : p.buildings) {
            if (rng.chance(0.15)) {
              b.storey_m = std::round(rng.uniform(8.5, 12.0) * 10) / 10;  // high bay: counts twice
              b.floors = 1;
            } else {
              b.storey_m = std::round(rng.uniform(3.6, 5.0) * 10) / 10;
              b.floors = std::clamp(
                  static_cast<int>(std::lround(floors_needed * rng.uniform(0.7, 1.3))), 1, 30);
            }
            b.height_m = std::round(*b.floors * *b.storey_m * 10) / 10;
            floor_sum += b.r.area() * *b.floors * (*b.storey_m > 8.0 ? 2 : 1);
            double miss = rng.uniform();
            if (miss < 0.03)
              b.floors.reset(), b.storey_m.reset();  // height only
            else if (miss < 0.04)
              b.floors.reset(), b.storey_m.reset(), b.height_m.reset();
          }
          if (rng.chance(0.01) && !p.buildings.empty()) {  // straddles the parcel edge
            Building& b = p.buildings.front();
            double w = b.r.x1 - b.r.x0;
            b.r.x0 -= w * 0.5 + m;
            b.r.x1 -= w * 0.5 + m;
          }
          if (rng.chance(0.4)) p.floor_m2 = std::round(floor_sum * rng.uniform(0.98, 1.02));
        }
        if (rng.chance(0.004)) p.bowtie = true;
        if (rng.chance(0.001) && !data.parcels.empty() && data.parcels.back().park == p.park)
          p.id = data.parcels.back().id;  // a duplicate id, as registers sometimes have
        data.parcels.push_back(std::move(p));
      }
    }
    for (auto& [k, b] : batches) data.batches.push_back(b);
    data.parks.push_back(std::move(park));
  }
  return data;
}

}  // namespace parkatlas::sample
