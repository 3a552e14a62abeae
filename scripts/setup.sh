#!/usr/bin/env bash
# Install what numc needs on Debian 12, from Debian's packages only. Idempotent: packages
# already present are not reinstalled. Runs apt as root, or through sudo.
set -euo pipefail

packages=(
  build-essential cmake pkg-config   # the build
  python3 python3-numpy              # the NumPy oracle in the tests, and the benchmarks
  libopenblas0-pthread               # so that NumPy runs OpenBLAS, not the reference BLAS
  clang libclang-rt-14-dev           # libFuzzer for the .npy fuzzer
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
