/* round(a, decimals): NumPy's algorithm, scale, round half to even, unscale. */
#include <math.h>

#include "ufunc/ufunc.h"

typedef struct {
  int decimals;
} round_ctx;

static double round_double(double x, int decimals) {
  if (decimals >= 0) {
    double f = pow(10.0, decimals);
    return rint(x * f) / f;
  }
  double f = pow(10.0, -decimals);
  return rint(x / f) * f;
}

static void numc_round_float64_cpu(char **args, const int64_t *steps, int64_t n, const void *vctx) {
  int d = ((const round_ctx *)vctx)->decimals;
  for (int64_t i = 0; i < n; i++)
    *(double *)(args[1] + i * steps[1]) = round_double(*(const double *)(args[0] + i * steps[0]), d);
}

/* float32 scales in float32, as NumPy's float32 loop does (so 2.675f rounds like NumPy). */
static void numc_round_float32_cpu(char **args, const int64_t *steps, int64_t n, const void *vctx) {
  int d = ((const round_ctx *)vctx)->decimals;
  float f = (float)pow(10.0, d >= 0 ? d : -d);
  for (int64_t i = 0; i < n; i++) {
    float x = *(const float *)(args[0] + i * steps[0]);
    *(float *)(args[1] + i * steps[1]) = d >= 0 ? rintf(x * f) / f : rintf(x / f) * f;
  }
}

/* float16 arrives as float32 (the iterator converts); NumPy scales in float16, so the
 * scaled value is rounded to float16 before rint, or results differ at ties. */
static void numc_round_float16_cpu(char **args, const int64_t *steps, int64_t n, const void *vctx) {
  int d = ((const round_ctx *)vctx)->decimals;
  float f = (float)pow(10.0, d >= 0 ? d : -d);
  for (int64_t i = 0; i < n; i++) {
    float x = *(const float *)(args[0] + i * steps[0]);
    float y = numc__half_to_float(numc__float_to_half(d >= 0 ? x * f : x / f));
    *(float *)(args[1] + i * steps[1]) = d >= 0 ? rintf(y) / f : rintf(y) * f;
  }
}

static void numc_round_complex128_cpu(char **args, const int64_t *steps, int64_t n, const void *vctx) {
  int d = ((const round_ctx *)vctx)->decimals;
  for (int64_t i = 0; i < n; i++) {
    const double *z = (const double *)(args[0] + i * steps[0]);
    double *o = (double *)(args[1] + i * steps[1]);
    o[0] = round_double(z[0], d);
    o[1] = round_double(z[1], d);
  }
}

/* Integers: identity for decimals >= 0; otherwise rounded through float64 (exact for
 * |x| < 2^53, the range NumPy's own integer path handles exactly as well). */
static void numc_round_int64_cpu(char **args, const int64_t *steps, int64_t n, const void *vctx) {
  int d = ((const round_ctx *)vctx)->decimals;
  for (int64_t i = 0; i < n; i++) {
    int64_t x = *(const int64_t *)(args[0] + i * steps[0]);
    *(int64_t *)(args[1] + i * steps[1]) = d >= 0 ? x : (int64_t)round_double((double)x, d);
  }
}

numc_status numc_round(const numc_array *x, int decimals, numc_array **out) {
  if (!x || !out) return numc__fail(NUMC_EINVAL, "round: argument is NULL");
  numc_dtype t = x->dtype, compute;
  numc__loop loop;
  if (t == NUMC_FLOAT16) {
    compute = NUMC_FLOAT32;
    loop = numc_round_float16_cpu;
  } else if (t == NUMC_FLOAT32) {
    compute = NUMC_FLOAT32;
    loop = numc_round_float32_cpu;
  } else if (t == NUMC_FLOAT64) {
    compute = NUMC_FLOAT64;
    loop = numc_round_float64_cpu;
  } else if (numc__is_complex(t)) {
    compute = NUMC_COMPLEX128;
    loop = numc_round_complex128_cpu;
  } else if (numc__is_int(t)) {
    compute = NUMC_INT64;
    loop = numc_round_int64_cpu;
  } else {
    return numc__fail(NUMC_EDTYPE, "ufunc 'round' not supported for the input types (bool)");
  }
  numc_array *res = *out, *fresh = NULL;
  if (!res) {
    NUMC__TRY(numc__new_like(x, t, false, &fresh));
    res = fresh;
  } else if (res->ndim != x->ndim || memcmp(res->shape, x->shape, sizeof(int64_t) * (size_t)x->ndim)) {
    return numc__fail(NUMC_ESHAPE, "round: output array has the wrong shape");
  }
  const numc_array *ops[2] = {x, res};
  numc_dtype want[2] = {compute, compute};
  round_ctx ctx = {decimals};
  numc__iter it;
  numc_status s = numc__require_writeable(res, "output array");
  if (s == NUMC_OK) s = numc__iter_init(&it, 2, 1, ops, want, x->ndim, x->shape);
  if (s == NUMC_OK) s = numc__iter_run(&it, loop, &ctx, 4);
  if (s != NUMC_OK) {
    numc_free(fresh);
    return s;
  }
  *out = res;
  return NUMC_OK;
}
