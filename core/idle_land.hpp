// 闲置土地 (idle land) under 《闲置土地处置办法》(国土资源部令第53号, 2012) as domain.md §2.5 turns
// it into a decision: where a supplied parcel stands on the evaluation date, how long it has been
// idle, and what the law lets the bureau do. Thresholds come from the rule set.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.hpp"

namespace parkatlas {

// data-model.md idle_cls; when several apply the first in this order wins:
// idle_2y, idle, halted_idle, gov_delay, overdue, pending, unsupplied, low_eff, none.
enum class IdleClass {
  none,
  unsupplied,
  pending,
  overdue,
  idle,
  idle_2y,
  halted_idle,
  gov_delay,
  low_eff
};
std::string_view to_string(IdleClass c);

// What "developed area" is measured in (sources disagree, domain.md §2.2).
enum class DevelopedMeasure { land, footprint, floor };

struct IdleRules {
  int idle_years = 1;                      // 第二条: 满一年未动工开发
  int recover_years = 2;                   // 第十四条: 满两年未动工开发 -> 无偿收回
  double developed_share_min = 1.0 / 3.0;  // 第二条: 开发建设用地面积 < 1/3 …
  double invested_share_min = 0.25;        // … 或已投资额 < 25 % of the total
  int halted_years = 1;                    // … 中止开发建设满一年
  double fee_share = 0.20;                 // 第十四条: 出让或划拨价款的百分之二十
  int warning_days = 90;                   // early warning: becomes idle within this many days
  DevelopedMeasure measure = DevelopedMeasure::land;
  // Evidence from the buildings layer ([I], issue 3 §2): a parcel marked started whose buildings
  // cover less than this share shows no construction; one not marked started whose buildings
  // cover at least `built_coverage` is substantially built. Both are data conflicts.
  double no_construction_coverage = 0.05;
  double built_coverage = 0.20;
};

struct IdleInputs {
  std::optional<CivilDate> approved, supplied, start_due, started, halted;
  std::optional<double> developed;           // dev_m2, in the rule set's measure
  std::optional<double> developed_required;  // the same measure for the whole parcel
  std::optional<double> invest_done, invest_total, land_price;  // 万元
  std::string gov_cause;  // non-empty: 第八条 cause or force_majeure
};

struct IdleResult {
  IdleClass cls = IdleClass::none;
  long idle_days = 0;                     // from start_due (halted_idle: the halt) to the date
  std::optional<double> fee;              // suggested idle fee, 万元
  std::optional<CivilDate> becomes_idle;  // pending/overdue: the first anniversary of start_due
  bool warning = false;                   // becomes idle within warning_days
  std::string basis;                      // the rule and what it allows, in words
};

IdleResult classify_idle(const IdleInputs& in, const CivilDate& as_of, const IdleRules& rules);

}  // namespace parkatlas
