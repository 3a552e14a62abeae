/* numpy.trace(a, offset, axis1, axis2): the sum of a diagonal, taken as NumPy does as
 * a.diagonal(offset, axis1, axis2).sum(-1). The diagonal is a strided view (its step is
 * the sum of the two axes' strides), so the sum follows numc_sum's dtype rules: bool and
 * signed integers give int64, unsigned give uint64, others keep their dtype. */
#include "core/core.h"

numc_status numc_trace(const numc_array *a, int64_t offset, int axis1, int axis2,
                       numc_array **out) {
  if (!a || !out) return numc__fail(NUMC_EINVAL, "trace: NULL argument");
  if (a->ndim < 2)
    return numc__fail(NUMC_EVALUE, "diag requires an array of at least two dimensions");
  int ax1, ax2;
  if (axis1 < -a->ndim || axis1 >= a->ndim || axis2 < -a->ndim || axis2 >= a->ndim)
    return numc__fail(NUMC_EAXIS, "%s: axis %d is out of bounds for array of dimension %d",
                      axis1 < -a->ndim || axis1 >= a->ndim ? "axis1" : "axis2",
                      axis1 < -a->ndim || axis1 >= a->ndim ? axis1 : axis2, a->ndim);
  NUMC__TRY(numc__axis(axis1, a->ndim, &ax1));
  NUMC__TRY(numc__axis(axis2, a->ndim, &ax2));
  if (ax1 == ax2) return numc__fail(NUMC_EVALUE, "axis1 and axis2 cannot be the same");
  int64_t n1 = a->shape[ax1], n2 = a->shape[ax2], len;
  int64_t start = a->offset;
  if (offset >= 0) {
    len = offset >= n2 ? 0 : (n1 < n2 - offset ? n1 : n2 - offset);
    if (len > 0) start += offset * a->strides[ax2];
  } else {
    len = -offset >= n1 ? 0 : (n1 + offset < n2 ? n1 + offset : n2);
    if (len > 0) start += -offset * a->strides[ax1];
  }
  int64_t shape[NUMC_MAXDIMS], strides[NUMC_MAXDIMS];
  int nd = 0;
  for (int d = 0; d < a->ndim; d++)
    if (d != ax1 && d != ax2) shape[nd] = a->shape[d], strides[nd++] = a->strides[d];
  shape[nd] = len;
  strides[nd++] = a->strides[ax1] + a->strides[ax2];
  numc_array *diag = NULL;
  NUMC__TRY(numc__view(a, a->dtype, nd, shape, strides, start, &diag));
  numc__update_flags(diag);
  numc_status s = numc_sum(diag, NUMC_AXES(-1), false, out);
  numc_free(diag);
  return s;
}
