/* numpy.linalg.eig / eigvals: eigenvalues and right eigenvectors of general matrices.
 *
 * As LAPACK's geev: balance (diagonal scaling only, EISPACK balanc / Parlett & Reinsch;
 * dgebal's permutations are not done), Householder reduction to Hessenberg form, QR
 * iteration to Schur form (Francis double shift for real input, schur_real.c; complex
 * single shift for complex input, schur_complex.c), eigenvectors of the Schur form by
 * back substitution, back-transformed by the Schur vectors (GEMM) and the balancing,
 * each normalised to unit 2-norm with its largest component real.
 *
 * As NumPy: real input gives real results when every eigenvalue of the whole stack is
 * real, complex ones otherwise (pair j, j+1 with Im w_j > 0 has vectors v_j and conj). */
#include <float.h>
#include <math.h>

#include "linalg/gemm.h"
#include "linalg/spectral.h"

/* Scale rows and columns by powers of 2 until each row and column have similar 1-norms
 * (off the diagonal); scale[i] receives the factor of row i^-1 / column i. Powers of 2
 * keep it exact. At most 100 passes (in practice a handful). */
static void balance(int64_t n, bool cplx, void *a, double *scale) {
  for (int64_t i = 0; i < n; i++) scale[i] = 1;
  for (int pass = 0; pass < 100; pass++) {
    bool done = true;
    for (int64_t i = 0; i < n; i++) {
      double c = 0, r = 0;
      for (int64_t j = 0; j < n; j++) {
        if (j == i) continue;
        c += cplx ? cabs(((numc__c128 *)a)[j + i * n]) : fabs(((double *)a)[j + i * n]);
        r += cplx ? cabs(((numc__c128 *)a)[i + j * n]) : fabs(((double *)a)[i + j * n]);
      }
      if (c == 0 || r == 0) continue;
      double g = r / 2, f = 1, s = c + r;
      while (c < g && f < 0x1p500) {
        f *= 2;
        c *= 4;
      }
      g = r * 2;
      while (c >= g && f > 0x1p-500) {
        f /= 2;
        c /= 4;
      }
      if ((c + r) / f < 0.95 * s) {
        done = false;
        scale[i] *= f;
        for (int64_t j = 0; j < n; j++) { /* row i / f, column i * f */
          if (cplx) {
            ((numc__c128 *)a)[i + j * n] /= f;
            ((numc__c128 *)a)[j + i * n] *= f;
          } else {
            ((double *)a)[i + j * n] /= f;
            ((double *)a)[j + i * n] *= f;
          }
        }
      }
    }
    if (done) break;
  }
}

/* Unit 2-norm and, as zgeev, the component of largest modulus made real. */
static void normalise(int64_t n, numc__c128 *v) {
  double ss = 0, big = -1;
  int64_t k = 0;
  for (int64_t i = 0; i < n; i++) {
    double m2 = creal(v[i]) * creal(v[i]) + cimag(v[i]) * cimag(v[i]);
    ss += m2;
    if (m2 > big) big = m2, k = i;
  }
  if (ss == 0) return;
  numc__c128 f = conj(v[k]) / (cabs(v[k]) * sqrt(ss));
  for (int64_t i = 0; i < n; i++) v[i] *= f;
  v[k] = creal(v[k]);
}

typedef struct eig_job {
  const numc__mstack *st;
  numc__c128 *w, *v; /* count x n eigenvalues, count x (n x n) vectors (or NULL) */
} eig_job;

static numc_status eig_item(void *ctx, int64_t index) {
  const eig_job *job = ctx;
  const numc__mstack *st = job->st;
  const bool cplx = st->cplx, vec = job->v != NULL;
  int64_t n = st->n;
  if (n == 0) return NUMC_OK;
  size_t tsz = numc_dtype_size(st->work);
  /* The QR iteration's row operations stride through h by its leading dimension; a
   * power of two would map them all to the same cache sets, so h gets an odd one. */
  int64_t ldh = n | 1;
  /* a, h (ldh x n), tau (2n), wr/wi (2n doubles), scale (n); with vectors Q and
   * V = Q X (n x n). */
  size_t bytes = (size_t)(n * n + ldh * n + 2 * n) * tsz + (size_t)(3 * n) * sizeof(double);
  if (vec) bytes += (size_t)(2 * n * n) * tsz;
  char *a = numc__alloc(bytes, false);
  if (!a) return NUMC_ENOMEM;
  char *h = a + (size_t)(n * n) * tsz, *tau = h + (size_t)(ldh * n) * tsz;
  double *wr = (double *)(tau + (size_t)(2 * n) * tsz), *wi = wr + n, *scale = wi + n;
  char *q = (char *)(scale + n), *x = q + (size_t)(n * n) * tsz;
  numc__mstack_load(st, index, false, a);
  balance(n, cplx, a, scale);
  if (cplx) numc__gehrd_z(n, (numc__c128 *)a, n, (numc__c128 *)tau);
  else numc__gehrd_d(n, (double *)a, n, (double *)tau);

  numc_status s = NUMC_OK;
  int64_t nrefl = n > 2 ? n - 2 : 0;
  if (vec) { /* Q = H_0 ... H_{n-3}, reflector j acting on rows j+1.. */
    memset(q, 0, (size_t)(n * n) * tsz);
    for (int64_t i = 0; i < n; i++) {
      if (cplx) ((numc__c128 *)q)[i + i * n] = 1;
      else ((double *)q)[i + i * n] = 1;
    }
    s = cplx ? numc__apply_reflectors_z(n - 1, n, nrefl, (numc__c128 *)a + 1, n,
                                        (numc__c128 *)tau, (numc__c128 *)q + 1, n)
             : numc__apply_reflectors_d(n - 1, n, nrefl, (double *)a + 1, n, (double *)tau,
                                        (double *)q + 1, n);
  }
  for (int64_t j = 0; j < n; j++) { /* h: a without the reflectors */
    int64_t keep = j + 2 < n ? j + 2 : n;
    memcpy(h + (size_t)(j * ldh) * tsz, a + (size_t)(j * n) * tsz, (size_t)keep * tsz);
    memset(h + (size_t)(j * ldh + keep) * tsz, 0, (size_t)(ldh - keep) * tsz);
  }

  numc__c128 *w = job->w + index * n;
  if (s == NUMC_OK) {
    bool ok = cplx ? numc__schur_complex(n, (numc__c128 *)h, ldh, w, vec ? (numc__c128 *)q : NULL, n)
                   : numc__schur_real(n, (double *)h, ldh, wr, wi, vec ? (double *)q : NULL, n);
    if (!ok) s = NUMC_ELINALG;
    if (ok && !cplx)
      for (int64_t i = 0; i < n; i++) w[i] = CMPLX(wr[i], wi[i]);
  }
  if (s == NUMC_OK && vec) { /* V = Q X, then undo the balancing */
    s = cplx ? numc__zgemm(n, n, n, 1, (numc__c128 *)q, 1, n, (numc__c128 *)h, 1, ldh, 0,
                           (numc__c128 *)x, 1, n)
             : numc__dgemm(n, n, n, 1, (double *)q, 1, n, (double *)h, 1, ldh, 0, (double *)x, 1, n);
  }
  if (s == NUMC_OK && vec) {
    numc__c128 *v = job->v + index * n * n;
    for (int64_t j = 0; j < n; j++) {
      numc__c128 *vj = v + j * n;
      if (cplx) {
        for (int64_t i = 0; i < n; i++) vj[i] = scale[i] * ((numc__c128 *)x)[i + j * n];
      } else if (wi[j] == 0) {
        for (int64_t i = 0; i < n; i++) vj[i] = scale[i] * ((double *)x)[i + j * n];
      } else { /* columns j, j+1 hold Re and Im of the vector of w_j (Im w_j > 0) */
        const double *re = (double *)x + j * n, *im = re + n;
        for (int64_t i = 0; i < n; i++) {
          vj[i] = scale[i] * CMPLX(re[i], im[i]);
          vj[i + n] = conj(vj[i]);
        }
        normalise(n, vj);
        for (int64_t i = 0; i < n; i++) vj[i + n] = conj(vj[i]);
        j++;
        continue;
      }
      normalise(n, vj);
    }
  }
  numc__dealloc(a);
  return s;
}

static numc_status eig_common(const numc_array *a, numc_array **w, numc_array **v) {
  numc__mstack st;
  NUMC__TRY(numc__mstack_init(a, true, &st));
  for (int64_t i = 0; i < st.count; i++)
    if (!numc__mstack_finite(&st, i, 0))
      return numc__fail(NUMC_ELINALG, "Array must not contain infs or NaNs");
  int64_t n = st.n;
  numc__c128 *wb = numc__alloc((size_t)(st.count * n) * sizeof *wb, false);
  numc__c128 *vb = v ? numc__alloc((size_t)(st.count * n * n) * sizeof *vb, false) : NULL;
  if (!wb || (v && !vb)) {
    numc__dealloc(wb);
    numc__dealloc(vb);
    return numc__oom();
  }
  eig_job job = {&st, wb, vb};
  numc_status s = numc__mstack_each(&st, eig_item, &job);
  if (s == NUMC_ELINALG) s = numc__fail(s, "Eigenvalues did not converge");
  else if (s == NUMC_ENOMEM) s = numc__oom();
  numc_array *wo = NULL, *vo = NULL;
  if (s == NUMC_OK) {
    bool real = !st.cplx;
    for (int64_t i = 0; i < st.count * n && real; i++) real = cimag(wb[i]) == 0;
    numc_dtype t = real ? st.out_full
                   : st.out_full == NUMC_FLOAT32 ? NUMC_COMPLEX64
                   : st.out_full == NUMC_FLOAT64 ? NUMC_COMPLEX128 : st.out_full;
    s = numc__mstack_new_out(&st, t, 1, n, 0, &wo);
    if (s == NUMC_OK && v) s = numc__mstack_new_out(&st, t, 2, n, n, &vo);
    for (int64_t i = 0; i < st.count && s == NUMC_OK; i++) {
      numc__mstack_store(wo, i, wb + i * n, NUMC_COMPLEX128, n, 1, n, false);
      if (v) numc__mstack_store(vo, i, vb + i * n * n, NUMC_COMPLEX128, n, n, n, false);
    }
  }
  numc__dealloc(wb);
  numc__dealloc(vb);
  if (s != NUMC_OK) {
    numc_free(wo);
    numc_free(vo);
    return s;
  }
  *w = wo;
  if (v) *v = vo;
  return NUMC_OK;
}

numc_status numc_linalg_eig(const numc_array *a, numc_array **w, numc_array **v) {
  return eig_common(a, w, v);
}

numc_status numc_linalg_eigvals(const numc_array *a, numc_array **w) {
  return eig_common(a, w, NULL);
}
