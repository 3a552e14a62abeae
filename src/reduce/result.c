/* The result side of every reduction: argument checks, the result's shape and storage,
 * and the finishers that turn accumulators into result elements. */
#include <math.h>

#include "reduce/reduce.h"

numc_status numc__reduce_shape(const numc_array *a, const numc_axes *axes, bool keepdims,
                               bool scalar_axis, numc_array **out, numc__rshape *rs) {
  if (!out) return numc__fail(NUMC_EINVAL, "output pointer is NULL");
  if (*out) return numc__fail(NUMC_EINVAL, "*out must be NULL: this function does not take out=");
  if (!a) return numc__fail(NUMC_EINVAL, "array is NULL");
  /* NumPy's ufunc reductions accept axis=0 or -1 for a 0-d array ("for backwards
   * compatibility"); there is nothing to reduce. */
  if (scalar_axis && a->ndim == 0 && axes && axes->n == 1 && (axes->v[0] == 0 || axes->v[0] == -1))
    axes = NULL;
  NUMC__TRY(numc__axes_mask(axes, a->ndim, rs->mask));
  rs->ndim = 0;
  rs->count = 1;
  rs->nout = 1;
  for (int d = 0; d < a->ndim; d++) {
    if (rs->mask[d]) {
      rs->count *= a->shape[d];
      if (keepdims) rs->shape[rs->ndim++] = 1;
    } else {
      rs->nout *= a->shape[d];
      rs->shape[rs->ndim++] = a->shape[d];
    }
  }
  return NUMC_OK;
}

numc_status numc__reduce_nonempty(const numc__rshape *rs, const char *ufunc_name) {
  if (rs->count > 0) return NUMC_OK;
  return numc__fail(NUMC_EVALUE, "zero-size array to reduction operation %s which has no identity",
                    ufunc_name);
}

numc_status numc__reduce_new(const numc__reduction *r, const numc_array *a,
                             const numc__rshape *rs, numc_dtype t, numc_array **out) {
  numc_array *res = NULL;
  NUMC__TRY(numc__new(t, rs->ndim, rs->shape, NUMC_ORDER_C, false, &res));
  numc_status s = numc__reduce_run(r, a, rs->mask, res);
  if (s != NUMC_OK) {
    numc_free(res);
    return s;
  }
  *out = res;
  return NUMC_OK;
}


numc_status numc__flat_view(const numc_array *a, numc_array **flat) {
  int64_t n = numc_size(a), step = (int64_t)numc_itemsize(a);
  if (a->ndim == 1) step = a->strides[0];
  if (a->ndim <= 1 || numc_is_c_contiguous(a)) return numc__view(a, a->dtype, 1, &n, &step, a->offset, flat);
  numc_array *copy = NULL;
  NUMC__TRY(numc__new(a->dtype, a->ndim, a->shape, NUMC_ORDER_C, false, &copy));
  numc_status s = numc__assign(copy, a);
  if (s == NUMC_OK) s = numc__view(copy, copy->dtype, 1, &n, &step, copy->offset, flat);
  numc_free(copy); /* the view keeps the buffer */
  return s;
}

void numc__finish_cast(const numc__reduction *r, char *out, int64_t ostep, const void *acc,
                       int64_t n, int64_t o) {
  numc__cast_loop(r->acc_dtype, r->out_dtype)(acc, (int64_t)numc_dtype_size(r->acc_dtype), out,
                                              ostep, n);
}

/* NumPy divides a float32 (or complex64) sum by the integer count in float64 and rounds
 * back into the sum's dtype, then takes the square root there (std). */
void numc__finish_divide(const numc__reduction *r, char *out, int64_t ostep, const void *acc,
                         int64_t n, int64_t o) {
  numc_dtype at = r->acc_dtype;
  size_t asize = numc_dtype_size(at);
  for (int64_t i = 0; i < n; i++) {
    int64_t dof = (r->counts ? r->counts[o + i] : r->count) - r->ddof;
    double d = dof > 0 ? (double)dof : 0.0;
    numc_scalar v = numc__scalar_load(at, (const char *)acc + (size_t)i * asize);
    if (numc__is_complex(at)) {
      v.v.c[0] /= d;
      v.v.c[1] /= d;
    } else {
      v.v.f = r->nan_if_no_dof && dof <= 0 ? NAN : v.v.f / d;
    }
    char rounded[16];
    numc__scalar_store(v, at, rounded);
    v = numc__scalar_load(at, rounded);
    if (r->take_sqrt) v.v.f = sqrt(v.v.f);
    numc__scalar_store(v, r->out_dtype, out + i * ostep);
  }
}
