// Sanitising data values into file names.
#include "core/safe_file_name.hpp"

#include <algorithm>
#include <cctype>

#include "core/utf8.hpp"

namespace parkatlas {

std::string safe_file_name(std::string_view name, size_t max_bytes) {
  std::string s;
  for (size_t i = 0; i < name.size();) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    size_t n = std::min(std::max<size_t>(1, utf8_sequence_length(c)), name.size() - i);
    // A multi-byte character counts only when every continuation byte is one (10xxxxxx): a
    // broken sequence must not carry a '/' along inside it.
    bool whole = n > 1;
    for (size_t k = 1; k < n; ++k)
      whole = whole && (static_cast<unsigned char>(name[i + k]) & 0xC0) == 0x80;
    if (n > 1 && !whole) n = 1;
    if (n == 1 &&
        (c < 0x20 || c == 0x7f ||
         std::string_view("\\/:*?\"<>|").find(static_cast<char>(c)) != std::string_view::npos)) {
      s += '_';
    } else if (n == 1 && c >= 0x80) {
      s += '_';  // a stray byte that is not UTF-8
    } else {
      if (s.size() + n > max_bytes) break;
      s.append(name.substr(i, n));
    }
    i += n;
  }
  auto edge = [](char c) { return c == ' ' || c == '.'; };
  while (!s.empty() && edge(s.back())) s.pop_back();
  size_t start = 0;
  while (start < s.size() && edge(s[start])) ++start;
  s = s.substr(start);
  if (s.empty()) return "_";
  std::string upper = s.substr(0, s.find('.'));
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  static const char* kDevices[] = {"CON",  "PRN",  "AUX",  "NUL",  "COM1", "COM2", "COM3", "COM4",
                                   "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3",
                                   "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"};
  for (const char* d : kDevices)
    if (upper == d) return "_" + s;
  return s;
}

}  // namespace parkatlas
