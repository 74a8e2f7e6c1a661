// libFuzzer harness: the attribute-value parsers (numbers, numbers with units, dates, land-use
// codes, park levels) and declared units must be total on any bytes: no crash, no undefined
// behaviour, a parsed date is a valid date, a parsed amount is finite.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/declared_units.hpp"
#include "core/field_value.hpp"
#include "core/land_use.hpp"
#include "core/park_level.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)parkatlas::parse_number(text);
  if (auto d = parkatlas::parse_date(text)) {
    if (!parkatlas::is_valid(*d)) __builtin_trap();
  }
  (void)parkatlas::trim(text);
  (void)parkatlas::unit_factor(parkatlas::Quantity::area, text);
  (void)parkatlas::unit_factor(parkatlas::Quantity::money, text);
  for (auto q : {parkatlas::Quantity::area, parkatlas::Quantity::money})
    if (auto v = parkatlas::parse_number_with_unit(text, q); v && !std::isfinite(*v))
      __builtin_trap();
  (void)parkatlas::code_matches_prefixes(text, {"0601", "M", "1001"});
  (void)parkatlas::parse_park_level(text);
  (void)parkatlas::parse_land_use_scheme(text);
  return 0;
}
