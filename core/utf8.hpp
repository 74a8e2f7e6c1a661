// UTF-8 byte-level helpers shared by field-name matching, encoding detection and text layout.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace parkatlas {

// Length of the UTF-8 sequence a lead byte starts (1 for ASCII, 0 for a continuation or
// invalid lead byte).
size_t utf8_sequence_length(unsigned char lead);

// True when `s` is valid UTF-8, forgiving only a sequence cut at the very end (a sample may cut
// one). `multibyte` tells whether any non-ASCII character was seen.
bool is_valid_utf8(std::string_view s, bool* multibyte = nullptr);

// `s` without an incomplete UTF-8 sequence at its end (a Shapefile field name GDAL cut
// mid-character); unchanged when it ends on a complete character.
std::string_view without_broken_utf8_tail(std::string_view s);
// `s` as valid UTF-8 for display and output names: a character cut at the end (GDAL cuts Shapefile
// field names at 10 bytes) is dropped, any other invalid byte becomes '?'.
std::string valid_utf8(std::string_view s);

}  // namespace parkatlas
