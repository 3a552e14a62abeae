#!/usr/bin/env python3
"""numc's GPU matmul beside cuBLAS (through CuPy) and the CPU, in one run on one machine.

usage: bench/gpu_matmul.py BENCH_BINARY [max_n]
Prints the original plan's table (CPU time, GPU end to end, GPU resident, GPU kernel
time from timestamp queries, TFLOP/s of the kernel and GFLOP/s end to end, speedup, max
error against the CPU, the kernel numc chose) with cuBLAS's kernel time and end-to-end
time and the ratio numc/cuBLAS kernel time beside it, then the kernel time of every numc
kernel forced at every n. CuPy is optional: without it those columns are empty.
"""
import subprocess
import sys
import time

import numpy as np


def cupy_times(n, reps=10):
    import cupy as cp
    rng = np.random.default_rng(n)
    a = (rng.random((n, n), dtype=np.float32) - 0.5)
    b = (rng.random((n, n), dtype=np.float32) - 0.5)
    da, db = cp.asarray(a), cp.asarray(b)
    cp.matmul(da, db)
    cp.cuda.Device().synchronize()
    start, stop = cp.cuda.Event(), cp.cuda.Event()
    start.record()
    for _ in range(reps):
        cp.matmul(da, db)
    stop.record()
    stop.synchronize()
    kernel = cp.cuda.get_elapsed_time(start, stop) / 1e3 / reps
    e2e = 1e30
    for _ in range(3):
        t0 = time.perf_counter()
        cp.asnumpy(cp.matmul(cp.asarray(a), cp.asarray(b)))
        e2e = min(e2e, time.perf_counter() - t0)
    return kernel, e2e


def main():
    binary = sys.argv[1]
    max_n = sys.argv[2] if len(sys.argv) > 2 else "4096"
    out = subprocess.run([binary, max_n], check=True, capture_output=True, text=True).stdout
    try:
        import cupy  # noqa: F401
        have_cupy = True
    except ImportError:
        have_cupy = False
    kernels = []
    forced_rows = []
    print("| n | numc kernel | CPU (ms) | GPU end-to-end (ms) | GPU resident (ms) | GPU kernel (ms) "
          "| kernel TFLOP/s | end-to-end GFLOP/s | e2e speedup vs CPU | max rel. error "
          "| cuBLAS kernel (ms) | cuBLAS TFLOP/s | CuPy end-to-end (ms) | numc/cuBLAS kernel time |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for line in out.splitlines():
        if line.startswith("# kernels"):
            kernels = line.split()[2:]
            continue
        if line.startswith("#"):
            print(line)
            continue
        fields = line.split()
        n, kernel, err = int(fields[0]), fields[5], fields[6]
        cpu, e2e, res, kern = (float(x) for x in fields[1:5])
        forced_rows.append((n, [float(x) for x in fields[7:]]))
        flops = 2.0 * n ** 3
        tflops = "%.1f" % (flops / kern / 1e12) if kern > 0 else "-"
        row = "| %d | %s | %.3f | %.3f | %.3f | %s | %s | %.0f | %.2f | %s |" % (
            n, kernel, cpu * 1e3, e2e * 1e3, res * 1e3, "%.3f" % (kern * 1e3) if kern > 0 else "-",
            tflops, flops / e2e / 1e9, cpu / e2e, err)
        if have_cupy:
            k, ce2e = cupy_times(n)
            ratio = "%.1f" % (kern / k) if kern > 0 else "-"
            row += " %.3f | %.1f | %.3f | %s |" % (k * 1e3, flops / k / 1e12, ce2e * 1e3, ratio)
        else:
            row += " - | - | - | - |"
        print(row)
    # Every kernel forced at every n: where the shape rule (src/gpu/matmul_kernels.c)
    # should switch.
    print()
    print("| n | " + " | ".join("%s kernel (ms) / TFLOP/s" % k for k in kernels) + " |")
    print("|---|" + "---|" * len(kernels))
    for n, times in forced_rows:
        cells = ["%.3f / %.1f" % (t * 1e3, 2.0 * n ** 3 / t / 1e12) if t > 0 else "-" for t in times]
        print("| %d | %s |" % (n, " | ".join(cells)))


if __name__ == "__main__":
    main()
