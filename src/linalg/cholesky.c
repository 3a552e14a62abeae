/* numpy.linalg.cholesky: a = L L^H with L lower triangular, or a = U^H U (upper=True).
 *
 * LAPACK's potrf, right-looking and blocked (Golub & Van Loan, Matrix Computations 4th
 * ed., section 4.2.9): for each block column of CHOL_NB, factor the diagonal block
 * unblocked (the dot-product form, Alg. 4.2.1), solve the block column below it with
 * L11^H, and subtract A21 A21^H from the trailing lower triangle through GEMM, one block
 * column at a time so that only the lower half is computed (n^3/3 flops in all).
 *
 * Like LAPACK, only one triangle is read: the lower for upper=False, the upper for
 * upper=True (factored as the lower triangle of a^H; then U = L^H). The imaginary parts
 * of the diagonal are ignored. A diagonal that is not positive at any step gives "Matrix
 * is not positive definite", as LAPACK's info > 0 does in NumPy. A NaN diagonal is not
 * caught: it propagates into a NaN factor, as in NumPy built on OpenBLAS (whose potrf
 * tests only ajj <= 0; reference LAPACK also tests isnan). */
#include "linalg/dense.h"

#define CHOL_NB 64

#define CHOL_ALGORITHMS(s, T, E)                                                           \
  /* potf2 on the n x n diagonal block at a; false when not positive definite. */          \
  static bool chol_block_##s(int64_t n, T *a, int64_t lda) {                               \
    for (int64_t k = 0; k < n; k++) {                                                      \
      T *rowk = &a[k * lda];                                                               \
      double d = NUMC__LA_RE(rowk[k]);                                                     \
      for (int64_t p = 0; p < k; p++) d -= NUMC__LA_ABS2(rowk[p]);                         \
      if (d <= 0) return false;                                                            \
      d = sqrt(d);                                                                         \
      rowk[k] = d;                                                                         \
      for (int64_t i = k + 1; i < n; i++) {                                                \
        T *rowi = &a[i * lda];                                                             \
        T x = rowi[k];                                                                     \
        for (int64_t p = 0; p < k; p++) x -= NUMC__MUL(rowi[p], NUMC__LA_CONJ(rowk[p]));   \
        rowi[k] = x / d;                                                                   \
      }                                                                                    \
    }                                                                                      \
    return true;                                                                           \
  }                                                                                        \
                                                                                           \
  /* Lower Cholesky of the n x n matrix at a (lda); conj_rows (m x nb) is scratch for the  \
   * conjugated block column that GEMM reads transposed. */                                \
  static numc_status chol_##s(int64_t n, T *a, int64_t lda, T *conj_rows) {                \
    for (int64_t j = 0; j < n; j += CHOL_NB) {                                             \
      int64_t jb = n - j < CHOL_NB ? n - j : CHOL_NB, rest = n - j - jb;                   \
      T *a11 = &a[j * lda + j], *a21 = a11 + jb * lda;                                     \
      if (!chol_block_##s(jb, a11, lda)) return NUMC_ELINALG;                              \
      /* A21 := A21 L11^{-H}, row by row: x L11^H = a. */                                  \
      for (int64_t r = 0; r < rest; r++) {                                                 \
        T *x = &a21[r * lda];                                                              \
        for (int64_t k = 0; k < jb; k++) {                                                 \
          T v = x[k];                                                                      \
          const T *lk = &a11[k * lda];                                                     \
          for (int64_t p = 0; p < k; p++) v -= NUMC__MUL(x[p], NUMC__LA_CONJ(lk[p]));      \
          x[k] = v / NUMC__LA_RE(lk[k]);                                                   \
          conj_rows[r * jb + k] = NUMC__LA_CONJ(x[k]);                                     \
        }                                                                                  \
      }                                                                                    \
      /* A22 -= A21 A21^H on and below the diagonal, block column by block column. */     \
      for (int64_t c = 0; c < rest; c += CHOL_NB) {                                        \
        int64_t cb = rest - c < CHOL_NB ? rest - c : CHOL_NB;                              \
        T *dst = &a21[c * lda + jb + c];                                                   \
        NUMC__TRY(NUMC__LA_GEMM(a)(rest - c, cb, jb, -1, &a21[c * lda], lda, 1,            \
                                   &conj_rows[c * jb], 1, jb, 1, dst, lda, 1));            \
      }                                                                                    \
    }                                                                                      \
    return NUMC_OK;                                                                        \
  }                                                                                        \
                                                                                           \
  /* Zero the strict upper triangle; for upper=True first replace L by L^H. */            \
  static void chol_finish_##s(int64_t n, T *a, bool upper) {                               \
    for (int64_t i = 0; i < n; i++)                                                        \
      for (int64_t j = i + 1; j < n; j++) {                                                \
        a[i * n + j] = upper ? NUMC__LA_CONJ(a[j * n + i]) : 0;                            \
        if (upper) a[j * n + i] = 0;                                                       \
      }                                                                                    \
  }
NUMC__LA_TYPES(CHOL_ALGORITHMS)

typedef struct chol_job {
  const numc_array *a;
  numc__la_batch batch;
  int64_t n;
  bool upper;
  numc_dtype wt;
  numc_array *out;
} chol_job;

static numc_status chol_item(void *ctx, int64_t k, void *work) {
  const chol_job *j = ctx;
  const numc_array *a = j->a;
  int64_t n = j->n, rs = a->strides[a->ndim - 2], cs = a->strides[a->ndim - 1];
  size_t ws = numc_dtype_size(j->wt);
  char *scratch = (char *)work + (size_t)(n * n) * ws;
  /* upper: the lower triangle of a^T (conjugated below) holds a's upper triangle. */
  numc__la_load(numc__la_item(a, 2, &j->batch, k), a->dtype, j->upper ? cs : rs,
                j->upper ? rs : cs, n, n, j->wt, work, n);
  if (j->wt == NUMC_COMPLEX128) {
    numc__c128 *w = work;
    if (j->upper)
      for (int64_t i = 0; i < n * n; i++) w[i] = numc__la_conj_z(w[i]);
    NUMC__TRY(chol_z(n, w, n, (numc__c128 *)scratch));
    chol_finish_z(n, w, j->upper);
  } else {
    NUMC__TRY(chol_d(n, work, n, (double *)scratch));
    chol_finish_d(n, work, j->upper);
  }
  numc__la_store(work, j->wt, n, n, n, j->out->dtype,
                 numc__host_data(j->out) + (size_t)(k * n * n) * numc_dtype_size(j->out->dtype));
  return NUMC_OK;
}

numc_status numc_linalg_cholesky(const numc_array *a, bool upper, numc_array **out) {
  if (!a || !out) return numc__fail(NUMC_EINVAL, "cholesky: NULL argument");
  numc_dtype result;
  NUMC__TRY(numc__la_check_square(a));
  NUMC__TRY(numc__la_result_dtype(a->dtype, a->dtype, &result));
  chol_job j = {.a = a, .n = a->shape[a->ndim - 1], .upper = upper,
                .wt = numc__la_work_dtype(result)};
  NUMC__TRY(numc__la_batch_of(a, 2, &j.batch));
  int64_t core[2] = {j.n, j.n};
  NUMC__TRY(numc__la_new(result, j.batch.ndim, j.batch.shape, 2, core, &j.out));
  double n = (double)j.n;
  size_t work = (size_t)(j.n * j.n + j.n * CHOL_NB) * numc_dtype_size(j.wt);
  numc_status s = numc__la_for_each(j.batch.count, n * n * n / 3, work, chol_item, &j,
                                    "Matrix is not positive definite");
  if (s != NUMC_OK) {
    numc_free(j.out);
    return s;
  }
  *out = j.out;
  return NUMC_OK;
}
