// Column store for the attributes of one layer: one typed vector per field and a presence flag,
// so a million parcels cost bytes per value, not a variant per cell.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
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
  void push(Cell&& cell);  // moves text instead of copying it
  void set(size_t row, const Cell& cell);
  // Moves all rows of `other` (same name and type) to the end of this column.
  void append(Column&& other);

  bool has(size_t row) const { return row < present_.size() && present_[row]; }
  std::optional<double> real(size_t row) const;  // integers widen to double
  std::optional<std::int64_t> integer(size_t row) const;
  std::optional<CivilDate> date(size_t row) const;
  std::optional<std::string> text(size_t row) const;
  // The text without a copy; null when the row has none.
  const std::string* text_ref(size_t row) const {
    return has(row) && type_ == FieldType::text ? &texts_[row] : nullptr;
  }
  Cell cell(size_t row) const;

 private:
  std::string name_;
  FieldType type_ = FieldType::text;
  std::vector<std::uint8_t> present_;
  std::vector<double> reals_;
  std::vector<std::int64_t> ints_;
  std::vector<std::int32_t> days_;  // days since 1970-01-01
  std::vector<std::string> texts_;
};

}  // namespace parkatlas
