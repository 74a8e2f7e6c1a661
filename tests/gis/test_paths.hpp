// Paths the tests read: the source tree (fixtures, sample) and ../shared (real external data).
#pragma once
#include <gtest/gtest.h>

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
// A fresh directory for the running test: ctest runs every test in its own process, in
// parallel, so the test's own name is part of the path (fixtures shared by several tests of a
// suite must not overwrite each other's files while another test reads them).
inline std::filesystem::path temp_dir(const std::string& name) {
  std::string owner;
  if (const auto* info = ::testing::UnitTest::GetInstance()->current_test_info()) {
    owner = std::string(info->test_suite_name()) + "." + info->name();
    for (char& c : owner)
      if (c == '/') c = '_';
  }
  auto p = std::filesystem::temp_directory_path() / "parkatlas-test" / owner / name;
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  return p;
}

}  // namespace parkatlas::test
