// Column store for the attributes of one layer: one typed vector per field and a presence flag,
// so a million parcels cost bytes per value, not a variant per cell. Texts lie end to end in one
// buffer with the end offset of each row beside it (8 bytes a row instead of a 32-byte string and,
// for most Chinese names, a heap block of its own: 180 MB less for a province's parcels).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/civil_date.hpp"
#include "core/field_catalogue.hpp"

namespace parkatlas {

using Cell = std::variant<std::monostate, double, std::int64_t, CivilDate, std::string>;

class Column {
 public:
  Column() = default;
  Column(std::string name, FieldType type) : name_(std::move(name)), type_(type) {}

  const std::string& name() const { return name_; }
  FieldType type() const { return type_; }
  size_t size() const { return present_.size(); }
  void reserve(size_t n);

  // Appends a value converted to the column's type (a mismatching kind appends null).
  void push(const Cell& cell);
  // Moves all rows of `other` (same name and type) to the end of this column.
  void append(Column&& other);
  // Bytes of text held, and room for more (to append several columns without regrowing).
  size_t text_bytes() const { return chars_.size(); }
  void reserve_text_bytes(size_t n) { chars_.reserve(n); }

  bool has(size_t row) const { return row < present_.size() && present_[row]; }
  std::optional<double> real(size_t row) const;  // integers widen to double
  std::optional<std::int64_t> integer(size_t row) const;
  std::optional<CivilDate> date(size_t row) const;
  std::optional<std::string> text(size_t row) const;
  // The text without a copy (valid until the column grows); none when the row has none.
  std::optional<std::string_view> text_view(size_t row) const {
    if (!has(row) || type_ != FieldType::text) return std::nullopt;
    const std::uint64_t begin = row == 0 ? 0 : text_ends_[row - 1];
    return std::string_view(chars_.data() + begin, text_ends_[row] - begin);
  }
  Cell cell(size_t row) const;

 private:
  std::string name_;
  FieldType type_ = FieldType::text;
  std::vector<std::uint8_t> present_;
  std::vector<double> reals_;
  std::vector<std::int64_t> ints_;
  std::vector<std::int32_t> days_;        // days since 1970-01-01
  std::vector<std::uint64_t> text_ends_;  // text columns: end of row i's text in chars_
  std::vector<char> chars_;
};

}  // namespace parkatlas
