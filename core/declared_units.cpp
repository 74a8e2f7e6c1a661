// Conversion factors for declared input units.
#include "core/declared_units.hpp"

#include "core/units.hpp"

namespace parkatlas {

std::optional<double> unit_factor(Quantity quantity, std::string_view unit) {
  switch (quantity) {
    case Quantity::area:
      if (unit == "m2") return 1.0;
      if (unit == "mu") return mu_to_m2(1.0);
      if (unit == "ha") return ha_to_m2(1.0);
      if (unit == "wan_m2") return 10000.0;
      if (unit == "ft2") return 0.09290304;  // international foot squared, exact
      return std::nullopt;
    case Quantity::money:
      if (unit == "wan") return 1.0;
      if (unit == "yuan") return 1.0 / 10000.0;
      if (unit == "yi") return 10000.0;
      return std::nullopt;
    case Quantity::none:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace parkatlas
