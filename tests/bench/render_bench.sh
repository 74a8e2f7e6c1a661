#!/usr/bin/env bash
# Desktop rendering benchmark on province-size data (not part of ctest or CI): makes the
# 1,000,000-parcel results with tests/bench/province_run.sh's data and `parkatlas run`, then times
# the map frames with build/tests/render_bench. Usage: tests/bench/render_bench.sh [PARCELS] [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
parcels=${1:-1000000}
work=${2:-/tmp/parkatlas-bench-$parcels}
[ -x build/tests/render_bench ] || bash scripts/build.sh
if [ ! -f "$work/province.gpkg" ]; then
  build/datasets/parkatlas-sample-gen --parcels "$parcels" -o "$work"
fi
if [ ! -f "$work/map/results.gpkg" ]; then
  echo "running parkatlas run for the map (about a minute) ..."
  build/app/parkatlas run -q -c "$work/parkatlas.toml" -o "$work/map" --no-buildings-layer
fi
QT_QPA_PLATFORM=offscreen build/tests/render_bench "$work/map/results.gpkg" 3
