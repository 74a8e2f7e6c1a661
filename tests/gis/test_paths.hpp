// Paths the tests read: the source tree (fixtures, sample) and ../shared (real external data).
#pragma once
#include <filesystem>
#include <string>

namespace parkatlas::test {

inline std::string source_dir() {
  return PARKATLAS_SOURCE_DIR;
}
inline std::string fixture(const std::string& rel) {
  return source_dir() + "/tests/data/" + rel;
}
inline std::string sample(const std::string& rel) {
  return source_dir() + "/datasets/jiangxi-sample/" + rel;
}
// ../shared/datasets-external beside the clone (CI has it); empty when absent.
inline std::string external(const std::string& rel) {
  std::filesystem::path p =
      std::filesystem::path(source_dir()).parent_path() / "shared/datasets-external" / rel;
  return std::filesystem::exists(p) ? p.string() : std::string();
}
inline std::filesystem::path temp_dir(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() / ("parkatlas-test-" + name);
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  return p;
}

}  // namespace parkatlas::test
