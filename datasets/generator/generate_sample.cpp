// parkatlas-sample-gen: the deterministic generator of the bundled Jiangxi sample and of
// province-size benchmark data (same seed -> byte-identical files).
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "sample_layout.hpp"
#include "sample_writer.hpp"

namespace fs = std::filesystem;
using namespace parkatlas::sample;

int main(int argc, char** argv) {
  CLI::App app{
      "Generate the ParkAtlas Jiangxi sample (default) or province-size data (--parcels N)"};
  std::string out = "datasets/jiangxi-sample", source = PARKATLAS_SAMPLE_SOURCE_DIR;
  long parcels = 0;
  std::uint64_t seed = 20141;
  app.add_option("-o,--out", out, "output folder");
  app.add_option("--source", source,
                 "folder with catalogue_jiangxi_2018.csv and nanchang_parks_gcj02.geojson");
  app.add_option("--parcels", parcels,
                 "province mode: about this many parcels (~3 buildings each), ~200 parks");
  app.add_option("--seed", seed, "random seed");
  CLI11_PARSE(app, argc, argv);
  try {
    fs::create_directories(out);
    LayoutOptions o;
    o.catalogue_csv = (fs::path(source) / "catalogue_jiangxi_2018.csv").string();
    o.seed = seed;
    if (parcels > 0) {
      o.target_parcels = parcels;
      SampleData data = generate_layout(o);
      size_t nb = 0;
      for (const auto& p : data.parcels) nb += p.buildings.size();
      write_geopackage(data, (fs::path(out) / "province.gpkg").string(), 4548);
      std::ofstream cfg(fs::path(out) / "parkatlas.toml");
      cfg << "# Province-size benchmark data made by parkatlas-sample-gen --parcels " << parcels
          << "\n"
          << "[project]\nname = \"province benchmark\"\nas_of = \"2025-12-31\"\nrules = "
             "\"jiangxi-2014\"\n\n"
          << "[layers.parks]\nsource = \"province.gpkg\"\nlayer = \"parks\"\ncrs = \"gcj02\"\n\n"
          << "[layers.parcels]\nsource = \"province.gpkg\"\nlayer = \"parcels\"\nland_use_scheme = "
             "\"gbt21010\"\n\n"
          << "[layers.buildings]\nsource = \"province.gpkg\"\nlayer = \"buildings\"\n\n"
          << "[layers.approval_batches]\nsource = \"province.gpkg\"\nlayer = "
             "\"approval_batches\"\n";
      std::cout << "province data: " << data.parks.size() << " parks, " << data.parcels.size()
                << " parcels, " << nb << " buildings in " << out << "\n";
      return 0;
    }
    o.outlines_geojson = (fs::path(source) / "nanchang_parks_gcj02.geojson").string();
    // Ten real Jiangxi parks, both levels (codes of the 2018 catalogue).
    o.park_codes = {"G361027", "G362023", "G361143", "G361144", "G362100",
                    "G361149", "S369002", "S369089", "S369010", "S369020"};
    SampleData data = generate_layout(o);
    size_t nb = 0;
    for (const auto& p : data.parcels) nb += p.buildings.size();
    write_geopackage(data, (fs::path(out) / "jiangxi-sample.gpkg").string(), 4490);
    write_gbk_shapefile(data, (fs::path(out) / "parcels_gbk.shp").string(), 4490);
    std::cout << "sample: " << data.parks.size() << " parks, " << data.parcels.size()
              << " parcels, " << nb << " buildings, " << data.batches.size()
              << " approval batches in " << out << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "parkatlas-sample-gen: " << e.what() << "\n";
    return 1;
  }
}
