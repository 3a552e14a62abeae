/* Joining arrays: concatenate, stack, hstack, vstack. Each input is assigned into its
 * block of the result (a borrowed view), so copies and casts run on the iterator. */
#include <stdlib.h>

#include "index/index.h"

/* NumPy converts every input with asarray before promoting, so a Python scalar counts
 * with its default dtype here (np.stack([np.int8(1), 2]) is int64): weak inputs promote
 * like strong ones, unlike in ufuncs. */
static numc_dtype joined_dtype(const numc_array *const *in, int n) {
  numc_dtype t = in[0]->dtype;
  for (int i = 1; i < n; i++) t = numc_promote(t, in[i]->dtype);
  return t;
}

static numc_status check_inputs(const numc_array *const *in, int n, const char *what,
                                numc_array **out) {
  NUMC__TRY(numc__check_out(out));
  if (n <= 0) return numc__fail(NUMC_EVALUE, "need at least one array to %s", what);
  if (!in) return numc__fail(NUMC_EINVAL, "input list is NULL");
  for (int i = 0; i < n; i++)
    if (!in[i]) return numc__fail(NUMC_EINVAL, "input %d is NULL", i);
  return NUMC_OK;
}

/* The shape of concatenate's result along `ax` (ax < 0: flattened), with NumPy's checks. */
static numc_status joined_shape(const numc_array *const *in, int n, int ax, int *ndim,
                                int64_t *shape) {
  if (ax < 0) {
    int64_t total = 0;
    for (int i = 0; i < n; i++) {
      int64_t size = numc__size(in[i]->ndim, in[i]->shape);
      if (size > INT64_MAX - total)
        return numc__fail(NUMC_EOVERFLOW, "array is too big; the size of this shape overflows");
      total += size;
    }
    *ndim = 1;
    shape[0] = total;
    return NUMC_OK;
  }
  const numc_array *first = in[0];
  *ndim = first->ndim;
  memcpy(shape, first->shape, sizeof(int64_t) * (size_t)first->ndim);
  for (int i = 1; i < n; i++) {
    if (in[i]->ndim != first->ndim)
      return numc__fail(NUMC_ESHAPE, "all the input arrays must have same number of dimensions, but the array at index 0 has %d dimension(s) and the array at index %d has %d dimension(s)",
                        first->ndim, i, in[i]->ndim);
    for (int d = 0; d < first->ndim; d++) {
      if (d == ax || in[i]->shape[d] == first->shape[d]) continue;
      return numc__fail(NUMC_ESHAPE, "all the input array dimensions except for the concatenation axis must match exactly, but along dimension %d, the array at index 0 has size %lld and the array at index %d has size %lld",
                        d, (long long)first->shape[d], i, (long long)in[i]->shape[d]);
    }
    if (in[i]->shape[ax] > INT64_MAX - shape[ax])
      return numc__fail(NUMC_EOVERFLOW, "array is too big; the size of this shape overflows");
    shape[ax] += in[i]->shape[ax];
  }
  return NUMC_OK;
}

numc_status numc__concatenate(const numc_array *const *in, int n, const int *axis,
                              numc_array **out) {
  NUMC__TRY(check_inputs(in, n, "concatenate", out));
  int ax = -1;
  if (axis) {
    if (in[0]->ndim == 0)
      return numc__fail(NUMC_EVALUE, "zero-dimensional arrays cannot be concatenated");
    NUMC__TRY(numc__axis(*axis, in[0]->ndim, &ax));
  }
  int nd;
  int64_t shape[NUMC_MAXDIMS];
  NUMC__TRY(joined_shape(in, n, ax, &nd, shape));
  numc_array *r = NULL;
  NUMC__TRY(numc__new(joined_dtype(in, n), nd, shape, NUMC_ORDER_C, false, &r));
  int64_t item = (int64_t)numc_dtype_size(r->dtype), pos = 0;
  for (int i = 0; i < n; i++) {
    numc_array block;
    if (ax >= 0) { /* the input's slab of the result along the axis */
      block = numc__borrow(r, nd, r->shape, r->strides, 0);
      numc__narrow(&block, ax, pos, in[i]->shape[ax]);
      pos += in[i]->shape[ax];
    } else { /* flattened: the input's run of the result, seen with the input's shape */
      int64_t strides[NUMC_MAXDIMS], step = item;
      for (int d = in[i]->ndim - 1; d >= 0; d--) {
        strides[d] = step;
        step *= in[i]->shape[d];
      }
      block = numc__borrow(r, in[i]->ndim, in[i]->shape, strides, pos * item);
      pos += numc__size(in[i]->ndim, in[i]->shape);
    }
    numc_status s = numc__assign(&block, in[i]);
    if (s != NUMC_OK) {
      numc_free(r);
      return s;
    }
  }
  *out = r;
  return NUMC_OK;
}

numc_status numc_concatenate(const numc_array *const *in, int n, int axis, numc_array **out) {
  return numc__concatenate(in, n, &axis, out);
}

numc_status numc_stack(const numc_array *const *in, int n, int axis, numc_array **out) {
  NUMC__TRY(check_inputs(in, n, "stack", out));
  const numc_array *first = in[0];
  for (int i = 1; i < n; i++)
    if (in[i]->ndim != first->ndim ||
        memcmp(in[i]->shape, first->shape, sizeof(int64_t) * (size_t)first->ndim) != 0)
      return numc__fail(NUMC_ESHAPE, "all input arrays must have the same shape");
  int nd = first->ndim + 1, ax;
  NUMC__TRY(numc__check_ndim(nd));
  NUMC__TRY(numc__axis(axis, nd, &ax));
  int64_t shape[NUMC_MAXDIMS];
  for (int d = 0, k = 0; d < nd; d++) shape[d] = d == ax ? n : first->shape[k++];
  numc_array *r = NULL;
  NUMC__TRY(numc__new(joined_dtype(in, n), nd, shape, NUMC_ORDER_C, false, &r));
  /* Input i is the result's index i along the new axis: its strides without that axis. */
  int64_t strides[NUMC_MAXDIMS];
  for (int d = 0, k = 0; d < nd; d++)
    if (d != ax) strides[k++] = r->strides[d];
  for (int i = 0; i < n; i++) {
    numc_array block = numc__borrow(r, first->ndim, first->shape, strides, i * r->strides[ax]);
    numc_status s = numc__assign(&block, in[i]);
    if (s != NUMC_OK) {
      numc_free(r);
      return s;
    }
  }
  *out = r;
  return NUMC_OK;
}

/* hstack and vstack: concatenate after raising each input to at least `min_ndim`
 * dimensions by prepending length-1 axes (atleast_1d / atleast_2d), through borrowed
 * views. hstack joins along axis 0 when its first input is 1-D, else along axis 1. */
static numc_status concatenate_atleast(const numc_array *const *in, int n, int min_ndim,
                                       bool horizontal, numc_array **out) {
  NUMC__TRY(check_inputs(in, n, "concatenate", out));
  numc_array *raised = malloc(sizeof *raised * (size_t)n);
  const numc_array **views = malloc(sizeof *views * (size_t)n);
  if (!raised || !views) {
    free(raised);
    free(views);
    return numc__oom();
  }
  for (int i = 0; i < n; i++) {
    views[i] = in[i];
    int extra = min_ndim - in[i]->ndim;
    if (extra <= 0) continue;
    int64_t shape[2] = {1, 1}, strides[2] = {0, 0};
    for (int d = 0; d < in[i]->ndim; d++) {
      shape[extra + d] = in[i]->shape[d];
      strides[extra + d] = in[i]->strides[d];
    }
    raised[i] = numc__borrow(in[i], min_ndim, shape, strides, 0);
    views[i] = &raised[i];
  }
  int axis = horizontal && n > 0 && views[0]->ndim > 1 ? 1 : 0;
  numc_status s = numc__concatenate(views, n, &axis, out);
  free(raised);
  free(views);
  return s;
}

numc_status numc_hstack(const numc_array *const *in, int n, numc_array **out) {
  return concatenate_atleast(in, n, 1, true, out);
}

numc_status numc_vstack(const numc_array *const *in, int n, numc_array **out) {
  return concatenate_atleast(in, n, 2, false, out);
}
