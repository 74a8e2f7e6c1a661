// `parkatlas export`: one layer of a results file (or any GDAL source) to Shapefile, GeoPackage,
// GeoJSON, CSV or Excel, filtered by a parsed --where and optionally split by a field's values
// (issue 4 §2). Every file is written under a temporary name and renamed into place.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/short_field_names.hpp"

namespace parkatlas {

enum class ExportFormat { shp, gpkg, geojson, csv, xlsx };
std::optional<ExportFormat> parse_export_format(std::string_view name);
std::string_view extension_of(ExportFormat f);  // ".shp" …

struct ExportOptions {
  std::string source;  // results.gpkg, idle.gpkg or any GDAL vector source
  std::string layer;
  ExportFormat format = ExportFormat::shp;
  std::string out;                                 // a file; with split_by, a folder
  std::string encoding = "UTF-8";                  // Shapefile text: UTF-8 or CP936 (GBK)
  std::string where;                               // RowFilter text
  std::string split_by;                            // park, county, district or a field name
  bool style = true;                               // write a QGIS .qml beside map layers
  std::string style_theme = "verdict";             // parcels: verdict, idle, far or inv_mu
  long long shapefile_part_bytes = 2'000'000'000;  // a .shp or .dbf part never passes this
  long long abort_after = -1;  // test hook: SIGKILL the process after writing this many features
  // With split_by: file names to use for some values (made safe all the same), e.g. district
  // names for district ids.
  std::map<std::string, std::string> group_file_names;
};

struct ExportedFile {
  std::string path;   // the .shp (first part) or the file
  std::string group;  // the split value ("" without --split-by)
  long long features = 0;
  std::vector<std::string> parts;  // Shapefile parts beyond the first
  std::string fields_csv;          // Shapefile: NAME.fields.csv
  std::string qml;
};

struct ExportResult {
  long long read = 0, matched = 0;
  std::vector<ShortName> names;  // Shapefile field names (original → short)
  std::vector<ExportedFile> files;
  std::vector<std::string> warnings;
};

ExportResult export_layer(const ExportOptions& options);

}  // namespace parkatlas
