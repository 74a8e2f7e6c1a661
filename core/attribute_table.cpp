// Typed column storage.
#include "core/attribute_table.hpp"

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
      text_ends_.reserve(n);
      break;
  }
}

void Column::push(const Cell& cell) {
  bool ok = false;
  switch (type_) {
    case FieldType::real: {
      double v = 0;
      if (auto d = std::get_if<double>(&cell))
        v = *d, ok = true;
      else if (auto i = std::get_if<std::int64_t>(&cell))
        v = static_cast<double>(*i), ok = true;
      reals_.push_back(v);
      break;
    }
    case FieldType::integer: {
      auto i = std::get_if<std::int64_t>(&cell);
      ints_.push_back(i ? *i : 0);
      ok = i != nullptr;
      break;
    }
    case FieldType::date: {
      auto d = std::get_if<CivilDate>(&cell);
      days_.push_back(d ? static_cast<std::int32_t>(to_sys_days(*d).time_since_epoch().count())
                        : 0);
      ok = d != nullptr;
      break;
    }
    case FieldType::text: {
      if (auto s = std::get_if<std::string>(&cell)) {
        chars_.insert(chars_.end(), s->begin(), s->end());
        ok = true;
      }
      text_ends_.push_back(chars_.size());
      break;
    }
  }
  present_.push_back(ok ? 1 : 0);
}

void Column::append(Column&& other) {
  present_.insert(present_.end(), other.present_.begin(), other.present_.end());
  reals_.insert(reals_.end(), other.reals_.begin(), other.reals_.end());
  ints_.insert(ints_.end(), other.ints_.begin(), other.ints_.end());
  days_.insert(days_.end(), other.days_.begin(), other.days_.end());
  const std::uint64_t shift = chars_.size();
  chars_.insert(chars_.end(), other.chars_.begin(), other.chars_.end());
  text_ends_.reserve(text_ends_.size() + other.text_ends_.size());
  for (std::uint64_t end : other.text_ends_) text_ends_.push_back(end + shift);
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
  if (auto v = text_view(row)) return std::string(*v);
  return std::nullopt;
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
      return std::string(*text_view(row));
  }
  return std::monostate{};
}

}  // namespace parkatlas
