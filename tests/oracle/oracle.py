"""Helpers for NumPy-oracle cases: Case, View, random inputs, comparison."""
import numpy as np

# NEP 50 promotion, as NumPy 2 does and numc implements.
np._set_promotion_state("weak")

ALL_DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
              "uint64", "float16", "float32", "float64", "complex64", "complex128"]
INT_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
FLOAT_DTYPES = ["float16", "float32", "float64"]
COMPLEX_DTYPES = ["complex64", "complex128"]
NUMERIC_DTYPES = INT_DTYPES + FLOAT_DTYPES + COMPLEX_DTYPES

# Default tolerances per result dtype: a few ulps of each type, loosened for the
# transcendental functions where libm implementations legitimately differ.
RTOL = {"float16": 2e-3, "float32": 2e-6, "float64": 1e-13, "complex64": 2e-6, "complex128": 1e-13}


class View:
    """An input that numc slices after loading: saved as `array`, used as array[expr]."""

    def __init__(self, array, expr):
        self.array = np.asarray(array)
        self.expr = expr

    def value(self):
        return eval("self.array[" + self.expr + "]", {"self": self, "None": None})


class Case:
    def __init__(self, func, inputs=(), options=None, expect=None, rtol=None, atol=0.0,
                 error=False, note="", post=None):
        self.func = func
        self.inputs = list(inputs)
        self.options = dict(options or {})
        self.expect = expect
        self.rtol = rtol
        self.atol = atol
        self.error = error
        self.note = note
        # post(*outputs) -> outputs, applied to numc's and NumPy's results alike before
        # comparing, for results unique only up to order, sign or phase.
        self.post = post

    def values(self):
        out = []
        for x in self.inputs:
            if isinstance(x, View):
                out.append(x.value())
            else:
                out.append(x)
        return out


def arr(rng, dtype, shape, low=None, high=None, order="C"):
    """Random array of a dtype; small integers keep integer arithmetic meaningful."""
    dtype = np.dtype(dtype)
    shape = tuple(shape)
    if dtype == np.bool_:
        a = rng.random(shape) < 0.5
    elif dtype.kind in "iu":
        info = np.iinfo(dtype)
        lo = max(info.min, -100 if low is None else low)
        hi = min(info.max, 100 if high is None else high)
        a = rng.integers(lo, hi, size=shape, endpoint=True).astype(dtype)
    elif dtype.kind == "f":
        lo = -10.0 if low is None else low
        hi = 10.0 if high is None else high
        a = rng.uniform(lo, hi, size=shape).astype(dtype)
    else:
        lo = -10.0 if low is None else low
        hi = 10.0 if high is None else high
        a = (rng.uniform(lo, hi, size=shape) + 1j * rng.uniform(lo, hi, size=shape)).astype(dtype)
    # copy(order=...) keeps 0-d arrays 0-d (ascontiguousarray would make them 1-d).
    return np.asarray(a).copy(order=order)


def fmt_option(v):
    if v is None:
        return "None"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (tuple, list)):
        return ",".join(fmt_option(x) for x in v)
    if isinstance(v, np.dtype) or isinstance(v, type):
        return np.dtype(v).name
    return str(v)


def fmt_scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, complex):
        return repr(v).strip("()")
    return repr(v)


def compare(got, want, rtol, atol):
    """None if equal within tolerance, else a message."""
    want = np.asarray(want)
    if got.dtype != want.dtype:
        return "dtype %s, NumPy %s" % (got.dtype, want.dtype)
    if got.shape != want.shape:
        return "shape %s, NumPy %s" % (got.shape, want.shape)
    if want.dtype.kind in "biu":
        if not np.array_equal(got, want):
            bad = np.argwhere(got != want)[:3]
            return "values differ at %s: %s vs %s" % (bad.tolist(), got[tuple(bad[0])], want[tuple(bad[0])])
        return None
    if rtol is None:
        rtol = RTOL[want.dtype.name]
    gnan, wnan = np.isnan(got), np.isnan(want)
    if not np.array_equal(gnan, wnan):
        return "NaN positions differ"
    g, w = got[~gnan], want[~wnan]
    ginf, winf = np.isinf(g), np.isinf(w)
    if not np.array_equal(ginf, winf) or not np.array_equal(g[ginf], w[winf]):
        return "infinities differ"
    g, w = g[~ginf], w[~winf]
    if g.size == 0:
        return None
    scale = np.abs(w).astype(np.float64)
    err = np.abs(g.astype(np.complex128) - w.astype(np.complex128))
    # Relative to each element, with a floor of 1e-3 of the result's largest magnitude:
    # values that cancel to near zero carry the absolute error of the large ones.
    bound = atol + rtol * np.maximum(scale, 1e-3 * np.max(scale))
    if np.any(err > bound):
        i = int(np.argmax(err - bound))
        return "max error %.3g at flat index %d (numc %r, NumPy %r, rtol %g)" % (
            err.flat[i], i, g.flat[i], w.flat[i], rtol)
    return None
