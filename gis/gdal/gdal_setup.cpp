// GDAL start-up: register drivers once; keep GDAL's own warnings off the user's terminal
// (ParkAtlas reports problems itself, with feature and field).
#include "gis/gdal/gdal_setup.hpp"

#include <cpl_error.h>
#include <gdal.h>
#include <sqlite3.h>

#include <mutex>

namespace parkatlas {

void ensure_gdal_registered() {
  static std::once_flag once;
  std::call_once(once, [] {
    // SQLite's memory statistics take a global mutex on every allocation, and writing a
    // province's results allocates millions of times; nothing here reads them. Only possible
    // before SQLite initialises (GDAL's first GeoPackage does that), else a harmless refusal.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    GDALAllRegister();
    CPLSetErrorHandler(CPLQuietErrorHandler);
  });
}

}  // namespace parkatlas
