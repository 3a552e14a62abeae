/* min, max, nanmin, nanmax and ptp.
 *
 * One update rule per function decides whether a new element v replaces the
 * accumulator m. min/max propagate NaN: a NaN replaces anything and nothing replaces a
 * NaN. nanmin/nanmax start from NaN ("nothing yet") and never take a NaN, so an all-NaN
 * slice stays NaN. Complex numbers order lexicographically and are NaN when either part
 * is, as NumPy's. float16 is read as float32 and bool as uint8; the result converts back
 * exactly. */
#include <math.h>

#include "reduce/lanes.h"
#include "reduce/reduce.h"
#include "ufunc/loops.h"

/* Order and NaN test per family. */
#define LESS_REAL(a, b) ((a) < (b))
#define ISNAN_REAL(a) ((a) != (a))
#define LESS_CPLX(a, b) \
  (creal(a) < creal(b) || (creal(a) == creal(b) && cimag(a) < cimag(b)))
#define ISNAN_CPLX(a) ((a) != (a))
#define LESS_INT(a, b) ((a) < (b))
#define ISNAN_INT(a) 0

/* Whether v replaces m. */
#define TAKES_min(F, m, v) (!ISNAN_##F(m) && (ISNAN_##F(v) || LESS_##F(v, m)))
#define TAKES_max(F, m, v) (!ISNAN_##F(m) && (ISNAN_##F(v) || LESS_##F(m, v)))
#define TAKES_nanmin(F, m, v) (!ISNAN_##F(v) && (ISNAN_##F(m) || LESS_##F(v, m)))
#define TAKES_nanmax(F, m, v) (!ISNAN_##F(v) && (ISNAN_##F(m) || LESS_##F(m, v)))

/* Starting values: the identity of the order, or NaN for "nothing yet". */
#define INT_MAXOF(T) ((T)-1 > 0 ? (T)-1 : (T)(((uint64_t)1 << (8 * sizeof(T) - 1)) - 1))
#define INT_MINOF(T) ((T)-1 > 0 ? (T)0 : (T)(-INT_MAXOF(T) - 1))
#define START_INT_min(T) INT_MAXOF(T)
#define START_INT_max(T) INT_MINOF(T)
#define START_INT_nanmin(T) INT_MAXOF(T)
#define START_INT_nanmax(T) INT_MINOF(T)
#define START_REAL_min(T) ((T)INFINITY)
#define START_REAL_max(T) ((T)-INFINITY)
#define START_REAL_nanmin(T) ((T)NAN)
#define START_REAL_nanmax(T) ((T)NAN)
#define START_CPLX_min(T) ((T)CMPLX(INFINITY, INFINITY))
#define START_CPLX_max(T) ((T)CMPLX(-INFINITY, -INFINITY))
#define START_CPLX_nanmin(T) ((T)CMPLX(NAN, NAN))
#define START_CPLX_nanmax(T) ((T)CMPLX(NAN, NAN))

#define UPDATE(op, F, m, v) ((m) = TAKES_##op(F, m, v) ? (v) : (m))

/* The lanes' kind (lanes.h) and their start, NaN aside. */
#define KIND_min min
#define KIND_nanmin min
#define KIND_max max
#define KIND_nanmax max
#define BOUND_INT_min(T) INT_MAXOF(T)
#define BOUND_INT_nanmin(T) INT_MAXOF(T)
#define BOUND_INT_max(T) INT_MINOF(T)
#define BOUND_INT_nanmax(T) INT_MINOF(T)
#define BOUND_REAL_min(T) ((T)INFINITY)
#define BOUND_REAL_nanmin(T) ((T)INFINITY)
#define BOUND_REAL_max(T) ((T)-INFINITY)
#define BOUND_REAL_nanmax(T) ((T)-INFINITY)

/* A contiguous run without NaN goes through the vector lanes (lanes.h); runs with NaN,
 * and complex numbers, take the element-by-element rule. */
#define LANES(op, name, T, F)                                                              \
  NUMC__EXTREME(op##_##name##_extreme, T, KIND_##op)                                        \
  static bool op##_##name##_lanes(T *m, const char *x, int64_t n, int64_t step) {          \
    if (step != (int64_t)sizeof(T) || n < 16) return false;                                \
    bool nan;                                                                              \
    T e = op##_##name##_extreme((const T *)x, n, BOUND_##F##_##op(T), &nan);               \
    if (nan) return false;                                                                 \
    UPDATE(op, F, *m, e);                                                                  \
    return true;                                                                           \
  }
#define NO_LANES(op, name, T, F)                                                           \
  static bool op##_##name##_lanes(T *m, const char *x, int64_t n, int64_t step) { return false; }

#define MINMAX_KERNELS(op, name, T, F, FAST)                                               \
  FAST(op, name, T, F)                                                                     \
  static void op##_##name##_init(void *acc, int64_t n) {                                   \
    for (int64_t i = 0; i < n; i++) ((T *)acc)[i] = START_##F##_##op(T);                   \
  }                                                                                        \
  static void op##_##name##_fold(void *acc, const char *x, int64_t n, int64_t step,        \
                                 int64_t start, const void *aux) {                         \
    T m = *(T *)acc;                                                                       \
    if (!op##_##name##_lanes(&m, x, n, step))                                              \
      for (int64_t i = 0; i < n; i++) UPDATE(op, F, m, *(const T *)(x + i * step));        \
    *(T *)acc = m;                                                                         \
  }                                                                                        \
  static void op##_##name##_rows(void *acc, const char *x, int64_t n, int64_t step,        \
                                 int64_t index, const void *aux) {                         \
    T *a = acc;                                                                            \
    if (step == (int64_t)sizeof(T)) {                                                      \
      const T *p = (const T *)x;                                                           \
      for (int64_t j = 0; j < n; j++) UPDATE(op, F, a[j], p[j]);                           \
    } else {                                                                               \
      for (int64_t j = 0; j < n; j++) UPDATE(op, F, a[j], *(const T *)(x + j * step));     \
    }                                                                                      \
  }                                                                                        \
  static void op##_##name##_merge(void *acc, const void *right) {                          \
    UPDATE(op, F, *(T *)acc, *(const T *)right);                                           \
  }
#define INT_MINMAX(op, name, E, T, W) MINMAX_KERNELS(op, name, T, INT, LANES)
#define REAL_MINMAX(op, name, E, T, R) MINMAX_KERNELS(op, name, T, REAL, LANES)
#define CPLX_MINMAX(op, name, E, T, R) MINMAX_KERNELS(op, name, T, CPLX, NO_LANES)
#define ALL_MINMAX(op) NUMC__INTS(INT_MINMAX, op) NUMC__FLOATS(REAL_MINMAX, op) NUMC__COMPLEXES(CPLX_MINMAX, op)
ALL_MINMAX(min)
ALL_MINMAX(max)
NUMC__FLOATS(REAL_MINMAX, nanmin)
NUMC__FLOATS(REAL_MINMAX, nanmax)
NUMC__COMPLEXES(CPLX_MINMAX, nanmin)
NUMC__COMPLEXES(CPLX_MINMAX, nanmax)

#define KERNEL_ROW(op, name, E, T, R) \
  [NUMC_##E] = {sizeof(T), op##_##name##_init, op##_##name##_fold, op##_##name##_rows, op##_##name##_merge},
#define TABLE(op, intop)                                                                   \
  static const numc__rkernels op##_kernels[NUMC_NDTYPES] = {                               \
      NUMC__INTS(KERNEL_ROW, intop) NUMC__FLOATS(KERNEL_ROW, op) NUMC__COMPLEXES(KERNEL_ROW, op)};
/* Integers have no NaN: nanmin is min. */
TABLE(min, min)
TABLE(max, max)
TABLE(nanmin, min)
TABLE(nanmax, max)

/* NumPy's names for the messages: np.min reduces with minimum, np.nanmin with fmin. */
static numc_status extreme(const numc_array *a, const numc_axes *axes, bool keepdims,
                           const numc__rkernels *table, const char *ufunc, int gpu_op, numc_array **out) {
  numc__rshape rs;
  NUMC__TRY(numc__reduce_shape(a, axes, keepdims, true, out, &rs));
  NUMC__TRY(numc__reduce_nonempty(&rs, ufunc));
  numc_status offloaded = numc__reduce_offloaded(gpu_op, a, &rs, a->dtype, 0, out);
  if (offloaded != NUMC_EUNAVAIL) return offloaded; /* done, or pending (wait.c) */
  numc_dtype loop = a->dtype == NUMC_BOOL ? NUMC_UINT8 : a->dtype == NUMC_FLOAT16 ? NUMC_FLOAT32 : a->dtype;
  numc__reduction r = {.k = &table[loop], .loop = loop, .finish = numc__finish_cast, .acc_dtype = loop};
  return numc__reduce_new(&r, a, &rs, a->dtype, out);
}

numc_status numc_min(const numc_array *a, const numc_axes *axes, bool keepdims, numc_array **out) {
  return extreme(a, axes, keepdims, min_kernels, "minimum", NUMC__RED_MIN, out);
}

numc_status numc_max(const numc_array *a, const numc_axes *axes, bool keepdims, numc_array **out) {
  return extreme(a, axes, keepdims, max_kernels, "maximum", NUMC__RED_MAX, out);
}

numc_status numc_nanmin(const numc_array *a, const numc_axes *axes, bool keepdims,
                        numc_array **out) {
  return extreme(a, axes, keepdims, nanmin_kernels, "fmin", NUMC__RED_CPU_ONLY, out);
}

numc_status numc_nanmax(const numc_array *a, const numc_axes *axes, bool keepdims,
                        numc_array **out) {
  return extreme(a, axes, keepdims, nanmax_kernels, "fmax", NUMC__RED_CPU_ONLY, out);
}

/* ptp = max - min, as NumPy computes it (integers wrap; bool has no subtraction). */
numc_status numc_ptp(const numc_array *a, const numc_axes *axes, bool keepdims, numc_array **out) {
  numc__rshape rs;
  NUMC__TRY(numc__reduce_shape(a, axes, keepdims, true, out, &rs));
  if (a->dtype == NUMC_BOOL)
    return numc__fail(NUMC_EDTYPE, "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
  numc_array *hi = NULL, *lo = NULL;
  numc_status s = numc_max(a, axes, keepdims, &hi);
  if (s == NUMC_OK) s = numc_min(a, axes, keepdims, &lo);
  if (s == NUMC_OK) s = numc_subtract(hi, lo, out);
  numc_free(hi);
  numc_free(lo);
  return s;
}
