/* Eigenvalues of a symmetric tridiagonal matrix by the implicit QL algorithm with
 * Wilkinson-type shifts: EISPACK tql2 (Bowdler, Martin, Reinsch & Wilkinson, Handbook for
 * Automatic Computation II/3), as in Golub & Van Loan 4th ed. 8.3.5 but chasing upwards,
 * which suits matrices graded with large entries at the bottom. The rotations of each
 * sweep are recorded for the eigenvectors. */
#include <float.h>
#include <math.h>

#include "linalg/spectral.h"

bool numc__tridiag_ql(int64_t n, double *d, double *e, numc__rotbuf *z) {
  if (n <= 1) return true;
  /* e[i] couples d[i] and d[i+1]; e[n-1] = 0 ends every search for a small entry. */
  e[n - 1] = 0;
  const double eps = DBL_EPSILON;
  double f = 0, tst1 = 0;
  int64_t sweeps = 0, max_sweeps = 30 * n; /* LAPACK dsteqr's bound */
  for (int64_t l = 0; l < n; l++) {
    /* Deflate where e[m] is negligible relative to the largest |d| + |e| seen so far. */
    double t = fabs(d[l]) + fabs(e[l]);
    if (t > tst1) tst1 = t;
    int64_t m = l;
    while (m < n - 1 && !(fabs(e[m]) <= eps * tst1)) m++;
    if (m > l) {
      do {
        if (++sweeps > max_sweeps) return false;
        /* Shift: the eigenvalue of the leading 2 x 2 block nearer d[l]. */
        double g = d[l];
        double p = (d[l + 1] - g) / (2 * e[l]);
        double r = hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        double dl1 = d[l + 1], h = g - d[l];
        for (int64_t i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        /* One implicit QL sweep from m up to l. */
        p = d[m];
        double c = 1, c2 = 1, c3 = 1, el1 = e[l + 1], s = 0, s2 = 0;
        for (int64_t i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          numc__rotbuf_push(z, i, i + 1, c, -s);
        }
        p = -s * s2 * c3 * el1 * e[l] / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (fabs(e[l]) > eps * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
  numc__rotbuf_flush(z);
  return true;
}
