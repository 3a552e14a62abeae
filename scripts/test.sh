#!/usr/bin/env bash
# Install what is needed, build, and run every test: the release build's ctest (unit
# tests, the NumPy oracle, the install test), the same under AddressSanitizer +
# UndefinedBehaviorSanitizer with leak checking, the arm64 build's product tests under
# qemu, and a bounded libFuzzer run on the .npy loader.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs=$(nproc)

echo "== release build"
scripts/build.sh build
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== sanitizers (ASan + UBSan + leaks)"
scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DNUMC_SANITIZE=ON -DNUMC_BUILD_BENCH=OFF
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -E '^install$'

echo "== arm64: cross-compiled, under qemu (NEON GEMM kernels)"
tests/cross/arm64.sh build-arm64

echo "== fuzzing the .npy loader (bounded)"
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DNUMC_SANITIZE=ON -DNUMC_FUZZ=ON \
  -DNUMC_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzz_npy
ctest --test-dir build-fuzz --output-on-failure -R '^fuzz\.'
