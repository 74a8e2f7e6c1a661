// Writes go to a temporary name beside the target and are renamed into place on commit, so an
// interrupted run leaves the previous file intact and no partial file behind.
#pragma once
#include <filesystem>
#include <string>

namespace parkatlas {

// Removes the files or folders in `dir` named PREFIX<pid>REST (any REST when `rest` is empty)
// whose process has exited: what writers killed mid-write left behind.
void remove_stale_temporaries(const std::filesystem::path& dir, const std::string& prefix,
                              const std::string& rest);

class AtomicFile {
 public:
  explicit AtomicFile(std::string final_path);
  ~AtomicFile();  // removes the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::string& temp_path() const { return temp_; }
  const std::string& final_path() const { return final_; }
  void commit();  // atomic rename(2) over the final path

 private:
  static void remove_stale_partials(const std::filesystem::path& final_path);
  std::string final_;
  std::string temp_;
  bool committed_ = false;
};

}  // namespace parkatlas
