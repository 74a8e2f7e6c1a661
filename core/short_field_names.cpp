// Fitting field names into 10 DBF bytes without cutting a character or colliding.
#include "core/short_field_names.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/field_catalogue.hpp"
#include "core/utf8.hpp"

namespace parkatlas {

namespace {

std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

size_t encoded_length(std::string_view name, std::string_view encoding) {
  // shapefile_cut_name keeps whole characters up to a byte budget; with an unlimited budget its
  // cost function is the encoded length.
  const std::string lower = lower_ascii(std::string(encoding));
  const bool gbk = lower == "cp936" || lower == "gbk" || lower == "gb2312" || lower == "gb18030";
  size_t bytes = 0;
  for (size_t i = 0; i < name.size();) {
    size_t n =
        std::min(std::max<size_t>(1, utf8_sequence_length(static_cast<unsigned char>(name[i]))),
                 name.size() - i);
    bytes += gbk ? (n == 1 ? 1 : 2) : n;
    i += n;
  }
  return bytes;
}

std::vector<ShortName> shapefile_field_names(const std::vector<std::string>& names,
                                             std::string_view encoding, size_t max_bytes) {
  std::vector<ShortName> out(names.size());
  std::set<std::string> taken;  // lower-cased
  // First pass: names that fit keep themselves (first come, first served on a case clash).
  for (size_t i = 0; i < names.size(); ++i) {
    out[i].original = names[i];
    if (!names[i].empty() && encoded_length(names[i], encoding) <= max_bytes &&
        taken.insert(lower_ascii(names[i])).second)
      out[i].short_name = names[i];
  }
  // Second pass: the rest get the longest whole-character prefix that is still free, else a
  // prefix plus "_N".
  for (size_t i = 0; i < names.size(); ++i) {
    if (!out[i].short_name.empty()) continue;
    out[i].changed = true;
    std::string base = names[i].empty() ? std::string("field") : names[i];
    std::string candidate = shapefile_cut_name(base, encoding, max_bytes);
    if (candidate.empty()) candidate = "field";
    if (taken.insert(lower_ascii(candidate)).second) {
      out[i].short_name = candidate;
      continue;
    }
    for (int n = 1;; ++n) {
      const std::string suffix = "_" + std::to_string(n);
      std::string stem = shapefile_cut_name(base, encoding, max_bytes - suffix.size());
      while (!stem.empty() && stem.back() == '_') stem.pop_back();  // "sup_win_" + "_1" reads badly
      candidate = stem + suffix;
      if (taken.insert(lower_ascii(candidate)).second) break;
    }
    out[i].short_name = candidate;
  }
  return out;
}

}  // namespace parkatlas
