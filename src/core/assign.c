/* Copying with broadcasting and casting: the one routine behind copy, astype, copyto,
 * concatenate and every "write this into that" in the library. */
#include "iter.h"

typedef struct {
  numc__cast_fn cast;
} cast_ctx;

/* Cast loops have their own signature; adapt one to the iterator's loop signature. */
static void cast_as_loop(char **args, const int64_t *steps, int64_t n, const void *vctx) {
  const cast_ctx *c = vctx;
  c->cast(args[0], steps[0], args[1], steps[1], n);
}

numc_status numc__assign(numc_array *dst, const numc_array *src) {
  int64_t shp[NUMC_MAXDIMS];
  int nd;
  const int64_t *shapes[2] = {dst->shape, src->shape};
  int ndims[2] = {dst->ndim, src->ndim};
  NUMC__TRY(numc__broadcast_shapes(2, ndims, shapes, &nd, shp));
  if (nd != dst->ndim || memcmp(shp, dst->shape, sizeof(int64_t) * (size_t)nd) != 0) {
    char a[160], b[160];
    return numc__fail(NUMC_ESHAPE, "could not broadcast input array from shape %s into shape %s",
                      numc__shape_str(a, sizeof a, src->ndim, src->shape),
                      numc__shape_str(b, sizeof b, dst->ndim, dst->shape));
  }
  /* Overlapping source and destination (a[1:] = a[:-1]) need a snapshot of the source. */
  numc_array *tmp = NULL;
  if (numc_may_share_memory(dst, src) &&
      !(dst->offset == src->offset && dst->ndim == src->ndim && src->dtype == dst->dtype &&
        !memcmp(dst->strides, src->strides, sizeof(int64_t) * (size_t)dst->ndim))) {
    NUMC__TRY(numc__new(src->dtype, src->ndim, src->shape, NUMC_ORDER_C, false, &tmp));
    numc_status s = numc__assign(tmp, src);
    if (s != NUMC_OK) {
      numc_free(tmp);
      return s;
    }
    src = tmp;
  }
  const numc_array *ops[2] = {src, dst};
  numc_dtype want[2] = {src->dtype, dst->dtype};
  numc__iter it;
  numc_status s = numc__iter_init(&it, 2, 1, ops, want, dst->ndim, dst->shape);
  cast_ctx c = {numc__cast_loop(src->dtype, dst->dtype)};
  if (s == NUMC_OK) s = numc__iter_run(&it, cast_as_loop, &c, 1);
  numc_free(tmp);
  return s;
}

numc_status numc_copyto(numc_array *dst, const numc_array *src) {
  if (!dst || !src) return numc__fail(NUMC_EINVAL, "copyto: array is NULL");
  NUMC__TRY(numc__require_writeable(dst, "copyto destination"));
  if (!numc_can_cast(src->dtype, dst->dtype, "same_kind") && !numc__is_weak(src))
    return numc__fail(NUMC_ECAST, "Cannot cast array data from dtype('%s') to dtype('%s') according to the rule 'same_kind'",
                      numc_dtype_name(src->dtype), numc_dtype_name(dst->dtype));
  return numc__assign(dst, src);
}
