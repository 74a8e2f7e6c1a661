// What the generator makes, in one metric frame (EPSG:4548, CGCS2000 3-degree GK CM 117E).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"

namespace parkatlas::sample {

struct Rect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double area() const { return (x1 - x0) * (y1 - y0); }
};

struct Building {
  Rect r;
  std::optional<int> floors;
  std::optional<double> height_m;
  std::optional<double> storey_m;
};

struct Parcel {
  std::string id;
  int park = -1;         // generating park (the parcel may still lie outside it)
  bool outside = false;  // placed deliberately outside every park
  bool bowtie = false;   // written as a self-intersecting polygon (invalid geometry)
  Rect r;
  std::optional<std::string> land_use;   // GB/T 21010 code
  std::optional<double> land_m2_stated;  // 用地面积 as the bureau wrote it
  std::optional<double> floor_m2;        // 建筑面积 attribute (when surveyed)
  std::optional<double> invest_wan, invest_done, revenue_wan, tax_wan, land_price, dev_m2;
  std::optional<int> employees;
  std::string enterprise, industry;
  std::optional<CivilDate> approved, supplied, start_due, started, completed, halted;
  std::string exempt, gov_cause, op_status;
  std::vector<Building> buildings;
};

struct Batch {
  std::string id;
  Rect r;
  CivilDate approved;
};

struct Park {
  std::string code, name, level, kind, city, county, industries, approved;
  double approved_ha = 0;
  bool national = false;
  std::vector<std::pair<double, double>> outline_gcj;  // lon/lat GCJ-02, closed ring
  std::string outline_wkt_gcj;                         // real outlines keep their source geometry
};

// Land a park may not expand into (issue 6 §3), in Gauss-Krüger metres like the parcels.
struct Constraint {
  std::string kind;  // farmland, eco_redline, water
  Rect r;
};

struct SampleData {
  std::vector<Park> parks;
  std::vector<Parcel> parcels;
  std::vector<Batch> batches;
  std::vector<Constraint> constraints;
};

}  // namespace parkatlas::sample
