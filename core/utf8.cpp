// UTF-8 byte-level helpers.
#include "core/utf8.hpp"

namespace parkatlas {

size_t utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 0;
}

bool is_valid_utf8(std::string_view s, bool* multibyte) {
  if (multibyte) *multibyte = false;
  size_t i = 0;
  while (i < s.size()) {
    size_t n = utf8_sequence_length(static_cast<unsigned char>(s[i]));
    if (n == 0) return false;
    if (i + n > s.size()) return true;  // cut at the very end
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    if (n > 1 && multibyte) *multibyte = true;
    i += n;
  }
  return true;
}

std::string_view without_broken_utf8_tail(std::string_view s) {
  size_t i = s.size(), continuation = 0;
  while (i > 0 && continuation < 3 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80)
    --i, ++continuation;
  if (i == 0) return s;
  size_t need = utf8_sequence_length(static_cast<unsigned char>(s[i - 1]));
  return need > 1 && continuation + 1 < need ? s.substr(0, i - 1) : s;
}

}  // namespace parkatlas
