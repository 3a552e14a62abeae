#!/usr/bin/env bash
# The arm64 build, cross-compiled (cmake/toolchain-aarch64-linux-gnu.cmake) and run under
# qemu-user: numc info must choose the NEON GEMM kernels, and the unit tests of the
# products run with them and with NUMC_GEMM_KERNEL=generic. test_gemm checks every
# family itself (NEON and generic), so it runs once. Usage: arm64.sh BUILD_DIR
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
build=$1
tests=(test_gemm test_linalg test_products)

cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DNUMC_BUILD_BENCH=OFF \
  -DCMAKE_TOOLCHAIN_FILE="$src/cmake/toolchain-aarch64-linux-gnu.cmake" >/dev/null
cmake --build "$build" -j"$(nproc)" --target numc "${tests[@]}"

qemu() { qemu-aarch64 -L /usr/aarch64-linux-gnu "$@"; }
expect_kernels() { # numc info's gemm line under the given NUMC_GEMM_KERNEL
  local line
  line=$(NUMC_GEMM_KERNEL=$1 qemu "$build/numc" info | grep '^gemm:')
  [[ $line == *"$2"* ]] || { echo "arm64: NUMC_GEMM_KERNEL=$1 gave '$line', want '$2'" >&2; exit 1; }
}
expect_kernels "" "f32 neon 8x12, f64 neon 8x6"
expect_kernels generic "f32 generic 8x4, f64 generic 4x4"

# ctest starts the binaries through qemu (the toolchain's CMAKE_CROSSCOMPILING_EMULATOR).
# Under emulation test_gemm's O(m n k) checks dominate: products up to 600k multiply-adds
# still reach every tile and cache-block edge of both families, but not the thread pool.
only() { local IFS='|'; echo "^unit\.($*)\$"; }
NUMC_TEST_GEMM_MAX_MNK=600000 \
  ctest --test-dir "$build" --output-on-failure -j"$(nproc)" -R "$(only "${tests[@]}")"
NUMC_GEMM_KERNEL=generic \
  ctest --test-dir "$build" --output-on-failure -j"$(nproc)" -R "$(only "${tests[@]:1}")"
echo "arm64: numc info and ${tests[*]} pass under qemu, NEON and generic kernels"
