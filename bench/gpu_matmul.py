#!/usr/bin/env python3
"""numc's GPU matmul beside cuBLAS (through CuPy) and the CPU, in one run on one machine.

usage: bench/gpu_matmul.py BENCH_BINARY [max_n]
Prints the original plan's table (CPU time, GPU end to end, GPU resident, GFLOP/s,
speedup, max error against the CPU) with cuBLAS's kernel time and end-to-end time and
the ratio numc/cuBLAS beside it. CuPy is optional: without it those columns are empty.
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
    print("| n | CPU (ms) | GPU end-to-end (ms) | GPU resident (ms) | GPU GFLOP/s | speedup vs CPU | max rel. error | cuBLAS kernel (ms) | cuBLAS TFLOP/s | CuPy end-to-end (ms) | numc/cuBLAS time |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for line in out.splitlines():
        if line.startswith("#"):
            print(line)
            continue
        n, cpu, e2e, res, err = line.split()
        n = int(n)
        cpu, e2e, res = float(cpu), float(e2e), float(res)
        flops = 2.0 * n ** 3
        row = "| %d | %.3f | %.3f | %.3f | %.0f | %.2f | %s |" % (
            n, cpu * 1e3, e2e * 1e3, res * 1e3, flops / res / 1e9, cpu / e2e, err)
        if have_cupy:
            k, ce2e = cupy_times(n)
            row += " %.3f | %.1f | %.3f | %.1f |" % (k * 1e3, flops / k / 1e12, ce2e * 1e3, res / k)
        else:
            row += " - | - | - | - |"
        print(row)


if __name__ == "__main__":
    main()
