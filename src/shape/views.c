/* Axis rearrangements that are always views: numpy.transpose, swapaxes, moveaxis,
 * squeeze and expand_dims. */
#include "shape/shape.h"

/* The view whose axis i is a's axis perm[i], for i < nd. */
static numc_status pick_axes(const numc_array *a, const int *perm, int nd, numc_array **out) {
  int64_t shape[NUMC_MAXDIMS], strides[NUMC_MAXDIMS];
  for (int i = 0; i < nd; i++) {
    shape[i] = a->shape[perm[i]];
    strides[i] = a->strides[perm[i]];
  }
  return numc__view(a, a->dtype, nd, shape, strides, a->offset, out);
}

/* NumPy's normalize_axis_tuple: each axis into [0, ndim), no repeats. `argname` prefixes
 * the messages as NumPy's argname does (NULL for none); `repeated` is the message for a
 * repeat, which differs between callers in NumPy. */
static numc_status normalize_axes(const numc_axes *axes, int ndim, const char *argname,
                                  const char *repeated, int *v) {
  if (!axes) return numc__fail(NUMC_EINVAL, "axes are NULL");
  if (axes->n < 0 || axes->n > NUMC_MAXDIMS)
    return numc__fail(NUMC_EINVAL, "invalid number of axes %d", axes->n);
  bool seen[NUMC_MAXDIMS] = {false};
  for (int k = 0; k < axes->n; k++) {
    int ax = axes->v[k];
    if (ax < -ndim || ax >= ndim)
      return numc__fail(NUMC_EAXIS, "%s%saxis %d is out of bounds for array of dimension %d",
                        argname ? argname : "", argname ? ": " : "", ax, ndim);
    v[k] = ax < 0 ? ax + ndim : ax;
    if (seen[v[k]]) return numc__fail(NUMC_EVALUE, "%s", repeated);
    seen[v[k]] = true;
  }
  return NUMC_OK;
}

numc_status numc_transpose(const numc_array *a, const numc_axes *axes, numc_array **out) {
  NUMC__TRY(numc__check_in_out(a, out));
  int perm[NUMC_MAXDIMS];
  if (!axes) {
    for (int i = 0; i < a->ndim; i++) perm[i] = a->ndim - 1 - i;
  } else {
    if (axes->n != a->ndim) return numc__fail(NUMC_EVALUE, "axes don't match array");
    NUMC__TRY(normalize_axes(axes, a->ndim, NULL, "repeated axis in transpose", perm));
  }
  return pick_axes(a, perm, a->ndim, out);
}

numc_status numc_swapaxes(const numc_array *a, int axis1, int axis2, numc_array **out) {
  NUMC__TRY(numc__check_in_out(a, out));
  int i, j, perm[NUMC_MAXDIMS];
  NUMC__TRY(numc__axis(axis1, a->ndim, &i));
  NUMC__TRY(numc__axis(axis2, a->ndim, &j));
  for (int k = 0; k < a->ndim; k++) perm[k] = k;
  perm[i] = j;
  perm[j] = i;
  return pick_axes(a, perm, a->ndim, out);
}

numc_status numc_moveaxis(const numc_array *a, const numc_axes *source,
                          const numc_axes *destination, numc_array **out) {
  NUMC__TRY(numc__check_in_out(a, out));
  int src[NUMC_MAXDIMS], dst[NUMC_MAXDIMS], perm[NUMC_MAXDIMS];
  NUMC__TRY(normalize_axes(source, a->ndim, "source", "repeated axis in `source` argument", src));
  NUMC__TRY(normalize_axes(destination, a->ndim, "destination",
                           "repeated axis in `destination` argument", dst));
  if (source->n != destination->n)
    return numc__fail(NUMC_EVALUE, "`source` and `destination` arguments must have the same number of elements");
  /* Each destination slot takes its source axis; the other axes fill the remaining slots
   * in their original order. */
  int placed[NUMC_MAXDIMS], moved[NUMC_MAXDIMS] = {0};
  for (int i = 0; i < a->ndim; i++) placed[i] = -1;
  for (int k = 0; k < source->n; k++) {
    placed[dst[k]] = src[k];
    moved[src[k]] = 1;
  }
  for (int i = 0, next = 0; i < a->ndim; i++) {
    if (placed[i] >= 0) {
      perm[i] = placed[i];
      continue;
    }
    while (moved[next]) next++;
    perm[i] = next++;
  }
  return pick_axes(a, perm, a->ndim, out);
}

numc_status numc_squeeze(const numc_array *a, const numc_axes *axes, numc_array **out) {
  NUMC__TRY(numc__check_in_out(a, out));
  bool mask[NUMC_MAXDIMS];
  int perm[NUMC_MAXDIMS], nd = 0;
  NUMC__TRY(numc__axes_mask(axes, a->ndim, mask));
  for (int i = 0; i < a->ndim; i++) {
    if (axes && mask[i] && a->shape[i] != 1)
      return numc__fail(NUMC_EVALUE, "cannot select an axis to squeeze out which has size not equal to one");
    if (!(mask[i] && a->shape[i] == 1)) perm[nd++] = i;
  }
  return pick_axes(a, perm, nd, out);
}

numc_status numc_expand_dims(const numc_array *a, const numc_axes *axes, numc_array **out) {
  NUMC__TRY(numc__check_in_out(a, out));
  if (!axes) return numc__fail(NUMC_EINVAL, "axes are NULL");
  int nd = a->ndim + axes->n, v[NUMC_MAXDIMS];
  if (axes->n < 0 || nd > NUMC_MAXDIMS)
    return numc__fail(NUMC_EVALUE, "expand_dims: the result would have %d dimensions, more than %d",
                      nd, NUMC_MAXDIMS);
  NUMC__TRY(normalize_axes(axes, nd, NULL, "repeated axis", v));
  bool inserted[NUMC_MAXDIMS] = {false};
  for (int k = 0; k < axes->n; k++) inserted[v[k]] = true;
  /* Inserted axes have length 1; their stride continues the next axis inward, which keeps
   * a contiguous input contiguous by NumPy's strides as well as by its flags. */
  int64_t shape[NUMC_MAXDIMS], strides[NUMC_MAXDIMS], inner = (int64_t)numc_itemsize(a);
  for (int i = nd - 1, j = a->ndim - 1; i >= 0; i--) {
    if (inserted[i]) {
      shape[i] = 1;
      strides[i] = inner;
    } else {
      shape[i] = a->shape[j];
      strides[i] = a->strides[j];
      inner = a->strides[j] * (a->shape[j] ? a->shape[j] : 1);
      j--;
    }
  }
  return numc__view(a, a->dtype, nd, shape, strides, a->offset, out);
}
