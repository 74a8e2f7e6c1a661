// One-time GDAL driver registration and error-handler set-up, safe to call from anywhere.
#pragma once
namespace parkatlas {

void ensure_gdal_registered();

}  // namespace parkatlas
