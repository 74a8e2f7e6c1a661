// QGIS layer styles (.qml) from styles/parcel_styles.toml, so an exported layer opens in QGIS as
// ParkAtlas draws it: parcels by verdict, parks as outlines, 批而未供 as an orange fill.
#pragma once
#include <string>
#include <vector>

namespace parkatlas {

// Where the styles file lives (PARKATLAS_STYLES_DIR, the installed share folder, the sources).
std::string styles_file();

// The QML for a layer named `layer` whose fields are `originals`, written as `written` (the
// Shapefile short names); "" when ParkAtlas has no style for it. `theme` picks the parcels'
// symbology: "verdict" (default), "idle" (idle_cls), "far" or "inv_mu" (graduated).
std::string qml_for_layer(const std::string& layer, const std::vector<std::string>& originals,
                          const std::vector<std::string>& written,
                          const std::string& theme = "verdict");

}  // namespace parkatlas
