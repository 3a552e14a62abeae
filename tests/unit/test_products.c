/* Unit tests of the matrix products: matmul (dtypes, 1-D operands, broadcast stacks,
 * strided views, zero sizes, out=, errors, blocking edges, threads), dot, vdot, inner,
 * outer, tensordot, kron and einsum. Inputs are small integers, so that every float
 * result is exact and can be compared with == against a plain loop. */
#include "core/core.h"
#include "test.h"

/* Small pseudo-random integers in [-4, 4] (bool: 0/1), C order. */
static numc_array *seq(numc_dtype t, int ndim, const int64_t *shape, unsigned seed) {
  numc_array *a = NULL;
  if (numc__new(t, ndim, shape, NUMC_ORDER_C, false, &a) != NUMC_OK) return NULL;
  int64_t n = numc__size(ndim, shape);
  for (int64_t i = 0; i < n; i++) {
    seed = seed * 1103515245u + 12345u;
    int v = (int)((seed >> 16) % 9) - 4;
    if (t == NUMC_BOOL) v = v > 0;
    numc__scalar_store(numc_int(v), t, (char *)numc_data(a) + i * numc_itemsize(a));
  }
  return a;
}

static numc_array *from(numc_dtype t, int ndim, const int64_t *shape, const double *v) {
  numc_array *a = NULL;
  if (numc__new(t, ndim, shape, NUMC_ORDER_C, false, &a) != NUMC_OK) return NULL;
  for (int64_t i = 0; i < numc__size(ndim, shape); i++)
    numc__scalar_store(numc_float(v[i]), t, (char *)numc_data(a) + i * numc_itemsize(a));
  return a;
}

static double as_double(numc_scalar s, double *imag) {
  if (imag) *imag = s.dtype == NUMC_COMPLEX128 ? s.v.c[1] : 0;
  switch (numc_dtype_kind(s.dtype)) {
  case 'b': return s.v.b;
  case 'i': return (double)s.v.i;
  case 'u': return (double)s.v.u;
  case 'f': return s.v.f;
  default: return s.v.c[0];
  }
}

/* Element at idx: the real part (or the integer) as a double; imag gets the imaginary. */
static double get(const numc_array *a, const int64_t *idx, double *imag) {
  numc_scalar s = {0};
  if (numc_get(a, idx, &s) != NUMC_OK) return NAN;
  return as_double(s, imag);
}

/* A result modulo 2^64 wrapped to integer dtype t, as NumPy's integers wrap (uint64
 * values keep their bits). */
static int64_t wrap(numc_dtype t, int64_t v) {
  char buf[16];
  numc__scalar_store(numc_int(v), t, buf);
  numc_scalar s = numc__scalar_load(t, buf);
  return numc_dtype_kind(t) == 'u' ? (int64_t)s.v.u : s.v.i;
}

static bool same_shape(const numc_array *a, int ndim, const int64_t *shape) {
  if (numc_ndim(a) != ndim) return false;
  for (int d = 0; d < ndim; d++)
    if (numc_shape(a)[d] != shape[d]) return false;
  return true;
}

/* An element of an exact (integer-valued) array as an int64, bits kept for uint64. */
static int64_t get_int(const numc_array *a, const int64_t *idx) {
  numc_scalar s = {0};
  if (numc_get(a, idx, &s) != NUMC_OK) return INT64_MIN;
  switch (numc_dtype_kind(s.dtype)) {
  case 'b': return s.v.b;
  case 'i': return s.v.i;
  case 'u': return (int64_t)s.v.u;
  case 'f': return (int64_t)s.v.f;
  default: return (int64_t)s.v.c[0];
  }
}

/* r[i, j] == sum_p a[i, p] b[p, j] for 2-D a, b in the dtype r has (exact inputs). */
static int check_product_2d(const numc_array *a, const numc_array *b, const numc_array *r) {
  int bad = 0;
  numc_dtype t = numc_dtype_of(r);
  int64_t m = numc_shape(a)[0], k = numc_shape(a)[1], n = numc_shape(b)[1];
  for (int64_t i = 0; i < m; i++)
    for (int64_t j = 0; j < n; j++) {
      uint64_t acc = 0; /* wraps modulo 2^64, and so modulo any smaller integer's range */
      for (int64_t p = 0; p < k; p++) {
        uint64_t x = (uint64_t)get_int(a, (int64_t[]){i, p}), y = (uint64_t)get_int(b, (int64_t[]){p, j});
        acc = t == NUMC_BOOL ? (acc | (x && y)) : acc + x * y;
      }
      bool is_int = numc_dtype_kind(t) == 'i' || numc_dtype_kind(t) == 'u';
      bool ok = is_int ? get_int(r, (int64_t[]){i, j}) == wrap(t, (int64_t)acc)
                       : get(r, (int64_t[]){i, j}, NULL) == (double)(int64_t)acc;
      if (!ok && bad++ == 0)
        fprintf(stderr, "  %s product differs at (%lld, %lld)\n", numc_dtype_name(t), (long long)i, (long long)j);
    }
  return bad;
}

static const numc_dtype ALL_PRODUCT_DTYPES[] = {
    NUMC_BOOL,  NUMC_INT8,    NUMC_UINT8,   NUMC_INT16,     NUMC_INT32,     NUMC_INT64, NUMC_UINT64,
    NUMC_FLOAT16, NUMC_FLOAT32, NUMC_FLOAT64, NUMC_COMPLEX64, NUMC_COMPLEX128};

TEST(matmul_every_dtype) {
  for (size_t i = 0; i < sizeof ALL_PRODUCT_DTYPES / sizeof ALL_PRODUCT_DTYPES[0]; i++) {
    numc_dtype t = ALL_PRODUCT_DTYPES[i];
    numc_array *a = seq(t, 2, (int64_t[]){3, 4}, 1), *b = seq(t, 2, (int64_t[]){4, 5}, 2), *r = NULL;
    CHECK_OK(numc_matmul(a, b, &r));
    CHECK_EQ_INT(numc_dtype_of(r), t);
    CHECK(same_shape(r, 2, (int64_t[]){3, 5}));
    CHECK_EQ_INT(check_product_2d(a, b, r), 0);
    numc_free(a);
    numc_free(b);
    numc_free(r);
  }
  /* Mixed dtypes promote: int8 @ float16 -> float16, int32 @ float32 -> float64. */
  numc_array *a = seq(NUMC_INT8, 2, (int64_t[]){2, 3}, 3), *b = seq(NUMC_FLOAT16, 2, (int64_t[]){3, 2}, 4), *r = NULL;
  CHECK_OK(numc_matmul(a, b, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_FLOAT16);
  CHECK_EQ_INT(check_product_2d(a, b, r), 0);
  numc_free(a);
  numc_free(b);
  numc_free(r);
  r = NULL;
  a = seq(NUMC_INT32, 2, (int64_t[]){2, 3}, 5);
  b = seq(NUMC_FLOAT32, 2, (int64_t[]){3, 2}, 6);
  CHECK_OK(numc_matmul(a, b, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_FLOAT64);
  CHECK_EQ_INT(check_product_2d(a, b, r), 0);
  numc_free(a);
  numc_free(b);
  numc_free(r);
}

TEST(matmul_integers_wrap_and_bool_is_logical) {
  numc_array *a = from(NUMC_INT8, 2, (int64_t[]){1, 2}, (const double[]){100, 100});
  numc_array *b = from(NUMC_INT8, 2, (int64_t[]){2, 1}, (const double[]){100, 100}), *r = NULL;
  CHECK_OK(numc_matmul(a, b, &r));
  CHECK_EQ_INT(get(r, (int64_t[]){0, 0}, NULL), 32); /* 20000 mod 256 */
  numc_free(a);
  numc_free(b);
  numc_free(r);
  r = NULL;
  a = from(NUMC_INT64, 2, (int64_t[]){1, 2}, (const double[]){4611686018427387904.0, 4611686018427387904.0});
  b = from(NUMC_INT64, 2, (int64_t[]){2, 1}, (const double[]){2, 2});
  CHECK_OK(numc_matmul(a, b, &r)); /* 2^62*2 + 2^62*2 = 2^64 wraps to 0 */
  CHECK_EQ_INT(get(r, (int64_t[]){0, 0}, NULL), 0);
  numc_free(a);
  numc_free(b);
  numc_free(r);
  r = NULL;
  /* bool: or of ands, never a count (2 true products are still true) */
  a = from(NUMC_BOOL, 2, (int64_t[]){2, 2}, (const double[]){1, 1, 0, 0});
  b = from(NUMC_BOOL, 2, (int64_t[]){2, 2}, (const double[]){1, 0, 1, 0});
  CHECK_OK(numc_matmul(a, b, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_BOOL);
  CHECK_EQ_INT(get(r, (int64_t[]){0, 0}, NULL), 1);
  CHECK_EQ_INT(get(r, (int64_t[]){0, 1}, NULL), 0);
  CHECK_EQ_INT(get(r, (int64_t[]){1, 0}, NULL), 0);
  CHECK_EQ_INT(((const uint8_t *)numc_data(r))[0], 1);
  numc_free(a);
  numc_free(b);
  numc_free(r);
}

TEST(matmul_one_dimensional_operands) {
  numc_array *v = seq(NUMC_FLOAT64, 1, (int64_t[]){3}, 1), *m = seq(NUMC_FLOAT64, 2, (int64_t[]){3, 3}, 2);
  numc_array *s = seq(NUMC_FLOAT64, 3, (int64_t[]){2, 3, 4}, 3), *r = NULL;
  CHECK_OK(numc_matmul(v, m, &r)); /* (3,) @ (3,3) -> (3,) */
  CHECK(same_shape(r, 1, (int64_t[]){3}));
  double want = 0;
  for (int64_t p = 0; p < 3; p++) want += get(v, &p, NULL) * get(m, (int64_t[]){p, 1}, NULL);
  CHECK_EQ_INT(get(r, (int64_t[]){1}, NULL), want);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_matmul(m, v, &r)); /* (3,3) @ (3,) -> (3,) */
  CHECK(same_shape(r, 1, (int64_t[]){3}));
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_matmul(v, v, &r)); /* (3,) @ (3,) -> () */
  CHECK_EQ_INT(numc_ndim(r), 0);
  want = 0;
  for (int64_t p = 0; p < 3; p++) want += get(v, &p, NULL) * get(v, &p, NULL);
  CHECK_EQ_INT(get(r, NULL, NULL), want);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_matmul(v, s, &r)); /* (3,) @ (2,3,4) -> (2,4) */
  CHECK(same_shape(r, 2, (int64_t[]){2, 4}));
  want = 0;
  for (int64_t p = 0; p < 3; p++) want += get(v, &p, NULL) * get(s, (int64_t[]){1, p, 2}, NULL);
  CHECK_EQ_INT(get(r, (int64_t[]){1, 2}, NULL), want);
  numc_free(r);
  numc_free(v);
  numc_free(m);
  numc_free(s);
}

/* (2,1,3,4) @ (5,4,2) -> (2,5,3,2), every element against the definition. */
TEST(matmul_broadcast_stacks) {
  const numc_dtype types[] = {NUMC_FLOAT32, NUMC_INT32, NUMC_COMPLEX128};
  for (int ti = 0; ti < 3; ti++) {
    numc_array *a = seq(types[ti], 4, (int64_t[]){2, 1, 3, 4}, 7), *b = seq(types[ti], 3, (int64_t[]){5, 4, 2}, 8), *r = NULL;
    CHECK_OK(numc_matmul(a, b, &r));
    CHECK(same_shape(r, 4, (int64_t[]){2, 5, 3, 2}));
    int bad = 0;
    for (int64_t x = 0; x < 2; x++)
      for (int64_t y = 0; y < 5; y++)
        for (int64_t i = 0; i < 3; i++)
          for (int64_t j = 0; j < 2; j++) {
            double want = 0;
            for (int64_t p = 0; p < 4; p++)
              want += get(a, (int64_t[]){x, 0, i, p}, NULL) * get(b, (int64_t[]){y, p, j}, NULL);
            bad += get(r, (int64_t[]){x, y, i, j}, NULL) != want;
          }
    CHECK_EQ_INT(bad, 0);
    numc_free(a);
    numc_free(b);
    numc_free(r);
  }
}

/* Transposed, reversed and stepped views give the same result as their copies. */
TEST(matmul_strided_views) {
  numc_array *base_a = seq(NUMC_FLOAT64, 2, (int64_t[]){6, 5}, 9), *base_b = seq(NUMC_INT16, 2, (int64_t[]){8, 7}, 10);
  numc_array *a = NULL, *b = NULL, *ca = NULL, *cb = NULL, *r = NULL, *want = NULL;
  CHECK_OK(numc_transpose(base_a, NULL, &a));        /* (5, 6), strides (8, 40) */
  CHECK_OK(numc_slice_str(base_b, "1::-1, ::-1", &b)); /* wrong K: 2 rows */
  numc_free(b);
  b = NULL;
  CHECK_OK(numc_slice_str(base_b, "7:1:-1, ::2", &b)); /* (6, 4), negative row stride */
  CHECK_OK(numc_copy(a, NUMC_ORDER_C, &ca));
  CHECK_OK(numc_copy(b, NUMC_ORDER_C, &cb));
  CHECK_OK(numc_matmul(a, b, &r));
  CHECK_OK(numc_matmul(ca, cb, &want));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_FLOAT64);
  CHECK_EQ_INT(check_product_2d(ca, cb, r), 0);
  CHECK_EQ_INT(check_product_2d(ca, cb, want), 0);
  numc_free(a);
  numc_free(b);
  numc_free(ca);
  numc_free(cb);
  numc_free(r);
  numc_free(want);
  numc_free(base_a);
  numc_free(base_b);
}

TEST(matmul_zero_sizes) {
  const numc_dtype types[] = {NUMC_FLOAT64, NUMC_FLOAT16, NUMC_INT32, NUMC_BOOL, NUMC_COMPLEX64};
  for (int ti = 0; ti < 5; ti++) {
    numc_array *a = seq(types[ti], 2, (int64_t[]){3, 0}, 1), *b = seq(types[ti], 2, (int64_t[]){0, 2}, 2), *r = NULL;
    CHECK_OK(numc_matmul(a, b, &r)); /* K = 0: zeros, not uninitialised memory */
    CHECK(same_shape(r, 2, (int64_t[]){3, 2}));
    for (int64_t i = 0; i < 3; i++)
      for (int64_t j = 0; j < 2; j++) CHECK_EQ_INT(get(r, (int64_t[]){i, j}, NULL), 0);
    numc_free(a);
    numc_free(b);
    numc_free(r);
  }
  numc_array *a = seq(NUMC_FLOAT32, 3, (int64_t[]){0, 2, 3}, 1), *b = seq(NUMC_FLOAT32, 2, (int64_t[]){3, 4}, 2), *r = NULL;
  CHECK_OK(numc_matmul(a, b, &r));
  CHECK(same_shape(r, 3, (int64_t[]){0, 2, 4}));
  numc_free(a);
  numc_free(b);
  numc_free(r);
}

TEST(matmul_out) {
  numc_array *a = seq(NUMC_INT32, 2, (int64_t[]){3, 3}, 1), *b = seq(NUMC_INT32, 2, (int64_t[]){3, 3}, 2);
  numc_array *want = NULL, *out = NULL, *ca = NULL;
  CHECK_OK(numc_matmul(a, b, &want));
  /* Into a float64 array (same_kind allows int32 -> float64). */
  CHECK_OK(numc_zeros((int64_t[]){3, 3}, 2, NUMC_FLOAT64, NUMC_ORDER_C, &out));
  numc_array *given = out;
  CHECK_OK(numc_matmul(a, b, &out));
  CHECK(out == given);
  CHECK_EQ_INT(check_product_2d(a, b, want), 0);
  for (int64_t i = 0; i < 9; i++) CHECK_EQ_INT(((const double *)numc_data(out))[i], ((const int32_t *)numc_data(want))[i]);
  /* Into one of the inputs: a = a @ b reads a before overwriting it. */
  CHECK_OK(numc_copy(a, NUMC_ORDER_C, &ca));
  numc_array *in_place = ca;
  CHECK_OK(numc_matmul(ca, b, &in_place));
  CHECK(!memcmp(numc_data(ca), numc_data(want), 9 * sizeof(int32_t)));
  /* Failures leave out untouched. */
  numc_array *small = NULL, *ints = NULL;
  CHECK_OK(numc_zeros((int64_t[]){3, 2}, 2, NUMC_FLOAT64, NUMC_ORDER_C, &small));
  numc_array *s2 = small;
  CHECK_STATUS(numc_matmul(a, b, &s2), NUMC_ESHAPE);
  CHECK(s2 == small);
  CHECK_EQ_INT(((const double *)numc_data(small))[0], 0);
  numc_array *fa = seq(NUMC_FLOAT32, 2, (int64_t[]){3, 3}, 3);
  CHECK_OK(numc_zeros((int64_t[]){3, 3}, 2, NUMC_INT32, NUMC_ORDER_C, &ints));
  numc_array *i2 = ints;
  CHECK_STATUS(numc_matmul(fa, b, &i2), NUMC_ECAST);
  CHECK_OK(numc_set_writeable(ints, false));
  CHECK_STATUS(numc_matmul(a, b, &i2), NUMC_EREADONLY);
  numc_free(a);
  numc_free(b);
  numc_free(want);
  numc_free(out);
  numc_free(ca);
  numc_free(small);
  numc_free(ints);
  numc_free(fa);
}

TEST(matmul_errors) {
  numc_array *s = NULL, *v3 = seq(NUMC_FLOAT64, 1, (int64_t[]){3}, 1), *v4 = seq(NUMC_FLOAT64, 1, (int64_t[]){4}, 1);
  numc_array *a = seq(NUMC_FLOAT64, 3, (int64_t[]){2, 3, 4}, 1), *b = seq(NUMC_FLOAT64, 3, (int64_t[]){5, 4, 2}, 1), *r = NULL;
  CHECK_OK(numc_scalar_array(numc_float(2), &s));
  CHECK_STATUS(numc_matmul(s, v3, &r), NUMC_ESHAPE);
  CHECK(strstr(numc_last_error(), "Input operand 0 does not have enough dimensions") != NULL);
  CHECK_STATUS(numc_matmul(v3, v4, &r), NUMC_ESHAPE);
  CHECK_EQ_STR(numc_last_error(), "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
                                  "signature (n?,k),(k,m?)->(n?,m?) (size 4 is different from 3)");
  CHECK_STATUS(numc_matmul(a, b, &r), NUMC_ESHAPE);
  CHECK_EQ_STR(numc_last_error(), "operands could not be broadcast together with remapped shapes [original->remapped]: "
                                  "(2,3,4)->(2,newaxis,newaxis) (5,4,2)->(5,newaxis,newaxis)  and requested shape (3,2)");
  CHECK(r == NULL);
  CHECK_STATUS(numc_matmul(NULL, v3, &r), NUMC_EINVAL);
  numc_free(s);
  numc_free(v3);
  numc_free(v4);
  numc_free(a);
  numc_free(b);
}

/* Sizes that cross the exact kernels' 4-row and 256-column blocks and their 32-row work
 * items, and large values that wrap; the result may not depend on the thread count. */
TEST(matmul_exact_blocking_and_threads) {
  numc_array *a = seq(NUMC_INT64, 2, (int64_t[]){37, 70}, 11), *b = seq(NUMC_INT64, 2, (int64_t[]){70, 517}, 12);
  int64_t *pa = numc_data(a);
  for (int i = 0; i < 37 * 70; i += 7) pa[i] = INT64_MAX - i; /* products wrap */
  numc_array *r1 = NULL, *r8 = NULL;
  int before = numc_get_num_threads();
  CHECK_OK(numc_set_num_threads(1));
  CHECK_OK(numc_matmul(a, b, &r1));
  CHECK_OK(numc_set_num_threads(8));
  CHECK_OK(numc_matmul(a, b, &r8));
  CHECK_OK(numc_set_num_threads(before));
  CHECK_EQ_INT(check_product_2d(a, b, r1), 0);
  CHECK(!memcmp(numc_data(r1), numc_data(r8), 37 * 517 * sizeof(int64_t)));
  numc_free(a);
  numc_free(b);
  numc_free(r1);
  numc_free(r8);
}

/* 64 x (128 x 128) float32: the batch runs on threads; each item must equal its own
 * product (exact for these small integers). */
TEST(matmul_batched_parallel) {
  numc_array *a = seq(NUMC_FLOAT32, 3, (int64_t[]){64, 128, 128}, 13), *b = seq(NUMC_FLOAT32, 3, (int64_t[]){64, 128, 128}, 14);
  numc_array *r = NULL;
  CHECK_OK(numc_set_num_threads(4));
  CHECK_OK(numc_matmul(a, b, &r));
  int bad = 0;
  const float *pa = numc_data(a), *pb = numc_data(b), *pr = numc_data(r);
  for (int z = 0; z < 64; z += 9)
    for (int i = 0; i < 128; i += 5)
      for (int j = 0; j < 128; j++) {
        float want = 0;
        for (int p = 0; p < 128; p++) want += pa[(z * 128 + i) * 128 + p] * pb[(z * 128 + p) * 128 + j];
        bad += pr[(z * 128 + i) * 128 + j] != want;
      }
  CHECK_EQ_INT(bad, 0);
  numc_free(a);
  numc_free(b);
  numc_free(r);
}

TEST(dot_inner_outer_vdot) {
  numc_array *a = seq(NUMC_FLOAT64, 3, (int64_t[]){2, 3, 4}, 1), *b = seq(NUMC_FLOAT64, 3, (int64_t[]){5, 4, 6}, 2), *r = NULL;
  CHECK_OK(numc_dot(a, b, &r)); /* sum over a's last and b's second-to-last: not broadcast */
  CHECK(same_shape(r, 4, (int64_t[]){2, 3, 5, 6}));
  double want = 0;
  for (int64_t p = 0; p < 4; p++) want += get(a, (int64_t[]){1, 2, p}, NULL) * get(b, (int64_t[]){3, p, 4}, NULL);
  CHECK_EQ_INT(get(r, (int64_t[]){1, 2, 3, 4}, NULL), want);
  numc_free(r);
  r = NULL;
  numc_array *v = seq(NUMC_INT32, 1, (int64_t[]){4}, 3), *w = seq(NUMC_INT32, 1, (int64_t[]){4}, 4);
  CHECK_OK(numc_dot(v, w, &r));
  CHECK_EQ_INT(numc_ndim(r), 0);
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_INT32);
  want = 0;
  for (int64_t p = 0; p < 4; p++) want += get(v, &p, NULL) * get(w, &p, NULL);
  CHECK_EQ_INT(get(r, NULL, NULL), want);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_dot(a, v, &r)); /* (2,3,4) . (4,) -> (2,3) */
  CHECK(same_shape(r, 2, (int64_t[]){2, 3}));
  numc_free(r);
  r = NULL;
  /* A Python scalar is converted to an array first: int8 . 3 is int64, not int8. */
  numc_array *s = NULL, *i8 = seq(NUMC_INT8, 1, (int64_t[]){3}, 5);
  CHECK_OK(numc_scalar_array(numc_int(3), &s));
  CHECK_OK(numc_dot(i8, s, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_INT64);
  CHECK_EQ_INT(get(r, (int64_t[]){2}, NULL), 3 * get(i8, (int64_t[]){2}, NULL));
  numc_free(r);
  r = NULL;
  CHECK_STATUS(numc_dot(a, a, &r), NUMC_ESHAPE);
  CHECK_EQ_STR(numc_last_error(), "shapes (2,3,4) and (2,3,4) not aligned: 4 (dim 2) != 3 (dim 1)");
  CHECK_OK(numc_inner(a, a, &r)); /* (2,3,4) inner (2,3,4) -> (2,3,2,3) */
  CHECK(same_shape(r, 4, (int64_t[]){2, 3, 2, 3}));
  want = 0;
  for (int64_t p = 0; p < 4; p++) want += get(a, (int64_t[]){0, 1, p}, NULL) * get(a, (int64_t[]){1, 2, p}, NULL);
  CHECK_EQ_INT(get(r, (int64_t[]){0, 1, 1, 2}, NULL), want);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_outer(a, v, &r)); /* flattened: (24, 4) */
  CHECK(same_shape(r, 2, (int64_t[]){24, 4}));
  CHECK_EQ_INT(get(r, (int64_t[]){23, 1}, NULL), get(a, (int64_t[]){1, 2, 3}, NULL) * get(v, (int64_t[]){1}, NULL));
  numc_free(r);
  r = NULL;
  const double za[] = {1, 2, 3, -1}, zb[] = {2, -1, 1, 1}; /* 1+2j, 3-1j and 2-1j, 1+1j */
  numc_array *ca = NULL, *cb = NULL;
  CHECK_OK(numc_from_buffer(za, (int64_t[]){2}, 1, NUMC_COMPLEX128, &ca));
  CHECK_OK(numc_from_buffer(zb, (int64_t[]){2}, 1, NUMC_COMPLEX128, &cb));
  CHECK_OK(numc_vdot(ca, cb, &r)); /* conj(1+2j)(2-1j) + conj(3-1j)(1+1j) = 2-1j */
  double im = 0;
  CHECK_EQ_INT(get(r, NULL, &im), 2);
  CHECK_EQ_INT(im, -1);
  numc_free(r);
  r = NULL;
  CHECK_STATUS(numc_vdot(ca, v, &r), NUMC_ESHAPE);
  numc_free(a);
  numc_free(b);
  numc_free(v);
  numc_free(w);
  numc_free(s);
  numc_free(i8);
  numc_free(ca);
  numc_free(cb);
}

TEST(tensordot_and_kron) {
  numc_array *a = seq(NUMC_FLOAT64, 3, (int64_t[]){3, 4, 5}, 1), *b = seq(NUMC_FLOAT64, 3, (int64_t[]){4, 3, 2}, 2), *r = NULL;
  CHECK_OK(numc_tensordot(a, b, NUMC_AXES(1, 0), NUMC_AXES(0, 1), &r)); /* -> (5, 2) */
  CHECK(same_shape(r, 2, (int64_t[]){5, 2}));
  double want = 0;
  for (int64_t i = 0; i < 3; i++)
    for (int64_t j = 0; j < 4; j++) want += get(a, (int64_t[]){i, j, 4}, NULL) * get(b, (int64_t[]){j, i, 1}, NULL);
  CHECK_EQ_INT(get(r, (int64_t[]){4, 1}, NULL), want);
  numc_free(r);
  r = NULL;
  numc_array *c = seq(NUMC_FLOAT64, 3, (int64_t[]){4, 5, 2}, 3);
  CHECK_OK(numc_tensordot_n(a, c, 2, &r)); /* last two of a with first two of c -> (3, 2) */
  CHECK(same_shape(r, 2, (int64_t[]){3, 2}));
  want = 0;
  for (int64_t j = 0; j < 4; j++)
    for (int64_t k = 0; k < 5; k++) want += get(a, (int64_t[]){2, j, k}, NULL) * get(c, (int64_t[]){j, k, 1}, NULL);
  CHECK_EQ_INT(get(r, (int64_t[]){2, 1}, NULL), want);
  numc_free(r);
  r = NULL;
  CHECK_OK(numc_tensordot_n(a, b, 0, &r)); /* outer product */
  CHECK(same_shape(r, 6, (int64_t[]){3, 4, 5, 4, 3, 2}));
  numc_free(r);
  r = NULL;
  CHECK_STATUS(numc_tensordot(a, b, NUMC_AXES(0), NUMC_AXES(0), &r), NUMC_ESHAPE);
  CHECK_STATUS(numc_tensordot(a, b, NUMC_AXES(0, 1), NUMC_AXES(1), &r), NUMC_ESHAPE);
  CHECK_STATUS(numc_tensordot(a, b, NUMC_AXES(7), NUMC_AXES(0), &r), NUMC_EAXIS);
  CHECK_STATUS(numc_tensordot_n(a, b, 4, &r), NUMC_ESHAPE);
  CHECK(r == NULL);
  numc_array *k1 = from(NUMC_INT32, 2, (int64_t[]){2, 2}, (const double[]){1, 2, 3, 4});
  numc_array *k2 = from(NUMC_INT32, 1, (int64_t[]){3}, (const double[]){1, 10, 100});
  CHECK_OK(numc_kron(k1, k2, &r)); /* (2,2) kron (3,) -> (2, 6) */
  CHECK(same_shape(r, 2, (int64_t[]){2, 6}));
  const int32_t kron_want[] = {1, 10, 100, 2, 20, 200, 3, 30, 300, 4, 40, 400};
  CHECK(!memcmp(numc_data(r), kron_want, sizeof kron_want));
  numc_free(r);
  numc_free(a);
  numc_free(b);
  numc_free(c);
  numc_free(k1);
  numc_free(k2);
}

/* einsum against the products it names. */
static void check_einsum_equals(const char *subscripts, const numc_array *x, const numc_array *y,
                                const numc_array *want) {
  const numc_array *ops[2] = {x, y};
  numc_array *r = NULL;
  CHECK_OK(numc_einsum(subscripts, ops, y ? 2 : 1, &r));
  if (!r) return;
  bool same = numc_dtype_of(r) == numc_dtype_of(want) && same_shape(r, numc_ndim(want), numc_shape(want));
  numc_array *cw = NULL;
  if (same && numc_copy(want, NUMC_ORDER_C, &cw) == NUMC_OK)
    same = !memcmp(numc_data(r), numc_data(cw), numc_nbytes(cw));
  if (!same) fprintf(stderr, "einsum '%s' differs\n", subscripts);
  CHECK(same);
  numc_free(cw);
  numc_free(r);
}

TEST(einsum_forms) {
  numc_array *a = seq(NUMC_FLOAT64, 2, (int64_t[]){3, 4}, 1), *b = seq(NUMC_FLOAT64, 2, (int64_t[]){4, 5}, 2);
  numc_array *sq = seq(NUMC_INT32, 2, (int64_t[]){4, 4}, 3), *v = seq(NUMC_FLOAT64, 1, (int64_t[]){4}, 4);
  numc_array *s1 = seq(NUMC_FLOAT32, 3, (int64_t[]){6, 3, 4}, 5), *s2 = seq(NUMC_FLOAT32, 3, (int64_t[]){6, 4, 2}, 6);
  numc_array *want = NULL, *t = NULL;
  CHECK_OK(numc_matmul(a, b, &want));
  check_einsum_equals("ij,jk->ik", a, b, want);
  check_einsum_equals("ij,jk", a, b, want); /* implicit: the labels seen once, sorted */
  check_einsum_equals("ab,bc->ac", a, b, want);
  numc_free(want);
  want = NULL;
  CHECK_OK(numc_matmul(s1, s2, &want));
  check_einsum_equals("bij,bjk->bik", s1, s2, want);
  check_einsum_equals("...ij,...jk->...ik", s1, s2, want);
  numc_free(want);
  want = NULL;
  int32_t trace = 0;
  for (int i = 0; i < 4; i++) trace += ((const int32_t *)numc_data(sq))[5 * i];
  CHECK_OK(numc_from_buffer(&trace, NULL, 0, NUMC_INT32, &want));
  check_einsum_equals("ii->", sq, NULL, want);
  check_einsum_equals("ii", sq, NULL, want);
  numc_free(want);
  want = NULL;
  CHECK_OK(numc_transpose(a, NULL, &t));
  check_einsum_equals("ij->ji", a, NULL, t);
  check_einsum_equals("ba", a, NULL, t); /* implicit output "ab" */
  numc_free(t);
  t = NULL;
  CHECK_OK(numc_diag(sq, 0, &t));
  check_einsum_equals("ii->i", sq, NULL, t);
  numc_free(t);
  t = NULL;
  CHECK_OK(numc_dot(v, v, &want));
  check_einsum_equals("i,i->", v, v, want);
  numc_free(want);
  want = NULL;
  CHECK_OK(numc_matmul(a, v, &want));
  check_einsum_equals("ij,j->i", a, v, want);
  numc_free(want);
  want = NULL;
  CHECK_OK(numc_sum(a, NUMC_AXES(1), false, &want));
  check_einsum_equals("ij->i", a, NULL, want);
  numc_free(want);
  want = NULL;
  CHECK_OK(numc_outer(v, v, &want));
  check_einsum_equals("i,j->ij", v, v, want);
  numc_free(want);
  want = NULL;
  CHECK_OK(numc_multiply(v, v, &want));
  check_einsum_equals("i,i->i", v, v, want);
  numc_free(want);
  want = NULL;
  /* A label summed in one operand only, and two summed labels that cannot merge. */
  numc_array *c3 = seq(NUMC_FLOAT64, 3, (int64_t[]){3, 4, 2}, 7), *sum_k = NULL;
  CHECK_OK(numc_sum(c3, NUMC_AXES(2), false, &sum_k));
  CHECK_OK(numc_matmul(sum_k, v, &want)); /* sum_jk c3[i,j,k] v[j] */
  check_einsum_equals("ijk,j->i", c3, v, want);
  numc_free(want);
  want = NULL;
  numc_array *c3t = NULL;
  CHECK_OK(numc_transpose(c3, NUMC_AXES(2, 0, 1), &c3t)); /* (2, 3, 4) view */
  CHECK_OK(numc_tensordot(c3, c3t, NUMC_AXES(0, 1), NUMC_AXES(1, 2), &want));
  check_einsum_equals("ijk,lij->kl", c3, c3t, want);
  numc_free(want);
  numc_free(c3);
  numc_free(c3t);
  numc_free(sum_k);
  numc_free(a);
  numc_free(b);
  numc_free(sq);
  numc_free(v);
  numc_free(s1);
  numc_free(s2);
}

TEST(einsum_errors) {
  numc_array *a = seq(NUMC_FLOAT64, 2, (int64_t[]){2, 3}, 1), *b = seq(NUMC_FLOAT64, 2, (int64_t[]){4, 5}, 2), *r = NULL;
  const numc_array *ab[2] = {a, b}, *aa[2] = {a, a};
  CHECK_STATUS(numc_einsum("ij,jk->ik", ab, 2, &r), NUMC_ESHAPE);
  CHECK_STATUS(numc_einsum("ij,jk->ikl", aa, 2, &r), NUMC_EINVAL);
  CHECK_EQ_STR(numc_last_error(), "einstein sum subscripts string included output subscript 'l' which never appeared in an input");
  CHECK_STATUS(numc_einsum("ij,jk->ii", aa, 2, &r), NUMC_EINVAL);
  CHECK_STATUS(numc_einsum("ijk->i", aa, 1, &r), NUMC_EINVAL);
  CHECK_STATUS(numc_einsum("i->i", aa, 1, &r), NUMC_EINVAL);
  CHECK_STATUS(numc_einsum("ij,jk->ik", aa, 1, &r), NUMC_EINVAL);
  CHECK_STATUS(numc_einsum("ij->ij", aa, 2, &r), NUMC_EINVAL);
  CHECK_STATUS(numc_einsum("ii->i", aa, 1, &r), NUMC_ESHAPE);
  CHECK_STATUS(numc_einsum("i1->i", aa, 1, &r), NUMC_EINVAL);
  CHECK_STATUS(numc_einsum("i.j->ij", aa, 1, &r), NUMC_EINVAL);
  CHECK_STATUS(numc_einsum("...i->i", aa, 1, &r), NUMC_EINVAL);
  CHECK_STATUS(numc_einsum("ij->i->", aa, 1, &r), NUMC_EINVAL);
  CHECK_STATUS(numc_einsum("i,i,i->", (const numc_array *[]){a, a, a}, 3, &r), NUMC_EINVAL);
  CHECK(r == NULL);
  numc_free(a);
  numc_free(b);
}

TESTS(CASE(matmul_every_dtype), CASE(matmul_integers_wrap_and_bool_is_logical),
      CASE(matmul_one_dimensional_operands), CASE(matmul_broadcast_stacks),
      CASE(matmul_strided_views), CASE(matmul_zero_sizes), CASE(matmul_out), CASE(matmul_errors),
      CASE(matmul_exact_blocking_and_threads), CASE(matmul_batched_parallel),
      CASE(dot_inner_outer_vdot), CASE(tensordot_and_kron), CASE(einsum_forms),
      CASE(einsum_errors))
