// Parsing TOML files with errors that name file, line and key.
#include "gis/config/toml_reading.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "gis/gis_error.hpp"

namespace parkatlas {

std::string toml_where(const std::string& file, const toml::node& node) {
  const auto& src = node.source();
  return file + ":" + std::to_string(src.begin.line);
}

void require_known_keys(const std::string& file, const toml::table& table, std::string_view what,
                        std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, node] : table) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      throw GisError(toml_where(file, node) + ": unknown key '" + std::string(key.str()) + "' in " +
                     std::string(what) + " (expected one of: " + list + ")");
    }
  }
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw GisError("cannot read the file", {path});
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

toml::table parse_toml_file(const std::string& path, std::string_view what) {
  return parse_toml_text(read_text_file(path), path, what);
}

toml::table parse_toml_text(const std::string& text, const std::string& path,
                            std::string_view what) {
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    throw GisError(path + ":" + std::to_string(e.source().begin.line) + ":" +
                   std::to_string(e.source().begin.column) + ": " + std::string(what) +
                   " is not valid TOML: " + std::string(e.description()));
  }
}

}  // namespace parkatlas
