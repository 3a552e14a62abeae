/* Blocked Householder bidiagonalisation (the plan of LAPACK's zgebrd + zlabrd, m >= n),
 * written over the scalar type T; householder.c includes it after householder_tmpl.h
 * (whose larfg and unblocked FN(gebrd_unblocked) it uses), once per type.
 *
 * The unblocked reduction streams the trailing matrix through memory about four times
 * per column (two matrix-vector products and two rank-1 updates). Here a panel of
 * GEBRD_NB rows and columns is reduced with the trailing update deferred, as
 * A - V Y^H - X U^H: V holds the panel's left reflectors (below the diagonal), U^H its
 * right ones (right of the superdiagonal), and each new reflector's products with the
 * trailing matrix are corrected by the panel's earlier ones through the small matrices X
 * and Y. That leaves two matrix-vector products per column, and the trailing matrix takes
 * the whole panel at once by two GEMMs. The small trailing matrix at the end goes to the
 * unblocked loop.
 *
 * During a panel the rows of A hold the conjugated right reflectors, as zlabrd keeps
 * them (what the second GEMM needs); afterwards they are conjugated back to the
 * convention of the unblocked loop, which stores u itself (spectral.h). */

#define FN(name) NUMC__CAT(name, SFX)
#define GEBRD_NB 32
/* Trailing matrices with at most this many columns are reduced unblocked. */
#define GEBRD_UNBLOCKED 128
/* Matrix-vector products of at least this many elements run on the pool's threads: about
 * 0.1 ms of streaming, against 10-20 us for a fork-join. */
#define GEMV_PARALLEL_ELEMS (1 << 17)

/* y := alpha A x + beta y, A m x n (leading dimension lda); x, y with strides. beta == 0:
 * y is write-only. Four columns at a time, so that y is read and written once per four
 * columns of A. */
static void FN(gemv_n_serial)(int64_t m, int64_t n, T alpha, const T *a, int64_t lda,
                              const T *x, int64_t incx, T beta, T *y, int64_t incy) {
  for (int64_t i = 0; i < m; i++) y[i * incy] = beta == 0 ? 0 : beta * y[i * incy];
  int64_t j = 0;
  for (; j + 4 <= n; j += 4) {
    T f0 = alpha * x[j * incx], f1 = alpha * x[(j + 1) * incx];
    T f2 = alpha * x[(j + 2) * incx], f3 = alpha * x[(j + 3) * incx];
    const T *a0 = a + j * lda, *a1 = a0 + lda, *a2 = a1 + lda, *a3 = a2 + lda;
    for (int64_t i = 0; i < m; i++)
      y[i * incy] += (a0[i] * f0 + a1[i] * f1) + (a2[i] * f2 + a3[i] * f3);
  }
  for (; j < n; j++) {
    T f = alpha * x[j * incx];
    const T *aj = a + j * lda;
    for (int64_t i = 0; i < m; i++) y[i * incy] += aj[i] * f;
  }
}

/* y := alpha A^H x + beta y, A m x n: y has n entries, x m. Four columns at a time, each
 * with two partial sums: the dot products' additions are a latency chain otherwise. */
static void FN(gemv_c_serial)(int64_t m, int64_t n, T alpha, const T *a, int64_t lda,
                              const T *x, int64_t incx, T beta, T *y, int64_t incy) {
  int64_t j = 0;
  for (; j + 4 <= n; j += 4) {
    const T *a0 = a + j * lda, *a1 = a0 + lda, *a2 = a1 + lda, *a3 = a2 + lda;
    T s[8] = {0};
    int64_t i = 0;
    for (; i + 2 <= m; i += 2) {
      T x0 = x[i * incx], x1 = x[(i + 1) * incx];
      s[0] += CONJ(a0[i]) * x0, s[1] += CONJ(a0[i + 1]) * x1;
      s[2] += CONJ(a1[i]) * x0, s[3] += CONJ(a1[i + 1]) * x1;
      s[4] += CONJ(a2[i]) * x0, s[5] += CONJ(a2[i + 1]) * x1;
      s[6] += CONJ(a3[i]) * x0, s[7] += CONJ(a3[i + 1]) * x1;
    }
    if (i < m) {
      T xi = x[i * incx];
      s[0] += CONJ(a0[i]) * xi, s[2] += CONJ(a1[i]) * xi;
      s[4] += CONJ(a2[i]) * xi, s[6] += CONJ(a3[i]) * xi;
    }
    for (int q = 0; q < 4; q++) {
      T *yq = &y[(j + q) * incy];
      *yq = (beta == 0 ? 0 : beta * *yq) + alpha * (s[2 * q] + s[2 * q + 1]);
    }
  }
  for (; j < n; j++) {
    const T *aj = a + j * lda;
    T s = 0;
    for (int64_t i = 0; i < m; i++) s += CONJ(aj[i]) * x[i * incx];
    y[j * incy] = (beta == 0 ? 0 : beta * y[j * incy]) + alpha * s;
  }
}

/* The two products per column that stream the trailing matrix run on the pool's threads
 * when large: by rows of y for A x, by columns of A for A^H x. */
typedef struct {
  int64_t m, n;
  T alpha, beta;
  const T *a, *x;
  int64_t lda, incx, incy;
  T *y;
} FN(gemv_job);

static void FN(gemv_n_rows)(void *ctx, int64_t begin, int64_t end, int thread) {
  (void)thread;
  const FN(gemv_job) *g = ctx;
  FN(gemv_n_serial)(end - begin, g->n, g->alpha, g->a + begin, g->lda, g->x, g->incx, g->beta,
                    g->y + begin * g->incy, g->incy);
}

static void FN(gemv_c_cols)(void *ctx, int64_t begin, int64_t end, int thread) {
  (void)thread;
  const FN(gemv_job) *g = ctx;
  FN(gemv_c_serial)(g->m, end - begin, g->alpha, g->a + begin * g->lda, g->lda, g->x, g->incx,
                    g->beta, g->y + begin * g->incy, g->incy);
}

static void FN(gemv_n)(int64_t m, int64_t n, T alpha, const T *a, int64_t lda, const T *x,
                       int64_t incx, T beta, T *y, int64_t incy) {
  FN(gemv_job) g = {m, n, alpha, beta, a, x, lda, incx, incy, y};
  if ((double)m * (double)n < GEMV_PARALLEL_ELEMS)
    FN(gemv_n_rows)(&g, 0, m, 0);
  else
    numc__parallel_for(m, 64, FN(gemv_n_rows), &g);
}

static void FN(gemv_c)(int64_t m, int64_t n, T alpha, const T *a, int64_t lda, const T *x,
                       int64_t incx, T beta, T *y, int64_t incy) {
  FN(gemv_job) g = {m, n, alpha, beta, a, x, lda, incx, incy, y};
  if ((double)m * (double)n < GEMV_PARALLEL_ELEMS)
    FN(gemv_c_cols)(&g, 0, n, 0);
  else
    numc__parallel_for(n, 16, FN(gemv_c_cols), &g);
}

/* x := conj(x) (zlacgv; nothing for real T). */
static void FN(conj_vec)(int64_t n, T *x, int64_t incx) {
  for (int64_t i = 0; i < n; i++) x[i * incx] = CONJ(x[i * incx]);
}

/* zlabrd, m >= n > nb: reduce the first nb rows and columns of the m x n a, leaving in x
 * (m x nb, leading dimension m) and y (n x nb, leading dimension n) the matrices of the
 * deferred update A - V Y^H - X U^H of the trailing (m - nb) x (n - nb) part. The entries
 * A(i, i) and A(i, i + 1) of the panel are left at 1 (V's and U's unit entries). */
static void FN(gebrd_panel)(int64_t m, int64_t n, int64_t nb, T *a, int64_t lda, double *d,
                            double *e, T *tauq, T *taup, T *x, T *y) {
#define A_(i, j) (a + (i) + (j) * lda)
#define X_(i, j) (x + (i) + (j) * m)
#define Y_(i, j) (y + (i) + (j) * n)
  for (int64_t i = 0; i < nb; i++) {
    /* Column i: A(i:m, i) -= A(i:m, 0:i) Y(i, 0:i)^H + X(i:m, 0:i) A(0:i, i). */
    FN(conj_vec)(i, Y_(i, 0), n);
    FN(gemv_n)(m - i, i, -1, A_(i, 0), lda, Y_(i, 0), n, 1, A_(i, i), 1);
    FN(conj_vec)(i, Y_(i, 0), n);
    FN(gemv_n)(m - i, i, -1, X_(i, 0), m, A_(0, i), 1, 1, A_(i, i), 1);
    T alpha = *A_(i, i);
    tauq[i] = FN(larfg)(m - i, &alpha, A_(i + 1, i), 1);
    d[i] = creal(alpha);
    *A_(i, i) = 1;
    /* Y(i+1:n, i) = tauq (A^H v - Y (A(i:m, 0:i)^H v) - A(0:i, i+1:n)^H (X^H v)). */
    FN(gemv_c)(m - i, n - i - 1, 1, A_(i, i + 1), lda, A_(i, i), 1, 0, Y_(i + 1, i), 1);
    FN(gemv_c)(m - i, i, 1, A_(i, 0), lda, A_(i, i), 1, 0, Y_(0, i), 1);
    FN(gemv_n)(n - i - 1, i, -1, Y_(i + 1, 0), n, Y_(0, i), 1, 1, Y_(i + 1, i), 1);
    FN(gemv_c)(m - i, i, 1, X_(i, 0), m, A_(i, i), 1, 0, Y_(0, i), 1);
    FN(gemv_c)(i, n - i - 1, -1, A_(0, i + 1), lda, Y_(0, i), 1, 1, Y_(i + 1, i), 1);
    for (int64_t k = i + 1; k < n; k++) *Y_(k, i) *= tauq[i];
    /* Row i, conjugated: A(i, i+1:n) -= Y(i+1:n, 0:i+1) A(i, 0:i+1)^H + X(i, 0:i) U. */
    FN(conj_vec)(n - i - 1, A_(i, i + 1), lda);
    FN(conj_vec)(i + 1, A_(i, 0), lda);
    FN(gemv_n)(n - i - 1, i + 1, -1, Y_(i + 1, 0), n, A_(i, 0), lda, 1, A_(i, i + 1), lda);
    FN(conj_vec)(i + 1, A_(i, 0), lda);
    FN(conj_vec)(i, X_(i, 0), m);
    FN(gemv_c)(i, n - i - 1, -1, A_(0, i + 1), lda, X_(i, 0), m, 1, A_(i, i + 1), lda);
    FN(conj_vec)(i, X_(i, 0), m);
    alpha = *A_(i, i + 1);
    taup[i] = FN(larfg)(n - i - 1, &alpha, A_(i, i + 2), lda);
    e[i] = creal(alpha);
    *A_(i, i + 1) = 1;
    /* X(i+1:m, i) = taup (A u - A(i+1:m, 0:i+1) (Y^H u) - X (U u)). */
    FN(gemv_n)(m - i - 1, n - i - 1, 1, A_(i + 1, i + 1), lda, A_(i, i + 1), lda, 0,
               X_(i + 1, i), 1);
    FN(gemv_c)(n - i - 1, i + 1, 1, Y_(i + 1, 0), n, A_(i, i + 1), lda, 0, X_(0, i), 1);
    FN(gemv_n)(m - i - 1, i + 1, -1, A_(i + 1, 0), lda, X_(0, i), 1, 1, X_(i + 1, i), 1);
    FN(gemv_n)(i, n - i - 1, 1, A_(0, i + 1), lda, A_(i, i + 1), lda, 0, X_(0, i), 1);
    FN(gemv_n)(m - i - 1, i, -1, X_(i + 1, 0), m, X_(0, i), 1, 1, X_(i + 1, i), 1);
    for (int64_t k = i + 1; k < m; k++) *X_(k, i) *= taup[i];
    FN(conj_vec)(n - i - 1, A_(i, i + 1), lda);
  }
#undef A_
#undef X_
#undef Y_
}

numc_status FN(numc__gebrd)(int64_t m, int64_t n, T *a, int64_t lda, double *d, double *e,
                            T *tauq, T *taup) {
  if (n <= GEBRD_UNBLOCKED) {
    FN(gebrd_unblocked)(m, n, a, lda, d, e, tauq, taup);
    return NUMC_OK;
  }
  const int64_t nb = GEBRD_NB;
  /* X (m x nb), Y (n x nb) and Y^H (nb x n). */
  T *x = numc__alloc((size_t)((m + 2 * n) * nb) * sizeof(T), false);
  if (!x) return NUMC_ENOMEM;
  T *y = x + m * nb, *yh = y + n * nb;
  numc_status st = NUMC_OK;
  int64_t j0 = 0;
  for (; n - j0 > GEBRD_UNBLOCKED && st == NUMC_OK; j0 += nb) {
    int64_t mr = m - j0, nr = n - j0;
    T *aj = a + j0 + j0 * lda;
    FN(gebrd_panel)(mr, nr, nb, aj, lda, d + j0, e + j0, tauq + j0, taup + j0, x, y);
    for (int64_t c = 0; c < nb; c++)
      for (int64_t row = nb; row < nr; row++) yh[c + row * nb] = CONJ(y[row + c * nr]);
    /* A22 -= V Y^H + X U^H (U^H: the panel's rows, still conjugated). */
    T *a22 = aj + nb + nb * lda;
    st = GEMM(mr - nb, nr - nb, nb, -1, aj + nb, 1, lda, yh + nb * nb, 1, nb, 1, a22, 1, lda);
    if (st == NUMC_OK)
      st = GEMM(mr - nb, nr - nb, nb, -1, x + nb, 1, mr, aj + nb * lda, 1, lda, 1, a22, 1, lda);
    for (int64_t i = 0; i < nb; i++) {
      *(aj + i + i * lda) = d[j0 + i];
      *(aj + i + (i + 1) * lda) = e[j0 + i];
      FN(conj_vec)(nr - i - 2, aj + i + (i + 2) * lda, lda);
    }
  }
  if (st == NUMC_OK)
    FN(gebrd_unblocked)(m - j0, n - j0, a + j0 + j0 * lda, lda, d + j0, e + j0, tauq + j0,
                        taup + j0);
  numc__dealloc(x);
  return st;
}

#undef FN
#undef GEBRD_NB
#undef GEBRD_UNBLOCKED
#undef GEMV_PARALLEL_ELEMS
