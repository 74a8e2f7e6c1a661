// The project config (parkatlas.toml): per input layer its source, layer, field mapping, units,
// CRS and encoding overrides, land-use scheme; the rule set and the evaluation date.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/field_catalogue.hpp"
#include "core/land_use.hpp"

namespace parkatlas {

struct LayerConfig {
  LayerKind kind = LayerKind::parcels;
  std::string source;  // resolved path or GDAL connection string
  std::string layer;   // layer name inside the source; empty = the only/first layer
  std::map<std::string, std::string> fields;  // canonical -> source field
  std::map<std::string, std::string> units;  // canonical -> declared unit (m2, mu, ha, wan, yuan …)
  std::string crs;       // override when the data has none or a wrong one; "gcj02" allowed
  std::string encoding;  // Shapefile encoding override
  std::optional<LandUseScheme> land_use_scheme;
};

// One [[expansion]] request (issue 6 §3): a park and its land demand, in 亩 or as a cluster's
// revenue growth target (亿元) divided by the park's revenue per 亩 of that cluster.
struct ExpansionConfig {
  std::string park_id;
  std::optional<double> demand_mu;
  std::string cluster;
  std::optional<double> growth_yi;
  double search_m = 3000;
  int alternatives = 1;  // ranked distinct proposals wanted
};

struct ProjectConfig {
  std::string path;  // the config file
  std::string name;
  std::optional<CivilDate> as_of;
  std::string rules = "jiangxi-2014";
  std::string measuring_crs;  // empty = chosen by the CRS policy
  // TD/T 1029 weights and ideal values (a name or a file); empty = the rule set's.
  std::string evaluation_model;
  std::map<LayerKind, LayerConfig> layers;
  std::vector<ExpansionConfig> expansions;
};

// Throws GisError naming the file, the line and the key for every problem found.
ProjectConfig load_project_config(const std::string& path);
// The same from the config's text; relative sources resolve against `path`'s folder.
ProjectConfig parse_project_config(const std::string& text, const std::string& path);

}  // namespace parkatlas
