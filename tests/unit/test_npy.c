/* .npy and .npz: round trips of every dtype and layout, NumPy's own bytes (big-endian,
 * versions 2.0 and 3.0, compressed archives), and hostile inputs that must fail cleanly
 * (this test runs under ASan + UBSan in the sanitizer build). */
#define _POSIX_C_SOURCE 200809L
#include <sys/stat.h>
#include <unistd.h>

#include "core/core.h"
#include "test.h"

/* ------------------------------------------------------------------ helpers */

static char tmpdir[64];

/* A path in this run's scratch directory. */
static const char *tmp_file(char *buf, size_t n, const char *name) {
  if (!tmpdir[0]) {
    snprintf(tmpdir, sizeof tmpdir, "/tmp/numc_test_npy_XXXXXX");
    if (!mkdtemp(tmpdir)) {
      fprintf(stderr, "cannot create a scratch directory\n");
      exit(1);
    }
  }
  snprintf(buf, n, "%s/%s", tmpdir, name);
  return buf;
}

static void write_file(const char *path, const void *bytes, size_t n) {
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (!f) return;
  CHECK(fwrite(bytes, 1, n, f) == n);
  fclose(f);
}

static void unravel(int64_t k, int ndim, const int64_t *shape, int64_t *idx) {
  for (int d = ndim - 1; d >= 0; d--) {
    idx[d] = k % shape[d];
    k /= shape[d];
  }
}

/* The k-th test value for a dtype: signs, fractions and imaginary parts all vary. */
static numc_scalar value_for(numc_dtype t, int64_t k) {
  switch (numc_dtype_kind(t)) {
  case 'b': return numc_bool(k % 3 == 0);
  case 'i': return numc_int((k * 37) % 200 - 100);
  case 'u': return numc_int((k * 37) % 250);
  case 'f': return numc_float((double)k * 0.25 - 3);
  default: return numc_complex((double)k * 0.5, -(double)k);
  }
}

static numc_array *filled(numc_dtype t, int ndim, const int64_t *shape, numc_order order) {
  numc_array *a = NULL;
  CHECK_OK(numc__new(t, ndim, shape, order, true, &a));
  if (!a) return NULL;
  int64_t idx[NUMC_MAXDIMS];
  for (int64_t k = 0; k < numc_size(a); k++) {
    unravel(k, ndim, shape, idx);
    CHECK_OK(numc_set(a, idx, value_for(t, k)));
  }
  return a;
}

static bool scalar_eq(numc_scalar x, numc_scalar y) {
  if (x.dtype != y.dtype) return false;
  switch (numc_dtype_kind(x.dtype)) {
  case 'b': return x.v.b == y.v.b;
  case 'i': return x.v.i == y.v.i;
  case 'u': return x.v.u == y.v.u;
  case 'f': return x.v.f == y.v.f;
  default: return x.v.c[0] == y.v.c[0] && x.v.c[1] == y.v.c[1];
  }
}

/* Same dtype, shape and values (element by element, in C order). */
static bool same_array(const numc_array *a, const numc_array *b) {
  if (!a || !b || numc_dtype_of(a) != numc_dtype_of(b) || numc_ndim(a) != numc_ndim(b)) return false;
  int nd = numc_ndim(a);
  for (int d = 0; d < nd; d++)
    if (numc_shape(a)[d] != numc_shape(b)[d]) return false;
  int64_t idx[NUMC_MAXDIMS];
  for (int64_t k = 0; k < numc_size(a); k++) {
    numc_scalar x, y;
    unravel(k, nd, numc_shape(a), idx);
    if (numc_get(a, idx, &x) != NUMC_OK || numc_get(b, idx, &y) != NUMC_OK || !scalar_eq(x, y))
      return false;
  }
  return true;
}

/* Header length and data offset of a version 1.0 image. */
static size_t data_offset(const unsigned char *b) { return 10 + (size_t)(b[8] | b[9] << 8); }

/* The header dict of a version 1.0 image as a string (trailing padding included). */
static void header_text(const unsigned char *b, char *out, size_t cap) {
  size_t n = data_offset(b) - 10;
  if (n >= cap) n = cap - 1;
  memcpy(out, b + 10, n);
  out[n] = '\0';
}

/* A .npy image: the version's prefix, `dict` padded with spaces and '\n' to a multiple of
 * 64 bytes (as NumPy does), then n data bytes. Returns the length. */
static size_t make_npy(unsigned char *buf, size_t cap, int major, const char *dict, const void *data,
                       size_t n) {
  size_t plen = major == 1 ? 10 : 12, dlen = strlen(dict) + 1;
  size_t hlen = dlen + (64 - (plen + dlen) % 64) % 64;
  if (plen + hlen + n > cap) {
    fprintf(stderr, "make_npy: buffer too small\n");
    exit(1);
  }
  memcpy(buf, "\x93NUMPY", 6);
  buf[6] = (unsigned char)major;
  buf[7] = 0;
  for (size_t i = 8; i < plen; i++) buf[i] = (unsigned char)(hlen >> (8 * (i - 8)));
  memset(buf + plen, ' ', hlen);
  memcpy(buf + plen, dict, dlen - 1);
  buf[plen + hlen - 1] = '\n';
  if (n) memcpy(buf + plen + hlen, data, n);
  return plen + hlen + n;
}

static numc_array *load_npy(int major, const char *dict, const void *data, size_t n) {
  unsigned char buf[4096];
  size_t len = make_npy(buf, sizeof buf, major, dict, data, n);
  numc_array *a = NULL;
  CHECK_OK(numc_load_bytes(buf, len, &a));
  return a;
}

static numc_array *roundtrip_bytes(const numc_array *a) {
  void *bytes = NULL;
  size_t n = 0;
  numc_array *b = NULL;
  CHECK_OK(numc_save_bytes(a, &bytes, &n));
  CHECK_OK(numc_load_bytes(bytes, n, &b));
  free(bytes);
  return b;
}

/* ---------------------------------------------------------------- writing */

TEST(every_dtype_round_trips) {
  static const char *const descr[NUMC_NDTYPES] = {"|b1", "|i1", "<i2", "<i4", "<i8", "|u1", "<u2",
                                                  "<u4", "<u8", "<f2", "<f4", "<f8", "<c8", "<c16"};
  const int64_t shape[2] = {3, 4};
  for (int t = 0; t < NUMC_NDTYPES; t++) {
    numc_array *a = filled((numc_dtype)t, 2, shape, NUMC_ORDER_C), *b = NULL, *c = NULL;
    void *bytes = NULL;
    size_t n = 0;
    CHECK_OK(numc_save_bytes(a, &bytes, &n));
    const unsigned char *p = bytes;
    CHECK(n > 10 && !memcmp(p, "\x93NUMPY\x01\x00", 8));
    CHECK_EQ_INT(data_offset(p) % 64, 0);
    CHECK_EQ_INT(n - data_offset(p), 12 * numc_dtype_size((numc_dtype)t));
    CHECK_EQ_INT(p[data_offset(p) - 1], '\n');
    char text[256], want[128];
    header_text(p, text, sizeof text);
    snprintf(want, sizeof want, "{'descr': '%s', 'fortran_order': False, 'shape': (3, 4), }", descr[t]);
    CHECK(!strncmp(text, want, strlen(want)));
    CHECK_OK(numc_load_bytes(bytes, n, &b));
    CHECK(same_array(a, b));
    CHECK(b && numc_is_c_contiguous(b));
    char path[256];
    tmp_file(path, sizeof path, "every.npy");
    CHECK_OK(numc_save(path, a));
    CHECK_OK(numc_load(path, &c));
    CHECK(same_array(a, c));
    remove(path);
    free(bytes);
    numc_free(a);
    numc_free(b);
    numc_free(c);
  }
}

TEST(zero_d_and_empty) {
  numc_array *a = filled(NUMC_FLOAT64, 0, NULL, NUMC_ORDER_C), *b = NULL;
  void *bytes = NULL;
  size_t n = 0;
  CHECK_OK(numc_save_bytes(a, &bytes, &n));
  char text[256];
  header_text(bytes, text, sizeof text);
  CHECK(strstr(text, "'shape': (), }") != NULL);
  CHECK_OK(numc_load_bytes(bytes, n, &b));
  CHECK(b && numc_ndim(b) == 0 && same_array(a, b));
  free(bytes);
  numc_free(a);
  numc_free(b);

  const int64_t shapes[][3] = {{0, 0, 0}, {3, 0, 2}, {5, 0, 0}};
  const int ndims[] = {1, 3, 1};
  for (int i = 0; i < 3; i++) {
    a = filled(NUMC_INT32, ndims[i], shapes[i], NUMC_ORDER_C);
    b = roundtrip_bytes(a);
    CHECK(same_array(a, b));
    numc_free(a);
    numc_free(b);
  }
  a = filled(NUMC_INT32, 1, (int64_t[]){5}, NUMC_ORDER_C);
  CHECK_OK(numc_save_bytes(a, &bytes, &n));
  header_text(bytes, text, sizeof text);
  CHECK(strstr(text, "'shape': (5,), }") != NULL);
  free(bytes);
  numc_free(a);
}

TEST(fortran_order) {
  const int64_t shape[3] = {2, 3, 4};
  numc_array *a = filled(NUMC_INT32, 3, shape, NUMC_ORDER_F), *b = NULL, *c = NULL;
  void *bytes = NULL;
  size_t n = 0;
  CHECK_OK(numc_save_bytes(a, &bytes, &n));
  char text[256];
  header_text(bytes, text, sizeof text);
  CHECK(strstr(text, "'fortran_order': True") != NULL);
  /* The data is the array's memory as is: Fortran order. */
  CHECK(n == data_offset(bytes) + 96 && !memcmp((char *)bytes + data_offset(bytes), numc_data(a), 96));
  CHECK_OK(numc_load_bytes(bytes, n, &b));
  CHECK(same_array(a, b));
  CHECK(b && numc_is_f_contiguous(b) && !numc_is_c_contiguous(b));
  free(bytes);

  /* A transposed view of a C array is F-contiguous too. */
  numc_array *m = filled(NUMC_FLOAT32, 2, (int64_t[]){3, 5}, NUMC_ORDER_C), *t = NULL;
  CHECK_OK(numc__view(m, NUMC_FLOAT32, 2, (int64_t[]){5, 3}, (int64_t[]){4, 20}, 0, &t));
  char path[256];
  tmp_file(path, sizeof path, "fortran.npy");
  CHECK_OK(numc_save(path, t));
  CHECK_OK(numc_load(path, &c));
  CHECK(same_array(t, c));
  remove(path);
  numc_free(a);
  numc_free(b);
  numc_free(c);
  numc_free(m);
  numc_free(t);
}

TEST(non_contiguous_views) {
  numc_array *base = filled(NUMC_FLOAT32, 1, (int64_t[]){10}, NUMC_ORDER_C);
  numc_array *m = filled(NUMC_INT16, 2, (int64_t[]){3, 4}, NUMC_ORDER_C);
  numc_array *views[4] = {NULL};
  /* base[::2], base[::-1], m[:, ::2], m broadcast along a new axis (stride 0). */
  CHECK_OK(numc__view(base, NUMC_FLOAT32, 1, (int64_t[]){5}, (int64_t[]){8}, 0, &views[0]));
  CHECK_OK(numc__view(base, NUMC_FLOAT32, 1, (int64_t[]){10}, (int64_t[]){-4}, 36, &views[1]));
  CHECK_OK(numc__view(m, NUMC_INT16, 2, (int64_t[]){3, 2}, (int64_t[]){8, 4}, 0, &views[2]));
  CHECK_OK(numc__view(m, NUMC_INT16, 3, (int64_t[]){2, 3, 4}, (int64_t[]){0, 8, 2}, 0, &views[3]));
  for (int i = 0; i < 4; i++) {
    CHECK(views[i] && !numc_is_c_contiguous(views[i]));
    numc_array *b = roundtrip_bytes(views[i]);
    CHECK(same_array(views[i], b));
    numc_free(b);
    numc_free(views[i]);
  }
  numc_free(base);
  numc_free(m);
}

/* Bytes other than 0 and 1 in a bool buffer are written as 1 and read back as 1. */
TEST(bools_are_0_or_1) {
  numc_array *a = NULL, *v = NULL, *b = NULL;
  CHECK_OK(numc__new(NUMC_BOOL, 1, (int64_t[]){4}, NUMC_ORDER_C, true, &a));
  unsigned char *raw = numc_data(a);
  raw[1] = 7;
  raw[2] = 0x80;
  CHECK_OK(numc__view(a, NUMC_BOOL, 1, (int64_t[]){2}, (int64_t[]){2}, 1, &v));
  void *bytes = NULL;
  size_t n = 0;
  CHECK_OK(numc_save_bytes(a, &bytes, &n));
  CHECK(n == data_offset(bytes) + 4 && !memcmp((char *)bytes + data_offset(bytes), "\0\1\1\0", 4));
  free(bytes);
  CHECK_OK(numc_save_bytes(v, &bytes, &n));
  CHECK(n == data_offset(bytes) + 2 && !memcmp((char *)bytes + data_offset(bytes), "\1\0", 2));
  free(bytes);
  b = load_npy(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", "\0\5\1", 3);
  CHECK(b && !memcmp(numc_data(b), "\0\1\1", 3));
  numc_free(a);
  numc_free(v);
  numc_free(b);
}

/* ---------------------------------------------------------------- reading */

static void check_values(const numc_array *a, numc_dtype t, int n, const double *re, const double *im) {
  CHECK(a != NULL);
  if (!a) return;
  CHECK_EQ_INT(numc_dtype_of(a), t);
  CHECK_EQ_INT(numc_size(a), n);
  for (int64_t k = 0; k < n && k < numc_size(a); k++) {
    numc_scalar s;
    CHECK_OK(numc_get(a, &k, &s));
    double got = numc__is_complex(t) ? s.v.c[0]
                 : numc__is_float(t) ? s.v.f
                 : numc__is_signed(t) ? (double)s.v.i
                                      : (double)s.v.u;
    CHECK_NEAR(got, re[k], 0);
    if (numc__is_complex(t)) CHECK_NEAR(s.v.c[1], im[k], 0);
  }
}

TEST(big_endian_and_native_marks) {
  numc_array *a;
  a = load_npy(1, "{'descr': '>i4', 'fortran_order': False, 'shape': (3,), }",
               "\x00\x00\x00\x01\xff\xff\xff\xfe\x01\x02\x03\x04", 12);
  check_values(a, NUMC_INT32, 3, (double[]){1, -2, 0x01020304}, NULL);
  numc_free(a);
  a = load_npy(1, "{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }",
               "\x3f\xf8\x00\x00\x00\x00\x00\x00", 8);
  check_values(a, NUMC_FLOAT64, 1, (double[]){1.5}, NULL);
  numc_free(a);
  /* complex: each half swapped on its own */
  a = load_npy(1, "{'descr': '>c8', 'fortran_order': False, 'shape': (1,), }",
               "\x3f\x80\x00\x00\x40\x00\x00\x00", 8);
  check_values(a, NUMC_COMPLEX64, 1, (double[]){1}, (double[]){2});
  numc_free(a);
  a = load_npy(1, "{'descr': '>c16', 'fortran_order': False, 'shape': (1,), }",
               "\xc0\x08\x00\x00\x00\x00\x00\x00\x3f\xe0\x00\x00\x00\x00\x00\x00", 16);
  check_values(a, NUMC_COMPLEX128, 1, (double[]){-3}, (double[]){0.5});
  numc_free(a);
  a = load_npy(1, "{'descr': '>u2', 'fortran_order': False, 'shape': (2,), }", "\x12\x34\xff\xfe", 4);
  check_values(a, NUMC_UINT16, 2, (double[]){0x1234, 0xfffe}, NULL);
  numc_free(a);
  a = load_npy(1, "{'descr': '>f2', 'fortran_order': False, 'shape': (2,), }", "\x3c\x00\xc0\x00", 4);
  check_values(a, NUMC_FLOAT16, 2, (double[]){1, -2}, NULL);
  numc_free(a);
  a = load_npy(1, "{'descr': '>u8', 'fortran_order': False, 'shape': (1,), }",
               "\x80\x00\x00\x00\x00\x00\x00\x01", 8);
  check_values(a, NUMC_UINT64, 1, (double[]){9223372036854775809.0}, NULL);
  numc_free(a);
  /* '=' and '|' mean native; a single byte has no order. */
  int32_t native = -7;
  a = load_npy(1, "{'descr': '=i4', 'fortran_order': False, 'shape': (1,), }", &native, 4);
  check_values(a, NUMC_INT32, 1, (double[]){-7}, NULL);
  numc_free(a);
  a = load_npy(1, "{'descr': '>i1', 'fortran_order': False, 'shape': (2,), }", "\x05\xfb", 2);
  check_values(a, NUMC_INT8, 2, (double[]){5, -5}, NULL);
  numc_free(a);
  /* Big-endian Fortran data: [[1, 2, 3], [4, 5, 6]] stored column by column. */
  a = load_npy(1, "{'descr': '>i2', 'fortran_order': True, 'shape': (2, 3), }",
               "\0\1\0\4\0\2\0\5\0\3\0\6", 12);
  numc_array *want = filled(NUMC_INT16, 2, (int64_t[]){2, 3}, NUMC_ORDER_C);
  for (int64_t k = 0; k < 6; k++) CHECK_OK(numc_set(want, (int64_t[]){k / 3, k % 3}, numc_int(k + 1)));
  CHECK(same_array(a, want));
  numc_free(a);
  numc_free(want);
}

TEST(versions_and_header_spellings) {
  const double v[2] = {0.25, -8};
  static const char *const good[] = {
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }",
      "{'shape': (2,), 'fortran_order': False, 'descr': '<f8'}",
      "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (2,)}",
      "  {\n\t'descr' :'<f8' ,'fortran_order':False,\r\n'shape':( 2 , ) , }  ",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2L,), }", /* Python 2 */
      "{'descr': 'f8', 'fortran_order': False, 'shape': (+2,), }",
  };
  for (int major = 1; major <= 3; major++)
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
      numc_array *a = load_npy(major, good[i], v, sizeof v);
      check_values(a, NUMC_FLOAT64, 2, v, NULL);
      numc_free(a);
    }
  /* Unpadded header, data at an odd offset. */
  static const char raw[] = "\x93NUMPY\x01\x00\x34\x00{'descr':'<i2','fortran_order':False,'shape':(2,),}\n\x01\x00\x02\x00";
  numc_array *a = NULL;
  CHECK_OK(numc_load_bytes(raw, sizeof raw - 1, &a));
  check_values(a, NUMC_INT16, 2, (double[]){1, 2}, NULL);
  CHECK(a && numc_ndim(a) == 1);
  numc_free(a);
}

/* Every hostile header must give NUMC_EFORMAT with nothing allocated (a huge allocation
 * would abort under ASan). The data is sized for shape (2,) of '<f8'. */
TEST(hostile_headers) {
  static const char *const bad[] = {
      "{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 8), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (1152921504606846976,), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 4611686018427387904, 4611686018427387904), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (-2,), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2, -1), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2.0,), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': [2], }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': 2, }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2,,), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (,), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2, }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (0x2,), }",
      "{'descr': '<U4', 'fortran_order': False, 'shape': (2,), }",
      "{'descr': '|O', 'fortran_order': False, 'shape': (2,), }",
      "{'descr': '|V8', 'fortran_order': False, 'shape': (2,), }",
      "{'descr': '<M8[s]', 'fortran_order': False, 'shape': (2,), }",
      "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2,), }",
      "{'descr': '<f3', 'fortran_order': False, 'shape': (2,), }",
      "{'descr': '<f8 ', 'fortran_order': False, 'shape': (2,), }",
      "{'descr': '<f0008', 'fortran_order': False, 'shape': (2,), }",
      "{'descr': '', 'fortran_order': False, 'shape': (2,), }",
      "{'descr': '<f\\x38', 'fortran_order': False, 'shape': (2,), }",
      "{'descr': <f8, 'fortran_order': False, 'shape': (2,), }",
      "{'descr': '<f8, 'fortran_order': False, 'shape': (2,), }",
      "{'fortran_order': False, 'shape': (2,), }",
      "{'descr': '<f8', 'shape': (2,), }",
      "{'descr': '<f8', 'fortran_order': False, }",
      "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (2,), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'extra': 1, }",
      "{'descr': '<f8', 'fortran_order': 0, 'shape': (2,), }",
      "{'descr': '<f8', 'fortran_order': false, 'shape': (2,), }",
      "{'descr': '<f8', 'fortran_order': Falsey, 'shape': (2,), }",
      "{'descr': '<f8' 'fortran_order': False, 'shape': (2,), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), } x",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), },",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2,),, }",
      "{, 'descr': '<f8', 'fortran_order': False, 'shape': (2,)}",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2,)",
      "{'descr': '<f8', 'fortran_order': False, 'sh\xc3\xa4pe': (2,), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), ",
      "{}", "{", "}", "", "garbage", "[1, 2]", "{{}}", "{'descr'}", "{'descr':}",
  };
  const double v[2] = {1, 2};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    unsigned char buf[512];
    size_t n = make_npy(buf, sizeof buf, 1, bad[i], v, sizeof v);
    numc_array *a = NULL;
    numc_status s = numc_load_bytes(buf, n, &a);
    if (s != NUMC_EFORMAT) fprintf(stderr, "accepted or wrong status for header: %s\n", bad[i]);
    CHECK_STATUS(s, NUMC_EFORMAT);
    CHECK(a == NULL);
    numc_free(a);
  }
  /* 33 dimensions */
  char dict[512] = "{'descr': '<f8', 'fortran_order': False, 'shape': (";
  for (int d = 0; d < 33; d++) strcat(dict, "1, ");
  strcat(dict, "), }");
  unsigned char buf[512];
  size_t n = make_npy(buf, sizeof buf, 1, dict, v, 8);
  numc_array *a = NULL;
  CHECK_STATUS(numc_load_bytes(buf, n, &a), NUMC_EFORMAT);
  CHECK(strstr(numc_last_error(), "32") != NULL);
  /* the error names the problem: unknown descr */
  n = make_npy(buf, sizeof buf, 1, bad[15], v, sizeof v);
  CHECK_STATUS(numc_load_bytes(buf, n, &a), NUMC_EFORMAT);
  CHECK(strstr(numc_last_error(), "'<U4'") != NULL);
  /* a NUL inside the header */
  n = make_npy(buf, sizeof buf, 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", v, sizeof v);
  buf[20] = '\0';
  CHECK_STATUS(numc_load_bytes(buf, n, &a), NUMC_EFORMAT);
  CHECK(a == NULL);
}

TEST(hostile_prefixes) {
  const double v[2] = {1, 2};
  unsigned char good[256], buf[256];
  size_t n = make_npy(good, sizeof good, 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", v,
                      sizeof v);
  numc_array *a = NULL;
  /* Truncated at every byte, and one byte too many. */
  for (size_t k = 0; k < n; k++) {
    CHECK_STATUS(numc_load_bytes(good, k, &a), NUMC_EFORMAT);
    CHECK(a == NULL);
  }
  CHECK_OK(numc_load_bytes(good, n, &a));
  numc_free(a);
  a = NULL;
  memcpy(buf, good, n);
  buf[n] = 0;
  CHECK_STATUS(numc_load_bytes(buf, n + 1, &a), NUMC_EFORMAT);
  CHECK(strstr(numc_last_error(), "unexpected bytes") != NULL);
  /* Bad magic, unknown versions, header lengths past the end. */
  const struct {
    size_t at;
    unsigned char byte;
  } edits[] = {{0, 0x92}, {5, 'Z'}, {6, 4}, {6, 0}, {7, 1}, {8, 0xff}, {9, 0xff}};
  for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
    memcpy(buf, good, n);
    buf[edits[i].at] = edits[i].byte;
    CHECK_STATUS(numc_load_bytes(buf, n, &a), NUMC_EFORMAT);
    CHECK(a == NULL);
  }
  /* Version 2.0 with a 4 GiB header length. */
  static const unsigned char v2[] = "\x93NUMPY\x02\x00\xff\xff\xff\xff{}\n";
  CHECK_STATUS(numc_load_bytes(v2, sizeof v2 - 1, &a), NUMC_EFORMAT);
  CHECK(strstr(numc_last_error(), "past the end") != NULL);
  CHECK_STATUS(numc_load_bytes(NULL, 0, &a), NUMC_EFORMAT);
  CHECK_STATUS(numc_load_bytes(NULL, 5, &a), NUMC_EINVAL);
  CHECK_STATUS(numc_load_bytes(good, n, NULL), NUMC_EINVAL);
  CHECK(a == NULL);
}

TEST(files_and_errors) {
  char path[256], dir[256];
  numc_array *a = filled(NUMC_UINT32, 2, (int64_t[]){100, 10}, NUMC_ORDER_C), *b = NULL;
  tmp_file(path, sizeof path, "big.npy");
  CHECK_OK(numc_save(path, a));
  /* No temporary file is left behind. */
  char tmp[300];
  snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
  CHECK(access(tmp, F_OK) != 0);
  /* Truncated on disk: the message names the file and the problem; nothing allocated. */
  struct stat st;
  CHECK(stat(path, &st) == 0 && st.st_size == 128 + 4000);
  CHECK(truncate(path, 128 + 12) == 0);
  CHECK_STATUS(numc_load(path, &b), NUMC_EFORMAT);
  CHECK(strstr(numc_last_error(), path) != NULL && strstr(numc_last_error(), "truncated") != NULL &&
        strstr(numc_last_error(), "4000") != NULL);
  CHECK(b == NULL);
  /* Overwriting replaces the file whole. */
  CHECK_OK(numc_save(path, a));
  CHECK_OK(numc_load(path, &b));
  CHECK(same_array(a, b));
  remove(path);
  /* Missing files, directories and unwritable places. */
  CHECK_STATUS(numc_load(path, &b), NUMC_EIO);
  tmp_file(dir, sizeof dir, "");
  CHECK_STATUS(numc_load(dir, &b), NUMC_EIO);
  tmp_file(path, sizeof path, "no/such/dir.npy");
  CHECK_STATUS(numc_save(path, a), NUMC_EIO);
  CHECK_STATUS(numc_save(NULL, a), NUMC_EINVAL);
  CHECK_STATUS(numc_save(path, NULL), NUMC_EINVAL);
  numc_free(a);
  numc_free(b);
}

/* ------------------------------------------------------------------- .npz */

TEST(npz_round_trip) {
  numc_array *m = filled(NUMC_FLOAT64, 2, (int64_t[]){3, 4}, NUMC_ORDER_C), *view = NULL;
  CHECK_OK(numc__view(m, NUMC_FLOAT64, 2, (int64_t[]){4, 3}, (int64_t[]){8, 32}, 0, &view));
  numc_array *in[5] = {m, filled(NUMC_BOOL, 1, (int64_t[]){7}, NUMC_ORDER_C),
                       filled(NUMC_COMPLEX128, 0, NULL, NUMC_ORDER_C), view,
                       filled(NUMC_INT8, 2, (int64_t[]){0, 3}, NUMC_ORDER_C)};
  const char *names[5] = {"m", "flags", "z", "sub/view", "caf\xc3\xa9"};
  char path[256];
  tmp_file(path, sizeof path, "a.npz");
  CHECK_OK(numc_savez(path, names, (const numc_array *const *)in, 5));
  char *got_names[8] = {NULL};
  numc_array *got[8] = {NULL};
  int n = -1;
  CHECK_OK(numc_loadz(path, got_names, got, 8, &n));
  CHECK_EQ_INT(n, 5);
  for (int i = 0; i < n && i < 5; i++) {
    CHECK_EQ_STR(got_names[i], names[i]);
    CHECK(same_array(in[i], got[i]));
    free(got_names[i]);
    numc_free(got[i]);
  }
  /* Too little room: an error, and the caller's slots are untouched. */
  got[0] = NULL;
  CHECK_STATUS(numc_loadz(path, got_names, got, 4, &n), NUMC_EINVAL);
  CHECK(got[0] == NULL);
  /* An empty archive. */
  CHECK_OK(numc_savez(path, NULL, NULL, 0));
  CHECK_OK(numc_loadz(path, NULL, NULL, 0, &n));
  CHECK_EQ_INT(n, 0);
  const char *twice[2] = {"x", "x"};
  CHECK_STATUS(numc_savez(path, twice, (const numc_array *const *)in, 2), NUMC_EINVAL);
  remove(path);
  CHECK_STATUS(numc_loadz(path, got_names, got, 8, &n), NUMC_EIO);
  for (int i = 0; i < 5; i++) numc_free(in[i]);
}

/* Made by Python's zipfile from NumPy's .npy bytes: fixed.npy (deflate, fixed Huffman),
 * dyn.npy (dynamic Huffman), lvl0.npy (big-endian '>f8' in deflate's stored blocks) and
 * st.npy (method 0, with the ZIP64 extra field numpy.savez writes). */
static const unsigned char numpy_npz[] = {
    0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x15, 0x62, 0x79, 0x5d, 0x1a, 0x4e,
    0x98, 0x7e, 0x52, 0x00, 0x00, 0x00, 0x8c, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x66, 0x69,
    0x78, 0x65, 0x64, 0x2e, 0x6e, 0x70, 0x79, 0x9b, 0xec, 0x17, 0xea, 0x1b, 0x10, 0xc9, 0xc8, 0x50,
    0xc6, 0x50, 0xad, 0x9e, 0x92, 0x5a, 0x9c, 0x5c, 0xa4, 0x6e, 0xa5, 0xa0, 0x6e, 0x93, 0x69, 0xa4,
    0xae, 0xa3, 0xa0, 0x9e, 0x96, 0x5f, 0x54, 0x52, 0x94, 0x98, 0x17, 0x9f, 0x5f, 0x94, 0x92, 0x0a,
    0x12, 0x77, 0x4b, 0xcc, 0x29, 0x4e, 0x05, 0x8a, 0x17, 0x67, 0x24, 0x16, 0xa4, 0x02, 0xf9, 0x1a,
    0x46, 0x3a, 0x0a, 0xc6, 0x9a, 0x3a, 0x0a, 0xb5, 0x0a, 0x64, 0x03, 0x2e, 0x06, 0x06, 0x46, 0x06,
    0x26, 0x06, 0x66, 0x06, 0x16, 0x06, 0x56, 0x06, 0x00, 0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00,
    0x00, 0x08, 0x00, 0x15, 0x62, 0x79, 0x5d, 0x87, 0x62, 0x4d, 0x39, 0xb6, 0x00, 0x00, 0x00, 0xa0,
    0x03, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x64, 0x79, 0x6e, 0x2e, 0x6e, 0x70, 0x79, 0xed, 0x8e,
    0xb1, 0x0a, 0xc2, 0x30, 0x10, 0x86, 0xff, 0xb4, 0xb6, 0x69, 0xd3, 0x3e, 0x44, 0xb6, 0x28, 0x74,
    0x28, 0xe2, 0x24, 0xce, 0x6e, 0x8a, 0x8b, 0x83, 0x93, 0x14, 0x1b, 0x71, 0x10, 0x2b, 0xa9, 0xba,
    0x88, 0x4f, 0xe1, 0x0b, 0xfb, 0x47, 0x11, 0xc4, 0xd1, 0xc1, 0xa9, 0x17, 0x72, 0x77, 0xff, 0x97,
    0xcb, 0xdd, 0xdd, 0xe7, 0xcb, 0xd9, 0x62, 0x25, 0x70, 0xc1, 0xd5, 0xd4, 0xb6, 0xdd, 0x38, 0x33,
    0xd6, 0x66, 0x72, 0x1e, 0x9a, 0x42, 0x9b, 0x6d, 0xe3, 0x4e, 0xae, 0x3a, 0xac, 0x1b, 0x57, 0x5b,
    0xcf, 0xa7, 0xd5, 0xbe, 0xb5, 0xe4, 0xed, 0xae, 0x3a, 0x5a, 0xea, 0xfe, 0xa8, 0x2c, 0x8b, 0x41,
    0xa1, 0x6f, 0xfa, 0x67, 0x53, 0x80, 0x40, 0x0f, 0x29, 0x42, 0xe4, 0xa0, 0x40, 0x82, 0x88, 0x3a,
    0x62, 0xf4, 0x16, 0x20, 0x26, 0x97, 0x24, 0x21, 0x55, 0xca, 0x4c, 0xd2, 0x83, 0x14, 0x24, 0x09,
    0xdf, 0x33, 0x6a, 0x4f, 0x14, 0xbd, 0xff, 0x1f, 0xb1, 0x1e, 0xac, 0x57, 0xcc, 0x02, 0xf6, 0x0e,
    0xa8, 0x32, 0x9e, 0x37, 0x7b, 0x55, 0x24, 0xec, 0x10, 0x3f, 0x67, 0xe4, 0x1f, 0x9d, 0x7c, 0x5f,
    0xc1, 0xa8, 0x78, 0xc5, 0xd7, 0x7c, 0xd0, 0x87, 0xa4, 0x82, 0x5e, 0xa2, 0xdb, 0xba, 0xdb, 0xfa,
    0x3f, 0x5b, 0x3f, 0x00, 0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x15, 0x62,
    0x79, 0x5d, 0x73, 0x5e, 0x6f, 0xe4, 0x25, 0x01, 0x00, 0x00, 0x20, 0x01, 0x00, 0x00, 0x08, 0x00,
    0x00, 0x00, 0x6c, 0x76, 0x6c, 0x30, 0x2e, 0x6e, 0x70, 0x79, 0x01, 0x20, 0x01, 0xdf, 0xfe, 0x93,
    0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27, 0x64, 0x65, 0x73, 0x63, 0x72,
    0x27, 0x3a, 0x20, 0x27, 0x3c, 0x66, 0x38, 0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72,
    0x61, 0x6e, 0x5f, 0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c, 0x73, 0x65,
    0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20, 0x28, 0x32, 0x30, 0x2c, 0x29,
    0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xe0, 0x3f, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0xf0, 0x3f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf8, 0x3f, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x40, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x08, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x40, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x12, 0x40, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x14, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x16, 0x40, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x18, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x1a, 0x40, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x1c, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x1e, 0x40, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x21, 0x40, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x22, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x23, 0x40, 0x50,
    0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x21, 0x00, 0x16, 0x93, 0x8c,
    0xbb, 0x83, 0x00, 0x00, 0x00, 0x83, 0x00, 0x00, 0x00, 0x06, 0x00, 0x14, 0x00, 0x73, 0x74, 0x2e,
    0x6e, 0x70, 0x79, 0x01, 0x00, 0x10, 0x00, 0x83, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x83,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76,
    0x00, 0x7b, 0x27, 0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x7c, 0x62, 0x31, 0x27,
    0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f, 0x6f, 0x72, 0x64, 0x65, 0x72,
    0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c, 0x73, 0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65,
    0x27, 0x3a, 0x20, 0x28, 0x33, 0x2c, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x01, 0x00, 0x01, 0x50, 0x4b, 0x01, 0x02, 0x14, 0x03,
    0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x15, 0x62, 0x79, 0x5d, 0x1a, 0x4e, 0x98, 0x7e, 0x52, 0x00,
    0x00, 0x00, 0x8c, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x66, 0x69, 0x78, 0x65, 0x64, 0x2e, 0x6e, 0x70,
    0x79, 0x50, 0x4b, 0x01, 0x02, 0x14, 0x03, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x15, 0x62, 0x79,
    0x5d, 0x87, 0x62, 0x4d, 0x39, 0xb6, 0x00, 0x00, 0x00, 0xa0, 0x03, 0x00, 0x00, 0x07, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x01, 0x79, 0x00, 0x00, 0x00, 0x64,
    0x79, 0x6e, 0x2e, 0x6e, 0x70, 0x79, 0x50, 0x4b, 0x01, 0x02, 0x14, 0x03, 0x14, 0x00, 0x00, 0x00,
    0x08, 0x00, 0x15, 0x62, 0x79, 0x5d, 0x73, 0x5e, 0x6f, 0xe4, 0x25, 0x01, 0x00, 0x00, 0x20, 0x01,
    0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x01,
    0x54, 0x01, 0x00, 0x00, 0x6c, 0x76, 0x6c, 0x30, 0x2e, 0x6e, 0x70, 0x79, 0x50, 0x4b, 0x01, 0x02,
    0x14, 0x03, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x21, 0x00, 0x16, 0x93, 0x8c, 0xbb,
    0x83, 0x00, 0x00, 0x00, 0x83, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x80, 0x01, 0x9f, 0x02, 0x00, 0x00, 0x73, 0x74, 0x2e, 0x6e, 0x70, 0x79,
    0x50, 0x4b, 0x05, 0x06, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x04, 0x00, 0xd6, 0x00, 0x00, 0x00,
    0x5a, 0x03, 0x00, 0x00, 0x00, 0x00,
};

static void write_numpy_npz(const char *path) { write_file(path, numpy_npz, sizeof numpy_npz); }

TEST(npz_made_by_numpy) {
  char path[256];
  tmp_file(path, sizeof path, "numpy.npz");
  write_numpy_npz(path);
  char *names[4] = {NULL};
  numc_array *got[4] = {NULL};
  int n = 0;
  CHECK_OK(numc_loadz(path, names, got, 4, &n));
  CHECK_EQ_INT(n, 4);
  if (n == 4) {
    CHECK_EQ_STR(names[0], "fixed");
    numc_array *want = filled(NUMC_INT16, 2, (int64_t[]){2, 3}, NUMC_ORDER_C);
    for (int64_t k = 0; k < 6; k++) CHECK_OK(numc_set(want, (int64_t[]){k / 3, k % 3}, numc_int(k)));
    CHECK(same_array(got[0], want));
    numc_free(want);
    CHECK_EQ_STR(names[1], "dyn");
    CHECK(numc_dtype_of(got[1]) == NUMC_UINT16 && numc_size(got[1]) == 400);
    for (int64_t k = 0; k < 400 && numc_size(got[1]) == 400; k++) {
      numc_scalar s;
      CHECK_OK(numc_get(got[1], &k, &s));
      CHECK_EQ_INT(s.v.u, (k % 7 * k) % 13);
    }
    CHECK_EQ_STR(names[2], "lvl0");
    double halves[20];
    for (int k = 0; k < 20; k++) halves[k] = k * 0.5;
    check_values(got[2], NUMC_FLOAT64, 20, halves, NULL);
    CHECK_EQ_STR(names[3], "st");
    CHECK(numc_dtype_of(got[3]) == NUMC_BOOL && numc_size(got[3]) == 3 &&
          !memcmp(numc_data(got[3]), "\1\0\1", 3));
  }
  for (int i = 0; i < n; i++) {
    free(names[i]);
    numc_free(got[i]);
  }
  remove(path);
}

/* Load a damaged archive; it may load (a changed byte in a name, say) or fail, but
 * must never crash or leak. Returns the status. */
static numc_status load_damaged(const char *path, const unsigned char *bytes, size_t n) {
  write_file(path, bytes, n);
  char *names[4] = {NULL};
  numc_array *got[4] = {NULL};
  int count = 0;
  numc_status s = numc_loadz(path, names, got, 4, &count);
  for (int i = 0; s == NUMC_OK && i < count; i++) {
    free(names[i]);
    numc_free(got[i]);
  }
  return s;
}

TEST(npz_damage) {
  char path[256];
  tmp_file(path, sizeof path, "damaged.npz");
  unsigned char copy[sizeof numpy_npz];
  /* Truncations and flipped bits at every position. */
  for (size_t k = 0; k < sizeof numpy_npz; k++) CHECK(load_damaged(path, numpy_npz, k) != NUMC_OK);
  int failed = 0;
  for (size_t k = 0; k < sizeof numpy_npz; k++) {
    memcpy(copy, numpy_npz, sizeof copy);
    copy[k] ^= 0x10;
    failed += load_damaged(path, copy, sizeof copy) != NUMC_OK;
  }
  CHECK(failed > (int)sizeof numpy_npz / 2);
  /* A changed data byte of the stored member is caught by its CRC. */
  memcpy(copy, numpy_npz, sizeof copy);
  const unsigned char *end = numpy_npz + sizeof numpy_npz - 22; /* end of central directory */
  size_t directory = (size_t)(end[16] | end[17] << 8 | end[18] << 16 | end[19] << 24);
  copy[directory - 1] ^= 1; /* the last byte of st.npy, the last member */
  CHECK_STATUS(load_damaged(path, copy, sizeof copy), NUMC_EFORMAT);
  CHECK(strstr(numc_last_error(), "CRC") != NULL);
  /* Not a zip at all. */
  CHECK_STATUS(load_damaged(path, (const unsigned char *)"PK\5\6 not really", 16), NUMC_EFORMAT);
  remove(path);
}

TEST(remove_scratch_directory) { CHECK(tmpdir[0] && rmdir(tmpdir) == 0); }

TESTS(CASE(every_dtype_round_trips), CASE(zero_d_and_empty), CASE(fortran_order),
      CASE(non_contiguous_views), CASE(bools_are_0_or_1), CASE(big_endian_and_native_marks),
      CASE(versions_and_header_spellings), CASE(hostile_headers), CASE(hostile_prefixes),
      CASE(files_and_errors), CASE(npz_round_trip), CASE(npz_made_by_numpy), CASE(npz_damage),
      CASE(remove_scratch_directory))
