#!/usr/bin/env python3
"""The NumPy oracle: run every case of cases_*.py through `numc op`, compare with NumPy,
then check that every function of numc's table is covered. See README.md."""
import argparse
import concurrent.futures
import glob
import importlib
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import oracle  # noqa: E402
from oracle import Case, View  # noqa: E402,F401


def expected(case):
    """NumPy's result as a tuple of arrays, or the exception it raised."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"):
            r = case.expect(*case.values())
    if isinstance(r, (tuple, list)):
        return tuple(np.asarray(x) for x in r)
    return (np.asarray(r),)


def input_dtypes(case):
    """The dtypes of a case's array inputs (Python scalars have none)."""
    out = set()
    for x in case.inputs:
        if isinstance(x, View):
            out.add(x.array.dtype.name)
        elif isinstance(x, (np.ndarray, np.generic)):
            out.add(np.asarray(x).dtype.name)
    return out


def run_case(numc, case, workdir, index, device=None):
    d = os.path.join(workdir, "c%d" % index)
    os.makedirs(d, exist_ok=True)
    argv = [numc, "op", case.func]
    if device:
        argv.append("--device=" + device)
    for k, x in enumerate(case.inputs):
        if isinstance(x, View):
            p = os.path.join(d, "in%d.npy" % k)
            np.save(p, x.array)
            argv.append("%s[%s]" % (p, x.expr))
        elif isinstance(x, np.ndarray) or isinstance(x, np.generic):
            p = os.path.join(d, "in%d.npy" % k)
            np.save(p, np.asarray(x))
            argv.append(p)
        else:
            argv.append(oracle.fmt_scalar(x))
    for k, v in case.options.items():
        argv.append("--%s=%s" % (k, oracle.fmt_option(v)))
    want = None
    if not case.error:
        try:
            want = expected(case)
        except Exception as e:  # a case whose NumPy call fails is a broken case
            return "NumPy itself failed: %r" % (e,)
        for k in range(len(want)):
            argv += ["-o", os.path.join(d, "out%d.npy" % k)]
    p = subprocess.run(argv, capture_output=True, text=True)
    cmd = " ".join(argv)
    if case.error:
        # error=True: the operation fails (exit 1); error="usage": bad arguments (exit 2).
        want_rc = 2 if case.error == "usage" else 1
        if p.returncode != want_rc:
            return "expected exit %d, got exit %d\n  %s\n  %s" % (want_rc, p.returncode, cmd, p.stderr.strip())
        if not p.stderr.strip() or "\n" in p.stderr.strip():
            return "failure message must be one line: %r" % p.stderr
        return None
    if p.returncode != 0:
        return "exit %d: %s\n  %s" % (p.returncode, p.stderr.strip(), cmd)
    if "ran on the CPU" in p.stderr:
        case.fell_back = True
    got = tuple(np.load(os.path.join(d, "out%d.npy" % k)) for k in range(len(want)))
    if case.post:  # make results that are unique only up to order/sign/phase comparable
        got, want = tuple(case.post(*got)), tuple(case.post(*want))
    for k, (g, w) in enumerate(zip(got, want)):
        msg = oracle.compare(g, w, case.rtol, case.atol)
        if msg:
            return "output %d: %s\n  %s" % (k, msg, cmd)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--numc", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", help="run only cases of this function")
    ap.add_argument("--module", help="run only the cases of cases_<module>.py (e.g. ufunc)")
    ap.add_argument("--dtypes", help="comma-separated: run only cases whose array inputs all have these dtypes")
    ap.add_argument("--device", help="pass --device=<device> to every `numc op` (cpu, gpu, auto)")
    ap.add_argument("--max-cases", type=int, help="run an evenly spaced, deterministic sample of this many cases")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()

    cases = []
    for path in sorted(glob.glob(os.path.join(HERE, "cases_*.py"))):
        mod = importlib.import_module(os.path.basename(path)[:-3])
        rng = np.random.default_rng(args.seed)
        for c in mod.cases(rng):
            c.module = mod.__name__
            cases.append(c)
    if args.only:
        cases = [c for c in cases if c.func == args.only]
    if args.module:
        cases = [c for c in cases if c.module == "cases_" + args.module]
    if args.dtypes:
        allowed = set(args.dtypes.split(","))
        cases = [c for c in cases if input_dtypes(c) and input_dtypes(c) <= allowed]
    if args.max_cases and len(cases) > args.max_cases:
        step = len(cases) / args.max_cases
        cases = [cases[int(i * step)] for i in range(args.max_cases)]
    partial = bool(args.only or args.module or args.dtypes or args.max_cases)

    failed = 0
    with tempfile.TemporaryDirectory() as work, \
            concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_case, args.numc, c, work, i, args.device) for i, c in enumerate(cases)]
        for c, f in zip(cases, futures):
            msg = f.result()
            if msg:
                failed += 1
                print("FAIL %s %s (%s): %s" % (c.module, c.func, c.note, msg))

    # Coverage: every function of the table appears in at least one case.
    table = json.loads(subprocess.run([args.numc, "list", "--json"], capture_output=True,
                                      text=True, check=True).stdout)
    covered = {c.func for c in cases}
    missing = [f["name"] for f in table if f["name"] not in covered]
    if not partial and missing:
        failed += 1
        print("FAIL coverage: no oracle case for %s" % ", ".join(missing))
    if args.device:
        back = [c for c in cases if getattr(c, "fell_back", False)]
        print("device=%s: %d of %d cases declined and ran on the CPU%s" % (
            args.device, len(back), len(cases),
            "" if not back else " (%s)" % ", ".join(sorted({"%s %s" % (c.func, c.note) for c in back}))))
    print("%d passed, %d failed" % (len(cases) + (0 if partial else 1) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
