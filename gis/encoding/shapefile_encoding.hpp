// Which encoding a Shapefile's DBF is in, and who decided it: the config override, the .cpg file,
// the DBF language driver id (LDID), or detection from the bytes (valid UTF-8, else CP936/GBK).
// GBK shapefiles without .cpg and with LDID 0 are what Chinese land bureaus hand over.
#pragma once
#include <string>
#include <vector>

namespace parkatlas {

struct EncodingDecision {
  std::string encoding;               // name GDAL's ENCODING open option accepts: UTF-8, CP936, …
  std::string decided_by;             // "config", ".cpg", "LDID 77", "detected"
  std::string detail;                 // e.g. "bytes are valid UTF-8"
  std::vector<std::string> warnings;  // bytes contradicting a declared encoding
};

// Canonical name for an encoding label found in a .cpg or a config ("utf8", "936", "GBK" …).
std::string normalise_encoding_name(const std::string& label);

struct DbfByteSample {
  unsigned char ldid = 0;
  std::vector<std::string> names;  // raw field names (GDAL may have cut them mid-character)
  std::string records;             // the first records
};
DbfByteSample read_dbf_sample(const std::string& dbf_path, size_t max_record_bytes = 4 << 20);

enum class ByteVerdict { ascii, utf8, gbk, neither };
ByteVerdict classify_bytes(const std::string& bytes);
ByteVerdict classify_sample(const DbfByteSample& sample);

// `shp_path` is the .shp (or .dbf) path; `config_encoding` is empty when the config is silent.
EncodingDecision decide_shapefile_encoding(const std::string& shp_path,
                                           const std::string& config_encoding);

}  // namespace parkatlas
