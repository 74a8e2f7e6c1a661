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

namespace {

// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlong forms, no surrogates,
// nothing past U+10FFFF), 0 when there is none.
size_t strict_sequence(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size() || b(1) < lo || b(1) > hi) return 0;
  for (size_t k = 2; k < n; ++k)
    if ((b(k) & 0xC0) != 0x80) return 0;
  return n;
}

}  // namespace

std::string valid_utf8(std::string_view s) {
  std::string_view t = without_broken_utf8_tail(s);
  std::string out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size();) {
    if (size_t n = strict_sequence(t, i)) {
      out.append(t.substr(i, n));
      i += n;
    } else {
      out += '?';
      ++i;
    }
  }
  return out;
}

}  // namespace parkatlas
