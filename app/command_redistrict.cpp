// `parkatlas redistrict`: analysed parcels under new boundaries.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/text_table.hpp"
#include "core/text_format.hpp"
#include "core/units.hpp"
#include "gis/redistrict/redistrict.hpp"

namespace parkatlas {

std::function<int()> setup_redistrict_command(CLI::App& app) {
  auto o = std::make_shared<RedistrictOptions>();
  auto run = std::make_shared<long long>(0);
  auto encoding = std::make_shared<std::string>("utf-8");
  CLI::App* cmd = app.add_subcommand(
      "redistrict",
      "Assign analysed parcels to new districts (park boundaries, counties, planning zones), "
      "recompute the roll-ups per district, and write one Shapefile set per district");
  cmd->add_option("source", o->source, "results.gpkg or a project file (its latest run)")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("--districts", o->districts, "district polygons (any GDAL source)")->required();
  cmd->add_option("--districts-layer", o->districts_layer, "layer of the districts source");
  cmd->add_option("--districts-crs", o->districts_crs,
                  "CRS of the districts when missing or wrong; gcj02 for web-map boundaries");
  cmd->add_option("--district-field", o->district_field,
                  "field with the district id (default: district_id, 代码, adcode, code, id)");
  cmd->add_option("-o,--out", o->out_dir, "output folder")->required();
  cmd->add_flag("--split-parcels", o->split_parcels,
                "cut parcels at district boundaries (areas and amounts pro-rated) instead of "
                "assigning each whole parcel by largest overlap");
  cmd->add_option("--run", *run, "project files: the run to use (default: the latest)");
  cmd->add_option("--encoding", *encoding, "Shapefile text encoding: utf-8 or gbk")
      ->check(CLI::IsMember({"utf-8", "utf8", "gbk", "cp936"}, CLI::ignore_case));
  return [o, run, encoding]() -> int {
    try {
      if (*run > 0) o->run = *run;
      o->encoding = (*encoding == "gbk" || *encoding == "cp936") ? "CP936" : "UTF-8";
      RedistrictResult r = redistrict(*o);
      std::cout << "Redistricted " << r.parcels << " parcels into " << r.pieces << " rows ("
                << r.split << " cut, " << r.outside << " outside every district); area "
                << format_number("%.2f", m2_to_mu(r.parcel_m2))
                << " mu = " << format_number("%.2f", m2_to_mu(r.piece_m2)) << " mu after\n";
      TextTable t({"district", "name", "parcels", "亩", "industrial FAR", "万元/亩", "compliant"},
                  {false, false, true, true, true, true, true});
      auto fmt = [](const char* f, const std::optional<double>& v) {
        return v ? format_number(f, *v) : std::string("-");
      };
      for (const auto& d : r.districts)
        t.add({d.id.empty() ? "-" : d.id, d.name, std::to_string(d.rollup.n_parcels),
               format_number("%.1f", m2_to_mu(d.rollup.land_m2)), fmt("%.2f", d.rollup.far()),
               fmt("%.0f", d.rollup.inv_mu()),
               fmt("%.0f%%", d.rollup.ok_share_count()
                                 ? std::optional<double>(*d.rollup.ok_share_count() * 100)
                                 : std::nullopt)});
      std::cout << t.render() << "\nResults:\n  " << r.gpkg
                << " (layers parcels, districts, changes)\n  " << r.summary_csv << "\n  "
                << r.changes_csv << " (" << r.changes << " rows: parcels cut, outside or moved)\n  "
                << r.shapefiles.size() << " Shapefile sets in "
                << (r.shapefiles.empty()
                        ? std::string("-")
                        : std::filesystem::path(r.shapefiles.front().path).parent_path().string())
                << "\n";
      return kExitOk;
    } catch (const std::exception& e) {
      std::cerr << "parkatlas redistrict: " << e.what() << "\n";
      return kExitDataError;
    }
  };
}

}  // namespace parkatlas
