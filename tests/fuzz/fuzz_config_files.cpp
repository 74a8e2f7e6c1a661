// libFuzzer harness: the TOML readers of project configs and rule sets. Any text either parses
// or throws GisError with a message; nothing else may escape.
#include <cstddef>
#include <cstdint>
#include <string>

#include "gis/config/project_config.hpp"
#include "gis/config/rule_set_file.hpp"
#include "gis/gis_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)parkatlas::parse_rule_set(text, "fuzz-rules.toml");
  } catch (const parkatlas::GisError& e) {
    if (std::string(e.what()).empty()) __builtin_trap();
  }
  try {
    (void)parkatlas::parse_project_config(text, "/nonexistent/fuzz.toml");
  } catch (const parkatlas::GisError& e) {
    if (std::string(e.what()).empty()) __builtin_trap();
  }
  return 0;
}
