/* Householder reductions and the blocked back-transform, written once over the scalar
 * type T; householder.c includes this file twice: T = double with suffix _d, and
 * T = numc__c128 with suffix _z (the names are spelled out in spectral.h).
 *
 * Reflectors are LAPACK's: H = I - tau v v^H with v[0] = 1 and H^H (alpha, x) =
 * (beta, 0) for a *real* beta (zlarfg), which is what makes the tridiagonal and
 * bidiagonal forms of complex matrices real. The reductions are the unblocked level-2
 * algorithms (Golub & Van Loan 4th ed. 8.3.1 tridiagonal, 5.4.8 bidiagonal, 7.4.3
 * Hessenberg), with every inner loop running down a column. */

#define FN(name) NUMC__CAT(name, SFX)

/* 2-norm of x[0..n-1] (stride incx), scaled against overflow as dnrm2. */
static double FN(norm2)(int64_t n, const T *x, int64_t incx) {
  double scale = 0, ssq = 1;
  for (int64_t i = 0; i < n; i++) {
    double parts[2] = {creal(x[i * incx]), cimag(x[i * incx])};
    for (int k = 0; k < 2; k++) {
      double v = fabs(parts[k]);
      if (v == 0) continue;
      if (scale < v) {
        ssq = 1 + ssq * (scale / v) * (scale / v);
        scale = v;
      } else {
        ssq += (v / scale) * (v / scale);
      }
    }
  }
  return scale * sqrt(ssq);
}

/* Generate the reflector for (alpha, x[0..n-2] with stride incx); returns tau, leaves
 * beta in *alpha and v[1..] in x (LAPACK zlarfg, with its rescaling of tiny beta). */
static T FN(larfg)(int64_t n, T *alpha, T *x, int64_t incx) {
  if (n <= 0) return 0;
  double xnorm = FN(norm2)(n - 1, x, incx);
  double ar = creal(*alpha), ai = cimag(*alpha);
  if (xnorm == 0 && ai == 0) return 0;
  double beta = -copysign(hypot(hypot(ar, ai), xnorm), ar);
  const double safmin = DBL_MIN / DBL_EPSILON;
  int knt = 0;
  while (fabs(beta) < safmin && knt < 20) { /* beta may be inaccurate: rescale x */
    knt++;
    for (int64_t i = 0; i < n - 1; i++) x[i * incx] *= 1 / safmin;
    beta /= safmin;
    ar /= safmin;
    ai /= safmin;
    xnorm = FN(norm2)(n - 1, x, incx);
    beta = -copysign(hypot(hypot(ar, ai), xnorm), ar);
  }
  T tau = TVAL((beta - ar) / beta, -ai / beta);
  T inv = 1 / (TVAL(ar, ai) - beta);
  for (int64_t i = 0; i < n - 1; i++) x[i * incx] *= inv;
  for (int k = 0; k < knt; k++) beta *= safmin;
  *alpha = beta;
  return tau;
}

/* C (m x nc) := C - t v (v^H C): a reflector (or its adjoint, t = conj(tau)) from the
 * left, one column at a time. */
static void FN(reflect_left)(int64_t m, int64_t nc, const T *v, T t, T *c, int64_t ldc) {
  for (int64_t j = 0; j < nc; j++) {
    T *cj = c + j * ldc, w = 0;
    for (int64_t i = 0; i < m; i++) w += CONJ(v[i]) * cj[i];
    w *= t;
    for (int64_t i = 0; i < m; i++) cj[i] -= w * v[i];
  }
}

/* C (m x nc) := C - t (C u) u^H, where u has stride incu: a reflector from the right.
 * y = C u is accumulated column by column into `y` (m entries). */
static void FN(reflect_right)(int64_t m, int64_t nc, const T *u, int64_t incu, T t, T *c,
                              int64_t ldc, T *y) {
  for (int64_t i = 0; i < m; i++) y[i] = 0;
  for (int64_t j = 0; j < nc; j++) {
    T uj = u[j * incu];
    const T *cj = c + j * ldc;
    for (int64_t i = 0; i < m; i++) y[i] += cj[i] * uj;
  }
  for (int64_t j = 0; j < nc; j++) {
    T f = t * CONJ(u[j * incu]);
    T *cj = c + j * ldc;
    for (int64_t i = 0; i < m; i++) cj[i] -= y[i] * f;
  }
}

/* The unblocked reduction (zhetd2), for small matrices and the end of the blocked one
 * (hetrd_blocked_tmpl.h). */
static void FN(hetrd_unblocked)(int64_t n, T *a, int64_t lda, double *d, double *e, T *tau) {
  /* The Hermitian trailing matrix is kept in full (both triangles), so that the
   * matrix-vector product and the rank-2 update both run down contiguous columns. */
  T *p = tau; /* tau[j..] doubles as the work vector p of step j (zhetd2 does the same) */
  for (int64_t j = 0; j + 1 < n; j++) {
    int64_t r = n - j - 1;
    T *v = a + (j + 1) + j * lda, *b = a + (j + 1) + (j + 1) * lda;
    T alpha = v[0];
    T t = FN(larfg)(r, &alpha, v + 1, 1);
    e[j] = creal(alpha);
    if (t != 0) {
      v[0] = 1;
      T *pj = p + j; /* r entries: pj[0..r-1] = tau[j..n-2] */
      for (int64_t i = 0; i < r; i++) pj[i] = 0;
      for (int64_t k = 0; k < r; k++) { /* p = t B v */
        T vk = v[k] * t;
        const T *bk = b + k * lda;
        for (int64_t i = 0; i < r; i++) pj[i] += bk[i] * vk;
      }
      T dot = 0; /* w = p - (t/2) (p^H v) v */
      for (int64_t i = 0; i < r; i++) dot += CONJ(pj[i]) * v[i];
      T al = -0.5 * t * dot;
      for (int64_t i = 0; i < r; i++) pj[i] += al * v[i];
      for (int64_t k = 0; k < r; k++) { /* B -= v w^H + w v^H */
        T wk = CONJ(pj[k]), vk = CONJ(v[k]);
        T *bk = b + k * lda;
        for (int64_t i = 0; i < r; i++) bk[i] -= v[i] * wk + pj[i] * vk;
      }
    }
    v[0] = e[j];
    tau[j] = t; /* written after p is no longer needed at index j */
    d[j] = creal(a[j + j * lda]);
  }
  if (n > 0) d[n - 1] = creal(a[(n - 1) + (n - 1) * lda]);
}

/* The unblocked bidiagonal reduction (zgebd2), for small matrices and the end of the
 * blocked one (gebrd_blocked_tmpl.h). */
static void FN(gebrd_unblocked)(int64_t m, int64_t n, T *a, int64_t lda, double *d, double *e,
                                T *tauq, T *taup) {
  T *y = taup + n; /* caller gives taup room for n + m entries */
  for (int64_t j = 0; j < n; j++) {
    T *ajj = a + j + j * lda;
    T alpha = *ajj;
    T tq = FN(larfg)(m - j, &alpha, ajj + 1, 1);
    d[j] = creal(alpha);
    tauq[j] = tq;
    if (j + 1 < n && tq != 0) {
      *ajj = 1;
      FN(reflect_left)(m - j, n - j - 1, ajj, CONJ(tq), ajj + lda, lda);
    }
    *ajj = d[j];
    if (j + 1 < n) {
      /* The row reflector works on the conjugated row (zgebd2's zlacgv), so that
       * A := A (I - tau u u^H) leaves (beta, 0, ...) in row j; u stays stored as is. */
      T *row = ajj + lda;
      for (int64_t k = 0; k < n - j - 1; k++) row[k * lda] = CONJ(row[k * lda]);
      alpha = row[0];
      T tp = FN(larfg)(n - j - 1, &alpha, row + lda, lda);
      e[j] = creal(alpha);
      taup[j] = tp;
      if (tp != 0) {
        row[0] = 1;
        FN(reflect_right)(m - j - 1, n - j - 1, row, lda, tp, row + 1, lda, y);
      }
      row[0] = e[j];
    } else {
      taup[j] = 0;
    }
  }
}

void FN(numc__gehrd)(int64_t n, T *a, int64_t lda, T *tau) {
  T *y = tau + n; /* caller gives tau room for 2 n entries */
  for (int64_t j = 0; j + 2 < n; j++) {
    T *v = a + (j + 1) + j * lda;
    T alpha = v[0];
    T t = FN(larfg)(n - j - 1, &alpha, v + 1, 1);
    tau[j] = t;
    if (t != 0) {
      v[0] = 1;
      FN(reflect_right)(n, n - j - 1, v, 1, t, a + (j + 1) * lda, lda, y);
      FN(reflect_left)(n - j - 1, n - j - 1, v, CONJ(t), a + (j + 1) + (j + 1) * lda, lda);
    }
    v[0] = alpha;
  }
  for (int64_t j = n > 2 ? n - 2 : 0; j < n; j++) tau[j] = 0;
}

/* Reflectors per block of the back-transform: large enough that the GEMMs dominate,
 * small enough that the triangular factor stays cheap (LAPACK's ilaenv default). */
#define WY_BLOCK 32

numc_status FN(numc__apply_reflectors)(int64_t m, int64_t nc, int64_t k, const T *v,
                                       int64_t ldv, const T *tau, T *c, int64_t ldc) {
  if (m <= 0 || nc <= 0 || k <= 0) return NUMC_OK;
  int64_t nb = k < WY_BLOCK ? k : WY_BLOCK;
  /* Explicit V (m x nb, unit diagonal, zeros above), its adjoint, T (nb x nb), and two
   * nb x nc products. */
  size_t need = (size_t)(2 * m * nb + nb * nb + 2 * nb * nc);
  T *vb = numc__alloc(need * sizeof(T), false);
  if (!vb) return NUMC_ENOMEM;
  T *vh = vb + m * nb, *tf = vh + m * nb, *w1 = tf + nb * nb, *w2 = w1 + nb * nc;
  numc_status st = NUMC_OK;
  /* C := H_0 ... H_{k-1} C applies the last block first; each block is
   * I - V T V^H with T upper triangular (zlarft, forward, columnwise). */
  for (int64_t j0 = ((k - 1) / nb) * nb; j0 >= 0 && st == NUMC_OK; j0 -= nb) {
    int64_t kb = k - j0 < nb ? k - j0 : nb, mr = m - j0;
    for (int64_t q = 0; q < kb; q++) {
      T *col = vb + q * mr;
      const T *src = v + j0 + (j0 + q) * ldv;
      for (int64_t i = 0; i < mr; i++) col[i] = i < q ? 0 : i == q ? 1 : src[i];
      for (int64_t i = 0; i < mr; i++) vh[q + i * kb] = CONJ(col[i]);
    }
    for (int64_t q = 0; q < kb; q++) { /* T(0:q, q) = -tau_q T(0:q, 0:q) V(:, 0:q)^H v_q */
      T tq = tau[j0 + q];
      for (int64_t p = 0; p < q; p++) {
        T s = 0;
        for (int64_t i = q; i < mr; i++) s += vh[p + i * kb] * vb[i + q * mr];
        w1[p] = -tq * s;
      }
      for (int64_t p = 0; p < q; p++) {
        T s = 0;
        for (int64_t r = p; r < q; r++) s += tf[p + r * kb] * w1[r];
        tf[p + q * kb] = s;
      }
      tf[q + q * kb] = tq;
      for (int64_t p = q + 1; p < kb; p++) tf[p + q * kb] = 0;
    }
    T *cs = c + j0;
    st = GEMM(kb, nc, mr, 1, vh, 1, kb, cs, 1, ldc, 0, w1, 1, kb); /* W = V^H C */
    if (st == NUMC_OK) st = GEMM(kb, nc, kb, 1, tf, 1, kb, w1, 1, kb, 0, w2, 1, kb); /* T W */
    if (st == NUMC_OK) st = GEMM(mr, nc, kb, -1, vb, 1, mr, w2, 1, kb, 1, cs, 1, ldc);
  }
  numc__dealloc(vb);
  return st;
}

#undef WY_BLOCK
#undef FN
