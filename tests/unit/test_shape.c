/* Views and shape manipulation: reshape, ravel, transposes, squeeze, broadcasting,
 * slicing. */
#include "values.h"

#define SHP(...) (int64_t[]){__VA_ARGS__}, N_OF_(int64_t, __VA_ARGS__)

/* arange(n) as int64 reshaped to `shape` (C order). */
static numc_array *grid(const int64_t *shape, int ndim) {
  numc_array *a = NULL, *r = NULL;
  int64_t n = 1;
  for (int i = 0; i < ndim; i++) n *= shape[i];
  CHECK_OK(numc_arange(0, (double)n, 1, NUMC_INT64, &a));
  CHECK_OK(numc_reshape(a, shape, ndim, NUMC_ORDER_C, &r));
  numc_free(a);
  return r;
}

TEST(reshape_views_and_copies) {
  numc_array *m = grid(SHP(3, 4)), *a = NULL, *b = NULL, *s = NULL, *v = NULL, *c = NULL, *f = NULL;
  CHECK_OK(numc_reshape(m, SHP(2, -1), NUMC_ORDER_C, &a));
  CHECK_SHAPE(a, 2, 6);
  CHECK(numc_may_share_memory(a, m));
  CHECK_OK(numc_reshape(m, SHP(2, 6), NUMC_ORDER_F, &f)); /* F order on a C array: a copy */
  CHECK(!numc_may_share_memory(f, m));
  CHECK_VALUES(f, 0, 8, 5, 2, 10, 7, 4, 1, 9, 6, 3, 11);
  /* m[:, ::2] has strides (32, 16): its two axes still join into one */
  CHECK_OK(numc_slice_str(m, ":, ::2", &s));
  CHECK_OK(numc_reshape(s, SHP(6), NUMC_ORDER_C, &v));
  CHECK(numc_may_share_memory(v, m));
  CHECK_STRIDES(v, 16);
  CHECK_VALUES(v, 0, 2, 4, 6, 8, 10);
  numc_free(s);
  /* m[:, :2] has strides (32, 8): no view can flatten it */
  CHECK_OK(numc_slice_str(m, ":, :2", &s));
  CHECK_OK(numc_reshape(s, SHP(-1), NUMC_ORDER_C, &c));
  CHECK(!numc_may_share_memory(c, m));
  CHECK_VALUES(c, 0, 1, 4, 5, 8, 9);
  CHECK_ERROR(numc_reshape(m, NULL, 0, NUMC_ORDER_C, &b), NUMC_EVALUE, "size 12 into shape ()");
  numc_free(m);
  numc_free(a);
  numc_free(b);
  numc_free(s);
  numc_free(v);
  numc_free(c);
  numc_free(f);
}

TEST(reshape_special_shapes) {
  numc_array *m = grid(SHP(2, 3)), *t = NULL, *a = NULL, *z = NULL, *e = NULL, *o = NULL, *p = NULL;
  CHECK_OK(numc_transpose(m, NULL, &t)); /* F-contiguous: order F and A reshape as views */
  CHECK_OK(numc_reshape(t, SHP(6), NUMC_ORDER_A, &a));
  CHECK(numc_may_share_memory(a, t));
  CHECK_VALUES(a, 0, 1, 2, 3, 4, 5);
  CHECK_OK(numc_zeros(SHP(0, 3), NUMC_FLOAT32, NUMC_ORDER_C, &z));
  CHECK_OK(numc_reshape(z, SHP(3, -1, 5), NUMC_ORDER_C, &e));
  CHECK_SHAPE(e, 3, 0, 5);
  numc_array *x = NULL;
  CHECK_ERROR(numc_reshape(z, SHP(-1, 0), NUMC_ORDER_C, &x), NUMC_EVALUE,
              "cannot reshape array of size 0 into shape (0)");
  numc_array *one = NULL;
  CHECK_OK(numc_slice_str(m, "1, 2", &one)); /* 0-d view of the element 5 */
  CHECK_OK(numc_reshape(one, SHP(1, 1, 1), NUMC_ORDER_C, &o));
  CHECK_VALUES(o, 5);
  CHECK_OK(numc_reshape(o, NULL, 0, NUMC_ORDER_F, &p));
  CHECK_SHAPE0(p);
  CHECK(numc_may_share_memory(p, m));
  numc_free(m);
  numc_free(t);
  numc_free(a);
  numc_free(z);
  numc_free(e);
  numc_free(one);
  numc_free(o);
  numc_free(p);
}

TEST(reshape_errors) {
  numc_array *m = grid(SHP(2, 3)), *x = NULL;
  CHECK_ERROR(numc_reshape(m, SHP(4), NUMC_ORDER_C, &x), NUMC_EVALUE,
              "cannot reshape array of size 6 into shape (4,)");
  CHECK_ERROR(numc_reshape(m, SHP(4, -1), NUMC_ORDER_C, &x), NUMC_EVALUE,
              "cannot reshape array of size 6 into shape (4,newaxis)");
  CHECK_ERROR(numc_reshape(m, SHP(-1, 4), NUMC_ORDER_C, &x), NUMC_EVALUE, "into shape (4)");
  CHECK_ERROR(numc_reshape(m, SHP(-1, -1), NUMC_ORDER_C, &x), NUMC_EVALUE,
              "can only specify one unknown dimension");
  CHECK_ERROR(numc_reshape(m, SHP(6), NUMC_ORDER_K, &x), NUMC_EVALUE,
              "order 'K' is not permitted for reshaping");
  CHECK_STATUS(numc_reshape(m, SHP(INT64_MAX, 4), NUMC_ORDER_C, &x), NUMC_EVALUE);
  CHECK_STATUS(numc_reshape(NULL, SHP(6), NUMC_ORDER_C, &x), NUMC_EINVAL);
  CHECK(x == NULL);
  numc_free(m);
}

TEST(ravel_and_flatten) {
  numc_array *m = grid(SHP(2, 3)), *t = NULL, *r = NULL, *rc = NULL, *rk = NULL, *rev = NULL,
             *rrev = NULL, *fl = NULL, *ff = NULL;
  CHECK_OK(numc_ravel(m, NUMC_ORDER_C, &r));
  CHECK(numc_may_share_memory(r, m));
  CHECK_OK(numc_transpose(m, NULL, &t));
  CHECK_OK(numc_ravel(t, NUMC_ORDER_C, &rc));
  CHECK(!numc_may_share_memory(rc, m));
  CHECK_VALUES(rc, 0, 3, 1, 4, 2, 5);
  CHECK_OK(numc_ravel(t, NUMC_ORDER_K, &rk)); /* memory order: a view */
  CHECK(numc_may_share_memory(rk, m));
  CHECK_VALUES(rk, 0, 1, 2, 3, 4, 5);
  CHECK_OK(numc_slice_str(m, "::-1, ::-1", &rev));
  CHECK_OK(numc_ravel(rev, NUMC_ORDER_K, &rrev)); /* negative strides: a copy, not reversed */
  CHECK(!numc_may_share_memory(rrev, m));
  CHECK_VALUES(rrev, 5, 4, 3, 2, 1, 0);
  CHECK_OK(numc_flatten(m, NUMC_ORDER_C, &fl));
  CHECK(!numc_may_share_memory(fl, m));
  CHECK_VALUES(fl, 0, 1, 2, 3, 4, 5);
  CHECK_OK(numc_flatten(m, NUMC_ORDER_F, &ff));
  CHECK_VALUES(ff, 0, 3, 1, 4, 2, 5);
  numc_array *x = NULL;
  CHECK_STATUS(numc_ravel(m, (numc_order)9, &x), NUMC_EINVAL);
  CHECK(x == NULL);
  numc_free(m);
  numc_free(t);
  numc_free(r);
  numc_free(rc);
  numc_free(rk);
  numc_free(rev);
  numc_free(rrev);
  numc_free(fl);
  numc_free(ff);
}

TEST(transpose_swap_move) {
  numc_array *a = grid(SHP(2, 3, 4)), *t = NULL, *p = NULL, *s = NULL, *mv = NULL, *mv2 = NULL;
  CHECK_OK(numc_transpose(a, NULL, &t));
  CHECK_SHAPE(t, 4, 3, 2);
  CHECK_STRIDES(t, 8, 32, 96);
  CHECK_OK(numc_transpose(a, NUMC_AXES(1, -1, 0), &p));
  CHECK_SHAPE(p, 3, 4, 2);
  CHECK(value_at(p, 1) == 12); /* p[0, 0, 1] = a[1, 0, 0] */
  CHECK_OK(numc_swapaxes(a, 0, -1, &s));
  CHECK_SHAPE(s, 4, 3, 2);
  CHECK_OK(numc_moveaxis(a, NUMC_AXES(0), NUMC_AXES(-1), &mv));
  CHECK_SHAPE(mv, 3, 4, 2);
  CHECK_OK(numc_moveaxis(a, NUMC_AXES(0, 1), NUMC_AXES(-1, -2), &mv2));
  CHECK_SHAPE(mv2, 4, 3, 2);
  CHECK(numc_may_share_memory(mv2, a));
  numc_array *x = NULL;
  CHECK_ERROR(numc_transpose(a, NUMC_AXES(0, 1), &x), NUMC_EVALUE, "axes don't match array");
  CHECK_ERROR(numc_transpose(a, NUMC_AXES(0, 0, 1), &x), NUMC_EVALUE, "repeated axis in transpose");
  CHECK_ERROR(numc_transpose(a, NUMC_AXES(0, 1, 3), &x), NUMC_EAXIS,
              "axis 3 is out of bounds for array of dimension 3");
  CHECK_ERROR(numc_swapaxes(a, 0, 3, &x), NUMC_EAXIS, "axis 3 is out of bounds");
  CHECK_ERROR(numc_moveaxis(a, NUMC_AXES(4), NUMC_AXES(0), &x), NUMC_EAXIS,
              "source: axis 4 is out of bounds for array of dimension 3");
  CHECK_ERROR(numc_moveaxis(a, NUMC_AXES(0, 0), NUMC_AXES(1, 2), &x), NUMC_EVALUE,
              "repeated axis in `source` argument");
  CHECK_ERROR(numc_moveaxis(a, NUMC_AXES(0), NUMC_AXES(1, 2), &x), NUMC_EVALUE,
              "must have the same number of elements");
  CHECK(x == NULL);
  numc_free(a);
  numc_free(t);
  numc_free(p);
  numc_free(s);
  numc_free(mv);
  numc_free(mv2);
}

TEST(squeeze_expand) {
  numc_array *a = grid(SHP(1, 3, 1)), *s = NULL, *s0 = NULL, *e = NULL, *e2 = NULL, *x = NULL;
  CHECK_OK(numc_squeeze(a, NULL, &s));
  CHECK_SHAPE(s, 3);
  CHECK_OK(numc_squeeze(a, NUMC_AXES(-1), &s0));
  CHECK_SHAPE(s0, 1, 3);
  CHECK_ERROR(numc_squeeze(a, NUMC_AXES(1), &x), NUMC_EVALUE,
              "cannot select an axis to squeeze out which has size not equal to one");
  CHECK_STATUS(numc_squeeze(a, NUMC_AXES(3), &x), NUMC_EAXIS);
  CHECK_OK(numc_expand_dims(s, NUMC_AXES(0, -1), &e));
  CHECK_SHAPE(e, 1, 3, 1);
  CHECK(numc_is_c_contiguous(e) && numc_may_share_memory(e, a));
  CHECK_OK(numc_expand_dims(s, NUMC_AXES(1), &e2));
  CHECK_SHAPE(e2, 3, 1);
  CHECK_ERROR(numc_expand_dims(s, NUMC_AXES(0, 0), &x), NUMC_EVALUE, "repeated axis");
  CHECK_ERROR(numc_expand_dims(s, NUMC_AXES(3), &x), NUMC_EAXIS,
              "axis 3 is out of bounds for array of dimension 2");
  CHECK(x == NULL);
  numc_free(a);
  numc_free(s);
  numc_free(s0);
  numc_free(e);
  numc_free(e2);
}

TEST(broadcasting_views) {
  numc_array *a = grid(SHP(3)), *b = NULL, *x = NULL;
  CHECK_OK(numc_broadcast_to(a, SHP(2, 3), &b));
  CHECK_STRIDES(b, 0, 8);
  CHECK(!numc_is_writeable(b) && numc_is_writeable(a));
  CHECK_STATUS(numc_set(b, (int64_t[]){0, 0}, numc_int(1)), NUMC_EREADONLY);
  CHECK_VALUES(b, 0, 1, 2, 0, 1, 2);
  CHECK_ERROR(numc_broadcast_to(a, SHP(4), &x), NUMC_ESHAPE,
              "operands could not be broadcast together with remapped shapes [original->remapped]: (3,)  and requested shape (4,)");
  CHECK_ERROR(numc_broadcast_to(a, SHP(-1, 3), &x), NUMC_EVALUE,
              "all elements of broadcast shape must be non-negative");
  CHECK_STATUS(numc_broadcast_to(a, NULL, 0, &x), NUMC_ESHAPE);
  CHECK(x == NULL);
  numc_array *col = grid(SHP(2, 1)), *outs[2] = {NULL, NULL};
  const numc_array *ins[2] = {a, col};
  CHECK_OK(numc_broadcast_arrays(ins, 2, outs));
  CHECK_SHAPE(outs[0], 2, 3);
  CHECK_SHAPE(outs[1], 2, 3);
  CHECK_VALUES(outs[1], 0, 0, 0, 1, 1, 1);
  numc_free(outs[0]);
  numc_free(outs[1]);
  numc_array *bad = grid(SHP(2)), *outs2[2] = {NULL, NULL};
  const numc_array *ins2[2] = {a, bad};
  CHECK_ERROR(numc_broadcast_arrays(ins2, 2, outs2), NUMC_ESHAPE, "(3,) (2,)");
  CHECK(outs2[0] == NULL && outs2[1] == NULL);
  numc_free(a);
  numc_free(b);
  numc_free(col);
  numc_free(bad);
}

TEST(slice_view_ranges) {
  numc_array *a = grid(SHP(10)), *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL, *x = NULL;
  numc_slice r1[] = {NUMC_RANGE(8, 2, -2)};
  CHECK_OK(numc_slice_view(a, r1, 1, &s1));
  CHECK_VALUES(s1, 8, 6, 4);
  CHECK_STRIDES(s1, -16);
  numc_slice r2[] = {{NUMC_SLICE_RANGE, -100, 100, 3, true, true}}; /* clamped like Python */
  CHECK_OK(numc_slice_view(a, r2, 1, &s2));
  CHECK_VALUES(s2, 0, 3, 6, 9);
  numc_slice r3[] = {{NUMC_SLICE_RANGE, 0, 0, -1, false, false}}; /* ::-1 */
  CHECK_OK(numc_slice_view(a, r3, 1, &s3));
  CHECK_VALUES(s3, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
  numc_slice r4[] = {NUMC_NEWAXIS, NUMC_RANGE(5, 5, 1), NUMC_NEWAXIS};
  CHECK_OK(numc_slice_view(a, r4, 3, &s4));
  CHECK_SHAPE(s4, 1, 0, 1);
  numc_slice bad[] = {NUMC_INDEX(10)};
  CHECK_ERROR(numc_slice_view(a, bad, 1, &x), NUMC_EINDEX,
              "index 10 is out of bounds for axis 0 with size 10");
  numc_slice two[] = {NUMC_INDEX(1), NUMC_INDEX(1)};
  CHECK_ERROR(numc_slice_view(a, two, 2, &x), NUMC_EINDEX,
              "too many indices for array: array is 1-dimensional, but 2 were indexed");
  CHECK(x == NULL);
  numc_free(a);
  numc_free(s1);
  numc_free(s2);
  numc_free(s3);
  numc_free(s4);
}

TEST(slice_strings) {
  numc_array *m = grid(SHP(3, 4)), *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *x = NULL;
  CHECK_OK(numc_slice_str(m, " 1: , ::-1 ", &a));
  CHECK_SHAPE(a, 2, 4);
  CHECK_VALUES(a, 7, 6, 5, 4, 11, 10, 9, 8);
  CHECK_OK(numc_slice_str(m, "..., -1", &b));
  CHECK_VALUES(b, 3, 7, 11);
  CHECK_OK(numc_slice_str(m, "None, 2, ..., None", &c));
  CHECK_SHAPE(c, 1, 4, 1);
  CHECK_VALUES(c, 8, 9, 10, 11);
  CHECK_OK(numc_slice_str(m, "-2,", &d)); /* a 1-tuple */
  CHECK_VALUES(d, 4, 5, 6, 7);
  CHECK_OK(numc_slice_str(m, "", &e)); /* a[()] */
  CHECK_SHAPE(e, 3, 4);
  CHECK(numc_may_share_memory(e, m));
  CHECK_ERROR(numc_slice_str(m, "::0", &x), NUMC_EVALUE, "slice step cannot be zero");
  CHECK_ERROR(numc_slice_str(m, "1, x", &x), NUMC_EINVAL, "'x'");
  CHECK_ERROR(numc_slice_str(m, "1:2:3:4", &x), NUMC_EINVAL, "1:2:3:4");
  CHECK_STATUS(numc_slice_str(m, "1,,2", &x), NUMC_EINVAL);
  CHECK_ERROR(numc_slice_str(m, "..., 0, ...", &x), NUMC_EINDEX, "single ellipsis");
  CHECK_ERROR(numc_slice_str(m, "0, 0, 0", &x), NUMC_EINDEX, "too many indices");
  CHECK_ERROR(numc_slice_str(m, "5", &x), NUMC_EINDEX, "index 5 is out of bounds for axis 0 with size 3");
  CHECK(x == NULL);
  numc_free(m);
  numc_free(a);
  numc_free(b);
  numc_free(c);
  numc_free(d);
  numc_free(e);
}

/* Writing through a view changes the base: views share memory. */
TEST(views_share_writes) {
  numc_array *m = grid(SHP(2, 3)), *t = NULL;
  CHECK_OK(numc_transpose(m, NULL, &t));
  CHECK_OK(numc_set(t, (int64_t[]){2, 1}, numc_int(-1)));
  CHECK_VALUES(m, 0, 1, 2, 3, 4, -1);
  numc_free(m); /* the view keeps the buffer alive */
  CHECK(value_at(t, 5) == -1);
  numc_free(t);
}

TEST(table_calls) {
  numc_array *m = grid(SHP(2, 3)), *out[3] = {NULL, NULL, NULL};
  const numc_array *in[2] = {m, NULL};
  int nout = 0;
  CHECK_OK(numc_call("reshape", in, 1, (const char *[]){"shape=3,-1", "order=F"}, 2, out, 3, &nout));
  CHECK_SHAPE(out[0], 3, 2);
  CHECK_VALUES(out[0], 0, 4, 3, 2, 1, 5);
  numc_free(out[0]);
  CHECK_OK(numc_call("permute_dims", in, 1, (const char *[]){"axes=1,0"}, 1, out, 3, &nout));
  CHECK_SHAPE(out[0], 3, 2);
  numc_free(out[0]);
  numc_array *row = grid(SHP(3));
  in[1] = row;
  CHECK_OK(numc_call("broadcast_arrays", in, 2, NULL, 0, out, 3, &nout));
  CHECK_EQ_INT(nout, 2);
  CHECK_SHAPE(out[1], 2, 3);
  numc_free(out[0]);
  numc_free(out[1]);
  CHECK_STATUS(numc_call("broadcast_arrays", in, 2, NULL, 0, out, 1, &nout), NUMC_EINVAL);
  CHECK(out[0] == NULL);
  CHECK_STATUS(numc_call("squeeze", in, 1, (const char *[]){"axis=0"}, 1, out, 3, &nout), NUMC_EVALUE);
  CHECK_OK(numc_call("getitem", in, 1, (const char *[]){"key=None"}, 1, out, 3, &nout));
  CHECK_SHAPE(out[0], 1, 2, 3);
  numc_free(out[0]);
  CHECK_OK(numc_call("getitem", in, 1, (const char *[]){"key=-1, ::-1"}, 1, out, 3, &nout));
  CHECK_VALUES(out[0], 5, 4, 3);
  CHECK(numc_may_share_memory(out[0], m));
  numc_free(out[0]);
  numc_free(m);
  numc_free(row);
}

TESTS(CASE(reshape_views_and_copies), CASE(reshape_special_shapes), CASE(reshape_errors),
      CASE(ravel_and_flatten), CASE(transpose_swap_move), CASE(squeeze_expand),
      CASE(broadcasting_views), CASE(slice_view_ranges), CASE(slice_strings),
      CASE(views_share_writes), CASE(table_calls))
