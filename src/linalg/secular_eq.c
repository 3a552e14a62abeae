/* Eigenvalues and eigenvectors of a diagonal plus rank-one matrix D + rho z z^T, the merge
 * step of the divide-and-conquer tridiagonal solver (tridiag_dc.c).
 *
 * The eigenvalues are the roots of the secular equation
 *   f(lambda) = 1/rho + sum_j z_j^2 / (d_j - lambda) = 0,
 * one in each gap (d_i, d_{i+1}) and the last in (d_{k-1}, d_{k-1} + rho) (|z| = 1).
 * Each root is found relative to its nearer pole d_o, as lambda = d_o + tau, so that the
 * differences d_j - lambda = (d_j - d_o) - tau keep full relative accuracy (Bunch, Nielsen
 * & Sorensen 1978; Li 1993). The iteration fits the two poles around the root with their
 * own weights chosen to match f's derivatives on each side ("middle way", Li), and is
 * safeguarded by bisection of a bracket that every evaluation of f narrows.
 *
 * Eigenvectors by Loewner's formula (Gu & Eisenstat 1994): the computed roots are the
 * exact eigenvalues of D + rho zhat zhat^T for a zhat that follows from them alone,
 *   zhat_j^2 = prod_i (lambda_i - d_j) / (rho prod_{i != j} (d_i - d_j)),
 * and the eigenvectors (zhat_j / (d_j - lambda_i))_j of that nearby matrix are
 * orthogonal to working accuracy however close the roots are. */
#include <float.h>
#include <math.h>

#include "core/threads.h"
#include "linalg/spectral.h"

typedef struct secular {
  int64_t k;
  const double *d, *z;
  double rho;
  const int64_t *pos;
  double *lam, *s, *zhat;
} secular;

/* f at d_o + tau, with the derivatives of its parts left of the root (poles 0..i) and
 * right of it, and a bound on the rounding error of f. */
typedef struct fval {
  double f, dpsi, dphi, err;
} fval;

static fval evaluate(const secular *p, int64_t i, int64_t o, double tau) {
  double psi = 0, phi = 0, dpsi = 0, dphi = 0, abssum = 0;
  for (int64_t j = 0; j < p->k; j++) {
    double delta = (p->d[j] - p->d[o]) - tau;
    double t = p->z[j] / delta, term = p->z[j] * t;
    abssum += fabs(term);
    if (j <= i) psi += term, dpsi += t * t;
    else phi += term, dphi += t * t;
  }
  double f = 1 / p->rho + psi + phi;
  return (fval){f, dpsi, dphi, 8 * DBL_EPSILON * (1 / p->rho + abssum)};
}

/* The step eta of tau from the model c + s/(a_i - eta) + S/(a_{i+1} - eta) of f, whose
 * weights match dpsi and dphi; the last root has no right pole (S = 0). Returns NAN when
 * the model has no root between the poles (the caller bisects). */
static double model_step(fval v, double ai, double ai1, bool last) {
  double s = ai * ai * v.dpsi;
  if (last) {
    double c = v.f - ai * v.dpsi;
    return c > 0 ? ai + s / c : NAN;
  }
  double S = ai1 * ai1 * v.dphi, c = v.f - ai * v.dpsi - ai1 * v.dphi;
  /* c (ai - eta)(ai1 - eta) + s (ai1 - eta) + S (ai - eta) = 0 */
  double a = c * (ai + ai1) + s + S, b = c * ai * ai1 + s * ai1 + S * ai;
  if (c == 0) return b / a;
  double disc = a * a - 4 * b * c;
  double q = 0.5 * (a + copysign(sqrt(disc > 0 ? disc : 0), a));
  double r1 = q / c, r2 = q != 0 ? b / q : NAN;
  if (r1 > ai && r1 < ai1) return r1;
  if (r2 > ai && r2 < ai1) return r2;
  return NAN;
}

/* Root i: lam[i], and column i of s holds d_j - lam[i] in row pos[j]. */
static void solve_root(const secular *p, int64_t i) {
  int64_t k = p->k;
  const double *d = p->d;
  bool last = i == k - 1;
  int64_t o = i;
  double lo, hi, tau;
  if (last) {
    lo = 0, hi = p->rho, tau = p->rho / 2;
  } else {
    /* f increases across the gap: f(mid) > 0 puts the root in the left half. */
    double gap = d[i + 1] - d[i];
    fval mid = evaluate(p, i, i, gap / 2);
    if (mid.f > 0) lo = 0, hi = gap / 2, tau = gap / 2;
    else o = i + 1, lo = -gap / 2, hi = 0, tau = -gap / 2;
  }
  for (int iter = 0; iter < 100; iter++) {
    fval v = evaluate(p, i, o, tau);
    if (fabs(v.f) <= v.err) break;
    if (v.f < 0) lo = tau;
    else hi = tau;
    if (hi - lo <= 2 * DBL_EPSILON * fmax(fabs(lo), fabs(hi))) break;
    double ai = (d[i] - d[o]) - tau, ai1 = last ? INFINITY : (d[i + 1] - d[o]) - tau;
    double next = tau + model_step(v, ai, ai1, last);
    /* Outside the bracket (or NaN): bisect. */
    tau = next > lo && next < hi ? next : lo + (hi - lo) / 2;
  }
  p->lam[i] = d[o] + tau;
  double *col = p->s + i * k;
  for (int64_t j = 0; j < k; j++) col[p->pos[j]] = (d[j] - d[o]) - tau;
}

static void roots_range(void *ctx, int64_t begin, int64_t end, int thread) {
  (void)thread;
  for (int64_t i = begin; i < end; i++) solve_root(ctx, i);
}

/* zhat for rows [begin, end) of s (Loewner's formula), column by column. */
static void zhat_range(void *ctx, int64_t begin, int64_t end, int thread) {
  (void)thread;
  const secular *p = ctx;
  int64_t k = p->k;
  double *zh = p->zhat;
  for (int64_t j = begin; j < end; j++) zh[j] = -p->s[p->pos[j] + j * k] / p->rho;
  for (int64_t i = 0; i < k; i++) {
    const double *col = p->s + i * k;
    for (int64_t j = begin; j < end; j++)
      if (j != i) zh[j] *= -col[p->pos[j]] / (p->d[i] - p->d[j]);
  }
  for (int64_t j = begin; j < end; j++) zh[j] = copysign(sqrt(fabs(zh[j])), p->z[j]);
}

static void vectors_range(void *ctx, int64_t begin, int64_t end, int thread) {
  (void)thread;
  const secular *p = ctx;
  int64_t k = p->k;
  for (int64_t i = begin; i < end; i++) {
    double *col = p->s + i * k, ss = 0;
    for (int64_t j = 0; j < k; j++) {
      double x = p->zhat[j] / col[p->pos[j]];
      col[p->pos[j]] = x;
      ss += x * x;
    }
    double inv = 1 / sqrt(ss);
    for (int64_t r = 0; r < k; r++) col[r] *= inv;
  }
}

void numc__secular_solve(int64_t k, const double *d, const double *z, double rho,
                         const int64_t *pos, double *lam, double *s, double *zhat) {
  secular p = {k, d, z, rho, pos, lam, s, zhat};
  /* A root costs a few passes of ~10 k flops; a row of zhat or a vector ~3 k. */
  int64_t grain = 1 + 20000 / (10 * k);
  numc__parallel_for(k, grain, roots_range, &p);
  numc__parallel_for(k, grain, zhat_range, &p);
  numc__parallel_for(k, grain, vectors_range, &p);
}
