// Conversion factors for declared input units.
#include "core/declared_units.hpp"

#include "core/field_value.hpp"

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

std::optional<double> parse_number_with_unit(std::string_view text, Quantity quantity) {
  struct Suffix {
    std::string_view text;
    double factor;
  };
  // Longest first, so that 万元 is not read as 元 and 万平方米 not as 平方米.
  static const Suffix kMoney[] = {
      {"亿元", 1e4}, {"万元", 1.0}, {"亿", 1e4}, {"万", 1.0}, {"元", 1e-4}};
  static const Suffix kArea[] = {
      {"万平方米", 1e4}, {"万㎡", 1e4}, {"平方米", 1.0}, {"公顷", 1e4}, {"平米", 1.0},
      {"㎡", 1.0},       {"m²", 1.0},   {"m2", 1.0},     {"ha", 1e4},   {"亩", 10000.0 / 15.0}};
  std::string t = trim(text);
  auto try_suffixes = [&](const auto& list) -> std::optional<double> {
    for (const auto& s : list) {
      if (t.size() <= s.text.size() ||
          t.compare(t.size() - s.text.size(), s.text.size(), s.text) != 0)
        continue;
      auto n = parse_number(std::string_view(t).substr(0, t.size() - s.text.size()));
      if (n) return *n * s.factor;
      return std::nullopt;
    }
    return std::nullopt;
  };
  if (quantity == Quantity::money) return try_suffixes(kMoney);
  if (quantity == Quantity::area) return try_suffixes(kArea);
  return std::nullopt;
}

}  // namespace parkatlas
