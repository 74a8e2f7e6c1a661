# core/ must stay plain C++: no GDAL, GEOS, PROJ, SQLite/SpatiaLite or Qt header may be included there.
# Checked at configure time (fails the configuration) and again as a ctest test (tests/CMakeLists.txt).
set(PARKATLAS_FORBIDDEN_CORE_INCLUDE_REGEX
    "#[ \t]*include[ \t]*[<\"](gdal|ogr_|ogrsf_|cpl_|geos|proj|sqlite3|spatialite|Q[A-Z]|Qt[A-Za-z]*/)")

function(parkatlas_check_core_layering core_dir)
  file(GLOB_RECURSE core_files "${core_dir}/*.cpp" "${core_dir}/*.hpp" "${core_dir}/*.h")
  set(violations "")
  foreach(f IN LISTS core_files)
    file(STRINGS "${f}" hits REGEX "${PARKATLAS_FORBIDDEN_CORE_INCLUDE_REGEX}")
    foreach(h IN LISTS hits)
      list(APPEND violations "${f}: ${h}")
    endforeach()
  endforeach()
  if(violations)
    list(JOIN violations "\n  " msg)
    message(FATAL_ERROR "core/ must not include GDAL/GEOS/PROJ/SQLite/Qt headers:\n  ${msg}")
  endif()
endfunction()

# Script mode: cmake -DCORE_DIR=... -P Layering.cmake
if(CMAKE_SCRIPT_MODE_FILE AND DEFINED CORE_DIR)
  parkatlas_check_core_layering("${CORE_DIR}")
  message(STATUS "core/ layering OK")
endif()
