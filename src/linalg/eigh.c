/* numpy.linalg.eigh / eigvalsh: eigenvalues (ascending) and orthonormal eigenvectors of
 * Hermitian matrices, reading one triangle.
 *
 * Householder tridiagonalisation (real even for complex input, see spectral.h), then the
 * tridiagonal eigenproblem: values only by implicit QL, with vectors by divide and
 * conquer into a real Z (as LAPACK's dsyevd, which NumPy calls), then V = Q Z by the
 * blocked reflectors (GEMM). Both are backward stable: |w - w_exact| <= O(n eps ||A||). */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>

#include "linalg/spectral.h"

typedef struct ranked {
  double value;
  int64_t index;
} ranked;

/* Ascending by value, NaN last (as NumPy sorts); ties by index. */
static int by_value(const void *x, const void *y) {
  const ranked *a = x, *b = y;
  bool an = isnan(a->value), bn = isnan(b->value);
  if (an || bn) return an && bn ? (a->index > b->index) - (a->index < b->index) : an ? 1 : -1;
  if (a->value != b->value) return a->value < b->value ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

/* Fill the triangle that was not read with the adjoint of the one that was; take the real
 * part of the diagonal (LAPACK ignores its imaginary part). */
static void hermitian_from_triangle(int64_t n, bool cplx, char uplo, void *a) {
  for (int64_t j = 0; j < n; j++)
    for (int64_t i = j + 1; i < n; i++) {
      int64_t lo = i + j * n, up = j + i * n; /* (i, j) below and (j, i) above */
      int64_t from = uplo == 'L' ? lo : up, to = uplo == 'L' ? up : lo;
      if (cplx) ((numc__c128 *)a)[to] = conj(((numc__c128 *)a)[from]);
      else ((double *)a)[to] = ((double *)a)[from];
    }
  if (cplx)
    for (int64_t j = 0; j < n; j++) ((numc__c128 *)a)[j + j * n] = creal(((numc__c128 *)a)[j + j * n]);
}

numc_status numc__eigh_one(int64_t n, bool cplx, char uplo, void *a, double *w, bool vectors) {
  if (n == 0) return NUMC_OK;
  hermitian_from_triangle(n, cplx, uplo, a);
  size_t tsz = cplx ? sizeof(numc__c128) : sizeof(double);
  /* d, e (n each), tau (n), ranks (n), and with vectors: Z (n x n real), C (n x n). */
  size_t bytes = (size_t)n * (2 * sizeof(double) + tsz + sizeof(ranked));
  if (vectors) bytes += (size_t)(n * n) * (sizeof(double) + tsz);
  double *d = numc__alloc(bytes, false);
  if (!d) return NUMC_ENOMEM;
  double *e = d + n;
  void *tau = e + n;
  ranked *rank = (ranked *)((char *)tau + n * tsz);
  double *z = (double *)(rank + n);
  void *c = z + n * n;
  numc_status st = cplx ? numc__hetrd_z(n, a, n, d, e, tau) : numc__hetrd_d(n, a, n, d, e, tau);
  if (st == NUMC_OK && vectors) st = numc__tridiag_dc(n, d, e, z, n);
  else if (st == NUMC_OK && !numc__tridiag_ql(n, d, e, NULL)) st = NUMC_ELINALG;
  if (st == NUMC_OK) {
    for (int64_t i = 0; i < n; i++) rank[i] = (ranked){d[i], i};
    qsort(rank, (size_t)n, sizeof *rank, by_value);
    for (int64_t i = 0; i < n; i++) w[i] = rank[i].value;
  }
  if (st == NUMC_OK && vectors) {
    /* C = Z with its columns in ascending order, then C := Q C. */
    for (int64_t j = 0; j < n; j++) {
      const double *zj = z + rank[j].index * n;
      if (cplx)
        for (int64_t i = 0; i < n; i++) ((numc__c128 *)c)[i + j * n] = zj[i];
      else
        for (int64_t i = 0; i < n; i++) ((double *)c)[i + j * n] = zj[i];
    }
    /* Reflector j acts on rows j+1..n-1: seen from row 1, the standard layout. */
    st = cplx ? numc__apply_reflectors_z(n - 1, n, n - 1, (numc__c128 *)a + 1, n, tau,
                                         (numc__c128 *)c + 1, n)
              : numc__apply_reflectors_d(n - 1, n, n - 1, (double *)a + 1, n, tau,
                                         (double *)c + 1, n);
    if (st == NUMC_OK) memcpy(a, c, (size_t)(n * n) * tsz);
  }
  numc__dealloc(d);
  return st;
}

typedef struct eigh_job {
  const numc__mstack *st;
  char uplo;
  numc_array *w, *v;
} eigh_job;

static numc_status eigh_item(void *ctx, int64_t index) {
  const eigh_job *job = ctx;
  const numc__mstack *st = job->st;
  int64_t n = st->n;
  size_t tsz = numc_dtype_size(st->work);
  char *buf = numc__alloc((size_t)(n * n) * tsz + (size_t)n * sizeof(double), false);
  if (!buf) return NUMC_ENOMEM;
  double *w = (double *)(buf + (size_t)(n * n) * tsz);
  numc_status s = NUMC_OK;
  if (!numc__mstack_finite(st, index, job->uplo)) {
    /* LAPACK turns NaN or infinity into NaN everywhere, as NumPy shows; the iteration is
     * not run on them. */
    for (int64_t i = 0; i < n; i++) w[i] = NAN;
    for (int64_t i = 0; i < n * n; i++) {
      if (st->cplx) ((numc__c128 *)buf)[i] = CMPLX(NAN, NAN);
      else ((double *)buf)[i] = NAN;
    }
  } else {
    numc__mstack_load(st, index, false, buf);
    s = numc__eigh_one(n, st->cplx, job->uplo, buf, w, job->v != NULL);
  }
  if (s == NUMC_OK) {
    numc__mstack_store(job->w, index, w, NUMC_FLOAT64, n, 1, n, false);
    if (job->v) numc__mstack_store(job->v, index, buf, st->work, n, n, n, false);
  }
  numc__dealloc(buf);
  return s;
}

static numc_status eigh_common(const numc_array *a, const char *uplo, numc_array **w,
                               numc_array **v) {
  char u = uplo ? (char)toupper((unsigned char)uplo[0]) : 'L';
  if (uplo && (strlen(uplo) != 1 || (u != 'L' && u != 'U')))
    return numc__fail(NUMC_EINVAL, "UPLO argument must be 'L' or 'U'");
  numc__mstack st;
  NUMC__TRY(numc__mstack_init(a, true, &st));
  numc_array *wo = NULL, *vo = NULL;
  numc_status s = numc__mstack_new_out(&st, st.out_real, 1, st.n, 0, &wo);
  if (s == NUMC_OK && v) s = numc__mstack_new_out(&st, st.out_full, 2, st.n, st.n, &vo);
  if (s == NUMC_OK) {
    eigh_job job = {&st, u, wo, vo};
    s = numc__mstack_each(&st, eigh_item, &job);
    if (s == NUMC_ELINALG) s = numc__fail(s, "Eigenvalues did not converge");
    else if (s == NUMC_ENOMEM) s = numc__oom();
  }
  if (s != NUMC_OK) {
    numc_free(wo);
    numc_free(vo);
    return s;
  }
  *w = wo;
  if (v) *v = vo;
  return NUMC_OK;
}

numc_status numc_linalg_eigh(const numc_array *a, const char *uplo, numc_array **w,
                             numc_array **v) {
  return eigh_common(a, uplo, w, v);
}

numc_status numc_linalg_eigvalsh(const numc_array *a, const char *uplo, numc_array **w) {
  return eigh_common(a, uplo, w, NULL);
}
