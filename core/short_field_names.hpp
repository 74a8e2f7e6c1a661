// Shapefile field names (issue 4 §2): a DBF field name holds 10 bytes in the file's encoding, and
// GDAL cuts longer ones silently, possibly in the middle of a character. Names that fit are kept;
// the others get unique, readable short names made of whole characters, and the caller writes the
// mapping beside the file.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace parkatlas {

// Bytes `utf8_name` takes in `encoding` ("UTF-8" or a GBK name such as "CP936").
size_t encoded_length(std::string_view utf8_name, std::string_view encoding);

struct ShortName {
  std::string original, short_name;
  bool changed = false;
};

// One short name per input name, in order. Unique ignoring ASCII case (DBF names are), each at
// most `max_bytes` in `encoding`, never a cut character: "投资强度万元每亩" in UTF-8 becomes
// "投资强" and its sibling "投资_1"-style names when they would collide.
std::vector<ShortName> shapefile_field_names(const std::vector<std::string>& names,
                                             std::string_view encoding, size_t max_bytes = 10);

}  // namespace parkatlas
