/* Unit tests of eigh, eigvalsh, svd, svdvals, eig and eigvals: reconstruction, orthogonality
 * and order for every dtype, known spectra, ill-conditioned and rank-deficient inputs,
 * stacks and strided views, empty matrices, errors, and the iteration guards.
 *
 * Tolerances: the algorithms are backward stable, so a residual such as ||A V - V diag(w)||
 * or ||U S V^H - A|| is at most a modest multiple of n eps ||A|| (Golub & Van Loan 4th
 * ed. 8.3.5, 8.6.3, 7.5.6), and so is U^H U - I. We allow 20 n eps ||A||_F, eps being
 * that of the result dtype (float32 results are computed in float64 and rounded, which
 * adds a float32 rounding per element). Eigenvalues of symmetric matrices and singular
 * values are within n eps ||A|| of the exact ones whatever the conditioning. */
#include <complex.h>
#include <float.h>

#include "core/core.h"
#include "linalg/spectral.h"
#include "test.h"

static const double PI = 3.14159265358979323846;

static uint64_t rng_state = 12345;
static double urand(void) { /* uniform in [-1, 1) */
  rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
  return (double)(rng_state >> 11) / 9007199254740992.0 * 2 - 1;
}

/* A (batch x) m x n array of dtype t from complex128 values (real parts for real t). */
static numc_array *from_c(numc_dtype t, int ndim, const int64_t *shape, const double complex *v) {
  numc_array *a = NULL, *b = NULL;
  if (numc_from_buffer(v, shape, ndim, NUMC_COMPLEX128, &a) != NUMC_OK) return NULL;
  numc_astype(a, t, &b);
  numc_free(a);
  return b;
}

/* Random values; real parts only unless complex. */
static void fill(double complex *v, int64_t n, bool cplx) {
  for (int64_t i = 0; i < n; i++) v[i] = CMPLX(urand(), cplx ? urand() : 0);
}

/* The values of a (any dtype) as complex128, C order, in a malloc'd buffer. */
static double complex *values(const numc_array *a) {
  numc_array *c = NULL;
  if (!a || numc_astype(a, NUMC_COMPLEX128, &c) != NUMC_OK) return NULL;
  size_t n = (size_t)numc_size(c);
  double complex *v = malloc((n ? n : 1) * sizeof *v);
  memcpy(v, numc_data(c), n * sizeof *v);
  numc_free(c);
  return v;
}

static double eps_of(numc_dtype t) {
  return t == NUMC_FLOAT32 || t == NUMC_COMPLEX64 ? FLT_EPSILON : DBL_EPSILON;
}

static double frob(const double complex *a, int64_t n) {
  double s = 0;
  for (int64_t i = 0; i < n; i++) s += creal(a[i] * conj(a[i]));
  return sqrt(s);
}

/* max |X^H X - I| for an r x c matrix X in C order. */
static double orth_error(const double complex *x, int64_t r, int64_t c) {
  double worst = 0;
  for (int64_t i = 0; i < c; i++)
    for (int64_t j = 0; j < c; j++) {
      double complex s = 0;
      for (int64_t k = 0; k < r; k++) s += conj(x[k * c + i]) * x[k * c + j];
      worst = fmax(worst, cabs(s - (i == j)));
    }
  return worst;
}

static const numc_dtype DTYPES[] = {NUMC_FLOAT32, NUMC_FLOAT64, NUMC_COMPLEX64, NUMC_COMPLEX128};

/* eigh of the Hermitian n x n h (C order) as dtype t, reading triangle `up` or lower:
 * residual, orthonormality, ascending order, and eigvalsh agreeing. */
static void check_eigh(numc_dtype t, int64_t n, const double complex *h, bool up) {
  int64_t shape[2] = {n, n};
  numc_array *a = from_c(t, 2, shape, h), *w = NULL, *v = NULL;
  double complex *ha = values(a);
  CHECK_OK(numc_linalg_eigh(a, up ? "U" : "L", &w, &v));
  CHECK_EQ_INT(numc_dtype_of(w), numc__real_dtype(t));
  CHECK_EQ_INT(numc_dtype_of(v), t);
  double complex *wv = values(w), *vv = values(v);
  double tol = 20 * (double)n * eps_of(t) * frob(ha, n * n), res = 0;
  for (int64_t i = 0; i < n; i++)
    for (int64_t j = 0; j < n; j++) { /* (A V - V diag(w))[i, j] */
      double complex s = -vv[i * n + j] * wv[j];
      for (int64_t k = 0; k < n; k++) s += ha[i * n + k] * vv[k * n + j];
      res = fmax(res, cabs(s));
    }
  CHECK(res <= tol);
  CHECK(orth_error(vv, n, n) <= 20 * (double)n * eps_of(t));
  for (int64_t i = 1; i < n; i++) CHECK(creal(wv[i - 1]) <= creal(wv[i]));
  numc_array *w2 = NULL;
  CHECK_OK(numc_linalg_eigvalsh(a, up ? "U" : "L", &w2));
  double complex *w2v = values(w2);
  for (int64_t i = 0; i < n; i++) CHECK_NEAR(creal(w2v[i]), creal(wv[i]), tol);
  free(ha), free(wv), free(vv), free(w2v);
  numc_free(a), numc_free(w), numc_free(v), numc_free(w2);
}

/* Make h Hermitian from its lower triangle, with a real diagonal. */
static void hermitian_from_lower(double complex *h, int64_t n) {
  for (int64_t i = 0; i < n; i++)
    for (int64_t j = 0; j <= i; j++)
      h[j * n + i] = conj(h[i * n + j] = i == j ? creal(h[i * n + j]) : h[i * n + j]);
}

TEST(eigh_reconstructs_orthonormal_ascending) {
  const int64_t sizes[] = {1, 2, 5, 40};
  for (int ti = 0; ti < 4; ti++)
    for (int si = 0; si < 4; si++)
      for (int up = 0; up < 2; up++) {
        int64_t n = sizes[si];
        double complex *h = malloc((size_t)(n * n) * sizeof *h);
        fill(h, n * n, numc__is_complex(DTYPES[ti]));
        hermitian_from_lower(h, n);
        check_eigh(DTYPES[ti], n, h, up);
        free(h);
      }
}

/* Sizes past the blocked reduction's crossover (128) and many divide-and-conquer levels,
 * on spectra that make the merges deflate: repeated eigenvalues (identity plus low rank,
 * all ones, zero), Wilkinson's nearly equal pairs, and strong grading. */
TEST(eigh_large_deflating_spectra) {
  const int64_t sizes[] = {151, 300};
  for (int si = 0; si < 2; si++)
    for (int kind = 0; kind < 6; kind++)
      for (int cplx = 0; cplx < 2; cplx++) {
        int64_t n = sizes[si];
        double complex *h = calloc((size_t)(n * n), sizeof *h), u[2][300];
        fill(u[0], n, cplx), fill(u[1], n, cplx);
        for (int64_t i = 0; i < n; i++)
          for (int64_t j = 0; j <= i; j++) {
            double complex *x = &h[i * n + j];
            switch (kind) {
            case 0: *x = CMPLX(urand(), cplx && i != j ? urand() : 0); break;
            case 1: *x = (i == j) + u[0][i] * conj(u[0][j]) + u[1][i] * conj(u[1][j]); break;
            case 2: *x = 1; break;
            case 3: break; /* zero */
            case 4: *x = i == j ? fabs((double)i - (double)(n - 1) / 2) : i == j + 1; break;
            default: *x = pow(10, -(double)(i + j) * 20 / (double)n) * (i == j ? 1 : urand()); break;
            }
          }
        hermitian_from_lower(h, n);
        check_eigh(cplx ? NUMC_COMPLEX128 : NUMC_FLOAT64, n, h, si == 1);
        free(h);
      }
  /* float32 input is computed in float64 and rounded. */
  double complex *h = malloc(200 * 200 * sizeof *h);
  fill(h, 200 * 200, false);
  hermitian_from_lower(h, 200);
  check_eigh(NUMC_FLOAT32, 200, h, false);
  free(h);
}

TEST(eigh_reads_only_its_triangle) {
  /* The other triangle holds NaN: it must not be read. */
  double complex h[9] = {2, NAN, NAN, -1, 2, NAN, 0, -1, 2};
  int64_t shape[2] = {3, 3};
  numc_array *a = from_c(NUMC_FLOAT64, 2, shape, h), *w = NULL;
  CHECK_OK(numc_linalg_eigvalsh(a, "L", &w));
  double complex *wv = values(w);
  /* tridiag(-1, 2, -1): 2 - 2 cos(k pi / 4) */
  for (int k = 1; k <= 3; k++) CHECK_NEAR(creal(wv[k - 1]), 2 - 2 * cos(k * PI / 4), 1e-14);
  free(wv);
  numc_free(w);
  w = NULL;
  CHECK_OK(numc_linalg_eigvalsh(a, "U", &w)); /* reading the NaN triangle: NaN as LAPACK */
  wv = values(w);
  CHECK(isnan(creal(wv[0])));
  free(wv);
  numc_free(w);
  numc_free(a);
}

TEST(eigh_known_spectrum_and_integers) {
  /* The second-difference matrix of order 30 as int32: eigenvalues 2 - 2 cos(k pi/31). */
  enum { N = 30 };
  int32_t m[N * N] = {0};
  for (int i = 0; i < N; i++) {
    m[i * N + i] = 2;
    if (i > 0) m[i * N + i - 1] = m[(i - 1) * N + i] = -1;
  }
  int64_t shape[2] = {N, N};
  numc_array *a = NULL, *w = NULL, *v = NULL;
  CHECK_OK(numc_from_buffer(m, shape, 2, NUMC_INT32, &a));
  CHECK_OK(numc_linalg_eigh(a, "L", &w, &v));
  CHECK_EQ_INT(numc_dtype_of(w), NUMC_FLOAT64);
  CHECK_EQ_INT(numc_dtype_of(v), NUMC_FLOAT64);
  double complex *wv = values(w);
  for (int k = 1; k <= N; k++) CHECK_NEAR(creal(wv[k - 1]), 2 - 2 * cos(k * PI / (N + 1)), 1e-13);
  free(wv);
  numc_free(a), numc_free(w), numc_free(v);
}

/* Check a = u diag(s) vh, orthonormal u and vh, s descending and >= 0. */
static void check_svd(numc_dtype t, int64_t m, int64_t n, const double complex *av, bool full) {
  int64_t shape[2] = {m, n}, k = m < n ? m : n;
  numc_array *a = from_c(t, 2, shape, av), *u = NULL, *s = NULL, *vh = NULL;
  double complex *aa = values(a);
  CHECK_OK(numc_linalg_svd(a, full, true, false, &u, &s, &vh));
  int64_t uc = full ? m : k, vr = full ? n : k;
  CHECK_EQ_INT(numc_shape(u)[1], uc);
  CHECK_EQ_INT(numc_shape(vh)[0], vr);
  CHECK_EQ_INT(numc_dtype_of(s), numc__real_dtype(t));
  CHECK_EQ_INT(numc_dtype_of(u), t);
  double complex *uv = values(u), *sv = values(s), *vv = values(vh);
  double tol = 20 * (double)(m > n ? m : n) * eps_of(t), res = 0;
  for (int64_t i = 0; i < m; i++)
    for (int64_t j = 0; j < n; j++) {
      double complex x = -aa[i * n + j];
      for (int64_t p = 0; p < k; p++) x += uv[i * uc + p] * sv[p] * vv[p * n + j];
      res = fmax(res, cabs(x));
    }
  CHECK(res <= tol * fmax(frob(aa, m * n), 1));
  CHECK(orth_error(uv, m, uc) <= tol);
  double vo = 0; /* rows of vh orthonormal */
  for (int64_t i = 0; i < vr; i++)
    for (int64_t j = 0; j < vr; j++) {
      double complex x = 0;
      for (int64_t p = 0; p < n; p++) x += vv[i * n + p] * conj(vv[j * n + p]);
      vo = fmax(vo, cabs(x - (i == j)));
    }
  CHECK(vo <= tol);
  for (int64_t i = 0; i < k; i++) CHECK(creal(sv[i]) >= 0 && (i == 0 || creal(sv[i]) <= creal(sv[i - 1])));
  numc_array *s2 = NULL; /* svdvals: the same values */
  CHECK_OK(numc_linalg_svdvals(a, &s2));
  double complex *s2v = values(s2);
  for (int64_t i = 0; i < k; i++) CHECK_NEAR(creal(s2v[i]), creal(sv[i]), tol * frob(aa, m * n));
  free(aa), free(uv), free(sv), free(vv), free(s2v);
  numc_free(a), numc_free(u), numc_free(s), numc_free(vh), numc_free(s2);
}

TEST(svd_shapes_dtypes_reconstruct) {
  /* 100 x 70: two full row blocks of the buffered rotations (32 rows) and a partial one;
   * 300 x 200: three panels of the blocked bidiagonalisation, then the unblocked end. */
  const int64_t dims[][2] = {{1, 1},   {4, 4},    {7, 3},    {3, 7},    {33, 20},
                             {20, 33}, {100, 70}, {70, 100}, {300, 200}, {200, 300}};
  for (int ti = 0; ti < 4; ti++)
    for (int di = 0; di < 10; di++) {
      int64_t m = dims[di][0], n = dims[di][1];
      double complex *v = malloc((size_t)(m * n) * sizeof *v);
      fill(v, m * n, numc__is_complex(DTYPES[ti]));
      check_svd(DTYPES[ti], m, n, v, true);
      check_svd(DTYPES[ti], m, n, v, false);
      free(v);
    }
  /* 420 x 330: the bidiagonalisation's matrix-vector products large enough for threads. */
  double complex *v = malloc(420 * 330 * sizeof *v);
  fill(v, 420 * 330, false);
  check_svd(NUMC_FLOAT64, 420, 330, v, false);
  free(v);
}

TEST(svd_rank_deficient_and_zero_diagonal) {
  /* Rank 2 (6 x 5): three singular values at rounding level, vectors still orthonormal. */
  double complex a[30], x[12], y[10];
  fill(x, 12, false);
  fill(y, 10, false);
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 5; j++) a[i * 5 + j] = x[2 * i] * y[2 * j] + x[2 * i + 1] * y[2 * j + 1];
  check_svd(NUMC_FLOAT64, 6, 5, a, true);
  int64_t shape[2] = {6, 5};
  numc_array *arr = from_c(NUMC_FLOAT64, 2, shape, a), *s = NULL;
  CHECK_OK(numc_linalg_svdvals(arr, &s));
  double complex *sv = values(s);
  CHECK(creal(sv[1]) > 1e-3);
  for (int i = 2; i < 5; i++) CHECK(creal(sv[i]) < 1e-14);
  free(sv);
  numc_free(arr), numc_free(s);
  /* A zero in the middle of the bidiagonal (a zero column) exercises the deflation
   * that chases it out. */
  double complex z[16] = {1, 0, 2, 0, 3, 0, 4, 1, 5, 0, 6, 0, 7, 0, 8, 1};
  check_svd(NUMC_FLOAT64, 4, 4, z, true);
  double complex zero[6] = {0};
  check_svd(NUMC_FLOAT64, 3, 2, zero, true);
}

TEST(svd_ill_conditioned_hilbert) {
  /* Hilbert(8): cond ~ 1.5e10. It is SPD, so its singular values are its eigenvalues;
   * both are within ~n eps ||H|| of the exact ones; the smallest is 1.11153898e-10. */
  enum { N = 8 };
  double complex h[N * N];
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) h[i * N + j] = 1.0 / (i + j + 1);
  check_svd(NUMC_FLOAT64, N, N, h, true);
  int64_t shape[2] = {N, N};
  numc_array *a = from_c(NUMC_FLOAT64, 2, shape, h), *s = NULL, *w = NULL;
  CHECK_OK(numc_linalg_svdvals(a, &s));
  CHECK_OK(numc_linalg_eigvalsh(a, "L", &w));
  double complex *sv = values(s), *wv = values(w);
  for (int i = 0; i < N; i++) CHECK_NEAR(creal(sv[i]), creal(wv[N - 1 - i]), 1e-14);
  CHECK_NEAR(creal(sv[N - 1]), 1.11153898e-10, 1e-14);
  CHECK_NEAR(creal(sv[0]), 1.69593900, 1e-8);
  free(sv), free(wv);
  numc_free(a), numc_free(s), numc_free(w);
}

TEST(svd_hermitian_flag) {
  enum { N = 6 };
  double complex h[N * N];
  fill(h, N * N, true);
  for (int i = 0; i < N; i++)
    for (int j = 0; j <= i; j++) h[j * N + i] = conj(h[i * N + j] = i == j ? creal(h[i * N + j]) : h[i * N + j]);
  int64_t shape[2] = {N, N};
  numc_array *a = from_c(NUMC_COMPLEX128, 2, shape, h), *u = NULL, *s = NULL, *vh = NULL, *s2 = NULL;
  CHECK_OK(numc_linalg_svd(a, true, true, true, &u, &s, &vh));
  CHECK_OK(numc_linalg_svdvals(a, &s2));
  double complex *uv = values(u), *sv = values(s), *vv = values(vh), *s2v = values(s2);
  double res = 0;
  for (int i = 0; i < N; i++) {
    CHECK_NEAR(creal(sv[i]), creal(s2v[i]), 1e-13);
    for (int j = 0; j < N; j++) {
      double complex x = -h[i * N + j];
      for (int p = 0; p < N; p++) x += uv[i * N + p] * sv[p] * vv[p * N + j];
      res = fmax(res, cabs(x));
    }
  }
  CHECK(res < 1e-13);
  free(uv), free(sv), free(vv), free(s2v);
  numc_free(a), numc_free(u), numc_free(s), numc_free(vh), numc_free(s2);
}

/* A v = w v for every column, unit 2-norm; returns the eigenvalues (caller frees). */
static double complex *check_eig(numc_dtype t, int64_t n, const double complex *av, numc_dtype want) {
  int64_t shape[2] = {n, n};
  numc_array *a = from_c(t, 2, shape, av), *w = NULL, *v = NULL, *w2 = NULL;
  double complex *aa = values(a);
  CHECK_OK(numc_linalg_eig(a, &w, &v));
  CHECK_OK(numc_linalg_eigvals(a, &w2));
  if (!w || !v || !w2) {
    numc_free(a), numc_free(w), numc_free(v), numc_free(w2), free(aa);
    return calloc((size_t)n + 1, sizeof(double complex));
  }
  CHECK_EQ_INT(numc_dtype_of(w), want);
  CHECK_EQ_INT(numc_dtype_of(v), want);
  CHECK_EQ_INT(numc_dtype_of(w2), want);
  double complex *wv = values(w), *vv = values(v), *w2v = values(w2);
  double tol = 50 * (double)n * eps_of(t) * fmax(frob(aa, n * n), 1), res = 0;
  for (int64_t j = 0; j < n; j++) {
    double nrm = 0;
    for (int64_t i = 0; i < n; i++) {
      double complex x = -wv[j] * vv[i * n + j];
      for (int64_t k = 0; k < n; k++) x += aa[i * n + k] * vv[k * n + j];
      res = fmax(res, cabs(x));
      nrm += creal(vv[i * n + j] * conj(vv[i * n + j]));
    }
    CHECK_NEAR(nrm, 1, 20 * (double)n * eps_of(t));
    CHECK_NEAR(creal(w2v[j]), creal(wv[j]), tol); /* eigvals: the same, in the same order */
    CHECK_NEAR(cimag(w2v[j]), cimag(wv[j]), tol);
  }
  CHECK(res <= tol);
  free(aa), free(vv), free(w2v);
  numc_free(a), numc_free(w), numc_free(v), numc_free(w2);
  return wv;
}

TEST(eig_real_and_complex_spectra) {
  /* Upper triangular: real eigenvalues in diagonal order, real results. */
  double complex tri[16] = {4, 1, 2, 3, 0, -1, 5, 6, 0, 0, 2.5, 7, 0, 0, 0, 0.5};
  double complex *w = check_eig(NUMC_FLOAT64, 4, tri, NUMC_FLOAT64);
  for (int i = 0; i < 4; i++) CHECK_NEAR(creal(w[i]), creal(tri[i * 5]), 1e-14);
  free(w);
  /* A rotation: +-i, +i first (LAPACK's order), complex results even for float32. */
  double complex rot[4] = {0, -1, 1, 0};
  w = check_eig(NUMC_FLOAT32, 2, rot, NUMC_COMPLEX64);
  CHECK_NEAR(cimag(w[0]), 1, 1e-6);
  CHECK_NEAR(cimag(w[1]), -1, 1e-6);
  free(w);
  /* Companion matrix of (x-1)(x-2)(x-3)(x-4) = x^4 - 10x^3 + 35x^2 - 50x + 24. */
  double complex comp[16] = {10, -35, 50, -24, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
  w = check_eig(NUMC_FLOAT64, 4, comp, NUMC_FLOAT64);
  for (int k = 1; k <= 4; k++) {
    double best = INFINITY;
    for (int i = 0; i < 4; i++) best = fmin(best, cabs(w[i] - k));
    CHECK(best < 1e-10);
  }
  free(w);
  /* Random real (complex pairs) and complex, every size up to 12 and one larger. */
  for (int ti = 0; ti < 4; ti++)
    for (int64_t n = 1; n <= 40; n += n < 12 ? 1 : 28) {
      double complex *a = malloc((size_t)(n * n) * sizeof *a);
      fill(a, n * n, numc__is_complex(DTYPES[ti]));
      int64_t shape[2] = {n, n};
      numc_array *arr = from_c(DTYPES[ti], 2, shape, a), *wr = NULL;
      CHECK_OK(numc_linalg_eigvals(arr, &wr));
      numc_dtype want = numc_dtype_of(wr); /* real or complex: decided by the values */
      CHECK(want == DTYPES[ti] || numc__is_complex(want));
      free(check_eig(DTYPES[ti], n, a, want));
      free(a);
      numc_free(arr), numc_free(wr);
    }
  /* Defective (a Jordan block) and zero matrices still give finite, unit vectors. */
  double complex jordan[9] = {2, 1, 0, 0, 2, 1, 0, 0, 2}, zero[9] = {0};
  free(check_eig(NUMC_FLOAT64, 3, jordan, NUMC_FLOAT64));
  free(check_eig(NUMC_COMPLEX128, 3, zero, NUMC_COMPLEX128));
}

TEST(stacks_and_views) {
  /* A stack of 3 with one rotation: the whole stack's eig becomes complex. */
  double complex v[3 * 4] = {1, 2, 2, 1, 0, -1, 1, 0, 3, 0, 0, 4};
  int64_t shape[3] = {3, 2, 2};
  numc_array *a = from_c(NUMC_FLOAT64, 3, shape, v), *w = NULL, *s = NULL, *vv = NULL;
  CHECK_OK(numc_linalg_eigvals(a, &w));
  CHECK_EQ_INT(numc_dtype_of(w), NUMC_COMPLEX128);
  CHECK_EQ_INT(numc_ndim(w), 2);
  double complex *wv = values(w);
  CHECK_NEAR(creal(wv[0]), 3, 1e-14); /* [[1,2],[2,1]]: 3, -1 in some order */
  CHECK_NEAR(creal(wv[0] + wv[1]), 2, 1e-14);
  CHECK_NEAR(cimag(wv[2]), 1, 1e-14);
  free(wv);
  numc_free(w);
  /* eigh of each matrix of a transposed (strided) view equals eigh of the copy. */
  numc_array *t = NULL, *c = NULL, *w1 = NULL, *w2 = NULL;
  CHECK_OK(numc_transpose(a, NUMC_AXES(0, 2, 1), &t));
  CHECK_OK(numc_copy(t, NUMC_ORDER_C, &c));
  CHECK_OK(numc_linalg_svd(t, false, true, false, &s, &w1, &vv));
  numc_free(s), numc_free(vv);
  CHECK_OK(numc_linalg_svdvals(c, &w2));
  double complex *x1 = values(w1), *x2 = values(w2);
  for (int i = 0; i < 6; i++) CHECK_NEAR(creal(x1[i]), creal(x2[i]), 1e-14);
  CHECK_NEAR(creal(x1[4]), 4, 1e-14);
  free(x1), free(x2);
  numc_free(t), numc_free(c), numc_free(w1), numc_free(w2), numc_free(a);
  /* A larger stack runs in parallel and matches item by item. */
  enum { B = 16, N = 9 };
  double complex big[B * N * N];
  fill(big, B * N * N, false);
  for (int b = 0; b < B; b++)
    for (int i = 0; i < N; i++)
      for (int j = 0; j < i; j++) big[b * N * N + j * N + i] = big[b * N * N + i * N + j];
  int64_t bs[3] = {B, N, N}, one[2] = {N, N};
  numc_array *stack = from_c(NUMC_FLOAT64, 3, bs, big), *ws = NULL;
  CHECK_OK(numc_linalg_eigvalsh(stack, "L", &ws));
  double complex *wsv = values(ws);
  for (int b = 0; b < B; b += 5) {
    numc_array *m = from_c(NUMC_FLOAT64, 2, one, big + b * N * N), *wm = NULL;
    CHECK_OK(numc_linalg_eigvalsh(m, "L", &wm));
    double complex *wmv = values(wm);
    for (int i = 0; i < N; i++) CHECK(wmv[i] == wsv[b * N + i]);
    free(wmv);
    numc_free(m), numc_free(wm);
  }
  free(wsv);
  numc_free(stack), numc_free(ws);
}

TEST(empty_matrices) {
  int64_t s00[2] = {0, 0}, s200[3] = {2, 0, 0}, s03[2] = {0, 3};
  numc_array *a = NULL, *w = NULL, *v = NULL, *u = NULL, *s = NULL, *vh = NULL;
  CHECK_OK(numc_zeros(s200, 3, NUMC_FLOAT64, NUMC_ORDER_C, &a));
  CHECK_OK(numc_linalg_eigh(a, "L", &w, &v));
  CHECK_EQ_INT(numc_ndim(w), 2);
  CHECK_EQ_INT(numc_shape(w)[0], 2);
  CHECK_EQ_INT(numc_shape(v)[2], 0);
  numc_free(w), numc_free(v);
  w = v = NULL;
  CHECK_OK(numc_linalg_eig(a, &w, &v));
  CHECK_EQ_INT(numc_dtype_of(w), NUMC_FLOAT64);
  numc_free(a), numc_free(w), numc_free(v);
  CHECK_OK(numc_zeros(s03, 2, NUMC_FLOAT32, NUMC_ORDER_C, &a));
  CHECK_OK(numc_linalg_svd(a, true, true, false, &u, &s, &vh)); /* NumPy: vh = I(3) */
  CHECK_EQ_INT(numc_shape(u)[0], 0);
  CHECK_EQ_INT(numc_shape(s)[0], 0);
  CHECK_EQ_INT(numc_shape(vh)[0], 3);
  double complex *vv = values(vh);
  for (int i = 0; i < 9; i++) CHECK(vv[i] == (i % 4 == 0));
  free(vv);
  numc_free(a), numc_free(u), numc_free(s), numc_free(vh);
  CHECK_OK(numc_zeros(s00, 2, NUMC_COMPLEX64, NUMC_ORDER_C, &a));
  s = NULL;
  CHECK_OK(numc_linalg_svdvals(a, &s));
  CHECK_EQ_INT(numc_dtype_of(s), NUMC_FLOAT32);
  numc_free(a), numc_free(s);
}

TEST(errors_write_nothing) {
  int64_t s23[2] = {2, 3}, s3[1] = {3}, s22[2] = {2, 2};
  numc_array *a = NULL, *w = NULL, *v = NULL, *u = NULL, *s = NULL;
  CHECK_OK(numc_zeros(s23, 2, NUMC_FLOAT64, NUMC_ORDER_C, &a));
  CHECK_STATUS(numc_linalg_eigh(a, "L", &w, &v), NUMC_ELINALG);
  CHECK_EQ_STR(numc_last_error(), "Last 2 dimensions of the array must be square");
  CHECK_STATUS(numc_linalg_eig(a, &w, &v), NUMC_ELINALG);
  CHECK_STATUS(numc_linalg_svd(a, true, true, true, &u, &s, &v), NUMC_ELINALG);
  numc_free(a);
  CHECK_OK(numc_zeros(s3, 1, NUMC_FLOAT64, NUMC_ORDER_C, &a));
  CHECK_STATUS(numc_linalg_svdvals(a, &s), NUMC_ELINALG);
  numc_free(a);
  CHECK_OK(numc_zeros(s22, 2, NUMC_FLOAT16, NUMC_ORDER_C, &a));
  CHECK_STATUS(numc_linalg_eigvalsh(a, "L", &w), NUMC_EDTYPE);
  CHECK_EQ_STR(numc_last_error(), "array type float16 is unsupported in linalg");
  numc_free(a);
  double complex bad[4] = {1, NAN, 0, 1};
  a = from_c(NUMC_FLOAT64, 2, s22, bad);
  CHECK_STATUS(numc_linalg_eigh(a, "X", &w, &v), NUMC_EINVAL);
  CHECK_STATUS(numc_linalg_eigvals(a, &w), NUMC_ELINALG);
  CHECK_EQ_STR(numc_last_error(), "Array must not contain infs or NaNs");
  CHECK_STATUS(numc_linalg_svd(a, false, true, false, &u, &s, &v), NUMC_ELINALG);
  CHECK_EQ_STR(numc_last_error(), "SVD did not converge");
  CHECK(!w && !v && !u && !s);
  numc_free(a);
}

TEST(iterations_are_bounded) {
  /* NaN never satisfies a convergence test: the guards must end the iterations. */
  double d[4] = {1, NAN, 2, 3}, e[4] = {1, 1, 1, 0};
  CHECK(!numc__bidiag_qr(4, d, e, NULL, NULL));
  double h[9] = {1, 1, 0, NAN, 1, 1, 1, 1, 1}, wr[3], wi[3];
  CHECK(!numc__schur_real(3, h, 3, wr, wi, NULL, 3));
  numc__c128 hc[9] = {1, 1, 0, NAN, 1, 1, 1, 1, 1}, wc[3];
  CHECK(!numc__schur_complex(3, hc, 3, wc, NULL, 3));
}

TESTS(CASE(eigh_reconstructs_orthonormal_ascending), CASE(eigh_large_deflating_spectra),
      CASE(eigh_reads_only_its_triangle),
      CASE(eigh_known_spectrum_and_integers), CASE(svd_shapes_dtypes_reconstruct),
      CASE(svd_rank_deficient_and_zero_diagonal), CASE(svd_ill_conditioned_hilbert),
      CASE(svd_hermitian_flag), CASE(eig_real_and_complex_spectra), CASE(stacks_and_views),
      CASE(empty_matrices), CASE(errors_write_nothing), CASE(iterations_are_bounded))
