// Reading the parks and parcels of a project.
#include "gis/analysis/project_inputs.hpp"

#include "gis/gis_error.hpp"
#include "gis/parallel.hpp"

namespace parkatlas {

int ParkTable::index_of(const std::string& id) const {
  for (size_t i = 0; i < ids.size(); ++i)
    if (ids[i] == id) return static_cast<int>(i);
  return -1;
}

std::vector<const LayerReport*> ProjectInputs::reports() const {
  std::vector<const LayerReport*> out;
  for (const auto* r : {parks_reader.get(), parcels_reader.get(), buildings_reader.get(),
                        batches_reader.get(), constraints_reader.get()})
    if (r) out.push_back(&r->report());
  return out;
}

ProjectInputs load_project_inputs(const ProjectConfig& config, const GeosContext& geos,
                                  ProblemList& problems, Progress& progress, bool batches_later) {
  ProjectInputs in;
  const LayerConfig& parcels_cfg = config.layers.at(LayerKind::parcels);
  in.parcels_reader = std::make_unique<LayerReader>(parcels_cfg, problems);
  if (auto it = config.layers.find(LayerKind::parks); it != config.layers.end())
    in.parks_reader = std::make_unique<LayerReader>(it->second, problems);
  if (auto it = config.layers.find(LayerKind::buildings); it != config.layers.end())
    in.buildings_reader = std::make_unique<LayerReader>(it->second, problems);
  if (auto it = config.layers.find(LayerKind::approval_batches); it != config.layers.end())
    in.batches_reader = std::make_unique<LayerReader>(it->second, problems);
  if (auto it = config.layers.find(LayerKind::constraints); it != config.layers.end())
    in.constraints_reader = std::make_unique<LayerReader>(it->second, problems);
  for (const LayerReader* r :
       {in.parcels_reader.get(), in.parks_reader.get(), in.buildings_reader.get(),
        in.batches_reader.get(), in.constraints_reader.get()})
    if (r) progress.layer_opened(r->report().kind, r->report().features_in_source);

  in.land_use_scheme = parcels_cfg.land_use_scheme;
  bool land_use_mapped = false;
  for (int c : in.parcels_reader->mapped_canonical())
    if (canonical_fields(LayerKind::parcels)[static_cast<size_t>(c)].name == "land_use")
      land_use_mapped = true;
  if (land_use_mapped && !in.land_use_scheme)
    throw GisError(
        "the parcels carry land-use codes but the config does not say in which scheme; "
        "set land_use_scheme = \"gbt21010\" (or sandiao, ydyh, gb50137) under [layers.parcels]",
        {config.path});

  if (!config.measuring_crs.empty()) {
    in.measuring = measuring_crs_from_user(config.measuring_crs);
  } else {
    in.measuring =
        choose_measuring_crs(in.parcels_reader->source_srs(), in.parcels_reader->centre_lonlat());
  }

  if (in.parks_reader) {
    progress.begin("reading parks", in.parks_reader->report().features_in_source);
    in.parks = in.parks_reader->read_all(in.measuring, geos);
    progress.end();
    const LayerData& parks = *in.parks;
    const Column& id = parks.field("park_id");
    const Column& name = parks.field("name");
    const Column& level = parks.field("level");
    for (size_t i = 0; i < parks.size(); ++i) {
      std::string pid = id.text(i).value_or("");
      if (pid.empty()) pid = "P" + std::to_string(parks.fids[i]);
      if (in.park_table.index_of(pid) >= 0)
        problems.push_back({"parks", in.parks_reader->report().source, parks.fids[i], pid,
                            "park_id", "park_id " + pid + " occurs more than once", "reported"});
      in.park_table.ids.push_back(pid);
      in.park_table.names.push_back(name.text(i).value_or(pid));
      auto lvl = level.text(i);
      in.park_table.levels.push_back(lvl ? parse_park_level(*lvl) : std::nullopt);
      if (!lvl)
        problems.push_back({"parks", in.parks_reader->report().source, parks.fids[i], pid, "level",
                            "park level missing: no level floor applies to its parcels",
                            "reported"});
    }
  }

  if (in.batches_reader && batches_later) {
    // Read when 批而未供 starts (read_batches). Read beside the parcels, as it once was, they
    // took a core's share from the analysis (reading, assigning, the buildings, the verdicts),
    // which keeps both cores busy: their half second of CPU time belongs to 批而未供's step.
    in.batches_pending = true;
    in.batch_problems_at = problems.size();
  } else if (in.batches_reader) {
    progress.begin("reading approval batches", in.batches_reader->report().features_in_source);
    in.batches = in.batches_reader->read_all(in.measuring, geos);
    progress.end();
  }
  if (in.constraints_reader) {
    progress.begin("reading constraints", in.constraints_reader->report().features_in_source);
    in.constraints = in.constraints_reader->read_all(in.measuring, geos);
    progress.end();
  }
  progress.begin("reading parcels", in.parcels_reader->report().features_in_source);
  in.parcels = in.parcels_reader->read_all(in.measuring, geos, worker_count());
  progress.end();
  if (in.parcels.size() == 0) {
    // Every feature was skipped: say why instead of writing empty results.
    std::string why;
    for (const auto& p : problems)
      if (p.layer == "parcels" && p.fid >= 0) {
        why = " (e.g. feature " + std::to_string(p.fid) + ": " + p.message + ")";
        break;
      }
    // Projected coordinates under a longitude/latitude CRS: the usual cause is a GeoJSON without
    // a crs member (RFC 7946 makes it WGS 84) or a wrong .prj.
    const LayerReader& r = *in.parcels_reader;
    if (r.source_srs().IsGeographic() && why.find("cannot be transformed") != std::string::npos)
      why += ". The layer says its CRS is " + r.report().source_crs +
             " (longitude/latitude), but its coordinates are not degrees: name the layer's real "
             "CRS in the config, e.g. crs = \"EPSG:4547\" under [layers.parcels]";
    throw GisError("none of the " + std::to_string(in.parcels_reader->report().features_in_source) +
                       " features is a usable polygon" + why,
                   {parcels_cfg.source, in.parcels_reader->report().layer});
  }
  return in;
}

void read_batches(ProjectInputs& in, const GeosContext& geos, ProblemList& problems,
                  Progress& progress) {
  if (!in.batches_pending) return;
  in.batches_pending = false;
  // The batch layer's problems go where a read in turn (after the parks, before the parcels)
  // would have put them, so that the problems table does not depend on when the batches were
  // read.
  ProblemList batch_problems;
  in.batches_reader->report_problems_to(batch_problems);
  progress.begin("reading approval batches", in.batches_reader->report().features_in_source);
  in.batches = in.batches_reader->read_all(in.measuring, geos, worker_count());
  progress.end();
  problems.insert(problems.begin() + static_cast<std::ptrdiff_t>(in.batch_problems_at),
                  std::make_move_iterator(batch_problems.begin()),
                  std::make_move_iterator(batch_problems.end()));
  in.batches_reader->report_problems_to(problems);
}

}  // namespace parkatlas
