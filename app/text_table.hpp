// Plain-text tables for the terminal that line up with Chinese text (CJK glyphs are two columns).
#pragma once
#include <string>
#include <vector>

namespace parkatlas {

size_t display_width(const std::string& utf8);

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header, std::vector<bool> right_aligned = {});
  void add(std::vector<std::string> row);
  std::string render() const;

 private:
  std::vector<std::vector<std::string>> rows_;
  std::vector<bool> right_;
};

}  // namespace parkatlas
