// libFuzzer harness: what exports take from users and data: --where filters (parsed, then
// evaluated on a row), Shapefile short names and file names made from values. Invariants: a
// short name never passes 10 bytes; a file name never holds a path separator or is "."/"..".
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/row_filter.hpp"
#include "core/safe_file_name.hpp"
#include "core/short_field_names.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto parsed = parkatlas::RowFilter::parse(text);
  if (parsed.filter) {
    const auto& fields = parsed.filter->fields();
    (void)parsed.filter->matches([&](size_t k) -> parkatlas::FilterValue {
      if (k % 3 == 0) return std::monostate{};
      if (k % 3 == 1) return 1.5;
      return fields[k];
    });
  }
  const std::string file = parkatlas::safe_file_name(text);
  if (file.empty() || file == "." || file == ".." || file.find('/') != std::string::npos ||
      file.find('\\') != std::string::npos)
    __builtin_trap();
  std::vector<std::string> names = {text, text, text.substr(0, size / 2), "park_id"};
  for (const char* enc : {"UTF-8", "CP936"})
    for (const auto& n : parkatlas::shapefile_field_names(names, enc))
      if (parkatlas::encoded_length(n.short_name, enc) > 10) __builtin_trap();
  return 0;
}
