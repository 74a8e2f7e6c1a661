#!/usr/bin/env bash
# One command: set up, build, and run the main job on the bundled Jiangxi sample.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
./build/app/parkatlas run --config datasets/jiangxi-sample/parkatlas.toml --out out/jiangxi-sample
