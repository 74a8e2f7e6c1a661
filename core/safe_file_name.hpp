// File names made from data (park, county or district names) for split exports: Chinese is kept,
// but nothing can leave the output folder or trip Windows (issue 4 §3, issue 7 "security").
#pragma once
#include <string>
#include <string_view>

namespace parkatlas {

// Replaces path separators, control characters and characters Windows forbids (\ / : * ? " < > |)
// with '_', trims spaces and dots at both ends, cuts to at most `max_bytes` whole UTF-8
// characters, prefixes Windows device names (CON, NUL, COM1 …) with '_', and turns an empty
// result into "_". The result never contains a separator, so ".." inside it is harmless.
std::string safe_file_name(std::string_view name, size_t max_bytes = 120);

}  // namespace parkatlas
