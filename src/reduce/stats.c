/* mean, var, std and their NaN-skipping variants.
 *
 * mean is the pairwise sum divided by the count, in float64 for integers and bool,
 * float32 for float16, the input's dtype otherwise. var and std take two passes, as
 * NumPy: the means first, then the pairwise sum of squared deviations |x - mean|^2
 * (real for complex input), divided by count - ddof. The nan-variants count the non-NaN
 * elements per output, sum with NaN as 0, and give NaN where nothing (or no degree of
 * freedom) is left; on integers they are the plain functions. */
#include <math.h>

#include "reduce/pairwise.h"
#include "reduce/reduce.h"
#include "ufunc/loops.h"

#define KERNEL_ROW(op, name, E, T, R) \
  [NUMC_##E] = {sizeof(R), op##_##name##_init, op##_##name##_fold, op##_##name##_rows, op##_##name##_merge},

/* ------------------------------------------------------- non-NaN counts */

#define NOTNAN_KERNELS(op, name, E, T, R)                                                  \
  static void op##_##name##_init(void *acc, int64_t n) {                                   \
    for (int64_t i = 0; i < n; i++) ((int64_t *)acc)[i] = 0;                               \
  }                                                                                        \
  static void op##_##name##_fold(void *acc, const char *x, int64_t n, int64_t step,        \
                                 int64_t start, const void *aux) {                         \
    int64_t c = 0;                                                                         \
    for (int64_t i = 0; i < n; i++) {                                                      \
      T v = *(const T *)(x + i * step);                                                    \
      c += v == v;                                                                         \
    }                                                                                      \
    *(int64_t *)acc += c;                                                                  \
  }                                                                                        \
  static void op##_##name##_rows(void *acc, const char *x, int64_t n, int64_t step,        \
                                 int64_t index, const void *aux) {                         \
    int64_t *a = acc;                                                                      \
    for (int64_t j = 0; j < n; j++) {                                                      \
      T v = *(const T *)(x + j * step);                                                    \
      a[j] += v == v;                                                                      \
    }                                                                                      \
  }                                                                                        \
  static void op##_##name##_merge(void *acc, const void *right) {                          \
    *(int64_t *)acc += *(const int64_t *)right;                                            \
  }
NUMC__FLOATS(NOTNAN_KERNELS, notnan)
NUMC__COMPLEXES(NOTNAN_KERNELS, notnan)
#define COUNT_ROW(op, name, E, T, R) \
  [NUMC_##E] = {sizeof(int64_t), op##_##name##_init, op##_##name##_fold, op##_##name##_rows, op##_##name##_merge},
static const numc__rkernels notnan_kernels[NUMC_NDTYPES] = {
    NUMC__FLOATS(COUNT_ROW, notnan) NUMC__COMPLEXES(COUNT_ROW, notnan)};

/* ------------------------------------------- sums of squared deviations */

/* |v - mean|^2 with the output's mean at aux, in the real type. */
static inline float sqdev_f32(float v, const void *m) {
  float d = v - *(const float *)m;
  return d * d;
}
static inline double sqdev_f64(double v, const void *m) {
  double d = v - *(const double *)m;
  return d * d;
}
static inline float sqdev_c64(numc__c64 v, const void *m) {
  numc__c64 d = v - *(const numc__c64 *)m;
  return crealf(d) * crealf(d) + cimagf(d) * cimagf(d);
}
static inline double sqdev_c128(numc__c128 v, const void *m) {
  numc__c128 d = v - *(const numc__c128 *)m;
  return creal(d) * creal(d) + cimag(d) * cimag(d);
}
#define SQDEV(v, m) \
  _Generic((v), float: sqdev_f32, double: sqdev_f64, numc__c64: sqdev_c64, numc__c128: sqdev_c128)(v, m)
#define NAN_SQDEV(v, m) ((v) != (v) ? 0 : SQDEV(v, m))
#define ssd_TERM SQDEV
#define nanssd_TERM NAN_SQDEV

/* aux is the output's mean in fold, the block's means in rows. */
#define SSD_KERNELS(op, name, E, T, R)                                                     \
  NUMC__PAIRWISE(op##_##name##_pairwise, T, R, op##_TERM)                                  \
  static void op##_##name##_init(void *acc, int64_t n) {                                   \
    for (int64_t i = 0; i < n; i++) ((R *)acc)[i] = 0;                                     \
  }                                                                                        \
  static void op##_##name##_fold(void *acc, const char *x, int64_t n, int64_t step,        \
                                 int64_t start, const void *aux) {                         \
    *(R *)acc += op##_##name##_pairwise(x, n, step, aux);                                  \
  }                                                                                        \
  static void op##_##name##_rows(void *acc, const char *x, int64_t n, int64_t step,        \
                                 int64_t index, const void *aux) {                         \
    R *a = acc;                                                                            \
    const T *m = aux;                                                                      \
    for (int64_t j = 0; j < n; j++) a[j] += op##_TERM(*(const T *)(x + j * step), &m[j]);  \
  }                                                                                        \
  static void op##_##name##_merge(void *acc, const void *right) { *(R *)acc += *(const R *)right; }
NUMC__FLOATS(SSD_KERNELS, ssd)
NUMC__COMPLEXES(SSD_KERNELS, ssd)
NUMC__FLOATS(SSD_KERNELS, nanssd)
NUMC__COMPLEXES(SSD_KERNELS, nanssd)
static const numc__rkernels ssd_kernels[NUMC_NDTYPES] = {
    NUMC__FLOATS(KERNEL_ROW, ssd) NUMC__COMPLEXES(KERNEL_ROW, ssd)};
static const numc__rkernels nanssd_kernels[NUMC_NDTYPES] = {
    NUMC__FLOATS(KERNEL_ROW, nanssd) NUMC__COMPLEXES(KERNEL_ROW, nanssd)};

/* ------------------------------------------------------------- passes */

static numc_dtype mean_loop_dtype(numc_dtype t) {
  return !numc__is_inexact(t) ? NUMC_FLOAT64 : t == NUMC_FLOAT16 ? NUMC_FLOAT32 : t;
}

static numc_dtype mean_result_dtype(numc_dtype t) {
  return numc__is_inexact(t) ? t : NUMC_FLOAT64;
}

static numc_status count_notnan(const numc_array *a, const numc__rshape *rs, numc_dtype loop,
                                numc_array **counts) {
  numc__reduction r = {.k = &notnan_kernels[loop], .loop = loop, .finish = numc__finish_cast,
                       .acc_dtype = NUMC_INT64};
  return numc__reduce_new(&r, a, rs, NUMC_INT64, counts);
}

/* Per-output means into a new array of dtype t; NaN skipped when counts is given. */
static numc_status means(const numc_array *a, const numc__rshape *rs, numc_dtype loop,
                         const numc_array *counts, numc_dtype t, numc_array **out) {
  numc__reduction r = {.k = numc__sum_kernels(loop, counts != NULL), .loop = loop,
                       .finish = numc__finish_divide, .acc_dtype = loop, .count = rs->count,
                       .counts = counts ? (const int64_t *)numc__host_data(counts) : NULL};
  return numc__reduce_new(&r, a, rs, t, out);
}

/* NumPy's mean/var count with normalize_axis_index, which rejects axis 0 of a 0-d
 * array; the nan-variants reduce with np.sum, which accepts it. */
static numc_status mean_of(const numc_array *a, const numc_axes *axes, bool keepdims,
                           bool skip_nan, numc_array **out) {
  numc__rshape rs;
  int gpu_op = skip_nan ? NUMC__RED_CPU_ONLY : NUMC__RED_MEAN;
  skip_nan = skip_nan && a && numc__is_inexact(a->dtype);
  NUMC__TRY(numc__reduce_shape(a, axes, keepdims, skip_nan, out, &rs));
  numc_status offloaded = numc__reduce_offloaded(gpu_op, a, &rs, mean_result_dtype(a->dtype), 0, out);
  if (offloaded != NUMC_EUNAVAIL) return offloaded; /* done, or pending (wait.c) */
  numc_dtype loop = mean_loop_dtype(a->dtype);
  numc_array *counts = NULL;
  if (skip_nan) NUMC__TRY(count_notnan(a, &rs, loop, &counts));
  else if (rs.count == 0) numc__warn("Mean of empty slice.");
  numc_status s = means(a, &rs, loop, counts, mean_result_dtype(a->dtype), out);
  numc_free(counts);
  return s;
}

static numc_status var_of(const numc_array *a, const numc_axes *axes, int64_t ddof,
                          bool keepdims, bool skip_nan, bool take_sqrt, numc_array **out) {
  numc__rshape rs;
  int gpu_op = skip_nan ? NUMC__RED_CPU_ONLY : take_sqrt ? NUMC__RED_STD : NUMC__RED_VAR;
  skip_nan = skip_nan && a && numc__is_inexact(a->dtype);
  NUMC__TRY(numc__reduce_shape(a, axes, keepdims, skip_nan, out, &rs));
  numc_dtype result = numc__real_dtype(mean_result_dtype(a->dtype));
  numc_status offloaded = numc__reduce_offloaded(gpu_op, a, &rs, result, ddof, out);
  if (offloaded != NUMC_EUNAVAIL) return offloaded; /* done, or pending (wait.c) */
  numc_dtype loop = mean_loop_dtype(a->dtype);
  numc_array *counts = NULL, *mean = NULL;
  numc_status s = skip_nan ? count_notnan(a, &rs, loop, &counts) : NUMC_OK;
  if (s == NUMC_OK) s = means(a, &rs, loop, counts, loop, &mean);
  if (s == NUMC_OK) {
    numc__reduction r = {.k = &(skip_nan ? nanssd_kernels : ssd_kernels)[loop], .loop = loop,
                         .aux = numc__host_data(mean), .aux_size = numc_dtype_size(loop),
                         .finish = numc__finish_divide, .acc_dtype = numc__real_dtype(loop),
                         .count = rs.count, .counts = counts ? (const int64_t *)numc__host_data(counts) : NULL,
                         .ddof = ddof, .nan_if_no_dof = skip_nan, .take_sqrt = take_sqrt};
    s = numc__reduce_new(&r, a, &rs, result, out);
  }
  if (s == NUMC_OK && !skip_nan && rs.count - ddof <= 0) numc__warn("Degrees of freedom <= 0 for slice");
  numc_free(counts);
  numc_free(mean);
  return s;
}

numc_status numc_mean(const numc_array *a, const numc_axes *axes, bool keepdims, numc_array **out) {
  return mean_of(a, axes, keepdims, false, out);
}

numc_status numc_nanmean(const numc_array *a, const numc_axes *axes, bool keepdims,
                         numc_array **out) {
  return mean_of(a, axes, keepdims, true, out);
}

numc_status numc_var(const numc_array *a, const numc_axes *axes, int64_t ddof, bool keepdims,
                     numc_array **out) {
  return var_of(a, axes, ddof, keepdims, false, false, out);
}

numc_status numc_std(const numc_array *a, const numc_axes *axes, int64_t ddof, bool keepdims,
                     numc_array **out) {
  return var_of(a, axes, ddof, keepdims, false, true, out);
}

numc_status numc_nanvar(const numc_array *a, const numc_axes *axes, int64_t ddof, bool keepdims,
                        numc_array **out) {
  return var_of(a, axes, ddof, keepdims, true, false, out);
}

numc_status numc_nanstd(const numc_array *a, const numc_axes *axes, int64_t ddof, bool keepdims,
                        numc_array **out) {
  return var_of(a, axes, ddof, keepdims, true, true, out);
}
