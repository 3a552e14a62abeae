/* Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by Cuppen's divide and
 * conquer (Cuppen 1981; Gu & Eisenstat 1995; the plan of LAPACK's dstedc):
 *
 *   T = diag(T1, T2) + |b| u u^T,  u = e_{m-1} + sign(b) e_m,  b = T[m-1, m],
 *
 * with |b| taken off the two diagonal entries next to the cut. The halves are solved
 * recursively (implicit QL for small blocks), T1 = Q1 D1 Q1^T, T2 = Q2 D2 Q2^T, leaving
 * D + rho z z^T with z = diag(Q1, Q2)^T u: the last row of Q1 and the first of Q2. Then
 *
 *   1. deflation: a z_j that is negligible, or two poles close enough that a rotation
 *      zeroing one z_j changes the matrix negligibly, give eigenpairs directly;
 *   2. the remaining k poles: roots of the secular equation and Loewner eigenvectors S
 *      (secular_eq.c);
 *   3. the eigenvectors diag(Q1, Q2) S by GEMM. The columns of Q are grouped into those
 *      living in the top rows only, those mixed by a deflating rotation, and those in the
 *      bottom rows only, so that two GEMMs skip the zero blocks (half the flops of one).
 *
 * Deflation uses LAPACK's tolerance, 8 eps ||T|| (T scaled to norm 1 first), so the
 * result is backward stable with orthogonality O(n eps). */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "linalg/gemm.h"
#include "linalg/spectral.h"

/* Blocks of at most this size are solved by QL (LAPACK's SMLSIZ). */
#define DC_LEAF 25

typedef struct pole {
  double value;
  int64_t col;
} pole;

static int by_pole(const void *x, const void *y) {
  const pole *a = x, *b = y;
  return (a->value > b->value) - (a->value < b->value);
}

/* Workspace of one solve, sized for the whole matrix and reused by every merge. */
typedef struct dc {
  double *q;
  int64_t ld;
  double *d, *e;
  double *qg, *s;                 /* n x n: gathered columns, secular eigenvectors */
  double *z, *dv, *zv, *lam, *zhat, *dfval; /* n each */
  int64_t *ndcol, *dfcol, *pos, *type;
  pole *sorted;
} dc;

enum { TOP, MIXED, BOTTOM };

/* Columns a and b of the n-row block at q: (a, b) := (c a - s b, s a + c b). */
static void rotate_columns(double *q, int64_t ld, int64_t n, int64_t a, int64_t b, double c,
                           double s) {
  double *x = q + a * ld, *y = q + b * ld;
  for (int64_t i = 0; i < n; i++) {
    double xi = x[i], yi = y[i];
    x[i] = c * xi - s * yi;
    y[i] = s * xi + c * yi;
  }
}

/* D + rho z z^T for the block of size n at off, cut after m, both halves solved. */
static numc_status merge(dc *w, int64_t off, int64_t n, int64_t m, double b) {
  int64_t ld = w->ld;
  double *q = w->q + off + off * ld, *d = w->d + off;
  double rho = 2 * fabs(b), sign = b < 0 ? -1 : 1;
  /* |z| = 1: the two rows are unit vectors, hence the 1/sqrt(2) and rho = 2 |b|. */
  double dmax = 0;
  for (int64_t j = 0; j < n; j++) {
    w->z[j] = (j < m ? q[m - 1 + j * ld] : sign * q[m + j * ld]) / sqrt(2.0);
    w->type[j] = j < m ? TOP : BOTTOM;
    w->sorted[j] = (pole){d[j], j};
    if (fabs(d[j]) > dmax) dmax = fabs(d[j]);
  }
  qsort(w->sorted, (size_t)n, sizeof *w->sorted, by_pole);
  double tol = 8 * DBL_EPSILON * fmax(dmax, rho);

  /* Deflation, in ascending order of the poles; p is the last pole kept so far. */
  int64_t k = 0, nd = 0, p = -1;
  double pd = 0, pz = 0;
  for (int64_t t = 0; t < n; t++) {
    int64_t j = w->sorted[t].col;
    double dj = d[j], zj = w->z[j];
    if (rho * fabs(zj) <= tol) {
      w->dfval[nd] = dj, w->dfcol[nd++] = j;
      continue;
    }
    if (p >= 0) {
      double r = hypot(pz, zj), c = zj / r, s = pz / r;
      if (fabs((dj - pd) * c * s) <= tol) {
        /* Rotate z_p into z_j: column p becomes an eigenvector. */
        rotate_columns(q, ld, n, p, j, c, s);
        if (w->type[p] != w->type[j]) w->type[p] = w->type[j] = MIXED;
        w->dfval[nd] = pd * c * c + dj * s * s, w->dfcol[nd++] = p;
        pd = pd * s * s + dj * c * c, pz = r, p = j;
        continue;
      }
      w->dv[k] = pd, w->zv[k] = pz, w->ndcol[k++] = p;
    }
    p = j, pd = dj, pz = zj;
  }
  if (p >= 0) w->dv[k] = pd, w->zv[k] = pz, w->ndcol[k++] = p;

  /* Gather the kept columns grouped by type (pos[t]: the place of pole t), then the
   * deflated ones after them. */
  int64_t count[3] = {0, 0, 0}, start[3];
  for (int64_t t = 0; t < k; t++) count[w->type[w->ndcol[t]]]++;
  start[TOP] = 0, start[MIXED] = count[TOP], start[BOTTOM] = count[TOP] + count[MIXED];
  for (int64_t t = 0; t < k; t++) w->pos[t] = start[w->type[w->ndcol[t]]]++;
  for (int64_t t = 0; t < k; t++) memcpy(w->qg + w->pos[t] * n, q + w->ndcol[t] * ld, (size_t)n * sizeof(double));
  for (int64_t u = 0; u < nd; u++) memcpy(w->qg + (k + u) * n, q + w->dfcol[u] * ld, (size_t)n * sizeof(double));

  numc_status st = NUMC_OK;
  if (k > 0) {
    numc__secular_solve(k, w->dv, w->zv, rho, w->pos, w->lam, w->s, w->zhat);
    int64_t top = count[TOP] + count[MIXED], bottom = count[MIXED] + count[BOTTOM];
    /* Rows 0..m-1 see the TOP and MIXED columns, rows m..n-1 the MIXED and BOTTOM ones. */
    for (int64_t j = 0; j < k; j++) memset(q + j * ld, 0, (size_t)n * sizeof(double));
    if (top > 0) st = numc__dgemm(m, k, top, 1, w->qg, 1, n, w->s, 1, k, 0, q, 1, ld);
    if (st == NUMC_OK && bottom > 0)
      st = numc__dgemm(n - m, k, bottom, 1, w->qg + m + count[TOP] * n, 1, n, w->s + count[TOP],
                       1, k, 0, q + m, 1, ld);
  }
  for (int64_t u = 0; u < nd; u++) memcpy(q + (k + u) * ld, w->qg + (k + u) * n, (size_t)n * sizeof(double));
  memcpy(d, w->lam, (size_t)k * sizeof(double));
  memcpy(d + k, w->dfval, (size_t)nd * sizeof(double));
  return st;
}

static numc_status solve(dc *w, int64_t off, int64_t n) {
  double *q = w->q + off + off * w->ld;
  if (n <= DC_LEAF) {
    for (int64_t j = 0; j < n; j++) q[j + j * w->ld] = 1;
    numc__rotbuf rot;
    numc_status st = numc__rotbuf_init(&rot, q, w->ld, n, n);
    /* QL writes e[n-1]: the cut to the next block, which its parent has read already. */
    if (st == NUMC_OK && !numc__tridiag_ql(n, w->d + off, w->e + off, &rot)) st = NUMC_ELINALG;
    numc__rotbuf_free(&rot);
    return st;
  }
  int64_t m = n / 2;
  double b = w->e[off + m - 1];
  w->d[off + m - 1] -= fabs(b);
  w->d[off + m] -= fabs(b);
  numc_status st = solve(w, off, m);
  if (st == NUMC_OK) st = solve(w, off + m, n - m);
  if (st == NUMC_OK) st = merge(w, off, n, m, b);
  return st;
}

numc_status numc__tridiag_dc(int64_t n, double *d, const double *e, double *q, int64_t ldq) {
  for (int64_t j = 0; j < n; j++) memset(q + j * ldq, 0, (size_t)n * sizeof(double));
  if (n == 0) return NUMC_OK;
  double scale = 0;
  for (int64_t i = 0; i < n; i++) scale = fmax(scale, fabs(d[i]));
  for (int64_t i = 0; i + 1 < n; i++) scale = fmax(scale, fabs(e[i]));
  if (scale == 0) {
    for (int64_t j = 0; j < n; j++) q[j + j * ldq] = 1;
    return NUMC_OK;
  }
  size_t nn = (size_t)n;
  char *buf = numc__alloc(nn * nn * 2 * sizeof(double) + nn * 7 * sizeof(double) +
                              nn * 4 * sizeof(int64_t) + nn * sizeof(pole),
                          false);
  if (!buf) return NUMC_ENOMEM;
  dc w = {.q = q, .ld = ldq, .d = d};
  double *f = (double *)buf;
  w.qg = f, f += nn * nn;
  w.s = f, f += nn * nn;
  w.e = f, f += nn;
  w.z = f, f += nn;
  w.dv = f, f += nn;
  w.zv = f, f += nn;
  w.lam = f, f += nn;
  w.zhat = f, f += nn;
  w.dfval = f, f += nn;
  int64_t *ix = (int64_t *)f;
  w.ndcol = ix, ix += nn;
  w.dfcol = ix, ix += nn;
  w.pos = ix, ix += nn;
  w.type = ix, ix += nn;
  w.sorted = (pole *)ix;
  for (int64_t i = 0; i < n; i++) d[i] /= scale;
  for (int64_t i = 0; i + 1 < n; i++) w.e[i] = e[i] / scale;
  w.e[n - 1] = 0;
  numc_status st = solve(&w, 0, n);
  for (int64_t i = 0; i < n; i++) d[i] *= scale;
  numc__dealloc(buf);
  return st;
}
