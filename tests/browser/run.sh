#!/usr/bin/env bash
# The web package in headless Chromium (tests/browser/browser.test.mjs): builds the package
# (scripts/build_web.sh, both WebAssembly variants; up to date already when ctest's web.node
# ran first on the same BUILD_DIR) and runs the browser tests on it, bounded in time.
# Usage: run.sh BUILD_DIR
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir=$1
"$root/scripts/build_web.sh" "$dir" -DNUMC_BUILD_BENCH=OFF
# Run as a plain script (node:test runs in this process), so that timeout's SIGTERM reaches
# playwright, which then closes the browsers it launched.
NUMC_WEB_PACKAGE="$dir/package" timeout --kill-after=10 170 node "$root/tests/browser/browser.test.mjs"
