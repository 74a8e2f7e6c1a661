// Typed column storage.
#include "core/attribute_table.hpp"

#include <iterator>

namespace parkatlas {

void Column::reserve(size_t n) {
  present_.reserve(n);
  switch (type_) {
    case FieldType::real:
      reals_.reserve(n);
      break;
    case FieldType::integer:
      ints_.reserve(n);
      break;
    case FieldType::date:
      days_.reserve(n);
      break;
    case FieldType::text:
      texts_.reserve(n);
      break;
  }
}

void Column::push(const Cell& cell) {
  present_.push_back(0);
  switch (type_) {
    case FieldType::real:
      reals_.push_back(0);
      break;
    case FieldType::integer:
      ints_.push_back(0);
      break;
    case FieldType::date:
      days_.push_back(0);
      break;
    case FieldType::text:
      texts_.emplace_back();
      break;
  }
  set(present_.size() - 1, cell);
}

void Column::push(Cell&& cell) {
  if (type_ == FieldType::text) {
    if (auto* s = std::get_if<std::string>(&cell)) {
      present_.push_back(1);
      texts_.push_back(std::move(*s));
      return;
    }
  }
  push(static_cast<const Cell&>(cell));
}

void Column::set(size_t row, const Cell& cell) {
  bool ok = false;
  switch (type_) {
    case FieldType::real:
      if (auto d = std::get_if<double>(&cell))
        reals_[row] = *d, ok = true;
      else if (auto i = std::get_if<std::int64_t>(&cell))
        reals_[row] = static_cast<double>(*i), ok = true;
      break;
    case FieldType::integer:
      if (auto i = std::get_if<std::int64_t>(&cell)) ints_[row] = *i, ok = true;
      break;
    case FieldType::date:
      if (auto d = std::get_if<CivilDate>(&cell))
        days_[row] = static_cast<std::int32_t>(to_sys_days(*d).time_since_epoch().count()),
        ok = true;
      break;
    case FieldType::text:
      if (auto s = std::get_if<std::string>(&cell)) texts_[row] = *s, ok = true;
      break;
  }
  present_[row] = ok ? 1 : 0;
}

void Column::append(Column&& other) {
  present_.insert(present_.end(), other.present_.begin(), other.present_.end());
  reals_.insert(reals_.end(), other.reals_.begin(), other.reals_.end());
  ints_.insert(ints_.end(), other.ints_.begin(), other.ints_.end());
  days_.insert(days_.end(), other.days_.begin(), other.days_.end());
  texts_.insert(texts_.end(), std::make_move_iterator(other.texts_.begin()),
                std::make_move_iterator(other.texts_.end()));
  other = Column(other.name_, other.type_);  // its memory is given back now, not at the end
}

std::optional<double> Column::real(size_t row) const {
  if (!has(row)) return std::nullopt;
  if (type_ == FieldType::real) return reals_[row];
  if (type_ == FieldType::integer) return static_cast<double>(ints_[row]);
  return std::nullopt;
}

std::optional<std::int64_t> Column::integer(size_t row) const {
  if (!has(row) || type_ != FieldType::integer) return std::nullopt;
  return ints_[row];
}

std::optional<CivilDate> Column::date(size_t row) const {
  if (!has(row) || type_ != FieldType::date) return std::nullopt;
  return from_sys_days(std::chrono::sys_days{std::chrono::days{days_[row]}});
}

std::optional<std::string> Column::text(size_t row) const {
  if (!has(row) || type_ != FieldType::text) return std::nullopt;
  return texts_[row];
}

Cell Column::cell(size_t row) const {
  if (!has(row)) return std::monostate{};
  switch (type_) {
    case FieldType::real:
      return reals_[row];
    case FieldType::integer:
      return ints_[row];
    case FieldType::date:
      return *date(row);
    case FieldType::text:
      return texts_[row];
  }
  return std::monostate{};
}

}  // namespace parkatlas
