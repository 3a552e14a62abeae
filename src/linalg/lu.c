/* LU factorisation with partial pivoting, and what NumPy builds on it: inv, solve, det,
 * slogdet.
 *
 * The factorisation is LAPACK's getrf2 (Toledo's recursive LU, SIAM J. Matrix Anal. Appl.
 * 18(4), 1997): the left half of the columns is factored recursively, its row swaps are
 * applied to the right half, whose top block is solved with the left half's unit lower
 * triangle, and the bottom block takes the update A22 -= A21 A12 through GEMM before it
 * is factored recursively in turn. Nearly all of the 2/3 n^3 flops are then GEMM, in
 * products as large as the matrix allows; only panels of at most LU_BASE columns are
 * factored element by element (getf2). The triangular solves recurse the same way
 * (trsm). As in LAPACK, an exactly zero pivot does not stop the factorisation: it is
 * recorded (info) and the column is left unscaled. inv and solve then fail with
 * "Singular matrix" (NumPy raises exactly when getrf's info > 0), while det gives 0 and
 * slogdet (0, -inf). Matrices are row-major work copies (dense.h). */
#include <stdatomic.h>

#include "core/threads.h"
#include "linalg/dense.h"

/* Panels up to this many columns are factored element by element (their rows are this
 * short, so the loops cannot vectorise well), and triangles up to this size are solved by
 * substitution: below it, GEMM calls would cost more than they save. */
#define LU_BASE 16
/* Right-hand sides are solved in parallel in column blocks worth at least this many
 * flops each (the pool's fork-join costs 10-20 us, about 1e6 flops of a triangular
 * solve), and multiples of LU_SOLVE_COLS columns wide (whole GEMM micro-tiles). */
#define LU_SOLVE_GRAIN_FLOPS 2e6
#define LU_SOLVE_COLS 16

/* d / |d|, NumPy's sign of a diagonal entry: for real entries by comparison (an infinite
 * entry has sign 1 or -1, not inf/inf), for complex ones by division. */
static double unit_d(double d, double ad) { return (void)ad, d < 0 ? -1 : 1; }
static numc__c128 unit_z(numc__c128 d, double ad) { return d / ad; }

/* Where a recursion splits n rows or columns: in half, on a multiple of LU_BASE when
 * there is room, so that the GEMMs below work on whole micro-tiles. */
static int64_t lu_split(int64_t n) {
  int64_t half = n / 2;
  return half > LU_BASE ? half / LU_BASE * LU_BASE : half;
}

/* The factors and right-hand sides of one lu_solve, shared by the threads solving blocks
 * of its columns. */
typedef struct lu_solve_job {
  numc_dtype wt;
  int64_t n, m;  /* the factors are n x n, B n x m */
  const void *lu;
  void *b;
  atomic_int status; /* first failure (NUMC_ENOMEM), NUMC_OK while none */
} lu_solve_job;

#define LU_ALGORITHMS(s, T, E)                                                            \
  /* getf2: the m x n panel at a (m >= n), pivots piv[0..n) relative to the panel. One   \
   * pass over the rows per column: a row is scaled, updated and searched for the next    \
   * pivot while its cache lines are at hand (the panel's columns are strided in memory). */ \
  static int64_t lu_panel_##s(int64_t m, int64_t n, T *a, int64_t lda, int64_t *piv) {    \
    if (n == 0) return 0;                                                                 \
    int64_t info = 0, p = 0;                                                              \
    double best = NUMC__LA_ABS1(a[0]);                                                    \
    for (int64_t i = 1; i < m; i++) {                                                     \
      double v = NUMC__LA_ABS1(a[i * lda]);                                               \
      if (v > best) best = v, p = i;                                                      \
    }                                                                                     \
    for (int64_t k = 0; k < n; k++) {                                                     \
      piv[k] = p;                                                                         \
      T pivot = a[p * lda + k];                                                           \
      if (pivot != 0 && p != k)                                                           \
        for (int64_t j = 0; j < n; j++) {                                                 \
          T t = a[k * lda + j];                                                           \
          a[k * lda + j] = a[p * lda + j];                                                \
          a[p * lda + j] = t;                                                             \
        }                                                                                 \
      if (pivot == 0 && !info) info = k + 1; /* the column stays unscaled */              \
      bool scale = pivot != 0, reciprocal = NUMC__LA_ABS(pivot) >= DBL_MIN;               \
      T r = reciprocal ? NUMC__LA_DIV((T)1, pivot) : (T)1;                                \
      const T *rowk = &a[k * lda];                                                        \
      p = k + 1, best = 0;                                                                \
      for (int64_t i = k + 1; i < m; i++) {                                               \
        T *rowi = &a[i * lda];                                                            \
        T l = !scale ? rowi[k] : reciprocal ? NUMC__MUL(rowi[k], r) : NUMC__LA_DIV(rowi[k], pivot); \
        rowi[k] = l;                                                                      \
        for (int64_t j = k + 1; j < n; j++) rowi[j] -= NUMC__MUL(l, rowk[j]);             \
        if (k + 1 < n) {                                                                  \
          double v = NUMC__LA_ABS1(rowi[k + 1]);                                          \
          if (i == k + 1 || v > best) best = v, p = i; /* as idamax: a NaN first stays */ \
        }                                                                                 \
      }                                                                                   \
    }                                                                                     \
    return info;                                                                          \
  }                                                                                       \
                                                                                          \
  /* laswp: swap row k with row piv[k], k = k0, ..., k1 - 1 in order, over the n columns  \
   * at a. */                                                                             \
  static void swap_rows_##s(T *a, int64_t lda, int64_t n, const int64_t *piv, int64_t k0, \
                            int64_t k1) {                                                 \
    for (int64_t k = k0; k < k1; k++) {                                                   \
      if (piv[k] == k) continue;                                                          \
      T *r1 = &a[k * lda], *r2 = &a[piv[k] * lda];                                        \
      for (int64_t j = 0; j < n; j++) {                                                   \
        T t = r1[j];                                                                      \
        r1[j] = r2[j];                                                                    \
        r2[j] = t;                                                                        \
      }                                                                                   \
    }                                                                                     \
  }                                                                                       \
                                                                                          \
  /* trsm: B := L^{-1} B, L the n x n unit lower triangle at l, B n x m. Recursive, the   \
   * off-diagonal block through GEMM; the base is forward substitution by whole rows, so  \
   * that the inner loop runs along contiguous memory. */                                 \
  static numc_status trsm_lower_unit_##s(int64_t n, int64_t m, const T *l, int64_t ldl,   \
                                         T *b, int64_t ldb) {                             \
    if (n <= LU_BASE) {                                                                   \
      for (int64_t i = 1; i < n; i++)                                                     \
        for (int64_t p = 0; p < i; p++) {                                                 \
          T f = l[i * ldl + p];                                                           \
          const T *bp = &b[p * ldb];                                                      \
          T *bi = &b[i * ldb];                                                            \
          for (int64_t j = 0; j < m; j++) bi[j] -= NUMC__MUL(f, bp[j]);                   \
        }                                                                                 \
      return NUMC_OK;                                                                     \
    }                                                                                     \
    int64_t n1 = lu_split(n), n2 = n - n1;                                                \
    NUMC__TRY(trsm_lower_unit_##s(n1, m, l, ldl, b, ldb));                                \
    NUMC__TRY(NUMC__LA_GEMM(b)(n2, m, n1, -1, &l[n1 * ldl], ldl, 1, b, ldb, 1, 1,        \
                                &b[n1 * ldb], ldb, 1));                                   \
    return trsm_lower_unit_##s(n2, m, &l[n1 * ldl + n1], ldl, &b[n1 * ldb], ldb);         \
  }                                                                                       \
                                                                                          \
  /* trsm: B := U^{-1} B, U the n x n upper triangle at u (nonzero diagonal), B n x m:    \
   * as above, the base by back substitution. */                                         \
  static numc_status trsm_upper_##s(int64_t n, int64_t m, const T *u, int64_t ldu, T *b,  \
                                    int64_t ldb) {                                        \
    if (n <= LU_BASE) {                                                                   \
      for (int64_t i = n - 1; i >= 0; i--) {                                              \
        T *bi = &b[i * ldb];                                                              \
        for (int64_t p = i + 1; p < n; p++) {                                             \
          T f = u[i * ldu + p];                                                           \
          const T *bp = &b[p * ldb];                                                      \
          for (int64_t j = 0; j < m; j++) bi[j] -= NUMC__MUL(f, bp[j]);                   \
        }                                                                                 \
        T r = NUMC__LA_DIV((T)1, u[i * ldu + i]);                                         \
        for (int64_t j = 0; j < m; j++) bi[j] = NUMC__MUL(bi[j], r);                      \
      }                                                                                   \
      return NUMC_OK;                                                                     \
    }                                                                                     \
    int64_t n1 = lu_split(n), n2 = n - n1;                                                \
    NUMC__TRY(trsm_upper_##s(n2, m, &u[n1 * ldu + n1], ldu, &b[n1 * ldb], ldb));          \
    NUMC__TRY(NUMC__LA_GEMM(b)(n1, m, n2, -1, &u[n1], ldu, 1, &b[n1 * ldb], ldb, 1, 1, b, \
                                ldb, 1));                                                 \
    return trsm_upper_##s(n1, m, u, ldu, b, ldb);                                         \
  }                                                                                       \
                                                                                          \
  /* getrf2: the m x n panel at a (m >= n), pivots piv[0..n) relative to the panel.       \
   * Returns info as numc__lu_factor does. */                                             \
  static int64_t lu_recursive_##s(int64_t m, int64_t n, T *a, int64_t lda, int64_t *piv) { \
    if (n <= LU_BASE) return lu_panel_##s(m, n, a, lda, piv);                             \
    int64_t n1 = lu_split(n), n2 = n - n1;                                                \
    T *a12 = a + n1, *a21 = a + n1 * lda, *a22 = a21 + n1;                                \
    int64_t info = lu_recursive_##s(m, n1, a, lda, piv);                                  \
    if (info < 0) return info;                                                            \
    swap_rows_##s(a12, lda, n2, piv, 0, n1);                                              \
    numc_status st = trsm_lower_unit_##s(n1, n2, a, lda, a12, lda);                       \
    if (st == NUMC_OK)                                                                    \
      st = NUMC__LA_GEMM(a)(m - n1, n2, n1, -1, a21, lda, 1, a12, lda, 1, 1, a22, lda, 1); \
    if (st != NUMC_OK) return st;                                                         \
    int64_t info2 = lu_recursive_##s(m - n1, n2, a22, lda, piv + n1);                     \
    if (info2 < 0) return info2;                                                          \
    if (info2 && !info) info = info2 + n1;                                                \
    for (int64_t k = n1; k < n; k++) piv[k] += n1;                                        \
    swap_rows_##s(a, lda, n1, piv, n1, n);                                                \
    return info;                                                                          \
  }                                                                                       \
                                                                                          \
  int64_t numc__lu_factor_##s(int64_t n, T *a, int64_t lda, int64_t *piv) {               \
    return lu_recursive_##s(n, n, a, lda, piv);                                           \
  }                                                                                       \
                                                                                          \
  /* getrs after getrf on columns [c0, c1) of B (n x m): both triangular solves. */       \
  static numc_status lu_solve_columns_##s(const lu_solve_job *j, int64_t c0, int64_t c1) { \
    const T *lu = j->lu;                                                                  \
    T *b = (T *)j->b + c0;                                                                \
    NUMC__TRY(trsm_lower_unit_##s(j->n, c1 - c0, lu, j->n, b, j->m));                     \
    return trsm_upper_##s(j->n, c1 - c0, lu, j->n, b, j->m);                              \
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

static void lu_solve_range(void *ctx, int64_t begin, int64_t end, int thread) {
  (void)thread;
  lu_solve_job *j = ctx;
  int64_t c0 = begin * LU_SOLVE_COLS, c1 = end * LU_SOLVE_COLS < j->m ? end * LU_SOLVE_COLS : j->m;
  numc_status s = j->wt == NUMC_COMPLEX128 ? lu_solve_columns_z(j, c0, c1) : lu_solve_columns_d(j, c0, c1);
  if (s != NUMC_OK) {
    int expected = NUMC_OK;
    atomic_compare_exchange_strong(&j->status, &expected, (int)s);
  }
}

/* getrs: B := A^{-1} B from the factors, B n x m row-major. The right-hand sides are
 * independent: blocks of columns are solved on the pool's threads. */
static numc_status lu_solve(numc_dtype wt, int64_t n, int64_t m, const void *lu,
                            const int64_t *piv, void *b) {
  if (wt == NUMC_COMPLEX128)
    swap_rows_z(b, m, m, piv, 0, n);
  else
    swap_rows_d(b, m, m, piv, 0, n);
  lu_solve_job j = {.wt = wt, .n = n, .m = m, .lu = lu, .b = b, .status = NUMC_OK};
  double group_flops = 2.0 * (double)n * (double)n * LU_SOLVE_COLS;
  int64_t grain = (int64_t)(LU_SOLVE_GRAIN_FLOPS / group_flops) + 1;
  numc__parallel_for((m + LU_SOLVE_COLS - 1) / LU_SOLVE_COLS, grain, lu_solve_range, &j);
  return (numc_status)atomic_load(&j.status);
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
