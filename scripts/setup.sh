#!/usr/bin/env bash
# Install what numc needs on Debian 12, from Debian's packages only. Idempotent: packages
# already present are not reinstalled. Runs apt as root, or through sudo.
set -euo pipefail

packages=(
  build-essential cmake pkg-config   # the build
  python3 python3-numpy              # the NumPy oracle in the tests, and the benchmarks
  libopenblas0-pthread               # so that NumPy runs OpenBLAS, not the reference BLAS
  clang libclang-rt-14-dev           # libFuzzer for the .npy fuzzer
  chromium libvulkan1                # SwiftShader (a Vulkan driver) and the Vulkan loader Dawn opens
  gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user  # the arm64 build, run under qemu
  emscripten                         # the WebAssembly build (scripts/build_wasm.sh says why this one)
)

# npm ci fetches, as package-lock.json pins them, Dawn (WebGPU) for the GPU backend,
# playwright-core (it drives the chromium above in tests/browser/; it never downloads a
# browser of its own), TensorFlow.js for bench/web/ and TypeScript. A Node.js that did
# not come from Debian (nodesource's includes npm) is used as it is: Debian's npm package
# would conflict with it.
if ! command -v npm >/dev/null 2>&1; then packages+=(nodejs npm); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The npm devDependencies (Dawn is loaded at run time from node_modules/, see
# src/gpu/dawn_loader.c): installed exactly as package-lock.json pins them, again whenever
# the lock file is newer.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -f "$root/node_modules/.package-lock.json" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  echo "setup: npm ci (Dawn, playwright-core, TensorFlow.js, TypeScript)"
  (cd "$root" && npm ci --no-audit --no-fund)
fi
