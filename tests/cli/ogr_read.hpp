// Opening results with plain GDAL/OGR in the CLI tests: the independent reader of what we wrote.
#pragma once
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <string>

namespace parkatlas::test {

inline GDALDatasetUniquePtr open_vector(const std::string& path, const char* encoding = nullptr) {
  GDALAllRegister();
  const std::string option = encoding ? std::string("ENCODING=") + encoding : std::string();
  const char* options[] = {option.c_str(), nullptr};
  return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                nullptr, encoding ? options : nullptr));
}

}  // namespace parkatlas::test
