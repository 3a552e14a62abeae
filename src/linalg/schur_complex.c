/* Complex Schur form and eigenvectors of a complex upper Hessenberg matrix: implicit
 * single-shift QR with Wilkinson shifts (Golub & Van Loan 4th ed. 7.5.2, the complex
 * case of 7.5.5; as LAPACK zlahqr, with Givens rotations in place of its 2-element
 * reflectors), deflating at negligible subdiagonal entries, an exceptional shift every
 * 10 stagnant iterations, then back substitution on the triangular Schur form (ztrevc).
 * At most 30 max(10, n) iterations per eigenvalue (zlahqr's ITMAX). */
#include <float.h>
#include <math.h>

#include "linalg/spectral.h"

#define H(i, j) h[(i) + (j) * ldh]

/* Wilkinson shift: the eigenvalue of the trailing 2 x 2 [a b; c d] nearer d, written
 * as d - bc / (t + r) to avoid cancellation (t = (a - d) / 2, r = +-sqrt(t^2 + bc)). */
static numc__c128 wilkinson(numc__c128 a, numc__c128 b, numc__c128 c, numc__c128 d) {
  numc__c128 t = (a - d) / 2, bc = b * c, r = csqrt(t * t + bc);
  if (creal(conj(t) * r) < 0) r = -r;
  return t + r == 0 ? d : d - bc / (t + r);
}

/* The rotation [c s; -conj(s) c] (c real) mapping (x, y) to (r, 0). */
static void givens(numc__c128 x, numc__c128 y, double *c, numc__c128 *s, numc__c128 *r) {
  double ax = cabs(x), ay = cabs(y);
  if (ay == 0) {
    *c = 1;
    *s = 0;
    *r = x;
  } else if (ax == 0) {
    *c = 0;
    *s = conj(y) / ay;
    *r = ay;
  } else {
    double nrm = hypot(ax, ay);
    numc__c128 ph = x / ax;
    *c = ax / nrm;
    *s = ph * conj(y) / nrm;
    *r = ph * nrm;
  }
}

/* Column k of h becomes the eigenvector of the triangular T for eigenvalue T(k, k). */
static void back_substitute(int64_t n, numc__c128 *h, int64_t ldh, double norm) {
  const double eps = DBL_EPSILON, small = eps * (norm > 0 ? norm : 1);
  for (int64_t k = n - 1; k >= 0; k--) {
    numc__c128 lam = H(k, k);
    H(k, k) = 1;
    for (int64_t i = k - 1; i >= 0; i--) {
      numc__c128 sum = 0;
      for (int64_t j = i + 1; j <= k; j++) sum += H(i, j) * H(j, k);
      numc__c128 den = H(i, i) - lam;
      if (cabs(den) < small) den = small; /* perturb a repeated eigenvalue, as ztrevc */
      H(i, k) = -sum / den;
      double t = cabs(H(i, k)); /* overflow control */
      if ((eps * t) * t > 1)
        for (int64_t j = i; j <= k; j++) H(j, k) /= t;
    }
  }
  for (int64_t j = 0; j < n; j++)
    for (int64_t i = j + 1; i < n; i++) H(i, j) = 0;
}

bool numc__schur_complex(int64_t nn, numc__c128 *h, int64_t ldh, numc__c128 *w, numc__c128 *zv,
                         int64_t ldz) {
  const double eps = DBL_EPSILON;
  const bool vec = zv != NULL;
  double norm = 0;
  for (int64_t i = 0; i < nn; i++)
    for (int64_t j = i > 0 ? i - 1 : 0; j < nn; j++) norm += cabs(H(i, j));
  const int64_t itmax = 30 * (nn > 10 ? nn : 10);
  int64_t hi = nn - 1, iter = 0;
  while (hi >= 0) {
    int64_t l = hi;
    while (l > 0) {
      double s = cabs(H(l - 1, l - 1)) + cabs(H(l, l));
      if (s == 0) s = norm;
      if (H(l, l - 1) == 0 || cabs(H(l, l - 1)) < eps * s) break;
      l--;
    }
    if (l == hi) {
      w[hi] = H(hi, hi);
      hi--;
      iter = 0;
      continue;
    }
    if (iter >= itmax) return false;
    iter++;
    numc__c128 mu = iter % 10 == 0 ? H(hi, hi) + 0.75 * fabs(creal(H(hi, hi - 1)))
                                  : wilkinson(H(hi - 1, hi - 1), H(hi - 1, hi), H(hi, hi - 1), H(hi, hi));
    /* Without vectors only the active block l..hi is transformed. */
    int64_t jhi = vec ? nn - 1 : hi, ilo = vec ? 0 : l;
    numc__c128 x = H(l, l) - mu, y = H(l + 1, l);
    for (int64_t k = l; k < hi; k++) {
      if (k > l) {
        x = H(k, k - 1);
        y = H(k + 1, k - 1);
      }
      double c;
      numc__c128 s, r;
      givens(x, y, &c, &s, &r);
      if (k > l) {
        H(k, k - 1) = r;
        H(k + 1, k - 1) = 0;
      }
      for (int64_t j = k; j <= jhi; j++) {
        numc__c128 t1 = H(k, j), t2 = H(k + 1, j);
        H(k, j) = c * t1 + s * t2;
        H(k + 1, j) = c * t2 - conj(s) * t1;
      }
      int64_t ihi = k + 2 < hi ? k + 2 : hi;
      for (int64_t i = ilo; i <= ihi; i++) {
        numc__c128 t1 = H(i, k), t2 = H(i, k + 1);
        H(i, k) = c * t1 + conj(s) * t2;
        H(i, k + 1) = c * t2 - s * t1;
      }
      if (vec) {
        numc__c128 *z0 = zv + k * ldz, *z1 = z0 + ldz;
        for (int64_t i = 0; i < nn; i++) {
          numc__c128 t1 = z0[i], t2 = z1[i];
          z0[i] = c * t1 + conj(s) * t2;
          z1[i] = c * t2 - s * t1;
        }
      }
    }
  }
  if (vec) back_substitute(nn, h, ldh, norm);
  return true;
}
