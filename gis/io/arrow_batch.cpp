// Arrow C data interface access (https://arrow.apache.org/docs/format/CDataInterface.html).
#include "gis/io/arrow_batch.hpp"

#include <chrono>
#include <cstring>

namespace parkatlas {

namespace {

bool is_null(const ArrowArray& a, std::int64_t idx) {
  if (a.null_count == 0 || !a.buffers[0]) return false;
  const auto* bits = static_cast<const std::uint8_t*>(a.buffers[0]);
  return ((bits[idx / 8] >> (idx % 8)) & 1) == 0;
}

template <typename T>
T value_at(const ArrowArray& a, std::int64_t idx) {
  return static_cast<const T*>(a.buffers[1])[idx];
}

}  // namespace

bool arrow_format_supported(const char* f) {
  static const char* kSupported[] = {"c", "s", "i", "l", "f", "g", "u", "U", "tdD", "b", "z", "Z"};
  for (const char* s : kSupported)
    if (std::strcmp(f, s) == 0) return true;
  return false;
}

RawValue arrow_raw(const ArrowArray& a, const char* f, std::int64_t row) {
  RawValue v;
  const std::int64_t idx = row + a.offset;
  if (is_null(a, idx)) return v;
  using K = RawValue::Kind;
  switch (f[0]) {
    case 'c':
      v.kind = K::integer, v.i = value_at<std::int8_t>(a, idx);
      break;
    case 's':
      v.kind = K::integer, v.i = value_at<std::int16_t>(a, idx);
      break;
    case 'i':
      v.kind = K::integer, v.i = value_at<std::int32_t>(a, idx);
      break;
    case 'l':
      v.kind = K::integer, v.i = value_at<std::int64_t>(a, idx);
      break;
    case 'f':
      v.kind = K::real, v.d = value_at<float>(a, idx);
      break;
    case 'g':
      v.kind = K::real, v.d = value_at<double>(a, idx);
      break;
    case 'b': {
      const auto* bits = static_cast<const std::uint8_t*>(a.buffers[1]);
      v.kind = K::integer;
      v.i = (bits[idx / 8] >> (idx % 8)) & 1;
      break;
    }
    case 'u':
    case 'U': {
      v.kind = K::text;
      v.borrowed = arrow_binary(a, f[0] == 'u' ? "z" : "Z", row);
      v.is_borrowed = true;
      break;
    }
    case 't': {  // tdD: date32, days since 1970-01-01
      v.kind = K::date;
      v.date =
          from_sys_days(std::chrono::sys_days{std::chrono::days{value_at<std::int32_t>(a, idx)}});
      break;
    }
    default:
      break;
  }
  return v;
}

std::string_view arrow_binary(const ArrowArray& a, const char* f, std::int64_t row) {
  const std::int64_t idx = row + a.offset;
  if (is_null(a, idx)) return {};
  const auto* data = static_cast<const char*>(a.buffers[2]);
  if (f[0] == 'Z') {
    const auto* off = static_cast<const std::int64_t*>(a.buffers[1]);
    return {data + off[idx], static_cast<size_t>(off[idx + 1] - off[idx])};
  }
  const auto* off = static_cast<const std::int32_t*>(a.buffers[1]);
  return {data + off[idx], static_cast<size_t>(off[idx + 1] - off[idx])};
}

}  // namespace parkatlas
