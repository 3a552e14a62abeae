/* argmin and argmax: the index of the first extreme along one axis, or of the flattened
 * array (C order). The first NaN wins, as in NumPy. float16 is read as float32 and bool
 * as uint8. */
#include <math.h>

#include "reduce/lanes.h"
#include "reduce/reduce.h"
#include "ufunc/loops.h"

#define LESS_REAL(a, b) ((a) < (b))
#define ISNAN_REAL(a) ((a) != (a))
#define LESS_CPLX(a, b) (creal(a) < creal(b) || (creal(a) == creal(b) && cimag(a) < cimag(b)))
#define ISNAN_CPLX(a) ((a) != (a))
#define LESS_INT(a, b) ((a) < (b))
#define ISNAN_INT(a) 0
/* Whether v beats the best so far m (ties keep the earlier one; nothing beats a NaN). */
#define BEATS_argmin(F, m, v) (!ISNAN_##F(m) && (ISNAN_##F(v) || LESS_##F(v, m)))
#define BEATS_argmax(F, m, v) (!ISNAN_##F(m) && (ISNAN_##F(v) || LESS_##F(m, v)))
/* The lanes' kind (lanes.h). */
#define KIND_argmin min
#define KIND_argmax max

/* Elements per block of the contiguous scan. */
#define BLOCK 2048

/* The accumulator is the best value and its index (-1: nothing seen yet). */
#define ARG_COMMON(op, name, T, F)                                                         \
  typedef struct {                                                                         \
    T v;                                                                                   \
    int64_t i;                                                                             \
  } op##_##name##_acc;                                                                     \
  static inline void op##_##name##_take(op##_##name##_acc *a, T v, int64_t i) {            \
    if (a->i < 0 || BEATS_##op(F, a->v, v)) {                                              \
      a->v = v;                                                                            \
      a->i = i;                                                                            \
    }                                                                                      \
  }                                                                                        \
  static void op##_##name##_init(void *acc, int64_t n) {                                   \
    op##_##name##_acc *a = acc;                                                            \
    for (int64_t j = 0; j < n; j++) a[j] = (op##_##name##_acc){0, -1};                     \
  }                                                                                        \
  static void op##_##name##_rows(void *acc, const char *x, int64_t n, int64_t step,        \
                                 int64_t index, const void *aux) {                         \
    op##_##name##_acc *a = acc;                                                            \
    for (int64_t j = 0; j < n; j++) op##_##name##_take(&a[j], *(const T *)(x + j * step), index); \
  }                                                                                        \
  static void op##_##name##_merge(void *acc, const void *right) {                          \
    const op##_##name##_acc *r = right;                                                    \
    if (r->i >= 0) op##_##name##_take(acc, r->v, r->i);                                    \
  }

/* The contiguous path of real and integer types: the vector lanes find each block's
 * extreme and whether it holds a NaN. Only the block where the best value first appears
 * is searched for its position, once, at the end; a block with a NaN is scanned element
 * by element (its first NaN wins). Returns how many elements it consumed (all). */
#define ARG_BLOCKS(op, name, T, F)                                                         \
  NUMC__EXTREME(op##_##name##_extreme, T, KIND_##op)                                       \
  static int64_t op##_##name##_blocks(op##_##name##_acc *a, const T *p, int64_t n,         \
                                      int64_t start) {                                     \
    if (a->i >= 0 && ISNAN_##F(a->v)) return n; /* nothing beats a NaN */                  \
    T best = 0;                                                                            \
    int64_t from = -1; /* the block where best first appears */                            \
    for (int64_t i = 0; i < n; i += BLOCK) {                                               \
      int64_t len = n - i < BLOCK ? n - i : BLOCK;                                         \
      bool nan;                                                                            \
      T e = op##_##name##_extreme(p + i, len, p[i], &nan);                                 \
      if (nan) {                                                                           \
        for (int64_t b = 0; b < len; b++) op##_##name##_take(a, p[i + b], start + i + b);  \
        return n;                                                                          \
      }                                                                                    \
      if (from < 0 ? a->i < 0 || BEATS_##op(F, a->v, e) : BEATS_##op(F, best, e)) {       \
        best = e;                                                                          \
        from = i;                                                                          \
      }                                                                                    \
    }                                                                                      \
    if (from >= 0) {                                                                       \
      while (!(p[from] == best)) from++; /* best is one of the elements */                 \
      a->v = best;                                                                         \
      a->i = start + from;                                                                 \
    }                                                                                      \
    return n;                                                                              \
  }
#define BLOCK_SCAN(op, name, a, p, n, start) op##_##name##_blocks(a, p, n, start)
#define NO_SCAN(op, name, a, p, n, start) 0

#define ARG_FOLD(op, name, T, SCAN)                                                        \
  static void op##_##name##_fold(void *acc, const char *x, int64_t n, int64_t step,        \
                                 int64_t start, const void *aux) {                         \
    op##_##name##_acc *a = acc;                                                            \
    int64_t i = step == (int64_t)sizeof(T) ? SCAN(op, name, a, (const T *)x, n, start) : 0; \
    for (; i < n; i++) op##_##name##_take(a, *(const T *)(x + i * step), start + i);       \
  }

#define ARG_INT(op, name, E, T, W) ARG_COMMON(op, name, T, INT) ARG_BLOCKS(op, name, T, INT) ARG_FOLD(op, name, T, BLOCK_SCAN)
#define ARG_REAL(op, name, E, T, R) ARG_COMMON(op, name, T, REAL) ARG_BLOCKS(op, name, T, REAL) ARG_FOLD(op, name, T, BLOCK_SCAN)
#define ARG_CPLX(op, name, E, T, R) ARG_COMMON(op, name, T, CPLX) ARG_FOLD(op, name, T, NO_SCAN)
#define ARG_ALL(op) NUMC__INTS(ARG_INT, op) NUMC__FLOATS(ARG_REAL, op) NUMC__COMPLEXES(ARG_CPLX, op)
ARG_ALL(argmin)
ARG_ALL(argmax)

#define KERNEL_ROW(op, name, E, T, R)                                                       \
  [NUMC_##E] = {sizeof(op##_##name##_acc), op##_##name##_init, op##_##name##_fold,         \
                op##_##name##_rows, op##_##name##_merge},
#define ARG_TABLE(op) {NUMC__INTS(KERNEL_ROW, op) NUMC__FLOATS(KERNEL_ROW, op) NUMC__COMPLEXES(KERNEL_ROW, op)}
static const numc__rkernels argmin_kernels[NUMC_NDTYPES] = ARG_TABLE(argmin);
static const numc__rkernels argmax_kernels[NUMC_NDTYPES] = ARG_TABLE(argmax);

/* The index field follows the value in every accumulator type. */
#define INDEX_OFFSET(op, name, E, T, R) [NUMC_##E] = offsetof(op##_##name##_acc, i),
static const size_t index_offset[NUMC_NDTYPES] = {
    NUMC__INTS(INDEX_OFFSET, argmin) NUMC__FLOATS(INDEX_OFFSET, argmin) NUMC__COMPLEXES(INDEX_OFFSET, argmin)};

static void finish_index(const numc__reduction *r, char *out, int64_t ostep, const void *acc,
                         int64_t n, int64_t o) {
  size_t sz = r->k->acc_size, off = index_offset[r->loop];
  for (int64_t j = 0; j < n; j++)
    memcpy(out + j * ostep, (const char *)acc + (size_t)j * sz + off, sizeof(int64_t));
}

static numc_status arg(const numc_array *a, const int *axis, bool keepdims,
                       const numc__rkernels *table, const char *name, int gpu_op, numc_array **out) {
  numc__rshape rs;
  if (a && axis && a->ndim == 0 && *axis != 0 && *axis != -1) /* NumPy sees a 0-d array as 1-d */
    return numc__fail(NUMC_EAXIS, "axis %d is out of bounds for array of dimension 1", *axis);
  NUMC__TRY(numc__reduce_shape(a, axis ? NUMC_AXES(*axis) : NULL, keepdims, true, out, &rs));
  if (rs.count == 0) return numc__fail(NUMC_EVALUE, "attempt to get %s of an empty sequence", name);
  numc_status offloaded = numc__reduce_offloaded(gpu_op, a, &rs, NUMC_INT64, 0, out);
  if (offloaded != NUMC_EUNAVAIL) return offloaded; /* done, or pending (wait.c) */
  numc_dtype loop = a->dtype == NUMC_BOOL ? NUMC_UINT8 : a->dtype == NUMC_FLOAT16 ? NUMC_FLOAT32 : a->dtype;
  numc__reduction r = {.k = &table[loop], .loop = loop, .ordered = true, .finish = finish_index};
  if (axis) return numc__reduce_new(&r, a, &rs, NUMC_INT64, out);
  numc_array *flat = NULL;
  NUMC__TRY(numc__flat_view(a, &flat));
  numc__rshape flat_rs = rs; /* the result's shape, reducing the one axis of the view */
  flat_rs.mask[0] = true;
  numc_status s = numc__reduce_new(&r, flat, &flat_rs, NUMC_INT64, out);
  numc_free(flat);
  return s;
}

numc_status numc_argmin(const numc_array *a, const int *axis, bool keepdims, numc_array **out) {
  return arg(a, axis, keepdims, argmin_kernels, "argmin", NUMC__RED_ARGMIN, out);
}

numc_status numc_argmax(const numc_array *a, const int *axis, bool keepdims, numc_array **out) {
  return arg(a, axis, keepdims, argmax_kernels, "argmax", NUMC__RED_ARGMAX, out);
}
