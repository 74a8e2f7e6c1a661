// `parkatlas export`: a layer of results to Shapefile, GeoPackage, GeoJSON, CSV or Excel.
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "gis/export/layer_export.hpp"
#include "gis/gis_error.hpp"
#include "gis/project/project_file.hpp"

namespace parkatlas {

std::function<int()> setup_export_command(CLI::App& app) {
  struct Args {
    std::string source, layer = "parcels", format = "shp", out, encoding = "utf-8", where, split;
    bool no_style = false;
    long long run = 0;
    std::string theme = "verdict";
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Export a layer of results.gpkg / idle.gpkg (or any GDAL source) to Shapefile, GeoPackage, "
      "GeoJSON, CSV or Excel");
  cmd->add_option("source", args->source, "results file (results.gpkg, idle.gpkg …)")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("-l,--layer", args->layer,
                  "layer: parcels, parks, unsupplied, approval_batches, idle_summary, problems …")
      ->capture_default_str();
  cmd->add_option("-f,--format", args->format, "shp, gpkg, geojson, csv or xlsx")
      ->check(CLI::IsMember({"shp", "gpkg", "geojson", "csv", "xlsx"}))
      ->capture_default_str();
  cmd->add_option("-o,--out", args->out,
                  "output file (the extension is added when missing); with --split-by, a folder")
      ->required();
  cmd->add_option("--encoding", args->encoding,
                  "Shapefile text encoding: utf-8, or gbk for older desktop tools")
      ->check(CLI::IsMember({"utf-8", "utf8", "gbk", "cp936"}, CLI::ignore_case))
      ->capture_default_str();
  cmd->add_option("--where", args->where,
                  "filter, e.g. \"verdict = 'below_both' AND land_mu > 50\" (parsed by ParkAtlas, "
                  "never passed to SQL)");
  cmd->add_option("--split-by", args->split,
                  "one file per value of park (park_id), county, district or any field");
  cmd->add_flag("--no-style", args->no_style, "do not write a QGIS .qml style beside map layers");
  cmd->add_option("--style", args->theme,
                  "QGIS style of parcels: verdict, idle (idle class), far or inv_mu (graduated)")
      ->check(CLI::IsMember({"verdict", "idle", "far", "inv_mu"}))
      ->capture_default_str();
  cmd->add_option("--run", args->run,
                  "project files: the run to export (default: the latest); see the runs table");
  return [args]() -> int {
    try {
      ExportOptions o;
      o.source = args->source;
      o.layer =
          project_layer_name(args->source, args->layer,
                             args->run > 0 ? std::optional<long long>(args->run) : std::nullopt);
      o.format = *parse_export_format(args->format);
      o.out = args->out;
      o.encoding = (args->encoding == "gbk" || args->encoding == "cp936" ||
                    args->encoding == "GBK" || args->encoding == "CP936")
                       ? "CP936"
                       : "UTF-8";
      o.where = args->where;
      o.split_by = args->split;
      o.style = !args->no_style;
      o.style_theme = args->theme;
      if (const char* part = std::getenv("PARKATLAS_SHP_PART_BYTES"))  // tests of the 2 GB split
        o.shapefile_part_bytes = std::atoll(part);
      if (const char* n = std::getenv("PARKATLAS_TEST_KILL_AFTER"))  // crash-safety tests
        o.abort_after = std::atoll(n);
      ExportResult r = export_layer(o);
      std::cout << "Exported layer " << o.layer << " of " << o.source << ": " << r.matched << " of "
                << r.read << " features" << (o.where.empty() ? "" : " matched --where") << "\n";
      for (const auto& f : r.files) {
        std::cout << "  " << f.path << " (" << f.features << " features"
                  << (f.group.empty() ? "" : ", " + o.split_by + " " + f.group) << ")\n";
        for (const auto& p : f.parts) std::cout << "  " << p << " (continued part)\n";
        if (!f.fields_csv.empty()) std::cout << "    field names: " << f.fields_csv << "\n";
        if (!f.qml.empty()) std::cout << "    QGIS style: " << f.qml << "\n";
      }
      bool header = false;
      for (const auto& n : r.names) {
        if (!n.changed) continue;
        if (!header)
          std::cout << "Renamed to fit the Shapefile's 10-byte field names (" << o.encoding
                    << "):\n";
        header = true;
        std::cout << "  " << n.original << " -> " << n.short_name << "\n";
      }
      for (const auto& w : r.warnings) std::cerr << "parkatlas export: warning: " << w << "\n";
      return kExitOk;
    } catch (const std::exception& e) {
      std::cerr << "parkatlas export: " << e.what() << "\n";
      return kExitDataError;
    }
  };
}

}  // namespace parkatlas
