#!/usr/bin/env bash
# Installs the Debian 12 packages ParkAtlas builds, tests and runs with.
# Idempotent: when every package is already installed it does nothing (no apt-get update).
set -euo pipefail

packages=(
  # toolchain
  cmake ninja-build g++ pkg-config ccache
  # GIS stack
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-bin
  libspatialite-dev libsqlite3-mod-spatialite libsqlite3-dev sqlite3 spatialite-bin
  # small libraries
  libtomlplusplus-dev libcli11-dev nlohmann-json3-dev libmimalloc-dev libxlsxwriter-dev libssl-dev
  # tests
  libgtest-dev libgmock-dev
  # sanitizers and fuzzing (tests/fuzz/run.sh)
  clang libclang-rt-14-dev
  # desktop (PARKATLAS_GUI) and seeing it: Qt 6, CJK font, Xvfb
  qt6-base-dev libqt6opengl6-dev libxkbcommon-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev
  qt6-l10n-tools libgl-dev fonts-wqy-microhei xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing packages: ${missing[*]}" >&2
  echo "setup: run as root (or install them with sudo apt-get install)" >&2
  exit 2
fi

echo "setup: installing ${#missing[@]} packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
