// Reading values out of Arrow C data interface arrays, as GDAL's GetArrowStream hands them out
// (GDAL >= 3.6; its columnar reader is several times faster than feature-by-feature reading).
#pragma once
#include <ogr_recordbatch.h>

#include <cstdint>
#include <string_view>

#include "gis/io/raw_value.hpp"

namespace parkatlas {

// Formats this reader understands: int8/16/32/64, float, double, utf8 (and large), date32,
// boolean. Other columns make the caller fall back to feature-by-feature reading.
bool arrow_format_supported(const char* format);
RawValue arrow_raw(const ArrowArray& array, const char* format, std::int64_t row);
// Binary (z) or large binary (Z) value, e.g. WKB; empty when null.
std::string_view arrow_binary(const ArrowArray& array, const char* format, std::int64_t row);

}  // namespace parkatlas
