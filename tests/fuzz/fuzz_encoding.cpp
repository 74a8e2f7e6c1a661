// libFuzzer harness: the byte classifier behind Shapefile encoding detection (UTF-8, GBK, ASCII)
// on arbitrary DBF text bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "gis/encoding/shapefile_encoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)parkatlas::classify_bytes(bytes);
  (void)parkatlas::normalise_encoding_name(bytes);
  return 0;
}
