/* Creation: empty/zeros/ones/full, *_like, ranges, matrices, copies and casts. */
#include "core/core.h"
#include "values.h"

#define SHP(...) (int64_t[]){__VA_ARGS__}, N_OF_(int64_t, __VA_ARGS__)

TEST(zeros_ones_empty) {
  numc_array *z = NULL, *o = NULL, *e = NULL, *f = NULL;
  CHECK_OK(numc_zeros(SHP(2, 3), NUMC_INT32, NUMC_ORDER_C, &z));
  CHECK_SHAPE(z, 2, 3);
  CHECK_STRIDES(z, 12, 4);
  CHECK_VALUES(z, 0, 0, 0, 0, 0, 0);
  CHECK_OK(numc_ones(SHP(2, 3), NUMC_COMPLEX64, NUMC_ORDER_F, &o));
  CHECK_STRIDES(o, 8, 16);
  CHECK(numc_is_f_contiguous(o) && !numc_is_c_contiguous(o));
  CHECK_VALUES(o, 1, 1, 1, 1, 1, 1);
  CHECK_OK(numc_empty(NULL, 0, NUMC_BOOL, NUMC_ORDER_C, &e));
  CHECK_SHAPE0(e);
  CHECK_OK(numc_ones(SHP(0, 4), NUMC_FLOAT16, NUMC_ORDER_C, &f));
  CHECK_EQ_INT(numc_size(f), 0);
  numc_free(z);
  numc_free(o);
  numc_free(e);
  numc_free(f);
}

TEST(creation_errors) {
  numc_array *a = NULL;
  CHECK_ERROR(numc_zeros(SHP(2, -1), NUMC_FLOAT64, NUMC_ORDER_C, &a), NUMC_EVALUE,
              "negative dimensions are not allowed");
  CHECK_ERROR(numc_zeros(SHP(2), NUMC_FLOAT64, NUMC_ORDER_K, &a), NUMC_EVALUE,
              "only 'C' or 'F' order is permitted");
  CHECK_STATUS(numc_zeros(SHP(INT64_MAX, 4), NUMC_FLOAT64, NUMC_ORDER_C, &a), NUMC_EOVERFLOW);
  CHECK_STATUS(numc_empty(SHP(1), (numc_dtype)99, NUMC_ORDER_C, &a), NUMC_EINVAL);
  CHECK_STATUS(numc_zeros(SHP(1), NUMC_FLOAT64, NUMC_ORDER_C, NULL), NUMC_EINVAL);
  CHECK(a == NULL);
}

TEST(full_values) {
  numc_array *a = NULL, *b = NULL, *c = NULL;
  CHECK_OK(numc_full(SHP(3), numc_int(-7), NUMC_INT8, NUMC_ORDER_C, &a));
  CHECK_VALUES(a, -7, -7, -7);
  /* a float fill into an integer dtype truncates (unsafe casting) */
  CHECK_OK(numc_full(SHP(2, 2), numc_float(2.75), NUMC_UINT16, NUMC_ORDER_F, &b));
  CHECK_VALUES(b, 2, 2, 2, 2);
  CHECK_OK(numc_full(SHP(1), numc_bool(true), NUMC_FLOAT32, NUMC_ORDER_C, &c));
  CHECK_VALUES(c, 1);
  numc_array *d = NULL;
  /* NumPy 2: a Python int that does not fit raises instead of wrapping */
  CHECK_ERROR(numc_full(SHP(3), numc_int(300), NUMC_INT8, NUMC_ORDER_C, &d), NUMC_EVALUE,
              "Python integer 300 out of bounds for int8");
  CHECK_ERROR(numc_full(SHP(3), numc_int(-1), NUMC_UINT64, NUMC_ORDER_C, &d), NUMC_EVALUE,
              "out of bounds for uint64");
  CHECK(d == NULL);
  /* a strong scalar is cast like astype */
  CHECK_OK(numc_full(SHP(1), numc_scalar_of(NUMC_INT64, 300), NUMC_INT8, NUMC_ORDER_C, &d));
  CHECK_VALUES(d, 44);
  numc_free(a);
  numc_free(b);
  numc_free(c);
  numc_free(d);
}

TEST(like_functions) {
  numc_array *f = NULL, *t = NULL, *z = NULL, *o = NULL, *e = NULL, *g = NULL;
  CHECK_OK(numc_zeros(SHP(2, 3, 4), NUMC_FLOAT32, NUMC_ORDER_F, &f));
  CHECK_OK(numc_zeros_like(f, -1, &z));
  CHECK(numc_dtype_of(z) == NUMC_FLOAT32 && numc_is_f_contiguous(z));
  CHECK_OK(numc_swapaxes(f, 0, 2, &t)); /* neither C nor F: K keeps memory order */
  CHECK_OK(numc_ones_like(t, NUMC_INT16, &o));
  CHECK_SHAPE(o, 4, 3, 2);
  CHECK_STRIDES(o, 12, 4, 2);
  CHECK_VALUES(o, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
  CHECK_OK(numc_empty_like(t, NUMC_BOOL, &e));
  CHECK(numc_dtype_of(e) == NUMC_BOOL);
  CHECK_OK(numc_full_like(f, numc_float(-1.5), NUMC_COMPLEX128, &g));
  CHECK(numc_dtype_of(g) == NUMC_COMPLEX128 && numc_is_f_contiguous(g));
  CHECK(value_at(g, 23) == -1.5);
  numc_array *x = NULL;
  CHECK_STATUS(numc_zeros_like(f, 42, &x), NUMC_EINVAL);
  CHECK_STATUS(numc_zeros_like(NULL, -1, &x), NUMC_EINVAL);
  CHECK_ERROR(numc_full_like(o, numc_int(70000), -1, &x), NUMC_EVALUE, "out of bounds for int16");
  CHECK(x == NULL);
  numc_free(f);
  numc_free(t);
  numc_free(z);
  numc_free(o);
  numc_free(e);
  numc_free(g);
}

TEST(arange_values) {
  numc_array *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL;
  CHECK_OK(numc_arange(0, 5, 1, NUMC_INT64, &a));
  CHECK_VALUES(a, 0, 1, 2, 3, 4);
  CHECK_OK(numc_arange(5, 0, -2, NUMC_FLOAT64, &b));
  CHECK_VALUES(b, 5, 3, 1);
  /* NumPy's integer quirk: delta is int(start + step) - int(start) = 1, not 1.5 */
  CHECK_OK(numc_arange(0, 5, 1.5, NUMC_INT64, &c));
  CHECK_VALUES(c, 0, 1, 2, 3);
  /* uint8 wraps in the dtype's own arithmetic */
  CHECK_OK(numc_arange(253, 258, 1, NUMC_UINT8, &d));
  CHECK_VALUES(d, 253, 254, 255, 0, 1);
  /* float32 computes start + i*delta in float */
  CHECK_OK(numc_arange(0, 1, 0.1, NUMC_FLOAT32, &e));
  CHECK_EQ_INT(numc_size(e), 10);
  float d32 = (float)0.1 - 0.0f;
  CHECK(((float *)numc_data(e))[7] == 0.0f + 7.0f * d32);
  CHECK_OK(numc_arange(0, 2, 1, NUMC_BOOL, &f));
  CHECK_VALUES(f, 0, 1);
  numc_free(a);
  numc_free(b);
  numc_free(c);
  numc_free(d);
  numc_free(e);
  numc_free(f);
}

TEST(arange_edges) {
  numc_array *a = NULL, *b = NULL, *x = NULL;
  CHECK_OK(numc_arange(0, -3, 1, NUMC_FLOAT64, &a));
  CHECK_SHAPE(a, 0);
  CHECK_OK(numc_arange(0, 1e-320, 1e300, NUMC_FLOAT64, &b)); /* underflowing length: 1 */
  CHECK_SHAPE(b, 1);
  CHECK_ERROR(numc_arange(0, 10, 0, NUMC_INT64, &x), NUMC_EVALUE, "division by zero");
  CHECK_ERROR(numc_arange(0, NAN, 1, NUMC_FLOAT64, &x), NUMC_EVALUE, "cannot compute length");
  CHECK_ERROR(numc_arange(0, INFINITY, 1, NUMC_FLOAT64, &x), NUMC_EVALUE, "Maximum allowed size");
  CHECK_ERROR(numc_arange(0, 3, 1, NUMC_BOOL, &x), NUMC_EINVAL, "at most length 2");
  CHECK(x == NULL);
  numc_free(a);
  numc_free(b);
}

TEST(linspace_logspace) {
  numc_array *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *x = NULL;
  CHECK_OK(numc_linspace(0, 1, 5, true, NUMC_FLOAT64, &a));
  CHECK_VALUES(a, 0, 0.25, 0.5, 0.75, 1);
  CHECK_OK(numc_linspace(0, 1, 4, false, NUMC_FLOAT32, &b));
  CHECK_VALUES(b, 0, 0.25, 0.5, 0.75);
  /* integer dtypes floor first: -0.5 becomes -1, not 0 */
  CHECK_OK(numc_linspace(-1, 1, 5, true, NUMC_INT64, &c));
  CHECK_VALUES(c, -1, -1, 0, 0, 1);
  CHECK_OK(numc_linspace(3, 7, 1, true, NUMC_FLOAT64, &d));
  CHECK_VALUES(d, 3);
  CHECK_OK(numc_logspace(0, 3, 4, true, 10, NUMC_FLOAT64, &e));
  CHECK_VALUES(e, 1, 10, 100, 1000);
  CHECK_ERROR(numc_linspace(0, 1, -1, true, NUMC_FLOAT64, &x), NUMC_EVALUE,
              "Number of samples, -1, must be non-negative.");
  CHECK(x == NULL);
  /* the last value is stop exactly even when the arithmetic rounds */
  numc_array *f = NULL;
  CHECK_OK(numc_linspace(0.1, 0.7, 7, true, NUMC_FLOAT64, &f));
  CHECK(value_at(f, 6) == 0.7);
  CHECK(value_at(f, 3) == 3 * ((0.7 - 0.1) / 6) + 0.1);
  numc_free(a);
  numc_free(b);
  numc_free(c);
  numc_free(d);
  numc_free(e);
  numc_free(f);
}

TEST(geomspace_values) {
  numc_array *a = NULL, *b = NULL, *c = NULL, *d = NULL, *x = NULL;
  CHECK_OK(numc_geomspace(1, 1000, 4, true, NUMC_FLOAT64, &a));
  CHECK_NEAR(value_at(a, 1), 10, 1e-12);
  CHECK(value_at(a, 0) == 1 && value_at(a, 3) == 1000);
  CHECK_OK(numc_geomspace(-1000, -1, 4, true, NUMC_FLOAT64, &b));
  CHECK_NEAR(value_at(b, 1), -100, 1e-12);
  CHECK(value_at(b, 3) == -1);
  CHECK_OK(numc_geomspace(-1, 1, 3, true, NUMC_FLOAT64, &c)); /* no real path through 0 */
  CHECK(isnan(value_at(c, 1)) && value_at(c, 0) == -1 && value_at(c, 2) == 1);
  CHECK_OK(numc_geomspace(-1, 1, 3, true, NUMC_COMPLEX128, &d)); /* around the unit circle */
  numc_scalar mid;
  CHECK_OK(numc_get(d, (int64_t[]){1}, &mid));
  CHECK_NEAR(mid.v.c[0], 0, 1e-12);
  CHECK_NEAR(mid.v.c[1], 1, 1e-12);
  CHECK_ERROR(numc_geomspace(0, 1, 3, true, NUMC_FLOAT64, &x), NUMC_EVALUE,
              "Geometric sequence cannot include zero");
  CHECK(x == NULL);
  numc_free(a);
  numc_free(b);
  numc_free(c);
  numc_free(d);
}

TEST(eye_identity_tri) {
  numc_array *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;
  CHECK_OK(numc_eye(3, 4, 1, NUMC_INT32, &a));
  CHECK_VALUES(a, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
  CHECK_OK(numc_eye(3, -1, -1, NUMC_FLOAT64, &b));
  CHECK_VALUES(b, 0, 0, 0, 1, 0, 0, 0, 1, 0);
  CHECK_OK(numc_eye(2, 2, 5, NUMC_FLOAT64, &c));
  CHECK_VALUES(c, 0, 0, 0, 0);
  CHECK_OK(numc_identity(2, NUMC_BOOL, &d));
  CHECK_VALUES(d, 1, 0, 0, 1);
  CHECK_OK(numc_tri(3, 2, -1, NUMC_UINT8, &e));
  CHECK_VALUES(e, 0, 0, 1, 0, 1, 1);
  numc_array *x = NULL;
  CHECK_ERROR(numc_eye(-1, 2, 0, NUMC_FLOAT64, &x), NUMC_EVALUE, "negative dimensions");
  CHECK(x == NULL);
  numc_free(a);
  numc_free(b);
  numc_free(c);
  numc_free(d);
  numc_free(e);
}

TEST(tril_triu) {
  numc_array *a = NULL, *m = NULL, *lo = NULL, *up = NULL, *s = NULL, *v = NULL, *w = NULL;
  CHECK_OK(numc_arange(1, 13, 1, NUMC_INT16, &a));
  CHECK_OK(numc_reshape(a, (int64_t[]){3, 4}, 2, NUMC_ORDER_F, &m)); /* a Fortran-order input */
  /* m = [[1 4 7 10] [2 5 8 11] [3 6 9 12]] */
  CHECK_OK(numc_tril(m, 0, &lo));
  CHECK_VALUES(lo, 1, 0, 0, 0, 2, 5, 0, 0, 3, 6, 9, 0);
  CHECK_OK(numc_triu(m, 1, &up));
  CHECK_VALUES(up, 0, 4, 7, 10, 0, 0, 8, 11, 0, 0, 0, 12);
  CHECK(numc_dtype_of(up) == NUMC_INT16);
  numc_array *st = NULL;
  CHECK_OK(numc_reshape(a, (int64_t[]){2, 2, 3}, 3, NUMC_ORDER_C, &st)); /* a stack of 2x3 */
  CHECK_OK(numc_triu(st, 0, &s));
  CHECK_VALUES(s, 1, 2, 3, 0, 5, 6, 7, 8, 9, 0, 11, 12);
  numc_array *r = NULL;
  CHECK_OK(numc_arange(1, 4, 1, NUMC_FLOAT64, &r));
  CHECK_OK(numc_tril(r, -1, &v)); /* 1-D: broadcast to a square, like NumPy */
  CHECK_SHAPE(v, 3, 3);
  CHECK_VALUES(v, 0, 0, 0, 1, 0, 0, 1, 2, 0);
  CHECK_OK(numc_triu(r, INT64_MIN, &w));
  CHECK_VALUES(w, 1, 2, 3, 1, 2, 3, 1, 2, 3);
  numc_array *x = NULL, *z = NULL;
  CHECK_OK(numc_scalar_array(numc_float(1), &z));
  CHECK_STATUS(numc_tril(z, 0, &x), NUMC_EVALUE);
  CHECK(x == NULL);
  numc_free(a);
  numc_free(m);
  numc_free(lo);
  numc_free(up);
  numc_free(st);
  numc_free(s);
  numc_free(r);
  numc_free(v);
  numc_free(w);
  numc_free(z);
}

TEST(diag_both_ways) {
  numc_array *v = NULL, *rev = NULL, *m = NULL, *m2 = NULL, *d0 = NULL, *d1 = NULL, *dn = NULL,
             *de = NULL;
  CHECK_OK(numc_arange(1, 3, 1, NUMC_INT64, &v));
  CHECK_OK(numc_slice_str(v, "::-1", &rev)); /* [2, 1], a negative stride */
  CHECK_OK(numc_diag(rev, 1, &m));
  CHECK_VALUES(m, 0, 2, 0, 0, 0, 1, 0, 0, 0);
  CHECK_OK(numc_diag(v, -2, &m2));
  CHECK_SHAPE(m2, 4, 4);
  CHECK_VALUES(m2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0);
  numc_array *a = NULL, *g = NULL;
  CHECK_OK(numc_arange(0, 12, 1, NUMC_FLOAT32, &a));
  CHECK_OK(numc_reshape(a, (int64_t[]){3, 4}, 2, NUMC_ORDER_C, &g));
  CHECK_OK(numc_diag(g, 0, &d0));
  CHECK_VALUES(d0, 0, 5, 10);
  CHECK_OK(numc_diag(g, 2, &d1));
  CHECK_VALUES(d1, 2, 7);
  CHECK_OK(numc_diag(g, -1, &dn));
  CHECK_VALUES(dn, 4, 9);
  CHECK(!numc_may_share_memory(dn, g)); /* documented: a copy */
  CHECK_OK(numc_diag(g, 7, &de));
  CHECK_SHAPE(de, 0);
  numc_array *x = NULL, *c = NULL;
  CHECK_OK(numc_zeros((int64_t[]){2, 2, 2}, 3, NUMC_FLOAT64, NUMC_ORDER_C, &c));
  CHECK_ERROR(numc_diag(c, 0, &x), NUMC_EVALUE, "Input must be 1- or 2-d.");
  CHECK_STATUS(numc_diag(v, INT64_MIN, &x), NUMC_EOVERFLOW);
  CHECK(x == NULL);
  numc_free(v);
  numc_free(rev);
  numc_free(m);
  numc_free(m2);
  numc_free(a);
  numc_free(g);
  numc_free(d0);
  numc_free(d1);
  numc_free(dn);
  numc_free(de);
  numc_free(c);
}

TEST(buffers_and_scalars) {
  const int32_t data[6] = {1, 2, 3, 4, 5, 6};
  numc_array *a = NULL, *s = NULL, *t = NULL, *x = NULL;
  CHECK_OK(numc_from_buffer(data, SHP(2, 3), NUMC_INT32, &a));
  CHECK_VALUES(a, 1, 2, 3, 4, 5, 6);
  CHECK(numc_data(a) != (void *)data);
  CHECK_STATUS(numc_from_buffer(NULL, SHP(2), NUMC_INT32, &x), NUMC_EINVAL);
  CHECK_OK(numc_from_buffer(NULL, SHP(0), NUMC_INT32, &x));
  numc_free(x);
  CHECK_OK(numc_scalar_array(numc_int(5), &s));
  CHECK_SHAPE0(s);
  CHECK(numc_dtype_of(s) == NUMC_INT64 && numc__is_weak(s));
  CHECK_OK(numc_scalar_array(numc_scalar_of(NUMC_FLOAT32, 2.5), &t));
  CHECK(numc_dtype_of(t) == NUMC_FLOAT32 && !numc__is_weak(t));
  CHECK_VALUES(t, 2.5);
  numc_free(a);
  numc_free(s);
  numc_free(t);
}

TEST(copy_orders) {
  numc_array *a = NULL, *m = NULL, *t = NULL, *r = NULL, *c = NULL, *f = NULL, *k = NULL,
             *any = NULL, *kr = NULL;
  CHECK_OK(numc_arange(0, 6, 1, NUMC_INT64, &a));
  CHECK_OK(numc_reshape(a, SHP(2, 3), NUMC_ORDER_C, &m));
  CHECK_OK(numc_transpose(m, NULL, &t)); /* (3, 2), F-contiguous */
  CHECK_OK(numc_copy(t, NUMC_ORDER_C, &c));
  CHECK(numc_is_c_contiguous(c) && !numc_may_share_memory(c, t));
  CHECK_VALUES(c, 0, 3, 1, 4, 2, 5);
  CHECK_OK(numc_copy(t, NUMC_ORDER_F, &f));
  CHECK_STRIDES(f, 8, 24);
  CHECK_OK(numc_copy(t, NUMC_ORDER_A, &any));
  CHECK(numc_is_f_contiguous(any));
  CHECK_OK(numc_slice_str(m, "::-1, ::2", &r)); /* negative and non-unit strides */
  CHECK_OK(numc_copy(r, NUMC_ORDER_K, &k));
  CHECK_VALUES(k, 3, 5, 0, 2);
  CHECK_STRIDES(k, 16, 8);
  CHECK_OK(numc_astype(r, NUMC_FLOAT16, &kr));
  CHECK(numc_dtype_of(kr) == NUMC_FLOAT16);
  CHECK_VALUES(kr, 3, 5, 0, 2);
  numc_array *x = NULL;
  CHECK_STATUS(numc_copy(t, (numc_order)7, &x), NUMC_EINVAL);
  CHECK_STATUS(numc_astype(t, (numc_dtype)-3, &x), NUMC_EINVAL);
  CHECK(x == NULL);
  numc_free(a);
  numc_free(m);
  numc_free(t);
  numc_free(r);
  numc_free(c);
  numc_free(f);
  numc_free(k);
  numc_free(any);
  numc_free(kr);
}

TEST(astype_truncates) {
  numc_array *a = NULL, *b = NULL;
  CHECK_OK(numc_linspace(-2, 2, 5, true, NUMC_FLOAT64, &a));
  CHECK_OK(numc_astype(a, NUMC_INT8, &b));
  CHECK_VALUES(b, -2, -1, 0, 1, 2);
  numc_free(b);
  b = NULL;
  CHECK_OK(numc_arange(-1.5, 2, 1, NUMC_FLOAT32, &b));
  numc_array *c = NULL;
  CHECK_OK(numc_astype(b, NUMC_INT32, &c));
  CHECK_VALUES(c, -1, 0, 0, 1); /* toward zero */
  numc_free(a);
  numc_free(b);
  numc_free(c);
}

TEST(as_contiguous) {
  numc_array *a = NULL, *m = NULL, *t = NULL, *c1 = NULL, *c2 = NULL, *f1 = NULL, *s = NULL,
             *s1 = NULL;
  CHECK_OK(numc_arange(0, 6, 1, NUMC_FLOAT64, &a));
  CHECK_OK(numc_reshape(a, SHP(2, 3), NUMC_ORDER_C, &m));
  CHECK_OK(numc_ascontiguousarray(m, &c1));
  CHECK(numc_may_share_memory(c1, m)); /* already contiguous: no copy */
  CHECK_OK(numc_transpose(m, NULL, &t));
  CHECK_OK(numc_ascontiguousarray(t, &c2));
  CHECK(numc_is_c_contiguous(c2) && !numc_may_share_memory(c2, t));
  CHECK_VALUES(c2, 0, 3, 1, 4, 2, 5);
  CHECK_OK(numc_asfortranarray(t, &f1));
  CHECK(numc_may_share_memory(f1, t));
  CHECK_OK(numc_scalar_array(numc_float(4), &s));
  CHECK_OK(numc_asfortranarray(s, &s1)); /* ndmin=1 */
  CHECK_SHAPE(s1, 1);
  CHECK_VALUES(s1, 4);
  numc_free(a);
  numc_free(m);
  numc_free(t);
  numc_free(c1);
  numc_free(c2);
  numc_free(f1);
  numc_free(s);
  numc_free(s1);
}

/* The table entries parse NumPy-style options and call the functions above. */
TEST(table_calls) {
  numc_array *out[2] = {NULL, NULL};
  int nout = 0;
  CHECK_OK(numc_call("arange", NULL, 0, (const char *[]){"stop=4"}, 1, out, 2, &nout));
  CHECK(nout == 1 && numc_dtype_of(out[0]) == NUMC_INT64);
  CHECK_VALUES(out[0], 0, 1, 2, 3);
  numc_free(out[0]);
  CHECK_OK(numc_call("arange", NULL, 0, (const char *[]){"stop=2", "step=0.5"}, 2, out, 2, &nout));
  CHECK(numc_dtype_of(out[0]) == NUMC_FLOAT64);
  numc_free(out[0]);
  CHECK_OK(numc_call("full", NULL, 0, (const char *[]){"shape=2,1", "fill_value=1+2j"}, 2, out, 2,
                     &nout));
  CHECK(numc_dtype_of(out[0]) == NUMC_COMPLEX128);
  CHECK_SHAPE(out[0], 2, 1);
  const numc_array *in[1] = {out[0]};
  CHECK_OK(numc_call("zeros_like", in, 1, (const char *[]){"dtype=int8"}, 1, out + 1, 1, &nout));
  CHECK(numc_dtype_of(out[1]) == NUMC_INT8);
  numc_free(out[0]);
  numc_free(out[1]);
  CHECK_OK(numc_call("eye", NULL, 0, (const char *[]){"N=2", "k=1"}, 2, out, 2, &nout));
  CHECK_VALUES(out[0], 0, 1, 0, 0);
  numc_free(out[0]);
  out[0] = NULL;
  CHECK_STATUS(numc_call("zeros", NULL, 0, (const char *[]){"shape=2", "order=K"}, 2, out, 2, &nout),
               NUMC_EINVAL);
  CHECK_STATUS(numc_call("linspace", NULL, 0, (const char *[]){"start=0"}, 1, out, 2, &nout),
               NUMC_EINVAL);
  CHECK(out[0] == NULL);
}

TESTS(CASE(zeros_ones_empty), CASE(creation_errors), CASE(full_values), CASE(like_functions),
      CASE(arange_values), CASE(arange_edges), CASE(linspace_logspace), CASE(geomspace_values),
      CASE(eye_identity_tri), CASE(tril_triu), CASE(diag_both_ways), CASE(buffers_and_scalars),
      CASE(copy_orders), CASE(astype_truncates), CASE(as_contiguous), CASE(table_calls))
