/* Ufunc execution: broadcasting, NumPy's type resolution, output handling. */
#include <math.h>
#include <stdlib.h>

#include "ufunc.h"

static const struct {
  const char *name;
  int nin;
  numc__ufunc_kind kind;
  int cost;
} ufuncs[NUMC__NUFUNCS] = {
#define NUMC__UFUNC_DESC(ID, name, nin, kind, cost) [NUMC__UF_##ID] = {#name, nin, NUMC__UK_##kind, cost},
    NUMC__UFUNCS(NUMC__UFUNC_DESC)
#undef NUMC__UFUNC_DESC
};

const numc__loop *const numc__ufunc_loops[NUMC__NUFUNCS] = {
#define NUMC__UFUNC_ROW(ID, name, nin, kind, cost) [NUMC__UF_##ID] = numc__loops_##name,
    NUMC__UFUNCS(NUMC__UFUNC_ROW)
#undef NUMC__UFUNC_ROW
};

const char *numc__ufunc_name(numc__ufunc_id id) { return ufuncs[id].name; }

/* NumPy's loop search order: smaller types first, signed before unsigned. */
static const numc_dtype search_order[] = {
    NUMC_BOOL,  NUMC_INT8,   NUMC_UINT8,   NUMC_INT16,   NUMC_UINT16,     NUMC_INT32,
    NUMC_UINT32, NUMC_INT64, NUMC_UINT64,  NUMC_FLOAT16, NUMC_FLOAT32,    NUMC_FLOAT64,
    NUMC_COMPLEX64, NUMC_COMPLEX128};

/* float16 has no loops of its own: it runs the float32 loop (NumPy computes float16 in
 * float32 too) and the iterator rounds the result back. */
static numc__loop loop_for(numc__ufunc_id id, numc_dtype t) {
  return numc__ufunc_loops[id][t == NUMC_FLOAT16 ? NUMC_FLOAT32 : t];
}

typedef struct {
  numc_dtype want_in[3], want_out; /* what the loop reads and writes */
  numc_dtype result;               /* dtype of a freshly allocated output */
  numc__loop loop;
} resolution;

static numc_status no_loop(numc__ufunc_id id, int nin, const numc_array *const *in) {
  if (nin == 1)
    return numc__fail(NUMC_EDTYPE, "ufunc '%s' not supported for the input types (%s)",
                      ufuncs[id].name, numc_dtype_name(in[0]->dtype));
  return numc__fail(NUMC_EDTYPE, "ufunc '%s' not supported for the input types (%s, %s)",
                    ufuncs[id].name, numc_dtype_name(in[0]->dtype), numc_dtype_name(in[1]->dtype));
}

/* A Python int mixed with an integer array must fit that array's dtype (NEP 50). */
static numc_status check_weak_ints(const numc_array *const *in, int nin, numc_dtype loop) {
  static const struct {
    numc_dtype t;
    int64_t lo;
    uint64_t hi;
  } ranges[] = {{NUMC_INT8, INT8_MIN, INT8_MAX},     {NUMC_INT16, INT16_MIN, INT16_MAX},
                {NUMC_INT32, INT32_MIN, INT32_MAX},  {NUMC_INT64, INT64_MIN, INT64_MAX},
                {NUMC_UINT8, 0, UINT8_MAX},          {NUMC_UINT16, 0, UINT16_MAX},
                {NUMC_UINT32, 0, UINT32_MAX},        {NUMC_UINT64, 0, UINT64_MAX}};
  if (!numc__is_int(loop)) return NUMC_OK;
  for (int k = 0; k < nin; k++) {
    if (!numc__is_weak(in[k]) || !numc__is_int(in[k]->dtype)) continue;
    numc_scalar s = numc__scalar_load(in[k]->dtype, numc__host_data(in[k]));
    for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++) {
      if (ranges[r].t != loop) continue;
      bool fits = numc_dtype_kind(s.dtype) == 'u' ? s.v.u <= ranges[r].hi
                                         : s.v.i >= ranges[r].lo && (s.v.i < 0 || (uint64_t)s.v.i <= ranges[r].hi);
      if (!fits)
        return numc__fail(NUMC_EVALUE, "Python integer %lld out of bounds for %s",
                          numc_dtype_kind(s.dtype) == 'u' ? (long long)s.v.u : (long long)s.v.i, numc_dtype_name(loop));
    }
  }
  return NUMC_OK;
}

static numc_status resolve(numc__ufunc_id id, const numc_array *const *in, resolution *r) {
  int nin = ufuncs[id].nin;
  numc__ufunc_kind kind = ufuncs[id].kind;
  numc_dtype common = numc__result_type(nin, in);
  if (common == NUMC_BOOL && id == NUMC__UF_SUBTRACT)
    return numc__fail(NUMC_EDTYPE, "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
  if (common == NUMC_BOOL && id == NUMC__UF_NEGATIVE)
    return numc__fail(NUMC_EDTYPE, "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.");
  /* True division of integers computes in float64, not the smallest float that holds
   * them (NumPy's true-division type resolver). */
  if (kind == NUMC__UK_DIVIDE && !numc__is_inexact(common)) common = NUMC_FLOAT64;
  numc_dtype loop_t = NUMC_NDTYPES;
  if (kind == NUMC__UK_LOGICAL || (kind == NUMC__UK_PREDICATE && !numc__is_inexact(common))) {
    loop_t = NUMC_BOOL;
  } else {
    for (size_t i = 0; i < sizeof search_order / sizeof search_order[0]; i++) {
      numc_dtype t = search_order[i];
      if (loop_for(id, t) && numc_can_cast(common, t, "safe")) {
        loop_t = t;
        break;
      }
    }
  }
  if (loop_t == NUMC_NDTYPES || !loop_for(id, loop_t)) return no_loop(id, nin, in);
  NUMC__TRY(check_weak_ints(in, nin, loop_t));
  numc_dtype compute = loop_t == NUMC_FLOAT16 ? NUMC_FLOAT32 : loop_t;
  for (int k = 0; k < nin; k++) r->want_in[k] = compute;
  switch (kind) {
  case NUMC__UK_COMPARE:
  case NUMC__UK_LOGICAL:
  case NUMC__UK_PREDICATE:
    r->want_out = r->result = NUMC_BOOL;
    break;
  case NUMC__UK_TOREAL:
    r->want_out = numc__real_dtype(compute);
    r->result = numc__real_dtype(loop_t);
    break;
  default:
    if (id == NUMC__UF_ABSOLUTE) {
      r->want_out = numc__real_dtype(compute);
      r->result = numc__real_dtype(loop_t);
    } else {
      r->want_out = compute;
      r->result = loop_t;
    }
  }
  r->loop = loop_for(id, loop_t);
  return NUMC_OK;
}

static numc_status run_elementwise(const numc__backend *b, const void *call, numc_array **out) {
  if (!b->elementwise) return numc__fail(NUMC_EUNAVAIL, "the %s backend has no elementwise operations", b->name);
  return b->elementwise(call, out);
}

numc_status numc__elementwise_offload(const char *what, const numc__elementwise_call *c, numc_array **out) {
  return numc__offload(what, c->in, c->nin, (double)numc__size(c->ndim, c->shape), INFINITY, run_elementwise, c, out);
}

/* An input that overlaps the output in a different layout is read from a snapshot, so
 * that in-place operations never read values they already overwrote. */
static numc_status snapshot_if_overlapping(const numc_array *in, const numc_array *out,
                                           numc_array **copy) {
  *copy = NULL;
  if (!numc_may_share_memory(in, out)) return NUMC_OK;
  if (in->offset == out->offset && in->ndim == out->ndim && in->dtype == out->dtype &&
      !memcmp(in->strides, out->strides, sizeof(int64_t) * (size_t)in->ndim) &&
      !memcmp(in->shape, out->shape, sizeof(int64_t) * (size_t)in->ndim))
    return NUMC_OK; /* identical: elementwise reads precede writes */
  NUMC__TRY(numc__new(in->dtype, in->ndim, in->shape, NUMC_ORDER_C, false, copy));
  numc_status s = numc__assign(*copy, in);
  if (s != NUMC_OK) {
    numc_free(*copy);
    *copy = NULL;
  }
  return s;
}

numc_status numc__ufunc(numc__ufunc_id id, const numc_array *const *inputs, numc_array **out) {
  int nin = ufuncs[id].nin;
  const char *name = ufuncs[id].name;
  if (!out) return numc__fail(NUMC_EINVAL, "%s: output pointer is NULL", name);
  for (int k = 0; k < nin; k++)
    if (!inputs[k]) return numc__fail(NUMC_EINVAL, "%s: input %d is NULL", name, k);
  int ndims[3];
  const int64_t *shapes[3];
  for (int k = 0; k < nin; k++) {
    ndims[k] = inputs[k]->ndim;
    shapes[k] = inputs[k]->shape;
  }
  int nd;
  int64_t shape[NUMC_MAXDIMS];
  NUMC__TRY(numc__broadcast_shapes(nin, ndims, shapes, &nd, shape));
  resolution r = {0};
  NUMC__TRY(resolve(id, inputs, &r));

  if (!*out) {
    numc__elementwise_call call = {.op = (int)id, .nin = nin, .in = inputs, .compute = r.want_in[0],
                                   .result = r.result, .ndim = nd, .shape = shape};
    numc_status offloaded = numc__elementwise_offload(name, &call, out);
    if (offloaded != NUMC_EUNAVAIL) return offloaded; /* done, or pending (wait.c) */
  }

  numc_array *target = *out, *fresh = NULL;
  if (target) {
    NUMC__TRY(numc__require_writeable(target, "output array"));
    if (target->ndim != nd || memcmp(target->shape, shape, sizeof(int64_t) * (size_t)nd)) {
      char a[160], b[160];
      return numc__fail(NUMC_ESHAPE, "%s: output array has shape %s but the result has shape %s", name,
                        numc__shape_str(a, sizeof a, target->ndim, target->shape),
                        numc__shape_str(b, sizeof b, nd, shape));
    }
    if (!numc_can_cast(r.result, target->dtype, "same_kind"))
      return numc__fail(NUMC_ECAST, "Cannot cast ufunc '%s' output from dtype('%s') to dtype('%s') with casting rule 'same_kind'",
                        name, numc_dtype_name(r.result), numc_dtype_name(target->dtype));
  } else {
    bool fortran = nin > 0;
    for (int k = 0; k < nin; k++)
      fortran = fortran && inputs[k]->ndim == nd && numc_is_f_contiguous(inputs[k]) && !numc_is_c_contiguous(inputs[k]);
    NUMC__TRY(numc__new(r.result, nd, shape, fortran ? NUMC_ORDER_F : NUMC_ORDER_C, false, &fresh));
    target = fresh;
  }

  const numc_array *ops[NUMC__ITER_MAXOPS];
  numc_array *copies[3] = {NULL, NULL, NULL};
  numc_status s = NUMC_OK;
  for (int k = 0; k < nin && s == NUMC_OK; k++) {
    if (!fresh) s = snapshot_if_overlapping(inputs[k], target, &copies[k]);
    ops[k] = copies[k] ? copies[k] : inputs[k];
  }
  ops[nin] = target;
  numc_dtype want[4] = {r.want_in[0], r.want_in[1], r.want_in[2], 0};
  want[nin] = r.want_out;
  numc__iter it;
  numc__loop_ctx ctx = {0};
  if (s == NUMC_OK) s = numc__iter_init(&it, nin + 1, nin, ops, want, nd, shape);
  if (s == NUMC_OK) s = numc__iter_run(&it, r.loop, &ctx, ufuncs[id].cost);
  if (s == NUMC_OK && atomic_load(&ctx.error))
    s = numc__fail((numc_status)atomic_load(&ctx.error), "Integers to negative integer powers are not allowed.");
  for (int k = 0; k < 3; k++) numc_free(copies[k]);
  if (s != NUMC_OK) {
    numc_free(fresh);
    return s;
  }
  *out = target;
  return NUMC_OK;
}

/* The public numc_<name> functions. */
#define NUMC__UFUNC_PUBLIC_1(ID, name)                                     \
  numc_status numc_##name(const numc_array *x, numc_array **out) {         \
    const numc_array *in[1] = {x};                                         \
    return numc__ufunc(NUMC__UF_##ID, in, out);                            \
  }
#define NUMC__UFUNC_PUBLIC_2(ID, name)                                                     \
  numc_status numc_##name(const numc_array *x1, const numc_array *x2, numc_array **out) { \
    const numc_array *in[2] = {x1, x2};                                                    \
    return numc__ufunc(NUMC__UF_##ID, in, out);                                            \
  }
#define NUMC__UFUNC_PUBLIC(ID, name, nin, kind, cost) NUMC__UFUNC_PUBLIC_##nin(ID, name)
NUMC__UFUNCS(NUMC__UFUNC_PUBLIC)
