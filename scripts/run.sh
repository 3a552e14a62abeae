#!/usr/bin/env bash
# numc's main job: install what is needed, build everything (the library and CLI, the
# WebAssembly builds and the JS package), show `numc info` and a short demonstration of the
# command-line tool and of the JS package under Node.js.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build >/dev/null
numc=build/numc
$numc info
echo
demo=$(mktemp -d)
trap 'rm -rf "$demo"' EXIT
echo '$ numc op arange --stop=12 --dtype=float32 -o a.npy'
$numc op arange --stop=12 --dtype=float32 -o "$demo/a.npy"
echo '$ numc op reshape a.npy --shape=3,4 -o m.npy'
$numc op reshape "$demo/a.npy" --shape=3,4 -o "$demo/m.npy"
echo '$ numc op sqrt m.npy'
$numc op sqrt "$demo/m.npy"
echo "$ numc op sum 'm.npy[:, ::-1]' --axis=1 --keepdims=true"
$numc op sum "$demo/m.npy[:, ::-1]" --axis=1 --keepdims=true
echo '$ numc op add m.npy 0.5'
$numc op add "$demo/m.npy" 0.5
echo '$ numc op transpose m.npy -o mt.npy'
$numc op transpose "$demo/m.npy" -o "$demo/mt.npy"
echo '$ numc op matmul m.npy mt.npy --device=gpu   # on the GPU numc info shows (if any)'
$numc op matmul "$demo/m.npy" "$demo/mt.npy" --device=gpu 2>/dev/null ||
  $numc op matmul "$demo/m.npy" "$demo/mt.npy" --device=cpu
echo '$ numc op linalg.eigvalsh m_mt.npy'
$numc op matmul "$demo/m.npy" "$demo/mt.npy" -o "$demo/m_mt.npy"
$numc op linalg.eigvalsh "$demo/m_mt.npy"
echo '$ numc op add m.npy m.npy[:2]   # an error, as in NumPy'
$numc op add "$demo/m.npy" "$demo/m.npy[:2]" || true

echo
echo '== the JS package (WebAssembly) under Node.js: web/examples/node_demo.mjs'
scripts/build_web.sh build-web >/dev/null
node web/examples/node_demo.mjs build-web/package
