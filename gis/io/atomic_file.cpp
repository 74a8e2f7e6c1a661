// Temporary-name-then-rename output files.
#include "gis/io/atomic_file.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include <filesystem>

#include "gis/gis_error.hpp"

namespace parkatlas {

namespace fs = std::filesystem;

AtomicFile::AtomicFile(std::string final_path) : final_(std::move(final_path)) {
  fs::path p(final_);
  // Same folder, so the rename never crosses file systems; the extension is kept so that GDAL
  // picks the right driver behaviour; a leading dot hides the partial file from casual listings.
  temp_ = (p.parent_path() / ("." + p.stem().string() + ".partial-" + std::to_string(::getpid()) +
                              p.extension().string()))
              .string();
  std::error_code ec;
  fs::remove(temp_, ec);
  remove_stale_partials(p);
}

void remove_stale_temporaries(const fs::path& dir, const std::string& prefix,
                              const std::string& rest) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir.empty() ? fs::path(".") : dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    char* end = nullptr;
    const long pid = std::strtol(name.c_str() + prefix.size(), &end, 10);
    if (pid <= 0 || pid == ::getpid() || (!rest.empty() && rest != end)) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still alive
    fs::remove_all(e.path(), ec);
  }
}

void AtomicFile::remove_stale_partials(const fs::path& final_path) {
  // A process killed while writing leaves its temporary file behind; the next writer of the same
  // output removes those whose process is gone (never one still being written).
  remove_stale_temporaries(final_path.parent_path(), "." + final_path.stem().string() + ".partial-",
                           "");
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  std::error_code ec;
  fs::remove(temp_, ec);
  for (const char* suffix : {"-journal", "-wal", "-shm"}) fs::remove(temp_ + suffix, ec);
}

void AtomicFile::commit() {
  std::error_code ec;
  fs::rename(temp_, final_, ec);
  if (ec) throw GisError("cannot move the finished file into place: " + ec.message(), {final_});
  committed_ = true;
}

}  // namespace parkatlas
