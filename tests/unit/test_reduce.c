/* Unit tests of the reductions and scans: values, dtypes, shapes, empty inputs, NaN,
 * errors, views, accuracy, and independence from the thread count. */
#include "core/core.h"
#include "test.h"

/* A new C-ordered array of dtype t filled from doubles (complex: real parts). */
static numc_array *make(numc_dtype t, int ndim, const int64_t *shape, const double *v) {
  numc_array *a = NULL;
  if (numc__new(t, ndim, shape, NUMC_ORDER_C, false, &a) != NUMC_OK) return NULL;
  int64_t n = numc__size(ndim, shape);
  size_t item = numc_dtype_size(t);
  for (int64_t i = 0; i < n; i++) numc__scalar_store(numc_float(v[i]), t, (char *)numc_data(a) + i * item);
  return a;
}

/* Element i (flat, C order) of a contiguous result as a double. */
static double at(const numc_array *a, int64_t i) {
  numc_scalar s = numc__scalar_load(numc_dtype_of(a), (const char *)numc_data(a) + i * numc_itemsize(a));
  switch (numc_dtype_kind(s.dtype)) {
  case 'b': return s.v.b;
  case 'i': return (double)s.v.i;
  case 'u': return (double)s.v.u;
  case 'f': return s.v.f;
  default: return s.v.c[0];
  }
}

static const int64_t S23[] = {2, 3};
static const double V23[] = {1, 2, 3, 4, 5, 6};

TEST(sum_values_dtypes_shapes) {
  numc_array *a = make(NUMC_INT8, 2, S23, V23), *r = NULL;
  CHECK_OK(numc_sum(a, NULL, false, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_INT64);
  CHECK_EQ_INT(numc_ndim(r), 0);
  CHECK_EQ_INT(at(r, 0), 21);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_sum(a, NUMC_AXES(0), true, &r));
  CHECK_EQ_INT(numc_ndim(r), 2);
  CHECK_EQ_INT(numc_shape(r)[0], 1);
  CHECK_EQ_INT(numc_shape(r)[1], 3);
  CHECK_EQ_INT(at(r, 0), 5);
  CHECK_EQ_INT(at(r, 2), 9);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_sum(a, NUMC_AXES(-1), false, &r));
  CHECK_EQ_INT(numc_ndim(r), 1);
  CHECK_EQ_INT(at(r, 0), 6);
  CHECK_EQ_INT(at(r, 1), 15);
  numc_free(r);
  numc_free(a);
  /* Result dtypes: unsigned -> uint64, float16 stays, bool -> int64. */
  const numc_dtype in[] = {NUMC_UINT8, NUMC_FLOAT16, NUMC_BOOL, NUMC_COMPLEX64};
  const numc_dtype want[] = {NUMC_UINT64, NUMC_FLOAT16, NUMC_INT64, NUMC_COMPLEX64};
  for (int k = 0; k < 4; k++) {
    a = make(in[k], 2, S23, V23);
    r = NULL;
    CHECK_OK(numc_sum(a, NULL, false, &r));
    CHECK_EQ_INT(numc_dtype_of(r), want[k]);
    CHECK_NEAR(at(r, 0), in[k] == NUMC_BOOL ? 6 : 21, 0);
    numc_free(r);
    numc_free(a);
  }
}

TEST(prod_mean_var_std) {
  numc_array *a = make(NUMC_INT32, 2, S23, V23), *r = NULL;
  CHECK_OK(numc_prod(a, NUMC_AXES(1), false, &r));
  CHECK_EQ_INT(at(r, 0), 6);
  CHECK_EQ_INT(at(r, 1), 120);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_mean(a, NULL, false, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_FLOAT64);
  CHECK_NEAR(at(r, 0), 3.5, 0);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_var(a, NUMC_AXES(1), 1, false, &r));
  CHECK_NEAR(at(r, 0), 1.0, 1e-15);
  CHECK_NEAR(at(r, 1), 1.0, 1e-15);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_std(a, NULL, 0, false, &r));
  CHECK_NEAR(at(r, 0), sqrt(17.5 / 6), 1e-15);
  numc_free(r);
  numc_free(a);
  /* var of complex is real; of float16 stays float16 */
  a = make(NUMC_COMPLEX64, 2, S23, V23);
  r = NULL;
  CHECK_OK(numc_var(a, NULL, 0, false, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_FLOAT32);
  CHECK_NEAR(at(r, 0), 17.5 / 6, 1e-6);
  numc_free(r);
  numc_free(a);
  a = make(NUMC_FLOAT16, 2, S23, V23);
  r = NULL;
  CHECK_OK(numc_mean(a, NULL, false, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_FLOAT16);
  CHECK_NEAR(at(r, 0), 3.5, 0);
  numc_free(r);
  numc_free(a);
}

TEST(minmax_ptp_logic_count) {
  numc_array *a = make(NUMC_INT8, 2, S23, (const double[]){3, -128, 127, 0, 5, -1}), *r = NULL;
  CHECK_OK(numc_min(a, NULL, false, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_INT8);
  CHECK_EQ_INT(at(r, 0), -128);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_max(a, NUMC_AXES(0), false, &r));
  CHECK_EQ_INT(at(r, 0), 3);
  CHECK_EQ_INT(at(r, 1), 5);
  CHECK_EQ_INT(at(r, 2), 127);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_ptp(a, NULL, false, &r)); /* 127 - (-128) wraps in int8, as NumPy */
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_INT8);
  CHECK_EQ_INT(at(r, 0), -1);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_count_nonzero(a, NUMC_AXES(1), false, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_INT64);
  CHECK_EQ_INT(at(r, 0), 3);
  CHECK_EQ_INT(at(r, 1), 2);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_all(a, NUMC_AXES(1), false, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_BOOL);
  CHECK_EQ_INT(at(r, 0), 1);
  CHECK_EQ_INT(at(r, 1), 0);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_any(a, NULL, true, &r));
  CHECK_EQ_INT(numc_ndim(r), 2);
  CHECK_EQ_INT(at(r, 0), 1);
  numc_free(r);
  numc_free(a);
  /* ptp of bool is NumPy's TypeError */
  a = make(NUMC_BOOL, 2, S23, V23);
  r = NULL;
  CHECK_STATUS(numc_ptp(a, NULL, false, &r), NUMC_EDTYPE);
  CHECK(r == NULL);
  numc_free(a);
}

TEST(arg_and_scans) {
  numc_array *a = make(NUMC_FLOAT32, 2, S23, (const double[]){1, 9, 9, 7, 0, 7}), *r = NULL;
  CHECK_OK(numc_argmax(a, NULL, false, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_INT64);
  CHECK_EQ_INT(at(r, 0), 1); /* first occurrence */
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_argmin(a, (const int[]){0}, true, &r));
  CHECK_EQ_INT(numc_shape(r)[0], 1);
  CHECK_EQ_INT(at(r, 0), 0);
  CHECK_EQ_INT(at(r, 1), 1);
  CHECK_EQ_INT(at(r, 2), 1);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_cumsum(a, NULL, &r));
  CHECK_EQ_INT(numc_ndim(r), 1);
  CHECK_EQ_INT(numc_shape(r)[0], 6);
  CHECK_NEAR(at(r, 5), 33, 0);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_cumprod(a, (const int[]){-1}, &r));
  CHECK_NEAR(at(r, 2), 81, 0);
  CHECK_NEAR(at(r, 5), 0, 0);
  numc_free(r);
  numc_free(a);
  /* int8 cumsum accumulates in int64 */
  a = make(NUMC_INT8, 2, S23, (const double[]){100, 100, 100, 1, 2, 3});
  r = NULL;
  CHECK_OK(numc_cumsum(a, NULL, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_INT64);
  CHECK_EQ_INT(at(r, 2), 300);
  numc_free(r);
  numc_free(a);
}

TEST(empty_inputs) {
  const int64_t s03[] = {0, 3};
  numc_array *a = make(NUMC_FLOAT64, 2, s03, NULL), *r = NULL;
  CHECK_OK(numc_sum(a, NUMC_AXES(0), false, &r));
  CHECK_EQ_INT(numc_shape(r)[0], 3);
  CHECK_NEAR(at(r, 0), 0, 0);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_prod(a, NULL, false, &r));
  CHECK_NEAR(at(r, 0), 1, 0);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_mean(a, NULL, false, &r));
  CHECK(isnan(at(r, 0)));
  CHECK_EQ_STR(numc_last_warning(), "Mean of empty slice.");
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_min(a, NUMC_AXES(1), false, &r)); /* nothing to reduce into: fine */
  CHECK_EQ_INT(numc_size(r), 0);
  numc_free(r);
  r = NULL;
  CHECK_STATUS(numc_min(a, NUMC_AXES(0), false, &r), NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "zero-size array to reduction operation minimum which has no identity");
  CHECK(r == NULL);
  CHECK_STATUS(numc_nanmax(a, NULL, false, &r), NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "zero-size array to reduction operation fmax which has no identity");
  CHECK_STATUS(numc_argmin(a, NULL, false, &r), NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "attempt to get argmin of an empty sequence");
  CHECK(r == NULL);
  numc_free(a);
}

TEST(nan_handling) {
  const int64_t s5[] = {5};
  numc_array *a = make(NUMC_FLOAT64, 1, s5, (const double[]){1, NAN, 3, NAN, -2}), *r = NULL;
  CHECK_OK(numc_max(a, NULL, false, &r));
  CHECK(isnan(at(r, 0)));
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_argmin(a, NULL, false, &r));
  CHECK_EQ_INT(at(r, 0), 1); /* the first NaN */
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_nanmin(a, NULL, false, &r));
  CHECK_NEAR(at(r, 0), -2, 0);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_nansum(a, NULL, false, &r));
  CHECK_NEAR(at(r, 0), 2, 0);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_nanmean(a, NULL, false, &r));
  CHECK_NEAR(at(r, 0), 2.0 / 3, 1e-15);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_nanvar(a, NULL, 0, false, &r));
  CHECK_NEAR(at(r, 0), (1.0 / 9 + 49.0 / 9 + 64.0 / 9) / 3, 1e-14);
  numc_free(r);
  numc_free(a);
  /* all-NaN: nanmin/nanmean/nanvar give NaN */
  a = make(NUMC_FLOAT32, 1, s5, (const double[]){NAN, NAN, NAN, NAN, NAN});
  numc_status (*fns[])(const numc_array *, const numc_axes *, bool, numc_array **) = {numc_nanmin, numc_nanmax, numc_nanmean};
  for (int k = 0; k < 3; k++) {
    r = NULL;
    CHECK_OK(fns[k](a, NULL, false, &r));
    CHECK(isnan(at(r, 0)));
    numc_free(r);
  }
  r = NULL;
  CHECK_OK(numc_nanvar(a, NULL, 0, false, &r));
  CHECK(isnan(at(r, 0)));
  numc_free(r);
  numc_free(a);
}

TEST(errors) {
  numc_array *a = make(NUMC_FLOAT64, 2, S23, V23), *r = NULL;
  CHECK_STATUS(numc_sum(a, NUMC_AXES(2), false, &r), NUMC_EAXIS);
  CHECK_EQ_STR(numc_last_error(), "axis 2 is out of bounds for array of dimension 2");
  CHECK_STATUS(numc_var(a, NUMC_AXES(0, -2), 0, false, &r), NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "duplicate value in 'axis'");
  CHECK_STATUS(numc_argmax(a, (const int[]){-3}, false, &r), NUMC_EAXIS);
  CHECK_STATUS(numc_cumsum(a, (const int[]){2}, &r), NUMC_EAXIS);
  CHECK_STATUS(numc_sum(NULL, NULL, false, &r), NUMC_EINVAL);
  CHECK(r == NULL);
  numc_array *taken = a; /* *out must be NULL on entry */
  CHECK_STATUS(numc_sum(a, NULL, false, &taken), NUMC_EINVAL);
  CHECK(taken == a);
  numc_free(a);
}

/* Views: a reversed row order and every other column, built with numc__view. */
TEST(views) {
  const int64_t s34[] = {3, 4};
  const double v[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  numc_array *a = make(NUMC_FLOAT64, 2, s34, v), *view = NULL, *r = NULL;
  /* a[::-1, ::2]: shape (3, 2) */
  CHECK_OK(numc__view(a, NUMC_FLOAT64, 2, (const int64_t[]){3, 2}, (const int64_t[]){-32, 16}, 64, &view));
  CHECK_OK(numc_sum(view, NUMC_AXES(1), false, &r));
  CHECK_NEAR(at(r, 0), 8 + 10, 0);
  CHECK_NEAR(at(r, 2), 0 + 2, 0);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_argmax(view, NULL, false, &r)); /* C order of the view: [8 10 4 6 0 2] */
  CHECK_EQ_INT(at(r, 0), 1);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_argmin(view, (const int[]){0}, false, &r));
  CHECK_EQ_INT(at(r, 0), 2);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_cumsum(view, (const int[]){0}, &r));
  CHECK_NEAR(at(r, 4), 8 + 4 + 0, 0);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_mean(view, NULL, false, &r));
  CHECK_NEAR(at(r, 0), 30.0 / 6, 0);
  numc_free(r);
  numc_free(view);
  numc_free(a);
}

/* Pairwise summation: 10^7 float32 values of 0.1 sum to within a few ulps of the exact
 * double result; a sequential float32 sum is off by about 9%. */
TEST(float32_sum_accuracy) {
  int64_t n = 10000000;
  numc_array *a = NULL, *r = NULL;
  CHECK_OK(numc__new(NUMC_FLOAT32, 1, &n, NUMC_ORDER_C, false, &a));
  float *p = numc_data(a);
  for (int64_t i = 0; i < n; i++) p[i] = 0.1f;
  double exact = (double)0.1f * (double)n;
  CHECK_OK(numc_sum(a, NULL, false, &r));
  CHECK_NEAR(at(r, 0), exact, exact * 1e-6);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_mean(a, NULL, false, &r));
  CHECK_NEAR(at(r, 0), (double)0.1f, 1e-7);
  numc_free(r);
  numc_free(a);
}

/* Every function gives bit-identical results with 1 and 2 threads, over the shapes that
 * run threaded (one long run, rows into a vector, many outputs). */
TEST(thread_count_independent) {
  const int64_t shape[] = {700, 1500};
  int64_t n = shape[0] * shape[1];
  numc_array *a = NULL;
  CHECK_OK(numc__new(NUMC_FLOAT32, 2, shape, NUMC_ORDER_C, false, &a));
  float *p = numc_data(a);
  uint32_t seed = 12345;
  for (int64_t i = 0; i < n; i++) {
    seed = seed * 1664525u + 1013904223u;
    p[i] = (float)(seed >> 8) / (float)(1u << 24) - 0.3f;
  }
  numc_status (*fns[])(const numc_array *, const numc_axes *, bool, numc_array **) = {
      numc_sum, numc_prod, numc_mean, numc_max, numc_nanmin, numc_count_nonzero};
  const numc_axes *axes[] = {NULL, NUMC_AXES(0), NUMC_AXES(1)};
  int before = numc_get_num_threads();
  for (int f = 0; f < 6; f++)
    for (int k = 0; k < 3; k++) {
      numc_array *r1 = NULL, *r2 = NULL;
      CHECK_OK(numc_set_num_threads(1));
      CHECK_OK(fns[f](a, axes[k], false, &r1));
      CHECK_OK(numc_set_num_threads(2));
      CHECK_OK(fns[f](a, axes[k], false, &r2));
      CHECK(r1 && r2 && memcmp(numc_data(r1), numc_data(r2), numc_nbytes(r1)) == 0);
      numc_free(r1);
      numc_free(r2);
    }
  for (int k = 0; k < 3; k++) {
    numc_array *r1 = NULL, *r2 = NULL;
    CHECK_OK(numc_set_num_threads(1));
    CHECK_OK(numc_var(a, axes[k], 1, false, &r1));
    CHECK_OK(numc_set_num_threads(2));
    CHECK_OK(numc_var(a, axes[k], 1, false, &r2));
    CHECK(r1 && r2 && memcmp(numc_data(r1), numc_data(r2), numc_nbytes(r1)) == 0);
    numc_free(r1);
    numc_free(r2);
  }
  CHECK_OK(numc_set_num_threads(before));
  numc_free(a);
}

TESTS(CASE(sum_values_dtypes_shapes), CASE(prod_mean_var_std), CASE(minmax_ptp_logic_count),
      CASE(arg_and_scans), CASE(empty_inputs), CASE(nan_handling), CASE(errors), CASE(views),
      CASE(float32_sum_accuracy), CASE(thread_count_independent))
