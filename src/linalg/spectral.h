/* Internal interface of the spectral decompositions (eigh, svd, eig).
 *
 * Every decomposition runs in double precision on a column-major work copy of one matrix
 * of the batch: double for real input (float32 is computed in float64 and rounded back,
 * integers and bool are converted to float64 as NumPy does), double complex for complex
 * input. The phases, each written once:
 *
 *   1. a Householder reduction (householder_tmpl.h, instantiated for double "_d" and
 *      double complex "_z"): Hermitian -> real tridiagonal, general -> real bidiagonal,
 *      general -> Hessenberg. The complex reflectors are LAPACK's (zlarfg: beta real), so
 *      the tridiagonal and bidiagonal forms are real even for complex input;
 *   2. an iteration on the condensed form: implicit QL (tridiag_ql.c), Golub-Kahan
 *      bidiagonal QR (bidiag_qr.c), Francis double-shift QR (schur_real.c) or complex
 *      single-shift QR (schur_complex.c). Rotations of the first two are real and are
 *      buffered and applied in cache-sized row blocks (rotations.c);
 *   3. the back-transform by the reflectors of phase 1, blocked (compact WY) onto GEMM.
 *
 * Work matrices are column-major: element (i, j) of a matrix with leading dimension ld is
 * at [i + j * ld]. Sizes are int64_t. */
#ifndef NUMC_LINALG_SPECTRAL_H
#define NUMC_LINALG_SPECTRAL_H

#include "core/core.h"

/* ------------------------------------------------------------ batches (spectral_io.c) */

/* A validated stack of matrices: a (..., M, N) input seen as `count` matrices. The work
 * dtype is FLOAT64 or COMPLEX128; `out_real` / `out_full` are the result dtypes NumPy
 * gives (float32 input -> float32, complex64 -> complex64, integers -> float64). */
typedef struct numc__mstack {
  const numc_array *a;
  int64_t count, m, n;
  int bdim;                        /* leading (batch) dimensions */
  bool cplx;                       /* work in double complex */
  numc_dtype work, out_real, out_full;
} numc__mstack;

/* Check dtype (float16 is refused like NumPy's "array type float16 is unsupported in
 * linalg"), ndim >= 2 and, when `square`, that the last two axes are equal. */
numc_status numc__mstack_init(const numc_array *a, bool square, numc__mstack *st);
/* A new C-contiguous array of shape batch + (d0[, d1]) (nd = 1 or 2 trailing axes). */
numc_status numc__mstack_new_out(const numc__mstack *st, numc_dtype t, int nd, int64_t d0,
                                 int64_t d1, numc_array **out);
/* Copy matrix `index` into a column-major work matrix (ld = rows of the copy) of dtype
 * st->work; transposed (and conjugated) when `adjoint`. */
void numc__mstack_load(const numc__mstack *st, int64_t index, bool adjoint, void *dst);
/* Whether matrix `index` holds only finite values (of the triangle `uplo`: 'L', 'U', or
 * 0 for all of it). */
bool numc__mstack_finite(const numc__mstack *st, int64_t index, char uplo);
/* Write a column-major rows x cols matrix (dtype src_t, leading dimension ld) into item
 * `index` of `out` (fresh, C-contiguous, of matching trailing shape); transposed and
 * conjugated when `adjoint`. A vector is a rows x 1 matrix. */
void numc__mstack_store(numc_array *out, int64_t index, const void *src, numc_dtype src_t,
                        int64_t rows, int64_t cols, int64_t ld, bool adjoint);

/* Run fn(ctx, index) for every matrix, in parallel when the stack is worth it;
 * returns the first failing status (workers cannot set the thread-local message: the
 * caller turns the status into one). */
typedef numc_status (*numc__mstack_fn)(void *ctx, int64_t index);
numc_status numc__mstack_each(const numc__mstack *st, numc__mstack_fn fn, void *ctx);

/* ---------------------------------------------- Householder reductions (householder.c) */

/* Hermitian a (n x n, both triangles valid) -> real tridiagonal (d, e) = Q^H a Q,
 * Q = H_0 ... H_{n-2}; reflector j is stored below the subdiagonal of column j
 * (LAPACK zhetrd, UPLO = 'L'); the rest of a is left unspecified. Blocked onto GEMM
 * (hetrd_blocked_tmpl.h) above a small size. NUMC_ENOMEM when its panel buffers cannot
 * be allocated. */
numc_status numc__hetrd_d(int64_t n, double *a, int64_t lda, double *d, double *e, double *tau);
numc_status numc__hetrd_z(int64_t n, numc__c128 *a, int64_t lda, double *d, double *e,
                          numc__c128 *tau);
/* y = B v for the real symmetric m x m b (leading dimension ldb) of which only the lower
 * triangle is read, by an AVX-512 kernel (symv_avx512.c); false, and nothing done, where
 * that kernel cannot run: the caller's portable loop does it. */
bool numc__symv_lower_fast(int64_t m, const double *b, int64_t ldb, const double *v, double *y);
/* m x n a with m >= n -> real upper bidiagonal (d, e) = Q^H a P (LAPACK zgebrd). Left
 * reflectors below the diagonal of column j, right reflector j (its vector u, acting on
 * columns j+1..) right of the superdiagonal of row j. taup has room for n + m entries
 * (the tail is work). Blocked onto GEMM (gebrd_blocked_tmpl.h) above a small size;
 * NUMC_ENOMEM when its panel buffers cannot be allocated. */
numc_status numc__gebrd_d(int64_t m, int64_t n, double *a, int64_t lda, double *d, double *e,
                          double *tauq, double *taup);
numc_status numc__gebrd_z(int64_t m, int64_t n, numc__c128 *a, int64_t lda, double *d,
                          double *e, numc__c128 *tauq, numc__c128 *taup);
/* a -> upper Hessenberg Q^H a Q, reflectors below the subdiagonal (LAPACK zgehd2). */
void numc__gehrd_d(int64_t n, double *a, int64_t lda, double *tau);
void numc__gehrd_z(int64_t n, numc__c128 *a, int64_t lda, numc__c128 *tau);
/* C := H_0 H_1 ... H_{k-1} C for an m x nc matrix C, H_j = I - tau_j v_j v_j^H with
 * v_j = (0 (j entries), 1, v[j+1..m-1, j]): the reflectors as the reductions store them.
 * Blocked (compact WY, LAPACK zlarft + zlarfb) onto GEMM. */
numc_status numc__apply_reflectors_d(int64_t m, int64_t nc, int64_t k, const double *v,
                                     int64_t ldv, const double *tau, double *c, int64_t ldc);
numc_status numc__apply_reflectors_z(int64_t m, int64_t nc, int64_t k, const numc__c128 *v,
                                     int64_t ldv, const numc__c128 *tau, numc__c128 *c,
                                     int64_t ldc);

/* --------------------------------------------------- plane rotations (rotations.c) */

/* Rotations of the columns of a real rows x ncols column-major z, recorded and applied
 * later in row blocks, so that a block of z stays in cache across many QR sweeps (the
 * idea of LAPACK's dlasr, carried over several sweeps). Rotation (a, b, c, s) maps the
 * columns x_a, x_b to c x_a + s x_b, c x_b - s x_a. A NULL rotbuf records nothing. */
typedef struct numc__rotbuf {
  double *z;
  int64_t ld, rows, cols; /* cols: the ncols of numc__rotbuf_init */
  int64_t len, cap;
  int32_t *ab; /* pairs of column indices */
  double *cs;  /* pairs (c, s) */
} numc__rotbuf;

numc_status numc__rotbuf_init(numc__rotbuf *r, double *z, int64_t ld, int64_t rows, int64_t ncols);
void numc__rotbuf_push(numc__rotbuf *r, int64_t a, int64_t b, double c, double s);
void numc__rotbuf_flush(numc__rotbuf *r);
void numc__rotbuf_free(numc__rotbuf *r);

/* --------------------------------------------- condensed-form iterations */

/* Eigenvalues (into d, unsorted: the caller sorts them and permutes the vectors) of the
 * symmetric tridiagonal (d, e[0..n-2]) by implicit QL; the rotations go to `z` (n
 * columns) when not NULL. false when it did not converge within 30 n sweeps (LAPACK
 * dsteqr's limit). e is destroyed. */
bool numc__tridiag_ql(int64_t n, double *d, double *e, numc__rotbuf *z);
/* Eigenvalues (into d, unsorted) and orthonormal eigenvectors (the columns of q, n x n,
 * leading dimension ldq; output only) of the symmetric tridiagonal (d, e[0..n-2]) by
 * divide and conquer (tridiag_dc.c), QL on blocks of up to 25. e is left as it was.
 * NUMC_ELINALG when QL does not converge on a block, NUMC_ENOMEM. */
numc_status numc__tridiag_dc(int64_t n, double *d, const double *e, double *q, int64_t ldq);
/* The merge step of numc__tridiag_dc (secular_eq.c): the eigenvalues lam (ascending) and
 * eigenvectors of diag(d) + rho z z^T for k strictly ascending d, rho > 0, |z| = 1 and
 * no negligible z_j. Column i of s (k x k, leading dimension k) is the eigenvector of
 * lam[i], its component j (for pole d_j) stored in row pos[j] (pos: a permutation of
 * 0..k-1). zhat: k doubles of scratch. */
void numc__secular_solve(int64_t k, const double *d, const double *z, double rho,
                         const int64_t *pos, double *lam, double *s, double *zhat);
/* Singular values of the upper bidiagonal (d, e[0..n-2]) by Golub-Kahan implicit-shift
 * QR; rotations of the left/right singular vectors to u / v (n columns each, either
 * NULL). Not sorted and not made non-negative: the caller takes |d| (flipping the
 * columns of v where d < 0) and sorts. false when it did not converge within 30 n
 * sweeps. e is destroyed. */
bool numc__bidiag_qr(int64_t n, double *d, double *e, numc__rotbuf *u, numc__rotbuf *v);
/* Real Schur form of the upper Hessenberg h by Francis double-shift QR, eigenvalues to
 * (wr, wi) (pairs with wi > 0 first), Schur vectors accumulated into z when not NULL;
 * with z, h becomes the upper-triangular matrix of eigenvectors of the Schur form
 * (columns j, j+1 the real and imaginary parts of a pair's first vector). */
bool numc__schur_real(int64_t n, double *h, int64_t ldh, double *wr, double *wi, double *z,
                      int64_t ldz);
/* The same for complex h: complex single-shift QR; with z, h becomes the eigenvectors of
 * the triangular Schur form. */
bool numc__schur_complex(int64_t n, numc__c128 *h, int64_t ldh, numc__c128 *w, numc__c128 *z,
                         int64_t ldz);

/* --------------------------------------------------- shared pieces of the drivers */

/* eigh of one work matrix (n x n in `a`, the `uplo` triangle read): ascending w; with
 * `vectors`, a is overwritten by the orthonormal eigenvectors (columns). Used by eigh and
 * by svd(hermitian=True). NUMC_ELINALG when QL does not converge, NUMC_ENOMEM. */
numc_status numc__eigh_one(int64_t n, bool cplx, char uplo, void *a, double *w, bool vectors);

#endif
