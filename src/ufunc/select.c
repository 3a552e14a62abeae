/* where(cond, x, y) and clip(a, lo, hi): elementwise selection. */
#include "ufunc/ufunc.h"

/* where's kernel only moves bytes: the iterator has already cast x and y to the result
 * dtype, so one loop per element size serves every dtype. */
#define DEF_SELECT(BYTES, T)                                                              \
  static void numc_where_##BYTES##byte_cpu(char **args, const int64_t *steps, int64_t n, \
                                           const void *ctx) {                           \
    (void)ctx;                                                                           \
    const char *c = args[0], *x = args[1], *y = args[2];                                 \
    char *o = args[3];                                                                   \
    for (int64_t i = 0; i < n; i++, c += steps[0], x += steps[1], y += steps[2], o += steps[3]) \
      *(T *)o = *(const bool *)c ? *(const T *)x : *(const T *)y;                        \
  }
DEF_SELECT(1, uint8_t)
DEF_SELECT(2, uint16_t)
DEF_SELECT(4, uint32_t)
DEF_SELECT(8, uint64_t)
DEF_SELECT(16, numc__c128)

static numc__loop where_loop(size_t itemsize) {
  switch (itemsize) {
  case 1: return numc_where_1byte_cpu;
  case 2: return numc_where_2byte_cpu;
  case 4: return numc_where_4byte_cpu;
  case 8: return numc_where_8byte_cpu;
  default: return numc_where_16byte_cpu;
  }
}

numc_status numc_where(const numc_array *cond, const numc_array *x, const numc_array *y,
                       numc_array **out) {
  if (!cond || !x || !y || !out) return numc__fail(NUMC_EINVAL, "where: argument is NULL");
  const numc_array *ops[4] = {cond, x, y, NULL};
  int ndims[3] = {cond->ndim, x->ndim, y->ndim}, nd;
  const int64_t *shapes[3] = {cond->shape, x->shape, y->shape};
  int64_t shape[NUMC_MAXDIMS];
  NUMC__TRY(numc__broadcast_shapes(3, ndims, shapes, &nd, shape));
  numc_dtype t = numc__result_type(2, ops + 1);
  numc__elementwise_call call = {.op = NUMC__EW_WHERE, .nin = 3, .in = ops, .compute = t, .result = t,
                                 .ndim = nd, .shape = shape};
  *out = NULL;
  numc_status offloaded = numc__elementwise_offload("where", &call, out);
  if (offloaded != NUMC_EUNAVAIL) return offloaded; /* done, or pending (wait.c) */
  numc_array *res;
  NUMC__TRY(numc__new(t, nd, shape, NUMC_ORDER_C, false, &res));
  ops[3] = res;
  numc_dtype want[4] = {NUMC_BOOL, t, t, t};
  numc__iter it;
  numc_status s = numc__iter_init(&it, 4, 3, ops, want, nd, shape);
  if (s == NUMC_OK) s = numc__iter_run(&it, where_loop(numc_dtype_size(t)), NULL, 1);
  if (s != NUMC_OK) {
    numc_free(res);
    return s;
  }
  *out = res;
  return NUMC_OK;
}

/* clip = minimum(maximum(a, lo), hi); the two steps promote to result_type(a, lo, hi)
 * between them, and the second runs in place on the first's result. */
numc_status numc_clip(const numc_array *a, const numc_array *a_min, const numc_array *a_max,
                      numc_array **out) {
  if (!a || !out) return numc__fail(NUMC_EINVAL, "clip: argument is NULL");
  if (!a_min && !a_max) return numc__fail(NUMC_EVALUE, "One of max or min must be given");
  if (!a_min) return numc_minimum(a, a_max, out);
  if (!a_max) return numc_maximum(a, a_min, out);
  const numc_array *all[3] = {a, a_min, a_max};
  numc_dtype t = numc__result_type(3, all);
  numc_array *given = *out, *res = given;
  if (!res) {
    int ndims[3] = {a->ndim, a_min->ndim, a_max->ndim}, nd;
    const int64_t *shapes[3] = {a->shape, a_min->shape, a_max->shape};
    int64_t shape[NUMC_MAXDIMS];
    NUMC__TRY(numc__broadcast_shapes(3, ndims, shapes, &nd, shape));
    numc__elementwise_call call = {.op = NUMC__EW_CLIP, .nin = 3, .in = all, .compute = t, .result = t,
                                   .ndim = nd, .shape = shape};
    numc_status offloaded = numc__elementwise_offload("clip", &call, out);
    if (offloaded != NUMC_EUNAVAIL) return offloaded; /* done, or pending (wait.c) */
    NUMC__TRY(numc__new(t, nd, shape, NUMC_ORDER_C, false, &res));
  }
  numc_status s = numc_maximum(a, a_min, &res);
  if (s == NUMC_OK) s = numc_minimum(res, a_max, &res);
  if (s != NUMC_OK) {
    if (!given) numc_free(res);
    return s;
  }
  *out = res;
  return NUMC_OK;
}
