/* Memory orders (resolving 'A' and 'K', stride permutations, arrays laid out like
 * others) and argument checks, shared by the creation and shape modules. */
#include <stdlib.h>

#include "shape/shape.h"

numc_status numc__check_out(numc_array **out) {
  return out ? NUMC_OK : numc__fail(NUMC_EINVAL, "output pointer is NULL");
}

numc_status numc__check_in_out(const numc_array *a, numc_array **out) {
  NUMC__TRY(numc__check_out(out));
  return a ? NUMC_OK : numc__fail(NUMC_EINVAL, "array is NULL");
}

numc_status numc__check_order(numc_order order) {
  if ((int)order < NUMC_ORDER_C || (int)order > NUMC_ORDER_K)
    return numc__fail(NUMC_EINVAL, "order must be one of 'C', 'F', 'A', or 'K' (got %d)", (int)order);
  return NUMC_OK;
}

numc_order numc__order_from_text(const char *s) {
  switch (s[0]) {
  case 'F': return NUMC_ORDER_F;
  case 'A': return NUMC_ORDER_A;
  case 'K': return NUMC_ORDER_K;
  default: return NUMC_ORDER_C;
  }
}

numc_order numc__resolve_any(const numc_array *a, numc_order order) {
  if (order != NUMC_ORDER_A) return order;
  return numc_is_f_contiguous(a) && !numc_is_c_contiguous(a) ? NUMC_ORDER_F : NUMC_ORDER_C;
}

void numc__stride_perm(const numc_array *a, int *perm) {
  /* Insertion sort: stable, and ndim is small. */
  for (int i = 0; i < a->ndim; i++) {
    int j = i;
    int64_t s = llabs(a->strides[i]);
    while (j > 0 && llabs(a->strides[perm[j - 1]]) < s) {
      perm[j] = perm[j - 1];
      j--;
    }
    perm[j] = i;
  }
}

numc_status numc__new_ordered(const numc_array *a, numc_dtype t, numc_order order, bool zero,
                              numc_array **out) {
  order = numc__resolve_any(a, order);
  if (order == NUMC_ORDER_K) {
    if (numc_is_c_contiguous(a)) order = NUMC_ORDER_C;
    else if (numc_is_f_contiguous(a)) order = NUMC_ORDER_F;
  }
  if (order != NUMC_ORDER_K) return numc__new(t, a->ndim, a->shape, order, zero, out);
  /* Allocate C-ordered in memory order, then give each axis back its stride. */
  int perm[NUMC_MAXDIMS];
  int64_t shape[NUMC_MAXDIMS], strides[NUMC_MAXDIMS];
  numc__stride_perm(a, perm);
  for (int i = 0; i < a->ndim; i++) shape[i] = a->shape[perm[i]];
  numc_array *r = NULL;
  NUMC__TRY(numc__new(t, a->ndim, shape, NUMC_ORDER_C, zero, &r));
  memcpy(strides, r->strides, sizeof(int64_t) * (size_t)a->ndim);
  for (int i = 0; i < a->ndim; i++) {
    r->shape[perm[i]] = shape[i];
    r->strides[perm[i]] = strides[i];
  }
  numc__update_flags(r);
  *out = r;
  return NUMC_OK;
}

numc_status numc__memory_order_view(const numc_array *a, numc_array **out) {
  int perm[NUMC_MAXDIMS];
  int64_t shape[NUMC_MAXDIMS], strides[NUMC_MAXDIMS];
  numc__stride_perm(a, perm);
  for (int i = 0; i < a->ndim; i++) {
    shape[i] = a->shape[perm[i]];
    strides[i] = a->strides[perm[i]];
  }
  return numc__view(a, a->dtype, a->ndim, shape, strides, a->offset, out);
}
