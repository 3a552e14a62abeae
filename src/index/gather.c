/* Gathering elements by byte offset (see numc__gather in index.h). */
#include "core/iter.h"
#include "index/index.h"

/* The element copy with a compile-time size, so that each dtype size gets a plain load
 * and store instead of a memcpy call per element. */
static inline void gather_items(char **args, const int64_t *steps, int64_t n, size_t size) {
  const char *offsets = args[0], *base = args[1];
  char *dst = args[2];
  for (int64_t i = 0; i < n; i++) {
    int64_t off;
    memcpy(&off, offsets, sizeof off);
    memcpy(dst, base + off, size);
    offsets += steps[0];
    base += steps[1];
    dst += steps[2];
  }
}

static void gather_loop(char **args, const int64_t *steps, int64_t n, const void *ctx) {
  switch (*(const size_t *)ctx) {
  case 1: gather_items(args, steps, n, 1); break;
  case 2: gather_items(args, steps, n, 2); break;
  case 4: gather_items(args, steps, n, 4); break;
  case 8: gather_items(args, steps, n, 8); break;
  default: gather_items(args, steps, n, 16); break; /* complex128, the only other size */
  }
}

numc_status numc__gather(const numc_array *src, int lo, int hi, const numc_array *offsets,
                         numc_array *dst) {
  /* Three operands over dst's shape: the offsets repeat along src's remaining dims, the
   * source walks those dims and stays put along the gathered ones. */
  int nidx = offsets->ndim, nd = dst->ndim;
  int64_t off_strides[NUMC_MAXDIMS], src_strides[NUMC_MAXDIMS];
  for (int d = 0; d < nd; d++) {
    bool gathered = d >= lo && d < lo + nidx;
    off_strides[d] = gathered ? offsets->strides[d - lo] : 0;
    src_strides[d] = gathered ? 0 : src->strides[d < lo ? d : d - nidx + (hi - lo)];
  }
  numc_array off_op = numc__borrow(offsets, nd, dst->shape, off_strides, 0);
  numc_array src_op = numc__borrow(src, nd, dst->shape, src_strides, 0);
  const numc_array *ops[3] = {&off_op, &src_op, dst};
  numc_dtype want[3] = {offsets->dtype, src->dtype, dst->dtype};
  numc__iter it;
  NUMC__TRY(numc__iter_init(&it, 3, 2, ops, want, nd, dst->shape));
  size_t itemsize = numc_dtype_size(src->dtype);
  return numc__iter_run(&it, gather_loop, &itemsize, 2);
}

numc_status numc__index_dims_of(const numc_array *a, const int *axis, numc__index_dims *d) {
  if (!axis) {
    *d = (numc__index_dims){0, a->ndim, numc__size(a->ndim, a->shape)};
    return NUMC_OK;
  }
  int ax;
  NUMC__TRY(numc__axis(*axis, a->ndim, &ax));
  *d = (numc__index_dims){ax, ax + 1, a->shape[ax]};
  return NUMC_OK;
}
