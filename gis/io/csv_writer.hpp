// CSV output of a table of columns: UTF-8 with a BOM (Excel on Chinese Windows reads it right),
// RFC 4180 quoting, numbers in their shortest exact form. GDAL's CSV driver formats every value
// through printf and took 20 s for a million parcels; this writes the same table in about 1 s.
#pragma once
#include <string>
#include <vector>

#include "gis/io/results_writer.hpp"

namespace parkatlas {

// Written under a temporary name and renamed into place.
void write_csv(const std::string& path, const std::vector<TableColumn>& columns, size_t rows);

// One field as it appears in the CSV (quoted when needed).
std::string csv_field(const Cell& value);

}  // namespace parkatlas
