/* Evenly spaced values: numpy.arange, linspace, logspace and geomspace, computed with
 * NumPy's formulas and operation order so that results match it bit for bit where the
 * arithmetic is the same (pow and log aside). */
#include <complex.h>
#include <math.h>
#include <stdlib.h>

#include "shape/shape.h"

#define LOG10E 0.43429448190325182765

static numc_status check_args(numc_dtype t, numc_array **out) {
  NUMC__TRY(numc__check_out(out));
  if (!numc__valid_dtype((int)t)) return numc__fail(NUMC_EINVAL, "invalid dtype %d", (int)t);
  return NUMC_OK;
}

/* Hand `y` out as dtype `t`, casting (unsafely, like astype) when it differs; `y` is
 * consumed either way. */
static numc_status finish(numc_array *y, numc_dtype t, numc_array **out) {
  if (y->dtype == t) {
    *out = y;
    return NUMC_OK;
  }
  numc_array *r = NULL;
  numc_status s = numc__new(t, y->ndim, y->shape, NUMC_ORDER_C, false, &r);
  if (s == NUMC_OK) s = numc__assign(r, y);
  numc_free(y);
  if (s != NUMC_OK) {
    numc_free(r);
    return s;
  }
  *out = r;
  return NUMC_OK;
}

static numc_status new_1d(numc_dtype t, int64_t n, numc_array **out) {
  return numc__new(t, 1, &n, NUMC_ORDER_C, false, out);
}

/* ------------------------------------------------------------------ arange */

/* NumPy's length: ceil((stop - start) / step), guarding NaN and huge values. */
static numc_status arange_length(double start, double stop, double step, int64_t *n) {
  if (step == 0) return numc__fail(NUMC_EVALUE, "division by zero");
  double delta = stop - start, len = delta / step;
  if (len == 0 && delta != 0) { /* underflow: the sign decides between 0 and 1 */
    *n = signbit(len) ? 0 : 1;
    return NUMC_OK;
  }
  if (isnan(len)) return numc__fail(NUMC_EVALUE, "arange: cannot compute length");
  len = ceil(len);
  if (len >= 9223372036854775808.0) return numc__fail(NUMC_EVALUE, "Maximum allowed size exceeded");
  *n = len > 0 ? (int64_t)len : 0;
  return NUMC_OK;
}

/* NumPy stores start and start+step in the dtype, then fills element i >= 2 with
 * start + i*delta (delta the difference of the two stored values), in the dtype's own
 * arithmetic: integers wrap, float16 and float32 compute in float. Those computations
 * happen here in int64, float or double and are cast to the dtype afterwards, which
 * gives the same values (integer wrapping commutes with truncation). */
static numc_dtype arange_compute_dtype(numc_dtype t) {
  if (numc__is_int(t)) return NUMC_INT64;
  if (t == NUMC_FLOAT16 || t == NUMC_FLOAT32 || t == NUMC_COMPLEX64) return NUMC_FLOAT32;
  return NUMC_FLOAT64;
}

/* A double stored in dtype t and read back (rounded or truncated as t does). */
static numc_scalar round_trip(double v, numc_dtype t) {
  _Alignas(16) char tmp[16];
  numc__scalar_store(numc_float(v), t, tmp);
  return numc__scalar_load(t, tmp);
}

static void arange_fill(numc_array *y, numc_scalar v0, numc_scalar v1) {
  int64_t n = numc_size(y);
  char *p = numc__host_data(y);
  if (y->dtype == NUMC_INT64) {
    uint64_t a = v0.dtype == NUMC_UINT64 ? v0.v.u : (uint64_t)v0.v.i;
    uint64_t b = v1.dtype == NUMC_UINT64 ? v1.v.u : (uint64_t)v1.v.i;
    uint64_t d = b - a;
    for (int64_t i = 0; i < n; i++) ((int64_t *)p)[i] = (int64_t)(a + (uint64_t)i * d);
    return;
  }
  double a = numc__is_complex(v0.dtype) ? v0.v.c[0] : v0.v.f;
  double b = numc__is_complex(v1.dtype) ? v1.v.c[0] : v1.v.f;
  if (y->dtype == NUMC_FLOAT32) {
    float *f = (float *)p, fa = (float)a, fd = (float)b - fa;
    f[0] = fa;
    f[1] = (float)b;
    for (int64_t i = 2; i < n; i++) f[i] = fa + (float)i * fd;
  } else {
    double *f = (double *)p, d = b - a;
    f[0] = a;
    f[1] = b;
    for (int64_t i = 2; i < n; i++) f[i] = a + (double)i * d;
  }
}

numc_status numc_arange(double start, double stop, double step, numc_dtype t, numc_array **out) {
  NUMC__TRY(check_args(t, out));
  int64_t n = 0;
  NUMC__TRY(arange_length(start, stop, step, &n));
  if (t == NUMC_BOOL && n > 2)
    return numc__fail(NUMC_EINVAL, "arange() is only supported for booleans when the result has at most length 2.");
  numc_array *y = NULL;
  if (n <= 2) { /* just the two stored values */
    NUMC__TRY(new_1d(t, n, &y));
    char *p = numc__host_data(y);
    if (n > 0) numc__scalar_store(numc_float(start), t, p);
    if (n > 1) numc__scalar_store(numc_float(start + step), t, p + numc_itemsize(y));
    *out = y;
    return NUMC_OK;
  }
  NUMC__TRY(new_1d(arange_compute_dtype(t), n, &y));
  arange_fill(y, round_trip(start, t), round_trip(start + step, t));
  return finish(y, t, out);
}

/* ---------------------------------------------------------------- linspace */

static numc_status check_num(int64_t num) {
  if (num < 0)
    return numc__fail(NUMC_EVALUE, "Number of samples, %lld, must be non-negative.", (long long)num);
  return NUMC_OK;
}

/* numpy.linspace in float64: y = arange(num) * step + start (or / div * delta when the
 * step underflows to 0), the last value set to stop exactly. */
static void linspace_fill(double *y, double start, double stop, int64_t num, bool endpoint) {
  int64_t div = endpoint ? num - 1 : num;
  double delta = stop - start;
  if (div > 0) {
    double step = delta / (double)div;
    for (int64_t i = 0; i < num; i++)
      y[i] = (step == 0 ? (double)i / (double)div * delta : (double)i * step) + start;
  } else {
    for (int64_t i = 0; i < num; i++) y[i] = (double)i * delta + start;
  }
  if (endpoint && num > 1) y[num - 1] = stop;
}

numc_status numc_linspace(double start, double stop, int64_t num, bool endpoint, numc_dtype t,
                          numc_array **out) {
  NUMC__TRY(check_args(t, out));
  NUMC__TRY(check_num(num));
  numc_array *y = NULL;
  NUMC__TRY(new_1d(NUMC_FLOAT64, num, &y));
  double *v = (double *)numc__host_data(y);
  linspace_fill(v, start, stop, num, endpoint);
  if (numc__is_int(t)) /* NumPy floors before casting to an integer dtype */
    for (int64_t i = 0; i < num; i++) v[i] = floor(v[i]);
  return finish(y, t, out);
}

numc_status numc_logspace(double start, double stop, int64_t num, bool endpoint, double base,
                          numc_dtype t, numc_array **out) {
  NUMC__TRY(check_args(t, out));
  NUMC__TRY(check_num(num));
  numc_array *y = NULL;
  NUMC__TRY(new_1d(NUMC_FLOAT64, num, &y));
  double *v = (double *)numc__host_data(y);
  linspace_fill(v, start, stop, num, endpoint);
  for (int64_t i = 0; i < num; i++) v[i] = pow(base, v[i]);
  return finish(y, t, out);
}

/* -------------------------------------------------------------- geomspace */

/* NumPy 2 rotates start to the positive real axis (dividing both ends by sign(start)),
 * takes logspace between the log10s, pins the ends to start and stop, and rotates back.
 * Real case: a sign change between the ends gives NaN inside, as NumPy. */
static void geomspace_real(double *y, double start, double stop, int64_t num, bool endpoint) {
  double sign = start > 0 ? 1.0 : start < 0 ? -1.0 : NAN;
  double s = start / sign, e = stop / sign;
  linspace_fill(y, log10(s), log10(e), num, endpoint);
  for (int64_t i = 0; i < num; i++) y[i] = pow(10.0, y[i]);
  if (num > 0) y[0] = s;
  if (num > 1 && endpoint) y[num - 1] = e;
  for (int64_t i = 0; i < num; i++) y[i] *= sign;
}

/* Complex case (dtype complex): the same steps in complex128, so a sign change between
 * the ends goes around the unit circle. Dividing by the complex sign -1+0j leaves -0
 * imaginary parts, which choose the branch of the logarithm as in NumPy. */
static void geomspace_complex(double complex *y, double start, double stop, int64_t num,
                              bool endpoint) {
  double sign = start > 0 ? 1.0 : start < 0 ? -1.0 : NAN;
  double zi = signbit(sign) ? -0.0 : 0.0;
  double complex s = CMPLX(start / sign, zi), e = CMPLX(stop / sign, zi);
  double complex ls = clog(s), le = clog(e); /* log10 scales both parts, as NumPy */
  ls = CMPLX(creal(ls) * LOG10E, cimag(ls) * LOG10E);
  le = CMPLX(creal(le) * LOG10E, cimag(le) * LOG10E);
  int64_t div = endpoint ? num - 1 : num;
  double complex d = le - ls;
  double sr = div > 0 ? creal(d) / (double)div : creal(d);
  double si = div > 0 ? cimag(d) / (double)div : cimag(d);
  for (int64_t i = 0; i < num; i++) {
    double complex x = CMPLX((double)i * sr + creal(ls), (double)i * si + cimag(ls));
    /* NumPy's complex power of a real exponent is the real power */
    y[i] = cimag(x) == 0 ? CMPLX(pow(10.0, creal(x)), 0.0) : cpow(10.0, x);
  }
  if (num > 0) y[0] = s;
  if (num > 1 && endpoint) y[num - 1] = e;
  for (int64_t i = 0; i < num; i++) y[i] = CMPLX(creal(y[i]) * sign, cimag(y[i]) * sign);
}

numc_status numc_geomspace(double start, double stop, int64_t num, bool endpoint, numc_dtype t,
                           numc_array **out) {
  NUMC__TRY(check_args(t, out));
  NUMC__TRY(check_num(num));
  if (start == 0 || stop == 0) return numc__fail(NUMC_EVALUE, "Geometric sequence cannot include zero");
  numc_array *y = NULL;
  bool cplx = numc__is_complex(t);
  NUMC__TRY(new_1d(cplx ? NUMC_COMPLEX128 : NUMC_FLOAT64, num, &y));
  if (cplx)
    geomspace_complex((double complex *)numc__host_data(y), start, stop, num, endpoint);
  else
    geomspace_real((double *)numc__host_data(y), start, stop, num, endpoint);
  return finish(y, t, out);
}
