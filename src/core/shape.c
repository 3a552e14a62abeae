/* Shapes: formatting, broadcasting and axis normalisation. */
#include <stdio.h>

#include "core.h"

char *numc__shape_str(char *buf, size_t n, int ndim, const int64_t *shape) {
  size_t used = 0;
  used += (size_t)snprintf(buf, n, "(");
  for (int i = 0; i < ndim && used < n; i++)
    used += (size_t)snprintf(buf + used, n - used, i ? ",%lld" : "%lld", (long long)shape[i]);
  if (used < n) snprintf(buf + used, n - used, ndim == 1 ? ",)" : ")");
  return buf;
}

numc_status numc__broadcast_shapes(int n, const int *ndims, const int64_t *const *shapes,
                                   int *out_ndim, int64_t *out_shape) {
  int nd = 0;
  for (int k = 0; k < n; k++)
    if (ndims[k] > nd) nd = ndims[k];
  for (int i = 0; i < nd; i++) out_shape[i] = 1;
  for (int k = 0; k < n; k++) {
    int off = nd - ndims[k];
    for (int i = 0; i < ndims[k]; i++) {
      int64_t d = shapes[k][i], *o = &out_shape[off + i];
      if (d == *o || d == 1) continue;
      if (*o == 1) {
        *o = d;
        continue;
      }
      /* NumPy's message lists every operand's shape. */
      char msg[400];
      size_t used = 0;
      for (int j = 0; j < n && used < sizeof msg; j++) {
        char s[160];
        numc__shape_str(s, sizeof s, ndims[j], shapes[j]);
        used += (size_t)snprintf(msg + used, sizeof msg - used, "%s%s", j ? " " : "", s);
      }
      return numc__fail(NUMC_ESHAPE, "operands could not be broadcast together with shapes %s", msg);
    }
  }
  *out_ndim = nd;
  return NUMC_OK;
}

void numc__broadcast_strides(const numc_array *a, int ndim, const int64_t *shape, int64_t *strides) {
  int off = ndim - a->ndim;
  for (int i = 0; i < ndim; i++) {
    int j = i - off;
    strides[i] = (j < 0 || a->shape[j] != shape[i]) ? 0 : a->strides[j];
  }
}

numc_status numc__axis(int axis, int ndim, int *out) {
  if (axis < -ndim || axis >= ndim)
    return numc__fail(NUMC_EAXIS, "axis %d is out of bounds for array of dimension %d", axis, ndim);
  *out = axis < 0 ? axis + ndim : axis;
  return NUMC_OK;
}

numc_status numc__axes_mask(const numc_axes *axes, int ndim, bool *mask) {
  for (int i = 0; i < ndim; i++) mask[i] = axes == NULL;
  if (!axes) return NUMC_OK;
  if (axes->n < 0 || axes->n > NUMC_MAXDIMS)
    return numc__fail(NUMC_EINVAL, "invalid number of axes %d", axes->n);
  for (int k = 0; k < axes->n; k++) {
    int a = 0;
    NUMC__TRY(numc__axis(axes->v[k], ndim, &a));
    if (mask[a]) return numc__fail(NUMC_EVALUE, "duplicate value in 'axis'");
    mask[a] = true;
  }
  return NUMC_OK;
}
