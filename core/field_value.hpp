// Parsing of attribute values as land bureaus write them in text fields: numbers with thousands
// separators or full-width digits, dates in ISO, slashed, dotted, compact or Chinese form.
// Pure functions: they never throw; a value that cannot be read gives nullopt.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.hpp"

namespace parkatlas {

std::string trim(std::string_view s);
// The same without a copy: a view into `s`.
std::string_view trim_view(std::string_view s);

// "1234.5", " 1,234.5 ", "１２３" (full-width) -> number; "", "n/a", "1.2.3" -> nullopt.
std::optional<double> parse_number(std::string_view text);

// "2019-02-03", "2019/2/3", "2019.02.03", "20190203", "2019年2月3日", "2019-02-03 00:00:00"
// -> date; "2019-02-30", "2019年2月", "" -> nullopt (a month alone is not a day).
std::optional<CivilDate> parse_date(std::string_view text);

// Land records start in the 20th century: a year outside 1900-2200 is a typo ("0219-02-03").
bool is_plausible_year(int year);

}  // namespace parkatlas
