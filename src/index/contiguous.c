/* C-contiguous inputs for the steps that scan memory linearly (nonzero, flat roll). */
#include "index/index.h"

numc_status numc__contiguous(const numc_array *a, numc_dtype t, const numc_array **view,
                             numc_array **owned) {
  *owned = NULL;
  if (a->dtype == t && numc_is_c_contiguous(a)) {
    *view = a;
    return NUMC_OK;
  }
  NUMC__TRY(numc__new(t, a->ndim, a->shape, NUMC_ORDER_C, false, owned));
  numc_status s = numc__assign(*owned, a);
  if (s != NUMC_OK) {
    numc_free(*owned);
    *owned = NULL;
    return s;
  }
  *view = *owned;
  return NUMC_OK;
}
