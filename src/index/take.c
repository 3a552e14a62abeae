/* Indexing by integer arrays and by masks: take, boolean masks, nonzero, argwhere.
 * Every one turns its index into byte offsets and copies through numc__gather. */
#include "index/index.h"

numc_status numc_take(const numc_array *a, const numc_array *indices, const int *axis,
                      numc_array **out) {
  NUMC__TRY(numc__check_out(out));
  if (!a || !indices) return numc__fail(NUMC_EINVAL, "array is NULL");
  /* NumPy converts the indices to intp under same_kind casting: bool and unsigned pass,
   * floats do not. */
  if (!numc_can_cast(indices->dtype, NUMC_INT64, "same_kind"))
    return numc__fail(NUMC_ECAST, "Cannot cast array data from dtype('%s') to dtype('int64') according to the rule 'same_kind'",
                      numc_dtype_name(indices->dtype));
  numc__index_dims dims;
  NUMC__TRY(numc__index_dims_of(a, axis, &dims));
  int nd = a->ndim - (dims.hi - dims.lo) + indices->ndim;
  NUMC__TRY(numc__check_ndim(nd));
  int64_t shape[NUMC_MAXDIMS];
  for (int d = 0; d < nd; d++)
    shape[d] = d < dims.lo                   ? a->shape[d]
               : d < dims.lo + indices->ndim ? indices->shape[d - dims.lo]
                                             : a->shape[d - indices->ndim + (dims.hi - dims.lo)];

  /* The indices as int64 in a private copy, validated and turned into byte offsets. */
  numc_array *offsets = NULL, *r = NULL;
  NUMC__TRY(numc__new(NUMC_INT64, indices->ndim, indices->shape, NUMC_ORDER_C, false, &offsets));
  numc_status s = numc__assign(offsets, indices);
  int64_t *k = (int64_t *)numc__host_data(offsets), count = numc__size(indices->ndim, indices->shape);
  if (s == NUMC_OK && dims.count == 0 && count > 0)
    s = numc__fail(NUMC_EINDEX, "cannot do a non-empty take from an empty axes.");
  for (int64_t i = 0; i < count && s == NUMC_OK; i++) {
    int64_t j = k[i] < 0 ? k[i] + dims.count : k[i];
    if (j < 0 || j >= dims.count)
      s = numc__fail(NUMC_EINDEX, "index %lld is out of bounds for axis %d with size %lld",
                     (long long)k[i], axis ? dims.lo : 0, (long long)dims.count);
    else
      k[i] = numc__index_offset(a, &dims, j);
  }
  if (s == NUMC_OK) s = numc__new(a->dtype, nd, shape, NUMC_ORDER_C, false, &r);
  if (s == NUMC_OK) s = numc__gather(a, dims.lo, dims.hi, offsets, r);
  numc_free(offsets);
  if (s != NUMC_OK) {
    numc_free(r);
    return s;
  }
  *out = r;
  return NUMC_OK;
}

/* The coordinates of a's true (non-zero) elements in C order as a (count, ndim) int64
 * array: numpy.argwhere, and the common step of nonzero and boolean masks. */
static numc_status true_coordinates(const numc_array *a, numc_array **out) {
  const numc_array *truth;
  numc_array *owned;
  NUMC__TRY(numc__contiguous(a, NUMC_BOOL, &truth, &owned));
  const bool *t = (const bool *)numc__host_data(truth);
  int64_t size = numc__size(a->ndim, a->shape), count = 0;
  for (int64_t i = 0; i < size; i++) count += t[i];
  int64_t shape[2] = {count, a->ndim};
  numc_array *r = NULL;
  numc_status s = numc__new(NUMC_INT64, 2, shape, NUMC_ORDER_C, false, &r);
  if (s == NUMC_OK) {
    int64_t *row = (int64_t *)numc__host_data(r), idx[NUMC_MAXDIMS] = {0};
    for (int64_t i = 0; i < size; i++) {
      if (t[i]) {
        memcpy(row, idx, sizeof(int64_t) * (size_t)a->ndim);
        row += a->ndim;
      }
      for (int d = a->ndim - 1; d >= 0 && ++idx[d] == a->shape[d]; d--) idx[d] = 0;
    }
    *out = r;
  }
  numc_free(owned);
  return s;
}

numc_status numc_argwhere(const numc_array *a, numc_array **out) {
  NUMC__TRY(numc__check_out(out));
  if (!a) return numc__fail(NUMC_EINVAL, "array is NULL");
  return true_coordinates(a, out);
}

numc_status numc_nonzero(const numc_array *a, numc_array **out, int max_out, int *nout) {
  if (!a) return numc__fail(NUMC_EINVAL, "array is NULL");
  if (!out || !nout) return numc__fail(NUMC_EINVAL, "output pointer is NULL");
  if (a->ndim == 0)
    return numc__fail(NUMC_EVALUE, "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.");
  if (a->ndim > max_out)
    return numc__fail(NUMC_EINVAL, "nonzero makes %d arrays but there is room for %d", a->ndim,
                      max_out);
  for (int d = 0; d < a->ndim; d++)
    if (out[d]) return numc__fail(NUMC_EINVAL, "out[%d] must be NULL on entry", d);
  numc_array *coords = NULL;
  NUMC__TRY(true_coordinates(a, &coords));
  /* Like NumPy, each result is a column of the (count, ndim) coordinates. */
  numc_status s = NUMC_OK;
  for (int d = 0; d < a->ndim && s == NUMC_OK; d++)
    s = numc__view(coords, NUMC_INT64, 1, coords->shape, coords->strides,
                   coords->offset + d * coords->strides[1], &out[d]);
  numc_free(coords);
  if (s != NUMC_OK) {
    for (int d = 0; d < a->ndim; d++) {
      numc_free(out[d]);
      out[d] = NULL;
    }
    return s;
  }
  *nout = a->ndim;
  return NUMC_OK;
}

numc_status numc_compress_mask(const numc_array *a, const numc_array *mask, numc_array **out) {
  NUMC__TRY(numc__check_out(out));
  if (!a || !mask) return numc__fail(NUMC_EINVAL, "array is NULL");
  if (mask->dtype != NUMC_BOOL)
    return numc__fail(NUMC_EINVAL, "the mask must be a boolean array, not %s",
                      numc_dtype_name(mask->dtype));
  int m = mask->ndim;
  if (m > a->ndim)
    return numc__fail(NUMC_EINDEX, "too many indices for array: array is %d-dimensional, but %d were indexed",
                      a->ndim, m);
  for (int d = 0; d < m; d++)
    if (mask->shape[d] != a->shape[d])
      return numc__fail(NUMC_EINDEX, "boolean index did not match indexed array along axis %d; size of axis is %lld but size of corresponding boolean axis is %lld",
                        d, (long long)a->shape[d], (long long)mask->shape[d]);
  /* The mask's dims of `a` become one dim listing the selected elements. */
  int nd = a->ndim - m + 1;
  NUMC__TRY(numc__check_ndim(nd));
  numc_array *coords = NULL, *offsets = NULL, *r = NULL;
  NUMC__TRY(true_coordinates(mask, &coords));
  int64_t count = coords->shape[0], shape[NUMC_MAXDIMS] = {count};
  for (int d = m; d < a->ndim; d++) shape[d - m + 1] = a->shape[d];
  numc_status s = numc__new(NUMC_INT64, 1, &count, NUMC_ORDER_C, false, &offsets);
  if (s == NUMC_OK) {
    const int64_t *c = (const int64_t *)numc__host_data(coords);
    int64_t *o = (int64_t *)numc__host_data(offsets);
    for (int64_t i = 0; i < count; i++, c += m) {
      o[i] = 0;
      for (int d = 0; d < m; d++) o[i] += c[d] * a->strides[d];
    }
    s = numc__new(a->dtype, nd, shape, NUMC_ORDER_C, false, &r);
  }
  if (s == NUMC_OK) s = numc__gather(a, 0, m, offsets, r);
  numc_free(coords);
  numc_free(offsets);
  if (s != NUMC_OK) {
    numc_free(r);
    return s;
  }
  *out = r;
  return NUMC_OK;
}
