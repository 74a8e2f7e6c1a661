// GDAL start-up: register drivers once; keep GDAL's own warnings off the user's terminal
// (ParkAtlas reports problems itself, with feature and field).
#include "gis/gdal/gdal_setup.hpp"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace parkatlas {

void ensure_gdal_registered() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    CPLSetErrorHandler(CPLQuietErrorHandler);
  });
}

}  // namespace parkatlas
