#!/usr/bin/env bash
# The JavaScript API's tests: builds the web package (scripts/build_web.sh, both WebAssembly
# variants) in BUILD_DIR and runs tests/web/node.test.mjs on it under Node.js.
# Usage: run.sh BUILD_DIR [NATIVE_NUMC]  (the native CLI, whose `numc list --json` the
# package's function table is checked against)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir=$1
"$root/scripts/build_web.sh" "$dir" -DNUMC_BUILD_BENCH=OFF
NUMC_WEB_PACKAGE="$dir/package" NUMC_CLI="${2:-}" \
  node --expose-gc --test "$root/tests/web/node.test.mjs"
