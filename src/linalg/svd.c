/* numpy.linalg.svd / svdvals: a = u diag(s) vh with s descending.
 *
 * Golub-Kahan-Reinsch: Householder bidiagonalisation (real even for complex input, see
 * spectral.h), implicit-shift QR on the bidiagonal (bidiag_qr.c) with its rotations
 * accumulated into real U_b, V_b, then U = Q U_b and V = P V_b by the blocked reflectors
 * (GEMM). Backward stable: singular values within O(max(m, n) eps ||a||) (GVL 8.6.3).
 * A wide matrix is decomposed as its adjoint (a^H = U S V^H gives a = V S U^H).
 * hermitian=True follows NumPy: eigh, then |eigenvalues| sorted descending with the
 * signs moved into vh. */
#include <math.h>
#include <stdlib.h>

#include "linalg/spectral.h"

typedef struct svd_job {
  const numc__mstack *st;
  bool full, uv, hermitian;
  numc_array *u, *s, *vh;
} svd_job;

typedef struct ranked {
  double value;
  int64_t index;
} ranked;

/* Descending by value, NaN first; equal values keep their order. */
static int by_value_desc(const void *x, const void *y) {
  const ranked *a = x, *b = y;
  bool an = isnan(a->value), bn = isnan(b->value);
  if (an || bn) return an && bn ? (a->index > b->index) - (a->index < b->index) : an ? -1 : 1;
  if (a->value != b->value) return a->value > b->value ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

/* Store a real column-major matrix into a work matrix of type `cplx`, columns reordered
 * by rank and flipped where sign[] < 0 (sign may be NULL). */
static void put_columns(int64_t rows, int64_t cols, const double *src, const ranked *rank,
                        const double *sign, bool cplx, void *dst, int64_t ld) {
  for (int64_t j = 0; j < cols; j++) {
    int64_t k = rank ? rank[j].index : j;
    double f = sign && sign[k] < 0 ? -1 : 1;
    for (int64_t i = 0; i < rows; i++) {
      double x = f * src[i + k * rows];
      if (cplx) ((numc__c128 *)dst)[i + j * ld] = x;
      else ((double *)dst)[i + j * ld] = x;
    }
  }
}

/* SVD of a tall (m >= n) work matrix a. s gets the n singular values, descending. With
 * u (m x ucols, ucols = m or n) and v (n x n), the singular vectors: a = u S v^H. */
static numc_status svd_tall(int64_t m, int64_t n, bool cplx, void *a, double *s, void *u,
                            int64_t ucols, void *v) {
  size_t tsz = cplx ? sizeof(numc__c128) : sizeof(double);
  /* e, ranks (n); tauq (n), taup (n + m); U_b, V_b (n x n real); R (n x n work type). */
  size_t bytes = (size_t)n * (sizeof(double) + sizeof(ranked)) + (size_t)(2 * n + m) * tsz;
  if (u) bytes += (size_t)(n * n) * (2 * sizeof(double) + tsz);
  double *e = numc__alloc(bytes, false);
  if (!e) return NUMC_ENOMEM;
  ranked *rank = (ranked *)(e + n);
  char *tauq = (char *)(rank + n), *taup = tauq + n * tsz;
  double *ub = (double *)(taup + (n + m) * tsz), *vb = ub + n * n;
  char *r = (char *)(vb + n * n);
  numc_status st = cplx ? numc__gebrd_z(m, n, a, m, s, e, (numc__c128 *)tauq, (numc__c128 *)taup)
                        : numc__gebrd_d(m, n, a, m, s, e, (double *)tauq, (double *)taup);
  numc__rotbuf ru = {0}, rv = {0};
  if (st == NUMC_OK && u) {
    for (int64_t i = 0; i < 2 * n * n; i++) ub[i] = 0;
    for (int64_t i = 0; i < n; i++) ub[i + i * n] = vb[i + i * n] = 1;
    st = numc__rotbuf_init(&ru, ub, n, n, n);
    if (st == NUMC_OK) st = numc__rotbuf_init(&rv, vb, n, n, n);
  }
  if (st == NUMC_OK && !numc__bidiag_qr(n, s, e, u ? &ru : NULL, u ? &rv : NULL))
    st = NUMC_ELINALG;
  numc__rotbuf_free(&ru);
  numc__rotbuf_free(&rv);
  if (st == NUMC_OK) {
    for (int64_t i = 0; i < n; i++) rank[i] = (ranked){fabs(s[i]), i};
    qsort(rank, (size_t)n, sizeof *rank, by_value_desc);
  }
  if (st == NUMC_OK && u) {
    /* U = Q [U_b 0; 0 I]: left reflector j acts on rows j..m-1. */
    for (int64_t i = 0; i < m * ucols; i++) {
      if (cplx) ((numc__c128 *)u)[i] = 0;
      else ((double *)u)[i] = 0;
    }
    put_columns(n, n, ub, rank, NULL, cplx, u, m);
    for (int64_t i = n; i < ucols; i++) {
      if (cplx) ((numc__c128 *)u)[i + i * m] = 1;
      else ((double *)u)[i + i * m] = 1;
    }
    st = cplx ? numc__apply_reflectors_z(m, ucols, n, a, m, (numc__c128 *)tauq, u, m)
              : numc__apply_reflectors_d(m, ucols, n, a, m, (double *)tauq, u, m);
  }
  if (st == NUMC_OK && u) {
    /* V = P V_b (columns with negative s flipped): right reflector j is stored in row j
     * from column j+2 on and acts on rows j+1..n-1; copied into the columns of R. */
    put_columns(n, n, vb, rank, s, cplx, v, n);
    for (int64_t j = 0; j + 1 < n; j++)
      for (int64_t i = j + 2; i < n; i++) {
        if (cplx) ((numc__c128 *)r)[i + j * n] = ((numc__c128 *)a)[j + i * m];
        else ((double *)r)[i + j * n] = ((double *)a)[j + i * m];
      }
    st = cplx ? numc__apply_reflectors_z(n - 1, n, n - 1, (numc__c128 *)r + 1, n,
                                         (numc__c128 *)taup, (numc__c128 *)v + 1, n)
              : numc__apply_reflectors_d(n - 1, n, n - 1, (double *)r + 1, n, (double *)taup,
                                         (double *)v + 1, n);
  }
  if (st == NUMC_OK)
    for (int64_t i = 0; i < n; i++) s[i] = rank[i].value;
  numc__dealloc(e);
  return st;
}

/* hermitian=True: eigh, then s = |w| descending (NumPy: argsort(|w|)[::-1]), u the
 * eigenvectors in that order and vh = (u * sign(w))^H. */
static numc_status svd_hermitian(const svd_job *job, int64_t index, void *a, double *s) {
  const numc__mstack *st = job->st;
  int64_t n = st->n;
  double *w = numc__alloc((size_t)n * (sizeof(double) + sizeof(ranked)), false);
  if (!w) return NUMC_ENOMEM;
  ranked *rank = (ranked *)(w + n);
  numc_status r = NUMC_OK;
  if (numc__mstack_finite(st, index, 'L')) {
    numc__mstack_load(st, index, false, a);
    r = numc__eigh_one(n, st->cplx, 'L', a, w, job->uv);
  } else { /* NaN everywhere, as eigh */
    for (int64_t i = 0; i < n; i++) w[i] = NAN;
    for (int64_t i = 0; i < n * n; i++) {
      if (st->cplx) ((numc__c128 *)a)[i] = CMPLX(NAN, NAN);
      else ((double *)a)[i] = NAN;
    }
  }
  if (r == NUMC_OK) {
    /* NumPy's argsort(|w|)[::-1]: descending, equal values last index first (keyed by
     * n-1-i, which the comparator orders ascending). */
    for (int64_t i = 0; i < n; i++) rank[i] = (ranked){fabs(w[i]), n - 1 - i};
    qsort(rank, (size_t)n, sizeof *rank, by_value_desc);
    for (int64_t i = 0; i < n; i++) {
      s[i] = rank[i].value;
      rank[i].index = n - 1 - rank[i].index;
    }
  }
  if (r == NUMC_OK && job->uv) {
    size_t tsz = numc_dtype_size(st->work);
    char *u = numc__alloc((size_t)(2 * n * n) * tsz, false);
    if (!u) {
      numc__dealloc(w);
      return NUMC_ENOMEM;
    }
    char *v = u + (size_t)(n * n) * tsz;
    for (int64_t j = 0; j < n; j++) {
      int64_t k = rank[j].index;
      /* NumPy's sign(w): a zero eigenvalue gives a zero row of vh, as in NumPy. */
      double sg = w[k] < 0 ? -1 : w[k] > 0 ? 1 : w[k];
      memcpy(u + (size_t)(j * n) * tsz, (char *)a + (size_t)(k * n) * tsz, (size_t)n * tsz);
      for (int64_t i = 0; i < n; i++) {
        if (st->cplx) ((numc__c128 *)v)[i + j * n] = sg * ((numc__c128 *)a)[i + k * n];
        else ((double *)v)[i + j * n] = sg * ((double *)a)[i + k * n];
      }
    }
    numc__mstack_store(job->u, index, u, st->work, n, n, n, false);
    numc__mstack_store(job->vh, index, v, st->work, n, n, n, true);
    numc__dealloc(u);
  }
  numc__dealloc(w);
  return r;
}

static numc_status svd_item(void *ctx, int64_t index) {
  const svd_job *job = ctx;
  const numc__mstack *st = job->st;
  bool wide = st->m < st->n;
  int64_t m = wide ? st->n : st->m, n = wide ? st->m : st->n; /* the tall problem */
  int64_t ucols = job->full ? m : n;
  size_t tsz = numc_dtype_size(st->work);
  size_t elems = (size_t)(m * n) + (job->uv ? (size_t)(m * ucols + n * n) : 0);
  char *a = numc__alloc(elems * tsz + (size_t)n * sizeof(double), false);
  if (!a) return NUMC_ENOMEM;
  char *u = a + (size_t)(m * n) * tsz, *v = u + (size_t)(m * ucols) * tsz;
  double *s = (double *)(a + elems * tsz);
  numc_status r;
  if (job->hermitian) {
    r = svd_hermitian(job, index, a, s);
  } else if (!numc__mstack_finite(st, index, 0)) {
    r = NUMC_ELINALG; /* LAPACK's gesdd does not converge on NaN */
  } else {
    numc__mstack_load(st, index, wide, a);
    r = svd_tall(m, n, st->cplx, a, s, job->uv ? u : NULL, ucols, v);
    if (r == NUMC_OK && job->uv) {
      if (wide) { /* a = V S U^H */
        numc__mstack_store(job->u, index, v, st->work, n, n, n, false);
        numc__mstack_store(job->vh, index, u, st->work, m, ucols, m, true);
      } else {
        numc__mstack_store(job->u, index, u, st->work, m, ucols, m, false);
        numc__mstack_store(job->vh, index, v, st->work, n, n, n, true);
      }
    }
  }
  if (r == NUMC_OK) numc__mstack_store(job->s, index, s, NUMC_FLOAT64, n, 1, n, false);
  numc__dealloc(a);
  return r;
}

static numc_status svd_common(const numc_array *a, bool full_matrices, bool compute_uv,
                              bool hermitian, numc_array **u, numc_array **s, numc_array **vh) {
  numc__mstack st;
  NUMC__TRY(numc__mstack_init(a, hermitian, &st));
  int64_t m = st.m, n = st.n, k = m < n ? m : n;
  numc_array *uo = NULL, *so = NULL, *vo = NULL;
  numc_status r = numc__mstack_new_out(&st, st.out_real, 1, k, 0, &so);
  if (r == NUMC_OK && compute_uv)
    r = numc__mstack_new_out(&st, st.out_full, 2, m, full_matrices ? m : k, &uo);
  if (r == NUMC_OK && compute_uv)
    r = numc__mstack_new_out(&st, st.out_full, 2, full_matrices ? n : k, n, &vo);
  if (r == NUMC_OK) {
    svd_job job = {&st, full_matrices, compute_uv, hermitian, uo, so, vo};
    r = numc__mstack_each(&st, svd_item, &job);
    if (r == NUMC_ELINALG) r = numc__fail(r, hermitian ? "Eigenvalues did not converge" : "SVD did not converge");
    else if (r == NUMC_ENOMEM) r = numc__oom();
  }
  if (r != NUMC_OK) {
    numc_free(uo);
    numc_free(so);
    numc_free(vo);
    return r;
  }
  *s = so;
  if (compute_uv) {
    *u = uo;
    *vh = vo;
  }
  return NUMC_OK;
}

numc_status numc_linalg_svd(const numc_array *a, bool full_matrices, bool compute_uv,
                            bool hermitian, numc_array **u, numc_array **s, numc_array **vh) {
  return svd_common(a, full_matrices, compute_uv, hermitian, u, s, vh);
}

numc_status numc_linalg_svdvals(const numc_array *a, numc_array **out) {
  return svd_common(a, false, false, false, NULL, out, NULL);
}
