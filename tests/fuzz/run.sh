#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang (ASan + UBSan + fuzzer instrumentation) into
# build-fuzz/ and runs each for SECONDS (default 10) from its seed corpus. A crash leaves its
# input in build-fuzz/ (crash-*) and fails the script. Usage: tests/fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPARKATLAS_FUZZ=ON -DPARKATLAS_MIMALLOC=OFF -DPARKATLAS_TESTS=OFF >/dev/null
cmake --build build-fuzz --parallel "$(nproc)" --target fuzz_field_values fuzz_export_text \
  fuzz_config_files fuzz_encoding
for f in fuzz_field_values fuzz_export_text fuzz_config_files fuzz_encoding; do
  corpus=build-fuzz/corpus/$f
  mkdir -p "$corpus"
  cp -n tests/fuzz/seeds/$f/* "$corpus"/ 2>/dev/null || true
  echo "== $f: ${seconds} s"
  (cd build-fuzz && UBSAN_OPTIONS=halt_on_error=1 ASAN_OPTIONS=detect_leaks=0 \
    "./tests/fuzz/$f" -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 \
    "corpus/$f" 2>&1 | grep -E "^(#|==|INFO: Running|stat::number_of_executed_units|Done)|ERROR|SUMMARY" | tail -4)
done
