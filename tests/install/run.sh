#!/usr/bin/env bash
# Install numc into a temporary prefix, then build a small program against it twice: with
# pkg-config and with CMake's find_package. Usage: run.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
build=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$prefix/lib/x86_64-linux-gnu/pkgconfig:${PKG_CONFIG_PATH:-}"

# pkg-config, shared library.
cc -std=c11 "$src/tests/install/consumer/main.c" -o "$prefix/with_pkgconfig" \
  $(pkg-config --cflags --libs numc) -Wl,-rpath,"$(pkg-config --variable=libdir numc)"
"$prefix/with_pkgconfig" | grep -qx 'array(\[ 3., 12.\], dtype=float32)'

# pkg-config, static library.
cc -std=c11 "$src/tests/install/consumer/main.c" -o "$prefix/with_static" \
  $(pkg-config --cflags numc) "$(pkg-config --variable=libdir numc)/libnumc.a" -lpthread -lm -ldl
"$prefix/with_static" | grep -qx 'array(\[ 3., 12.\], dtype=float32)'

# find_package(numc).
cmake -S "$src/tests/install/consumer" -B "$prefix/consumer-build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$prefix/consumer-build" >/dev/null
"$prefix/consumer-build/consumer" | grep -qx 'array(\[ 3., 12.\], dtype=float32)'
echo "install test: pkg-config (shared, static) and find_package all work"
