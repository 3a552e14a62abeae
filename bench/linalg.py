#!/usr/bin/env python3
"""numc's GEMM vs NumPy's matmul (OpenBLAS), side by side in one run on one machine.

usage: /usr/bin/python3 bench/linalg.py [BUILD_DIR] [ROUNDS]   (from the repository root)

For each case, numc (bench_gemm from BUILD_DIR, default "build") and NumPy are timed one
after the other, and the whole list is run ROUNDS times (default 3); each side keeps its
best time, so both see the same machine load. Prints GFLOP/s and the ratio numc / NumPy
(above 1.0: numc is faster).

NumPy runs with OPENBLAS_CORETYPE=SkylakeX, set here for this process only, before NumPy
is imported: OpenBLAS's AVX-512 kernels, the fastest reference on an AVX-512 machine
(the environment may pin an older core type for other reasons; see NOTES.md). The
OpenBLAS library and the core type it reports are printed.
"""
import ctypes
import os
import subprocess
import sys
import time

os.environ["OPENBLAS_CORETYPE"] = "SkylakeX"
import numpy as np  # noqa: E402  (after the environment is set)

SQUARE = (64, 256, 512, 1024, 2048)
RECTANGULAR = ((2048, 256, 2048), (256, 2048, 256), (4096, 64, 4096))  # m, k, n
BATCH = (64, 128)  # 64 products of 128 x 128


def cases():
    for dt in ("f32", "f64"):
        for n in SQUARE:
            yield dt, n, n, n, 1
        for m, k, n in RECTANGULAR:
            yield dt, m, n, k, 1
        yield dt, BATCH[1], BATCH[1], BATCH[1], BATCH[0]


def numpy_seconds(dt, m, n, k, batch):
    """Best time of a @ b, C-contiguous operands as bench_gemm uses them."""
    rng = np.random.default_rng(0)
    dtype = np.float32 if dt == "f32" else np.float64
    shape_a, shape_b = ((batch, m, k), (batch, k, n)) if batch > 1 else ((m, k), (k, n))
    a = rng.uniform(-0.5, 0.5, shape_a).astype(dtype)
    b = rng.uniform(-0.5, 0.5, shape_b).astype(dtype)
    out = np.empty(shape_a[:-1] + (n,), dtype)
    best, total, reps = 1e30, 0.0, 0
    while reps < 5 or (total < 0.3 and reps < 10000):
        t0 = time.perf_counter()
        np.matmul(a, b, out=out)
        t = time.perf_counter() - t0
        best, total, reps = min(best, t), total + t, reps + 1
    return best


def numc_seconds(exe, dt, m, n, k, batch):
    res = subprocess.run([exe, dt, str(m), str(n), str(k), str(batch)], check=True,
                         capture_output=True, text=True)
    return float(res.stdout.split()[0])


def blas_description():
    """Which BLAS NumPy loaded, from this process's memory map, and OpenBLAS's own words."""
    with open("/proc/self/maps") as f:
        libs = sorted({l.split()[-1] for l in f if "blas" in l.lower() and "/" in l})
    desc = ", ".join(libs) or "no BLAS library mapped"
    for lib in libs:
        try:
            so = ctypes.CDLL(lib)
            so.openblas_get_config.restype = ctypes.c_char_p
            so.openblas_get_corename.restype = ctypes.c_char_p
            desc += "; %s; core %s" % (so.openblas_get_config().decode(),
                                       so.openblas_get_corename().decode())
            break
        except (OSError, AttributeError):
            continue
    return desc


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            return next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        return "unknown cpu"


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    exe = os.path.join(build, "bench", "bench_gemm")
    np.ones((8, 8)) @ np.ones((8, 8))  # load and start OpenBLAS before reading the map
    ours, theirs = {}, {}
    for _ in range(rounds):
        for c in cases():
            ours[c] = min(ours.get(c, 1e30), numc_seconds(exe, *c))
            theirs[c] = min(theirs.get(c, 1e30), numpy_seconds(*c))
    info = subprocess.run([os.path.join(build, "numc"), "info"], capture_output=True, text=True)
    gemm_line = next((l for l in info.stdout.splitlines() if l.startswith("gemm:")), "gemm: ?")
    print("%s, %d cores, NumPy %s, %s" % (cpu_name(), os.cpu_count(), np.__version__,
                                          time.strftime("%Y-%m-%d %H:%M")))
    print("NumPy BLAS: %s (OPENBLAS_CORETYPE=SkylakeX)" % blas_description())
    print("numc %s; best of %d rounds" % (gemm_line, rounds))
    print()
    print("| dtype | m x k x n | numc GFLOP/s | NumPy GFLOP/s | numc / NumPy |")
    print("|---|---|---|---|---|")
    for c in ours:
        dt, m, n, k, batch = c
        flops = 2.0 * m * n * k * batch
        shape = "%dx%dx%d" % (m, k, n) if batch == 1 else "%d x (%dx%dx%d)" % (batch, m, k, n)
        print("| %s | %s | %.1f | %.1f | %.2f |" % (dt, shape, flops / ours[c] / 1e9,
                                                   flops / theirs[c] / 1e9, theirs[c] / ours[c]))


if __name__ == "__main__":
    main()
