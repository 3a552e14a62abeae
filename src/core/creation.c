/* Creation from shapes, scalars and buffers; copies and casts (numpy.empty, zeros,
 * ones, full, *_like, copy, astype, ascontiguousarray, asfortranarray). */
#include <stdlib.h>

#include "shape/shape.h"

/* np.empty and friends only lay out fresh arrays in C or F order. */
static numc_status check_creation_order(numc_order order) {
  if (order != NUMC_ORDER_C && order != NUMC_ORDER_F)
    return numc__fail(NUMC_EVALUE, "only 'C' or 'F' order is permitted");
  return NUMC_OK;
}

/* `t` of the *_like functions: -1 keeps the prototype's dtype. */
static numc_status like_dtype(const numc_array *proto, int t, numc_dtype *out) {
  if (t == -1) {
    *out = proto->dtype;
    return NUMC_OK;
  }
  if (!numc__valid_dtype(t)) return numc__fail(NUMC_EINVAL, "invalid dtype %d", t);
  *out = (numc_dtype)t;
  return NUMC_OK;
}

/* NumPy 2 refuses to store a Python int that does not fit an integer dtype (it raises
 * OverflowError instead of wrapping). Strong scalars are cast unsafely like astype. */
static numc_status check_fill_value(numc_scalar v, numc_dtype t) {
  if (!v.weak || !numc__is_int(t) || (v.dtype != NUMC_INT64 && v.dtype != NUMC_UINT64))
    return NUMC_OK;
  unsigned bits = 8u * (unsigned)numc_dtype_size(t);
  uint64_t max = numc__is_signed(t) ? (UINT64_C(1) << (bits - 1)) - 1
                 : bits == 64      ? UINT64_MAX
                                   : (UINT64_C(1) << bits) - 1;
  int64_t min = numc__is_signed(t) ? -(int64_t)max - 1 : 0;
  bool fits = v.dtype == NUMC_UINT64 ? v.v.u <= max
                                     : v.v.i >= min && (v.v.i < 0 || (uint64_t)v.v.i <= max);
  if (fits) return NUMC_OK;
  if (v.dtype == NUMC_UINT64)
    return numc__fail(NUMC_EVALUE, "Python integer %llu out of bounds for %s",
                      (unsigned long long)v.v.u, numc_dtype_name(t));
  return numc__fail(NUMC_EVALUE, "Python integer %lld out of bounds for %s", (long long)v.v.i,
                    numc_dtype_name(t));
}

/* Fill a freshly allocated (hence dense) array with one value, doubling the filled
 * prefix with memcpy. */
static void fill_dense(numc_array *a, numc_scalar v) {
  size_t item = numc_itemsize(a), total = (size_t)numc_size(a) * item;
  if (total == 0) return;
  char *p = numc__host_data(a);
  numc__scalar_store(v, a->dtype, p);
  for (size_t done = item; done < total;) {
    size_t n = done < total - done ? done : total - done;
    memcpy(p + done, p, n);
    done += n;
  }
}

/* ------------------------------------------------------------ from shapes */

static numc_status make(const int64_t *shape, int ndim, numc_dtype t, numc_order order, bool zero,
                        numc_array **out) {
  NUMC__TRY(numc__check_out(out));
  NUMC__TRY(check_creation_order(order));
  return numc__new(t, ndim, shape, order, zero, out);
}

numc_status numc_empty(const int64_t *shape, int ndim, numc_dtype t, numc_order order,
                       numc_array **out) {
  return make(shape, ndim, t, order, false, out);
}

numc_status numc_zeros(const int64_t *shape, int ndim, numc_dtype t, numc_order order,
                       numc_array **out) {
  return make(shape, ndim, t, order, true, out);
}

numc_status numc_full(const int64_t *shape, int ndim, numc_scalar value, numc_dtype t,
                      numc_order order, numc_array **out) {
  if (numc__valid_dtype((int)t)) NUMC__TRY(check_fill_value(value, t));
  NUMC__TRY(make(shape, ndim, t, order, false, out));
  fill_dense(*out, value);
  return NUMC_OK;
}

numc_status numc_ones(const int64_t *shape, int ndim, numc_dtype t, numc_order order,
                      numc_array **out) {
  return numc_full(shape, ndim, numc_int(1), t, order, out);
}

/* ------------------------------------------------------------------ *_like */

/* A new array shaped and laid out like `proto` (order K), of dtype `t` (-1: proto's). */
static numc_status new_like(const numc_array *proto, int t, bool zero, numc_array **out) {
  numc_dtype dt = NUMC_BOOL;
  NUMC__TRY(numc__check_in_out(proto, out));
  NUMC__TRY(like_dtype(proto, t, &dt));
  return numc__new_ordered(proto, dt, NUMC_ORDER_K, zero, out);
}

numc_status numc_empty_like(const numc_array *proto, int t, numc_array **out) {
  return new_like(proto, t, false, out);
}

numc_status numc_zeros_like(const numc_array *proto, int t, numc_array **out) {
  return new_like(proto, t, true, out);
}

numc_status numc_full_like(const numc_array *proto, numc_scalar value, int t, numc_array **out) {
  numc_dtype dt = NUMC_BOOL;
  NUMC__TRY(numc__check_in_out(proto, out));
  NUMC__TRY(like_dtype(proto, t, &dt));
  NUMC__TRY(check_fill_value(value, dt));
  NUMC__TRY(new_like(proto, t, false, out));
  fill_dense(*out, value);
  return NUMC_OK;
}

numc_status numc_ones_like(const numc_array *proto, int t, numc_array **out) {
  return numc_full_like(proto, numc_int(1), t, out);
}

/* ------------------------------------------------------ scalars and buffers */

numc_status numc_from_buffer(const void *data, const int64_t *shape, int ndim, numc_dtype t,
                             numc_array **out) {
  NUMC__TRY(numc__check_out(out));
  if (!numc__valid_dtype((int)t)) return numc__fail(NUMC_EINVAL, "invalid dtype %d", (int)t);
  NUMC__TRY(numc__check_shape(ndim, shape, numc_dtype_size(t)));
  size_t nbytes = (size_t)numc__size(ndim, shape) * numc_dtype_size(t);
  if (!data && nbytes) return numc__fail(NUMC_EINVAL, "data is NULL");
  NUMC__TRY(numc__new(t, ndim, shape, NUMC_ORDER_C, false, out));
  if (nbytes) memcpy(numc__host_data(*out), data, nbytes);
  return NUMC_OK;
}

numc_status numc_scalar_array(numc_scalar s, numc_array **out) {
  NUMC__TRY(numc__check_out(out));
  NUMC__TRY(numc__new(s.dtype, 0, NULL, NUMC_ORDER_C, false, out));
  numc__scalar_store(s, s.dtype, numc__host_data(*out));
  if (s.weak) (*out)->flags |= NUMC__WEAK;
  return NUMC_OK;
}

/* ------------------------------------------------------------------ copies */

/* A new array of dtype `t` laid out in `order`, holding a's values. */
static numc_status copy_as(const numc_array *a, numc_dtype t, numc_order order, numc_array **out) {
  NUMC__TRY(numc__check_in_out(a, out));
  NUMC__TRY(numc__check_order(order));
  if (!numc__valid_dtype((int)t)) return numc__fail(NUMC_EINVAL, "invalid dtype %d", (int)t);
  numc_array *r = NULL;
  NUMC__TRY(numc__new_ordered(a, t, order, false, &r));
  numc_status s = numc__assign(r, a);
  if (s != NUMC_OK) {
    numc_free(r);
    return s;
  }
  *out = r;
  return NUMC_OK;
}

numc_status numc_copy(const numc_array *a, numc_order order, numc_array **out) {
  NUMC__TRY(numc__check_in_out(a, out));
  return copy_as(a, a->dtype, order, out);
}

numc_status numc_astype(const numc_array *a, numc_dtype t, numc_array **out) {
  return copy_as(a, t, NUMC_ORDER_K, out);
}

/* np.ascontiguousarray / np.asfortranarray: `a` itself (a view here) when already laid
 * out in `order`, else a copy; like NumPy (ndmin=1) a 0-d input becomes shape (1,). */
static numc_status as_contiguous(const numc_array *a, numc_order order, numc_array **out) {
  NUMC__TRY(numc__check_in_out(a, out));
  const int64_t one = 1, item = (int64_t)numc_itemsize(a);
  bool ok = order == NUMC_ORDER_C ? numc_is_c_contiguous(a) : numc_is_f_contiguous(a);
  if (a->ndim == 0) return numc__view(a, a->dtype, 1, &one, &item, a->offset, out);
  if (ok) return numc__view(a, a->dtype, a->ndim, a->shape, a->strides, a->offset, out);
  return copy_as(a, a->dtype, order, out);
}

numc_status numc_ascontiguousarray(const numc_array *a, numc_array **out) {
  return as_contiguous(a, NUMC_ORDER_C, out);
}

numc_status numc_asfortranarray(const numc_array *a, numc_array **out) {
  return as_contiguous(a, NUMC_ORDER_F, out);
}
