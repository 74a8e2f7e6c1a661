// libFuzzer harness: the attribute-value parsers (numbers, dates) and declared units must be total
// on any bytes: no crash, no undefined behaviour, and a parsed date is always a valid date.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/declared_units.hpp"
#include "core/field_value.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)parkatlas::parse_number(text);
  if (auto d = parkatlas::parse_date(text)) {
    if (!parkatlas::is_valid(*d)) __builtin_trap();
  }
  (void)parkatlas::trim(text);
  (void)parkatlas::unit_factor(parkatlas::Quantity::area, text);
  (void)parkatlas::unit_factor(parkatlas::Quantity::money, text);
  return 0;
}
