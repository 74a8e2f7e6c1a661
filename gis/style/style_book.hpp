// The map symbology of styles/parcel_styles.toml as plain data, for the desktop canvas, its legend
// and printed maps (the QGIS .qml export reads the same file).
#pragma once
#include <string>
#include <vector>

namespace parkatlas {

struct StyleCategory {
  std::string value;   // field value, e.g. "below_far"
  std::string colour;  // #RRGGBB or #RRGGBBAA
  std::string zh, en;  // legend labels
};

struct StyleRamp {
  std::vector<double> breaks;  // class upper bounds
  std::vector<std::string> colours;
};

struct SimpleStyle {
  std::string fill, outline;  // "" = none
};

struct StyleBook {
  std::vector<StyleCategory> verdict, idle_cls;  // in the file's order
  StyleRamp far, inv_mu;
  SimpleStyle park, unsupplied, approval_batches, buildings, proposals, constraints;
  std::vector<std::string> cluster_palette;
};

// Reads and checks the styles file (default: styles_file()); throws GisError naming the file and
// the entry when a colour is not #RRGGBB[AA] or a ramp's breaks and colours differ in length.
StyleBook load_style_book(const std::string& path = "");

}  // namespace parkatlas
