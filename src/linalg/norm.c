/* numpy.linalg.norm and numpy.linalg.cond, written as NumPy writes them
 * (numpy/linalg/linalg.py): compositions of ufuncs and reductions, so that dtypes, NaN
 * handling, keepdims and the order of summation (pairwise) are NumPy's. The orders that
 * need singular values (2, -2, nuc) take them from numc_linalg_svdvals. */
#include "linalg/dense.h"

static numc_status weak_scalar(double v, numc_array **out) {
  return numc_scalar_array(numc_float(v), out);
}

numc_status numc__la_abs_squared(const numc_array *x, numc_array **out) {
  if (!numc__is_complex(x->dtype)) return numc_multiply(x, x, out);
  numc__temps t = {0};
  numc_status s;
  numc_array *c, *p;
  NUMC__LA_TEMP(&t, c, numc_conjugate(x, &res_));
  NUMC__LA_TEMP(&t, p, numc_multiply(c, x, &res_));
  s = numc_real(p, out);
done:
  numc__temps_free(&t);
  return s;
}

/* sqrt(sum(|x|^2)) over `axes`: the vector 2-norm and the Frobenius norm. */
static numc_status sqrt_sum_squares(const numc_array *x, const numc_axes *axes, bool keepdims,
                                    numc_array **out) {
  numc__temps t = {0};
  numc_status s;
  numc_array *sq, *sum;
  NUMC__LA_TEMP(&t, sq, numc__la_abs_squared(x, &res_));
  NUMC__LA_TEMP(&t, sum, numc_sum(sq, axes, keepdims, &res_));
  s = numc_sqrt(sum, out);
done:
  numc__temps_free(&t);
  return s;
}

static numc_status vector_norm(const numc_array *x, numc_norm_kind kind, double ord,
                               const numc_axes *axis, bool keepdims, numc_array **out) {
  if (kind == NUMC_NORM_FRO || kind == NUMC_NORM_NUC)
    return numc__fail(NUMC_EVALUE, "Invalid norm order '%s' for vectors",
                      kind == NUMC_NORM_FRO ? "fro" : "nuc");
  if (kind == NUMC_NORM_NONE || ord == 2) return sqrt_sum_squares(x, axis, keepdims, out);
  numc__temps t = {0};
  numc_status s;
  numc_array *ax, *z, *nz, *nzf, *p, *sum, *inv;
  if (ord == 0) { /* (x != 0).astype(x.real.dtype).sum() */
    NUMC__LA_TEMP(&t, z, weak_scalar(0, &res_));
    NUMC__LA_TEMP(&t, nz, numc_not_equal(x, z, &res_));
    NUMC__LA_TEMP(&t, nzf, numc_astype(nz, numc__real_dtype(x->dtype), &res_));
    s = numc_sum(nzf, axis, keepdims, out);
    goto done;
  }
  NUMC__LA_TEMP(&t, ax, numc_absolute(x, &res_));
  if (isinf(ord)) {
    s = ord > 0 ? numc_max(ax, axis, keepdims, out) : numc_min(ax, axis, keepdims, out);
  } else if (ord == 1) {
    s = numc_sum(ax, axis, keepdims, out);
  } else {
    NUMC__LA_TEMP(&t, p, weak_scalar(ord, &res_));
    NUMC__LA_TEMP(&t, p, numc_power(ax, p, &res_));
    NUMC__LA_TEMP(&t, sum, numc_sum(p, axis, keepdims, &res_));
    NUMC__LA_TEMP(&t, inv, weak_scalar(1.0 / ord, &res_));
    s = numc_power(sum, inv, out);
  }
done:
  numc__temps_free(&t);
  return s;
}

/* Singular-value norms: the largest (ord 2), smallest (-2) or their sum (nuc), over the
 * matrices formed by axes (row, col) moved last. */
static numc_status svd_norm(const numc_array *x, int row, int col, numc_norm_kind kind,
                            double ord, numc_array **out) {
  numc__temps t = {0};
  numc_status s;
  numc_array *m, *sv;
  NUMC__LA_TEMP(&t, m, numc_moveaxis(x, NUMC_AXES(row, col), NUMC_AXES(-2, -1), &res_));
  NUMC__LA_TEMP(&t, sv, numc_linalg_svdvals(m, &res_));
  if (kind == NUMC_NORM_NUC) s = numc_sum(sv, NUMC_AXES(-1), false, out);
  else if (ord > 0) s = numc_max(sv, NUMC_AXES(-1), false, out);
  else s = numc_min(sv, NUMC_AXES(-1), false, out);
done:
  numc__temps_free(&t);
  return s;
}

static numc_status matrix_norm(const numc_array *x, numc_norm_kind kind, double ord, int row,
                               int col, bool keepdims, numc_array **out) {
  numc__temps t = {0};
  numc_status s;
  numc_array *ax, *sum, *r;
  if (row == col) return numc__fail(NUMC_EVALUE, "Duplicate axes given.");
  if (kind == NUMC_NORM_ORD && !(fabs(ord) == 1 || fabs(ord) == 2 || isinf(ord)))
    return numc__fail(NUMC_EVALUE, "Invalid norm order for matrices.");
  if (kind == NUMC_NORM_NUC || (kind == NUMC_NORM_ORD && fabs(ord) == 2)) {
    NUMC__LA_TEMP(&t, r, svd_norm(x, row, col, kind, ord, &res_));
  } else if (kind == NUMC_NORM_ORD) {
    /* 1: the largest column sum (sum over rows, then max over columns); inf: the largest
     * row sum. The second axis shifts down when the first one removed precedes it. */
    int first = isinf(ord) ? col : row, second = isinf(ord) ? row : col;
    if (second > first) second--;
    NUMC__LA_TEMP(&t, ax, numc_absolute(x, &res_));
    NUMC__LA_TEMP(&t, sum, numc_sum(ax, NUMC_AXES(first), false, &res_));
    if (ord > 0) NUMC__LA_TEMP(&t, r, numc_max(sum, NUMC_AXES(second), false, &res_));
    else NUMC__LA_TEMP(&t, r, numc_min(sum, NUMC_AXES(second), false, &res_));
  } else {
    NUMC__LA_TEMP(&t, r, sqrt_sum_squares(x, NUMC_AXES(row, col), false, &res_));
  }
  if (keepdims) {
    int64_t shape[NUMC_MAXDIMS];
    memcpy(shape, x->shape, sizeof(int64_t) * (size_t)x->ndim);
    shape[row] = shape[col] = 1;
    s = numc_reshape(r, shape, x->ndim, NUMC_ORDER_C, out);
  } else {
    s = numc_copy(r, NUMC_ORDER_K, out);
  }
done:
  numc__temps_free(&t);
  return s;
}

numc_status numc_linalg_norm(const numc_array *x, numc_norm_kind kind, double ord,
                             const numc_axes *axes, bool keepdims, numc_array **out) {
  if (!x || !out) return numc__fail(NUMC_EINVAL, "norm: NULL argument");
  if (kind != NUMC_NORM_ORD && kind != NUMC_NORM_NONE && kind != NUMC_NORM_FRO &&
      kind != NUMC_NORM_NUC)
    return numc__fail(NUMC_EINVAL, "norm: invalid norm kind %d", (int)kind);
  if (isnan(ord) && kind == NUMC_NORM_ORD)
    return numc__fail(NUMC_EVALUE, "Invalid norm order for matrices.");
  numc_status s = NUMC_OK;
  numc_array *xf = NULL;
  if (!numc__is_inexact(x->dtype)) { /* integers and bool: x.astype(float) */
    NUMC__TRY(numc_astype(x, NUMC_FLOAT64, &xf));
    x = xf;
  }
  int nd = x->ndim;
  numc_axes all = {nd, {0}};
  for (int d = 0; d < nd && d < NUMC_MAXDIMS; d++) all.v[d] = d;
  if (!axes) {
    /* NumPy's fast path: the 2-norm of the flattened array. */
    if (kind == NUMC_NORM_NONE || (kind == NUMC_NORM_FRO && nd == 2) ||
        (kind == NUMC_NORM_ORD && ord == 2 && nd == 1)) {
      s = sqrt_sum_squares(x, NULL, keepdims, out);
      goto done;
    }
    axes = &all;
  }
  if (axes->n == 1) {
    int a;
    s = numc__axis(axes->v[0], nd, &a);
    if (s == NUMC_OK) s = vector_norm(x, kind, ord, NUMC_AXES(a), keepdims, out);
  } else if (axes->n == 2) {
    int row, col;
    s = numc__axis(axes->v[0], nd, &row);
    if (s == NUMC_OK) s = numc__axis(axes->v[1], nd, &col);
    if (s == NUMC_OK) s = matrix_norm(x, kind, ord, row, col, keepdims, out);
  } else {
    s = numc__fail(NUMC_EVALUE, "Improper number of dimensions to norm.");
  }
done:
  numc_free(xf);
  return s;
}

/* ------------------------------------------------------------------ cond */

/* NaN results become inf (a singular matrix), except where x itself holds a NaN. */
static numc_status nan_to_inf(const numc_array *x, numc_array *r) {
  numc__temps t = {0};
  numc_status s;
  numc_array *rn, *xn, *xany, *inf, *mask, *res;
  NUMC__LA_TEMP(&t, rn, numc_isnan(r, &res_));
  NUMC__LA_TEMP(&t, xn, numc_isnan(x, &res_));
  NUMC__LA_TEMP(&t, xany, numc_any(xn, NUMC_AXES(-2, -1), false, &res_));
  NUMC__LA_TEMP(&t, mask, numc_greater(rn, xany, &res_)); /* isnan(r) & ~isnan(x).any() */
  NUMC__LA_TEMP(&t, inf, weak_scalar(INFINITY, &res_));
  NUMC__LA_TEMP(&t, res, numc_where(mask, inf, r, &res_));
  s = numc_copyto(r, res);
done:
  numc__temps_free(&t);
  return s;
}

numc_status numc_linalg_cond(const numc_array *x, numc_norm_kind kind, double ord,
                             numc_array **out) {
  if (!x || !out) return numc__fail(NUMC_EINVAL, "cond: NULL argument");
  numc__temps t = {0};
  numc_status s;
  numc_array *r, *sv, *big, *small, *xw, *inv, *nx, *ni, *prod;
  if (x->ndim >= 2 && numc__size(x->ndim, x->shape) == 0 &&
      x->shape[x->ndim - 1] * x->shape[x->ndim - 2] == 0)
    return numc__fail(NUMC_ELINALG, "cond is not defined on empty arrays");
  if (kind == NUMC_NORM_NUC || kind == NUMC_NORM_FRO ||
      (kind == NUMC_NORM_ORD && fabs(ord) != 2)) {
    /* norm(x) * norm(inv(x)), with inv computed in double precision as NumPy does. */
    numc_dtype result;
    NUMC__TRY(numc__la_check_square(x));
    NUMC__TRY(numc__la_result_dtype(x->dtype, x->dtype, &result));
    NUMC__LA_TEMP(&t, xw, numc_astype(x, numc__la_work_dtype(result), &res_));
    NUMC__LA_TEMP(&t, inv, numc__la_inv_or_nan(xw, &res_));
    NUMC__LA_TEMP(&t, nx, numc_linalg_norm(x, kind, ord, NUMC_AXES(-2, -1), false, &res_));
    NUMC__LA_TEMP(&t, ni, numc_linalg_norm(inv, kind, ord, NUMC_AXES(-2, -1), false, &res_));
    NUMC__LA_TEMP(&t, prod, numc_multiply(nx, ni, &res_));
    NUMC__LA_TEMP(&t, r, numc_astype(prod, result, &res_));
  } else {
    /* sigma_max / sigma_min (ord 2 or None), or its reciprocal (-2); singular values
     * come sorted, so s[..., 0] and s[..., -1] are the max and the min. */
    NUMC__LA_TEMP(&t, sv, numc_linalg_svdvals(x, &res_));
    NUMC__LA_TEMP(&t, big, numc_max(sv, NUMC_AXES(-1), false, &res_));
    NUMC__LA_TEMP(&t, small, numc_min(sv, NUMC_AXES(-1), false, &res_));
    if (kind == NUMC_NORM_ORD && ord < 0) NUMC__LA_TEMP(&t, r, numc_divide(small, big, &res_));
    else NUMC__LA_TEMP(&t, r, numc_divide(big, small, &res_));
  }
  s = nan_to_inf(x, r);
  if (s == NUMC_OK) s = numc_copy(r, NUMC_ORDER_K, out);
done:
  numc__temps_free(&t);
  return s;
}
