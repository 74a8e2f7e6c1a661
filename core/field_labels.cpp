// The label table: computed fields of data-model.md and the idle/roll-up columns.
#include "core/field_labels.hpp"

#include <map>

#include "core/field_catalogue.hpp"

namespace parkatlas {

namespace {

const std::map<std::string, FieldLabel, std::less<>>& labels() {
  static const std::map<std::string, FieldLabel, std::less<>> m = {
      {"park_id", {"园区代码", ""}},
      {"park_lvl", {"园区级别", ""}},
      {"land_m2", {"用地面积 (m²)", "amount"}},
      {"land_mu", {"用地面积 (亩)", "amount"}},
      {"floor_m2", {"建筑面积 (m²)", "amount"}},
      {"floor_src", {"建筑面积来源", ""}},
      {"far", {"容积率", "ratio"}},
      {"coverage", {"建筑系数", "percent"}},
      {"inv_mu", {"投资强度 (万元/亩)", "amount"}},
      {"tax_mu", {"亩均税收 (万元/亩)", "amount"}},
      {"rev_mu", {"亩均营收 (万元/亩)", "amount"}},
      {"far_min", {"容积率下限", "ratio"}},
      {"inv_min", {"投资强度下限 (万元/亩)", "amount"}},
      {"cov_min", {"建筑系数下限", "percent"}},
      {"far_ok", {"容积率达标 (1/0)", "integer"}},
      {"inv_ok", {"投资强度达标 (1/0)", "integer"}},
      {"cov_ok", {"建筑系数达标 (1/0)", "integer"}},
      {"verdict", {"判定", ""}},
      {"reason", {"判定依据", ""}},
      {"idle_cls", {"闲置类别", ""}},
      {"class_zh", {"类别", ""}},
      {"idle_days", {"闲置天数", "integer"}},
      {"idle_fee", {"闲置费 (万元)", "amount"}},
      {"low_eff", {"低效原因", ""}},
      {"problems", {"数据问题", ""}},
      {"park_name", {"园区名称", ""}},
      {"becomes_idle", {"满一年日期", ""}},
      {"basis", {"依据", ""}},
      {"n_parcels", {"宗地数", "integer"}},
      {"n_ind", {"工业宗地数", "integer"}},
      {"ind_mu", {"工业用地 (亩)", "amount"}},
      {"ind_far", {"工业用地容积率", "ratio"}},
      {"ind_inv_mu", {"工业用地投资强度 (万元/亩)", "amount"}},
      {"ok_sh_n", {"达标比例 (宗数)", "percent"}},
      {"ok_sh_area", {"达标比例 (面积)", "percent"}},
      {"appr_m2", {"批准面积 (m²)", "amount"}},
      {"appr_mu", {"批准面积 (亩)", "amount"}},
      {"unsup_m2", {"批而未供 (m²)", "amount"}},
      {"unsup_mu", {"批而未供 (亩)", "amount"}},
      {"unsup_rate", {"批而未供率", "percent"}},
      {"supply_rt", {"供地率", "percent"}},
      {"unused_mu", {"供而未用 (亩)", "amount"}},
      {"stock_mu", {"批而未用 (亩)", "amount"}},
      {"sup_win_mu", {"近期供地 (亩)", "amount"}},
      {"sta_win_mu", {"近期开工 (亩)", "amount"}},
      {"dig_mu_yr", {"年均消化 (亩/年)", "amount"}},
      {"dig_years", {"消化周期 (年)", "ratio"}},
      {"dig_target", {"消化周期目标 (年)", "ratio"}},
      {"dig_ok", {"消化周期达标 (1/0)", "integer"}},
      {"age_years", {"批准年限 (年)", "integer"}},
      {"age_bucket", {"批准年限分组", ""}},
      {"slivers", {"碎片数", "integer"}},
      {"sliver_m2", {"碎片面积 (m²)", "amount"}},
      {"batch_id", {"批次号", ""}},
      {"level", {"层级", ""}},
      {"county", {"县区", ""}},
      {"city", {"设区市", ""}},
      {"name", {"名称", ""}},
      {"layer", {"图层", ""}},
      {"source", {"数据源", ""}},
      {"src_fid", {"源要素号", "integer"}},
      {"feature", {"要素", ""}},
      {"field", {"字段", ""}},
      {"message", {"问题", ""}},
      {"action", {"处理", ""}},
  };
  return m;
}

}  // namespace

FieldLabel field_label(std::string_view name) {
  if (auto it = labels().find(name); it != labels().end()) return it->second;
  // Idle-class columns of the roll-ups: i_idle (count), imu_idle (亩); verdict columns n_/mu_.
  auto starts = [&](std::string_view p) { return name.substr(0, p.size()) == p; };
  if (starts("imu_")) return {"面积 " + std::string(name.substr(4)) + " (亩)", "amount"};
  if (starts("mu_")) return {"面积 " + std::string(name.substr(3)) + " (亩)", "amount"};
  if (starts("i_")) return {"宗数 " + std::string(name.substr(2)), "integer"};
  if (starts("n_")) return {"宗数 " + std::string(name.substr(2)), "integer"};
  // Canonical input fields: their first Chinese alias.
  for (LayerKind kind :
       {LayerKind::parcels, LayerKind::parks, LayerKind::buildings, LayerKind::approval_batches})
    for (const auto& f : canonical_fields(kind))
      if (f.name == name)
        for (const auto& alias : f.aliases)
          if (!alias.empty() && static_cast<unsigned char>(alias[0]) >= 0x80)
            return {alias, f.type == FieldType::real      ? "amount"
                           : f.type == FieldType::integer ? "integer"
                                                          : ""};
  return {std::string(name), ""};
}

}  // namespace parkatlas
