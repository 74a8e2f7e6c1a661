// Excel workbooks through libxlsxwriter: one sheet per table with Chinese headers and units, a
// frozen header row and number formats, plus a sheet that names each column's field.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/attribute_table.hpp"

namespace parkatlas {

struct XlsxColumn {
  std::string field;
  FieldType type;
};

// Writes the rows `next_row` yields (it fills the vector and returns true, or returns false at
// the end) into `path`; sheet `sheet` continues in "sheet (2)" … past Excel's 1,048,575 data
// rows. Returns the rows written.
long long write_xlsx(const std::string& path, const std::string& sheet,
                     const std::vector<XlsxColumn>& columns,
                     const std::function<bool(std::vector<Cell>&)>& next_row);

}  // namespace parkatlas
