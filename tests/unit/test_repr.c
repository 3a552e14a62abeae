/* numc_repr / numc_str against NumPy's own output.
 *
 * Every expected string below is what NumPy 1.24 printed (repr(a) and str(a) with the
 * default print options) for the array in the comment above it; the C code next to it
 * builds the same array. Floats are given by their shortest round-trip literal (float16
 * by its bits), so both sides print the very same values. */
#include <math.h>

#include "core/core.h"
#include "test.h"

/* A fresh C-contiguous array holding `data` (NULL for an empty array). */
static numc_array *from_data(numc_dtype t, int ndim, const int64_t *shape, const void *data) {
  numc_array *a = NULL;
  if (numc__new(t, ndim, shape, NUMC_ORDER_C, true, &a) != NUMC_OK) return NULL;
  if (data) memcpy(numc__host_data(a), data, (size_t)numc_size(a) * numc_itemsize(a));
  return a;
}

/* Element i (C order) is i * mul / div computed in double, then stored as NumPy's
 * astype would (integers wrap): (np.arange(n) * mul / div).astype(t). */
static numc_array *ramp(numc_dtype t, int ndim, const int64_t *shape, double mul, double div) {
  numc_array *a = NULL;
  if (numc__new(t, ndim, shape, NUMC_ORDER_C, true, &a) != NUMC_OK) return NULL;
  char *p = numc__host_data(a);
  for (int64_t i = 0; i < numc_size(a); i++) {
    double v = (double)i * mul / div;
    char *q = p + i * (int64_t)numc_itemsize(a);
    switch (t) {
    case NUMC_INT8: *(int8_t *)q = (int8_t)(int64_t)v; break;
    case NUMC_INT16: *(int16_t *)q = (int16_t)(int64_t)v; break;
    case NUMC_INT32: *(int32_t *)q = (int32_t)(int64_t)v; break;
    case NUMC_INT64: *(int64_t *)q = (int64_t)v; break;
    case NUMC_UINT8: *(uint8_t *)q = (uint8_t)(int64_t)v; break;
    case NUMC_FLOAT32: *(float *)q = (float)v; break;
    case NUMC_FLOAT64: *(double *)q = v; break;
    default: numc_free(a); return NULL;
    }
  }
  return a;
}

/* np.arange(n) * complex(re, im) as complex64 or complex128. */
static numc_array *ramp_complex(numc_dtype t, int64_t n, double re, double im) {
  numc_array *a = NULL;
  if (numc__new(t, 1, &n, NUMC_ORDER_C, true, &a) != NUMC_OK) return NULL;
  for (int64_t i = 0; i < n; i++) {
    if (t == NUMC_COMPLEX64) {
      float *q = (float *)numc__host_data(a) + 2 * i;
      q[0] = (float)(i * re);
      q[1] = (float)(i * im);
    } else {
      double *q = (double *)numc__host_data(a) + 2 * i;
      q[0] = i * re;
      q[1] = i * im;
    }
  }
  return a;
}

/* np.arange(n) % 3 == 0 */
static numc_array *ramp_mod3(int64_t n) {
  numc_array *a = NULL;
  if (numc__new(NUMC_BOOL, 1, &n, NUMC_ORDER_C, true, &a) != NUMC_OK) return NULL;
  for (int64_t i = 0; i < n; i++) ((bool *)numc__host_data(a))[i] = i % 3 == 0;
  return a;
}

/* A view of `base` (which it consumes) with the given shape and byte strides, starting
 * at element `first` of base's buffer order. */
static numc_array *strided(numc_array *base, int ndim, const int64_t *shape,
                           const int64_t *strides, int64_t first) {
  numc_array *v = NULL;
  if (!base) return NULL;
  numc__view(base, base->dtype, ndim, shape, strides,
             base->offset + first * (int64_t)numc_itemsize(base), &v);
  numc_free(base);
  return v;
}

/* Check repr and str of `a`, then free it. */
#define EXPECT(a, want_repr, want_str) expect_((a), (want_repr), (want_str), __LINE__)
static void expect_(numc_array *a, const char *want_repr, const char *want_str, int line) {
  if (!a) {
    fprintf(stderr, "%s:%d: building the array failed: %s\n", __FILE__, line, numc_last_error());
    test_failures++;
    return;
  }
  char *r = numc_repr(a), *s = numc_str(a);
  if (!r || strcmp(r, want_repr) != 0) {
    fprintf(stderr, "%s:%d: repr mismatch\n--- numpy:\n%s\n--- numc:\n%s\n", __FILE__, line,
            want_repr, r ? r : "(null)");
    test_failures++;
  }
  if (!s || strcmp(s, want_str) != 0) {
    fprintf(stderr, "%s:%d: str mismatch\n--- numpy:\n%s\n--- numc:\n%s\n", __FILE__, line,
            want_str, s ? s : "(null)");
    test_failures++;
  }
  free(r);
  free(s);
  numc_free(a);
}

TEST(null_array) {
  CHECK(numc_repr(NULL) == NULL);
  CHECK_EQ_INT(numc_last_status(), NUMC_EINVAL);
  CHECK(numc_str(NULL) == NULL);
  CHECK_EQ_INT(numc_last_status(), NUMC_EINVAL);
}

TEST(every_dtype) {
  /* np.array([1, 2, 3]) */
  EXPECT(from_data(NUMC_INT64, 1, (const int64_t[]){3}, (const int64_t[]){1, 2, 3}),
         "array([1, 2, 3])",
         "[1 2 3]");
  /* np.array([-2**63, 2**63 - 1]) */
  EXPECT(from_data(NUMC_INT64, 1, (const int64_t[]){2}, (const int64_t[]){(-9223372036854775807 - 1), 9223372036854775807}),
         "array([-9223372036854775808,  9223372036854775807])",
         "[-9223372036854775808  9223372036854775807]");
  /* np.array([-128, 0, 127], np.int8) */
  EXPECT(from_data(NUMC_INT8, 1, (const int64_t[]){3}, (const int8_t[]){-128, 0, 127}),
         "array([-128,    0,  127], dtype=int8)",
         "[-128    0  127]");
  /* np.array([-5, 300, 7], np.int16) */
  EXPECT(from_data(NUMC_INT16, 1, (const int64_t[]){3}, (const int16_t[]){-5, 300, 7}),
         "array([ -5, 300,   7], dtype=int16)",
         "[ -5 300   7]");
  /* np.array([1, 2, 3], np.int32) */
  EXPECT(from_data(NUMC_INT32, 1, (const int64_t[]){3}, (const int32_t[]){1, 2, 3}),
         "array([1, 2, 3], dtype=int32)",
         "[1 2 3]");
  /* np.array([0, 255, 10], np.uint8) */
  EXPECT(from_data(NUMC_UINT8, 1, (const int64_t[]){3}, (const uint8_t[]){0, 255, 10}),
         "array([  0, 255,  10], dtype=uint8)",
         "[  0 255  10]");
  /* np.array([65535, 1], np.uint16) */
  EXPECT(from_data(NUMC_UINT16, 1, (const int64_t[]){2}, (const uint16_t[]){65535, 1}),
         "array([65535,     1], dtype=uint16)",
         "[65535     1]");
  /* np.array([4294967295, 0], np.uint32) */
  EXPECT(from_data(NUMC_UINT32, 1, (const int64_t[]){2}, (const uint32_t[]){4294967295, 0}),
         "array([4294967295,          0], dtype=uint32)",
         "[4294967295          0]");
  /* np.array([18446744073709551615, 0, 7], np.uint64) */
  EXPECT(from_data(NUMC_UINT64, 1, (const int64_t[]){3}, (const uint64_t[]){18446744073709551615u, 0u, 7u}),
         "array([18446744073709551615,                    0,                    7],\n"
           "      dtype=uint64)",
         "[18446744073709551615                    0                    7]");
  /* np.array([True, False, True]) */
  EXPECT(from_data(NUMC_BOOL, 1, (const int64_t[]){3}, (const bool[]){true, false, true}),
         "array([ True, False,  True])",
         "[ True False  True]");
  /* np.array([1., 2.]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){1.0, 2.0}),
         "array([1., 2.])",
         "[1. 2.]");
  /* np.array([1.5, 2.25, -3.125]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){3}, (const double[]){1.5, 2.25, -3.125}),
         "array([ 1.5  ,  2.25 , -3.125])",
         "[ 1.5    2.25  -3.125]");
  /* np.array([1, 2], np.float32) */
  EXPECT(from_data(NUMC_FLOAT32, 1, (const int64_t[]){2}, (const float[]){1.0f, 2.0f}),
         "array([1., 2.], dtype=float32)",
         "[1. 2.]");
  /* np.array([0.1, 0.2, 0.3], np.float32) */
  EXPECT(from_data(NUMC_FLOAT32, 1, (const int64_t[]){3}, (const float[]){0.1f, 0.2f, 0.3f}),
         "array([0.1, 0.2, 0.3], dtype=float32)",
         "[0.1 0.2 0.3]");
  /* np.array([0.1], np.float32) */
  EXPECT(from_data(NUMC_FLOAT32, 1, (const int64_t[]){1}, (const float[]){0.1f}),
         "array([0.1], dtype=float32)",
         "[0.1]");
  /* np.array([0.1, 65504, -2.5], np.float16) */
  /* float16 bits of 0.0999755859375, 65504.0, -2.5 */
  EXPECT(from_data(NUMC_FLOAT16, 1, (const int64_t[]){3}, (const uint16_t[]){0x2e66, 0x7bff, 0xc100}),
         "array([ 1.00e-01,  6.55e+04, -2.50e+00], dtype=float16)",
         "[ 1.00e-01  6.55e+04 -2.50e+00]");
  /* np.array([1+2j, 3-4j]) */
  EXPECT(from_data(NUMC_COMPLEX128, 1, (const int64_t[]){2}, (const double[]){1.0, 2.0, 3.0, -4.0}),
         "array([1.+2.j, 3.-4.j])",
         "[1.+2.j 3.-4.j]");
  /* np.array([0.1+0.2j, -1-1j], np.complex64) */
  EXPECT(from_data(NUMC_COMPLEX64, 1, (const int64_t[]){2}, (const float[]){0.1f, 0.2f, -1.0f, -1.0f}),
         "array([ 0.1+0.2j, -1. -1.j ], dtype=complex64)",
         "[ 0.1+0.2j -1. -1.j ]");
  /* np.array([1.5-0j, -2.25+1e-3j]) */
  EXPECT(from_data(NUMC_COMPLEX128, 1, (const int64_t[]){2}, (const double[]){1.5, 0.0, -2.25, 0.001}),
         "array([ 1.5 +0.j   , -2.25+0.001j])",
         "[ 1.5 +0.j    -2.25+0.001j]");
}

TEST(multi_dim) {
  /* np.array([[1, 2], [3, 4]]) */
  EXPECT(from_data(NUMC_INT64, 2, (const int64_t[]){2, 2}, (const int64_t[]){1, 2, 3, 4}),
         "array([[1, 2],\n"
           "       [3, 4]])",
         "[[1 2]\n"
           " [3 4]]");
  /* np.array([[1, -20, 3], [400, 5, -6]], np.int32) */
  EXPECT(from_data(NUMC_INT32, 2, (const int64_t[]){2, 3}, (const int32_t[]){1, -20, 3, 400, 5, -6}),
         "array([[  1, -20,   3],\n"
           "       [400,   5,  -6]], dtype=int32)",
         "[[  1 -20   3]\n"
           " [400   5  -6]]");
  /* np.array([[1., 2.], [3., 4.]]) */
  EXPECT(from_data(NUMC_FLOAT64, 2, (const int64_t[]){2, 2}, (const double[]){1.0, 2.0, 3.0, 4.0}),
         "array([[1., 2.],\n"
           "       [3., 4.]])",
         "[[1. 2.]\n"
           " [3. 4.]]");
  /* np.array([[1.5, 2], [3, -4.25]], np.float32) */
  EXPECT(from_data(NUMC_FLOAT32, 2, (const int64_t[]){2, 2}, (const float[]){1.5f, 2.0f, 3.0f, -4.25f}),
         "array([[ 1.5 ,  2.  ],\n"
           "       [ 3.  , -4.25]], dtype=float32)",
         "[[ 1.5   2.  ]\n"
           " [ 3.   -4.25]]");
  /* np.arange(24).reshape(2, 3, 4) */
  EXPECT(from_data(NUMC_INT64, 3, (const int64_t[]){2, 3, 4}, (const int64_t[]){0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}),
         "array([[[ 0,  1,  2,  3],\n"
           "        [ 4,  5,  6,  7],\n"
           "        [ 8,  9, 10, 11]],\n"
           "\n"
           "       [[12, 13, 14, 15],\n"
           "        [16, 17, 18, 19],\n"
           "        [20, 21, 22, 23]]])",
         "[[[ 0  1  2  3]\n"
           "  [ 4  5  6  7]\n"
           "  [ 8  9 10 11]]\n"
           "\n"
           " [[12 13 14 15]\n"
           "  [16 17 18 19]\n"
           "  [20 21 22 23]]]");
  /* (np.arange(12) / 4).reshape(2, 2, 3) */
  EXPECT(from_data(NUMC_FLOAT64, 3, (const int64_t[]){2, 2, 3}, (const double[]){0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75}),
         "array([[[0.  , 0.25, 0.5 ],\n"
           "        [0.75, 1.  , 1.25]],\n"
           "\n"
           "       [[1.5 , 1.75, 2.  ],\n"
           "        [2.25, 2.5 , 2.75]]])",
         "[[[0.   0.25 0.5 ]\n"
           "  [0.75 1.   1.25]]\n"
           "\n"
           " [[1.5  1.75 2.  ]\n"
           "  [2.25 2.5  2.75]]]");
  /* np.array([[True, False], [False, True]]) */
  EXPECT(from_data(NUMC_BOOL, 2, (const int64_t[]){2, 2}, (const bool[]){true, false, false, true}),
         "array([[ True, False],\n"
           "       [False,  True]])",
         "[[ True False]\n"
           " [False  True]]");
  /* np.array([[1+1j, 2], [3j, -4-4.5j]]) */
  EXPECT(from_data(NUMC_COMPLEX128, 2, (const int64_t[]){2, 2}, (const double[]){1.0, 1.0, 2.0, 0.0, 0.0, 3.0, -4.0, -4.5}),
         "array([[ 1.+1.j ,  2.+0.j ],\n"
           "       [ 0.+3.j , -4.-4.5j]])",
         "[[ 1.+1.j   2.+0.j ]\n"
           " [ 0.+3.j  -4.-4.5j]]");
  /* np.arange(16, dtype=np.uint8).reshape(2, 2, 2, 2) */
  EXPECT(from_data(NUMC_UINT8, 4, (const int64_t[]){2, 2, 2, 2}, (const uint8_t[]){0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}),
         "array([[[[ 0,  1],\n"
           "         [ 2,  3]],\n"
           "\n"
           "        [[ 4,  5],\n"
           "         [ 6,  7]]],\n"
           "\n"
           "\n"
           "       [[[ 8,  9],\n"
           "         [10, 11]],\n"
           "\n"
           "        [[12, 13],\n"
           "         [14, 15]]]], dtype=uint8)",
         "[[[[ 0  1]\n"
           "   [ 2  3]]\n"
           "\n"
           "  [[ 4  5]\n"
           "   [ 6  7]]]\n"
           "\n"
           "\n"
           " [[[ 8  9]\n"
           "   [10 11]]\n"
           "\n"
           "  [[12 13]\n"
           "   [14 15]]]]");
  /* np.array([[[1.5]]], np.float16) */
  /* float16 bits of 1.5 */
  EXPECT(from_data(NUMC_FLOAT16, 3, (const int64_t[]){1, 1, 1}, (const uint16_t[]){0x3e00}),
         "array([[[1.5]]], dtype=float16)",
         "[[[1.5]]]");
}

TEST(zero_dim) {
  /* np.array(5) */
  EXPECT(from_data(NUMC_INT64, 0, (const int64_t[]){0}, (const int64_t[]){5}),
         "array(5)",
         "5");
  /* np.array(-7, np.int8) */
  EXPECT(from_data(NUMC_INT8, 0, (const int64_t[]){0}, (const int8_t[]){-7}),
         "array(-7, dtype=int8)",
         "-7");
  /* np.array(18446744073709551615, np.uint64) */
  EXPECT(from_data(NUMC_UINT64, 0, (const int64_t[]){0}, (const uint64_t[]){18446744073709551615u}),
         "array(18446744073709551615, dtype=uint64)",
         "18446744073709551615");
  /* np.array(True) */
  EXPECT(from_data(NUMC_BOOL, 0, (const int64_t[]){0}, (const bool[]){true}),
         "array(True)",
         "True");
  /* np.array(False) */
  EXPECT(from_data(NUMC_BOOL, 0, (const int64_t[]){0}, (const bool[]){false}),
         "array(False)",
         "False");
  /* np.array(1.5, np.float32) */
  EXPECT(from_data(NUMC_FLOAT32, 0, (const int64_t[]){0}, (const float[]){1.5f}),
         "array(1.5, dtype=float32)",
         "1.5");
  /* np.array(1e-10) */
  EXPECT(from_data(NUMC_FLOAT64, 0, (const int64_t[]){0}, (const double[]){1e-10}),
         "array(1.e-10)",
         "1e-10");
  /* np.array(100.) */
  EXPECT(from_data(NUMC_FLOAT64, 0, (const int64_t[]){0}, (const double[]){100.0}),
         "array(100.)",
         "100.0");
  /* np.array(-0.) */
  EXPECT(from_data(NUMC_FLOAT64, 0, (const int64_t[]){0}, (const double[]){-0.0}),
         "array(-0.)",
         "-0.0");
  /* np.array(nan) */
  EXPECT(from_data(NUMC_FLOAT64, 0, (const int64_t[]){0}, (const double[]){NAN}),
         "array(nan)",
         "nan");
  /* np.array(-inf) */
  EXPECT(from_data(NUMC_FLOAT64, 0, (const int64_t[]){0}, (const double[]){-INFINITY}),
         "array(-inf)",
         "-inf");
  /* np.array(65504, np.float16) */
  /* float16 bits of 65504.0 */
  EXPECT(from_data(NUMC_FLOAT16, 0, (const int64_t[]){0}, (const uint16_t[]){0x7bff}),
         "array(65504., dtype=float16)",
         "65500.0");
  /* np.array(0.1, np.float32) */
  EXPECT(from_data(NUMC_FLOAT32, 0, (const int64_t[]){0}, (const float[]){0.1f}),
         "array(0.1, dtype=float32)",
         "0.1");
  /* np.array(1e16) */
  EXPECT(from_data(NUMC_FLOAT64, 0, (const int64_t[]){0}, (const double[]){1e+16}),
         "array(1.e+16)",
         "1e+16");
  /* np.array(123456789012.5) */
  EXPECT(from_data(NUMC_FLOAT64, 0, (const int64_t[]){0}, (const double[]){123456789012.5}),
         "array(1.23456789e+11)",
         "123456789012.5");
  /* np.array(1e-4) */
  EXPECT(from_data(NUMC_FLOAT64, 0, (const int64_t[]){0}, (const double[]){0.0001}),
         "array(0.0001)",
         "0.0001");
  /* np.array(1+2j) */
  EXPECT(from_data(NUMC_COMPLEX128, 0, (const int64_t[]){0}, (const double[]){1.0, 2.0}),
         "array(1.+2.j)",
         "(1+2j)");
  /* np.array(2j) */
  EXPECT(from_data(NUMC_COMPLEX128, 0, (const int64_t[]){0}, (const double[]){0.0, 2.0}),
         "array(0.+2.j)",
         "2j");
  /* np.array(-0.-0j) */
  EXPECT(from_data(NUMC_COMPLEX128, 0, (const int64_t[]){0}, (const double[]){-0.0, 0.0}),
         "array(-0.+0.j)",
         "(-0+0j)");
  /* np.array(0.1+0.2j, np.complex64) */
  EXPECT(from_data(NUMC_COMPLEX64, 0, (const int64_t[]){0}, (const float[]){0.1f, 0.2f}),
         "array(0.1+0.2j, dtype=complex64)",
         "(0.1+0.2j)");
  /* np.array(complex(1, nan)) */
  EXPECT(from_data(NUMC_COMPLEX128, 0, (const int64_t[]){0}, (const double[]){1.0, NAN}),
         "array(1.+nanj)",
         "(1+nanj)");
  /* np.array(complex(-inf, 0)) */
  EXPECT(from_data(NUMC_COMPLEX128, 0, (const int64_t[]){0}, (const double[]){-INFINITY, 0.0}),
         "array(-inf+0.j)",
         "(-inf+0j)");
  /* np.array(1e20+1j) */
  EXPECT(from_data(NUMC_COMPLEX128, 0, (const int64_t[]){0}, (const double[]){1e+20, 1.0}),
         "array(1.e+20+1.j)",
         "(1e+20+1j)");
}

TEST(empty) {
  /* np.array([], np.float64) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){0}, NULL),
         "array([], dtype=float64)",
         "[]");
  /* np.array([], np.int64) */
  EXPECT(from_data(NUMC_INT64, 1, (const int64_t[]){0}, NULL),
         "array([], dtype=int64)",
         "[]");
  /* np.array([], np.bool_) */
  EXPECT(from_data(NUMC_BOOL, 1, (const int64_t[]){0}, NULL),
         "array([], dtype=bool)",
         "[]");
  /* np.array([], np.float32) */
  EXPECT(from_data(NUMC_FLOAT32, 1, (const int64_t[]){0}, NULL),
         "array([], dtype=float32)",
         "[]");
  /* np.zeros((0, 3)) */
  EXPECT(from_data(NUMC_FLOAT64, 2, (const int64_t[]){0, 3}, NULL),
         "array([], shape=(0, 3), dtype=float64)",
         "[]");
  /* np.zeros((3, 0), np.int32) */
  EXPECT(from_data(NUMC_INT32, 2, (const int64_t[]){3, 0}, NULL),
         "array([], shape=(3, 0), dtype=int32)",
         "[]");
  /* np.zeros((2, 0, 2), np.complex64) */
  EXPECT(from_data(NUMC_COMPLEX64, 3, (const int64_t[]){2, 0, 2}, NULL),
         "array([], shape=(2, 0, 2), dtype=complex64)",
         "[]");
}

TEST(scientific) {
  /* np.array([1e-5, 1., 123.456]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){3}, (const double[]){1e-05, 1.0, 123.456}),
         "array([1.00000e-05, 1.00000e+00, 1.23456e+02])",
         "[1.00000e-05 1.00000e+00 1.23456e+02]");
  /* np.array([1e8, 1.]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){100000000.0, 1.0}),
         "array([1.e+08, 1.e+00])",
         "[1.e+08 1.e+00]");
  /* np.array([1e-300, 1e300]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){1e-300, 1e+300}),
         "array([1.e-300, 1.e+300])",
         "[1.e-300 1.e+300]");
  /* np.array([0., 1.5e-5]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){0.0, 1.5e-05}),
         "array([0.0e+00, 1.5e-05])",
         "[0.0e+00 1.5e-05]");
  /* np.array([-1e10, 2.5]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){-10000000000.0, 2.5}),
         "array([-1.0e+10,  2.5e+00])",
         "[-1.0e+10  2.5e+00]");
  /* np.array([0.1, 1.2345678e-5], np.float32) */
  EXPECT(from_data(NUMC_FLOAT32, 1, (const int64_t[]){2}, (const float[]){0.1f, 1.2345678e-05f}),
         "array([1.0000000e-01, 1.2345678e-05], dtype=float32)",
         "[1.0000000e-01 1.2345678e-05]");
  /* np.array([1e100, 1.]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){1e+100, 1.0}),
         "array([1.e+100, 1.e+000])",
         "[1.e+100 1.e+000]");
  /* np.array([1., 1001.]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){1.0, 1001.0}),
         "array([1.000e+00, 1.001e+03])",
         "[1.000e+00 1.001e+03]");
  /* np.array([1., 1000.]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){1.0, 1000.0}),
         "array([   1., 1000.])",
         "[   1. 1000.]");
  /* np.array([0.0001, 0.1]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){0.0001, 0.1}),
         "array([0.0001, 0.1   ])",
         "[0.0001 0.1   ]");
  /* np.array([9.9999e-5]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){1}, (const double[]){9.9999e-05}),
         "array([9.9999e-05])",
         "[9.9999e-05]");
  /* np.array([1e-4], np.float32) */
  EXPECT(from_data(NUMC_FLOAT32, 1, (const int64_t[]){1}, (const float[]){1e-04f}),
         "array([1.e-04], dtype=float32)",
         "[1.e-04]");
  /* np.array([5e-324, 1.7976931348623157e308]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){5e-324, 1.7976931348623157e+308}),
         "array([4.94065646e-324, 1.79769313e+308])",
         "[4.94065646e-324 1.79769313e+308]");
  /* np.array([1e16, -1e-16]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){1e+16, -1e-16}),
         "array([ 1.e+16, -1.e-16])",
         "[ 1.e+16 -1.e-16]");
  /* np.array([1+2j, 1e-5j]) */
  EXPECT(from_data(NUMC_COMPLEX128, 1, (const int64_t[]){2}, (const double[]){1.0, 2.0, 0.0, 1e-05}),
         "array([1.+2.e+00j, 0.+1.e-05j])",
         "[1.+2.e+00j 0.+1.e-05j]");
  /* np.array([1e-3, 2], np.float16) */
  /* float16 bits of 0.0010004043579101562, 2.0 */
  EXPECT(from_data(NUMC_FLOAT16, 1, (const int64_t[]){2}, (const uint16_t[]){0x1419, 0x4000}),
         "array([1.e-03, 2.e+00], dtype=float16)",
         "[1.e-03 2.e+00]");
}

TEST(nan_inf) {
  /* np.array([nan, -inf]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){NAN, -INFINITY}),
         "array([ nan, -inf])",
         "[ nan -inf]");
  /* np.array([1.5, nan, -inf]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){3}, (const double[]){1.5, NAN, -INFINITY}),
         "array([ 1.5,  nan, -inf])",
         "[ 1.5  nan -inf]");
  /* np.array([nan, inf]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){NAN, INFINITY}),
         "array([nan, inf])",
         "[nan inf]");
  /* np.array([nan, 1e-7, 2], np.float32) */
  EXPECT(from_data(NUMC_FLOAT32, 1, (const int64_t[]){3}, (const float[]){NAN, 1e-07f, 2.0f}),
         "array([   nan, 1.e-07, 2.e+00], dtype=float32)",
         "[   nan 1.e-07 2.e+00]");
  /* np.array([nan, 0.]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){NAN, 0.0}),
         "array([nan,  0.])",
         "[nan  0.]");
  /* np.array([inf, -inf, 1e20]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){3}, (const double[]){INFINITY, -INFINITY, 1e+20}),
         "array([   inf,   -inf, 1.e+20])",
         "[   inf   -inf 1.e+20]");
  /* np.array([complex(nan, inf), 1+1j, complex(1, -inf)]) */
  EXPECT(from_data(NUMC_COMPLEX128, 1, (const int64_t[]){3}, (const double[]){NAN, INFINITY, 1.0, 1.0, 1.0, -INFINITY}),
         "array([nan+infj,  1. +1.j,  1.-infj])",
         "[nan+infj  1. +1.j  1.-infj]");
  /* np.array([nan, 1.], np.float16) */
  /* float16 bits of nan, 1.0 */
  EXPECT(from_data(NUMC_FLOAT16, 1, (const int64_t[]){2}, (const uint16_t[]){0x7e00, 0x3c00}),
         "array([nan,  1.], dtype=float16)",
         "[nan  1.]");
}

TEST(positional) {
  /* np.array([1/3, 2/3]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){0.3333333333333333, 0.6666666666666666}),
         "array([0.33333333, 0.66666667])",
         "[0.33333333 0.66666667]");
  /* np.array([0.001, 0.5]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){0.001, 0.5}),
         "array([0.001, 0.5  ])",
         "[0.001 0.5  ]");
  /* np.array([12345678.9]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){1}, (const double[]){12345678.9}),
         "array([12345678.9])",
         "[12345678.9]");
  /* np.array([12345678.9, 1.5]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){12345678.9, 1.5}),
         "array([1.23456789e+07, 1.50000000e+00])",
         "[1.23456789e+07 1.50000000e+00]");
  /* np.array([67108872.], np.float32) */
  EXPECT(from_data(NUMC_FLOAT32, 1, (const int64_t[]){1}, (const float[]){67108870.0f}),
         "array([67108872.], dtype=float32)",
         "[67108872.]");
  /* np.array([-0., 0.]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){-0.0, 0.0}),
         "array([-0.,  0.])",
         "[-0.  0.]");
  /* np.array([0.1, 0.25, 1/3]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){3}, (const double[]){0.1, 0.25, 0.3333333333333333}),
         "array([0.1       , 0.25      , 0.33333333])",
         "[0.1        0.25       0.33333333]");
  /* np.array([2.0**-20 + 1]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){1}, (const double[]){1.0000009536743164}),
         "array([1.00000095])",
         "[1.00000095]");
  /* np.array([0.999999999, 1e-4]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){2}, (const double[]){0.999999999, 0.0001}),
         "array([9.99999999e-01, 1.00000000e-04])",
         "[9.99999999e-01 1.00000000e-04]");
  /* np.array([100.5, -0.125, 3]) */
  EXPECT(from_data(NUMC_FLOAT64, 1, (const int64_t[]){3}, (const double[]){100.5, -0.125, 3.0}),
         "array([100.5  ,  -0.125,   3.   ])",
         "[100.5    -0.125   3.   ]");
}

TEST(views) {
  /* np.arange(10)[::-2] */
  EXPECT(strided(ramp(NUMC_INT64, 1, (const int64_t[]){10}, 1, 1), 1, (const int64_t[]){5}, (const int64_t[]){-16}, 9),
         "array([9, 7, 5, 3, 1])",
         "[9 7 5 3 1]");
  /* (np.arange(12) / 8).reshape(3, 4)[::-1, ::2] */
  EXPECT(strided(ramp(NUMC_FLOAT64, 2, (const int64_t[]){3, 4}, 1, 8), 2, (const int64_t[]){3, 2}, (const int64_t[]){-32, 16}, 8),
         "array([[1.  , 1.25],\n"
           "       [0.5 , 0.75],\n"
           "       [0.  , 0.25]])",
         "[[1.   1.25]\n"
           " [0.5  0.75]\n"
           " [0.   0.25]]");
  /* (np.arange(12) / 8).reshape(3, 4).T */
  EXPECT(strided(ramp(NUMC_FLOAT64, 2, (const int64_t[]){3, 4}, 1, 8), 2, (const int64_t[]){4, 3}, (const int64_t[]){8, 32}, 0),
         "array([[0.   , 0.5  , 1.   ],\n"
           "       [0.125, 0.625, 1.125],\n"
           "       [0.25 , 0.75 , 1.25 ],\n"
           "       [0.375, 0.875, 1.375]])",
         "[[0.    0.5   1.   ]\n"
           " [0.125 0.625 1.125]\n"
           " [0.25  0.75  1.25 ]\n"
           " [0.375 0.875 1.375]]");
  /* np.broadcast_to(np.array([1.5, 2, 3]), (2, 3)) */
  EXPECT(strided(from_data(NUMC_FLOAT64, 1, (const int64_t[]){3}, (const double[]){1.5, 2, 3}), 2, (const int64_t[]){2, 3}, (const int64_t[]){0, 8}, 0),
         "array([[1.5, 2. , 3. ],\n"
           "       [1.5, 2. , 3. ]])",
         "[[1.5 2.  3. ]\n"
           " [1.5 2.  3. ]]");
  /* np.arange(6, dtype=np.int16)[::-1] */
  EXPECT(strided(ramp(NUMC_INT16, 1, (const int64_t[]){6}, 1, 1), 1, (const int64_t[]){6}, (const int64_t[]){-2}, 5),
         "array([5, 4, 3, 2, 1, 0], dtype=int16)",
         "[5 4 3 2 1 0]");
  /* (np.arange(8) * (1 - 0.5j)).astype(np.complex64)[::-3] */
  EXPECT(strided(ramp_complex(NUMC_COMPLEX64, 8, 1, -0.5), 1, (const int64_t[]){3}, (const int64_t[]){-24}, 7),
         "array([7.-3.5j, 4.-2.j , 1.-0.5j], dtype=complex64)",
         "[7.-3.5j 4.-2.j  1.-0.5j]");
}

TEST(summarised) {
  /* np.arange(2000) */
  EXPECT(ramp(NUMC_INT64, 1, (const int64_t[]){2000}, 1, 1),
         "array([   0,    1,    2, ..., 1997, 1998, 1999])",
         "[   0    1    2 ... 1997 1998 1999]");
  /* np.arange(2000) / 3 */
  EXPECT(ramp(NUMC_FLOAT64, 1, (const int64_t[]){2000}, 1, 3),
         "array([0.00000000e+00, 3.33333333e-01, 6.66666667e-01, ...,\n"
           "       6.65666667e+02, 6.66000000e+02, 6.66333333e+02])",
         "[0.00000000e+00 3.33333333e-01 6.66666667e-01 ... 6.65666667e+02\n"
           " 6.66000000e+02 6.66333333e+02]");
  /* np.arange(1001, dtype=np.float32) * 0.5 */
  EXPECT(ramp(NUMC_FLOAT32, 1, (const int64_t[]){1001}, 0.5, 1),
         "array([  0. ,   0.5,   1. , ..., 499. , 499.5, 500. ], dtype=float32)",
         "[  0.    0.5   1.  ... 499.  499.5 500. ]");
  /* np.arange(1000) */
  EXPECT(ramp(NUMC_INT64, 1, (const int64_t[]){1000}, 1, 1),
         "array([  0,   1,   2,   3,   4,   5,   6,   7,   8,   9,  10,  11,  12,\n"
           "        13,  14,  15,  16,  17,  18,  19,  20,  21,  22,  23,  24,  25,\n"
           "        26,  27,  28,  29,  30,  31,  32,  33,  34,  35,  36,  37,  38,\n"
           "        39,  40,  41,  42,  43,  44,  45,  46,  47,  48,  49,  50,  51,\n"
           "        52,  53,  54,  55,  56,  57,  58,  59,  60,  61,  62,  63,  64,\n"
           "        65,  66,  67,  68,  69,  70,  71,  72,  73,  74,  75,  76,  77,\n"
           "        78,  79,  80,  81,  82,  83,  84,  85,  86,  87,  88,  89,  90,\n"
           "        91,  92,  93,  94,  95,  96,  97,  98,  99, 100, 101, 102, 103,\n"
           "       104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116,\n"
           "       117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129,\n"
           "       130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142,\n"
           "       143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155,\n"
           "       156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168,\n"
           "       169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181,\n"
           "       182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194,\n"
           "       195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207,\n"
           "       208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220,\n"
           "       221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233,\n"
           "       234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246,\n"
           "       247, 248, 249, 250, 251, 252, 253, 254, 255, 256, 257, 258, 259,\n"
           "       260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 270, 271, 272,\n"
           "       273, 274, 275, 276, 277, 278, 279, 280, 281, 282, 283, 284, 285,\n"
           "       286, 287, 288, 289, 290, 291, 292, 293, 294, 295, 296, 297, 298,\n"
           "       299, 300, 301, 302, 303, 304, 305, 306, 307, 308, 309, 310, 311,\n"
           "       312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 322, 323, 324,\n"
           "       325, 326, 327, 328, 329, 330, 331, 332, 333, 334, 335, 336, 337,\n"
           "       338, 339, 340, 341, 342, 343, 344, 345, 346, 347, 348, 349, 350,\n"
           "       351, 352, 353, 354, 355, 356, 357, 358, 359, 360, 361, 362, 363,\n"
           "       364, 365, 366, 367, 368, 369, 370, 371, 372, 373, 374, 375, 376,\n"
           "       377, 378, 379, 380, 381, 382, 383, 384, 385, 386, 387, 388, 389,\n"
           "       390, 391, 392, 393, 394, 395, 396, 397, 398, 399, 400, 401, 402,\n"
           "       403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415,\n"
           "       416, 417, 418, 419, 420, 421, 422, 423, 424, 425, 426, 427, 428,\n"
           "       429, 430, 431, 432, 433, 434, 435, 436, 437, 438, 439, 440, 441,\n"
           "       442, 443, 444, 445, 446, 447, 448, 449, 450, 451, 452, 453, 454,\n"
           "       455, 456, 457, 458, 459, 460, 461, 462, 463, 464, 465, 466, 467,\n"
           "       468, 469, 470, 471, 472, 473, 474, 475, 476, 477, 478, 479, 480,\n"
           "       481, 482, 483, 484, 485, 486, 487, 488, 489, 490, 491, 492, 493,\n"
           "       494, 495, 496, 497, 498, 499, 500, 501, 502, 503, 504, 505, 506,\n"
           "       507, 508, 509, 510, 511, 512, 513, 514, 515, 516, 517, 518, 519,\n"
           "       520, 521, 522, 523, 524, 525, 526, 527, 528, 529, 530, 531, 532,\n"
           "       533, 534, 535, 536, 537, 538, 539, 540, 541, 542, 543, 544, 545,\n"
           "       546, 547, 548, 549, 550, 551, 552, 553, 554, 555, 556, 557, 558,\n"
           "       559, 560, 561, 562, 563, 564, 565, 566, 567, 568, 569, 570, 571,\n"
           "       572, 573, 574, 575, 576, 577, 578, 579, 580, 581, 582, 583, 584,\n"
           "       585, 586, 587, 588, 589, 590, 591, 592, 593, 594, 595, 596, 597,\n"
           "       598, 599, 600, 601, 602, 603, 604, 605, 606, 607, 608, 609, 610,\n"
           "       611, 612, 613, 614, 615, 616, 617, 618, 619, 620, 621, 622, 623,\n"
           "       624, 625, 626, 627, 628, 629, 630, 631, 632, 633, 634, 635, 636,\n"
           "       637, 638, 639, 640, 641, 642, 643, 644, 645, 646, 647, 648, 649,\n"
           "       650, 651, 652, 653, 654, 655, 656, 657, 658, 659, 660, 661, 662,\n"
           "       663, 664, 665, 666, 667, 668, 669, 670, 671, 672, 673, 674, 675,\n"
           "       676, 677, 678, 679, 680, 681, 682, 683, 684, 685, 686, 687, 688,\n"
           "       689, 690, 691, 692, 693, 694, 695, 696, 697, 698, 699, 700, 701,\n"
           "       702, 703, 704, 705, 706, 707, 708, 709, 710, 711, 712, 713, 714,\n"
           "       715, 716, 717, 718, 719, 720, 721, 722, 723, 724, 725, 726, 727,\n"
           "       728, 729, 730, 731, 732, 733, 734, 735, 736, 737, 738, 739, 740,\n"
           "       741, 742, 743, 744, 745, 746, 747, 748, 749, 750, 751, 752, 753,\n"
           "       754, 755, 756, 757, 758, 759, 760, 761, 762, 763, 764, 765, 766,\n"
           "       767, 768, 769, 770, 771, 772, 773, 774, 775, 776, 777, 778, 779,\n"
           "       780, 781, 782, 783, 784, 785, 786, 787, 788, 789, 790, 791, 792,\n"
           "       793, 794, 795, 796, 797, 798, 799, 800, 801, 802, 803, 804, 805,\n"
           "       806, 807, 808, 809, 810, 811, 812, 813, 814, 815, 816, 817, 818,\n"
           "       819, 820, 821, 822, 823, 824, 825, 826, 827, 828, 829, 830, 831,\n"
           "       832, 833, 834, 835, 836, 837, 838, 839, 840, 841, 842, 843, 844,\n"
           "       845, 846, 847, 848, 849, 850, 851, 852, 853, 854, 855, 856, 857,\n"
           "       858, 859, 860, 861, 862, 863, 864, 865, 866, 867, 868, 869, 870,\n"
           "       871, 872, 873, 874, 875, 876, 877, 878, 879, 880, 881, 882, 883,\n"
           "       884, 885, 886, 887, 888, 889, 890, 891, 892, 893, 894, 895, 896,\n"
           "       897, 898, 899, 900, 901, 902, 903, 904, 905, 906, 907, 908, 909,\n"
           "       910, 911, 912, 913, 914, 915, 916, 917, 918, 919, 920, 921, 922,\n"
           "       923, 924, 925, 926, 927, 928, 929, 930, 931, 932, 933, 934, 935,\n"
           "       936, 937, 938, 939, 940, 941, 942, 943, 944, 945, 946, 947, 948,\n"
           "       949, 950, 951, 952, 953, 954, 955, 956, 957, 958, 959, 960, 961,\n"
           "       962, 963, 964, 965, 966, 967, 968, 969, 970, 971, 972, 973, 974,\n"
           "       975, 976, 977, 978, 979, 980, 981, 982, 983, 984, 985, 986, 987,\n"
           "       988, 989, 990, 991, 992, 993, 994, 995, 996, 997, 998, 999])",
         "[  0   1   2   3   4   5   6   7   8   9  10  11  12  13  14  15  16  17\n"
           "  18  19  20  21  22  23  24  25  26  27  28  29  30  31  32  33  34  35\n"
           "  36  37  38  39  40  41  42  43  44  45  46  47  48  49  50  51  52  53\n"
           "  54  55  56  57  58  59  60  61  62  63  64  65  66  67  68  69  70  71\n"
           "  72  73  74  75  76  77  78  79  80  81  82  83  84  85  86  87  88  89\n"
           "  90  91  92  93  94  95  96  97  98  99 100 101 102 103 104 105 106 107\n"
           " 108 109 110 111 112 113 114 115 116 117 118 119 120 121 122 123 124 125\n"
           " 126 127 128 129 130 131 132 133 134 135 136 137 138 139 140 141 142 143\n"
           " 144 145 146 147 148 149 150 151 152 153 154 155 156 157 158 159 160 161\n"
           " 162 163 164 165 166 167 168 169 170 171 172 173 174 175 176 177 178 179\n"
           " 180 181 182 183 184 185 186 187 188 189 190 191 192 193 194 195 196 197\n"
           " 198 199 200 201 202 203 204 205 206 207 208 209 210 211 212 213 214 215\n"
           " 216 217 218 219 220 221 222 223 224 225 226 227 228 229 230 231 232 233\n"
           " 234 235 236 237 238 239 240 241 242 243 244 245 246 247 248 249 250 251\n"
           " 252 253 254 255 256 257 258 259 260 261 262 263 264 265 266 267 268 269\n"
           " 270 271 272 273 274 275 276 277 278 279 280 281 282 283 284 285 286 287\n"
           " 288 289 290 291 292 293 294 295 296 297 298 299 300 301 302 303 304 305\n"
           " 306 307 308 309 310 311 312 313 314 315 316 317 318 319 320 321 322 323\n"
           " 324 325 326 327 328 329 330 331 332 333 334 335 336 337 338 339 340 341\n"
           " 342 343 344 345 346 347 348 349 350 351 352 353 354 355 356 357 358 359\n"
           " 360 361 362 363 364 365 366 367 368 369 370 371 372 373 374 375 376 377\n"
           " 378 379 380 381 382 383 384 385 386 387 388 389 390 391 392 393 394 395\n"
           " 396 397 398 399 400 401 402 403 404 405 406 407 408 409 410 411 412 413\n"
           " 414 415 416 417 418 419 420 421 422 423 424 425 426 427 428 429 430 431\n"
           " 432 433 434 435 436 437 438 439 440 441 442 443 444 445 446 447 448 449\n"
           " 450 451 452 453 454 455 456 457 458 459 460 461 462 463 464 465 466 467\n"
           " 468 469 470 471 472 473 474 475 476 477 478 479 480 481 482 483 484 485\n"
           " 486 487 488 489 490 491 492 493 494 495 496 497 498 499 500 501 502 503\n"
           " 504 505 506 507 508 509 510 511 512 513 514 515 516 517 518 519 520 521\n"
           " 522 523 524 525 526 527 528 529 530 531 532 533 534 535 536 537 538 539\n"
           " 540 541 542 543 544 545 546 547 548 549 550 551 552 553 554 555 556 557\n"
           " 558 559 560 561 562 563 564 565 566 567 568 569 570 571 572 573 574 575\n"
           " 576 577 578 579 580 581 582 583 584 585 586 587 588 589 590 591 592 593\n"
           " 594 595 596 597 598 599 600 601 602 603 604 605 606 607 608 609 610 611\n"
           " 612 613 614 615 616 617 618 619 620 621 622 623 624 625 626 627 628 629\n"
           " 630 631 632 633 634 635 636 637 638 639 640 641 642 643 644 645 646 647\n"
           " 648 649 650 651 652 653 654 655 656 657 658 659 660 661 662 663 664 665\n"
           " 666 667 668 669 670 671 672 673 674 675 676 677 678 679 680 681 682 683\n"
           " 684 685 686 687 688 689 690 691 692 693 694 695 696 697 698 699 700 701\n"
           " 702 703 704 705 706 707 708 709 710 711 712 713 714 715 716 717 718 719\n"
           " 720 721 722 723 724 725 726 727 728 729 730 731 732 733 734 735 736 737\n"
           " 738 739 740 741 742 743 744 745 746 747 748 749 750 751 752 753 754 755\n"
           " 756 757 758 759 760 761 762 763 764 765 766 767 768 769 770 771 772 773\n"
           " 774 775 776 777 778 779 780 781 782 783 784 785 786 787 788 789 790 791\n"
           " 792 793 794 795 796 797 798 799 800 801 802 803 804 805 806 807 808 809\n"
           " 810 811 812 813 814 815 816 817 818 819 820 821 822 823 824 825 826 827\n"
           " 828 829 830 831 832 833 834 835 836 837 838 839 840 841 842 843 844 845\n"
           " 846 847 848 849 850 851 852 853 854 855 856 857 858 859 860 861 862 863\n"
           " 864 865 866 867 868 869 870 871 872 873 874 875 876 877 878 879 880 881\n"
           " 882 883 884 885 886 887 888 889 890 891 892 893 894 895 896 897 898 899\n"
           " 900 901 902 903 904 905 906 907 908 909 910 911 912 913 914 915 916 917\n"
           " 918 919 920 921 922 923 924 925 926 927 928 929 930 931 932 933 934 935\n"
           " 936 937 938 939 940 941 942 943 944 945 946 947 948 949 950 951 952 953\n"
           " 954 955 956 957 958 959 960 961 962 963 964 965 966 967 968 969 970 971\n"
           " 972 973 974 975 976 977 978 979 980 981 982 983 984 985 986 987 988 989\n"
           " 990 991 992 993 994 995 996 997 998 999]");
  /* np.arange(1600).reshape(40, 40) */
  EXPECT(ramp(NUMC_INT64, 2, (const int64_t[]){40, 40}, 1, 1),
         "array([[   0,    1,    2, ...,   37,   38,   39],\n"
           "       [  40,   41,   42, ...,   77,   78,   79],\n"
           "       [  80,   81,   82, ...,  117,  118,  119],\n"
           "       ...,\n"
           "       [1480, 1481, 1482, ..., 1517, 1518, 1519],\n"
           "       [1520, 1521, 1522, ..., 1557, 1558, 1559],\n"
           "       [1560, 1561, 1562, ..., 1597, 1598, 1599]])",
         "[[   0    1    2 ...   37   38   39]\n"
           " [  40   41   42 ...   77   78   79]\n"
           " [  80   81   82 ...  117  118  119]\n"
           " ...\n"
           " [1480 1481 1482 ... 1517 1518 1519]\n"
           " [1520 1521 1522 ... 1557 1558 1559]\n"
           " [1560 1561 1562 ... 1597 1598 1599]]");
  /* (np.arange(1600) / 7).reshape(40, 40) */
  EXPECT(ramp(NUMC_FLOAT64, 2, (const int64_t[]){40, 40}, 1, 7),
         "array([[0.00000000e+00, 1.42857143e-01, 2.85714286e-01, ...,\n"
           "        5.28571429e+00, 5.42857143e+00, 5.57142857e+00],\n"
           "       [5.71428571e+00, 5.85714286e+00, 6.00000000e+00, ...,\n"
           "        1.10000000e+01, 1.11428571e+01, 1.12857143e+01],\n"
           "       [1.14285714e+01, 1.15714286e+01, 1.17142857e+01, ...,\n"
           "        1.67142857e+01, 1.68571429e+01, 1.70000000e+01],\n"
           "       ...,\n"
           "       [2.11428571e+02, 2.11571429e+02, 2.11714286e+02, ...,\n"
           "        2.16714286e+02, 2.16857143e+02, 2.17000000e+02],\n"
           "       [2.17142857e+02, 2.17285714e+02, 2.17428571e+02, ...,\n"
           "        2.22428571e+02, 2.22571429e+02, 2.22714286e+02],\n"
           "       [2.22857143e+02, 2.23000000e+02, 2.23142857e+02, ...,\n"
           "        2.28142857e+02, 2.28285714e+02, 2.28428571e+02]])",
         "[[0.00000000e+00 1.42857143e-01 2.85714286e-01 ... 5.28571429e+00\n"
           "  5.42857143e+00 5.57142857e+00]\n"
           " [5.71428571e+00 5.85714286e+00 6.00000000e+00 ... 1.10000000e+01\n"
           "  1.11428571e+01 1.12857143e+01]\n"
           " [1.14285714e+01 1.15714286e+01 1.17142857e+01 ... 1.67142857e+01\n"
           "  1.68571429e+01 1.70000000e+01]\n"
           " ...\n"
           " [2.11428571e+02 2.11571429e+02 2.11714286e+02 ... 2.16714286e+02\n"
           "  2.16857143e+02 2.17000000e+02]\n"
           " [2.17142857e+02 2.17285714e+02 2.17428571e+02 ... 2.22428571e+02\n"
           "  2.22571429e+02 2.22714286e+02]\n"
           " [2.22857143e+02 2.23000000e+02 2.23142857e+02 ... 2.28142857e+02\n"
           "  2.28285714e+02 2.28428571e+02]]");
  /* np.arange(1331).reshape(11, 11, 11).astype(np.int32) */
  EXPECT(ramp(NUMC_INT32, 3, (const int64_t[]){11, 11, 11}, 1, 1),
         "array([[[   0,    1,    2, ...,    8,    9,   10],\n"
           "        [  11,   12,   13, ...,   19,   20,   21],\n"
           "        [  22,   23,   24, ...,   30,   31,   32],\n"
           "        ...,\n"
           "        [  88,   89,   90, ...,   96,   97,   98],\n"
           "        [  99,  100,  101, ...,  107,  108,  109],\n"
           "        [ 110,  111,  112, ...,  118,  119,  120]],\n"
           "\n"
           "       [[ 121,  122,  123, ...,  129,  130,  131],\n"
           "        [ 132,  133,  134, ...,  140,  141,  142],\n"
           "        [ 143,  144,  145, ...,  151,  152,  153],\n"
           "        ...,\n"
           "        [ 209,  210,  211, ...,  217,  218,  219],\n"
           "        [ 220,  221,  222, ...,  228,  229,  230],\n"
           "        [ 231,  232,  233, ...,  239,  240,  241]],\n"
           "\n"
           "       [[ 242,  243,  244, ...,  250,  251,  252],\n"
           "        [ 253,  254,  255, ...,  261,  262,  263],\n"
           "        [ 264,  265,  266, ...,  272,  273,  274],\n"
           "        ...,\n"
           "        [ 330,  331,  332, ...,  338,  339,  340],\n"
           "        [ 341,  342,  343, ...,  349,  350,  351],\n"
           "        [ 352,  353,  354, ...,  360,  361,  362]],\n"
           "\n"
           "       ...,\n"
           "\n"
           "       [[ 968,  969,  970, ...,  976,  977,  978],\n"
           "        [ 979,  980,  981, ...,  987,  988,  989],\n"
           "        [ 990,  991,  992, ...,  998,  999, 1000],\n"
           "        ...,\n"
           "        [1056, 1057, 1058, ..., 1064, 1065, 1066],\n"
           "        [1067, 1068, 1069, ..., 1075, 1076, 1077],\n"
           "        [1078, 1079, 1080, ..., 1086, 1087, 1088]],\n"
           "\n"
           "       [[1089, 1090, 1091, ..., 1097, 1098, 1099],\n"
           "        [1100, 1101, 1102, ..., 1108, 1109, 1110],\n"
           "        [1111, 1112, 1113, ..., 1119, 1120, 1121],\n"
           "        ...,\n"
           "        [1177, 1178, 1179, ..., 1185, 1186, 1187],\n"
           "        [1188, 1189, 1190, ..., 1196, 1197, 1198],\n"
           "        [1199, 1200, 1201, ..., 1207, 1208, 1209]],\n"
           "\n"
           "       [[1210, 1211, 1212, ..., 1218, 1219, 1220],\n"
           "        [1221, 1222, 1223, ..., 1229, 1230, 1231],\n"
           "        [1232, 1233, 1234, ..., 1240, 1241, 1242],\n"
           "        ...,\n"
           "        [1298, 1299, 1300, ..., 1306, 1307, 1308],\n"
           "        [1309, 1310, 1311, ..., 1317, 1318, 1319],\n"
           "        [1320, 1321, 1322, ..., 1328, 1329, 1330]]], dtype=int32)",
         "[[[   0    1    2 ...    8    9   10]\n"
           "  [  11   12   13 ...   19   20   21]\n"
           "  [  22   23   24 ...   30   31   32]\n"
           "  ...\n"
           "  [  88   89   90 ...   96   97   98]\n"
           "  [  99  100  101 ...  107  108  109]\n"
           "  [ 110  111  112 ...  118  119  120]]\n"
           "\n"
           " [[ 121  122  123 ...  129  130  131]\n"
           "  [ 132  133  134 ...  140  141  142]\n"
           "  [ 143  144  145 ...  151  152  153]\n"
           "  ...\n"
           "  [ 209  210  211 ...  217  218  219]\n"
           "  [ 220  221  222 ...  228  229  230]\n"
           "  [ 231  232  233 ...  239  240  241]]\n"
           "\n"
           " [[ 242  243  244 ...  250  251  252]\n"
           "  [ 253  254  255 ...  261  262  263]\n"
           "  [ 264  265  266 ...  272  273  274]\n"
           "  ...\n"
           "  [ 330  331  332 ...  338  339  340]\n"
           "  [ 341  342  343 ...  349  350  351]\n"
           "  [ 352  353  354 ...  360  361  362]]\n"
           "\n"
           " ...\n"
           "\n"
           " [[ 968  969  970 ...  976  977  978]\n"
           "  [ 979  980  981 ...  987  988  989]\n"
           "  [ 990  991  992 ...  998  999 1000]\n"
           "  ...\n"
           "  [1056 1057 1058 ... 1064 1065 1066]\n"
           "  [1067 1068 1069 ... 1075 1076 1077]\n"
           "  [1078 1079 1080 ... 1086 1087 1088]]\n"
           "\n"
           " [[1089 1090 1091 ... 1097 1098 1099]\n"
           "  [1100 1101 1102 ... 1108 1109 1110]\n"
           "  [1111 1112 1113 ... 1119 1120 1121]\n"
           "  ...\n"
           "  [1177 1178 1179 ... 1185 1186 1187]\n"
           "  [1188 1189 1190 ... 1196 1197 1198]\n"
           "  [1199 1200 1201 ... 1207 1208 1209]]\n"
           "\n"
           " [[1210 1211 1212 ... 1218 1219 1220]\n"
           "  [1221 1222 1223 ... 1229 1230 1231]\n"
           "  [1232 1233 1234 ... 1240 1241 1242]\n"
           "  ...\n"
           "  [1298 1299 1300 ... 1306 1307 1308]\n"
           "  [1309 1310 1311 ... 1317 1318 1319]\n"
           "  [1320 1321 1322 ... 1328 1329 1330]]]");
  /* np.arange(4000)[::-2] */
  EXPECT(strided(ramp(NUMC_INT64, 1, (const int64_t[]){4000}, 1, 1), 1, (const int64_t[]){2000}, (const int64_t[]){-16}, 3999),
         "array([3999, 3997, 3995, ...,    5,    3,    1])",
         "[3999 3997 3995 ...    5    3    1]");
  /* np.arange(2000) % 3 == 0 */
  EXPECT(ramp_mod3(2000),
         "array([ True, False, False, ..., False,  True, False])",
         "[ True False False ... False  True False]");
  /* np.arange(1005).reshape(1005, 1).astype(np.uint8) */
  EXPECT(ramp(NUMC_UINT8, 2, (const int64_t[]){1005, 1}, 1, 1),
         "array([[  0],\n"
           "       [  1],\n"
           "       [  2],\n"
           "       ...,\n"
           "       [234],\n"
           "       [235],\n"
           "       [236]], dtype=uint8)",
         "[[  0]\n"
           " [  1]\n"
           " [  2]\n"
           " ...\n"
           " [234]\n"
           " [235]\n"
           " [236]]");
}

TEST(wrapping) {
  /* np.arange(30) * 1.1 */
  EXPECT(ramp(NUMC_FLOAT64, 1, (const int64_t[]){30}, 1.1, 1),
         "array([ 0. ,  1.1,  2.2,  3.3,  4.4,  5.5,  6.6,  7.7,  8.8,  9.9, 11. ,\n"
           "       12.1, 13.2, 14.3, 15.4, 16.5, 17.6, 18.7, 19.8, 20.9, 22. , 23.1,\n"
           "       24.2, 25.3, 26.4, 27.5, 28.6, 29.7, 30.8, 31.9])",
         "[ 0.   1.1  2.2  3.3  4.4  5.5  6.6  7.7  8.8  9.9 11.  12.1 13.2 14.3\n"
           " 15.4 16.5 17.6 18.7 19.8 20.9 22.  23.1 24.2 25.3 26.4 27.5 28.6 29.7\n"
           " 30.8 31.9]");
  /* np.arange(100) */
  EXPECT(ramp(NUMC_INT64, 1, (const int64_t[]){100}, 1, 1),
         "array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16,\n"
           "       17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33,\n"
           "       34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50,\n"
           "       51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67,\n"
           "       68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84,\n"
           "       85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99])",
         "[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23\n"
           " 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47\n"
           " 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71\n"
           " 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95\n"
           " 96 97 98 99]");
  /* np.arange(11, dtype=np.float32) */
  EXPECT(ramp(NUMC_FLOAT32, 1, (const int64_t[]){11}, 1, 1),
         "array([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10.],\n"
           "      dtype=float32)",
         "[ 0.  1.  2.  3.  4.  5.  6.  7.  8.  9. 10.]");
  /* np.arange(40).reshape(2, 20) * 1000 */
  EXPECT(ramp(NUMC_INT64, 2, (const int64_t[]){2, 20}, 1000, 1),
         "array([[    0,  1000,  2000,  3000,  4000,  5000,  6000,  7000,  8000,\n"
           "         9000, 10000, 11000, 12000, 13000, 14000, 15000, 16000, 17000,\n"
           "        18000, 19000],\n"
           "       [20000, 21000, 22000, 23000, 24000, 25000, 26000, 27000, 28000,\n"
           "        29000, 30000, 31000, 32000, 33000, 34000, 35000, 36000, 37000,\n"
           "        38000, 39000]])",
         "[[    0  1000  2000  3000  4000  5000  6000  7000  8000  9000 10000 11000\n"
           "  12000 13000 14000 15000 16000 17000 18000 19000]\n"
           " [20000 21000 22000 23000 24000 25000 26000 27000 28000 29000 30000 31000\n"
           "  32000 33000 34000 35000 36000 37000 38000 39000]]");
  /* np.arange(12) * (1 + 1j) */
  EXPECT(ramp_complex(NUMC_COMPLEX128, 12, 1, 1),
         "array([ 0. +0.j,  1. +1.j,  2. +2.j,  3. +3.j,  4. +4.j,  5. +5.j,\n"
           "        6. +6.j,  7. +7.j,  8. +8.j,  9. +9.j, 10.+10.j, 11.+11.j])",
         "[ 0. +0.j  1. +1.j  2. +2.j  3. +3.j  4. +4.j  5. +5.j  6. +6.j  7. +7.j\n"
           "  8. +8.j  9. +9.j 10.+10.j 11.+11.j]");
  /* np.arange(20) % 3 == 0 */
  EXPECT(ramp_mod3(20),
         "array([ True, False, False,  True, False, False,  True, False, False,\n"
           "        True, False, False,  True, False, False,  True, False, False,\n"
           "        True, False])",
         "[ True False False  True False False  True False False  True False False\n"
           "  True False False  True False False  True False]");
  /* np.arange(26, dtype=np.int8) */
  EXPECT(ramp(NUMC_INT8, 1, (const int64_t[]){26}, 1, 1),
         "array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16,\n"
           "       17, 18, 19, 20, 21, 22, 23, 24, 25], dtype=int8)",
         "[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23\n"
           " 24 25]");
}

TESTS(CASE(null_array), CASE(every_dtype), CASE(multi_dim), CASE(zero_dim), CASE(empty), CASE(scientific), CASE(nan_inf), CASE(positional), CASE(views), CASE(summarised), CASE(wrapping))
