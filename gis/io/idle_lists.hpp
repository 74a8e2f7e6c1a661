// The land bureau's lists (issue 3): idle-parcels.csv, the parcels the law lets it act on, most
// severe first and larger first; idle-warnings.csv, parcels that become idle within the rule
// set's warning horizon.
#pragma once
#include <vector>

#include "gis/io/results_writer.hpp"

namespace parkatlas {

// Rows (parcel indices) of the bureau's list: idle_2y, idle, halted_idle, gov_delay, in that
// order, each by area, largest first.
std::vector<size_t> idle_list_rows(const ParcelEvaluation& ev);
// Pending and overdue parcels whose first idle anniversary falls within the warning horizon,
// soonest first.
std::vector<size_t> idle_warning_rows(const ParcelEvaluation& ev);

// 低效用地 parcels, largest first.
std::vector<size_t> low_efficiency_rows(const ParcelEvaluation& ev);

// Columns over `rows` (indices into the parcels).
std::vector<TableColumn> idle_list_columns(const ProjectInputs& in, const ParcelEvaluation& ev,
                                           const std::vector<size_t>& rows);

}  // namespace parkatlas
