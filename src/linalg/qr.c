/* numpy.linalg.qr: a = Q R by Householder reflections, modes reduced, complete and r.
 *
 * LAPACK's geqrf/orgqr (Golub & Van Loan, Matrix Computations 4th ed., Alg. 5.2.1 and,
 * blocked, section 5.2.3 with the compact WY form of Schreiber and Van Loan): panels of
 * QR_NB columns are factored one reflector at a time (geqr2); each panel's reflectors
 * are gathered as I - V T V^H (larft) and applied to the columns right of it with two
 * GEMMs (larfb). Q is then accumulated backwards from the identity, block by block, the
 * same way (orgqr).
 *
 * Every reflector is chosen as LAPACK's larfg chooses it: beta = -sign(Re alpha) * norm,
 * and no reflection (tau = 0) when the column below the diagonal is already zero (and
 * alpha real). Q and R are therefore NumPy's own, signs included, up to rounding; R's
 * diagonal is real. */
#include "linalg/dense.h"

#define QR_NB 32

/* sqrt(x^2 + y^2 + z^2) without overflow or harmful underflow (LAPACK's dlapy3). */
static double lapy3(double x, double y, double z) {
  double w = fmax(fabs(x), fmax(fabs(y), fabs(z)));
  if (w == 0 || isinf(w)) return fabs(x) + fabs(y) + fabs(z);
  x /= w, y /= w, z /= w;
  return w * sqrt(x * x + y * y + z * z);
}

#define QR_ALGORITHMS(s, T, E)                                                              \
  /* The 2-norm of n entries at x (stride inc), rescaled when squares overflow or underflow. */ \
  static double nrm2_##s(int64_t n, const T *x, int64_t inc) {                              \
    double ssq = 0;                                                                         \
    for (int64_t i = 0; i < n; i++) ssq += NUMC__LA_ABS2(x[i * inc]);                       \
    if (ssq >= DBL_MIN && ssq <= DBL_MAX) return sqrt(ssq);                                 \
    double big = 0;                                                                         \
    for (int64_t i = 0; i < n; i++) big = fmax(big, NUMC__LA_ABS(x[i * inc]));              \
    if (big == 0 || isinf(big) || isnan(ssq)) return ssq != ssq ? ssq : big;                \
    ssq = 0;                                                                                \
    for (int64_t i = 0; i < n; i++) ssq += NUMC__LA_ABS2(x[i * inc] / big);                 \
    return big * sqrt(ssq);                                                                 \
  }                                                                                         \
                                                                                            \
  /* larfg: the reflector H = I - tau v v^H with H^H [alpha; x] = [beta; 0], v = [1; x'].    \
   * x (n - 1 entries, stride inc) is overwritten by v's tail, alpha by beta. */            \
  static T larfg_##s(int64_t n, T *alpha, T *x, int64_t inc) {                              \
    double xnorm = nrm2_##s(n - 1, x, inc);                                                 \
    T a = *alpha;                                                                           \
    if (xnorm == 0 && NUMC__LA_IM(a) == 0) return 0;                                        \
    double beta = -copysign(lapy3(NUMC__LA_RE(a), NUMC__LA_IM(a), xnorm), NUMC__LA_RE(a));  \
    double rescale = 1;                                                                     \
    /* A tiny beta loses accuracy in (alpha - beta): scale up first (at most 20 times). */  \
    const double safmin = DBL_MIN / DBL_EPSILON;                                            \
    for (int knt = 0; fabs(beta) < safmin && knt < 20; knt++) {                             \
      for (int64_t i = 0; i < n - 1; i++) x[i * inc] /= safmin;                             \
      a /= safmin, rescale *= safmin;                                                       \
      xnorm = nrm2_##s(n - 1, x, inc);                                                      \
      beta = -copysign(lapy3(NUMC__LA_RE(a), NUMC__LA_IM(a), xnorm), NUMC__LA_RE(a));       \
    }                                                                                       \
    T tau = (beta - a) / beta;                                                              \
    T scale = NUMC__LA_DIV((T)1, a - beta);                                                 \
    for (int64_t i = 0; i < n - 1; i++) x[i * inc] = NUMC__MUL(x[i * inc], scale);          \
    *alpha = beta * rescale;                                                                \
    return tau;                                                                             \
  }                                                                                         \
                                                                                            \
  /* geqr2 on the m x n panel at a (lda): n reflectors (n <= m), applied to the panel      \
   * only; `w` holds n scratch entries. */                                                  \
  static void qr_panel_##s(int64_t m, int64_t n, T *a, int64_t lda, T *tau, T *w) {         \
    for (int64_t k = 0; k < n; k++) {                                                       \
      T *akk = &a[k * lda + k];                                                             \
      tau[k] = larfg_##s(m - k, akk, akk + lda, lda);                                       \
      if (tau[k] == 0 || k + 1 == n) continue;                                              \
      /* C := (I - conj(tau) v v^H) C on the columns right of k: w = v^H C first. */        \
      T beta = *akk, ct = NUMC__LA_CONJ(tau[k]);                                            \
      *akk = 1;                                                                             \
      int64_t nc = n - k - 1;                                                               \
      for (int64_t c = 0; c < nc; c++) w[c] = 0;                                            \
      for (int64_t i = k; i < m; i++) {                                                     \
        T vi = NUMC__LA_CONJ(a[i * lda + k]);                                               \
        const T *ci = &a[i * lda + k + 1];                                                  \
        for (int64_t c = 0; c < nc; c++) w[c] += NUMC__MUL(vi, ci[c]);                      \
      }                                                                                     \
      for (int64_t i = k; i < m; i++) {                                                     \
        T f = NUMC__MUL(ct, a[i * lda + k]);                                                \
        T *ci = &a[i * lda + k + 1];                                                        \
        for (int64_t c = 0; c < nc; c++) ci[c] -= NUMC__MUL(f, w[c]);                       \
      }                                                                                     \
      *akk = beta;                                                                          \
    }                                                                                       \
  }                                                                                         \
                                                                                            \
  /* The block's reflectors, stored below the diagonal of the m x n panel at a, as V      \
   * (m x n, unit diagonal, ld n) and V^H (n x m, ld m); and larft's upper triangular T   \
   * (n x n) with H_0 ... H_{n-1} = I - V T V^H (forward, column-wise). */                  \
  static void qr_block_##s(int64_t m, int64_t n, const T *a, int64_t lda, const T *tau,     \
                           T *v, T *vh, T *t) {                                             \
    for (int64_t i = 0; i < m; i++)                                                         \
      for (int64_t k = 0; k < n; k++) {                                                     \
        T x = i > k ? a[i * lda + k] : i == k ? 1 : 0;                                      \
        v[i * n + k] = x;                                                                   \
        vh[k * m + i] = NUMC__LA_CONJ(x);                                                   \
      }                                                                                     \
    for (int64_t k = 0; k < n; k++) {                                                       \
      /* T[0:k, k] = -tau_k T[0:k, 0:k] (V[:, 0:k]^H v_k); rows above k of v_k are 0. */   \
      for (int64_t p = 0; p < k; p++) {                                                     \
        T z = 0;                                                                            \
        for (int64_t i = k; i < m; i++) z += NUMC__MUL(vh[p * m + i], v[i * n + k]);        \
        t[p * n + k] = NUMC__MUL(-tau[k], z);                                               \
      }                                                                                     \
      for (int64_t p = 0; p < k; p++) {                                                     \
        T acc = 0;                                                                          \
        for (int64_t q = p; q < k; q++) acc += NUMC__MUL(t[p * n + q], t[q * n + k]);      \
        t[p * n + k] = acc;                                                                 \
      }                                                                                     \
      t[k * n + k] = tau[k];                                                                \
      for (int64_t p = k + 1; p < n; p++) t[p * n + k] = 0;                                 \
    }                                                                                       \
  }                                                                                         \
                                                                                            \
  /* larfb from the left: C := (I - V T V^H) C, or with T^H when `adjoint` (applying      \
   * H^H). C is m x nc (ldc); V m x k; W k x nc scratch. */                                 \
  static numc_status qr_apply_##s(int64_t m, int64_t nc, int64_t k, const T *v,             \
                                  const T *vh, const T *t, bool adjoint, T *c,              \
                                  int64_t ldc, T *w) {                                      \
    NUMC__TRY(NUMC__LA_GEMM(w)(k, nc, m, 1, vh, m, 1, c, ldc, 1, 0, w, nc, 1));             \
    if (adjoint) /* W := T^H W, lower triangular: bottom row first keeps inputs intact */  \
      for (int64_t i = k - 1; i >= 0; i--) {                                                \
        T *wi = &w[i * nc];                                                                 \
        T d = NUMC__LA_CONJ(t[i * k + i]);                                                  \
        for (int64_t c2 = 0; c2 < nc; c2++) wi[c2] = NUMC__MUL(d, wi[c2]);                  \
        for (int64_t p = 0; p < i; p++) {                                                   \
          T f = NUMC__LA_CONJ(t[p * k + i]);                                                \
          for (int64_t c2 = 0; c2 < nc; c2++) wi[c2] += NUMC__MUL(f, w[p * nc + c2]);       \
        }                                                                                   \
      }                                                                                     \
    else /* W := T W, upper triangular: top row first */                                   \
      for (int64_t i = 0; i < k; i++) {                                                     \
        T *wi = &w[i * nc];                                                                 \
        T d = t[i * k + i];                                                                 \
        for (int64_t c2 = 0; c2 < nc; c2++) wi[c2] = NUMC__MUL(d, wi[c2]);                  \
        for (int64_t p = i + 1; p < k; p++) {                                               \
          T f = t[i * k + p];                                                               \
          for (int64_t c2 = 0; c2 < nc; c2++) wi[c2] += NUMC__MUL(f, w[p * nc + c2]);       \
        }                                                                                   \
      }                                                                                     \
    return NUMC__LA_GEMM(c)(m, nc, k, -1, v, k, 1, w, nc, 1, 1, c, ldc, 1);                 \
  }                                                                                         \
                                                                                            \
  /* Factor the m x n matrix at a in place (R above the diagonal, reflectors below), then  \
   * if q is not NULL accumulate its first qc columns (m x qc). Scratch: tau (min(m, n)),  \
   * v and vh (m * QR_NB each), t (QR_NB^2), w (QR_NB * max(n, qc)). */                     \
  static numc_status qr_##s(int64_t m, int64_t n, T *a, T *q, int64_t qc, T *tau, T *v,     \
                            T *vh, T *t, T *w) {                                            \
    int64_t kmax = m < n ? m : n;                                                           \
    for (int64_t j = 0; j < kmax; j += QR_NB) {                                             \
      int64_t jb = kmax - j < QR_NB ? kmax - j : QR_NB, mr = m - j;                         \
      qr_panel_##s(mr, jb, &a[j * n + j], n, &tau[j], w);                                   \
      if (j + jb < n) {                                                                     \
        qr_block_##s(mr, jb, &a[j * n + j], n, &tau[j], v, vh, t);                          \
        NUMC__TRY(qr_apply_##s(mr, n - j - jb, jb, v, vh, t, true, &a[j * n + j + jb], n, w)); \
      }                                                                                     \
    }                                                                                       \
    if (!q) return NUMC_OK;                                                                 \
    for (int64_t i = 0; i < m * qc; i++) q[i] = 0;                                          \
    for (int64_t i = 0; i < m && i < qc; i++) q[i * qc + i] = 1;                            \
    for (int64_t j = (kmax - 1) / QR_NB * QR_NB; kmax > 0 && j >= 0; j -= QR_NB) {          \
      int64_t jb = kmax - j < QR_NB ? kmax - j : QR_NB, mr = m - j;                         \
      qr_block_##s(mr, jb, &a[j * n + j], n, &tau[j], v, vh, t);                            \
      NUMC__TRY(qr_apply_##s(mr, qc - j, jb, v, vh, t, false, &q[j * qc + j], qc, w));      \
    }                                                                                       \
    return NUMC_OK;                                                                         \
  }
NUMC__LA_TYPES(QR_ALGORITHMS)

typedef struct qr_job {
  const numc_array *a;
  numc__la_batch batch;
  int64_t m, n, qc, rrows; /* Q is m x qc, R rrows x n */
  numc_dtype wt;
  numc_array *q, *r;
} qr_job;

static numc_status qr_item(void *ctx, int64_t k, void *work) {
  const qr_job *j = ctx;
  const numc_array *a = j->a;
  int64_t m = j->m, n = j->n, qc = j->q ? j->qc : 0;
  size_t ws = numc_dtype_size(j->wt);
  char *w = work, *q = w + (size_t)(m * n) * ws, *tau = q + (size_t)(m * qc) * ws;
  char *v = tau + (size_t)(m < n ? m : n) * ws, *vh = v + (size_t)(m * QR_NB) * ws;
  char *t = vh + (size_t)(m * QR_NB) * ws, *scratch = t + (size_t)(QR_NB * QR_NB) * ws;
  numc__la_load(numc__la_item(a, 2, &j->batch, k), a->dtype, a->strides[a->ndim - 2],
                a->strides[a->ndim - 1], m, n, j->wt, w, n);
  void *qp = j->q ? q : NULL;
  if (j->wt == NUMC_COMPLEX128)
    NUMC__TRY(qr_z(m, n, (numc__c128 *)w, qp, qc, (numc__c128 *)tau, (numc__c128 *)v,
                   (numc__c128 *)vh, (numc__c128 *)t, (numc__c128 *)scratch));
  else
    NUMC__TRY(qr_d(m, n, (double *)w, qp, qc, (double *)tau, (double *)v, (double *)vh,
                   (double *)t, (double *)scratch));
  /* R: the upper triangle of the first rrows rows. */
  for (int64_t i = 1; i < j->rrows; i++)
    memset(w + (size_t)(i * n) * ws, 0, (size_t)(i < n ? i : n) * ws);
  size_t rsize = numc_dtype_size(j->r->dtype);
  numc__la_store(w, j->wt, n, j->rrows, n, j->r->dtype,
                 numc__host_data(j->r) + (size_t)(k * j->rrows * n) * rsize);
  if (j->q)
    numc__la_store(q, j->wt, qc, m, qc, j->q->dtype,
                   numc__host_data(j->q) + (size_t)(k * m * qc) * rsize);
  return NUMC_OK;
}

numc_status numc_linalg_qr(const numc_array *a, numc_qr_mode mode, numc_array **q,
                           numc_array **r) {
  if (!a || !r || (mode != NUMC_QR_R && !q)) return numc__fail(NUMC_EINVAL, "qr: NULL argument");
  if (mode != NUMC_QR_REDUCED && mode != NUMC_QR_COMPLETE && mode != NUMC_QR_R)
    return numc__fail(NUMC_EINVAL, "Unrecognized mode '%d'", (int)mode);
  numc_dtype result;
  NUMC__TRY(numc__la_check_2d(a));
  NUMC__TRY(numc__la_result_dtype(a->dtype, a->dtype, &result));
  qr_job j = {.a = a, .m = a->shape[a->ndim - 2], .n = a->shape[a->ndim - 1],
              .wt = numc__la_work_dtype(result)};
  int64_t kmax = j.m < j.n ? j.m : j.n;
  j.qc = mode == NUMC_QR_COMPLETE ? j.m : kmax;
  j.rrows = mode == NUMC_QR_COMPLETE ? j.m : kmax;
  NUMC__TRY(numc__la_batch_of(a, 2, &j.batch));
  int64_t rshape[2] = {j.rrows, j.n}, qshape[2] = {j.m, j.qc};
  numc_status s = numc__la_new(result, j.batch.ndim, j.batch.shape, 2, rshape, &j.r);
  if (s == NUMC_OK && mode != NUMC_QR_R)
    s = numc__la_new(result, j.batch.ndim, j.batch.shape, 2, qshape, &j.q);
  int64_t qc = j.q ? j.qc : 0, wcols = j.n > qc ? j.n : qc;
  size_t work = (size_t)(j.m * j.n + j.m * qc + kmax + 2 * j.m * QR_NB + QR_NB * QR_NB +
                         QR_NB * wcols) * numc_dtype_size(j.wt);
  double m = (double)j.m, n = (double)j.n, kk = (double)kmax;
  double flops = 2 * kk * kk * (m + n - kk) + (j.q ? 4.0 * m * (double)qc * kk : 0);
  if (s == NUMC_OK) s = numc__la_for_each(j.batch.count, flops, work, qr_item, &j, "QR failed");
  if (s != NUMC_OK) {
    numc_free(j.r);
    numc_free(j.q);
    return s;
  }
  *r = j.r;
  if (q) *q = j.q;
  return NUMC_OK;
}
