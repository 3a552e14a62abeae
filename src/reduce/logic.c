/* any, all and count_nonzero. Every dtype is read as bool (the cast gives x != 0, with
 * NaN true and a complex true when either part is non-zero); the kernels treat any
 * non-zero byte as true. */
#include "reduce/reduce.h"

#define any_START 0
#define any_STEP(s, v) ((s) | ((v) != 0))
#define any_MERGE(s, r) ((s) | (r))
#define all_START 1
#define all_STEP(s, v) ((s) & ((v) != 0))
#define all_MERGE(s, r) ((s) & (r))
#define count_nonzero_START 0
#define count_nonzero_STEP(s, v) ((s) + ((v) != 0))
#define count_nonzero_MERGE(s, r) ((s) + (r))

#define LOGIC_KERNELS(op, A)                                                               \
  static void op##_init(void *acc, int64_t n) {                                            \
    for (int64_t i = 0; i < n; i++) ((A *)acc)[i] = op##_START;                            \
  }                                                                                        \
  static void op##_fold(void *acc, const char *x, int64_t n, int64_t step, int64_t start,  \
                        const void *aux) {                                                 \
    A s = *(A *)acc;                                                                       \
    if (step == 1) {                                                                       \
      const uint8_t *p = (const uint8_t *)x;                                               \
      for (int64_t i = 0; i < n; i++) s = (A)op##_STEP(s, p[i]);                           \
    } else {                                                                               \
      for (int64_t i = 0; i < n; i++) s = (A)op##_STEP(s, *(const uint8_t *)(x + i * step)); \
    }                                                                                      \
    *(A *)acc = s;                                                                         \
  }                                                                                        \
  static void op##_rows(void *acc, const char *x, int64_t n, int64_t step, int64_t index,  \
                        const void *aux) {                                                 \
    A *a = acc;                                                                            \
    for (int64_t j = 0; j < n; j++) a[j] = (A)op##_STEP(a[j], *(const uint8_t *)(x + j * step)); \
  }                                                                                        \
  static void op##_merge(void *acc, const void *right) {                                   \
    *(A *)acc = (A)op##_MERGE(*(A *)acc, *(const A *)right);                               \
  }                                                                                        \
  static const numc__rkernels op##_kernels = {sizeof(A), op##_init, op##_fold, op##_rows, op##_merge};
LOGIC_KERNELS(any, uint8_t)
LOGIC_KERNELS(all, uint8_t)
LOGIC_KERNELS(count_nonzero, int64_t)

static numc_status logic(const numc_array *a, const numc_axes *axes, bool keepdims,
                         const numc__rkernels *k, numc_dtype result, numc_array **out) {
  numc__rshape rs;
  NUMC__TRY(numc__reduce_shape(a, axes, keepdims, true, out, &rs));
  numc__reduction r = {.k = k, .loop = NUMC_BOOL, .finish = numc__finish_cast, .acc_dtype = result};
  return numc__reduce_new(&r, a, &rs, result, out);
}

numc_status numc_any(const numc_array *a, const numc_axes *axes, bool keepdims, numc_array **out) {
  return logic(a, axes, keepdims, &any_kernels, NUMC_BOOL, out);
}

numc_status numc_all(const numc_array *a, const numc_axes *axes, bool keepdims, numc_array **out) {
  return logic(a, axes, keepdims, &all_kernels, NUMC_BOOL, out);
}

numc_status numc_count_nonzero(const numc_array *a, const numc_axes *axes, bool keepdims,
                               numc_array **out) {
  return logic(a, axes, keepdims, &count_nonzero_kernels, NUMC_INT64, out);
}
