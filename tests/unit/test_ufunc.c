/* Unit tests of the ufunc engine: type resolution, broadcasting, out=, in-place,
 * overlap, casting through the iterator, threads. The NumPy oracle covers values. */
#include "test.h"

static numc_array *wrap_f64(double *d, int64_t n) {
  numc_array *a = NULL;
  numc_wrap(d, &n, NULL, 1, NUMC_FLOAT64, true, NULL, NULL, &a);
  return a;
}

static numc_array *new_array(numc_dtype t, int ndim, const int64_t *shape) {
  numc_array *a = NULL;
  numc_zeros(shape, ndim, t, NUMC_ORDER_C, &a);
  return a;
}

TEST(add_broadcast_2d_1d) {
  double x[6] = {1, 2, 3, 4, 5, 6}, y[3] = {10, 20, 30};
  numc_array *a = NULL, *b = wrap_f64(y, 3), *c = NULL;
  int64_t shape[2] = {2, 3};
  CHECK_OK(numc_wrap(x, shape, NULL, 2, NUMC_FLOAT64, true, NULL, NULL, &a));
  CHECK_OK(numc_add(a, b, &c));
  CHECK_EQ_INT(numc_ndim(c), 2);
  CHECK_EQ_INT(numc_shape(c)[1], 3);
  const double *r = numc_data(c);
  CHECK_NEAR(r[0], 11, 0);
  CHECK_NEAR(r[5], 36, 0);
  numc_free(a);
  numc_free(b);
  numc_free(c);
}

TEST(broadcast_error_message) {
  int64_t s1[2] = {2, 3}, s2[1] = {4};
  numc_array *a = new_array(NUMC_FLOAT32, 2, s1), *b = new_array(NUMC_FLOAT32, 1, s2), *c = NULL;
  CHECK_STATUS(numc_add(a, b, &c), NUMC_ESHAPE);
  CHECK_EQ_STR(numc_last_error(), "operands could not be broadcast together with shapes (2,3) (4,)");
  CHECK(c == NULL);
  numc_free(a);
  numc_free(b);
}

TEST(promotion_and_loops) {
  int64_t s[1] = {4};
  numc_array *i8 = new_array(NUMC_INT8, 1, s), *u8 = new_array(NUMC_UINT8, 1, s);
  numc_array *f16 = new_array(NUMC_FLOAT16, 1, s), *i32 = new_array(NUMC_INT32, 1, s);
  numc_array *r = NULL;
  CHECK_OK(numc_add(i8, u8, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_INT16);
  numc_free(r), r = NULL;
  CHECK_OK(numc_sqrt(i8, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_FLOAT16);
  numc_free(r), r = NULL;
  CHECK_OK(numc_divide(i32, i32, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_FLOAT64);
  numc_free(r), r = NULL;
  CHECK_OK(numc_multiply(f16, i8, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_FLOAT16);
  numc_free(r), r = NULL;
  CHECK_OK(numc_less(f16, i32, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_BOOL);
  numc_free(r), r = NULL;
  CHECK_STATUS(numc_bitwise_and(f16, f16, &r), NUMC_EDTYPE);
  CHECK(r == NULL);
  numc_free(i8);
  numc_free(u8);
  numc_free(f16);
  numc_free(i32);
}

TEST(out_argument_and_casting) {
  double x[3] = {1.5, 2.5, 3.5};
  numc_array *a = wrap_f64(x, 3), *out = NULL, *given;
  int64_t s[1] = {3};
  given = new_array(NUMC_INT32, 1, s);
  out = given;
  /* float64 -> int32 is not same_kind: refused, out untouched. */
  CHECK_STATUS(numc_add(a, a, &out), NUMC_ECAST);
  CHECK(out == given);
  numc_free(given);
  given = new_array(NUMC_FLOAT32, 1, s);
  out = given;
  CHECK_OK(numc_add(a, a, &out));
  CHECK(out == given);
  CHECK_NEAR(((float *)numc_data(out))[2], 7.0, 0);
  numc_free(given);
  numc_free(a);
}

TEST(in_place_and_overlap) {
  double x[5] = {1, 2, 3, 4, 5};
  numc_array *a = wrap_f64(x, 5), *out = a;
  CHECK_OK(numc_add(a, a, &out)); /* exact alias: in place */
  CHECK_NEAR(x[4], 10, 0);
  /* Overlapping, shifted views: out[i] = in[i] + 1 where in is out shifted by one. */
  numc_array *head = NULL, *tail = NULL, *one = NULL;
  CHECK_OK(numc_slice_str(a, "1:", &tail));
  CHECK_OK(numc_slice_str(a, ":-1", &head));
  CHECK_OK(numc_scalar_array(numc_float(1), &one));
  out = tail;
  CHECK_OK(numc_add(head, one, &out));
  /* NumPy semantics: as if the input were read completely first. */
  CHECK_NEAR(x[0], 2, 0);
  CHECK_NEAR(x[1], 3, 0);
  CHECK_NEAR(x[4], 9, 0);
  numc_free(head);
  numc_free(tail);
  numc_free(one);
  numc_free(a);
}

TEST(large_threaded_with_cast) {
  int64_t n = 1 << 20;
  numc_array *a = new_array(NUMC_FLOAT16, 1, &n), *b = new_array(NUMC_FLOAT64, 1, &n), *r = NULL;
  uint16_t *h = numc_data(a);
  double *d = numc_data(b);
  for (int64_t i = 0; i < n; i++) {
    h[i] = 0x3c00; /* 1.0 */
    d[i] = (double)i;
  }
  CHECK_OK(numc_set_num_threads(2));
  CHECK_OK(numc_add(a, b, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_FLOAT64);
  const double *v = numc_data(r);
  int bad = 0;
  for (int64_t i = 0; i < n; i++) bad += v[i] != (double)i + 1;
  CHECK_EQ_INT(bad, 0);
  numc_free(a);
  numc_free(b);
  numc_free(r);
}

TEST(integer_power_negative_exponent) {
  int32_t base[2] = {2, 3}, ex[2] = {2, -1};
  int64_t s[1] = {2};
  numc_array *a = NULL, *b = NULL, *r = NULL;
  numc_wrap(base, s, NULL, 1, NUMC_INT32, true, NULL, NULL, &a);
  numc_wrap(ex, s, NULL, 1, NUMC_INT32, true, NULL, NULL, &b);
  CHECK_STATUS(numc_power(a, b, &r), NUMC_EVALUE);
  CHECK(r == NULL);
  numc_free(a);
  numc_free(b);
}

TEST(weak_scalar_keeps_dtype) {
  int64_t s[1] = {3};
  numc_array *a = new_array(NUMC_INT8, 1, s), *k = NULL, *r = NULL;
  CHECK_OK(numc_scalar_array(numc_int(5), &k));
  CHECK_OK(numc_add(a, k, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_INT8);
  numc_free(k), k = NULL;
  numc_free(r), r = NULL;
  CHECK_OK(numc_scalar_array(numc_int(300), &k));
  CHECK_STATUS(numc_add(a, k, &r), NUMC_EVALUE);
  numc_free(k), k = NULL;
  CHECK_OK(numc_scalar_array(numc_float(0.5), &k));
  CHECK_OK(numc_add(a, k, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_FLOAT64);
  numc_free(k);
  numc_free(r);
  numc_free(a);
}

TESTS(CASE(add_broadcast_2d_1d), CASE(broadcast_error_message), CASE(promotion_and_loops),
      CASE(out_argument_and_casting), CASE(in_place_and_overlap), CASE(large_threaded_with_cast),
      CASE(integer_power_negative_exponent), CASE(weak_scalar_keeps_dtype))
