/* numpy.broadcast_to and broadcast_arrays: read-only views with stride 0 along the
 * broadcast axes (writing through them would write one element many times). */
#include <stdlib.h>

#include "shape/shape.h"

/* A read-only view of `a` with `shape`, which the caller checked `a` broadcasts to. */
static numc_status broadcast_view(const numc_array *a, int ndim, const int64_t *shape,
                                  numc_array **out) {
  int64_t strides[NUMC_MAXDIMS];
  numc__broadcast_strides(a, ndim, shape, strides);
  NUMC__TRY(numc__view(a, a->dtype, ndim, shape, strides, a->offset, out));
  (*out)->flags &= ~(uint32_t)NUMC__WRITEABLE;
  return NUMC_OK;
}

numc_status numc_broadcast_to(const numc_array *a, const int64_t *shape, int ndim,
                              numc_array **out) {
  NUMC__TRY(numc__check_in_out(a, out));
  if (ndim < 0 || ndim > NUMC_MAXDIMS)
    return numc__fail(NUMC_EINVAL, "number of dimensions %d is not in [0, %d]", ndim, NUMC_MAXDIMS);
  if (ndim > 0 && !shape) return numc__fail(NUMC_EINVAL, "shape is NULL");
  for (int i = 0; i < ndim; i++)
    if (shape[i] < 0) return numc__fail(NUMC_EVALUE, "all elements of broadcast shape must be non-negative");
  bool ok = a->ndim <= ndim;
  for (int i = 0; ok && i < a->ndim; i++) {
    int64_t d = a->shape[i], want = shape[ndim - a->ndim + i];
    ok = d == want || d == 1;
  }
  if (!ok) {
    char from[160], to[160];
    return numc__fail(NUMC_ESHAPE,
                      "operands could not be broadcast together with remapped shapes "
                      "[original->remapped]: %s  and requested shape %s",
                      numc__shape_str(from, sizeof from, a->ndim, a->shape),
                      numc__shape_str(to, sizeof to, ndim, shape));
  }
  return broadcast_view(a, ndim, shape, out);
}

numc_status numc_broadcast_arrays(const numc_array *const *in, int n, numc_array **out) {
  if (n < 0) return numc__fail(NUMC_EINVAL, "negative number of arrays %d", n);
  if (n == 0) return NUMC_OK;
  if (!in || !out) return numc__fail(NUMC_EINVAL, "array list is NULL");
  for (int k = 0; k < n; k++)
    if (!in[k]) return numc__fail(NUMC_EINVAL, "array %d is NULL", k);
  int *ndims = malloc(sizeof(int) * (size_t)n);
  const int64_t **shapes = malloc(sizeof(*shapes) * (size_t)n);
  numc_array **views = calloc((size_t)n, sizeof(*views));
  int nd = 0;
  int64_t shape[NUMC_MAXDIMS];
  numc_status s = ndims && shapes && views ? NUMC_OK : numc__oom();
  for (int k = 0; k < n && s == NUMC_OK; k++) {
    ndims[k] = in[k]->ndim;
    shapes[k] = in[k]->shape;
  }
  if (s == NUMC_OK) s = numc__broadcast_shapes(n, ndims, shapes, &nd, shape);
  for (int k = 0; k < n && s == NUMC_OK; k++) s = broadcast_view(in[k], nd, shape, &views[k]);
  if (s == NUMC_OK) memcpy(out, views, sizeof(*views) * (size_t)n);
  else if (views)
    for (int k = 0; k < n; k++) numc_free(views[k]);
  free(ndims);
  free(shapes);
  free(views);
  return s;
}
