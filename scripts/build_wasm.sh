#!/usr/bin/env bash
# Build numc for WebAssembly with SIMD128, in two variants from the same sources:
#   BUILD_DIR/single    one thread; loads on any page
#   BUILD_DIR/threads   the thread pool on Web Workers (pthreads, shared memory): needs
#                       SharedArrayBuffer, which browsers give only to cross-origin-isolated
#                       pages (COOP + COEP), so a page loads it when crossOriginIsolated is
#                       true and the single-threaded one otherwise
# Each holds web/numc.{js,wasm} (the browser module: the C API, createNumc() from an ES6
# module), libnumc.a, and the unit tests and benchmarks as Node.js programs that ctest
# runs with node (tests/wasm/run.sh). Usage: build_wasm.sh BUILD_DIR [cmake options...]
#
# Toolchain: Debian 12's emscripten (3.1.6, clang 14). Of the WebAssembly toolchains Debian
# offers it is the one with threads: clang-19 with wasi-libc also compiles SIMD128, but that
# wasi-libc has no threads sysroot. Emscripten also brings the JS runtime the library needs
# (Workers for pthreads, files under Node, memory growth). Its own WebGPU bindings implement
# the 2022 pre-standard API; numc does not use them.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$1
shift
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs} # emscripten's JS optimiser needs acorn
for variant in single threads; do
  threads=OFF
  [ "$variant" = threads ] && threads=ON
  cmake -S . -B "$dir/$variant" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_TOOLCHAIN_FILE=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake \
    -DCMAKE_CROSSCOMPILING_EMULATOR="$(command -v node)" -DNUMC_WASM_THREADS=$threads \
    "$@" >/dev/null
  cmake --build "$dir/$variant" -j"$(nproc)"
done
