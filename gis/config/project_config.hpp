// The project config (parkatlas.toml): per input layer its source, layer, field mapping, units,
// CRS and encoding overrides, land-use scheme; the rule set and the evaluation date.
#pragma once
#include <map>
#include <optional>
#include <string>

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

struct ProjectConfig {
  std::string path;  // the config file
  std::string name;
  std::optional<CivilDate> as_of;
  std::string rules = "jiangxi-2014";
  std::string measuring_crs;  // empty = chosen by the CRS policy
  std::map<LayerKind, LayerConfig> layers;
};

// Throws GisError naming the file, the line and the key for every problem found.
ProjectConfig load_project_config(const std::string& path);
// The same from the config's text; relative sources resolve against `path`'s folder.
ProjectConfig parse_project_config(const std::string& text, const std::string& path);

}  // namespace parkatlas
