/* numpy.linalg.matrix_power(a, n): repeated squaring through numc_matmul, following
 * NumPy's own sequence of products (so integer powers wrap exactly as NumPy's do):
 * n = 0 gives the identity in a's dtype, n < 0 inverts first, 2 and 3 are done directly,
 * larger n by the binary decomposition of n. */
#include "linalg/dense.h"

numc_status numc_linalg_matrix_power(const numc_array *a, int64_t n, numc_array **out) {
  if (!a || !out) return numc__fail(NUMC_EINVAL, "matrix_power: NULL argument");
  NUMC__TRY(numc__la_check_square(a));
  if (n == 0) {
    numc_array *id = NULL, *r = NULL;
    int64_t m = a->shape[a->ndim - 1];
    numc_status s = numc_eye(m, m, 0, a->dtype, &id);
    if (s == NUMC_OK) s = numc__new(a->dtype, a->ndim, a->shape, NUMC_ORDER_C, false, &r);
    if (s == NUMC_OK) s = numc__assign(r, id);
    numc_free(id);
    if (s != NUMC_OK) {
      numc_free(r);
      return s;
    }
    *out = r;
    return NUMC_OK;
  }
  numc_array *base = NULL, *z = NULL, *result = NULL;
  numc_status s = n < 0 ? numc_linalg_inv(a, &base) : numc_copy(a, NUMC_ORDER_K, &base);
  /* |n| without overflow for INT64_MIN. */
  uint64_t e = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
  if (s == NUMC_OK && e <= 3) {
    if (e == 1) {
      result = base;
      base = NULL;
    } else {
      s = numc_matmul(base, base, &z);
      if (s == NUMC_OK && e == 3) s = numc_matmul(z, base, &result);
      else if (s == NUMC_OK) result = z, z = NULL;
    }
  }
  if (s == NUMC_OK && e > 3) { /* z = a, then z @ z each round; result takes z per 1 bit */
    z = base;
    base = NULL;
    for (;;) {
      numc_array *next = NULL;
      if (e & 1) {
        s = result ? numc_matmul(result, z, &next) : numc_copy(z, NUMC_ORDER_K, &next);
        numc_free(result);
        result = next;
        next = NULL;
      }
      e >>= 1;
      if (s != NUMC_OK || e == 0) break;
      s = numc_matmul(z, z, &next);
      numc_free(z);
      z = next;
      if (s != NUMC_OK) break;
    }
  }
  numc_free(base);
  numc_free(z);
  if (s != NUMC_OK) {
    numc_free(result);
    return s;
  }
  *out = result;
  return NUMC_OK;
}
