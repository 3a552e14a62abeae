#!/usr/bin/env bash
# The WebAssembly build's tests: builds both variants (scripts/build_wasm.sh) into BUILD_DIR
# and runs, under Node.js, the unit tests of each (ctest; the threaded variant with two
# threads) and the browser module's smoke test. Usage: run.sh BUILD_DIR
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir=$1
"$root/scripts/build_wasm.sh" "$dir" -DNUMC_BUILD_BENCH=OFF
for variant in single threads; do
  echo "== wasm $variant"
  NUMC_NUM_THREADS=2 ctest --test-dir "$dir/$variant" --output-on-failure -j"$(nproc)"
  node "$root/tests/wasm/web_module.mjs" "$dir/$variant/web" >/dev/null
done
