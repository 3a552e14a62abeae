/* GPU reductions (src/gpu/reduce_gpu.c) against the CPU path, which the NumPy oracle
 * checks: every op and dtype, over all axes and each axis, keepdims, strided device
 * views, NaN and ties, empty reductions, chains that stay on the device, and the
 * accuracy of a float32 sum of 10^7 values. Each GPU call runs with device=gpu and must
 * not fall back (no warning) unless the case is one the GPU declines.
 * Sizes stay small but for the accuracy case: SwiftShader runs on the CPU. */
#include <time.h>

#include "core/backend.h"
#include "core/core.h"
#include "gpu/gpu.h"
#include "gpu_test.h"

static const struct {
  numc__reduce_op op;
  const char *name;
  bool ints; /* the GPU takes int32 and bool inputs */
} ops[] = {
    {NUMC__RED_SUM, "sum", false},      {NUMC__RED_PROD, "prod", false},  {NUMC__RED_MEAN, "mean", false},
    {NUMC__RED_VAR, "var", false},      {NUMC__RED_STD, "std", false},    {NUMC__RED_MIN, "min", true},
    {NUMC__RED_MAX, "max", true},       {NUMC__RED_ARGMIN, "argmin", true}, {NUMC__RED_ARGMAX, "argmax", true},
};
#define NOPS ((int)(sizeof ops / sizeof ops[0]))

/* Which dims: naxes < 0 for all (argmin/argmax: the flattened array). */
typedef struct axes_spec {
  int naxes;
  int v[3];
  bool keepdims;
  int64_t ddof;
} axes_spec;

static numc_status run_op(numc__reduce_op op, const numc_array *a, const axes_spec *s, numc_array **out) {
  numc_axes ax = {s->naxes < 0 ? 0 : s->naxes, {0}};
  for (int i = 0; i < s->naxes; i++) ax.v[i] = s->v[i];
  const numc_axes *axes = s->naxes < 0 ? NULL : &ax;
  const int *axis = s->naxes < 0 ? NULL : &s->v[0];
  switch (op) {
  case NUMC__RED_SUM: return numc_sum(a, axes, s->keepdims, out);
  case NUMC__RED_PROD: return numc_prod(a, axes, s->keepdims, out);
  case NUMC__RED_MEAN: return numc_mean(a, axes, s->keepdims, out);
  case NUMC__RED_VAR: return numc_var(a, axes, s->ddof, s->keepdims, out);
  case NUMC__RED_STD: return numc_std(a, axes, s->ddof, s->keepdims, out);
  case NUMC__RED_MIN: return numc_min(a, axes, s->keepdims, out);
  case NUMC__RED_MAX: return numc_max(a, axes, s->keepdims, out);
  case NUMC__RED_ARGMIN: return numc_argmin(a, axis, s->keepdims, out);
  case NUMC__RED_ARGMAX: return numc_argmax(a, axis, s->keepdims, out);
  }
  return NUMC_EINVAL;
}

/* A host copy of r's values as doubles (C order), or NULL. */
static double *values(const numc_array *r) {
  numc_array *h = NULL, *d = NULL;
  if (numc_to_host(r, &h) != NUMC_OK || numc_astype(h, NUMC_FLOAT64, &d) != NUMC_OK) {
    numc_free(h);
    return NULL;
  }
  numc_array *c = NULL;
  double *v = malloc(sizeof(double) * (size_t)(numc_size(d) + 1));
  if (v && numc_ascontiguousarray(d, &c) == NUMC_OK) memcpy(v, numc_data(c), sizeof(double) * (size_t)numc_size(c));
  numc_free(c);
  numc_free(d);
  numc_free(h);
  return v;
}

static uint32_t rng = 2024;
static uint32_t next(void) {
  rng = rng * 1664525u + 1013904223u;
  return rng >> 8;
}

/* Random values of dtype t: float32 in [-1, 1), int32 in [-1000, 1000] with the type's
 * extremes sprinkled in, bool. */
static numc_array *random_array(numc_dtype t, int ndim, const int64_t *shape) {
  numc_array *a = NULL;
  CHECK_OK(numc_empty(shape, ndim, t, NUMC_ORDER_C, &a));
  int64_t n = numc_size(a);
  for (int64_t i = 0; i < n; i++) {
    uint32_t r = next();
    if (t == NUMC_FLOAT32) ((float *)numc_data(a))[i] = (float)r / (float)(1u << 24) * 2.0f - 1.0f;
    else if (t == NUMC_INT32) ((int32_t *)numc_data(a))[i] = r % 97 == 0 ? INT32_MIN : r % 89 == 0 ? INT32_MAX : (int32_t)(r % 2001) - 1000;
    else ((bool *)numc_data(a))[i] = r & 1;
  }
  return a;
}

/* op on `in` with device=gpu against op on `ref` (the same values on the host) on the
 * CPU. expect_gpu: the GPU must compute it (no fallback warning); the result stays on
 * the device when `in` is there. */
static void compare(numc__reduce_op op, const char *name, const numc_array *in, const numc_array *ref,
                    const axes_spec *s, bool expect_gpu, const char *what) {
  numc_array *g = NULL, *c = NULL;
  numc_clear_error();
  int saved = numc__set_call_device(NUMC_DEVICE_GPU);
  numc_status sg = run_op(op, in, s, &g);
  numc__set_call_device(NUMC_DEVICE_CPU);
  bool warned = numc_last_warning()[0] != '\0';
  char warning[256];
  snprintf(warning, sizeof warning, "%s", numc_last_warning());
  numc_status sc = run_op(op, ref, s, &c);
  numc__set_call_device(saved);
  bool bad = sg != sc || (sg == NUMC_OK && expect_gpu && warned);
  if (sg == NUMC_OK && sc == NUMC_OK) {
    bad = bad || numc_dtype_of(g) != numc_dtype_of(c) || numc_ndim(g) != numc_ndim(c) ||
          memcmp(numc_shape(g), numc_shape(c), sizeof(int64_t) * (size_t)numc_ndim(c)) != 0;
    bad = bad || (expect_gpu && numc_location(in) == NUMC_DEVICE_GPU && numc_location(g) != NUMC_DEVICE_GPU);
    double *vg = bad ? NULL : values(g), *vc = bad ? NULL : values(c);
    bool exact = numc_dtype_of(c) != NUMC_FLOAT32;
    for (int64_t i = 0; vg && vc && i < numc_size(c); i++) {
      /* float32: the GPU's tree order and its division differ from NumPy's pairwise sum
       * in the last bits. */
      double tol = exact ? 0 : 2e-5 * (1 + fabs(vc[i]));
      bool same = (isnan(vg[i]) && isnan(vc[i])) || vg[i] == vc[i] || fabs(vg[i] - vc[i]) <= tol;
      if (!same) {
        fprintf(stderr, "  [%lld] gpu %.9g cpu %.9g\n", (long long)i, vg[i], vc[i]);
        bad = true;
        break;
      }
    }
    bad = bad || (!bad && (!vg || !vc));
    free(vg);
    free(vc);
  }
  if (bad) {
    fprintf(stderr, "%s %s (%s, axes %d:%d,%d keepdims %d ddof %lld): gpu %s cpu %s, warning '%s'\n", name,
            numc_dtype_name(numc_dtype_of(in)), what, s->naxes, s->v[0], s->v[1], s->keepdims, (long long)s->ddof,
            numc_status_name(sg), numc_status_name(sc), warning);
    test_failures++;
  }
  numc_free(g);
  numc_free(c);
}

/* Every op over all axes, each axis, pairs of axes and keepdims, for `in` (host or
 * device) against `ref`. gpu_only: skip the ops the GPU declines for the dtype, which
 * would sync a device input back to the host for the CPU. */
static void compare_all(const numc_array *in, const numc_array *ref, bool gpu_only, const char *what) {
  int nd = numc_ndim(ref);
  for (int k = 0; k < NOPS; k++) {
    bool arg = ops[k].op == NUMC__RED_ARGMIN || ops[k].op == NUMC__RED_ARGMAX;
    bool expect = numc_dtype_of(ref) == NUMC_FLOAT32 || ops[k].ints;
    if (gpu_only && !expect) continue;
    axes_spec specs[16];
    int n = 0;
    specs[n++] = (axes_spec){-1, {0}, false, 0};
    specs[n++] = (axes_spec){-1, {0}, true, 1};
    for (int d = 0; d < nd; d++) specs[n++] = (axes_spec){1, {d}, d % 2 == 1, d % 2};
    if (!arg && nd > 2) {
      specs[n++] = (axes_spec){2, {0, nd - 1}, false, 0};
      specs[n++] = (axes_spec){2, {nd - 1, 1}, true, 0};
    }
    for (int i = 0; i < n; i++) compare(ops[k].op, ops[k].name, in, ref, &specs[i], expect, what);
  }
}

TEST(every_op_and_dtype_on_host_inputs) {
  if (!have_gpu()) return;
  static const numc_dtype types[] = {NUMC_FLOAT32, NUMC_INT32, NUMC_BOOL};
  int64_t shape[3] = {3, 5, 70}; /* 70 > the per-thread limit: tree passes */
  for (int t = 0; t < 3; t++) {
    numc_array *a = random_array(types[t], 3, shape);
    compare_all(a, a, false, "host");
    numc_free(a);
  }
}

TEST(long_reductions_take_several_passes) {
  if (!have_gpu()) return;
  int64_t shape[2] = {3, 5000}; /* 5000: three tree chunks, then a pass over the partials */
  numc_array *a = random_array(NUMC_FLOAT32, 2, shape), *i = random_array(NUMC_INT32, 2, shape);
  compare_all(a, a, false, "long");
  compare_all(i, i, false, "long");
  numc_free(a);
  numc_free(i);
}

/* Views of a device array: read in place, result left on the device. */
TEST(strided_device_views) {
  if (!have_gpu()) return;
  static const numc_dtype types[] = {NUMC_FLOAT32, NUMC_INT32, NUMC_BOOL};
  int64_t shape[3] = {6, 9, 11};
  for (int t = 0; t < 3; t++) {
    numc_array *h = random_array(types[t], 3, shape), *d = NULL;
    CHECK_OK(numc_to_device(h, &d));
    numc_array *hv[3] = {0}, *dv[3] = {0};
    const char *what[3] = {"transposed", "sliced", "flipped"};
    numc_slice sl[3] = {NUMC_RANGE(1, 6, 2), NUMC_ALL, NUMC_RANGE(10, 0, -3)};
    CHECK_OK(numc_transpose(h, NULL, &hv[0]));
    CHECK_OK(numc_transpose(d, NULL, &dv[0]));
    CHECK_OK(numc_slice_view(h, sl, 3, &hv[1]));
    CHECK_OK(numc_slice_view(d, sl, 3, &dv[1]));
    CHECK_OK(numc_flip(h, NUMC_AXES(0, 1), &hv[2]));
    CHECK_OK(numc_flip(d, NUMC_AXES(0, 1), &dv[2]));
    for (int v = 0; v < 3; v++) {
      compare_all(dv[v], hv[v], true, what[v]);
      CHECK(numc_location(dv[v]) == NUMC_DEVICE_GPU); /* never synced back to the host */
      numc_free(hv[v]);
      numc_free(dv[v]);
    }
    numc_free(h);
    numc_free(d);
  }
}

/* x[i] for a 1-D float32 array of n from a pattern; NaN where nan_at says. */
static numc_array *vector(int64_t n, float (*f)(int64_t), const int64_t *nan_at, int nnan) {
  numc_array *a = NULL;
  CHECK_OK(numc_empty(&n, 1, NUMC_FLOAT32, NUMC_ORDER_C, &a));
  float *x = numc_data(a);
  for (int64_t i = 0; i < n; i++) x[i] = f(i);
  for (int k = 0; k < nnan; k++) x[nan_at[k]] = NAN;
  return a;
}
static float ties(int64_t i) { return (float)((i * 7) % 5); } /* 0 and 4 recur: ties */
/* Near 1, so that products of thousands neither overflow nor vanish (their order differs
 * between the CPU and the GPU, and 0 * inf is NaN). */
static float near_one(int64_t i) { return 1.0f + (float)((i * 37) % 101 - 50) / 5000.0f; }

/* NaN propagates through every op; argmin/argmax give the first NaN; ties the first index. */
TEST(nan_and_ties) {
  if (!have_gpu()) return;
  static const int64_t lengths[] = {7, 65, 5000}; /* one thread, one chunk, several passes */
  for (int l = 0; l < 3; l++) {
    int64_t n = lengths[l];
    int64_t places[][2] = {{0, 0}, {n / 2, n - 1}, {n - 1, n - 1}, {n - 1, 1}};
    for (int p = -1; p < 4; p++) {
      numc_array *a = vector(n, p < 0 ? ties : near_one, p < 0 ? NULL : places[p], p < 0 ? 0 : 2);
      numc_array *rows = NULL; /* the same as a 2-D array, one axis: the per-row path */
      int64_t shape[2] = {n % 2 ? 1 : 2, n % 2 ? n : n / 2};
      CHECK_OK(numc_reshape(a, shape, 2, NUMC_ORDER_C, &rows));
      compare_all(a, a, false, p < 0 ? "ties" : "nan");
      compare_all(rows, rows, false, p < 0 ? "ties 2-d" : "nan 2-d");
      numc_free(rows);
      numc_free(a);
    }
  }
}

TEST(empty_reductions) {
  if (!have_gpu()) return;
  int64_t shapes[][3] = {{4, 0, 3}, {0, 5, 2}};
  for (int k = 0; k < 2; k++) {
    numc_array *a = NULL;
    CHECK_OK(numc_zeros(shapes[k], 3, NUMC_FLOAT32, NUMC_ORDER_C, &a));
    for (int d = 0; d < 3; d++) {
      axes_spec s = {1, {d}, d == 2, 0};
      compare(NUMC__RED_SUM, "sum", a, a, &s, true, "empty");
      compare(NUMC__RED_PROD, "prod", a, a, &s, true, "empty");
      /* The CPU gives NumPy's warnings or errors: the GPU declines. */
      compare(NUMC__RED_MEAN, "mean", a, a, &s, numc_shape(a)[d] != 0, "empty");
      compare(NUMC__RED_MAX, "max", a, a, &s, true, "empty");
      compare(NUMC__RED_ARGMIN, "argmin", a, a, &s, true, "empty");
    }
    axes_spec all = {-1, {0}, false, 0};
    compare(NUMC__RED_SUM, "sum", a, a, &all, true, "empty");
    compare(NUMC__RED_PROD, "prod", a, a, &all, true, "empty");
    numc_free(a);
  }
  /* var with ddof >= count: NumPy's warning, from the CPU. */
  int64_t n = 3;
  numc_array *v = vector(n, near_one, NULL, 0);
  axes_spec s = {-1, {0}, false, 3};
  compare(NUMC__RED_VAR, "var", v, v, &s, false, "no dof");
  numc_free(v);
}

/* device array -> sum over an axis -> max -> argmin: every step on the device. */
TEST(device_chain_stays_on_device) {
  if (!have_gpu()) return;
  numc__gpu_pool_stats s0, s1;
  numc__gpu_pool_stats_get(&s0);
  int64_t shape[2] = {40, 30};
  numc_array *h = random_array(NUMC_FLOAT32, 2, shape), *d = NULL, *sum = NULL, *mx = NULL, *hs = NULL, *hm = NULL;
  CHECK_OK(numc_to_device(h, &d));
  int saved = numc__set_call_device(NUMC_DEVICE_AUTO); /* auto: the operand lives on the GPU */
  CHECK_OK(numc_sum(d, NUMC_AXES(1), false, &sum));
  CHECK_OK(numc_max(sum, NULL, false, &mx));
  numc__set_call_device(NUMC_DEVICE_CPU);
  CHECK_OK(numc_sum(h, NUMC_AXES(1), false, &hs));
  CHECK_OK(numc_max(hs, NULL, false, &hm));
  numc__set_call_device(saved);
  CHECK(numc_location(sum) == NUMC_DEVICE_GPU && numc_location(mx) == NUMC_DEVICE_GPU);
  double *got = values(mx), *want = values(hm);
  CHECK(got && want);
  if (got && want) CHECK_NEAR(got[0], want[0], 1e-5 * fabs(want[0]));
  free(got);
  free(want);
  numc_free(h);
  numc_free(d);
  numc_free(sum);
  numc_free(mx);
  numc_free(hs);
  numc_free(hm);
  numc__gpu_pool_stats_get(&s1);
  CHECK_EQ_INT(s1.live_buffers, s0.live_buffers); /* every block given back */
  CHECK_EQ_INT(s1.live_bytes, s0.live_bytes);
}

/* Host arrays with `auto` stay on the CPU: the upload would cost more than the sum. */
TEST(auto_keeps_host_reductions_on_the_cpu) {
  if (!have_gpu()) return;
  int64_t shape[1] = {1000};
  numc_array *h = random_array(NUMC_FLOAT32, 1, shape), *r = NULL;
  int64_t before = numc__gpu_pipeline_compilations();
  numc__gpu_pool_stats s0, s1;
  numc__gpu_pool_stats_get(&s0);
  int saved = numc__set_call_device(NUMC_DEVICE_AUTO);
  CHECK_OK(numc_std(h, NULL, 0, false, &r));
  numc__set_call_device(saved);
  numc__gpu_pool_stats_get(&s1);
  CHECK_EQ_INT(s1.live_buffers + s1.pooled_buffers, s0.live_buffers + s0.pooled_buffers);
  CHECK_EQ_INT(numc__gpu_pipeline_compilations(), before);
  numc_free(h);
  numc_free(r);
}

/* The same reductions again compile nothing new, and leave no block behind. */
TEST(pipelines_compile_once_and_nothing_leaks) {
  if (!have_gpu()) return;
  int64_t shape[2] = {3, 5000};
  numc_array *a = random_array(NUMC_FLOAT32, 2, shape);
  compare_all(a, a, false, "warm-up");
  numc__gpu_pool_stats s0, s1;
  numc__gpu_pool_stats_get(&s0);
  int64_t before = numc__gpu_pipeline_compilations();
  compare_all(a, a, false, "again");
  CHECK_EQ_INT(numc__gpu_pipeline_compilations(), before);
  numc__gpu_pool_stats_get(&s1);
  CHECK_EQ_INT(s1.live_buffers, s0.live_buffers);
  numc_free(a);
}

/* Relative errors of the GPU's and the CPU's (NumPy's pairwise) float32 sums of x
 * against the float64 sum, scaled by the sum of |x|. */
static void sum_errors(const numc_array *x, double *gpu_err, double *cpu_err, double *seconds) {
  const float *v = numc_data(x);
  double exact = 0, scale = 0;
  for (int64_t i = 0; i < numc_size(x); i++) {
    exact += v[i];
    scale += fabs(v[i]);
  }
  numc_array *g = NULL, *c = NULL;
  numc_clear_error();
  int saved = numc__set_call_device(NUMC_DEVICE_GPU);
  struct timespec t0, t1;
  timespec_get(&t0, TIME_UTC);
  CHECK_OK(numc_sum(x, NULL, false, &g));
  timespec_get(&t1, TIME_UTC);
  CHECK_EQ_STR(numc_last_warning(), "");
  numc__set_call_device(NUMC_DEVICE_CPU);
  CHECK_OK(numc_sum(x, NULL, false, &c));
  numc__set_call_device(saved);
  *seconds = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
  *gpu_err = *cpu_err = INFINITY;
  if (g && c) {
    *gpu_err = fabs(*(const float *)numc_data(g) - exact) / scale;
    *cpu_err = fabs(*(const float *)numc_data(c) - exact) / scale;
  }
  numc_free(g);
  numc_free(c);
}

/* 10^7 values uniform in [0, 1), then 10^6 of mixed signs and magnitudes 1e-3 .. 1e3
 * (smaller: SwiftShader's time). A sequential float32 sum is off by ~1e-3 on the first;
 * pairwise and tree orders by ~1e-7. */
TEST(float32_sum_of_ten_million_is_pairwise_accurate) {
  if (!have_gpu()) return;
  for (int pass = 0; pass < 2; pass++) {
    int64_t n = pass == 0 ? 10000000 : 1000000;
    numc_array *x = NULL;
    CHECK_OK(numc_empty(&n, 1, NUMC_FLOAT32, NUMC_ORDER_C, &x));
    float *v = numc_data(x);
    for (int64_t i = 0; i < n; i++) {
      float u = (float)next() / (float)(1u << 24);
      v[i] = pass == 0 ? u : (next() & 1 ? -1.0f : 1.0f) * u * powf(10.0f, (float)(int)(next() % 7) - 3.0f);
    }
    double gpu_err, cpu_err, seconds;
    sum_errors(x, &gpu_err, &cpu_err, &seconds);
    printf("sum of %lld (%s): relative error gpu %.3g, cpu (NumPy's pairwise) %.3g; gpu call %.2f s\n",
           (long long)n, pass == 0 ? "uniform" : "mixed", gpu_err, cpu_err, seconds);
    CHECK(gpu_err <= 1e-6 && gpu_err <= 10 * cpu_err + 1e-7);
    numc_free(x);
  }
}

TESTS(CASE(every_op_and_dtype_on_host_inputs), CASE(long_reductions_take_several_passes),
      CASE(strided_device_views), CASE(nan_and_ties), CASE(empty_reductions), CASE(device_chain_stays_on_device),
      CASE(auto_keeps_host_reductions_on_the_cpu), CASE(pipelines_compile_once_and_nothing_leaks),
      CASE(float32_sum_of_ten_million_is_pairwise_accurate))
