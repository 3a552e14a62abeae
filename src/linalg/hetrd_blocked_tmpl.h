/* Blocked Householder tridiagonalisation (the plan of LAPACK's zhetrd + zlatrd, lower),
 * written over the scalar type T; householder.c includes it after householder_tmpl.h
 * (whose larfg and unblocked FN(hetrd_unblocked) it uses), once per type.
 *
 * The unblocked reduction streams the trailing matrix through memory twice per column
 * (the product B v and the rank-2 update). Here a panel of HETRD_NB columns is reduced
 * with the trailing update deferred: column i of the panel first receives the updates
 * of the panel's earlier reflectors, and the product with the not yet updated trailing
 * matrix is corrected by them (B - V W^H - W V^H) v. The trailing matrix then takes the
 * whole panel at once, B -= [V W] [W V]^H, by GEMM. Only the lower triangle is kept up to
 * date (the product reads it once per column, half the traffic of a full one), and the
 * small trailing matrix at the end, mirrored to full, goes to the unblocked loop. */

#define FN(name) NUMC__CAT(name, SFX)
#define HETRD_NB 32
/* Trailing matrices at most this large are reduced unblocked. */
#define HETRD_UNBLOCKED 128
/* Column blocks of the lower-triangular rank-2nb update. */
#define HETRD_UPDATE_COLS 128

/* y = B v for the Hermitian m x m b of which only the lower triangle is read. The
 * includer may define SYMV_FAST(m, b, ldb, v, y), a kernel that returns false where it
 * cannot run (householder.c: the AVX-512 one, for real T). */
static void FN(lower_hemv)(int64_t m, const T *b, int64_t ldb, const T *v, T *y) {
#ifdef SYMV_FAST
  if (SYMV_FAST(m, b, ldb, v, y)) return;
#endif
  for (int64_t i = 0; i < m; i++) y[i] = 0;
  for (int64_t k = 0; k < m; k++) {
    const T *col = b + k * ldb;
    T vk = v[k], s = 0;
    for (int64_t i = k + 1; i < m; i++) {
      y[i] += col[i] * vk;
      s += CONJ(col[i]) * v[i];
    }
    y[k] += creal(col[k]) * vk + s;
  }
}

/* Reduce the first nb columns of the r x r trailing matrix a. vw (r x 2nb, leading
 * dimension r) receives V (unit lower trapezoidal, zeros above) and W in its two halves,
 * such that the trailing matrix after the panel is B - V W^H - W V^H. */
static void FN(hetrd_panel)(int64_t r, int64_t nb, T *a, int64_t lda, double *d, double *e,
                            T *tau, T *vw) {
  T *v = vw, *w = vw + nb * r;
  for (int64_t i = 0; i < nb; i++) {
    T *col = a + i * lda;
    /* Column i (rows i..r-1) += -V W[i, 0:i]^H - W V[i, 0:i]^H. */
    for (int64_t c = 0; c < i; c++) {
      T wi = CONJ(w[i + c * r]), vi = CONJ(v[i + c * r]);
      for (int64_t row = i; row < r; row++) col[row] -= v[row + c * r] * wi + w[row + c * r] * vi;
    }
    col[i] = creal(col[i]);
    d[i] = creal(col[i]);
    int64_t m = r - i - 1; /* length of the reflector */
    for (int64_t row = 0; row < r; row++) {
      v[row + i * r] = 0;
      w[row + i * r] = 0;
    }
    if (m == 0) {
      tau[i] = 0;
      continue;
    }
    T alpha = col[i + 1];
    T t = FN(larfg)(m, &alpha, col + i + 2, 1);
    e[i] = creal(alpha);
    tau[i] = t;
    T *vi = v + (i + 1) + i * r, *wi = w + (i + 1) + i * r;
    vi[0] = 1;
    for (int64_t row = 1; row < m; row++) vi[row] = col[i + 1 + row];
    col[i + 1] = e[i];
    /* w = t (B - V W^H - W V^H) v, then w -= (t/2)(w^H v) v. */
    FN(lower_hemv)(m, a + (i + 1) + (i + 1) * lda, lda, vi, wi);
    for (int64_t c = 0; c < i; c++) {
      const T *vc = v + (i + 1) + c * r, *wc = w + (i + 1) + c * r;
      T whv = 0, vhv = 0;
      for (int64_t row = 0; row < m; row++) {
        whv += CONJ(wc[row]) * vi[row];
        vhv += CONJ(vc[row]) * vi[row];
      }
      for (int64_t row = 0; row < m; row++) wi[row] -= vc[row] * whv + wc[row] * vhv;
    }
    T dot = 0;
    for (int64_t row = 0; row < m; row++) {
      wi[row] *= t;
      dot += CONJ(wi[row]) * vi[row];
    }
    T al = -0.5 * t * dot;
    for (int64_t row = 0; row < m; row++) wi[row] += al * vi[row];
  }
}

numc_status FN(numc__hetrd)(int64_t n, T *a, int64_t lda, double *d, double *e, T *tau) {
  if (n <= HETRD_UNBLOCKED) {
    FN(hetrd_unblocked)(n, a, lda, d, e, tau);
    return NUMC_OK;
  }
  const int64_t nb = HETRD_NB;
  /* [V W] (n x 2nb) and its adjoint swapped, [W V]^H (2nb x n). */
  T *vw = numc__alloc((size_t)(4 * nb * n) * sizeof(T), false);
  if (!vw) return NUMC_ENOMEM;
  T *wvh = vw + 2 * nb * n;
  numc_status st = NUMC_OK;
  int64_t j0 = 0;
  for (; n - j0 > HETRD_UNBLOCKED && st == NUMC_OK; j0 += nb) {
    int64_t r = n - j0;
    T *aj = a + j0 + j0 * lda;
    FN(hetrd_panel)(r, nb, aj, lda, d + j0, e + j0, tau + j0, vw);
    for (int64_t c = 0; c < nb; c++)
      for (int64_t row = 0; row < r; row++) {
        wvh[c + row * 2 * nb] = CONJ(vw[row + (nb + c) * r]);
        wvh[nb + c + row * 2 * nb] = CONJ(vw[row + c * r]);
      }
    /* Trailing (r - nb) x (r - nb) lower triangle -= [V W] [W V]^H, by column blocks
     * (each block from its diagonal down). */
    for (int64_t c0 = nb; c0 < r && st == NUMC_OK; c0 += HETRD_UPDATE_COLS) {
      int64_t cols = r - c0 < HETRD_UPDATE_COLS ? r - c0 : HETRD_UPDATE_COLS;
      st = GEMM(r - c0, cols, 2 * nb, -1, vw + c0, 1, r, wvh + c0 * 2 * nb, 1, 2 * nb, 1,
                aj + c0 + c0 * lda, 1, lda);
    }
  }
  if (st == NUMC_OK) {
    /* The unblocked loop wants the full Hermitian trailing matrix. */
    int64_t r = n - j0;
    T *aj = a + j0 + j0 * lda;
    for (int64_t c = 0; c < r; c++)
      for (int64_t row = c + 1; row < r; row++) aj[c + row * lda] = CONJ(aj[row + c * lda]);
    FN(hetrd_unblocked)(r, aj, lda, d + j0, e + j0, tau + j0);
  }
  numc__dealloc(vw);
  return st;
}

#undef FN
#undef HETRD_NB
#undef HETRD_UNBLOCKED
#undef HETRD_UPDATE_COLS
