/* Singular values of an upper bidiagonal matrix by implicit-shift QR: the Golub-Kahan SVD
 * step (Golub & Van Loan 4th ed. Algorithm 8.6.1) with the deflation and zero-diagonal
 * handling of LINPACK dsvdc (Dongarra et al., LINPACK Users' Guide ch. 11): a negligible
 * superdiagonal splits the problem, a negligible diagonal entry is chased out of its row
 * or column by rotations so that a zero singular value deflates exactly. The rotations go
 * to the singular vector matrices. */
#include <float.h>
#include <math.h>

#include "linalg/spectral.h"

bool numc__bidiag_qr(int64_t n, double *s, double *e, numc__rotbuf *u, numc__rotbuf *v) {
  if (n == 0) return true;
  e[n - 1] = 0;
  const double eps = DBL_EPSILON, tiny = 0x1p-966; /* tiny: below it, any entry is noise */
  int64_t steps = 0, max_steps = 30 * n;
  int64_t p = n; /* s[0..p-1] is not yet converged */
  while (p > 0) {
    /* k: the last index < p-1 with negligible e[k] (-1 if none). */
    int64_t k;
    for (k = p - 2; k >= 0; k--)
      if (fabs(e[k]) <= tiny + eps * (fabs(s[k]) + fabs(s[k + 1]))) {
        e[k] = 0;
        break;
      }
    int kase;
    if (k == p - 2) {
      kase = 4; /* s[p-1] has converged */
    } else {
      int64_t ks;
      for (ks = p - 1; ks > k; ks--) {
        double t = (ks != p ? fabs(e[ks]) : 0) + (ks != k + 1 ? fabs(e[ks - 1]) : 0);
        if (fabs(s[ks]) <= tiny + eps * t) {
          s[ks] = 0;
          break;
        }
      }
      if (ks == k) {
        kase = 3; /* a QR step on s[k+1..p-1] */
      } else if (ks == p - 1) {
        kase = 1; /* s[p-1] is negligible: deflate it */
      } else {
        kase = 2; /* s[ks] is negligible: split there */
        k = ks;
      }
    }
    k++;
    switch (kase) {
    case 1: { /* rotate e[p-2] away with right rotations, from the bottom up */
      double f = e[p - 2];
      e[p - 2] = 0;
      for (int64_t j = p - 2; j >= k; j--) {
        double t = hypot(s[j], f), cs = s[j] / t, sn = f / t;
        s[j] = t;
        if (j != k) {
          f = -sn * e[j - 1];
          e[j - 1] = cs * e[j - 1];
        }
        numc__rotbuf_push(v, j, p - 1, cs, sn);
      }
      break;
    }
    case 2: { /* rotate e[k-1] away with left rotations, downwards */
      double f = e[k - 1];
      e[k - 1] = 0;
      for (int64_t j = k; j < p; j++) {
        double t = hypot(s[j], f), cs = s[j] / t, sn = f / t;
        s[j] = t;
        f = -sn * e[j];
        e[j] = cs * e[j];
        numc__rotbuf_push(u, j, k - 1, cs, sn);
      }
      break;
    }
    case 3: {
      if (++steps > max_steps) return false;
      /* Wilkinson shift from the trailing 2 x 2 of B^T B, computed on scaled values. */
      double scale = fmax(fmax(fmax(fmax(fabs(s[p - 1]), fabs(s[p - 2])), fabs(e[p - 2])),
                               fabs(s[k])), fabs(e[k]));
      double sp = s[p - 1] / scale, spm1 = s[p - 2] / scale, epm1 = e[p - 2] / scale;
      double sk = s[k] / scale, ek = e[k] / scale;
      double b = ((spm1 + sp) * (spm1 - sp) + epm1 * epm1) / 2;
      double c = (sp * epm1) * (sp * epm1), shift = 0;
      if (b != 0 || c != 0) {
        shift = sqrt(b * b + c);
        if (b < 0) shift = -shift;
        shift = c / (b + shift);
      }
      double f = (sk + sp) * (sk - sp) + shift, g = sk * ek;
      /* Chase the bulge down (GVL Algorithm 8.6.1). */
      for (int64_t j = k; j < p - 1; j++) {
        double t = hypot(f, g), cs = f / t, sn = g / t;
        if (j != k) e[j - 1] = t;
        f = cs * s[j] + sn * e[j];
        e[j] = cs * e[j] - sn * s[j];
        g = sn * s[j + 1];
        s[j + 1] = cs * s[j + 1];
        numc__rotbuf_push(v, j, j + 1, cs, sn);
        t = hypot(f, g);
        cs = f / t;
        sn = g / t;
        s[j] = t;
        f = cs * e[j] + sn * s[j + 1];
        s[j + 1] = -sn * e[j] + cs * s[j + 1];
        g = sn * e[j + 1];
        e[j + 1] = cs * e[j + 1];
        numc__rotbuf_push(u, j, j + 1, cs, sn);
      }
      e[p - 2] = f;
      break;
    }
    default: /* case 4 */
      p--;
      break;
    }
  }
  numc__rotbuf_flush(u);
  numc__rotbuf_flush(v);
  return true;
}
