// Reading styles/parcel_styles.toml into a StyleBook.
#include "gis/style/style_book.hpp"

#include <algorithm>
#include <cctype>

#include "gis/config/toml_reading.hpp"
#include "gis/export/qml_style.hpp"
#include "gis/gis_error.hpp"

namespace parkatlas {

namespace {

bool is_colour(const std::string& c) {
  if (c.size() != 7 && c.size() != 9) return false;
  if (c[0] != '#') return false;
  return std::all_of(c.begin() + 1, c.end(), [](unsigned char ch) { return std::isxdigit(ch); });
}

std::string colour_at(const std::string& file, const toml::node* n, const std::string& what) {
  if (!n) return "";
  const auto s = n->value<std::string>();
  if (!s || !is_colour(*s))
    throw GisError(toml_where(file, *n) + ": " + what + " is not a colour #RRGGBB or #RRGGBBAA");
  return *s;
}

std::vector<StyleCategory> categories(const std::string& file, const toml::table& all,
                                      const char* key) {
  std::vector<std::pair<long, StyleCategory>> found;
  const toml::table* t = all[key].as_table();
  if (!t) return {};
  for (const auto& [value, node] : *t) {
    const toml::table* c = node.as_table();
    if (!c) continue;
    StyleCategory cat;
    cat.value = std::string(value.str());
    cat.colour = colour_at(file, c->get("colour"), std::string(key) + "." + cat.value + ".colour");
    cat.zh = (*c)["zh"].value_or(std::string(cat.value));
    cat.en = (*c)["en"].value_or(std::string(cat.value));
    found.emplace_back(static_cast<long>(node.source().begin.line), std::move(cat));
  }
  // toml++ keeps keys sorted; the legend follows the order the file gives them in.
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<StyleCategory> out;
  for (auto& [line, cat] : found) out.push_back(std::move(cat));
  return out;
}

StyleRamp ramp(const std::string& file, const toml::table& all, const char* key) {
  StyleRamp r;
  const toml::table* t = all[key].as_table();
  if (!t) return r;
  if (const toml::array* b = (*t)["breaks"].as_array())
    for (const auto& v : *b) r.breaks.push_back(v.value_or(0.0));
  if (const toml::array* c = (*t)["colours"].as_array())
    for (const auto& v : *c)
      r.colours.push_back(colour_at(file, &v, std::string(key) + ".colours"));
  if (r.breaks.size() != r.colours.size())
    throw GisError(toml_where(file, *t) + ": [" + key + "] has " + std::to_string(r.breaks.size()) +
                   " breaks but " + std::to_string(r.colours.size()) + " colours");
  return r;
}

SimpleStyle simple(const std::string& file, const toml::table& all, const char* key) {
  SimpleStyle s;
  const toml::table* t = all[key].as_table();
  if (!t) return s;
  s.fill = colour_at(file, t->get("fill"), std::string(key) + ".fill");
  s.outline = colour_at(file, t->get("outline"), std::string(key) + ".outline");
  return s;
}

}  // namespace

StyleBook load_style_book(const std::string& path_in) {
  const std::string path = path_in.empty() ? styles_file() : path_in;
  const toml::table all = parse_toml_file(path, "the styles file");
  StyleBook book;
  book.verdict = categories(path, all, "verdict");
  book.idle_cls = categories(path, all, "idle_cls");
  book.far = ramp(path, all, "far");
  book.inv_mu = ramp(path, all, "inv_mu");
  book.park = simple(path, all, "park");
  book.unsupplied = simple(path, all, "unsupplied");
  book.approval_batches = simple(path, all, "approval_batches");
  book.buildings = simple(path, all, "buildings");
  book.proposals = simple(path, all, "proposals");
  book.constraints = simple(path, all, "constraints");
  if (const toml::table* c = all["clusters"].as_table())
    if (const toml::array* p = (*c)["palette"].as_array())
      for (const auto& v : *p)
        book.cluster_palette.push_back(colour_at(path, &v, "clusters.palette"));
  return book;
}

}  // namespace parkatlas
