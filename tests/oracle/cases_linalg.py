"""Oracle cases for numpy.linalg's decompositions and solvers (inv, solve, det, slogdet,
qr, cholesky, lstsq, pinv, matrix_rank, matrix_power, norm, cond) and numpy.trace.

Tolerances: a backward-stable solver's relative error is about cond(A) * eps * n, and
NumPy (LAPACK) and numc each carry such an error, so where a result depends on the
conditioning the tolerance is that bound (tol_for). numc computes float32 and complex64
in double precision and rounds, so its single-precision results are the more accurate
of the two. The Python here may be NumPy 1.x: where NumPy 2 changed the rules (solve
with a 1-D b, lstsq's default rcond, cholesky's upper=) the expectations spell out
NumPy 2's behaviour."""
import numpy as np

from oracle import Case, View, arr

DTYPES = ["float32", "float64", "complex64", "complex128", "int64"]
SINGLE = ("float32", "complex64")


def square(rng, dtype, shape):
    """A random stack of square matrices, shifted to keep cond(A) moderate."""
    if np.dtype(dtype).kind in "fc":
        return arr(rng, dtype, shape, low=-1, high=1) + (np.eye(shape[-1]) * 2).astype(dtype)
    return arr(rng, dtype, shape, low=-5, high=5) + (np.eye(shape[-1]) * 30).astype(dtype)


def spd(rng, dtype, shape):
    """Hermitian positive definite: B B^H + n I."""
    b = arr(rng, dtype, shape, low=-1, high=1)
    a = b @ np.conj(np.swapaxes(b, -1, -2)) + shape[-1] * np.eye(shape[-1])
    return a.astype(dtype)


def hilbert(n):
    i = np.arange(n)
    return 1.0 / (i[:, None] + i[None, :] + 1)


def tol_for(a, dtype, n=None):
    """cond(A) * eps * n, with NumPy's default for the dtype as the floor."""
    real = np.dtype(dtype)
    eps = np.finfo(np.float32 if real.name in SINGLE else np.float64).eps
    m = np.asarray(a, dtype=np.complex128)
    c = np.max(np.linalg.cond(m)) if m.shape[-1] > 0 else 1.0
    n = n or max(m.shape[-2:] + (1,))
    return max(2e-6 if real.name in SINGLE else 1e-13, float(c) * eps * n * 4)


def result_dtype(dtype):
    return dtype if dtype in ("float32", "float64", "complex64", "complex128") else "float64"


def inv_solve_det_cases(rng):
    for dtype in DTYPES:
        for shape in [(1, 1), (2, 2), (5, 5), (40, 40), (3, 4, 4)]:
            a = square(rng, dtype, shape)
            t = tol_for(a, dtype)
            yield Case("linalg.inv", [a], {}, np.linalg.inv, rtol=t, note="%s %s" % (dtype, shape))
            yield Case("linalg.det", [a], {}, np.linalg.det, rtol=t, note="%s %s" % (dtype, shape))
            yield Case("linalg.slogdet", [a], {}, np.linalg.slogdet, rtol=t, atol=t,
                       note="%s %s" % (dtype, shape))
            b = arr(rng, dtype, shape[:-1] + (3,), low=-1, high=1)
            yield Case("linalg.solve", [a, b], {}, np.linalg.solve, rtol=t,
                       note="%s %s many rhs" % (dtype, shape))
    # NumPy 2: a 1-D b is one vector for every matrix of the stack.
    a = square(rng, "float64", (3, 4, 4))
    v = arr(rng, "float64", (4,))
    yield Case("linalg.solve", [a, v], {}, lambda a, v: np.linalg.solve(a, np.broadcast_to(v[:, None], (3, 4, 1)))[..., 0],
               rtol=tol_for(a, "float64"), note="stack and 1-d b")
    yield Case("linalg.solve", [a, arr(rng, "float64", (3, 4))], {}, error=True,
               note="2-d b is a matrix: 3 rows do not match 4")
    yield Case("linalg.solve", [square(rng, "float64", (2, 1, 3, 3)), arr(rng, "float64", (4, 3, 2))],
               {}, lambda a, b: np.linalg.solve(a, b[None]), rtol=1e-10, note="broadcast stacks")
    yield Case("linalg.solve", [square(rng, "float32", (3, 3)), arr(rng, "complex64", (3, 2))], {},
               np.linalg.solve, rtol=1e-5, note="float32 with complex64")
    yield Case("linalg.solve", [square(rng, "float32", (3, 3)), arr(rng, "bool", (3,))], {},
               np.linalg.solve, rtol=1e-12, note="bool b: float64")
    # Views: numc reads any strides.
    a = square(rng, "float64", (6, 6))
    yield Case("linalg.inv", [View(a, "::-1, ::2")], {}, error=True, note="not square")
    yield Case("linalg.inv", [View(a, "::-1, ::-1")], {}, np.linalg.inv, rtol=tol_for(a, "float64"),
               note="reversed view")
    yield Case("linalg.inv", [np.asfortranarray(a)], {}, np.linalg.inv, rtol=tol_for(a, "float64"),
               note="fortran order")
    yield Case("linalg.det", [View(a, "1:, ::-1")], {}, error=True, note="5x6")
    yield Case("linalg.det", [View(a, "1:, 1:")], {}, np.linalg.det, rtol=1e-12, note="view")
    # Ill-conditioned: Hilbert 8x8, cond ~ 1.5e10.
    h = hilbert(8)
    t = tol_for(h, "float64")
    yield Case("linalg.inv", [h], {}, np.linalg.inv, rtol=t, note="hilbert")
    yield Case("linalg.solve", [h, np.ones(8)], {}, np.linalg.solve, rtol=t, note="hilbert")
    yield Case("linalg.det", [h], {}, np.linalg.det, rtol=t, note="hilbert")
    # Singular: inv/solve raise, det is 0, slogdet (0, -inf).
    s = np.array([[1.0, 2.0], [2.0, 4.0]])
    yield Case("linalg.inv", [s], {}, error=True, note="singular")
    yield Case("linalg.solve", [s, np.ones(2)], {}, error=True, note="singular")
    yield Case("linalg.det", [s], {}, np.linalg.det, note="singular")
    yield Case("linalg.slogdet", [np.stack([s, np.eye(2)])], {}, np.linalg.slogdet, note="singular")
    # A zero pivot deep in a recursive LU (column 37 of 40 is zero): its info must come up
    # from the right half of the recursion; the factorisation still runs to the end.
    z = square(rng, "float64", (40, 40))
    z[:, 37] = 0
    yield Case("linalg.inv", [z], {}, error=True, note="singular 40x40")
    yield Case("linalg.solve", [z, np.ones(40)], {}, error=True, note="singular 40x40")
    yield Case("linalg.det", [z], {}, np.linalg.det, note="singular 40x40")
    yield Case("linalg.slogdet", [z], {}, np.linalg.slogdet, note="singular 40x40")
    # Sizes that are not multiples of the recursion's split, stacked, complex.
    for dtype, shape in [("float64", (2, 70, 70)), ("complex128", (37, 37))]:
        a = square(rng, dtype, shape)
        t = tol_for(a, dtype)
        yield Case("linalg.inv", [a], {}, np.linalg.inv, rtol=t, note="%s %s" % (dtype, shape))
        yield Case("linalg.solve", [a, arr(rng, dtype, shape[:-1] + (45,), low=-1, high=1)], {},
                   np.linalg.solve, rtol=t, note="%s %s 45 rhs" % (dtype, shape))
        yield Case("linalg.slogdet", [a], {}, np.linalg.slogdet, rtol=t, atol=t,
                   note="%s %s" % (dtype, shape))
    yield Case("linalg.det", [np.diag([1e200, 1e200, -1.0])], {}, np.linalg.det, note="overflow")
    yield Case("linalg.slogdet", [np.diag([1e200, 1e200, -1.0])], {}, np.linalg.slogdet,
               note="no overflow")
    yield Case("linalg.det", [np.zeros((0, 0))], {}, np.linalg.det, note="0x0")
    yield Case("linalg.inv", [np.zeros((2, 0, 0))], {}, np.linalg.inv, note="empty")
    yield Case("linalg.det", [np.array([[np.nan, 1.0], [1.0, 1.0]])], {}, np.linalg.det, note="nan")
    yield Case("linalg.inv", [arr(rng, "float16", (2, 2))], {}, error=True, note="float16")
    yield Case("linalg.inv", [arr(rng, "float64", (3,))], {}, error=True, note="1-d")
    yield Case("linalg.det", [arr(rng, "float64", (2, 3))], {}, error=True, note="not square")


def power_trace_cases(rng):
    for dtype in ["float64", "int64", "complex128", "float32"]:
        a = square(rng, dtype, (2, 3, 3)) if dtype != "int64" else arr(rng, dtype, (2, 3, 3), -3, 3)
        for n in [0, 1, 2, 3, 5, 6, 13] + ([-1, -3] if dtype != "int64" else []):
            yield Case("linalg.matrix_power", [a], {"n": n},
                       lambda a, n=n: np.linalg.matrix_power(a, n), rtol=1e-5 if dtype in SINGLE else 1e-11,
                       note="%s n=%d" % (dtype, n))
    yield Case("linalg.matrix_power", [arr(rng, "int64", (3, 3))], {"n": -1}, np.linalg.inv,
               rtol=1e-8, note="int inverse")
    yield Case("linalg.matrix_power", [np.array([[1.0, 2.0], [2.0, 4.0]])], {"n": -2}, error=True)
    yield Case("linalg.matrix_power", [arr(rng, "float64", (2, 3))], {"n": 2}, error=True)
    for dtype in ["float64", "int32", "bool", "uint8", "complex64", "float32", "int64"]:
        a = arr(rng, dtype, (3, 4, 5))
        for offset, a1, a2 in [(0, 0, 1), (1, 0, 1), (-2, 1, 2), (2, -1, 0), (9, 0, 1), (-9, 0, 1)]:
            yield Case("trace", [a], {"offset": offset, "axis1": a1, "axis2": a2},
                       lambda a, o=offset, x=a1, y=a2: np.trace(a, o, x, y),
                       rtol=1e-5 if dtype in SINGLE else None, note=dtype)
    a = arr(rng, "float64", (4, 4))
    yield Case("trace", [View(a, "::-1, ::2")], {}, np.trace, note="view")
    yield Case("trace", [a], {"axis1": 1, "axis2": 1}, error=True, note="same axes")
    yield Case("trace", [a], {"axis1": 2}, error=True, note="axis out of range")
    yield Case("trace", [arr(rng, "float64", (4,))], {}, error=True, note="1-d")


def qr_cases(rng):
    for dtype in DTYPES:
        for shape in [(1, 1), (2, 2), (5, 5), (40, 40), (7, 3), (3, 7), (3, 4, 4), (70, 45)]:
            a = arr(rng, dtype, shape, low=-1, high=1)
            rt = result_dtype(dtype)
            t = 1e-4 if rt in SINGLE else 1e-11
            for mode in ["reduced", "complete"]:
                # Both sides choose reflectors as LAPACK's larfg does: Q and R agree with
                # signs, so they compare directly.
                yield Case("linalg.qr", [a], {"mode": mode},
                           lambda a, m=mode: np.linalg.qr(a, mode=m), rtol=t, atol=t,
                           note="%s %s %s" % (dtype, shape, mode))
            yield Case("linalg.qr", [a], {"mode": "r"}, lambda a: np.linalg.qr(a, mode="r"),
                       rtol=t, atol=t, note="%s %s r" % (dtype, shape))
    yield Case("linalg.qr", [np.zeros((4, 3))], {}, np.linalg.qr, note="zero matrix")
    yield Case("linalg.qr", [np.zeros((3, 0))], {"mode": "complete"},
               lambda a: np.linalg.qr(a, mode="complete"), note="empty")
    yield Case("linalg.qr", [arr(rng, "float64", (3,))], {}, error=True, note="1-d")
    yield Case("linalg.qr", [arr(rng, "float64", (3, 3))], {"mode": "raw"}, error="usage")


def cholesky_cases(rng):
    for dtype in ["float32", "float64", "complex64", "complex128"]:
        for shape in [(1, 1), (2, 2), (5, 5), (40, 40), (3, 4, 4), (100, 100)]:
            a = spd(rng, dtype, shape)
            t = tol_for(a, dtype)
            yield Case("linalg.cholesky", [a], {}, np.linalg.cholesky, rtol=t, atol=t,
                       note="%s %s" % (dtype, shape))
            # NumPy 2's upper=True: U = L^H for Hermitian input.
            yield Case("linalg.cholesky", [a], {"upper": True},
                       lambda a: np.conj(np.swapaxes(np.linalg.cholesky(a), -1, -2)), rtol=t, atol=t,
                       note="%s %s upper" % (dtype, shape))
    yield Case("linalg.cholesky", [spd(rng, "int64", (3, 3))], {}, np.linalg.cholesky, rtol=1e-12,
               note="int64")
    # Only the lower triangle is read.
    a = spd(rng, "float64", (4, 4))
    a[0, 3] = 100.0
    yield Case("linalg.cholesky", [a], {}, np.linalg.cholesky, rtol=1e-12, note="upper ignored")
    yield Case("linalg.cholesky", [-np.eye(3)], {}, error=True, note="not positive definite")
    yield Case("linalg.cholesky", [np.array([[1.0, 2.0], [2.0, 1.0]])], {}, error=True,
               note="indefinite")
    yield Case("linalg.cholesky", [arr(rng, "float64", (2, 3))], {}, error=True)


def norm_cases(rng):
    inf = np.inf
    for dtype in ["float32", "float64", "complex64", "complex128", "int64"]:
        x = arr(rng, dtype, (3, 4, 5), low=-3, high=3)
        t = 1e-5 if dtype in SINGLE else 1e-12
        for ord in [None, 2, 1, inf, -inf, 0, 3, 0.5, -1.5]:
            for axis in [0, -1]:
                for keepdims in [False, True]:
                    yield Case("linalg.norm", [x], {"ord": ord, "axis": axis, "keepdims": keepdims},
                               lambda x, o=ord, a=axis, k=keepdims: np.linalg.norm(x, o, a, k),
                               rtol=t, note="%s vector ord=%s" % (dtype, ord))
        for ord in [None, "fro", 1, -1, inf, -inf, "nuc", 2, -2]:
            for axis in [(0, 1), (2, 0)]:
                yield Case("linalg.norm", [x], {"ord": ord, "axis": axis, "keepdims": axis == (2, 0)},
                           lambda x, o=ord, a=axis: np.linalg.norm(x, o, a, a == (2, 0)),
                           rtol=t, note="%s matrix ord=%s" % (dtype, ord))
            yield Case("linalg.norm", [x[0]], {"ord": ord}, lambda x, o=ord: np.linalg.norm(x, o),
                       rtol=t, note="%s 2-d ord=%s" % (dtype, ord))
        yield Case("linalg.norm", [x], {}, np.linalg.norm, rtol=t, note="%s flattened" % dtype)
        yield Case("linalg.norm", [x], {"keepdims": True}, lambda x: np.linalg.norm(x, keepdims=True),
                   rtol=t, note=dtype)
        yield Case("linalg.norm", [x[0, 0]], {"ord": 3}, lambda x: np.linalg.norm(x, 3), rtol=t)
    x = arr(rng, "float64", (4, 5))
    yield Case("linalg.norm", [View(x, "::-1, ::2")], {"ord": 1}, lambda x: np.linalg.norm(x, 1))
    yield Case("linalg.norm", [x], {"ord": 3, "axis": (0, 1)}, error=True, note="bad matrix ord")
    yield Case("linalg.norm", [x], {"ord": "fro", "axis": 0}, error=True, note="fro for vectors")
    yield Case("linalg.norm", [x], {"axis": (0, 0)}, error=True, note="duplicate axes")
    yield Case("linalg.norm", [arr(rng, "float64", (2, 3, 4))], {"ord": 1}, error=True,
               note="3-d with an ord")
    yield Case("linalg.norm", [x], {"ord": "bad"}, error=True)


def cond_cases(rng):
    inf = np.inf
    for dtype in ["float32", "float64", "complex64", "complex128", "int64"]:
        for shape in [(2, 2), (5, 5), (3, 4, 4)]:
            a = square(rng, dtype, shape)
            t = tol_for(a, dtype)
            for ord in [None, "fro", 1, -1, inf, -inf, "nuc", 2, -2]:
                yield Case("linalg.cond", [a], {"ord": ord}, lambda a, o=ord: np.linalg.cond(a, o),
                           rtol=t, note="%s %s ord=%s" % (dtype, shape, ord))
    yield Case("linalg.cond", [arr(rng, "float64", (5, 3))], {}, np.linalg.cond, rtol=1e-12,
               note="rectangular, svd")
    yield Case("linalg.cond", [hilbert(6)], {"ord": 1}, lambda a: np.linalg.cond(a, 1),
               rtol=tol_for(hilbert(6), "float64"), note="hilbert")
    s = np.array([[1.0, 2.0], [2.0, 4.0]])
    for ord in [1, inf, "fro"]:
        yield Case("linalg.cond", [s], {"ord": ord}, lambda a, o=ord: np.linalg.cond(a, o),
                   note="singular: inf")
    yield Case("linalg.cond", [np.zeros((3, 3))], {}, np.linalg.cond, note="zero: inf")
    yield Case("linalg.cond", [np.zeros((0, 0))], {}, error=True, note="empty")
    yield Case("linalg.cond", [arr(rng, "float64", (5, 3))], {"ord": 1}, error=True,
               note="not square")


def lstsq(a, b, rcond=None):
    """NumPy 2's lstsq: rcond None means eps * max(M, N); rank as an int64 array."""
    if rcond is None:
        rcond = np.finfo(np.float64).eps * max(a.shape)
    x, r, k, s = np.linalg.lstsq(a, b, rcond=rcond)
    return x, r, np.int64(k), s


def svd_cases(rng):
    for dtype in DTYPES:
        for shape in [(1, 1), (5, 5), (40, 40), (8, 3), (3, 8)]:
            a = arr(rng, dtype, shape, low=-1, high=1)
            b = arr(rng, dtype, (shape[0], 2), low=-1, high=1)
            rt = result_dtype(dtype)
            t = tol_for(a, dtype) if rt not in SINGLE else 1e-4
            yield Case("linalg.lstsq", [a, b], {}, lstsq, rtol=t, atol=t,
                       note="%s %s" % (dtype, shape))
            yield Case("linalg.lstsq", [a, b[:, 0]], {}, lstsq, rtol=t, atol=t,
                       note="%s %s 1-d b" % (dtype, shape))
            yield Case("linalg.pinv", [a], {}, np.linalg.pinv, rtol=t, atol=t,
                       note="%s %s" % (dtype, shape))
            yield Case("linalg.matrix_rank", [a], {}, lambda a: np.int64(np.linalg.matrix_rank(a)),
                       note="%s %s" % (dtype, shape))
    deficient = np.array([[1.0, 2, 3], [2, 4, 6], [1, 1, 1], [0, 0, 0]])
    yield Case("linalg.lstsq", [deficient, np.ones((4, 2))], {}, lstsq, rtol=1e-12, atol=1e-12,
               note="rank deficient: minimum norm, no residuals")
    yield Case("linalg.lstsq", [deficient, np.ones((4, 2))], {"rcond": 0.5},
               lambda a, b: lstsq(a, b, 0.5), rtol=1e-12, atol=1e-12, note="rcond")
    yield Case("linalg.lstsq", [np.ones((2, 2, 2)), np.ones((2, 2))], {}, error=True, note="3-d")
    yield Case("linalg.lstsq", [np.ones((3, 2)), np.ones((4, 2))], {}, error=True,
               note="incompatible")
    yield Case("linalg.matrix_rank", [deficient], {}, lambda a: np.int64(np.linalg.matrix_rank(a)))
    yield Case("linalg.matrix_rank", [deficient], {"tol": 0.5},
               lambda a: np.int64(np.linalg.matrix_rank(a, 0.5)))
    yield Case("linalg.matrix_rank", [np.stack([deficient, 0 * deficient, deficient + 1])], {},
               np.linalg.matrix_rank, note="stack")
    yield Case("linalg.matrix_rank", [np.zeros(3)], {}, lambda a: np.int64(np.linalg.matrix_rank(a)),
               note="1-d zero")
    yield Case("linalg.matrix_rank", [np.ones(3)], {}, lambda a: np.int64(np.linalg.matrix_rank(a)),
               note="1-d")
    h = spd(rng, "float64", (4, 4))
    yield Case("linalg.matrix_rank", [h], {"hermitian": True},
               lambda a: np.int64(np.linalg.matrix_rank(a, hermitian=True)), note="hermitian")
    yield Case("linalg.pinv", [h], {"hermitian": True}, lambda a: np.linalg.pinv(a, hermitian=True),
               rtol=1e-10, atol=1e-12, note="hermitian")
    yield Case("linalg.pinv", [deficient], {}, np.linalg.pinv, rtol=1e-12, atol=1e-12,
               note="rank deficient")
    yield Case("linalg.pinv", [deficient], {"rcond": 0.5}, lambda a: np.linalg.pinv(a, 0.5),
               rtol=1e-12, atol=1e-12, note="rcond")
    yield Case("linalg.pinv", [arr(rng, "float64", (2, 3, 4))], {}, np.linalg.pinv, rtol=1e-10,
               atol=1e-12, note="stack")
    yield Case("linalg.pinv", [np.zeros((3, 0))], {}, np.linalg.pinv, note="empty")


def cases(rng):
    yield from inv_solve_det_cases(rng)
    yield from power_trace_cases(rng)
    yield from qr_cases(rng)
    yield from cholesky_cases(rng)
    yield from norm_cases(rng)
    yield from cond_cases(rng)
    yield from svd_cases(rng)
