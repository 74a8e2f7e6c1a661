// Conversion of raw source values to canonical cells.
#include "gis/io/raw_value.hpp"

#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdio>

#include "core/declared_units.hpp"
#include "core/field_value.hpp"

namespace parkatlas {

std::string number_text(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, std::floor(v) == v && std::fabs(v) < 1e15 ? "%.0f" : "%.15g", v);
  return buf;
}

std::string iso_date_text(const OGRFeature& f, int idx) {
  int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
  float ss = 0;
  f.GetFieldAsDateTime(idx, &y, &m, &d, &hh, &mm, &ss, &tz);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

RawValue raw_from_feature(OGRFeature& f, int idx) {
  RawValue v;
  if (!f.IsFieldSetAndNotNull(idx)) return v;
  switch (f.GetFieldDefnRef(idx)->GetType()) {
    case OFTInteger:
    case OFTInteger64:
      v.kind = RawValue::Kind::integer;
      v.i = f.GetFieldAsInteger64(idx);
      break;
    case OFTReal:
      v.kind = RawValue::Kind::real;
      v.d = f.GetFieldAsDouble(idx);
      break;
    case OFTDate:
    case OFTDateTime: {
      int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
      float ss = 0;
      f.GetFieldAsDateTime(idx, &y, &m, &d, &hh, &mm, &ss, &tz);
      v.date = CivilDate{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
      v.kind = is_valid(v.date) ? RawValue::Kind::date : RawValue::Kind::bad_date;
      if (v.kind == RawValue::Kind::bad_date) v.s = f.GetFieldAsString(idx);
      break;
    }
    default:
      v.kind = RawValue::Kind::text;
      v.s = f.GetFieldAsString(idx);
      break;
  }
  return v;
}

Cell to_canonical(const RawValue& v, const CanonicalField& cf, double factor,
                  std::optional<Rejection>& rejected) {
  using K = RawValue::Kind;
  auto fail = [&](std::string text, std::string why) -> Cell {
    rejected = Rejection{std::move(text), std::move(why)};
    return std::monostate{};
  };
  // The value as text, made only where a conversion needs it (formatting every number cost
  // more than reading it).
  auto as_text = [&v]() -> std::string {
    switch (v.kind) {
      case K::integer:
        return std::to_string(v.i);
      case K::real:
        return number_text(v.d);
      case K::date:
        return to_iso(v.date);
      default:
        return std::string(v.text());
    }
  };
  // Text values are trimmed straight from the source's bytes; numbers and dates are printed
  // first, and only where a conversion needs their text.
  auto trimmed = [&]() -> std::string {
    return v.kind == K::text || v.kind == K::bad_date ? trim(v.text()) : trim(as_text());
  };
  switch (v.kind == K::null ? FieldType::text : cf.type) {
    case FieldType::real: {
      // Areas and amounts cannot be negative or infinite; a unit written in the text ("1.2万元",
      // "15亩") beats the unit declared for the field.
      const bool measured = cf.quantity != Quantity::none;
      auto checked = [&](double value, const std::string& shown) -> Cell {
        if (!std::isfinite(value)) return fail(shown, "is not a finite number");
        if (measured && value < 0) return fail(shown, "is negative");
        return value;
      };
      // The text is made only for a rejected value: printing every number to hand it to
      // checked() was the biggest cost of reading a million parcels.
      if (v.kind == K::integer || v.kind == K::real) {
        const double value = (v.kind == K::integer ? static_cast<double>(v.i) : v.d) * factor;
        if (std::isfinite(value) && !(measured && value < 0)) return value;
        return checked(value, as_text());
      }
      std::string s = trimmed();
      if (s.empty()) return std::monostate{};
      if (auto n = parse_number(s)) return checked(*n * factor, s);
      if (auto u = parse_number_with_unit(s, cf.quantity)) return checked(*u, s);
      return fail(s, measured ? "is not a number (units understood in the text: 元 万元 亿元, "
                                "平方米 ㎡ 亩 公顷)"
                              : "is not a number");
    }
    case FieldType::integer: {
      if (v.kind == K::integer) return v.i;
      std::string s = trimmed();
      if (s.empty()) return std::monostate{};
      auto n = v.kind == K::real ? std::optional<double>(v.d) : parse_number(s);
      if (!n || std::floor(*n) != *n) return fail(s, "is not a whole number");
      return static_cast<std::int64_t>(*n);
    }
    case FieldType::date: {
      if (v.kind == K::date) {
        if (!is_plausible_year(v.date.year))
          return fail(to_iso(v.date), "is not a plausible date (year outside 1900-2200)");
        return v.date;
      }
      if (v.kind == K::bad_date) return fail(v.s, "is not a valid date");
      std::string s = trimmed();
      if (s.empty()) return std::monostate{};
      auto d = parse_date(s);
      if (!d) return fail(s, "is not a date (expected e.g. 2019-02-03, 20190203 or 2019年2月3日)");
      return *d;
    }
    case FieldType::text: {
      if (v.kind == K::null) return std::monostate{};
      std::string s = trimmed();
      if (s.empty()) return std::monostate{};
      return s;
    }
  }
  return std::monostate{};
}

Cell to_extra(const RawValue& v, FieldType type) {
  using K = RawValue::Kind;
  switch (v.kind) {
    case K::null:
      return std::monostate{};
    case K::integer:
      if (type == FieldType::real) return static_cast<double>(v.i);
      if (type == FieldType::text) return std::to_string(v.i);
      return v.i;
    case K::real:
      if (type == FieldType::integer) return static_cast<std::int64_t>(v.d);
      if (type == FieldType::text) return number_text(v.d);
      return v.d;
    case K::date:
      if (type == FieldType::text) return to_iso(v.date);
      return type == FieldType::date ? Cell{v.date} : Cell{std::monostate{}};
    case K::bad_date:
      return type == FieldType::text ? Cell{std::string(v.text())} : Cell{std::monostate{}};
    case K::text:
      return type == FieldType::text ? Cell{std::string(v.text())} : Cell{std::monostate{}};
  }
  return std::monostate{};
}

}  // namespace parkatlas
