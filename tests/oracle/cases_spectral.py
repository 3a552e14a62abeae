"""Oracle cases for eigh, eigvalsh, eig, eigvals, svd and svdvals.

What is unique is compared: eigenvalues of Hermitian matrices (ascending) and singular
values (descending). Eigenvectors and singular vectors are unique only up to sign or phase
(and eig's eigenvalue order is the QR iteration's), so vectors are checked by
reconstruction in tests/unit/test_spectral.c; here eig runs on upper-triangular inputs,
whose eigenvalues are the diagonal in order, and vectors only where they are unique (1 x 1
and diagonal inputs, whose eigenvectors are the unit vectors).

Tolerances: both sides are backward stable, so eigenvalues and singular values agree to
about n eps ||A|| in absolute terms (GVL 4th ed. 8.1.2, 8.6.1), not relative to each value:
for n <= 8 and |a| <= 10 that is ~1e-13 in float64 relative to the largest value, which
the comparison's floor (1e-3 of the largest magnitude) turns into rtol 1e-10. float32 is
computed in float64 by numc but in float32 by LAPACK, whose error of ~n eps32 ||A|| sets
rtol 1e-4."""
import numpy as np

from oracle import Case, View, arr

REAL_COMPLEX = ["float32", "float64", "complex64", "complex128"]


def rtol_for(dtype):
    return 1e-4 if dtype in ("float32", "complex64") else 1e-10


def hermitian(rng, dtype, shape):
    a = arr(rng, dtype, shape)
    a = (a + np.swapaxes(a, -1, -2).conj()) / 2
    return a.astype(dtype)


def cases(rng):
    for dt in REAL_COMPLEX:
        r = rtol_for(dt)
        for shape in [(1, 1), (2, 2), (5, 5), (3, 4, 4), (8, 8)]:
            h = hermitian(rng, dt, shape)
            for uplo in ["L", "U"]:
                yield Case("linalg.eigvalsh", [h], {"UPLO": uplo},
                           lambda a, u=uplo: np.linalg.eigvalsh(a, UPLO=u), rtol=r)
            a = arr(rng, dt, shape[:-1] + (shape[-1] + 2,))
            yield Case("linalg.svdvals", [a], {}, lambda a: np.linalg.svd(a, compute_uv=False), rtol=r)
            yield Case("linalg.svd", [a], {"compute_uv": False},
                       lambda a: np.linalg.svd(a, compute_uv=False), rtol=r)
            yield Case("linalg.svd", [View(a, "..., ::-1, :")], {"compute_uv": False},
                       lambda a: np.linalg.svd(a, compute_uv=False), rtol=r, note="reversed rows")
            yield Case("linalg.svd", [h], {"compute_uv": False, "hermitian": True},
                       lambda a: np.linalg.svd(a, compute_uv=False, hermitian=True), rtol=r)
            # Upper triangular: eigenvalues are the diagonal, in order, real for real input.
            t = np.triu(arr(rng, dt, shape))
            yield Case("linalg.eigvals", [t], {}, np.linalg.eigvals, rtol=r)
        # One triangle only is read: garbage in the other must not matter.
        h = hermitian(rng, dt, (4, 4))
        g = h.copy()
        g[np.triu_indices(4, 1)] = 1e3
        yield Case("linalg.eigvalsh", [g], {"UPLO": "L"}, lambda a: np.linalg.eigvalsh(a, "L"), rtol=r)
        # Unique eigenvectors: 1 x 1, and diagonal matrices (unit vectors, ascending).
        d = np.diag(arr(rng, dt, (5,)).real).astype(dt)
        yield Case("linalg.eigh", [d], {}, np.linalg.eigh, rtol=r)
        yield Case("linalg.eigh", [arr(rng, dt, (2, 1, 1)).real.astype(dt)], {}, np.linalg.eigh, rtol=r)
        yield Case("linalg.eig", [np.triu(arr(rng, dt, (1, 1)))], {}, np.linalg.eig, rtol=r)
    # Integers and bool become float64; rank-deficient and tall/wide inputs.
    yield Case("linalg.eigvalsh", [arr(rng, "int32", (4, 4)) * 0 + np.eye(4, dtype="int32")], {},
               np.linalg.eigvalsh)
    yield Case("linalg.svdvals", [arr(rng, "int16", (6, 3))], {}, lambda a: np.linalg.svd(a, compute_uv=False),
               rtol=1e-10)
    yield Case("linalg.svdvals", [arr(rng, "bool", (3, 7))], {}, lambda a: np.linalg.svd(a, compute_uv=False),
               rtol=1e-10)
    x = arr(rng, "float64", (7, 2))
    rank2 = x @ arr(rng, "float64", (2, 6))
    # Zero singular values come out at rounding level (~1e-15 ||A||), not exactly 0:
    # an absolute tolerance of 1e-12 ||A|| covers them.
    yield Case("linalg.svdvals", [rank2], {}, lambda a: np.linalg.svd(a, compute_uv=False),
               rtol=1e-10, atol=1e-12 * np.linalg.norm(rank2), note="rank 2")
    # Empty matrices, as NumPy.
    for shape in [(0, 0), (2, 0, 0)]:
        z = np.zeros(shape)
        yield Case("linalg.eigh", [z], {}, np.linalg.eigh)
        yield Case("linalg.eig", [z], {}, np.linalg.eig)
        yield Case("linalg.eigvals", [z], {}, np.linalg.eigvals)
    for shape in [(0, 3), (3, 0)]:
        z = np.zeros(shape)
        yield Case("linalg.svd", [z], {}, np.linalg.svd, note="identity factors")
        yield Case("linalg.svd", [z], {"full_matrices": False}, lambda a: np.linalg.svd(a, full_matrices=False))
    # Errors: non-square, 1-d, float16, bad UPLO, non-finite input to eig and svd.
    sq = arr(rng, "float64", (2, 3))
    for f in ["linalg.eigh", "linalg.eigvalsh", "linalg.eig", "linalg.eigvals"]:
        yield Case(f, [sq], {}, error=True)
        yield Case(f, [arr(rng, "float16", (2, 2))], {}, error=True)
    yield Case("linalg.svd", [sq], {"hermitian": True}, error=True)
    yield Case("linalg.svdvals", [arr(rng, "float64", (3,))], {}, error=True)
    yield Case("linalg.eigh", [arr(rng, "float64", (2, 2))], {"UPLO": "X"}, error="usage")
    nan = np.array([[1.0, np.nan], [0.0, 1.0]])
    yield Case("linalg.eigvals", [nan], {}, error=True)
    yield Case("linalg.svdvals", [nan], {}, error=True)
    # General matrices, through `post`: eigenvalues sorted, vectors compared by what is
    # unique about them (for eig: |v| up to a unit phase per column after LAPACK's
    # normalisation; for eigh/svd: |v|, unique up to sign or phase for distinct values).
    def sort_eig(w, v=None):
        order = np.lexsort((np.round(w.imag, 8), np.round(w.real, 8)))
        return (w[order],) if v is None else (w[order], np.abs(v[:, order]))
    for dt in ["float64", "complex128", "float32"]:
        for n in [3, 6, 12]:
            a = arr(rng, dt, (n, n))
            tol = 1e-4 if dt == "float32" else 1e-9  # eigenvalues of a nonnormal matrix: cond * eps
            yield Case("linalg.eigvals", [a], {}, np.linalg.eigvals, post=sort_eig, rtol=tol, note="general " + dt)
            yield Case("linalg.eig", [a], {}, np.linalg.eig, post=sort_eig, rtol=tol, note="general " + dt)
        s = arr(rng, dt, (8, 8))
        s = s + s.conj().T
        yield Case("linalg.eigh", [s], {}, np.linalg.eigh, post=lambda w, v: (w, np.abs(v)),
                   rtol=1e-4 if dt == "float32" else 1e-9, note="vectors " + dt)
        m = arr(rng, dt, (7, 5))
        yield Case("linalg.svd", [m], {"full_matrices": False}, lambda a: np.linalg.svd(a, full_matrices=False),
                   post=lambda u, s_, vh: (np.abs(u), s_, np.abs(vh)),
                   rtol=1e-4 if dt == "float32" else 1e-9, note="vectors " + dt)
