/* numpy.linalg decompositions and solvers: results checked by what defines them
 * (A inv(A) = I, A x = b, Q R = A with Q unitary, L L^H = A), at sizes that run both the
 * unblocked and the blocked code paths, plus NumPy's errors and edge cases. Values
 * against NumPy itself are in tests/oracle/cases_linalg.py. */
#include "test.h"
#include "values.h"

/* A deterministic random n-element buffer in [-1, 1) (complex: interleaved parts). */
static numc_array *random_array(numc_dtype t, const int64_t *shape, int ndim, unsigned seed) {
  int64_t n = 1;
  for (int d = 0; d < ndim; d++) n *= shape[d];
  int64_t count = n * (numc_dtype_kind(t) == 'c' ? 2 : 1);
  double *v = malloc(sizeof(double) * (size_t)(count > 0 ? count : 1));
  uint64_t x = 0x9E3779B97F4A7C15ull * (seed + 1);
  for (int64_t i = 0; i < count; i++) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    v[i] = (double)(x >> 11) / (double)(1ull << 52) - 1.0;
  }
  numc_array *f = NULL, *out = NULL;
  numc_dtype src = numc_dtype_kind(t) == 'c' ? NUMC_COMPLEX128 : NUMC_FLOAT64;
  CHECK_OK(numc_from_buffer(v, shape, ndim, src, &f));
  CHECK_OK(numc_astype(f, t, &out));
  numc_free(f);
  free(v);
  return out;
}

/* max |a - b| over all elements. */
static double max_diff(const numc_array *a, const numc_array *b) {
  numc_array *d = NULL, *ad = NULL, *m = NULL;
  numc_scalar s = {0};
  if (numc_subtract(a, b, &d) || numc_absolute(d, &ad) || numc_max(ad, NULL, false, &m) ||
      numc_item(m, &s))
    s.v.f = INFINITY;
  numc_free(d);
  numc_free(ad);
  numc_free(m);
  return s.v.f;
}

/* max |a @ b - c|. */
static double product_error(const numc_array *a, const numc_array *b, const numc_array *c) {
  numc_array *p = NULL;
  if (numc_matmul(a, b, &p)) return INFINITY;
  double e = max_diff(p, c);
  numc_free(p);
  return e;
}

static numc_array *identity(int64_t n, numc_dtype t) {
  numc_array *i = NULL;
  CHECK_OK(numc_eye(n, -1, 0, t, &i));
  return i;
}

/* x.conj().swapaxes(-1, -2) */
static numc_array *adjoint(const numc_array *x) {
  numc_array *t = NULL, *h = NULL;
  CHECK_OK(numc_swapaxes(x, -1, -2, &t));
  CHECK_OK(numc_conjugate(t, &h));
  numc_free(t);
  return h;
}

static const numc_dtype inexact[] = {NUMC_FLOAT32, NUMC_FLOAT64, NUMC_COMPLEX64, NUMC_COMPLEX128};

static double tolerance(numc_dtype t, int64_t n) {
  bool single = t == NUMC_FLOAT32 || t == NUMC_COMPLEX64;
  return (single ? 1e-6 : 1e-14) * (double)n * 10;
}

TEST(inverse_times_matrix_is_identity) {
  /* 150 > LU_BASE: recursive LU and triangular solves, several levels deep. */
  const int64_t sizes[] = {1, 5, 40, 150};
  for (int k = 0; k < 4; k++)
    for (int d = 0; d < 4; d++) {
      int64_t n = sizes[k];
      numc_array *a = random_array(inexact[d], (int64_t[]){n, n}, 2, (unsigned)(k * 7 + d));
      numc_array *inv = NULL, *id = identity(n, inexact[d]);
      CHECK_OK(numc_linalg_inv(a, &inv));
      CHECK_EQ_INT(numc_dtype_of(inv), inexact[d]);
      double e = product_error(a, inv, id);
      /* random matrices have cond ~ n: relative error ~ eps * n * cond */
      if (!(e < tolerance(inexact[d], n) * (double)n)) {
        fprintf(stderr, "inv n=%lld dtype %s: |A inv(A) - I| = %g\n", (long long)n,
                numc_dtype_name(inexact[d]), e);
        CHECK(0);
      }
      numc_free(a);
      numc_free(inv);
      numc_free(id);
    }
}

TEST(solve_broadcasts_stacks_and_vectors) {
  numc_array *a = random_array(NUMC_COMPLEX128, (int64_t[]){2, 1, 70, 70}, 4, 1);
  numc_array *b = random_array(NUMC_COMPLEX128, (int64_t[]){3, 70, 4}, 3, 2);
  numc_array *x = NULL;
  CHECK_OK(numc_linalg_solve(a, b, &x));
  CHECK_SHAPE(x, 2, 3, 70, 4);
  CHECK(product_error(a, x, b) < 1e-10);
  numc_free(x);
  x = NULL;
  /* NumPy 2: a 1-D b is one vector for every matrix of the stack. */
  numc_array *v = random_array(NUMC_FLOAT64, (int64_t[]){70}, 1, 3), *ax = NULL, *xe = NULL;
  CHECK_OK(numc_linalg_solve(a, v, &x));
  CHECK_SHAPE(x, 2, 1, 70);
  CHECK_OK(numc_expand_dims(x, NUMC_AXES(-1), &xe));
  CHECK_OK(numc_matmul(a, xe, &ax));
  numc_array *axs = NULL;
  CHECK_OK(numc_squeeze(ax, NUMC_AXES(-1), &axs));
  CHECK(max_diff(axs, v) < 1e-10);
  numc_free(axs);
  numc_free(ax);
  numc_free(xe);
  numc_free(x);
  x = NULL;
  /* A 2-D b of the wrong height is an error, not a stack of vectors. */
  numc_array *bad = random_array(NUMC_FLOAT64, (int64_t[]){2, 70}, 2, 4);
  CHECK_STATUS(numc_linalg_solve(a, bad, &x), NUMC_ESHAPE);
  CHECK(x == NULL);
  numc_free(bad);
  numc_free(v);
  numc_free(a);
  numc_free(b);
}

TEST(singular_matrices_follow_numpy) {
  const double s[] = {1, 2, 2, 4};
  numc_array *a = NULL, *out = NULL, *sign = NULL, *logdet = NULL;
  CHECK_OK(numc_from_buffer(s, (int64_t[]){2, 2}, 2, NUMC_FLOAT64, &a));
  CHECK_STATUS(numc_linalg_inv(a, &out), NUMC_ELINALG);
  CHECK_EQ_STR(numc_last_error(), "Singular matrix");
  CHECK(out == NULL);
  CHECK_STATUS(numc_linalg_solve(a, a, &out), NUMC_ELINALG);
  CHECK(out == NULL);
  CHECK_OK(numc_linalg_det(a, &out));
  CHECK_VALUES(out, 0);
  CHECK_OK(numc_linalg_slogdet(a, &sign, &logdet));
  CHECK_VALUES(sign, 0);
  CHECK_VALUES(logdet, -INFINITY);
  numc_free(out);
  numc_free(sign);
  numc_free(logdet);
  numc_free(a);
}

TEST(det_and_slogdet_values) {
  const double m[] = {1, 2, 3, 4, 0, 0, 0, 5}; /* det -2 and det 0 */
  const double big[] = {1e200, 0, 0, 1e200};
  numc_array *a = NULL, *d = NULL, *sign = NULL, *logdet = NULL, *b = NULL;
  CHECK_OK(numc_from_buffer(m, (int64_t[]){2, 2, 2}, 3, NUMC_FLOAT64, &a));
  CHECK_OK(numc_linalg_det(a, &d));
  CHECK_NEAR(value_at(d, 0), -2, 1e-14);
  CHECK_EQ_INT(value_at(d, 1), 0);
  CHECK_OK(numc_from_buffer(big, (int64_t[]){2, 2}, 2, NUMC_FLOAT64, &b));
  CHECK_OK(numc_linalg_slogdet(b, &sign, &logdet)); /* det overflows, its log does not */
  CHECK_VALUES(sign, 1);
  CHECK_NEAR(value_at(logdet, 0), 400 * log(10.0), 1e-12);
  numc_free(d);
  d = NULL;
  CHECK_OK(numc_linalg_det(b, &d));
  CHECK_VALUES(d, INFINITY);
  numc_free(d);
  numc_free(sign);
  numc_free(logdet);
  numc_free(a);
  numc_free(b);
}

TEST(argument_errors_have_numpys_messages) {
  numc_array *v = random_array(NUMC_FLOAT64, (int64_t[]){3}, 1, 5), *out = NULL;
  numc_array *r = random_array(NUMC_FLOAT64, (int64_t[]){2, 3}, 2, 6);
  numc_array *h = NULL;
  CHECK_STATUS(numc_linalg_inv(v, &out), NUMC_ELINALG);
  CHECK_EQ_STR(numc_last_error(),
               "1-dimensional array given. Array must be at least two-dimensional");
  CHECK_STATUS(numc_linalg_det(r, &out), NUMC_ELINALG);
  CHECK_EQ_STR(numc_last_error(), "Last 2 dimensions of the array must be square");
  CHECK_STATUS(numc_linalg_cholesky(r, false, &out), NUMC_ELINALG);
  CHECK_OK(numc_astype(r, NUMC_FLOAT16, &h));
  CHECK_STATUS(numc_linalg_qr(h, NUMC_QR_REDUCED, &out, &out), NUMC_EDTYPE);
  CHECK_EQ_STR(numc_last_error(), "array type float16 is unsupported in linalg");
  CHECK(out == NULL);
  numc_free(h);
  numc_free(v);
  numc_free(r);
}

static void check_qr(numc_dtype t, int64_t m, int64_t n, numc_qr_mode mode, unsigned seed) {
  numc_array *a = random_array(t, (int64_t[]){2, m, n}, 3, seed), *q = NULL, *r = NULL;
  CHECK_OK(numc_linalg_qr(a, mode, &q, &r));
  int64_t k = m < n ? m : n, qc = mode == NUMC_QR_COMPLETE ? m : k;
  CHECK_EQ_INT(numc_shape(q)[2], qc);
  CHECK_EQ_INT(numc_shape(r)[1], qc);
  double tol = tolerance(t, m + n);
  double e = product_error(q, r, a);
  numc_array *qh = adjoint(q), *id = identity(qc, t);
  double o = product_error(qh, q, id);
  /* R is upper triangular. */
  numc_array *tri = NULL;
  CHECK_OK(numc_triu(r, 0, &tri));
  double u = max_diff(tri, r);
  if (!(e < tol && o < tol && u == 0)) {
    fprintf(stderr, "qr %s %lldx%lld mode %d: |QR - A| %g, |Q^H Q - I| %g, below R %g\n",
            numc_dtype_name(t), (long long)m, (long long)n, (int)mode, e, o, u);
    CHECK(0);
  }
  numc_free(tri);
  numc_free(qh);
  numc_free(id);
  numc_free(a);
  numc_free(q);
  numc_free(r);
}

TEST(qr_reconstructs_with_unitary_q) {
  /* 100 columns: several panels of the blocked (WY) factorisation. */
  const int64_t shapes[][2] = {{1, 1}, {5, 5}, {7, 3}, {3, 7}, {150, 100}, {100, 150}};
  for (int s = 0; s < 6; s++)
    for (int d = 0; d < 4; d++) {
      check_qr(inexact[d], shapes[s][0], shapes[s][1], NUMC_QR_REDUCED, (unsigned)(s * 4 + d));
      check_qr(inexact[d], shapes[s][0], shapes[s][1], NUMC_QR_COMPLETE, (unsigned)(s * 4 + d));
    }
  numc_array *a = random_array(NUMC_FLOAT64, (int64_t[]){6, 4}, 2, 9), *r = NULL;
  CHECK_OK(numc_linalg_qr(a, NUMC_QR_R, NULL, &r));
  CHECK_EQ_INT(numc_shape(r)[0], 4);
  numc_free(r);
  numc_free(a);
}

TEST(cholesky_reconstructs) {
  const int64_t sizes[] = {1, 4, 150};
  for (int k = 0; k < 3; k++)
    for (int d = 0; d < 4; d++) {
      int64_t n = sizes[k];
      numc_dtype t = inexact[d];
      numc_array *b = random_array(t, (int64_t[]){n, n}, 2, (unsigned)(40 + k * 4 + d));
      numc_array *bh = adjoint(b), *a = NULL, *l = NULL, *u = NULL, *lh = NULL, *uh = NULL;
      CHECK_OK(numc_matmul(b, bh, &a)); /* B B^H + n I: Hermitian positive definite */
      numc_array *id = identity(n, t), *scaled = NULL, *spd = NULL, *nn = NULL;
      CHECK_OK(numc_scalar_array(numc_float((double)n), &nn));
      CHECK_OK(numc_multiply(id, nn, &scaled));
      CHECK_OK(numc_add(a, scaled, &spd));
      CHECK_OK(numc_linalg_cholesky(spd, false, &l));
      CHECK_OK(numc_linalg_cholesky(spd, true, &u));
      lh = adjoint(l);
      uh = adjoint(u);
      double tol = tolerance(t, n) * (double)n;
      CHECK(product_error(l, lh, spd) < tol);
      CHECK(product_error(uh, u, spd) < tol);
      CHECK(max_diff(u, lh) < tol); /* the factor is unique */
      numc_free(l);
      numc_free(u);
      numc_free(lh);
      numc_free(uh);
      numc_free(id);
      numc_free(scaled);
      numc_free(spd);
      numc_free(nn);
      numc_free(a);
      numc_free(bh);
      numc_free(b);
    }
  const double indefinite[] = {1, 2, 2, 1};
  numc_array *a = NULL, *out = NULL;
  CHECK_OK(numc_from_buffer(indefinite, (int64_t[]){2, 2}, 2, NUMC_FLOAT64, &a));
  CHECK_STATUS(numc_linalg_cholesky(a, false, &out), NUMC_ELINALG);
  CHECK_EQ_STR(numc_last_error(), "Matrix is not positive definite");
  CHECK(out == NULL);
  numc_free(a);
}

TEST(trace_norm_and_power) {
  const int64_t m[] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  numc_array *a = NULL, *t = NULL, *n = NULL, *p = NULL;
  CHECK_OK(numc_from_buffer(m, (int64_t[]){3, 3}, 2, NUMC_INT64, &a));
  CHECK_OK(numc_trace(a, 1, 0, 1, &t));
  CHECK_EQ_INT(numc_dtype_of(t), NUMC_INT64);
  CHECK_VALUES(t, 8);
  CHECK_OK(numc_linalg_norm(a, NUMC_NORM_ORD, 1, NULL, false, &n)); /* max column sum */
  CHECK_VALUES(n, 18);
  numc_free(n);
  n = NULL;
  CHECK_OK(numc_linalg_norm(a, NUMC_NORM_ORD, INFINITY, NUMC_AXES(1), true, &n));
  CHECK_EQ_INT(numc_shape(n)[1], 1);
  CHECK_VALUES(n, 3, 6, 9);
  numc_free(n);
  n = NULL;
  CHECK_STATUS(numc_linalg_norm(a, NUMC_NORM_FRO, 0, NUMC_AXES(0), false, &n), NUMC_EVALUE);
  const int64_t fib[] = {1, 1, 1, 0};
  numc_array *f = NULL;
  CHECK_OK(numc_from_buffer(fib, (int64_t[]){2, 2}, 2, NUMC_INT64, &f));
  CHECK_OK(numc_linalg_matrix_power(f, 10, &p));
  CHECK_EQ_INT(numc_dtype_of(p), NUMC_INT64);
  CHECK_VALUES(p, 89, 55, 55, 34);
  numc_free(p);
  numc_free(f);
  numc_free(t);
  numc_free(a);
}

TEST(lstsq_is_minimum_norm) {
  /* Underdetermined, rank 1: x = pinv(a) b, no residuals. */
  const double m[] = {1, 2, 2, 4}, rhs[] = {1, 2};
  numc_array *a = NULL, *b = NULL, *x = NULL, *res = NULL, *rank = NULL, *s = NULL;
  CHECK_OK(numc_from_buffer(m, (int64_t[]){2, 2}, 2, NUMC_FLOAT64, &a));
  CHECK_OK(numc_from_buffer(rhs, (int64_t[]){2}, 1, NUMC_FLOAT64, &b));
  CHECK_OK(numc_linalg_lstsq(a, b, -1, &x, &res, &rank, &s));
  CHECK_VALUES(rank, 1);
  CHECK_EQ_INT(numc_size(res), 0);
  CHECK_NEAR(value_at(x, 0), 0.2, 1e-14);
  CHECK_NEAR(value_at(x, 1), 0.4, 1e-14);
  numc_free(x);
  numc_free(res);
  numc_free(rank);
  numc_free(s);
  numc_free(a);
  numc_free(b);
}

TESTS(CASE(inverse_times_matrix_is_identity), CASE(solve_broadcasts_stacks_and_vectors),
      CASE(singular_matrices_follow_numpy), CASE(det_and_slogdet_values),
      CASE(argument_errors_have_numpys_messages), CASE(qr_reconstructs_with_unitary_q),
      CASE(cholesky_reconstructs), CASE(trace_norm_and_power), CASE(lstsq_is_minimum_norm))
