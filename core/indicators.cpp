// Ratios of a parcel: FAR, coverage and the per-mu money figures.
#include "core/indicators.hpp"

#include "core/units.hpp"

namespace parkatlas {

std::string_view to_string(FloorSource src) {
  switch (src) {
    case FloorSource::attribute:
      return "attribute";
    case FloorSource::buildings:
      return "buildings";
    case FloorSource::none:
      return "none";
  }
  return "none";
}

Indicators compute_indicators(const IndicatorInputs& in) {
  Indicators out;
  out.land_m2 = in.land_m2;
  out.land_mu = m2_to_mu(in.land_m2);
  out.floor_m2 = in.floor_m2;
  out.floor_src = in.floor_m2 ? in.floor_src : FloorSource::none;
  if (in.land_m2 <= 0) return out;  // a degenerate parcel has no ratios
  auto per_land = [&](const std::optional<double>& v) -> std::optional<double> {
    if (!v) return std::nullopt;
    return *v / in.land_m2;
  };
  auto per_mu = [&](const std::optional<double>& v) -> std::optional<double> {
    if (!v) return std::nullopt;
    return *v / out.land_mu;
  };
  out.far = per_land(in.floor_m2);
  out.coverage = per_land(in.cover_m2);
  out.inv_mu = per_mu(in.invest_wan);
  out.tax_mu = per_mu(in.tax_wan);
  out.rev_mu = per_mu(in.revenue_wan);
  return out;
}

}  // namespace parkatlas
