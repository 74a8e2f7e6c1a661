// Column alignment by display width.
#include "app/text_table.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace parkatlas {

size_t display_width(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    size_t n = std::max<size_t>(1, utf8_sequence_length(static_cast<unsigned char>(s[i])));
    // Three- and four-byte sequences here are CJK ideographs and full-width forms: two columns.
    w += n >= 3 ? 2 : 1;
    i += n;
  }
  return w;
}

TextTable::TextTable(std::vector<std::string> header, std::vector<bool> right_aligned)
    : right_(std::move(right_aligned)) {
  right_.resize(header.size(), false);
  rows_.push_back(std::move(header));
}

void TextTable::add(std::vector<std::string> row) {
  row.resize(rows_.front().size());
  rows_.push_back(std::move(row));
}

std::string TextTable::render() const {
  std::vector<size_t> width(rows_.front().size(), 0);
  for (const auto& r : rows_)
    for (size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], display_width(r[c]));
  std::string out;
  for (size_t ri = 0; ri < rows_.size(); ++ri) {
    const auto& r = rows_[ri];
    for (size_t c = 0; c < r.size(); ++c) {
      std::string pad(width[c] - display_width(r[c]), ' ');
      out += right_[c] ? pad + r[c] : r[c] + pad;
      out += c + 1 < r.size() ? "  " : "";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += '\n';
    if (ri == 0) {
      size_t total = 0;
      for (size_t c = 0; c < width.size(); ++c) total += width[c] + (c + 1 < width.size() ? 2 : 0);
      out += std::string(total, '-') + '\n';
    }
  }
  return out;
}

}  // namespace parkatlas
