/* numpy.linalg.lstsq, pinv and matrix_rank: everything that needs the singular value
 * decomposition (numc_linalg_svd), written as NumPy writes them.
 *
 * lstsq gives LAPACK gelsd's answer by its definition rather than its algorithm: with
 * a = U S V^H, singular values s_i <= rcond * s_max count as zero, and
 * x = V S^+ U^H b is the minimum-norm least-squares solution (Golub & Van Loan, Matrix
 * Computations 4th ed., section 5.5.4). Like NumPy, it computes in float64/complex128
 * whatever the input precision, and returns residuals only for full rank N with M > N. */
#include "linalg/dense.h"

/* swapaxes(x, -1, -2).conj(): the conjugate transpose of each matrix. */
static numc_status adjoint(const numc_array *x, numc_array **out) {
  numc_array *t = NULL;
  NUMC__TRY(numc_swapaxes(x, -1, -2, &t));
  numc_status s = numc_conjugate(t, out);
  numc_free(t);
  return s;
}

/* s > cutoff, cutoff = rel * max(s) per stack (rel a scalar or broadcasting array). */
static numc_status large_values(const numc_array *sv, const numc_array *rel, numc_array **out) {
  numc__temps t = {0};
  numc_status s;
  numc_array *smax, *cut;
  NUMC__LA_TEMP(&t, smax, numc_max(sv, NUMC_AXES(-1), true, &res_));
  NUMC__LA_TEMP(&t, cut, numc_multiply(rel, smax, &res_));
  s = numc_greater(sv, cut, out);
done:
  numc__temps_free(&t);
  return s;
}

/* where(large, 1 / s, 0). */
static numc_status pseudo_inverse_values(const numc_array *sv, const numc_array *large,
                                         numc_array **out) {
  numc__temps t = {0};
  numc_status s;
  numc_array *one, *zero, *inv;
  NUMC__LA_TEMP(&t, one, numc_scalar_array(numc_float(1), &res_));
  NUMC__LA_TEMP(&t, zero, numc_scalar_array(numc_float(0), &res_));
  NUMC__LA_TEMP(&t, inv, numc_divide(one, sv, &res_));
  s = numc_where(large, inv, zero, out);
done:
  numc__temps_free(&t);
  return s;
}

numc_status numc_linalg_matrix_rank(const numc_array *a, double tol, bool hermitian,
                                    numc_array **out) {
  if (!a || !out) return numc__fail(NUMC_EINVAL, "matrix_rank: NULL argument");
  numc__temps t = {0};
  numc_status s;
  numc_array *z, *nz, *sv, *rel, *large;
  if (a->ndim < 2) { /* int(not all(A == 0)) */
    NUMC__LA_TEMP(&t, z, numc_scalar_array(numc_int(0), &res_));
    NUMC__LA_TEMP(&t, nz, numc_not_equal(a, z, &res_));
    NUMC__LA_TEMP(&t, nz, numc_count_nonzero(nz, NULL, false, &res_));
    NUMC__LA_TEMP(&t, z, numc_scalar_array(numc_int(0), &res_));
    NUMC__LA_TEMP(&t, nz, numc_greater(nz, z, &res_));
    s = numc_astype(nz, NUMC_INT64, out);
    goto done;
  }
  NUMC__LA_TEMP(&t, sv, numc_linalg_svd(a, false, false, hermitian, NULL, &res_, NULL));
  if (tol < 0) {
    /* NumPy 2: tol = S.max() * max(M, N) * eps of S's dtype. */
    double eps = sv->dtype == NUMC_FLOAT32 ? FLT_EPSILON : DBL_EPSILON;
    int64_t mn = a->shape[a->ndim - 1] > a->shape[a->ndim - 2] ? a->shape[a->ndim - 1]
                                                                : a->shape[a->ndim - 2];
    NUMC__LA_TEMP(&t, rel, numc_scalar_array(numc_float((double)mn * eps), &res_));
    NUMC__LA_TEMP(&t, large, large_values(sv, rel, &res_));
  } else {
    NUMC__LA_TEMP(&t, rel, numc_scalar_array(numc_float(tol), &res_));
    NUMC__LA_TEMP(&t, large, numc_greater(sv, rel, &res_));
  }
  s = numc_count_nonzero(large, NUMC_AXES(-1), false, out);
done:
  numc__temps_free(&t);
  return s;
}

numc_status numc_linalg_pinv(const numc_array *a, double rcond, bool hermitian,
                             numc_array **out) {
  if (!a || !out) return numc__fail(NUMC_EINVAL, "pinv: NULL argument");
  numc__temps t = {0};
  numc_status s;
  numc_array *ac, *u, *sv, *vh, *rel, *large, *sinv, *col, *ut, *scaled, *v;
  NUMC__TRY(numc__la_check_2d(a));
  int64_t m = a->shape[a->ndim - 2], n = a->shape[a->ndim - 1];
  if (m * n == 0) { /* NumPy: an empty (..., N, M) result of a's own dtype */
    int64_t shape[NUMC_MAXDIMS];
    memcpy(shape, a->shape, sizeof(int64_t) * (size_t)a->ndim);
    shape[a->ndim - 2] = n;
    shape[a->ndim - 1] = m;
    return numc__new(a->dtype, a->ndim, shape, NUMC_ORDER_C, true, out);
  }
  /* a.conj() = U S V^H, so pinv(a) = V^T S^+ U^T (NumPy's transpose without conj). */
  NUMC__LA_TEMP(&t, ac, numc_conjugate(a, &res_));
  numc_array *uo = NULL, *so = NULL, *vo = NULL;
  s = numc_linalg_svd(ac, false, true, hermitian, &uo, &so, &vo);
  if (s != NUMC_OK) goto done;
  t.a[t.n++] = u = uo;
  t.a[t.n++] = sv = so;
  t.a[t.n++] = vh = vo;
  NUMC__LA_TEMP(&t, rel, numc_scalar_array(numc_float(rcond), &res_));
  NUMC__LA_TEMP(&t, large, large_values(sv, rel, &res_));
  NUMC__LA_TEMP(&t, sinv, pseudo_inverse_values(sv, large, &res_));
  NUMC__LA_TEMP(&t, col, numc_expand_dims(sinv, NUMC_AXES(-1), &res_));
  NUMC__LA_TEMP(&t, ut, numc_swapaxes(u, -1, -2, &res_));
  NUMC__LA_TEMP(&t, scaled, numc_multiply(col, ut, &res_));
  NUMC__LA_TEMP(&t, v, numc_swapaxes(vh, -1, -2, &res_));
  s = numc_matmul(v, scaled, out);
done:
  numc__temps_free(&t);
  return s;
}

/* Residuals: sum over rows of |b - a x|^2, in the real result dtype. */
static numc_status residuals(const numc_array *a, const numc_array *b, const numc_array *x,
                             numc_dtype real, numc_array **out) {
  numc__temps t = {0};
  numc_status s;
  numc_array *ax, *r, *r2, *sum;
  NUMC__LA_TEMP(&t, ax, numc_matmul(a, x, &res_));
  NUMC__LA_TEMP(&t, r, numc_subtract(b, ax, &res_));
  NUMC__LA_TEMP(&t, r2, numc__la_abs_squared(r, &res_));
  NUMC__LA_TEMP(&t, sum, numc_sum(r2, NUMC_AXES(-2), false, &res_));
  s = numc_astype(sum, real, out);
done:
  numc__temps_free(&t);
  return s;
}

numc_status numc_linalg_lstsq(const numc_array *a, const numc_array *b, double rcond,
                              numc_array **x, numc_array **resid, numc_array **rank,
                              numc_array **sing) {
  if (!a || !b || !x || !resid || !rank || !sing)
    return numc__fail(NUMC_EINVAL, "lstsq: NULL argument");
  const numc_array *bad = a->ndim != 2 ? a : b->ndim != 1 && b->ndim != 2 ? b : NULL;
  if (bad)
    return numc__fail(NUMC_ELINALG,
                      "%d-dimensional array given. Array must be two-dimensional", bad->ndim);
  int64_t m = a->shape[0], n = a->shape[1], k = b->ndim == 1 ? 1 : b->shape[1];
  if (b->shape[0] != m) return numc__fail(NUMC_ELINALG, "Incompatible dimensions");
  numc_dtype result;
  NUMC__TRY(numc__la_result_dtype(a->dtype, b->dtype, &result));
  numc_dtype work = numc__la_work_dtype(result), real = numc__real_dtype(result);
  if (rcond < 0) rcond = DBL_EPSILON * (double)(m > n ? m : n);
  numc__temps t = {0};
  numc_status s;
  numc_array *aw, *bw, *u, *sv, *vh, *rel, *large, *cnt, *sinv, *uh, *ub, *col, *y, *v, *xw;
  numc_array *xo = NULL, *ro = NULL, *rk = NULL, *so = NULL;
  NUMC__LA_TEMP(&t, aw, numc_astype(a, work, &res_));
  NUMC__LA_TEMP(&t, bw, numc_reshape(b, (int64_t[]){m, k}, 2, NUMC_ORDER_C, &res_));
  NUMC__LA_TEMP(&t, bw, numc_astype(bw, work, &res_));
  int64_t rank_value = 0;
  if (m == 0 || n == 0) { /* nothing to decompose: x = 0, no singular values */
    NUMC__LA_TEMP(&t, xw, numc_zeros((int64_t[]){n, k}, 2, work, NUMC_ORDER_C, &res_));
    NUMC__LA_TEMP(&t, sv, numc_zeros((int64_t[]){0}, 1, NUMC_FLOAT64, NUMC_ORDER_C, &res_));
  } else {
    numc_array *uo = NULL, *sO = NULL, *vo = NULL;
    s = numc_linalg_svd(aw, false, true, false, &uo, &sO, &vo);
    if (s != NUMC_OK) goto done;
    t.a[t.n++] = u = uo;
    t.a[t.n++] = sv = sO;
    t.a[t.n++] = vh = vo;
    NUMC__LA_TEMP(&t, rel, numc_scalar_array(numc_float(rcond), &res_));
    NUMC__LA_TEMP(&t, large, large_values(sv, rel, &res_));
    NUMC__LA_TEMP(&t, cnt, numc_count_nonzero(large, NULL, false, &res_));
    numc_scalar c;
    if ((s = numc_item(cnt, &c)) != NUMC_OK) goto done;
    rank_value = c.v.i;
    /* x = V diag(1/s) (U^H b), small singular values dropped. */
    NUMC__LA_TEMP(&t, sinv, pseudo_inverse_values(sv, large, &res_));
    NUMC__LA_TEMP(&t, uh, adjoint(u, &res_));
    NUMC__LA_TEMP(&t, ub, numc_matmul(uh, bw, &res_));
    NUMC__LA_TEMP(&t, col, numc_expand_dims(sinv, NUMC_AXES(-1), &res_));
    NUMC__LA_TEMP(&t, y, numc_multiply(col, ub, &res_));
    NUMC__LA_TEMP(&t, v, adjoint(vh, &res_));
    NUMC__LA_TEMP(&t, xw, numc_matmul(v, y, &res_));
  }
  if (rank_value == n && m > n) {
    s = residuals(aw, bw, xw, real, &ro);
  } else {
    s = numc_zeros((int64_t[]){0}, 1, real, NUMC_ORDER_C, &ro);
  }
  if (s == NUMC_OK) {
    numc_array *xr = NULL;
    s = numc_astype(xw, result, &xr);
    if (s == NUMC_OK) {
      s = b->ndim == 1 ? numc_reshape(xr, (int64_t[]){n}, 1, NUMC_ORDER_C, &xo)
                       : numc_copy(xr, NUMC_ORDER_C, &xo);
      numc_free(xr);
    }
  }
  if (s == NUMC_OK) s = numc_scalar_array(numc_scalar_of(NUMC_INT64, (double)rank_value), &rk);
  if (s == NUMC_OK) s = numc_astype(sv, real, &so);
  if (s != NUMC_OK) {
    numc_free(xo);
    numc_free(ro);
    numc_free(rk);
    numc_free(so);
    goto done;
  }
  *x = xo;
  *resid = ro;
  *rank = rk;
  *sing = so;
done:
  numc__temps_free(&t);
  return s;
}
