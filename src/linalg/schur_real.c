/* Real Schur form and eigenvectors of a real upper Hessenberg matrix: EISPACK hqr2
 * (Martin, Peters & Wilkinson, Handbook II/15; as carried into JAMA and LAPACK dlahqr),
 * i.e. Francis double-shift QR (Golub & Van Loan 4th ed. Algorithm 7.5.2) with deflation
 * at negligible subdiagonal entries, exceptional shifts after 10 and 30 stagnant
 * iterations, then back substitution on the quasi-triangular Schur form (GVL 7.6.4).
 *
 * Every loop is bounded: at most 30 max(10, n) iterations per eigenvalue (dlahqr's
 * ITMAX), after which it reports failure. */
#include <float.h>
#include <math.h>

#include "linalg/spectral.h"

#define H(i, j) h[(i) + (j) * ldh]

/* Complex division (xr + i xi) / (yr + i yi), scaled (Smith's algorithm). */
static void cdiv(double xr, double xi, double yr, double yi, double *qr, double *qi) {
  double r, d;
  if (fabs(yr) > fabs(yi)) {
    r = yi / yr;
    d = yr + r * yi;
    *qr = (xr + r * xi) / d;
    *qi = (xi - r * xr) / d;
  } else {
    r = yr / yi;
    d = yi + r * yr;
    *qr = (r * xr + xi) / d;
    *qi = (r * xi - xr) / d;
  }
}

/* Solve the quasi-triangular system for the eigenvectors (hqr2's back substitution):
 * column k of h becomes the eigenvector of T for eigenvalue k (pairs: real and imaginary
 * parts of the vector for wr + i wi, wi > 0, in columns k, k+1). */
static void back_substitute(int64_t nn, double *h, int64_t ldh, const double *d,
                            const double *e, double norm) {
  const double eps = DBL_EPSILON;
  double p, q, r = 0, s = 0, t, w, x, y, z = 0;
  for (int64_t n = nn - 1; n >= 0; n--) {
    p = d[n];
    q = e[n];
    if (q == 0) { /* real vector */
      int64_t l = n;
      H(n, n) = 1;
      for (int64_t i = n - 1; i >= 0; i--) {
        w = H(i, i) - p;
        r = 0;
        for (int64_t j = l; j <= n; j++) r += H(i, j) * H(j, n);
        if (e[i] < 0) {
          z = w;
          s = r;
        } else {
          l = i;
          if (e[i] == 0) {
            H(i, n) = w != 0 ? -r / w : -r / (eps * norm);
          } else { /* a 2 x 2 block */
            x = H(i, i + 1);
            y = H(i + 1, i);
            q = (d[i] - p) * (d[i] - p) + e[i] * e[i];
            t = (x * s - z * r) / q;
            H(i, n) = t;
            H(i + 1, n) = fabs(x) > fabs(z) ? (-r - w * t) / x : (-s - y * t) / z;
          }
          t = fabs(H(i, n)); /* overflow control */
          if ((eps * t) * t > 1)
            for (int64_t j = i; j <= n; j++) H(j, n) /= t;
        }
      }
    } else if (q < 0) { /* complex vector: columns n-1 (real part) and n (imaginary) */
      int64_t l = n - 1;
      if (fabs(H(n, n - 1)) > fabs(H(n - 1, n))) {
        H(n - 1, n - 1) = q / H(n, n - 1);
        H(n - 1, n) = -(H(n, n) - p) / H(n, n - 1);
      } else {
        cdiv(0, -H(n - 1, n), H(n - 1, n - 1) - p, q, &H(n - 1, n - 1), &H(n - 1, n));
      }
      H(n, n - 1) = 0;
      H(n, n) = 1;
      for (int64_t i = n - 2; i >= 0; i--) {
        double ra = 0, sa = 0, vr, vi;
        for (int64_t j = l; j <= n; j++) {
          ra += H(i, j) * H(j, n - 1);
          sa += H(i, j) * H(j, n);
        }
        w = H(i, i) - p;
        if (e[i] < 0) {
          z = w;
          r = ra;
          s = sa;
        } else {
          l = i;
          if (e[i] == 0) {
            cdiv(-ra, -sa, w, q, &H(i, n - 1), &H(i, n));
          } else { /* a 2 x 2 block */
            x = H(i, i + 1);
            y = H(i + 1, i);
            vr = (d[i] - p) * (d[i] - p) + e[i] * e[i] - q * q;
            vi = (d[i] - p) * 2 * q;
            if (vr == 0 && vi == 0)
              vr = eps * norm * (fabs(w) + fabs(q) + fabs(x) + fabs(y) + fabs(z));
            cdiv(x * r - z * ra + q * sa, x * s - z * sa - q * ra, vr, vi, &H(i, n - 1), &H(i, n));
            if (fabs(x) > fabs(z) + fabs(q)) {
              H(i + 1, n - 1) = (-ra - w * H(i, n - 1) + q * H(i, n)) / x;
              H(i + 1, n) = (-sa - w * H(i, n) - q * H(i, n - 1)) / x;
            } else {
              cdiv(-r - y * H(i, n - 1), -s - y * H(i, n), z, q, &H(i + 1, n - 1), &H(i + 1, n));
            }
          }
          t = fmax(fabs(H(i, n - 1)), fabs(H(i, n)));
          if ((eps * t) * t > 1)
            for (int64_t j = i; j <= n; j++) {
              H(j, n - 1) /= t;
              H(j, n) /= t;
            }
        }
      }
    }
  }
  for (int64_t j = 0; j < nn; j++) /* the strictly lower part is no part of the vectors */
    for (int64_t i = j + 1; i < nn; i++) H(i, j) = 0;
}

bool numc__schur_real(int64_t nn, double *h, int64_t ldh, double *d, double *e, double *zv,
                      int64_t ldz) {
  const double eps = DBL_EPSILON;
  const bool vec = zv != NULL;
  double exshift = 0, p = 0, q = 0, r = 0, s = 0, z = 0, w, x, y;
  double norm = 0;
  for (int64_t i = 0; i < nn; i++)
    for (int64_t j = i > 0 ? i - 1 : 0; j < nn; j++) norm += fabs(H(i, j));
  const int64_t itmax = 30 * (nn > 10 ? nn : 10);
  int64_t n = nn - 1, iter = 0;
  while (n >= 0) {
    /* Look for a single small subdiagonal element. */
    int64_t l = n;
    while (l > 0) {
      s = fabs(H(l - 1, l - 1)) + fabs(H(l, l));
      if (s == 0) s = norm;
      if (H(l, l - 1) == 0 || fabs(H(l, l - 1)) < eps * s) break;
      l--;
    }
    /* Without vectors only the active block l..n is transformed. */
    int64_t jhi = vec ? nn - 1 : n, ilo = vec ? 0 : l;
    if (l == n) { /* one root */
      H(n, n) += exshift;
      d[n] = H(n, n);
      e[n] = 0;
      n--;
      iter = 0;
    } else if (l == n - 1) { /* two roots */
      w = H(n, n - 1) * H(n - 1, n);
      p = (H(n - 1, n - 1) - H(n, n)) / 2;
      q = p * p + w;
      z = sqrt(fabs(q));
      H(n, n) += exshift;
      H(n - 1, n - 1) += exshift;
      x = H(n, n);
      if (q >= 0) { /* a real pair: split the block with a rotation */
        z = p >= 0 ? p + z : p - z;
        d[n - 1] = x + z;
        d[n] = z != 0 ? x - w / z : d[n - 1];
        e[n - 1] = e[n] = 0;
        x = H(n, n - 1);
        s = fabs(x) + fabs(z);
        p = x / s;
        q = z / s;
        r = sqrt(p * p + q * q);
        p /= r;
        q /= r;
        for (int64_t j = n - 1; j <= jhi; j++) {
          z = H(n - 1, j);
          H(n - 1, j) = q * z + p * H(n, j);
          H(n, j) = q * H(n, j) - p * z;
        }
        for (int64_t i = ilo; i <= n; i++) {
          z = H(i, n - 1);
          H(i, n - 1) = q * z + p * H(i, n);
          H(i, n) = q * H(i, n) - p * z;
        }
        if (vec)
          for (int64_t i = 0; i < nn; i++) {
            double *z0 = zv + i + (n - 1) * ldz, *z1 = zv + i + n * ldz;
            z = *z0;
            *z0 = q * z + p * *z1;
            *z1 = q * *z1 - p * z;
          }
      } else { /* a complex pair, positive imaginary part first (as LAPACK) */
        d[n - 1] = d[n] = x + p;
        e[n - 1] = z;
        e[n] = -z;
      }
      n -= 2;
      iter = 0;
    } else { /* no convergence yet: a double-shift step */
      if (iter >= itmax) return false;
      x = H(n, n);
      y = H(n - 1, n - 1);
      w = H(n, n - 1) * H(n - 1, n);
      if (iter % 30 == 10 || iter % 30 == 20) { /* Wilkinson's ad hoc shift */
        exshift += x;
        for (int64_t i = 0; i <= n; i++) H(i, i) -= x;
        s = fabs(H(n, n - 1)) + fabs(H(n - 1, n - 2));
        x = y = 0.75 * s;
        w = -0.4375 * s * s;
      }
      if (iter % 30 == 29) { /* MATLAB's ad hoc shift */
        s = (y - x) / 2;
        s = s * s + w;
        if (s > 0) {
          s = sqrt(s);
          if (y < x) s = -s;
          s = x - w / ((y - x) / 2 + s);
          for (int64_t i = 0; i <= n; i++) H(i, i) -= s;
          exshift += s;
          x = y = w = 0.964;
        }
      }
      iter++;
      /* Look for two consecutive small subdiagonal elements. */
      int64_t m = n - 2;
      while (m >= l) {
        z = H(m, m);
        r = x - z;
        s = y - z;
        p = (r * s - w) / H(m + 1, m) + H(m, m + 1);
        q = H(m + 1, m + 1) - z - r - s;
        r = H(m + 2, m + 1);
        s = fabs(p) + fabs(q) + fabs(r);
        p /= s;
        q /= s;
        r /= s;
        if (m == l) break;
        if (fabs(H(m, m - 1)) * (fabs(q) + fabs(r)) <
            eps * (fabs(p) * (fabs(H(m - 1, m - 1)) + fabs(z) + fabs(H(m + 1, m + 1)))))
          break;
        m--;
      }
      for (int64_t i = m + 2; i <= n; i++) {
        H(i, i - 2) = 0;
        if (i > m + 2) H(i, i - 3) = 0;
      }
      /* The double QR step on rows l..n and columns m..n: 3-element reflectors. */
      for (int64_t k = m; k <= n - 1; k++) {
        bool notlast = k != n - 1;
        if (k != m) {
          p = H(k, k - 1);
          q = H(k + 1, k - 1);
          r = notlast ? H(k + 2, k - 1) : 0;
          x = fabs(p) + fabs(q) + fabs(r);
          if (x == 0) continue;
          p /= x;
          q /= x;
          r /= x;
        }
        s = sqrt(p * p + q * q + r * r);
        if (p < 0) s = -s;
        if (s == 0) continue;
        if (k != m) H(k, k - 1) = -s * x;
        else if (l != m) H(k, k - 1) = -H(k, k - 1);
        p += s;
        x = p / s;
        y = q / s;
        z = r / s;
        q /= p;
        r /= p;
        for (int64_t j = k; j <= jhi; j++) { /* rows */
          p = H(k, j) + q * H(k + 1, j);
          if (notlast) {
            p += r * H(k + 2, j);
            H(k + 2, j) -= p * z;
          }
          H(k, j) -= p * x;
          H(k + 1, j) -= p * y;
        }
        int64_t ihi = n < k + 3 ? n : k + 3;
        for (int64_t i = ilo; i <= ihi; i++) { /* columns */
          p = x * H(i, k) + y * H(i, k + 1);
          if (notlast) {
            p += z * H(i, k + 2);
            H(i, k + 2) -= p * r;
          }
          H(i, k) -= p;
          H(i, k + 1) -= p * q;
        }
        if (vec) {
          double *z0 = zv + k * ldz, *z1 = z0 + ldz, *z2 = z1 + ldz;
          for (int64_t i = 0; i < nn; i++) {
            p = x * z0[i] + y * z1[i];
            if (notlast) {
              p += z * z2[i];
              z2[i] -= p * r;
            }
            z0[i] -= p;
            z1[i] -= p * q;
          }
        }
      }
    }
  }
  if (vec && norm == 0) /* the zero matrix: every unit vector is an eigenvector */
    for (int64_t j = 0; j < nn; j++)
      for (int64_t i = 0; i < nn; i++) H(i, j) = i == j;
  else if (vec)
    back_substitute(nn, h, ldh, d, e, norm);
  return true;
}
