#!/usr/bin/env bash
# Assemble the npm package of the JavaScript API into BUILD_DIR/package: web/package.json,
# web/README.md, web/src, both WebAssembly builds of scripts/build_wasm.sh (built, or brought
# up to date, in BUILD_DIR first) and the TypeScript declarations of the functions,
# generated from the library's function table.
# Usage: build_web.sh BUILD_DIR [cmake options for build_wasm.sh ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir=$(mkdir -p "$1" && cd "$1" && pwd)
shift
"$root/scripts/build_wasm.sh" "$dir" "$@"

version=$(sed -n 's/^#define NUMC_VERSION_STRING "\(.*\)"/\1/p' "$root/include/numc/base.h")
if ! grep -q "\"version\": \"$version\"" "$root/web/package.json"; then
  echo "build_web: web/package.json's version is not the library's ($version)" >&2
  exit 1
fi

pkg=$dir/package
rm -rf "$pkg"
mkdir -p "$pkg"
cp "$root/web/package.json" "$root/web/README.md" "$pkg/"
cp -r "$root/web/src" "$pkg/src"
for variant in single threads; do
  out=$pkg/wasm/$variant
  mkdir -p "$out"
  # .mjs: an ES module whatever package.json surrounds it (Node decides by the name).
  cat "$root/web/emscripten_node_prelude.js" "$dir/$variant/web/numc.js" > "$out/numc.mjs"
  cp "$dir/$variant/web/numc.wasm" "$out/"
  if [ -f "$dir/$variant/web/numc.worker.js" ]; then
    # The pthreads Worker script is a classic script (CommonJS under Node.js), which the
    # package's "type": "module" would make Node read as an ES module.
    cp "$dir/$variant/web/numc.worker.js" "$out/"
    echo '{ "type": "commonjs" }' > "$out/package.json"
  fi
done
node "$root/web/gen_dts.mjs" "$pkg" > "$pkg/src/functions.d.ts"
echo "build_web: $pkg"
