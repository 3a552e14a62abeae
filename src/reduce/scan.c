/* cumsum and cumprod: out[i] = out[i-1] op x[i] along one axis (or the flattened array),
 * sequential as NumPy's accumulate. Result dtypes are sum's; the running value is read
 * back from the stored output, so float16 rounds at every step exactly as NumPy does. */
#include <stdlib.h>

#include "core/threads.h"
#include "reduce/reduce.h"

/* Conversions: integers run in uint64 (wrapping like NumPy; C's signed overflow is
 * undefined), float16 in float32. */
#define AS_U64(x) ((uint64_t)(x))
#define AS_I64(c) ((int64_t)(c))
#define SAME(x) (x)
#define ADD(a, b) ((a) + (b))

/* X(op, name, E, TI, TO, C, IN, OUT, BACK): input type, output type, computing type,
 * and the conversions input -> C, C -> output, output -> C. */
#define SCAN_TYPES(X, op)                                                             \
  X(op, bool_, BOOL, bool, int64_t, uint64_t, AS_U64, AS_I64, AS_U64)                  \
  X(op, int8, INT8, int8_t, int64_t, uint64_t, AS_U64, AS_I64, AS_U64)                 \
  X(op, int16, INT16, int16_t, int64_t, uint64_t, AS_U64, AS_I64, AS_U64)              \
  X(op, int32, INT32, int32_t, int64_t, uint64_t, AS_U64, AS_I64, AS_U64)              \
  X(op, int64, INT64, int64_t, int64_t, uint64_t, AS_U64, AS_I64, AS_U64)              \
  X(op, uint8, UINT8, uint8_t, uint64_t, uint64_t, AS_U64, SAME, SAME)                 \
  X(op, uint16, UINT16, uint16_t, uint64_t, uint64_t, AS_U64, SAME, SAME)              \
  X(op, uint32, UINT32, uint32_t, uint64_t, uint64_t, AS_U64, SAME, SAME)              \
  X(op, uint64, UINT64, uint64_t, uint64_t, uint64_t, AS_U64, SAME, SAME)              \
  X(op, float16, FLOAT16, uint16_t, uint16_t, float, numc__half_to_float,              \
    numc__float_to_half, numc__half_to_float)                                          \
  X(op, float32, FLOAT32, float, float, float, SAME, SAME, SAME)                       \
  X(op, float64, FLOAT64, double, double, double, SAME, SAME, SAME)                    \
  X(op, complex64, COMPLEX64, numc__c64, numc__c64, numc__c64, SAME, SAME, SAME)       \
  X(op, complex128, COMPLEX128, numc__c128, numc__c128, numc__c128, SAME, SAME, SAME)

/* line: one scan of n >= 1 elements along a strided line. rows: one row of the result
 * from the previous one (NULL for the first row), n contiguous outputs. */
typedef struct scan_kernels {
  void (*line)(const char *x, int64_t sx, char *o, int64_t so, int64_t n);
  void (*rows)(const char *x, int64_t sx, const char *prev, char *o, int64_t n);
} scan_kernels;

#define SCAN_KERNELS(op, name, E, TI, TO, C, IN, OUT, BACK)                               \
  static void op##_##name##_line(const char *x, int64_t sx, char *o, int64_t so, int64_t n) { \
    TO r = OUT(IN(*(const TI *)x));                                                       \
    *(TO *)o = r;                                                                         \
    C c = BACK(r);                                                                        \
    for (int64_t i = 1; i < n; i++) {                                                     \
      r = OUT(op(c, IN(*(const TI *)(x + i * sx))));                                      \
      *(TO *)(o + i * so) = r;                                                            \
      c = BACK(r);                                                                        \
    }                                                                                     \
  }                                                                                       \
  static void op##_##name##_rows(const char *x, int64_t sx, const char *prev, char *o,    \
                                 int64_t n) {                                             \
    TO *po = (TO *)o;                                                                     \
    const TO *pp = (const TO *)prev;                                                      \
    if (!pp)                                                                              \
      for (int64_t j = 0; j < n; j++) po[j] = OUT(IN(*(const TI *)(x + j * sx)));         \
    else if (sx == (int64_t)sizeof(TI))                                                   \
      for (int64_t j = 0; j < n; j++) po[j] = OUT(op(BACK(pp[j]), IN(((const TI *)x)[j]))); \
    else                                                                                  \
      for (int64_t j = 0; j < n; j++) po[j] = OUT(op(BACK(pp[j]), IN(*(const TI *)(x + j * sx)))); \
  }
SCAN_TYPES(SCAN_KERNELS, ADD)
SCAN_TYPES(SCAN_KERNELS, NUMC__MUL)

#define SCAN_ROW(op, name, E, TI, TO, C, IN, OUT, BACK) [NUMC_##E] = {op##_##name##_line, op##_##name##_rows},
static const scan_kernels cumsum_kernels[NUMC_NDTYPES] = {SCAN_TYPES(SCAN_ROW, ADD)};
static const scan_kernels cumprod_kernels[NUMC_NDTYPES] = {SCAN_TYPES(SCAN_ROW, NUMC__MUL)};

/* Outputs per column block in the row-by-row shape. */
#define COLUMNS 2048
#define GRAIN 32768

/* The other dims (all but the axis, length-1 ones dropped) with input and output
 * strides; with `by_rows`, the last of them is the contiguous vector of the rows. */
typedef struct scan_job {
  const scan_kernels *k;
  const char *x;
  char *o;
  int64_t len, sx, so; /* the axis */
  int n;
  int64_t shape[NUMC_MAXDIMS], xs[NUMC_MAXDIMS], os[NUMC_MAXDIMS];
  bool by_rows;
  int64_t nblocks;
} scan_job;

static void lines_range(void *vctx, int64_t begin, int64_t end, int thread) {
  const scan_job *j = vctx;
  numc__walker wx, wo;
  numc__walk_start(&wx, j->n, j->shape, j->xs, begin);
  numc__walk_start(&wo, j->n, j->shape, j->os, begin);
  for (int64_t u = begin; u < end; u++, numc__walk_next(&wx), numc__walk_next(&wo))
    j->k->line(j->x + wx.off, j->sx, j->o + wo.off, j->so, j->len);
}

static void rows_range(void *vctx, int64_t begin, int64_t end, int thread) {
  const scan_job *j = vctx;
  int64_t K = j->shape[j->n - 1], xv = j->xs[j->n - 1], ov = j->os[j->n - 1];
  for (int64_t u = begin; u < end; u++) {
    int64_t q = u / j->nblocks, c0 = (u % j->nblocks) * COLUMNS;
    int64_t m = K - c0 < COLUMNS ? K - c0 : COLUMNS;
    numc__walker wx, wo;
    numc__walk_start(&wx, j->n - 1, j->shape, j->xs, q);
    numc__walk_start(&wo, j->n - 1, j->shape, j->os, q);
    const char *x = j->x + wx.off + c0 * xv;
    char *o = j->o + wo.off + c0 * ov;
    for (int64_t i = 0; i < j->len; i++)
      j->k->rows(x + i * j->sx, xv, i ? o + (i - 1) * j->so : NULL, o + i * j->so, m);
  }
}

/* Scan src along ax into res (same shape, C-contiguous, non-empty). */
static void run_scan(const numc_array *src, int ax, numc_array *res, const scan_kernels *k) {
  scan_job j = {.k = k, .x = numc__host_data(src), .o = numc__host_data(res),
                .len = src->shape[ax], .sx = src->strides[ax], .so = res->strides[ax]};
  for (int d = 0; d < src->ndim; d++) {
    if (d == ax || src->shape[d] == 1) continue;
    j.shape[j.n] = src->shape[d];
    j.xs[j.n] = src->strides[d];
    j.os[j.n++] = res->strides[d];
  }
  int64_t lines = numc__size(j.n, j.shape);
  /* Row by row when the last dim is closer in memory than the axis (cumsum over axis 0
   * of a C-ordered matrix): each row is one vectorisable pass. */
  j.by_rows = ax < src->ndim - 1 && src->shape[src->ndim - 1] >= 16 && llabs(j.xs[j.n - 1]) < llabs(j.sx);
  if (j.by_rows) {
    j.nblocks = (j.shape[j.n - 1] + COLUMNS - 1) / COLUMNS;
    int64_t units = lines / j.shape[j.n - 1] * j.nblocks, per_unit = j.len * COLUMNS;
    numc__parallel_for(units, (GRAIN + per_unit - 1) / per_unit, rows_range, &j);
  } else {
    numc__parallel_for(lines, (GRAIN + j.len - 1) / j.len, lines_range, &j);
  }
}

static numc_status scan(const numc_array *a, const int *axis, const scan_kernels *table,
                        numc_array **out) {
  if (!out) return numc__fail(NUMC_EINVAL, "output pointer is NULL");
  if (*out) return numc__fail(NUMC_EINVAL, "*out must be NULL: this function does not take out=");
  if (!a) return numc__fail(NUMC_EINVAL, "array is NULL");
  int ax = 0;
  bool flatten = !axis || a->ndim == 0; /* NumPy sees a 0-d array as 1-d */
  if (flatten && axis && *axis != 0 && *axis != -1)
    return numc__fail(NUMC_EAXIS, "axis %d is out of bounds for array of dimension 1", *axis);
  if (!flatten) NUMC__TRY(numc__axis(*axis, a->ndim, &ax));
  numc_array *flat = NULL, *res = NULL;
  NUMC__TRY(numc__host_ready(a));
  if (flatten) NUMC__TRY(numc__flat_view(a, &flat));
  const numc_array *src = flatten ? flat : a;
  numc_status s = numc__new(numc__sum_result_dtype(a->dtype), src->ndim, src->shape, NUMC_ORDER_C, false, &res);
  if (s == NUMC_OK && numc_size(src) > 0) run_scan(src, ax, res, &table[a->dtype]);
  numc_free(flat);
  if (s == NUMC_OK) *out = res;
  return s;
}

numc_status numc_cumsum(const numc_array *a, const int *axis, numc_array **out) {
  return scan(a, axis, cumsum_kernels, out);
}

numc_status numc_cumprod(const numc_array *a, const int *axis, numc_array **out) {
  return scan(a, axis, cumprod_kernels, out);
}
