// Chinese column headers with units for the fields ParkAtlas writes (Excel exports, reports): what
// a bureau pastes into its report. Canonical input fields take their first Chinese alias.
#pragma once
#include <string>
#include <string_view>

namespace parkatlas {

struct FieldLabel {
  std::string zh;      // 投资强度 (万元/亩); the field name itself when nothing is known
  std::string format;  // number display: "ratio" (0.00), "percent" (fraction as 0.0%),
                       // "amount" (#,##0.00), "integer", "" (as is)
};

FieldLabel field_label(std::string_view field_name);

}  // namespace parkatlas
