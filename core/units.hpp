// Area and money unit conversions used everywhere (data-model.md "Units and conventions").
// 1 mu = 10000/15 m2 exactly: always multiply by 15 and divide by 10000, never by a rounded 666.67.
#pragma once

namespace parkatlas {

constexpr double m2_to_mu(double m2) {
  return m2 * 15.0 / 10000.0;
}
constexpr double mu_to_m2(double mu) {
  return mu * 10000.0 / 15.0;
}
constexpr double m2_to_ha(double m2) {
  return m2 / 10000.0;
}
constexpr double ha_to_m2(double ha) {
  return ha * 10000.0;
}
// TD/T 1029 park indicators are per hectare: 万元/亩 x 15 = 万元/公顷.
constexpr double per_mu_to_per_ha(double per_mu) {
  return per_mu * 15.0;
}

}  // namespace parkatlas
