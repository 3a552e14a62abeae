#!/usr/bin/env python3
"""numc's inv, solve, svd and eigh vs NumPy (LAPACK on OpenBLAS), side by side in one run.

usage: /usr/bin/python3 bench/decomp.py [BUILD_DIR]   (from the repository root)
NumPy runs with OPENBLAS_CORETYPE=SkylakeX (set here, for this process only; see
bench/linalg.py). Prints seconds and the ratio numc / NumPy (below 1.0: numc is faster).
"""
import os
import subprocess
import sys
import time

os.environ["OPENBLAS_CORETYPE"] = "SkylakeX"
import numpy as np  # noqa: E402


def test_matrix(n, symmetric):
    a = np.random.default_rng(n).uniform(-0.5, 0.5, (n, n)) + n * np.eye(n)
    return np.tril(a) + np.tril(a, -1).T if symmetric else a


def best(fn, reps):
    t = 1e30
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    out = subprocess.run([os.path.join(build, "bench", "bench_decomp")], check=True,
                         capture_output=True, text=True).stdout
    ours = {l.split()[0]: float(l.split()[1]) for l in out.splitlines()}
    theirs = {}
    for n in (256, 1024):
        reps = 5 if n <= 256 else 2
        a, s, b = test_matrix(n, False), test_matrix(n, True), test_matrix(n + 1, False)[:n, :n]
        theirs["inv_%d" % n] = best(lambda: np.linalg.inv(a), reps)
        theirs["solve_%d" % n] = best(lambda: np.linalg.solve(a, b), reps)
        theirs["svd_%d" % n] = best(lambda: np.linalg.svd(a), reps)
        theirs["eigh_%d" % n] = best(lambda: np.linalg.eigh(s), reps)
    print("| case | numc (s) | NumPy (s) | numc / NumPy |")
    print("|---|---|---|---|")
    for k, v in ours.items():
        print("| %s | %.4f | %.4f | %.2f |" % (k, v, theirs[k], v / theirs[k]))


if __name__ == "__main__":
    main()
