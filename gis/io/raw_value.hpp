// A source value as the driver gave it (from an OGR feature or an Arrow column), and its
// conversion to a canonical field's type: one set of rules for every reading path.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/attribute_table.hpp"
#include "core/field_catalogue.hpp"

class OGRFeature;

namespace parkatlas {

struct RawValue {
  enum class Kind { null, integer, real, text, date, bad_date } kind = Kind::null;
  std::int64_t i = 0;
  double d = 0;
  std::string s;  // text owned (read from an OGR feature), or how an impossible date was written
  // Text borrowed from the source's buffer (an Arrow batch) instead of copied into `s`: a
  // million parcels' texts were copied twice before reaching their column.
  std::string_view borrowed;
  bool is_borrowed = false;
  CivilDate date;

  std::string_view text() const { return is_borrowed ? borrowed : std::string_view(s); }
};

// Why a value could not be converted, and the value as text.
struct Rejection {
  std::string value;
  std::string why;
};

RawValue raw_from_feature(OGRFeature& feature, int field);
// A date (or date-time) field as YYYY-MM-DD; OGR's own text is 2024/01/31.
std::string iso_date_text(const OGRFeature& feature, int field);

// Converts to the canonical field's type, applying `unit_factor` to numbers. A value that cannot
// be converted sets `rejected` and gives an empty cell.
Cell to_canonical(const RawValue& v, const CanonicalField& field, double unit_factor,
                  std::optional<Rejection>& rejected);

// Unmapped source fields keep their own type (`type` from the source field definition).
Cell to_extra(const RawValue& v, FieldType type);

// Numbers as text the way ids are expected: 4026320005, not 4026320005.000000.
std::string number_text(double v);

}  // namespace parkatlas
