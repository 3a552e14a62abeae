/* Test helpers on top of test.h: compare an array's shape, strides and elements (read
 * in C order, real parts as doubles) with literals. Include after test.h. */
#ifndef NUMC_TEST_VALUES_H
#define NUMC_TEST_VALUES_H

#include "test.h"

/* Element `flat` (C order) of `a` as a double: real part for complex, 0/1 for bool. */
static double value_at(const numc_array *a, int64_t flat) {
  int64_t index[NUMC_MAXDIMS];
  const int64_t *shape = numc_shape(a);
  for (int d = numc_ndim(a) - 1; d >= 0; d--) {
    index[d] = flat % shape[d];
    flat /= shape[d];
  }
  numc_scalar s;
  if (numc_get(a, index, &s) != NUMC_OK) return NAN;
  switch (numc_dtype_kind(s.dtype)) {
  case 'b': return s.v.b;
  case 'i': return (double)s.v.i;
  case 'u': return (double)s.v.u;
  case 'f': return s.v.f;
  default: return s.v.c[0];
  }
}

static void check_values_(const char *file, int line, const numc_array *a, const double *want,
                          int64_t n) {
  if (!a || numc_size(a) != n) {
    fprintf(stderr, "%s:%d: expected %lld elements, got %lld\n", file, line, (long long)n,
            a ? (long long)numc_size(a) : -1LL);
    test_failures++;
    return;
  }
  for (int64_t i = 0; i < n; i++) {
    double v = value_at(a, i);
    if (!(v == want[i] || (isnan(v) && isnan(want[i])))) {
      fprintf(stderr, "%s:%d: element %lld is %.17g, expected %.17g\n", file, line, (long long)i, v,
              want[i]);
      test_failures++;
      return;
    }
  }
}

static void check_ints_(const char *file, int line, const char *what, const int64_t *got, int ngot,
                        const int64_t *want, int n) {
  bool same = ngot == n;
  for (int i = 0; same && i < n; i++) same = got[i] == want[i];
  if (same) return;
  fprintf(stderr, "%s:%d: %s differs: got (", file, line, what);
  for (int i = 0; i < ngot; i++) fprintf(stderr, "%s%lld", i ? ", " : "", (long long)got[i]);
  fprintf(stderr, "), expected (");
  for (int i = 0; i < n; i++) fprintf(stderr, "%s%lld", i ? ", " : "", (long long)want[i]);
  fprintf(stderr, ")\n");
  test_failures++;
}

#define N_OF_(T, ...) (int)(sizeof((T[]){__VA_ARGS__}) / sizeof(T))
/* CHECK_VALUES(a, 1, 2, 3): a's elements in C order. */
#define CHECK_VALUES(a, ...) \
  check_values_(__FILE__, __LINE__, (a), (double[]){__VA_ARGS__}, N_OF_(double, __VA_ARGS__))
/* CHECK_SHAPE(a, 2, 3); CHECK_SHAPE0(a) for 0-d. */
#define CHECK_SHAPE(a, ...)                                                               \
  check_ints_(__FILE__, __LINE__, "shape", numc_shape(a), numc_ndim(a), (int64_t[]){__VA_ARGS__}, \
              N_OF_(int64_t, __VA_ARGS__))
#define CHECK_SHAPE0(a) check_ints_(__FILE__, __LINE__, "shape", numc_shape(a), numc_ndim(a), NULL, 0)
#define CHECK_STRIDES(a, ...)                                                                 \
  check_ints_(__FILE__, __LINE__, "strides", numc_strides(a), numc_ndim(a), (int64_t[]){__VA_ARGS__}, \
              N_OF_(int64_t, __VA_ARGS__))
/* The status and that the message contains `text`. */
#define CHECK_ERROR(expr, status, text)                                                       \
  do {                                                                                      \
    CHECK_STATUS(expr, status);                                                             \
    if (!strstr(numc_last_error(), (text))) {                                               \
      fprintf(stderr, "%s:%d: message \"%s\" lacks \"%s\"\n", __FILE__, __LINE__,          \
              numc_last_error(), (text));                                                   \
      test_failures++;                                                                      \
    }                                                                                       \
  } while (0)

#endif
