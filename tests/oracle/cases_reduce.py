"""Oracle cases for the reductions and scans (sum ... nanstd, argmin/argmax, cumsum/cumprod)."""
import numpy as np

from oracle import ALL_DTYPES, COMPLEX_DTYPES, FLOAT_DTYPES, INT_DTYPES, Case, View, arr

# Functions taking axis (None, int or tuple) and keepdims.
AXES_FUNCS = ["sum", "prod", "mean", "min", "max", "ptp", "any", "all", "count_nonzero",
              "nansum", "nanmean", "nanmin", "nanmax"]
DDOF_FUNCS = ["var", "std", "nanvar", "nanstd"]
ARG_FUNCS = ["argmin", "argmax"]
SCAN_FUNCS = ["cumsum", "cumprod"]
NAN_FUNCS = ["nansum", "nanmean", "nanmin", "nanmax", "nanvar", "nanstd"]
# (axis, keepdims) combinations for a 3-d input.
AXES = [(None, False), (0, False), (-1, False), ((0, 2), False), (1, True), (None, True),
        ((2, 0, 1), False), ((), False)]


def rtol_for(func, dtype):
    """NumPy's summation order differs from ours in places (it buffers non-contiguous
    inputs in 8192-element chunks and walks reversed axes backwards where numc walks
    memory forwards; it rounds float16 at every step of an outer-axis sum and computes
    float16 variances with float16 intermediates, where numc keeps float32): sums of
    float32 agree to about 1e-5, of float16 to a few float16 ulps."""
    if dtype == "float16" and func not in ("min", "max", "nanmin", "nanmax", "ptp"):
        return 1e-2
    if dtype in ("float32", "complex64") and func not in ("min", "max", "nanmin", "nanmax", "ptp"):
        return 1e-5
    return None


def atol_for(func, dtype):
    """Sums that cancel to near zero carry the absolute rounding error of their partial
    sums (|x| <= 10 here), which a relative tolerance on the small result cannot cover:
    a float32 ulp of ~10, or for float16, where NumPy rounds partial sums to float16, a
    few float16 ulps of ~30."""
    rtol = rtol_for(func, dtype)
    return 1e-5 if rtol == 1e-5 else 5e-2 if rtol == 1e-2 else 0.0


def reducer(name, axis, keepdims, ddof=None):
    f = getattr(np, name)
    kw = {"axis": axis, "keepdims": keepdims}
    if ddof is not None:
        kw["ddof"] = ddof
    return lambda a: f(a, **kw)


def options(axis, keepdims, ddof=None):
    o = {"axis": axis, "keepdims": keepdims}
    if ddof is not None:
        o["ddof"] = ddof
    return o


def value_range(func, dtype):
    """Products stay finite and meaningful over a few dozen elements."""
    if func in ("prod", "cumprod"):
        return (-3, 3) if dtype in INT_DTYPES else (0.5, 1.5)
    return (None, None)


def with_nans(rng, a, frac=0.2):
    a = a.copy()
    if a.dtype.kind in "fc" and a.size:
        a[rng.random(a.shape) < frac] = np.nan
    return a


def cases(rng):
    # Every axes-taking function over every dtype, for several axis forms.
    for name in AXES_FUNCS + DDOF_FUNCS:
        for dt in ALL_DTYPES:
            lo, hi = value_range(name, dt)
            a = arr(rng, dt, (3, 4, 5), lo, hi)
            if name == "ptp" and dt == "bool":
                yield Case(name, [a], {}, error=True, note="boolean subtract is an error")
                continue
            if name in NAN_FUNCS:
                a = with_nans(rng, a)
            combos = AXES if dt in ("float32", "int32", "float64") else AXES[:4]
            for axis, kd in combos:
                ddof = 1 if name in DDOF_FUNCS and axis != () else (0 if name in DDOF_FUNCS else None)
                yield Case(name, [a], options(axis, kd, ddof), reducer(name, axis, kd, ddof),
                           rtol=rtol_for(name, dt), atol=atol_for(name, dt), note="%s axis=%s keepdims=%s" % (dt, axis, kd))
    # Views: negative steps and non-contiguous slices, reduced along each axis.
    for name in AXES_FUNCS + DDOF_FUNCS + ARG_FUNCS + SCAN_FUNCS:
        for dt in ["float32", "int16", "complex128"]:
            lo, hi = value_range(name, dt)
            a = arr(rng, dt, (6, 7), lo, hi)
            for expr in ["::-1, 1:", "1::2, ::-2", "::-1, ::-1"]:
                for axis in [None, 0, 1]:
                    opts = {"axis": axis}
                    if name in DDOF_FUNCS:
                        opts["ddof"] = 0
                    if name not in SCAN_FUNCS:
                        opts["keepdims"] = False
                    f = getattr(np, name)
                    kw = {k: v for k, v in opts.items()}
                    yield Case(name, [View(a, expr)], opts, (lambda f, kw: lambda x: f(x, **kw))(f, kw),
                               rtol=rtol_for(name, dt), atol=atol_for(name, dt), note="%s view [%s] axis=%s" % (dt, expr, axis))
    # Larger inputs: the threaded shapes (one long run, rows added into a vector, many
    # outputs) and float32 pairwise sums.
    big = arr(rng, "float32", (300, 257))
    for name in ["sum", "mean", "max", "argmax", "var", "nansum", "cumsum", "count_nonzero"]:
        for axis in [None, 0, 1]:
            opts = {"axis": axis} if name == "cumsum" else {"axis": axis, "keepdims": False}
            f = getattr(np, name)
            yield Case(name, [big], opts, (lambda f, axis: lambda x: f(x, axis=axis))(f, axis),
                       rtol=rtol_for(name, "float32"), note="big axis=%s" % (axis,))
    long = arr(rng, "float32", (200003,))
    for name in ["sum", "mean", "argmin", "argmax", "min", "std"]:
        yield Case(name, [long], {}, getattr(np, name), rtol=rtol_for(name, "float32"), note="long")
    # argmin/argmax and the scans over every dtype.
    for name in ARG_FUNCS:
        for dt in ALL_DTYPES:
            a = arr(rng, dt, (4, 6))
            for axis, kd in [(None, False), (0, False), (-1, True), (None, True)]:
                yield Case(name, [a], {"axis": axis, "keepdims": kd},
                           (lambda f, axis, kd: lambda x: f(x, axis=axis, keepdims=kd))(getattr(np, name), axis, kd),
                           note="%s axis=%s" % (dt, axis))
    for name in SCAN_FUNCS:
        for dt in ALL_DTYPES:
            lo, hi = value_range(name, dt)
            a = arr(rng, dt, (5, 20), lo, hi)
            for axis in [None, 0, 1, -1]:
                yield Case(name, [a], {"axis": axis},
                           (lambda f, axis: lambda x: f(x, axis=axis))(getattr(np, name), axis),
                           rtol=rtol_for(name, dt), atol=atol_for(name, dt), note="%s axis=%s" % (dt, axis))
    # NaN handling: propagation for min/max/argmin/argmax, skipping for the nan-functions,
    # all-NaN slices.
    nan = np.array([[1.0, np.nan, 3.0, -2.0], [np.nan, np.nan, np.nan, np.nan],
                    [0.5, 2.0, np.nan, 7.0]], dtype=np.float32)
    for name in AXES_FUNCS + DDOF_FUNCS + ARG_FUNCS + SCAN_FUNCS:
        if name == "ptp" or name in ARG_FUNCS or name in SCAN_FUNCS:
            axes = [None, 0, 1]
        else:
            axes = [None, 0, 1, (0, 1)]
        for axis in axes:
            opts = {"axis": axis}
            if name in DDOF_FUNCS:
                opts["ddof"] = 0
            f = getattr(np, name)
            yield Case(name, [nan], opts, (lambda f, o: lambda x: f(x, **o))(f, opts), note="nan axis=%s" % (axis,))
    cnan = np.array([1 + 1j, complex(np.nan, 1), 2 - 1j, complex(1, np.nan)], dtype=np.complex128)
    for name in ["sum", "max", "min", "argmax", "argmin", "nansum", "nanmean", "nanmax", "nanmin", "nanvar"]:
        yield Case(name, [cnan], {}, getattr(np, name), note="complex nan")
    # 0-d inputs: axis None, and axis 0 where NumPy's ufunc reductions accept it.
    for dt in ["float64", "int32", "bool", "complex64"]:
        z = arr(rng, dt, (1,)).reshape(())  # arr() returns at least 1-d
        for name in AXES_FUNCS + DDOF_FUNCS + ARG_FUNCS + SCAN_FUNCS:
            if name == "ptp" and dt == "bool":
                continue
            yield Case(name, [z], {}, getattr(np, name), note="0-d " + dt)
        for name in ["sum", "max", "any", "nansum", "argmax", "cumsum"]:
            yield Case(name, [z], {"axis": 0}, (lambda f: lambda x: f(x, axis=0))(getattr(np, name)),
                       note="0-d axis=0 " + dt)
        yield Case("mean", [z], {"axis": 0}, error=True, note="0-d mean axis=0")
    # Zero-size inputs: identities, NaN means, and empty results.
    for dt in ["float32", "int8", "uint16", "complex128", "bool"]:
        e = arr(rng, dt, (0, 3))
        for name in ["sum", "prod", "mean", "any", "all", "count_nonzero", "nansum", "var",
                     "cumsum", "cumprod"]:
            for axis in [None, 0, 1]:
                opts = {"axis": axis}
                if name not in SCAN_FUNCS:
                    opts["keepdims"] = False
                yield Case(name, [e], opts, (lambda f, axis: lambda x: f(x, axis=axis))(getattr(np, name), axis),
                           note="empty %s axis=%s" % (dt, axis))
        for name in ["min", "max", "nanmin", "argmax", "argmin"]:
            yield Case(name, [e], {"axis": 1}, (lambda f: lambda x: f(x, axis=1))(getattr(np, name)),
                       note="empty result " + dt)
            yield Case(name, [e], {"axis": 0}, error=True, note="empty reduction " + dt)
            yield Case(name, [e], {}, error=True, note="empty reduction " + dt)
    # Integer wrap-around and unsigned accumulation.
    yield Case("sum", [np.array([2**62, 2**62, 2**62], dtype=np.int64)], {}, np.sum, note="int64 wraps")
    yield Case("sum", [np.array([250, 250, 250], dtype=np.uint8)], {}, np.sum, note="uint8 to uint64")
    yield Case("ptp", [np.array([-128, 127], dtype=np.int8)], {}, np.ptp, note="int8 ptp wraps")
    yield Case("cumsum", [np.array([100, 100, 100], dtype=np.int8)], {}, np.cumsum, note="int8 to int64")
    # Errors: axes out of bounds or repeated, a single axis given as a tuple.
    a = arr(rng, "float64", (2, 3))
    for name in AXES_FUNCS + DDOF_FUNCS:
        yield Case(name, [a], {"axis": 2}, error=True, note="axis out of bounds")
        yield Case(name, [a], {"axis": (0, -2)}, error=True, note="duplicate axis")
    for name in ARG_FUNCS + SCAN_FUNCS:
        yield Case(name, [a], {"axis": -3}, error=True, note="axis out of bounds")
        yield Case(name, [a], {"axis": (0, 1)}, error=True, note="one axis only")
