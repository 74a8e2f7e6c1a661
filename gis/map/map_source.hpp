// What the desktop opens: a project file (its latest run, or a chosen one) or a results/idle
// GeoPackage of `parkatlas run`. Maps the layers a map shows (parks, parcels, buildings,
// unsupplied, approval_batches, clusters, proposals, constraints) to their tables, loads them for
// drawing, and reads single features and plain tables. Each call opens its own GDAL handle, so a
// MapSource may be used from several threads.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gis/map/map_layer.hpp"

namespace parkatlas {

struct MapLayerRequest {
  std::vector<std::string> category_fields;
  std::vector<std::string> number_fields;
  std::string label_field;
};

// A table without geometry (or with it ignored), all values as text.
struct PlainTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  int column(const std::string& name) const;  // -1 when absent
};

class MapSource {
 public:
  // Throws GisError naming the file when it cannot be opened or holds no ParkAtlas layers.
  explicit MapSource(const std::string& path, std::optional<long long> run = std::nullopt);

  const std::string& path() const { return path_; }
  bool is_project() const { return project_; }
  long long run_id() const { return run_id_; }  // 0: none (not a project, or not analysed)
  const std::string& crs_wkt() const { return crs_wkt_; }
  const std::string& crs_name() const { return crs_name_; }

  // Logical layers present in drawing order (bottom first) and their tables.
  const std::vector<std::pair<std::string, std::string>>& layers() const { return layers_; }
  std::string table_of(const std::string& logical) const;  // "" when absent
  bool has(const std::string& logical) const { return !table_of(logical).empty(); }

  MapLayerData load(
      const std::string& logical, const MapLayerRequest& request,
      const std::function<void(long long done, long long total)>& progress = {}) const;
  // Every field of one feature, in the table's order, as text ("" for null).
  std::vector<std::pair<std::string, std::string>> attributes(const std::string& logical,
                                                              long long fid) const;
  // A logical non-spatial table (idle_parcels, idle_summary, problems, run_info) or a layer's
  // attributes; empty when absent.
  PlainTable table(const std::string& logical) const;

 private:
  std::string path_;
  bool project_ = false;
  long long run_id_ = 0;
  std::string crs_wkt_, crs_name_;
  std::vector<std::pair<std::string, std::string>> layers_;
  std::vector<std::pair<std::string, std::string>> tables_;  // non-spatial logical → table
};

// Map coordinates of the measuring CRS to longitude and latitude (WGS 84), for the status bar.
class LonLatTransform {
 public:
  explicit LonLatTransform(const std::string& crs_wkt);
  ~LonLatTransform();
  LonLatTransform(const LonLatTransform&) = delete;
  LonLatTransform& operator=(const LonLatTransform&) = delete;
  bool valid() const { return impl_ != nullptr; }
  bool to_lonlat(double x, double y, double& lon, double& lat) const;

 private:
  struct Impl;  // keeps OGR out of this header
  std::unique_ptr<Impl> impl_;
};

}  // namespace parkatlas
