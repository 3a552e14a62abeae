#!/usr/bin/env python3
"""numc vs NumPy on the core operations, side by side in one run on one machine.

usage: bench/core.py BUILD_DIR   (run from the repository root, after scripts/build.sh)
Prints a Markdown table of seconds and the ratio numc/NumPy (below 1.0: numc is faster).
"""
import os
import platform
import subprocess
import sys
import tempfile
import time

import numpy as np


def best(fn, reps):
    t = 1e30
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t


def numpy_times(tmpdir):
    out = {}
    rng = np.random.default_rng(0)
    for k in (6, 7):
        n = 10 ** k
        reps = 50 if k == 6 else 10
        a = rng.uniform(-3, 3, n).astype(np.float32)
        b = rng.uniform(-3, 3, n).astype(np.float32)
        out["add_1e%d" % k] = best(lambda: np.add(a, b), reps)
        out["multiply_1e%d" % k] = best(lambda: np.multiply(a, b), reps)
        out["exp_1e%d" % k] = best(lambda: np.exp(a), reps)
        out["sin_1e%d" % k] = best(lambda: np.sin(a), reps)
        if k == 7:
            out["sum_1e7"] = best(lambda: np.sum(a), reps)
            out["mean_1e7"] = best(lambda: np.mean(a), reps)
            out["argmax_1e7"] = best(lambda: np.argmax(a), reps)
    m = rng.uniform(-1, 1, (4096, 4096)).astype(np.float32)
    out["sum_axis0_4096x4096"] = best(lambda: m.sum(axis=0), 10)
    out["sum_axis1_4096x4096"] = best(lambda: m.sum(axis=1), 10)
    big = rng.uniform(-1, 1, 64 << 20).astype(np.float32)
    path = os.path.join(tmpdir, "numpy_bench.npy")
    def save_new():
        os.remove(path)
        t0 = time.perf_counter()
        np.save(path, big)
        return time.perf_counter() - t0
    np.save(path, big)
    out["npy_save_256MiB_new_file"] = min(save_new() for _ in range(3))
    out["npy_save_256MiB_overwrite"] = best(lambda: np.save(path, big), 3)
    out["npy_load_256MiB"] = best(lambda: np.load(path), 3)
    os.remove(path)
    return out


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    with tempfile.TemporaryDirectory() as tmp:
        res = subprocess.run([os.path.join(build, "bench", "bench_core"), tmp], check=True,
                             capture_output=True, text=True).stdout
        ours = {l.split()[0]: float(l.split()[1]) for l in res.splitlines()}
        theirs = numpy_times(tmp)
    cpu = platform.processor() or "unknown cpu"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    print("%s, %d cores, NumPy %s, %s" % (cpu, os.cpu_count(), np.__version__, time.strftime("%Y-%m-%d")))
    print()
    print("| case | numc (ms) | NumPy (ms) | numc / NumPy |")
    print("|---|---|---|---|")
    misses = []
    for k in ours:
        r = ours[k] / theirs[k]
        if r > 1.0:
            misses.append(k)
        print("| %s | %.3f | %.3f | %.2f |" % (k, ours[k] * 1e3, theirs[k] * 1e3, r))
    print()
    print("above 1.0 (numc slower): %s" % (", ".join(misses) if misses else "none"))


if __name__ == "__main__":
    main()
