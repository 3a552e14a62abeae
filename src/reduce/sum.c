/* sum, prod and nansum, and the sum kernels that mean and var build on.
 *
 * Kernels exist for the dtypes NumPy accumulates in: int64 and uint64 (bool and smaller
 * integers are cast to them), float32 (also for float16), float64 and the complexes.
 * Floating sums are pairwise (pairwise.h); products are sequential, as NumPy's. */
#include "reduce/pairwise.h"
#include "reduce/reduce.h"
#include "ufunc/loops.h"

#define KERNEL_ROW(op, name, E, T, R) \
  [NUMC_##E] = {sizeof(T), op##_##name##_init, op##_##name##_fold, op##_##name##_rows, op##_##name##_merge},

/* -------------------------------------------------------------- integers */

/* Integers wrap like NumPy's, computed in the unsigned type W (C's signed overflow is
 * undefined). */
#define SUM_INTS(X, A) X(A, int64, INT64, int64_t, uint64_t) X(A, uint64, UINT64, uint64_t, uint64_t)
#define sum_IDENTITY 0
#define sum_OP(a, b) ((a) + (b))
#define prod_IDENTITY 1
#define prod_OP(a, b) ((a) * (b))

#define INT_KERNELS(op, name, E, T, W)                                                     \
  static void op##_##name##_init(void *acc, int64_t n) {                                   \
    for (int64_t i = 0; i < n; i++) ((T *)acc)[i] = op##_IDENTITY;                         \
  }                                                                                        \
  static void op##_##name##_fold(void *acc, const char *x, int64_t n, int64_t step,        \
                                 int64_t start, const void *aux) {                         \
    W s = (W) * (T *)acc;                                                                  \
    if (step == (int64_t)sizeof(T)) {                                                      \
      const T *p = (const T *)x;                                                           \
      for (int64_t i = 0; i < n; i++) s = op##_OP(s, (W)p[i]);                             \
    } else {                                                                               \
      for (int64_t i = 0; i < n; i++) s = op##_OP(s, (W) * (const T *)(x + i * step));     \
    }                                                                                      \
    *(T *)acc = (T)s;                                                                      \
  }                                                                                        \
  static void op##_##name##_rows(void *acc, const char *x, int64_t n, int64_t step,        \
                                 int64_t index, const void *aux) {                         \
    T *a = acc;                                                                            \
    for (int64_t j = 0; j < n; j++) a[j] = (T)op##_OP((W)a[j], (W) * (const T *)(x + j * step)); \
  }                                                                                        \
  static void op##_##name##_merge(void *acc, const void *right) {                          \
    *(T *)acc = (T)op##_OP((W) * (T *)acc, (W) * (const T *)right);                         \
  }
SUM_INTS(INT_KERNELS, sum)
SUM_INTS(INT_KERNELS, prod)

/* ------------------------------------------------------ floating sums */

#define PLAIN(v, aux) (v)
#define NAN_AS_ZERO(v, aux) ((v) != (v) ? 0 : (v)) /* a complex is NaN if either part is */
#define sum_TERM PLAIN
#define nansum_TERM NAN_AS_ZERO

#define FLOAT_SUM(op, name, T, PAIRWISE)                                                   \
  PAIRWISE(op##_##name##_pairwise, T, T, op##_TERM)                                        \
  static void op##_##name##_init(void *acc, int64_t n) {                                   \
    for (int64_t i = 0; i < n; i++) ((T *)acc)[i] = 0;                                     \
  }                                                                                        \
  static void op##_##name##_fold(void *acc, const char *x, int64_t n, int64_t step,        \
                                 int64_t start, const void *aux) {                         \
    *(T *)acc += op##_##name##_pairwise(x, n, step, NULL);                                 \
  }                                                                                        \
  static void op##_##name##_rows(void *acc, const char *x, int64_t n, int64_t step,        \
                                 int64_t index, const void *aux) {                         \
    T *a = acc;                                                                            \
    if (step == (int64_t)sizeof(T)) {                                                      \
      const T *p = (const T *)x;                                                           \
      for (int64_t j = 0; j < n; j++) a[j] += op##_TERM(p[j], NULL);                       \
    } else {                                                                               \
      for (int64_t j = 0; j < n; j++) a[j] += op##_TERM(*(const T *)(x + j * step), NULL);  \
    }                                                                                      \
  }                                                                                        \
  static void op##_##name##_merge(void *acc, const void *right) { *(T *)acc += *(const T *)right; }
#define REAL_SUM(op, name, E, T, R) FLOAT_SUM(op, name, T, NUMC__PAIRWISE)
#define COMPLEX_SUM(op, name, E, T, R) FLOAT_SUM(op, name, T, NUMC__PAIRWISE_COMPLEX)
NUMC__FLOATS(REAL_SUM, sum)
NUMC__FLOATS(REAL_SUM, nansum)
NUMC__COMPLEXES(COMPLEX_SUM, sum)
NUMC__COMPLEXES(COMPLEX_SUM, nansum)

/* -------------------------------------------------- floating products */

#define FLOAT_PROD(op, name, E, T, R)                                                      \
  static void op##_##name##_init(void *acc, int64_t n) {                                   \
    for (int64_t i = 0; i < n; i++) ((T *)acc)[i] = 1;                                     \
  }                                                                                        \
  static void op##_##name##_fold(void *acc, const char *x, int64_t n, int64_t step,        \
                                 int64_t start, const void *aux) {                         \
    T s = *(T *)acc;                                                                       \
    for (int64_t i = 0; i < n; i++) s = NUMC__MUL(s, *(const T *)(x + i * step));                \
    *(T *)acc = s;                                                                         \
  }                                                                                        \
  static void op##_##name##_rows(void *acc, const char *x, int64_t n, int64_t step,        \
                                 int64_t index, const void *aux) {                         \
    T *a = acc;                                                                            \
    for (int64_t j = 0; j < n; j++) a[j] = NUMC__MUL(a[j], *(const T *)(x + j * step));          \
  }                                                                                        \
  static void op##_##name##_merge(void *acc, const void *right) {                          \
    *(T *)acc = NUMC__MUL(*(T *)acc, *(const T *)right);                                         \
  }
NUMC__FLOATS(FLOAT_PROD, prod)
NUMC__COMPLEXES(FLOAT_PROD, prod)

/* ---------------------------------------------------------------- tables */

static const numc__rkernels sum_kernels[NUMC_NDTYPES] = {
    SUM_INTS(KERNEL_ROW, sum) NUMC__FLOATS(KERNEL_ROW, sum) NUMC__COMPLEXES(KERNEL_ROW, sum)};
static const numc__rkernels nansum_kernels[NUMC_NDTYPES] = {
    SUM_INTS(KERNEL_ROW, sum) NUMC__FLOATS(KERNEL_ROW, nansum) NUMC__COMPLEXES(KERNEL_ROW, nansum)};
static const numc__rkernels prod_kernels[NUMC_NDTYPES] = {
    SUM_INTS(KERNEL_ROW, prod) NUMC__FLOATS(KERNEL_ROW, prod) NUMC__COMPLEXES(KERNEL_ROW, prod)};

numc_dtype numc__sum_loop_dtype(numc_dtype t) {
  if (t == NUMC_BOOL || numc__is_signed(t)) return NUMC_INT64;
  if (numc__is_int(t)) return NUMC_UINT64;
  return t == NUMC_FLOAT16 ? NUMC_FLOAT32 : t;
}

numc_dtype numc__sum_result_dtype(numc_dtype t) {
  return t == NUMC_FLOAT16 ? NUMC_FLOAT16 : numc__sum_loop_dtype(t);
}

const numc__rkernels *numc__sum_kernels(numc_dtype loop, bool nan_as_zero) {
  const numc__rkernels *k = &(nan_as_zero ? nansum_kernels : sum_kernels)[loop];
  return k->fold ? k : NULL;
}

static numc_status sum_like(const numc_array *a, const numc_axes *axes, bool keepdims,
                            const numc__rkernels *table, int gpu_op, numc_array **out) {
  numc__rshape rs;
  NUMC__TRY(numc__reduce_shape(a, axes, keepdims, true, out, &rs));
  numc_dtype loop = numc__sum_loop_dtype(a->dtype), t = numc__sum_result_dtype(a->dtype);
  numc_status offloaded = numc__reduce_offloaded(gpu_op, a, &rs, t, 0, out);
  if (offloaded != NUMC_EUNAVAIL) return offloaded; /* done, or pending (wait.c) */
  numc__reduction r = {.k = &table[loop], .loop = loop, .finish = numc__finish_cast, .acc_dtype = loop};
  return numc__reduce_new(&r, a, &rs, t, out);
}

numc_status numc_sum(const numc_array *a, const numc_axes *axes, bool keepdims, numc_array **out) {
  return sum_like(a, axes, keepdims, sum_kernels, NUMC__RED_SUM, out);
}

numc_status numc_prod(const numc_array *a, const numc_axes *axes, bool keepdims, numc_array **out) {
  return sum_like(a, axes, keepdims, prod_kernels, NUMC__RED_PROD, out);
}

numc_status numc_nansum(const numc_array *a, const numc_axes *axes, bool keepdims,
                        numc_array **out) {
  return sum_like(a, axes, keepdims, nansum_kernels, NUMC__RED_CPU_ONLY, out);
}
