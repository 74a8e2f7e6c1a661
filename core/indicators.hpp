// Per-parcel land-use indicators (data-model.md "Computed parcel fields"; domain.md §0, §3.2).
// Missing is not zero: an indicator whose input is missing stays empty.
#pragma once
#include <optional>
#include <string_view>

namespace parkatlas {

enum class FloorSource { attribute, buildings, none };
std::string_view to_string(FloorSource src);

struct IndicatorInputs {
  double land_m2 = 0;              // from geometry, measuring CRS
  std::optional<double> floor_m2;  // total floor area counted towards FAR
  FloorSource floor_src = FloorSource::none;
  std::optional<double> cover_m2;  // buildings + structures + yards (建筑系数 numerator)
  std::optional<double> invest_wan;
  std::optional<double> tax_wan;
  std::optional<double> revenue_wan;
};

struct Indicators {
  double land_m2 = 0;
  double land_mu = 0;
  std::optional<double> floor_m2;
  FloorSource floor_src = FloorSource::none;
  std::optional<double> far;       // floor_m2 / land_m2
  std::optional<double> coverage;  // cover_m2 / land_m2, a fraction
  std::optional<double> inv_mu;    // 万元/亩
  std::optional<double> tax_mu;    // 万元/亩
  std::optional<double> rev_mu;    // 万元/亩
};

Indicators compute_indicators(const IndicatorInputs& in);

}  // namespace parkatlas
