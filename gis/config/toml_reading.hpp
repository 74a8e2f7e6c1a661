// Small helpers shared by the TOML readers: strict key checks with file:line context.
#pragma once
#include <toml++/toml.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace parkatlas {

std::string toml_where(const std::string& file, const toml::node& node);
// Throws when `table` holds a key outside `allowed` (typos must not be silently ignored).
void require_known_keys(const std::string& file, const toml::table& table, std::string_view what,
                        std::initializer_list<std::string_view> allowed);
toml::table parse_toml_file(const std::string& path, std::string_view what);
toml::table parse_toml_text(const std::string& text, const std::string& path,
                            std::string_view what);
std::string read_text_file(const std::string& path);

}  // namespace parkatlas
