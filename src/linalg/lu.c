/* LU factorisation with partial pivoting, and what NumPy builds on it: inv, solve, det,
 * slogdet.
 *
 * The factorisation is LAPACK's getrf (Golub & Van Loan, Matrix Computations 4th ed.,
 * Alg. 3.4.1 blocked as in section 3.4.7): right-looking over panels of LU_NB columns;
 * each panel is factored unblocked (getf2), its row swaps are applied to the rest of the
 * matrix, the block row right of it is solved with the panel's unit lower triangle, and
 * the trailing matrix takes the rank-LU_NB update A22 -= A21 A12 through GEMM, where
 * nearly all of the 2/3 n^3 flops are. As in LAPACK, an exactly zero pivot does not stop
 * the factorisation: it is recorded (info) and the column is left unscaled. inv and
 * solve then fail with "Singular matrix" (NumPy raises exactly when getrf's info > 0),
 * while det gives 0 and slogdet (0, -inf). Matrices are row-major work copies (dense.h). */
#include "linalg/dense.h"

/* Panel width: wide enough that the trailing GEMM runs near peak, narrow enough that the
 * unblocked panel (memory bound) stays a small share. */
#define LU_NB 64
/* Row blocks of the triangular solves: their off-diagonal parts go through GEMM. */
#define TRSM_NB 64

/* d / |d|, NumPy's sign of a diagonal entry: for real entries by comparison (an infinite
 * entry has sign 1 or -1, not inf/inf), for complex ones by division. */
static double unit_d(double d, double ad) { return (void)ad, d < 0 ? -1 : 1; }
static numc__c128 unit_z(numc__c128 d, double ad) { return d / ad; }

#define LU_ALGORITHMS(s, T, E)                                                            \
  /* getf2: the m x n panel at a (m >= n), pivots piv[0..n) relative to the panel. */     \
  static int64_t lu_panel_##s(int64_t m, int64_t n, T *a, int64_t lda, int64_t *piv) {    \
    int64_t info = 0;                                                                     \
    for (int64_t k = 0; k < n; k++) {                                                     \
      int64_t p = k;                                                                      \
      double best = NUMC__LA_ABS1(a[k * lda + k]);                                        \
      for (int64_t i = k + 1; i < m; i++) {                                               \
        double v = NUMC__LA_ABS1(a[i * lda + k]);                                         \
        if (v > best) best = v, p = i;                                                    \
      }                                                                                   \
      piv[k] = p;                                                                         \
      T pivot = a[p * lda + k];                                                           \
      if (pivot != 0) {                                                                   \
        if (p != k)                                                                       \
          for (int64_t j = 0; j < n; j++) {                                               \
            T t = a[k * lda + j];                                                         \
            a[k * lda + j] = a[p * lda + j];                                              \
            a[p * lda + j] = t;                                                           \
          }                                                                               \
        if (NUMC__LA_ABS(pivot) >= DBL_MIN) {                                             \
          T r = NUMC__LA_DIV((T)1, pivot);                                                \
          for (int64_t i = k + 1; i < m; i++) a[i * lda + k] = NUMC__MUL(a[i * lda + k], r); \
        } else {                                                                          \
          for (int64_t i = k + 1; i < m; i++) a[i * lda + k] = NUMC__LA_DIV(a[i * lda + k], pivot); \
        }                                                                                 \
      } else if (!info) {                                                                 \
        info = k + 1;                                                                     \
      }                                                                                   \
      const T *rowk = &a[k * lda];                                                        \
      for (int64_t i = k + 1; i < m; i++) {                                               \
        T *rowi = &a[i * lda];                                                            \
        T l = rowi[k];                                                                    \
        for (int64_t j = k + 1; j < n; j++) rowi[j] -= NUMC__MUL(l, rowk[j]);             \
      }                                                                                   \
    }                                                                                     \
    return info;                                                                          \
  }                                                                                       \
                                                                                          \
  /* B := L^{-1} B, L the n x n unit lower triangle at l, B n x m: forward substitution  \
   * by whole rows, so that the inner loop runs along contiguous memory. */               \
  static void forward_unit_##s(int64_t n, int64_t m, const T *l, int64_t ldl, T *b,       \
                               int64_t ldb) {                                             \
    for (int64_t i = 1; i < n; i++)                                                       \
      for (int64_t p = 0; p < i; p++) {                                                   \
        T f = l[i * ldl + p];                                                             \
        const T *bp = &b[p * ldb];                                                        \
        T *bi = &b[i * ldb];                                                              \
        for (int64_t j = 0; j < m; j++) bi[j] -= NUMC__MUL(f, bp[j]);                     \
      }                                                                                   \
  }                                                                                       \
                                                                                          \
  /* B := U^{-1} B, U the n x n upper triangle at u (nonzero diagonal): back substitution. */ \
  static void backward_##s(int64_t n, int64_t m, const T *u, int64_t ldu, T *b, int64_t ldb) { \
    for (int64_t i = n - 1; i >= 0; i--) {                                                \
      T *bi = &b[i * ldb];                                                                \
      for (int64_t p = i + 1; p < n; p++) {                                               \
        T f = u[i * ldu + p];                                                             \
        const T *bp = &b[p * ldb];                                                        \
        for (int64_t j = 0; j < m; j++) bi[j] -= NUMC__MUL(f, bp[j]);                     \
      }                                                                                   \
      T r = NUMC__LA_DIV((T)1, u[i * ldu + i]);                                           \
      for (int64_t j = 0; j < m; j++) bi[j] = NUMC__MUL(bi[j], r);                        \
    }                                                                                     \
  }                                                                                       \
                                                                                          \
  /* getrs after getrf: B := A^{-1} B from the factors, B n x m. Blocked left-looking:    \
   * each TRSM_NB rows of B first take the GEMM update from the rows already solved. */   \
  static numc_status lu_solve_##s(int64_t n, int64_t m, const T *lu, const int64_t *piv,  \
                                  T *b) {                                                 \
    for (int64_t i = 0; i < n; i++)                                                       \
      if (piv[i] != i)                                                                    \
        for (int64_t j = 0; j < m; j++) {                                                 \
          T t = b[i * m + j];                                                             \
          b[i * m + j] = b[piv[i] * m + j];                                               \
          b[piv[i] * m + j] = t;                                                          \
        }                                                                                 \
    for (int64_t i0 = 0; i0 < n; i0 += TRSM_NB) {                                         \
      int64_t ib = n - i0 < TRSM_NB ? n - i0 : TRSM_NB;                                   \
      if (i0 > 0)                                                                         \
        NUMC__TRY(NUMC__LA_GEMM(b)(ib, m, i0, -1, &lu[i0 * n], n, 1, b, m, 1, 1, &b[i0 * m], m, 1)); \
      forward_unit_##s(ib, m, &lu[i0 * n + i0], n, &b[i0 * m], m);                        \
    }                                                                                     \
    for (int64_t i1 = n; i1 > 0; i1 -= TRSM_NB) {                                         \
      int64_t i0 = i1 - TRSM_NB > 0 ? i1 - TRSM_NB : 0;                                   \
      if (i1 < n)                                                                         \
        NUMC__TRY(NUMC__LA_GEMM(b)(i1 - i0, m, n - i1, -1, &lu[i0 * n + i1], n, 1, &b[i1 * m], m, 1, \
                                   1, &b[i0 * m], m, 1));                                 \
      backward_##s(i1 - i0, m, &lu[i0 * n + i0], n, &b[i0 * m], m);                       \
    }                                                                                     \
    return NUMC_OK;                                                                       \
  }                                                                                       \
                                                                                          \
  int64_t numc__lu_factor_##s(int64_t n, T *a, int64_t lda, int64_t *piv) {               \
    int64_t info = 0;                                                                     \
    for (int64_t j = 0; j < n; j += LU_NB) {                                              \
      int64_t jb = n - j < LU_NB ? n - j : LU_NB, rest = n - j - jb;                      \
      int64_t pinfo = lu_panel_##s(n - j, jb, &a[j * lda + j], lda, &piv[j]);             \
      if (pinfo && !info) info = pinfo + j;                                               \
      for (int64_t k = j; k < j + jb; k++) {                                              \
        piv[k] += j;                                                                      \
        if (piv[k] == k) continue;                                                        \
        T *r1 = &a[k * lda], *r2 = &a[piv[k] * lda];                                      \
        for (int64_t c = 0; c < n; c++) {                                                 \
          if (c == j) c += jb; /* the panel swapped its own columns */                    \
          if (c >= n) break;                                                              \
          T t = r1[c];                                                                    \
          r1[c] = r2[c];                                                                  \
          r2[c] = t;                                                                      \
        }                                                                                 \
      }                                                                                   \
      if (rest == 0) break;                                                               \
      T *a11 = &a[j * lda + j], *a12 = a11 + jb, *a21 = a11 + jb * lda, *a22 = a21 + jb;  \
      forward_unit_##s(jb, rest, a11, lda, a12, lda);                                     \
      if (NUMC__LA_GEMM(a)(rest, rest, jb, -1, a21, lda, 1, a12, lda, 1, 1, a22, lda, 1)) \
        return NUMC_ENOMEM;                                                               \
    }                                                                                     \
    return info;                                                                          \
  }                                                                                       \
                                                                                          \
  /* sign and log|det| from the factors, as NumPy's slogdet_from_factored_diagonal:       \
   * each swap flips the sign, each diagonal entry d contributes d/|d| and log|d|. */     \
  static void lu_slogdet_##s(int64_t n, const T *lu, const int64_t *piv, T *sign,         \
                             double *logdet) {                                            \
    T sg = 1;                                                                             \
    double ld = 0;                                                                        \
    for (int64_t i = 0; i < n; i++) {                                                     \
      if (piv[i] != i) sg = -sg;                                                          \
      T d = lu[i * n + i];                                                                \
      double ad = NUMC__LA_ABS(d);                                                        \
      sg = NUMC__MUL(sg, unit_##s(d, ad));                                                \
      ld += log(ad);                                                                      \
    }                                                                                     \
    *sign = sg;                                                                           \
    *logdet = ld;                                                                         \
  }
NUMC__LA_TYPES(LU_ALGORITHMS)

/* ------------------------------------------------------ type dispatch */

static int64_t lu_factor(numc_dtype wt, int64_t n, void *a, int64_t *piv) {
  return wt == NUMC_COMPLEX128 ? numc__lu_factor_z(n, a, n, piv) : numc__lu_factor_d(n, a, n, piv);
}
static numc_status lu_solve(numc_dtype wt, int64_t n, int64_t m, const void *lu,
                            const int64_t *piv, void *b) {
  return wt == NUMC_COMPLEX128 ? lu_solve_z(n, m, lu, piv, b) : lu_solve_d(n, m, lu, piv, b);
}

/* ------------------------------------------------------ inv and solve */

/* One job for inv and solve: x = a^{-1} b per matrix, b the identity for inv. */
typedef struct solve_job {
  const numc_array *a, *b; /* b NULL: inv */
  numc__la_batch batch;
  int ncore_b;             /* 1: b is a stack of vectors */
  int64_t n, m;            /* a is n x n, b n x m */
  numc_dtype wt;
  numc_array *out;
  bool nan_if_singular;    /* cond's inv: NaN instead of an error */
} solve_job;

static numc_status solve_item(void *ctx, int64_t k, void *work) {
  const solve_job *j = ctx;
  int64_t n = j->n, m = j->m;
  size_t ws = numc_dtype_size(j->wt), osize = numc_dtype_size(j->out->dtype);
  char *lu = work, *x = lu + (size_t)(n * n) * ws;
  int64_t *piv = (int64_t *)(x + (size_t)(n * m) * ws);
  const numc_array *a = j->a;
  numc__la_load(numc__la_item(a, 2, &j->batch, k), a->dtype, a->strides[a->ndim - 2],
                a->strides[a->ndim - 1], n, n, j->wt, lu, n);
  char *dst = numc__host_data(j->out) + (size_t)(k * n * m) * osize;
  int64_t info = lu_factor(j->wt, n, lu, piv);
  if (info < 0) return NUMC_ENOMEM;
  if (info > 0) {
    if (!j->nan_if_singular) return NUMC_ELINALG;
    numc_scalar nan = numc_float(NAN);
    for (int64_t i = 0; i < n * m; i++) numc__scalar_store(nan, j->out->dtype, dst + (size_t)i * osize);
    return NUMC_OK;
  }
  if (j->b) {
    const numc_array *b = j->b;
    int64_t rs = j->ncore_b == 1 ? b->strides[b->ndim - 1] : b->strides[b->ndim - 2];
    int64_t cs = j->ncore_b == 1 ? 0 : b->strides[b->ndim - 1];
    numc__la_load(numc__la_item(b, j->ncore_b, &j->batch, k), b->dtype, rs, cs, n, m, j->wt, x, m);
  } else {
    memset(x, 0, (size_t)(n * m) * ws);
    for (int64_t i = 0; i < n; i++) numc__scalar_store(numc_int(1), j->wt, x + (size_t)(i * m + i) * ws);
  }
  NUMC__TRY(lu_solve(j->wt, n, m, lu, piv, x));
  numc__la_store(x, j->wt, m, n, m, j->out->dtype, dst);
  return NUMC_OK;
}

static numc_status solve_run(solve_job *j, numc_dtype result, int ncore_out, numc_array **out) {
  int64_t core[2] = {j->n, j->m};
  numc_array *o = NULL;
  NUMC__TRY(numc__la_new(result, j->batch.ndim, j->batch.shape, ncore_out, core, &o));
  j->out = o;
  j->wt = numc__la_work_dtype(result);
  double n = (double)j->n, flops = n * n * (2.0 / 3.0 * n + 2.0 * (double)j->m);
  size_t ws = numc_dtype_size(j->wt);
  size_t work = (size_t)(j->n * (j->n + j->m)) * ws + (size_t)j->n * sizeof(int64_t);
  numc_status s = numc__la_for_each(j->batch.count, flops, work, solve_item, j, "Singular matrix");
  if (s != NUMC_OK) {
    numc_free(o);
    return s;
  }
  *out = o;
  return NUMC_OK;
}

static numc_status inv_impl(const numc_array *a, bool nan_if_singular, numc_array **out) {
  if (!a || !out) return numc__fail(NUMC_EINVAL, "inv: NULL argument");
  numc_dtype result;
  NUMC__TRY(numc__la_check_square(a));
  NUMC__TRY(numc__la_result_dtype(a->dtype, a->dtype, &result));
  int64_t n = a->shape[a->ndim - 1];
  solve_job j = {.a = a, .n = n, .m = n, .nan_if_singular = nan_if_singular};
  NUMC__TRY(numc__la_batch_of(a, 2, &j.batch));
  return solve_run(&j, result, 2, out);
}

numc_status numc_linalg_inv(const numc_array *a, numc_array **out) {
  return inv_impl(a, false, out);
}

numc_status numc__la_inv_or_nan(const numc_array *a, numc_array **out) {
  return inv_impl(a, true, out);
}

/* NumPy 2: b is one vector per matrix only when it is 1-D; otherwise its last two axes
 * are the M x K right-hand sides. The stacks of a and b broadcast. */
numc_status numc_linalg_solve(const numc_array *a, const numc_array *b, numc_array **out) {
  if (!a || !b || !out) return numc__fail(NUMC_EINVAL, "solve: NULL argument");
  numc_dtype result;
  NUMC__TRY(numc__la_check_square(a));
  NUMC__TRY(numc__la_result_dtype(a->dtype, b->dtype, &result));
  int64_t n = a->shape[a->ndim - 1];
  int ncore_b = b->ndim == 1 ? 1 : 2;
  if (b->ndim == 0 || b->shape[b->ndim - ncore_b] != n) {
    if (b->ndim == 0)
      return numc__fail(NUMC_ESHAPE, "solve: Input operand 1 does not have enough dimensions "
                                     "(has 0, gufunc core with signature (m,m),(m)->(m) requires 1)");
    return numc__fail(NUMC_ESHAPE,
                      "%s: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
                      "signature %s (size %lld is different from %lld)",
                      ncore_b == 1 ? "solve1" : "solve",
                      ncore_b == 1 ? "(m,m),(m)->(m)" : "(m,m),(m,n)->(m,n)",
                      (long long)b->shape[b->ndim - ncore_b], (long long)n);
  }
  solve_job j = {.a = a, .b = b, .ncore_b = ncore_b, .n = n,
                 .m = ncore_b == 1 ? 1 : b->shape[b->ndim - 1]};
  NUMC__TRY(numc__la_batch_broadcast(a, 2, b, ncore_b, &j.batch));
  return solve_run(&j, result, ncore_b, out);
}

/* ------------------------------------------------------ det and slogdet */

typedef struct det_job {
  const numc_array *a;
  numc__la_batch batch;
  int64_t n;
  numc_dtype wt;
  numc_array *sign, *logdet; /* slogdet's outputs; det's is `sign` with logdet NULL */
} det_job;

static numc_status det_item(void *ctx, int64_t k, void *work) {
  const det_job *j = ctx;
  int64_t n = j->n;
  size_t ws = numc_dtype_size(j->wt);
  int64_t *piv = (int64_t *)((char *)work + (size_t)(n * n) * ws);
  const numc_array *a = j->a;
  numc__la_load(numc__la_item(a, 2, &j->batch, k), a->dtype, a->strides[a->ndim - 2],
                a->strides[a->ndim - 1], n, n, j->wt, work, n);
  int64_t info = lu_factor(j->wt, n, work, piv);
  if (info < 0) return NUMC_ENOMEM;
  numc__c128 sign = 0; /* storage for a double or a complex */
  double logdet = -INFINITY;
  if (info == 0) {
    if (j->wt == NUMC_COMPLEX128) {
      lu_slogdet_z(n, work, piv, &sign, &logdet);
    } else {
      double s;
      lu_slogdet_d(n, work, piv, &s, &logdet);
      sign = s;
    }
  }
  numc_dtype st = j->sign->dtype;
  char *sdst = numc__host_data(j->sign) + (size_t)k * numc_dtype_size(st);
  if (j->logdet) {
    numc__la_store(&sign, NUMC_COMPLEX128, 1, 1, 1, st, sdst);
    numc_dtype lt = j->logdet->dtype;
    numc__la_store(&logdet, NUMC_FLOAT64, 1, 1, 1, lt, numc__host_data(j->logdet) + (size_t)k * numc_dtype_size(lt));
  } else {
    /* NumPy's det is sign * exp(logdet) from the same factors, not the plain product. */
    double e = exp(logdet); /* a real factor: an infinite |det| must not make NaN parts */
    numc__c128 det = CMPLX(creal(sign) * e, cimag(sign) * e);
    numc__la_store(&det, NUMC_COMPLEX128, 1, 1, 1, st, sdst);
  }
  return NUMC_OK;
}

static numc_status det_run(const numc_array *a, numc_array **sign, numc_array **logdet) {
  numc_dtype result;
  NUMC__TRY(numc__la_check_square(a));
  NUMC__TRY(numc__la_result_dtype(a->dtype, a->dtype, &result));
  det_job j = {.a = a, .n = a->shape[a->ndim - 1], .wt = numc__la_work_dtype(result)};
  NUMC__TRY(numc__la_batch_of(a, 2, &j.batch));
  numc_status s = numc__la_new(result, j.batch.ndim, j.batch.shape, 0, NULL, &j.sign);
  if (s == NUMC_OK && logdet)
    s = numc__la_new(numc__real_dtype(result), j.batch.ndim, j.batch.shape, 0, NULL, &j.logdet);
  double n = (double)j.n;
  size_t work = (size_t)(j.n * j.n) * numc_dtype_size(j.wt) + (size_t)j.n * sizeof(int64_t);
  if (s == NUMC_OK)
    s = numc__la_for_each(j.batch.count, 2.0 / 3.0 * n * n * n, work, det_item, &j, "Singular matrix");
  if (s != NUMC_OK) {
    numc_free(j.sign);
    numc_free(j.logdet);
    return s;
  }
  *sign = j.sign;
  if (logdet) *logdet = j.logdet;
  return NUMC_OK;
}

numc_status numc_linalg_det(const numc_array *a, numc_array **out) {
  if (!a || !out) return numc__fail(NUMC_EINVAL, "det: NULL argument");
  return det_run(a, out, NULL);
}

numc_status numc_linalg_slogdet(const numc_array *a, numc_array **sign, numc_array **logabsdet) {
  if (!a || !sign || !logabsdet) return numc__fail(NUMC_EINVAL, "slogdet: NULL argument");
  return det_run(a, sign, logabsdet);
}
