"""Oracle cases for the matrix products: matmul, dot, vdot, inner, outer, tensordot, kron
and einsum."""
import math

import numpy as np

from oracle import Case, View, arr

DTYPES = ["float32", "float64", "complex64", "complex128", "int32", "int64", "bool", "float16"]


EPS = {"float16": 2.0 ** -11, "float32": 2.0 ** -24, "float64": 2.0 ** -53,
       "complex64": 2.0 ** -24, "complex128": 2.0 ** -53}


def tol(dtype, k):
    """Tolerances for sums of k products. NumPy (OpenBLAS, or its own einsum loops) and
    numc's gemm add the products in different orders (blocking, FMA), so results differ by
    rounding errors that grow like sqrt(k) ulps of the partial sums for random inputs.
    Relative: 1e-5 * sqrt(k) for float32 (1e-13 * sqrt(k) for float64), a few ulps per
    sqrt(k). Absolute: a result that cancels to near zero keeps the error of its partial
    sums, whose terms (products of values in [-10, 10]) average ~30 in magnitude (~80 for
    complex): about eps * k * 30 in all, with a factor 4 for the tails over thousands of
    elements. float16 is accumulated in float32 by NumPy's matmul and dot and by numc and
    rounded once, so its default relative tolerance (about 2 float16 ulps) holds; NumPy's
    float16 einsum rounds partial sums to float16, which the absolute term covers.
    Integers and bool are exact."""
    if dtype not in EPS:
        return {}
    rtol = {"float32": 1e-5, "complex64": 1e-5, "float64": 1e-13, "complex128": 1e-13}.get(dtype)
    term = 80 if dtype.startswith("complex") else 30
    return {"rtol": rtol * math.sqrt(max(k, 1)) if rtol else None, "atol": 4 * EPS[dtype] * max(k, 1) * term}


# matmul shapes: (a, b, k) with k the length of the summed axis.
MATMUL_SHAPES = [
    ((1, 1), (1, 1), 1),
    ((7, 3), (3, 2), 3),          # tall
    ((2, 9), (9, 5), 9),          # wide
    ((2, 1, 3, 4), (5, 4, 2), 4),  # stacks that broadcast
    ((4,), (4, 3), 4),            # 1-D first operand: a row
    ((3, 4), (4,), 4),            # 1-D second operand: a column
    ((4,), (4,), 4),              # both: a scalar
    ((4,), (2, 4, 3), 4),
    ((3, 0), (0, 2), 0),          # K = 0: zeros
    ((0, 3), (3, 2), 3),
    ((2, 0, 3), (3, 4), 3),
]


def matmul_cases(rng):
    for dt in DTYPES:
        for sa, sb, k in MATMUL_SHAPES:
            a, b = arr(rng, dt, sa), arr(rng, dt, sb)
            yield Case("matmul", [a, b], {}, np.matmul, **tol(dt, k), note="%s %s@%s" % (dt, sa, sb))
        # Transposed layouts (Fortran order) and sliced views reach gemm without copies.
        a, b = arr(rng, dt, (5, 6), order="F"), arr(rng, dt, (6, 4), order="F")
        yield Case("matmul", [a, b], {}, np.matmul, **tol(dt, 6), note="%s fortran" % dt)
        base_a, base_b = arr(rng, dt, (8, 6)), arr(rng, dt, (5, 6))
        yield Case("matmul", [View(base_a, "::2, 1:"), View(base_b, "::-1, ::2")], {}, np.matmul,
                   **tol(dt, 5), note="%s views" % dt)
    # Larger: the batched path and a product big enough for gemm's blocking and threads.
    for dt in ["float32", "float64", "complex64", "int64"]:
        a, b = arr(rng, dt, (16, 64, 48)), arr(rng, dt, (16, 48, 40))
        yield Case("matmul", [a, b], {}, np.matmul, **tol(dt, 48), note="%s batched" % dt)
        a, b = arr(rng, dt, (150, 300)), arr(rng, dt, (300, 170), order="F")
        yield Case("matmul", [a, b], {}, np.matmul, **tol(dt, 300), note="%s large" % dt)
    a = arr(rng, "float32", (8, 128, 128))
    yield Case("matmul", [a, View(a, "..., ::-1, :")], {}, np.matmul, **tol("float32", 128),
               note="float32 stack with a reversed view")
    # Integers wrap; mixed dtypes promote.
    for dt in ["int8", "uint8", "int16", "uint64"]:
        a = arr(rng, dt, (5, 16), low=-(2 ** 62), high=2 ** 62)
        b = arr(rng, dt, (16, 3), low=-(2 ** 62), high=2 ** 62)
        yield Case("matmul", [a, b], {}, np.matmul, note="%s wraps" % dt)
    for da, db in [("int8", "float16"), ("int32", "float32"), ("bool", "int8"), ("uint8", "int8"),
                   ("float32", "complex128"), ("int64", "uint64")]:
        a, b = arr(rng, da, (3, 4)), arr(rng, db, (4, 2))
        yield Case("matmul", [a, b], {}, np.matmul, note="%s@%s" % (da, db))
    a, b = arr(rng, "float64", (3, 4)), arr(rng, "float64", (5, 2))
    yield Case("matmul", [a, b], {}, error=True, note="core dimension mismatch")
    yield Case("matmul", [arr(rng, "float64", (2, 3, 4)), arr(rng, "float64", (5, 4, 2))], {}, error=True,
               note="batch shapes do not broadcast")
    yield Case("matmul", [a, 2.0], {}, error=True, note="0-d operand")


def dot_cases(rng):
    shapes = [((4,), (4,), 4), ((3, 4), (4,), 4), ((4,), (4, 3), 4), ((3, 4), (4, 5), 4),
              ((2, 3, 4), (5, 4, 6), 4), ((2, 3, 4), (4,), 4), ((3,), (2, 3, 4), 3), ((3, 0), (0, 2), 0)]
    for dt in DTYPES:
        for sa, sb, k in shapes:
            a, b = arr(rng, dt, sa), arr(rng, dt, sb)
            yield Case("dot", [a, b], {}, np.dot, **tol(dt, k), note="%s %s.%s" % (dt, sa, sb))
        a, b = arr(rng, dt, (3, 5), order="F"), arr(rng, dt, (6, 5, 2), order="F")
        yield Case("dot", [a, b], {}, np.dot, **tol(dt, 5), note="%s fortran" % dt)
        s = arr(rng, dt, ())
        yield Case("dot", [s, arr(rng, dt, (2, 3))], {}, np.dot, **tol(dt, 1), note="%s 0-d" % dt)
    # Python scalars become arrays first (strong): float32 . 2.5 is float64, as in NumPy.
    yield Case("dot", [arr(rng, "float32", (3,)), 2.5], {}, np.dot, note="python float")
    yield Case("dot", [arr(rng, "float64", (3, 4)), arr(rng, "float64", (3, 4))], {}, error=True, note="not aligned")


def vdot_inner_outer_cases(rng):
    for dt in DTYPES:
        a, b = arr(rng, dt, (2, 3)), arr(rng, dt, (3, 2))
        yield Case("vdot", [a, b], {}, np.vdot, **tol(dt, 6), note="%s flattened" % dt)
        yield Case("vdot", [View(arr(rng, dt, (4, 6)), "::2, ::-2"), arr(rng, dt, (6,))], {}, np.vdot,
                   **tol(dt, 6), note="%s view" % dt)
        for sa, sb, k in [((5,), (5,), 5), ((2, 3), (4, 3), 3), ((2, 3, 4), (5, 4), 4), ((3, 0), (2, 0), 0)]:
            yield Case("inner", [arr(rng, dt, sa), arr(rng, dt, sb)], {}, np.inner, **tol(dt, k),
                       note="%s %s,%s" % (dt, sa, sb))
        yield Case("inner", [arr(rng, dt, ()), arr(rng, dt, (2, 3))], {}, np.inner, **tol(dt, 1), note="%s 0-d" % dt)
        for sa, sb in [((3,), (4,)), ((2, 3), (2, 2)), ((0,), (3,))]:
            yield Case("outer", [arr(rng, dt, sa), arr(rng, dt, sb)], {}, np.outer, **tol(dt, 1),
                       note="%s %s,%s" % (dt, sa, sb))
        yield Case("outer", [View(arr(rng, dt, (4, 6)), "1:, ::3"), arr(rng, dt, (2,), order="F")], {}, np.outer,
                   **tol(dt, 1), note="%s view" % dt)
    yield Case("vdot", [arr(rng, "float64", (3,)), arr(rng, "float64", (4,))], {}, error=True, note="lengths differ")
    yield Case("inner", [arr(rng, "float64", (2, 3)), arr(rng, "float64", (2, 4))], {}, error=True, note="not aligned")


def tensordot_cases(rng):
    for dt in DTYPES:
        a, b = arr(rng, dt, (3, 4, 5)), arr(rng, dt, (4, 5, 2))
        yield Case("tensordot", [a, b], {}, np.tensordot, **tol(dt, 20), note="%s default axes=2" % dt)
        for n in [0, 1]:
            c = arr(rng, dt, (5, 2)) if n == 1 else arr(rng, dt, (2,))
            yield Case("tensordot", [a, c], {"axes": n}, (lambda n: lambda x, y: np.tensordot(x, y, axes=n))(n),
                       **tol(dt, 5), note="%s axes=%d" % (dt, n))
        d = arr(rng, dt, (4, 3, 2), order="F")
        for aa, bb in [((1, 0), (0, 1)), ((0, 1), (1, 0)), ((1,), (0,)), ((-2, 0), (0, 1))]:
            yield Case("tensordot", [a, d], {"a_axes": aa, "b_axes": bb},
                       (lambda aa, bb: lambda x, y: np.tensordot(x, y, axes=(aa, bb)))(aa, bb),
                       **tol(dt, 12), note="%s axes=%s,%s" % (dt, aa, bb))
    a = arr(rng, "float64", (3, 4, 5))
    yield Case("tensordot", [a, arr(rng, "float64", (5, 4))], {}, error=True, note="shape mismatch")
    yield Case("tensordot", [a, a], {"a_axes": (0,), "b_axes": (1,)}, error=True, note="shape mismatch in lists")
    yield Case("tensordot", [a, a], {"a_axes": (0, 1), "b_axes": (0,)}, error=True, note="list lengths differ")
    yield Case("tensordot", [a, a], {"a_axes": (7,), "b_axes": (0,)}, error=True, note="axis out of range")


def kron_cases(rng):
    for dt in DTYPES:
        for sa, sb in [((2, 2), (2, 3)), ((3,), (2, 2)), ((2, 1, 3), (2, 2)), ((), (3,)), ((0, 2), (2, 2))]:
            yield Case("kron", [arr(rng, dt, sa), arr(rng, dt, sb)], {}, np.kron, note="%s %s,%s" % (dt, sa, sb))
        yield Case("kron", [View(arr(rng, dt, (4, 6)), "::2, ::-3"), arr(rng, dt, (2, 3), order="F")], {}, np.kron,
                   note="%s views" % dt)


# (subscripts, operand shapes, length of the summed part)
EINSUM_FORMS = [
    ("ij,jk->ik", [(3, 4), (4, 5)], 4),
    ("bij,bjk->bik", [(6, 3, 4), (6, 4, 2)], 4),
    ("ii->", [(4, 4)], 4),
    ("ij->ji", [(3, 4)], 1),
    ("i,i->", [(5,), (5,)], 5),
    ("ij,j->i", [(3, 4), (4,)], 4),
    ("ii->i", [(4, 4)], 1),
    ("ij->", [(3, 4)], 12),
    ("ij->j", [(3, 4)], 3),
    ("ij,ij->ij", [(3, 4), (3, 4)], 1),
    ("i,j->ij", [(3,), (4,)], 1),
    ("ijk,jil->kl", [(3, 4, 5), (4, 3, 2)], 12),
    ("ijk,j->i", [(3, 4, 2), (4,)], 8),
    ("ij,jk->ki", [(3, 4), (4, 5)], 4),
    ("iij->ij", [(3, 3, 2)], 1),
    ("ij,jk", [(3, 4), (4, 5)], 4),            # implicit: labels seen once, sorted
    ("ba", [(3, 4)], 1),
    ("ii", [(4, 4)], 4),
    ("...ij,...jk->...ik", [(2, 3, 4), (4, 5)], 4),
    ("...ij->...ji", [(2, 3, 4)], 1),
    ("i...,i...->...", [(3, 2, 2), (3, 1, 2)], 3),
    ("ij,jk->ik", [(3, 0), (0, 2)], 0),
    ("ij,jk->ik", [(2, 1), (1, 5)], 1),
]


def einsum_cases(rng):
    for dt in DTYPES:
        for subs, shapes, k in EINSUM_FORMS:
            ops = [arr(rng, dt, s) for s in shapes]
            yield Case("einsum", ops, {"subscripts": subs}, (lambda s: lambda *x: np.einsum(s, *x))(subs),
                       **tol(dt, k), note="%s %s" % (dt, subs))
        a, b = arr(rng, dt, (4, 3), order="F"), View(arr(rng, dt, (8, 5)), "::2, ::-1")
        yield Case("einsum", [a, b], {"subscripts": "ji,jk->ik"}, lambda x, y: np.einsum("ji,jk->ik", x, y),
                   **tol(dt, 4), note="%s views" % dt)
    a = arr(rng, "float64", (2, 3))
    for subs, ops in [("ij,jk->ik", [a, a]), ("ij,jk->ikl", [a, arr(rng, "float64", (3, 2))]),
                      ("ij->ii", [a]), ("ijk->i", [a]), ("i->i", [a]), ("ij,jk->ik", [a]),
                      ("ii->i", [a]), ("i1->i", [a]), ("...i->i", [a]), ("i.j->ij", [a])]:
        yield Case("einsum", ops, {"subscripts": subs}, error=True, note="bad: %s" % subs)


def cases(rng):
    yield from matmul_cases(rng)
    yield from dot_cases(rng)
    yield from vdot_inner_outer_cases(rng)
    yield from tensordot_cases(rng)
    yield from kron_cases(rng)
    yield from einsum_cases(rng)
