// Temporary-name-then-rename output files.
#include "gis/io/atomic_file.hpp"

#include <unistd.h>

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
