#!/usr/bin/env bash
# Dispatch through the CLI, with and without Dawn: `gpu` on SwiftShader matches the CPU;
# with the WebGPU library missing, `auto` and `cpu` still work and `gpu` is a clear error
# (exit 1) that writes nothing. Usage: cli_fallback.sh NUMC
set -euo pipefail
numc=$1
py=/usr/bin/python3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
$py -c "
import numpy as np
r = np.random.default_rng(3)
np.save('$dir/a.npy', r.standard_normal((37, 29)).astype(np.float32))
np.save('$dir/b.npy', r.standard_normal((29, 41)).astype(np.float32))"

check() { # out.npy: matches a @ b to float32 accuracy
  $py -c "
import numpy as np
a, b, c = (np.load('$dir/%s.npy' % n) for n in ('a', 'b', '$1'))
want = a.astype(np.float64) @ b.astype(np.float64)
assert c.dtype == np.float32 and c.shape == want.shape, (c.dtype, c.shape)
err = np.abs(c - want).max() / np.abs(want).max()
assert err < 1e-4, err"
}

"$numc" op matmul "$dir/a.npy" "$dir/b.npy" --device=gpu -o "$dir/gpu.npy"
check gpu
NUMC_WEBGPU_LIBRARY=/nonexistent/libwebgpu.so "$numc" op matmul "$dir/a.npy" "$dir/b.npy" --device=auto -o "$dir/auto.npy"
check auto
if NUMC_WEBGPU_LIBRARY=/nonexistent/libwebgpu.so "$numc" op matmul "$dir/a.npy" "$dir/b.npy" --device=gpu -o "$dir/none.npy" 2>"$dir/err"; then
  echo "device=gpu without a WebGPU library must fail"; exit 1
fi
grep -q "no GPU is available" "$dir/err"
test ! -e "$dir/none.npy"
echo "cli_fallback: gpu matches, auto falls back, gpu without Dawn fails cleanly"
