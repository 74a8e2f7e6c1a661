// Writing QGIS 3 renderer XML from the shared style definitions.
#include "gis/export/qml_style.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "gis/gis_error.hpp"
#include "gis/style/style_book.hpp"

namespace parkatlas {

namespace fs = std::filesystem;

std::string styles_file() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("PARKATLAS_STYLES_DIR"); env && *env) dirs.emplace_back(env);
#ifdef PARKATLAS_INSTALLED_STYLES_DIR
  dirs.emplace_back(PARKATLAS_INSTALLED_STYLES_DIR);
#endif
#ifdef PARKATLAS_SOURCE_STYLES_DIR
  dirs.emplace_back(PARKATLAS_SOURCE_STYLES_DIR);
#endif
  for (const auto& d : dirs)
    if (fs::exists(fs::path(d) / "parcel_styles.toml"))
      return (fs::path(d) / "parcel_styles.toml").string();
  throw GisError("styles/parcel_styles.toml not found (set PARKATLAS_STYLES_DIR)");
}

namespace {

std::string xml(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&':
        o += "&amp;";
        break;
      case '<':
        o += "&lt;";
        break;
      case '>':
        o += "&gt;";
        break;
      case '"':
        o += "&quot;";
        break;
      default:
        o += c;
    }
  }
  return o;
}

// "#RRGGBB" or "#RRGGBBAA" -> "r,g,b,a" as QGIS writes colours.
std::string qgis_colour(const std::string& hex) {
  if (hex.size() != 7 && hex.size() != 9) return "128,128,128,255";
  auto byte = [&](size_t at) { return std::stoi(hex.substr(at, 2), nullptr, 16); };
  const int a = hex.size() == 9 ? byte(7) : 255;
  return std::to_string(byte(1)) + "," + std::to_string(byte(3)) + "," + std::to_string(byte(5)) +
         "," + std::to_string(a);
}

std::string fill_symbol(const std::string& name, const std::string& fill,
                        const std::string& outline, const std::string& style, double width) {
  return "   <symbol type=\"fill\" name=\"" + xml(name) +
         "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
         "    <layer class=\"SimpleFill\" pass=\"0\" enabled=\"1\" locked=\"0\">\n"
         "     <prop k=\"color\" v=\"" +
         qgis_colour(fill) +
         "\"/>\n"
         "     <prop k=\"outline_color\" v=\"" +
         qgis_colour(outline) +
         "\"/>\n"
         "     <prop k=\"outline_style\" v=\"solid\"/>\n"
         "     <prop k=\"outline_width\" v=\"" +
         std::to_string(width) +
         "\"/>\n"
         "     <prop k=\"outline_width_unit\" v=\"MM\"/>\n"
         "     <prop k=\"style\" v=\"" +
         style +
         "\"/>\n"
         "    </layer>\n"
         "   </symbol>\n";
}

const std::string kHead =
    "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
    "<!-- Written by ParkAtlas from styles/parcel_styles.toml -->\n"
    "<qgis version=\"3.22.16\" styleCategories=\"Symbology\">\n";

std::string single(const std::string& fill, const std::string& outline, const std::string& style,
                   double width) {
  return kHead +
         " <renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" "
         "forceraster=\"0\">\n  <symbols>\n" +
         fill_symbol("0", fill, outline, style, width) + "  </symbols>\n </renderer-v2>\n</qgis>\n";
}

}  // namespace

std::string qml_for_layer(const std::string& layer, const std::vector<std::string>& originals,
                          const std::vector<std::string>& written, const std::string& theme) {
  const StyleBook styles = load_style_book(styles_file());
  auto written_name = [&](const std::string& field) -> std::string {
    for (size_t i = 0; i < originals.size() && i < written.size(); ++i)
      if (originals[i] == field) return written[i];
    return "";
  };
  // Categories by verdict or idle class, in the styles file's order.
  const std::string category_field = theme == "idle" ? "idle_cls" : "verdict";
  const std::string category = written_name(category_field);
  const auto& categories = theme == "idle" ? styles.idle_cls : styles.verdict;
  if ((theme == "verdict" || theme == "idle") && !category.empty() && !categories.empty()) {
    std::string cats, syms;
    int k = 0;
    for (const StyleCategory& c : categories) {
      const std::string id = std::to_string(k++);
      cats += "   <category render=\"true\" symbol=\"" + id + "\" value=\"" + xml(c.value) +
              "\" label=\"" + xml(c.zh + " " + c.en) + "\"/>\n";
      syms += fill_symbol(id, c.colour, "#505050", "solid", 0.1);
    }
    return kHead + " <renderer-v2 type=\"categorizedSymbol\" attr=\"" + xml(category) +
           "\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n  <categories>\n" + cats +
           "  </categories>\n  <symbols>\n" + syms + "  </symbols>\n </renderer-v2>\n</qgis>\n";
  }
  // Graduated by FAR or 万元/亩.
  const std::string graduated = written_name(theme);
  const StyleRamp* ramp = theme == "far"      ? &styles.far
                          : theme == "inv_mu" ? &styles.inv_mu
                                              : nullptr;
  if (ramp && !graduated.empty() && !ramp->breaks.empty()) {
    std::string ranges, syms;
    double lower = 0;
    for (size_t k = 0; k < ramp->breaks.size(); ++k) {
      const double upper = ramp->breaks[k];
      const std::string id = std::to_string(k);
      char label[64];
      std::snprintf(label, sizeof label, k + 1 == ramp->breaks.size() ? "≥ %g" : "%g – %g", lower,
                    upper);
      ranges += "   <range render=\"true\" symbol=\"" + id + "\" lower=\"" + std::to_string(lower) +
                "\" upper=\"" + std::to_string(upper) + "\" label=\"" + xml(label) + "\"/>\n";
      syms += fill_symbol(id, ramp->colours[k], "#505050", "solid", 0.1);
      lower = upper;
    }
    return kHead + " <renderer-v2 type=\"graduatedSymbol\" attr=\"" + xml(graduated) +
           "\" graduatedMethod=\"GraduatedColor\" symbollevels=\"0\" enableorderby=\"0\" "
           "forceraster=\"0\">\n  <ranges>\n" +
           ranges + "  </ranges>\n  <symbols>\n" + syms +
           "  </symbols>\n </renderer-v2>\n</qgis>\n";
  }
  auto simple = [](const SimpleStyle& s, const char* dflt_fill, const char* dflt_outline,
                   const char* style, double width) {
    return single(s.fill.empty() ? dflt_fill : s.fill, s.outline.empty() ? dflt_outline : s.outline,
                  style, width);
  };
  if (layer == "parks") return simple(styles.park, "#2c3e5014", "#2c3e50", "solid", 0.6);
  if (layer == "unsupplied") return simple(styles.unsupplied, "#e6550d80", "#a63603", "solid", 0.2);
  if (layer == "approval_batches")
    return single(
        "#00000000",
        styles.approval_batches.outline.empty() ? "#6a51a3" : styles.approval_batches.outline, "no",
        0.4);
  if (layer == "buildings") return simple(styles.buildings, "#525252", "#252525", "solid", 0.1);
  if (layer == "proposals") return simple(styles.proposals, "#31a35440", "#006d2c", "solid", 0.6);
  if (layer == "constraints")
    return simple(styles.constraints, "#80808040", "#404040", "solid", 0.2);
  return "";
}

}  // namespace parkatlas
