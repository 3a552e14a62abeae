/* numpy.matmul: the generalised ufunc (n?,k),(k,m?)->(n?,m?). A 1-D first operand is a
 * row (1, k) and a 1-D second operand a column (k, 1), the added axis removed from the
 * result; leading axes are a batch that broadcasts. The operands' own strides go straight
 * to the product stack, so transposed and sliced views are never copied. */
#include <stdio.h>

#include "index/index.h" /* numc__borrow */
#include "core/backend.h"
#include "linalg/products.h"

#define SIGNATURE "(n?,k),(k,m?)->(n?,m?)"

/* NumPy's message: "(2,3,4)->(2,newaxis,newaxis)" per operand, then the core shape. */
static numc_status batch_mismatch(const numc_array *a, const numc_array *b, int64_t m, int64_t n) {
  char msg[1024], shape[160];
  size_t used = 0;
  const numc_array *ops[2] = {a, b};
  for (int k = 0; k < 2; k++) {
    used += (size_t)snprintf(msg + used, sizeof msg - used, "%s->(",
                             numc__shape_str(shape, sizeof shape, ops[k]->ndim, ops[k]->shape));
    for (int d = 0; d < ops[k]->ndim - 2 && used < sizeof msg; d++)
      used += (size_t)snprintf(msg + used, sizeof msg - used, "%lld,", (long long)ops[k]->shape[d]);
    if (used < sizeof msg) used += (size_t)snprintf(msg + used, sizeof msg - used, "newaxis,newaxis) ");
    if (used >= sizeof msg) break;
  }
  return numc__fail(NUMC_ESHAPE, "operands could not be broadcast together with remapped shapes [original->remapped]: %s and requested shape (%lld,%lld)",
                    msg, (long long)m, (long long)n);
}

/* *out given: NumPy's out= rules as the ufuncs apply them (ufunc.h). */
static numc_status check_target(const numc_array *target, int nd, const int64_t *shape, numc_dtype t) {
  NUMC__TRY(numc__require_writeable(target, "output array"));
  if (target->ndim != nd || memcmp(target->shape, shape, sizeof(int64_t) * (size_t)nd)) {
    char a[160], b[160];
    return numc__fail(NUMC_ESHAPE, "matmul: output array has shape %s but the result has shape %s",
                      numc__shape_str(a, sizeof a, target->ndim, target->shape),
                      numc__shape_str(b, sizeof b, nd, shape));
  }
  if (!numc_can_cast(t, target->dtype, "same_kind"))
    return numc__fail(NUMC_ECAST, "Cannot cast ufunc 'matmul' output from dtype('%s') to dtype('%s') with casting rule 'same_kind'",
                      numc_dtype_name(t), numc_dtype_name(target->dtype));
  return NUMC_OK;
}

/* Below this many multiply-adds a host-to-host GPU matmul loses to the CPU: on the H100
 * machine (16 cores beside it), end to end with uploads and the download, the GPU lost at
 * n = 512 (0.56 against 0.32 ms) and won from n = 1024 (1.75 against 2.02 ms; 4096: 37
 * against 127 ms; BENCHMARKS.md). So `auto` keeps smaller products on the CPU unless an
 * operand already lives on the GPU. */
#define NUMC__GPU_MATMUL_MIN_FLOPS ((double)1024 * 1024 * 1024)

typedef struct matmul_call {
  const numc_array *a, *b;
} matmul_call;

static numc_status run_matmul(const numc__backend *be, const void *call, numc_array **out) {
  const matmul_call *c = call;
  if (!be->matmul) return numc__fail(NUMC_EUNAVAIL, "the %s backend has no matmul", be->name);
  return be->matmul(c->a, c->b, out);
}

/* NUMC_OK when the accelerator computed the product (dispatch.c decides whether to ask). */
static numc_status matmul_offloaded(const numc_array *a, const numc_array *b, numc_array **out) {
  if (*out || a->ndim == 0 || b->ndim == 0) return NUMC_EUNAVAIL; /* out=, errors: the CPU */
  double flops = (double)numc_size(a) * (double)(b->ndim >= 2 ? b->shape[b->ndim - 1] : 1);
  const numc_array *ops[2] = {a, b};
  matmul_call c = {a, b};
  return numc__offload("matmul", ops, 2, flops, NUMC__GPU_MATMUL_MIN_FLOPS, run_matmul, &c, out);
}

numc_status numc_matmul(const numc_array *a, const numc_array *b, numc_array **out) {
  if (!a || !b || !out) return numc__fail(NUMC_EINVAL, "matmul: an input or the output pointer is NULL");
  numc_status offloaded = matmul_offloaded(a, b, out);
  if (offloaded != NUMC_EUNAVAIL) return offloaded; /* done, or pending (wait.c) */
  const numc_array *ops[2] = {a, b};
  for (int k = 0; k < 2; k++)
    if (ops[k]->ndim == 0)
      return numc__fail(NUMC_ESHAPE, "matmul: Input operand %d does not have enough dimensions (has 0, gufunc core with signature " SIGNATURE " requires 1)", k);
  int na = a->ndim, nb = b->ndim;
  int64_t m = na >= 2 ? a->shape[na - 2] : 1, k = a->shape[na - 1];
  int64_t kb = nb >= 2 ? b->shape[nb - 2] : b->shape[0], n = nb >= 2 ? b->shape[nb - 1] : 1;
  if (k != kb)
    return numc__fail(NUMC_ESHAPE, "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature " SIGNATURE " (size %lld is different from %lld)",
                      (long long)kb, (long long)k);

  /* Batch axes (all but the matrix axes), broadcast against each other. */
  int bna = na > 2 ? na - 2 : 0, bnb = nb > 2 ? nb - 2 : 0, nd = bna > bnb ? bna : bnb;
  int64_t shape[NUMC_MAXDIMS], ash[NUMC_MAXDIMS], ast[NUMC_MAXDIMS], bsh[NUMC_MAXDIMS],
      bst[NUMC_MAXDIMS], csh[NUMC_MAXDIMS], cst[NUMC_MAXDIMS];
  for (int d = 0; d < nd; d++) {
    int da = d - (nd - bna), db = d - (nd - bnb);
    int64_t ea = da >= 0 ? a->shape[da] : 1, eb = db >= 0 ? b->shape[db] : 1;
    if (ea != eb && ea != 1 && eb != 1) return batch_mismatch(a, b, m, n);
    ash[d] = bsh[d] = csh[d] = shape[d] = ea == 1 ? eb : ea;
    ast[d] = ea == shape[d] && da >= 0 ? a->strides[da] : 0;
    bst[d] = eb == shape[d] && db >= 0 ? b->strides[db] : 0;
  }
  int rnd = nd; /* the result drops the axis a 1-D operand gained */
  if (na >= 2) shape[rnd++] = m;
  if (nb >= 2) shape[rnd++] = n;
  numc_dtype t = numc__product_dtype(a, b);

  numc_array *fresh = NULL;
  if (*out) {
    NUMC__TRY(check_target(*out, rnd, shape, t));
  } else {
    NUMC__TRY(numc__new(t, rnd, shape, NUMC_ORDER_C, false, &fresh));
  }
  numc_array *target = fresh ? fresh : *out;

  for (int d = 0; d < nd; d++) cst[d] = target->strides[d];
  ash[nd] = csh[nd] = m;
  ash[nd + 1] = bsh[nd] = k;
  bsh[nd + 1] = csh[nd + 1] = n;
  ast[nd] = na >= 2 ? a->strides[na - 2] : 0;
  ast[nd + 1] = a->strides[na - 1];
  bst[nd] = nb >= 2 ? b->strides[nb - 2] : b->strides[0];
  bst[nd + 1] = nb >= 2 ? b->strides[nb - 1] : 0;
  cst[nd] = na >= 2 ? target->strides[nd] : 0;
  cst[nd + 1] = nb >= 2 ? target->strides[rnd - 1] : 0;
  numc_array av = numc__borrow(a, nd + 2, ash, ast, 0), bv = numc__borrow(b, nd + 2, bsh, bst, 0),
             cv = numc__borrow(target, nd + 2, csh, cst, 0);
  numc_status s = numc__product_stack(&av, &bv, t, &cv);
  if (s != NUMC_OK) {
    numc_free(fresh);
    return s;
  }
  if (fresh) *out = fresh;
  return NUMC_OK;
}
