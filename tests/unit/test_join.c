/* Unit tests of joining, splitting, indexing and rearranging: values, shapes, dtypes,
 * views versus copies, NumPy's error messages, zero-size and 0-d inputs, and that a
 * failing call writes nothing. The NumPy oracle (cases_join.py) covers random inputs. */
#include "test.h"

/* ------------------------------------------------------------------ helpers */

static void release_heap(void *data, void *ctx) {
  (void)ctx;
  free(data);
}

/* A new C-ordered array of dtype t holding `values` (cast as numc_set casts). */
static numc_array *make(numc_dtype t, int ndim, const int64_t *shape, const double *values) {
  int64_t n = 1;
  for (int d = 0; d < ndim; d++) n *= shape[d];
  void *data = calloc((size_t)(n ? n : 1), numc_dtype_size(t));
  numc_array *a = NULL;
  if (numc_wrap(data, shape, NULL, ndim, t, true, release_heap, NULL, &a) != NUMC_OK) {
    free(data);
    return NULL;
  }
  int64_t idx[NUMC_MAXDIMS] = {0};
  for (int64_t k = 0; k < n; k++) {
    numc_set(a, idx, numc_float(values[k]));
    for (int d = ndim - 1; d >= 0 && ++idx[d] == shape[d]; d--) idx[d] = 0;
  }
  return a;
}

/* 0, 1, 2, ... of dtype t. */
static numc_array *iota(numc_dtype t, int ndim, const int64_t *shape) {
  double v[256];
  for (int i = 0; i < 256; i++) v[i] = i;
  return make(t, ndim, shape, v);
}

/* A view of `a` through numc_wrap over a's memory with other geometry (the slicing API
 * belongs to another module): `first` is the element index of the view's element 0. */
static numc_array *restride(const numc_array *a, int ndim, const int64_t *shape,
                            const int64_t *elem_strides, int64_t first) {
  int64_t strides[NUMC_MAXDIMS], item = (int64_t)numc_itemsize(a);
  for (int d = 0; d < ndim; d++) strides[d] = elem_strides[d] * item;
  numc_array *v = NULL;
  numc_wrap((char *)numc_data(a) + first * item, shape, strides, ndim, numc_dtype_of(a), true,
            NULL, NULL, &v);
  return v;
}

static double value_at(const numc_array *a, const int64_t *idx) {
  numc_scalar s;
  if (numc_get(a, idx, &s) != NUMC_OK) return NAN;
  switch (numc_dtype_kind(s.dtype)) {
  case 'b': return s.v.b;
  case 'i': return (double)s.v.i;
  case 'u': return (double)s.v.u;
  case 'f': return s.v.f;
  default: return s.v.c[0];
  }
}

/* Shape and every value in C order. */
#define CHECK_ARRAY(a, ndim, shape, ...) \
  check_array(__FILE__, __LINE__, a, ndim, shape, (const double[]){__VA_ARGS__})

static void check_array(const char *file, int line, const numc_array *a, int ndim,
                        const int64_t *shape, const double *want) {
  if (!a) {
    fprintf(stderr, "%s:%d: array is NULL\n", file, line);
    test_failures++;
    return;
  }
  bool same = numc_ndim(a) == ndim;
  for (int d = 0; same && d < ndim; d++) same = numc_shape(a)[d] == shape[d];
  if (!same) {
    fprintf(stderr, "%s:%d: shape differs (ndim %d)\n", file, line, numc_ndim(a));
    test_failures++;
    return;
  }
  int64_t idx[NUMC_MAXDIMS] = {0}, n = numc_size(a);
  for (int64_t k = 0; k < n; k++) {
    double got = value_at(a, idx);
    if (!(got == want[k] || (isnan(got) && isnan(want[k])))) {
      fprintf(stderr, "%s:%d: element %lld is %g, expected %g\n", file, line, (long long)k, got,
              want[k]);
      test_failures++;
      return;
    }
    for (int d = ndim - 1; d >= 0 && ++idx[d] == shape[d]; d--) idx[d] = 0;
  }
}

#define SHAPE(...) ((const int64_t[]){__VA_ARGS__})

static void free_all(numc_array **arrays, int n) {
  for (int i = 0; i < n; i++) numc_free(arrays[i]);
}

/* ------------------------------------------------------------ concatenate */

TEST(concatenate_axes_and_values) {
  numc_array *a = iota(NUMC_INT32, 2, SHAPE(2, 2)), *b = iota(NUMC_INT32, 2, SHAPE(1, 2));
  numc_array *c = iota(NUMC_INT32, 2, SHAPE(2, 3)), *r = NULL;
  const numc_array *ab[] = {a, b}, *ac[] = {a, c};
  CHECK_OK(numc_concatenate(ab, 2, 0, &r));
  CHECK_ARRAY(r, 2, SHAPE(3, 2), 0, 1, 2, 3, 0, 1);
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_INT32);
  CHECK(numc_is_c_contiguous(r) && !numc_may_share_memory(r, a));
  numc_free(r), r = NULL;
  CHECK_OK(numc_concatenate(ac, 2, -1, &r));
  CHECK_ARRAY(r, 2, SHAPE(2, 5), 0, 1, 0, 1, 2, 2, 3, 3, 4, 5);
  numc_free(r);
  free_all((numc_array *[]){a, b, c}, 3);
}

TEST(concatenate_promotes_like_result_type) {
  numc_array *i8 = iota(NUMC_INT8, 1, SHAPE(2)), *f32 = iota(NUMC_FLOAT32, 1, SHAPE(1));
  numc_array *u64 = iota(NUMC_UINT64, 1, SHAPE(1)), *i64 = iota(NUMC_INT64, 1, SHAPE(1));
  numc_array *b = make(NUMC_BOOL, 1, SHAPE(2), (double[]){1, 0}), *r = NULL;
  CHECK_OK(numc_concatenate((const numc_array *[]){i8, f32}, 2, 0, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_FLOAT32);
  numc_free(r), r = NULL;
  CHECK_OK(numc_concatenate((const numc_array *[]){u64, i64}, 2, 0, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_FLOAT64);
  numc_free(r), r = NULL;
  CHECK_OK(numc_concatenate((const numc_array *[]){b, i8}, 2, 0, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_INT8);
  CHECK_ARRAY(r, 1, SHAPE(4), 1, 0, 0, 1);
  numc_free(r);
  free_all((numc_array *[]){i8, f32, u64, i64, b}, 5);
}

TEST(concatenate_errors_write_nothing) {
  numc_array *a = iota(NUMC_FLOAT64, 2, SHAPE(2, 2)), *b = iota(NUMC_FLOAT64, 2, SHAPE(2, 3));
  numc_array *v = iota(NUMC_FLOAT64, 1, SHAPE(2)), *s = iota(NUMC_FLOAT64, 0, NULL), *r = NULL;
  CHECK_STATUS(numc_concatenate((const numc_array *[]){a, b}, 2, 0, &r), NUMC_ESHAPE);
  CHECK_EQ_STR(numc_last_error(), "all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 2 and the array at index 1 has size 3");
  CHECK_STATUS(numc_concatenate((const numc_array *[]){a, v}, 2, 0, &r), NUMC_ESHAPE);
  CHECK_EQ_STR(numc_last_error(), "all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)");
  CHECK_STATUS(numc_concatenate(NULL, 0, 0, &r), NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "need at least one array to concatenate");
  CHECK_STATUS(numc_concatenate((const numc_array *[]){s, s}, 2, 0, &r), NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "zero-dimensional arrays cannot be concatenated");
  CHECK_STATUS(numc_concatenate((const numc_array *[]){a, a}, 2, 2, &r), NUMC_EAXIS);
  CHECK_EQ_STR(numc_last_error(), "axis 2 is out of bounds for array of dimension 2");
  CHECK(r == NULL);
  numc_array *taken = a;
  CHECK_STATUS(numc_concatenate((const numc_array *[]){a}, 1, 0, &taken), NUMC_EINVAL);
  CHECK(taken == a);
  free_all((numc_array *[]){a, b, v, s}, 4);
}

TEST(concatenate_zero_size_and_views) {
  numc_array *e = iota(NUMC_INT16, 2, SHAPE(0, 3)), *a = iota(NUMC_INT16, 2, SHAPE(2, 3));
  /* a[::-1, ::-2]: negative strides in both axes. */
  numc_array *rev = restride(a, 2, SHAPE(2, 2), SHAPE(-3, -2), 5), *r = NULL;
  CHECK_OK(numc_concatenate((const numc_array *[]){e, a, e}, 3, 0, &r));
  CHECK_ARRAY(r, 2, SHAPE(2, 3), 0, 1, 2, 3, 4, 5);
  numc_free(r), r = NULL;
  CHECK_OK(numc_concatenate((const numc_array *[]){e, e}, 2, 0, &r));
  CHECK_ARRAY(r, 2, SHAPE(0, 3), 0);
  numc_free(r), r = NULL;
  CHECK_OK(numc_concatenate((const numc_array *[]){rev, rev}, 2, 1, &r));
  CHECK_ARRAY(r, 2, SHAPE(2, 4), 5, 3, 5, 3, 2, 0, 2, 0);
  numc_free(r);
  free_all((numc_array *[]){e, a, rev}, 3);
}

TEST(concatenate_axis_none_through_the_table) {
  numc_array *a = iota(NUMC_INT64, 2, SHAPE(2, 2)), *s = iota(NUMC_FLOAT32, 0, NULL);
  numc_array *rev = restride(a, 2, SHAPE(2, 2), SHAPE(-2, -1), 3), *out[1] = {NULL};
  int nout = 0;
  CHECK_OK(numc_call("concatenate", (const numc_array *[]){rev, s, a}, 3,
                     (const char *[]){"axis=None"}, 1, out, 1, &nout));
  CHECK_EQ_INT(nout, 1);
  CHECK_EQ_INT(numc_dtype_of(out[0]), NUMC_FLOAT64);
  CHECK_ARRAY(out[0], 1, SHAPE(9), 3, 2, 1, 0, 0, 0, 1, 2, 3);
  numc_free(out[0]);
  free_all((numc_array *[]){a, s, rev}, 3);
}

/* ------------------------------------------------------------------ stack */

TEST(stack_axes_and_errors) {
  numc_array *a = iota(NUMC_UINT8, 1, SHAPE(3)), *b = iota(NUMC_INT8, 1, SHAPE(3));
  numc_array *c = iota(NUMC_UINT8, 1, SHAPE(2)), *r = NULL;
  CHECK_OK(numc_stack((const numc_array *[]){a, b}, 2, 0, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_INT16);
  CHECK_ARRAY(r, 2, SHAPE(2, 3), 0, 1, 2, 0, 1, 2);
  numc_free(r), r = NULL;
  CHECK_OK(numc_stack((const numc_array *[]){a, b}, 2, -1, &r));
  CHECK_ARRAY(r, 2, SHAPE(3, 2), 0, 0, 1, 1, 2, 2);
  numc_free(r), r = NULL;
  CHECK_STATUS(numc_stack((const numc_array *[]){a, c}, 2, 0, &r), NUMC_ESHAPE);
  CHECK_EQ_STR(numc_last_error(), "all input arrays must have the same shape");
  CHECK_STATUS(numc_stack(NULL, 0, 0, &r), NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "need at least one array to stack");
  CHECK_STATUS(numc_stack((const numc_array *[]){a}, 1, 2, &r), NUMC_EAXIS);
  CHECK(r == NULL);
  free_all((numc_array *[]){a, b, c}, 3);
}

TEST(stack_zero_d_and_empty) {
  numc_array *s = make(NUMC_FLOAT32, 0, NULL, (double[]){7}), *e = iota(NUMC_FLOAT32, 1, SHAPE(0));
  numc_array *r = NULL;
  CHECK_OK(numc_stack((const numc_array *[]){s, s, s}, 3, 0, &r));
  CHECK_ARRAY(r, 1, SHAPE(3), 7, 7, 7);
  numc_free(r), r = NULL;
  CHECK_OK(numc_stack((const numc_array *[]){e, e}, 2, 1, &r));
  CHECK_ARRAY(r, 2, SHAPE(0, 2), 0);
  numc_free(r);
  free_all((numc_array *[]){s, e}, 2);
}

TEST(hstack_and_vstack) {
  numc_array *v = iota(NUMC_INT32, 1, SHAPE(2)), *m = iota(NUMC_INT32, 2, SHAPE(2, 1));
  numc_array *s = make(NUMC_INT32, 0, NULL, (double[]){9}), *r = NULL;
  CHECK_OK(numc_hstack((const numc_array *[]){v, s, v}, 3, &r));
  CHECK_ARRAY(r, 1, SHAPE(5), 0, 1, 9, 0, 1);
  numc_free(r), r = NULL;
  CHECK_OK(numc_hstack((const numc_array *[]){m, m}, 2, &r));
  CHECK_ARRAY(r, 2, SHAPE(2, 2), 0, 0, 1, 1);
  numc_free(r), r = NULL;
  CHECK_OK(numc_vstack((const numc_array *[]){v, v}, 2, &r));
  CHECK_ARRAY(r, 2, SHAPE(2, 2), 0, 1, 0, 1);
  numc_free(r), r = NULL;
  CHECK_OK(numc_vstack((const numc_array *[]){s, s}, 2, &r));
  CHECK_ARRAY(r, 2, SHAPE(2, 1), 9, 9);
  numc_free(r), r = NULL;
  CHECK_STATUS(numc_vstack((const numc_array *[]){v, m}, 2, &r), NUMC_ESHAPE);
  CHECK_STATUS(numc_hstack(NULL, 0, &r), NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "need at least one array to concatenate");
  CHECK(r == NULL);
  free_all((numc_array *[]){v, m, s}, 3);
}

/* ------------------------------------------------------------------ split */

TEST(split_equal_sections_are_views) {
  numc_array *a = iota(NUMC_FLOAT64, 2, SHAPE(2, 6)), *out[4] = {NULL};
  int n = 0;
  CHECK_OK(numc_split(a, 3, NULL, 0, 1, out, 4, &n));
  CHECK_EQ_INT(n, 3);
  CHECK_ARRAY(out[1], 2, SHAPE(2, 2), 2, 3, 8, 9);
  CHECK(numc_may_share_memory(out[1], a));
  CHECK(numc_data(out[2]) == (char *)numc_data(a) + 4 * sizeof(double));
  free_all(out, n);
  out[0] = out[1] = out[2] = NULL;
  CHECK_STATUS(numc_split(a, 4, NULL, 0, 1, out, 4, &n), NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "array split does not result in an equal division");
  CHECK_STATUS(numc_split(a, 2, NULL, 0, 1, out, 1, &n), NUMC_EINVAL);
  CHECK_STATUS(numc_split(a, -1, NULL, 0, 1, out, 4, &n), NUMC_EVALUE);
  CHECK_STATUS(numc_split(a, 2, NULL, 0, 2, out, 4, &n), NUMC_EAXIS);
  CHECK(out[0] == NULL);
  numc_free(a);
}

TEST(array_split_sections_and_points) {
  numc_array *a = iota(NUMC_INT8, 1, SHAPE(7)), *out[5] = {NULL};
  int n = 0;
  CHECK_OK(numc_array_split(a, 3, NULL, 0, 0, out, 5, &n));
  CHECK_EQ_INT(n, 3);
  CHECK_ARRAY(out[0], 1, SHAPE(3), 0, 1, 2);
  CHECK_ARRAY(out[1], 1, SHAPE(2), 3, 4);
  CHECK_ARRAY(out[2], 1, SHAPE(2), 5, 6);
  free_all(out, n);
  memset(out, 0, sizeof out);
  /* Points like slice bounds: negative from the end, clipped, empty when decreasing. */
  CHECK_OK(numc_split(a, 0, (int64_t[]){2, -2, 1, 100}, 4, 0, out, 5, &n));
  CHECK_EQ_INT(n, 5);
  CHECK_ARRAY(out[0], 1, SHAPE(2), 0, 1);
  CHECK_ARRAY(out[1], 1, SHAPE(3), 2, 3, 4);
  CHECK_ARRAY(out[2], 1, SHAPE(0), 0);
  CHECK_ARRAY(out[3], 1, SHAPE(6), 1, 2, 3, 4, 5, 6);
  CHECK_ARRAY(out[4], 1, SHAPE(0), 0);
  free_all(out, n);
  memset(out, 0, sizeof out);
  CHECK_STATUS(numc_array_split(a, 9, NULL, 0, 0, out, 5, &n), NUMC_EINVAL);
  CHECK(out[0] == NULL);
  numc_array *two = iota(NUMC_INT8, 1, SHAPE(2));
  CHECK_OK(numc_array_split(two, 3, NULL, 0, -1, out, 5, &n));
  CHECK_EQ_INT(n, 3);
  CHECK_ARRAY(out[2], 1, SHAPE(0), 0);
  free_all(out, n);
  free_all((numc_array *[]){a, two}, 2);
}

TEST(split_through_the_table) {
  numc_array *a = iota(NUMC_INT32, 1, SHAPE(5)), *out[8] = {NULL};
  int n = 0;
  CHECK_OK(numc_call("split", (const numc_array *[]){a}, 1, (const char *[]){"indices=3"}, 1, out,
                     8, &n));
  CHECK_EQ_INT(n, 2);
  CHECK_ARRAY(out[1], 1, SHAPE(2), 3, 4);
  free_all(out, n);
  CHECK_OK(numc_call("array_split", (const numc_array *[]){a}, 1,
                     (const char *[]){"indices_or_sections=2"}, 1, out, 8, &n));
  CHECK_EQ_INT(n, 2);
  CHECK_ARRAY(out[0], 1, SHAPE(3), 0, 1, 2);
  free_all(out, n);
  CHECK_OK(numc_call("split", (const numc_array *[]){a}, 1,
                     (const char *[]){"indices_or_sections=1,4"}, 1, out, 8, &n));
  CHECK_EQ_INT(n, 3);
  CHECK_ARRAY(out[1], 1, SHAPE(3), 1, 2, 3);
  free_all(out, n);
  CHECK_STATUS(numc_call("split", (const numc_array *[]){a}, 1,
                         (const char *[]){"indices_or_sections=2"}, 1, out, 8, &n),
               NUMC_EVALUE);
  CHECK_STATUS(numc_call("split", (const numc_array *[]){a}, 1, NULL, 0, out, 8, &n), NUMC_EINVAL);
  CHECK_STATUS(numc_call("array_split", (const numc_array *[]){a}, 1,
                         (const char *[]){"indices_or_sections=0"}, 1, out, 8, &n),
               NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "number sections must be larger than 0.");
  CHECK(out[0] == NULL);
  numc_free(a);
}

/* ------------------------------------------------------------------- take */

TEST(take_flat_and_along_axis) {
  numc_array *a = iota(NUMC_FLOAT32, 2, SHAPE(3, 4)), *r = NULL;
  numc_array *idx = make(NUMC_INT64, 2, SHAPE(2, 2), (double[]){0, -1, 3, 2});
  CHECK_OK(numc_take(a, idx, NULL, &r));
  CHECK_ARRAY(r, 2, SHAPE(2, 2), 0, 11, 3, 2);
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_FLOAT32);
  numc_free(r), r = NULL;
  CHECK_OK(numc_take(a, idx, &(int){1}, &r));
  CHECK_ARRAY(r, 3, SHAPE(3, 2, 2), 0, 3, 3, 2, 4, 7, 7, 6, 8, 11, 11, 10);
  numc_free(r), r = NULL;
  CHECK_STATUS(numc_take(a, idx, &(int){0}, &r), NUMC_EINDEX);
  CHECK_EQ_STR(numc_last_error(), "index 3 is out of bounds for axis 0 with size 3");
  CHECK_STATUS(numc_take(a, idx, &(int){-3}, &r), NUMC_EAXIS);
  CHECK(r == NULL);
  free_all((numc_array *[]){a, idx}, 2);
}

TEST(take_index_dtypes_and_errors) {
  numc_array *a = iota(NUMC_COMPLEX128, 1, SHAPE(3)), *r = NULL;
  numc_array *u = make(NUMC_UINT64, 1, SHAPE(2), (double[]){2, 0});
  numc_array *b = make(NUMC_BOOL, 1, SHAPE(2), (double[]){1, 0});
  numc_array *f = make(NUMC_FLOAT64, 1, SHAPE(1), (double[]){1});
  numc_array *big = make(NUMC_INT16, 1, SHAPE(1), (double[]){10});
  numc_array *s = make(NUMC_INT8, 0, NULL, (double[]){-1}), *empty = iota(NUMC_INT8, 1, SHAPE(0));
  CHECK_OK(numc_take(a, u, NULL, &r));
  CHECK_ARRAY(r, 1, SHAPE(2), 2, 0);
  numc_free(r), r = NULL;
  CHECK_OK(numc_take(a, b, NULL, &r));
  CHECK_ARRAY(r, 1, SHAPE(2), 1, 0);
  numc_free(r), r = NULL;
  CHECK_OK(numc_take(a, s, &(int){0}, &r)); /* a 0-d index removes the axis */
  CHECK_ARRAY(r, 0, NULL, 2);
  numc_free(r), r = NULL;
  CHECK_OK(numc_take(empty, empty, NULL, &r));
  CHECK_ARRAY(r, 1, SHAPE(0), 0);
  numc_free(r), r = NULL;
  CHECK_STATUS(numc_take(a, f, NULL, &r), NUMC_ECAST);
  CHECK_EQ_STR(numc_last_error(), "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'same_kind'");
  CHECK_STATUS(numc_take(a, big, NULL, &r), NUMC_EINDEX);
  CHECK_EQ_STR(numc_last_error(), "index 10 is out of bounds for axis 0 with size 3");
  CHECK_STATUS(numc_take(empty, u, NULL, &r), NUMC_EINDEX);
  CHECK_EQ_STR(numc_last_error(), "cannot do a non-empty take from an empty axes.");
  CHECK(r == NULL);
  free_all((numc_array *[]){a, u, b, f, big, s, empty}, 7);
}

TEST(take_from_reversed_view) {
  numc_array *a = iota(NUMC_INT16, 2, SHAPE(2, 3));
  numc_array *rev = restride(a, 2, SHAPE(2, 3), SHAPE(-3, -1), 5), *r = NULL;
  numc_array *idx = make(NUMC_INT32, 1, SHAPE(3), (double[]){1, 1, -1});
  CHECK_OK(numc_take(rev, idx, NULL, &r));
  CHECK_ARRAY(r, 1, SHAPE(3), 4, 4, 0);
  numc_free(r), r = NULL;
  CHECK_OK(numc_take(rev, idx, &(int){-1}, &r));
  CHECK_ARRAY(r, 2, SHAPE(2, 3), 4, 4, 3, 1, 1, 0);
  numc_free(r);
  free_all((numc_array *[]){a, rev, idx}, 3);
}

/* ---------------------------------------------------- masks and nonzero */

TEST(compress_mask_full_and_leading) {
  numc_array *a = iota(NUMC_FLOAT64, 2, SHAPE(2, 3)), *r = NULL;
  numc_array *full = make(NUMC_BOOL, 2, SHAPE(2, 3), (double[]){1, 0, 1, 0, 0, 1});
  numc_array *rows = make(NUMC_BOOL, 1, SHAPE(2), (double[]){0, 1});
  CHECK_OK(numc_compress_mask(a, full, &r));
  CHECK_ARRAY(r, 1, SHAPE(3), 0, 2, 5);
  numc_free(r), r = NULL;
  CHECK_OK(numc_compress_mask(a, rows, &r));
  CHECK_ARRAY(r, 2, SHAPE(1, 3), 3, 4, 5);
  numc_free(r), r = NULL;
  /* A transposed (non-contiguous) mask of a transposed array. */
  numc_array *at = restride(a, 2, SHAPE(3, 2), SHAPE(1, 3), 0);
  numc_array *ft = restride(full, 2, SHAPE(3, 2), SHAPE(1, 3), 0);
  CHECK_OK(numc_compress_mask(at, ft, &r));
  CHECK_ARRAY(r, 1, SHAPE(3), 0, 2, 5);
  numc_free(r);
  free_all((numc_array *[]){a, full, rows, at, ft}, 5);
}

TEST(compress_mask_zero_d_and_errors) {
  numc_array *a = iota(NUMC_INT32, 1, SHAPE(3)), *r = NULL;
  numc_array *t = make(NUMC_BOOL, 0, NULL, (double[]){1}), *f = make(NUMC_BOOL, 0, NULL, (double[]){0});
  numc_array *short_mask = make(NUMC_BOOL, 1, SHAPE(2), (double[]){1, 1});
  numc_array *deep = make(NUMC_BOOL, 2, SHAPE(3, 1), (double[]){1, 1, 1});
  numc_array *ints = iota(NUMC_INT32, 1, SHAPE(3));
  CHECK_OK(numc_compress_mask(a, t, &r));
  CHECK_ARRAY(r, 2, SHAPE(1, 3), 0, 1, 2);
  numc_free(r), r = NULL;
  CHECK_OK(numc_compress_mask(a, f, &r));
  CHECK_ARRAY(r, 2, SHAPE(0, 3), 0);
  numc_free(r), r = NULL;
  CHECK_STATUS(numc_compress_mask(a, short_mask, &r), NUMC_EINDEX);
  CHECK_EQ_STR(numc_last_error(), "boolean index did not match indexed array along axis 0; size of axis is 3 but size of corresponding boolean axis is 2");
  CHECK_STATUS(numc_compress_mask(a, deep, &r), NUMC_EINDEX);
  CHECK_EQ_STR(numc_last_error(), "too many indices for array: array is 1-dimensional, but 2 were indexed");
  CHECK_STATUS(numc_compress_mask(a, ints, &r), NUMC_EINVAL);
  CHECK(r == NULL);
  free_all((numc_array *[]){a, t, f, short_mask, deep, ints}, 6);
}

TEST(nonzero_columns_and_truthiness) {
  numc_array *a = make(NUMC_FLOAT32, 2, SHAPE(2, 3), (double[]){0, NAN, -0.0, 2, 0, 0.5});
  numc_array *out[3] = {NULL};
  int n = 0;
  CHECK_OK(numc_nonzero(a, out, 3, &n));
  CHECK_EQ_INT(n, 2);
  CHECK_ARRAY(out[0], 1, SHAPE(3), 0, 1, 1);
  CHECK_ARRAY(out[1], 1, SHAPE(3), 1, 0, 2);
  CHECK_EQ_INT(numc_dtype_of(out[0]), NUMC_INT64);
  CHECK_EQ_INT(numc_strides(out[1])[0], 16); /* columns of one (count, ndim) array */
  free_all(out, n);
  out[0] = out[1] = NULL;
  CHECK_STATUS(numc_nonzero(a, out, 1, &n), NUMC_EINVAL);
  numc_array *s = make(NUMC_INT8, 0, NULL, (double[]){1});
  CHECK_STATUS(numc_nonzero(s, out, 3, &n), NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.");
  CHECK(out[0] == NULL);
  numc_array *c = make(NUMC_COMPLEX64, 1, SHAPE(3), (double[]){0, 1, 0}), *e = iota(NUMC_UINT16, 1, SHAPE(0));
  CHECK_OK(numc_nonzero(c, out, 3, &n));
  CHECK_ARRAY(out[0], 1, SHAPE(1), 1);
  numc_free(out[0]), out[0] = NULL;
  CHECK_OK(numc_nonzero(e, out, 3, &n));
  CHECK_ARRAY(out[0], 1, SHAPE(0), 0);
  numc_free(out[0]);
  free_all((numc_array *[]){a, s, c, e}, 4);
}

TEST(argwhere_shapes) {
  numc_array *a = make(NUMC_INT64, 2, SHAPE(2, 2), (double[]){0, 3, 4, 0}), *r = NULL;
  numc_array *one = make(NUMC_BOOL, 0, NULL, (double[]){1}), *zero = make(NUMC_BOOL, 0, NULL, (double[]){0});
  CHECK_OK(numc_argwhere(a, &r));
  CHECK_ARRAY(r, 2, SHAPE(2, 2), 0, 1, 1, 0);
  numc_free(r), r = NULL;
  CHECK_OK(numc_argwhere(one, &r));
  CHECK_ARRAY(r, 2, SHAPE(1, 0), 0);
  numc_free(r), r = NULL;
  CHECK_OK(numc_argwhere(zero, &r));
  CHECK_ARRAY(r, 2, SHAPE(0, 0), 0);
  numc_free(r);
  free_all((numc_array *[]){a, one, zero}, 3);
}

/* -------------------------------------------------------------- rearrange */

TEST(flip_is_a_view) {
  numc_array *a = iota(NUMC_INT32, 2, SHAPE(2, 3)), *r = NULL;
  CHECK_OK(numc_flip(a, NULL, &r));
  CHECK_ARRAY(r, 2, SHAPE(2, 3), 5, 4, 3, 2, 1, 0);
  CHECK(numc_may_share_memory(r, a));
  CHECK_EQ_INT(numc_strides(r)[0], -12);
  numc_free(r), r = NULL;
  CHECK_OK(numc_flip(a, NUMC_AXES(-1), &r));
  CHECK_ARRAY(r, 2, SHAPE(2, 3), 2, 1, 0, 5, 4, 3);
  /* Flipping the flipped view walks the original again. */
  numc_array *back = NULL;
  CHECK_OK(numc_flip(r, NUMC_AXES(1), &back));
  CHECK(numc_data(back) == numc_data(a));
  numc_free(back), numc_free(r), r = NULL;
  CHECK_STATUS(numc_flip(a, NUMC_AXES(2), &r), NUMC_EAXIS);
  CHECK_STATUS(numc_flip(a, NUMC_AXES(0, -2), &r), NUMC_EVALUE);
  CHECK(r == NULL);
  numc_array *e = iota(NUMC_INT32, 1, SHAPE(0));
  CHECK_OK(numc_flip(e, NULL, &r));
  CHECK_ARRAY(r, 1, SHAPE(0), 0);
  numc_free(r);
  free_all((numc_array *[]){a, e}, 2);
}

TEST(roll_flat_and_axes) {
  numc_array *v = iota(NUMC_UINT8, 1, SHAPE(5)), *m = iota(NUMC_FLOAT64, 2, SHAPE(2, 3)), *r = NULL;
  CHECK_OK(numc_roll(v, (int64_t[]){2}, 1, NULL, &r));
  CHECK_ARRAY(r, 1, SHAPE(5), 3, 4, 0, 1, 2);
  numc_free(r), r = NULL;
  CHECK_OK(numc_roll(v, (int64_t[]){-12}, 1, NULL, &r));
  CHECK_ARRAY(r, 1, SHAPE(5), 2, 3, 4, 0, 1);
  numc_free(r), r = NULL;
  CHECK_OK(numc_roll(m, (int64_t[]){1}, 1, NULL, &r));
  CHECK_ARRAY(r, 2, SHAPE(2, 3), 5, 0, 1, 2, 3, 4);
  numc_free(r), r = NULL;
  CHECK_OK(numc_roll(m, (int64_t[]){1, -1}, 2, NUMC_AXES(0, 1), &r));
  CHECK_ARRAY(r, 2, SHAPE(2, 3), 4, 5, 3, 1, 2, 0);
  numc_free(r), r = NULL;
  CHECK_OK(numc_roll(m, (int64_t[]){1, 1}, 2, NUMC_AXES(1, -1), &r)); /* shifts add up */
  CHECK_ARRAY(r, 2, SHAPE(2, 3), 1, 2, 0, 4, 5, 3);
  numc_free(r), r = NULL;
  CHECK_OK(numc_roll(m, (int64_t[]){1}, 1, NUMC_AXES(0, 1), &r)); /* one shift, two axes */
  CHECK_ARRAY(r, 2, SHAPE(2, 3), 5, 3, 4, 2, 0, 1);
  numc_free(r), r = NULL;
  CHECK_STATUS(numc_roll(m, (int64_t[]){1, 2}, 2, NUMC_AXES(0, 1, 1), &r), NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (2,) and arg 1 with shape (3,).");
  CHECK_STATUS(numc_roll(m, (int64_t[]){1}, 1, NUMC_AXES(2), &r), NUMC_EAXIS);
  CHECK(r == NULL);
  free_all((numc_array *[]){v, m}, 2);
}

TEST(roll_views_zero_size_and_zero_d) {
  numc_array *m = iota(NUMC_INT16, 2, SHAPE(2, 3)), *r = NULL;
  numc_array *t = restride(m, 2, SHAPE(3, 2), SHAPE(1, 3), 0); /* m.T */
  CHECK_OK(numc_roll(t, (int64_t[]){1}, 1, NULL, &r));
  CHECK_ARRAY(r, 2, SHAPE(3, 2), 5, 0, 3, 1, 4, 2);
  numc_free(r), r = NULL;
  numc_array *e = iota(NUMC_INT16, 2, SHAPE(0, 2)), *s = make(NUMC_INT16, 0, NULL, (double[]){4});
  CHECK_OK(numc_roll(e, (int64_t[]){3}, 1, NUMC_AXES(0), &r));
  CHECK_ARRAY(r, 2, SHAPE(0, 2), 0);
  numc_free(r), r = NULL;
  CHECK_OK(numc_roll(s, (int64_t[]){3}, 1, NULL, &r));
  CHECK_ARRAY(r, 0, NULL, 4);
  numc_free(r);
  free_all((numc_array *[]){m, t, e, s}, 4);
}

TEST(tile_shapes_and_values) {
  numc_array *v = iota(NUMC_INT32, 1, SHAPE(2)), *m = iota(NUMC_BOOL, 2, SHAPE(1, 2)), *r = NULL;
  CHECK_OK(numc_tile(v, (int64_t[]){3}, 1, &r));
  CHECK_ARRAY(r, 1, SHAPE(6), 0, 1, 0, 1, 0, 1);
  numc_free(r), r = NULL;
  CHECK_OK(numc_tile(v, (int64_t[]){2, 2}, 2, &r));
  CHECK_ARRAY(r, 2, SHAPE(2, 4), 0, 1, 0, 1, 0, 1, 0, 1);
  numc_free(r), r = NULL;
  CHECK_OK(numc_tile(m, (int64_t[]){2}, 1, &r));
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_BOOL);
  CHECK_ARRAY(r, 2, SHAPE(1, 4), 0, 1, 0, 1);
  numc_free(r), r = NULL;
  CHECK_OK(numc_tile(v, (int64_t[]){0}, 1, &r));
  CHECK_ARRAY(r, 1, SHAPE(0), 0);
  numc_free(r), r = NULL;
  CHECK_OK(numc_tile(v, NULL, 0, &r)); /* a copy */
  CHECK_ARRAY(r, 1, SHAPE(2), 0, 1);
  CHECK(!numc_may_share_memory(r, v));
  numc_free(r), r = NULL;
  numc_array *rev = restride(v, 1, SHAPE(2), SHAPE(-1), 1);
  CHECK_OK(numc_tile(rev, (int64_t[]){2, 1, 2}, 3, &r));
  CHECK_ARRAY(r, 3, SHAPE(2, 1, 4), 1, 0, 1, 0, 1, 0, 1, 0);
  numc_free(r), r = NULL;
  CHECK_STATUS(numc_tile(v, (int64_t[]){-1}, 1, &r), NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "negative dimensions are not allowed");
  CHECK(r == NULL);
  free_all((numc_array *[]){v, m, rev}, 3);
}

TEST(repeat_counts_and_errors) {
  numc_array *m = iota(NUMC_FLOAT16, 2, SHAPE(2, 2)), *r = NULL;
  CHECK_OK(numc_repeat(m, (int64_t[]){2}, 1, NULL, &r));
  CHECK_ARRAY(r, 1, SHAPE(8), 0, 0, 1, 1, 2, 2, 3, 3);
  CHECK_EQ_INT(numc_dtype_of(r), NUMC_FLOAT16);
  numc_free(r), r = NULL;
  CHECK_OK(numc_repeat(m, (int64_t[]){0, 3}, 2, &(int){-1}, &r));
  CHECK_ARRAY(r, 2, SHAPE(2, 3), 1, 1, 1, 3, 3, 3);
  numc_free(r), r = NULL;
  CHECK_OK(numc_repeat(m, (int64_t[]){0}, 1, &(int){0}, &r));
  CHECK_ARRAY(r, 2, SHAPE(0, 2), 0);
  numc_free(r), r = NULL;
  CHECK_STATUS(numc_repeat(m, (int64_t[]){1, 2, 3}, 3, &(int){0}, &r), NUMC_ESHAPE);
  CHECK_EQ_STR(numc_last_error(), "operands could not be broadcast together with shape (2,) (3,)");
  CHECK_STATUS(numc_repeat(m, (int64_t[]){-1}, 1, NULL, &r), NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "negative dimensions are not allowed");
  CHECK_STATUS(numc_repeat(m, (int64_t[]){1, -1}, 2, &(int){1}, &r), NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "repeats may not contain negative values.");
  CHECK(r == NULL);
  numc_array *s = make(NUMC_INT8, 0, NULL, (double[]){6});
  CHECK_OK(numc_repeat(s, (int64_t[]){3}, 1, NULL, &r));
  CHECK_ARRAY(r, 1, SHAPE(3), 6, 6, 6);
  numc_free(r);
  free_all((numc_array *[]){m, s}, 2);
}

/* -------------------------------------------------------------------- pad */

TEST(pad_modes_1d) {
  numc_array *a = make(NUMC_INT64, 1, SHAPE(3), (double[]){1, 2, 3}), *r = NULL;
  int64_t wide[2] = {7, 7};
  CHECK_OK(numc_pad(a, wide, 1, NUMC_PAD_REFLECT, numc_int(0), &r));
  CHECK_ARRAY(r, 1, SHAPE(17), 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2);
  numc_free(r), r = NULL;
  CHECK_OK(numc_pad(a, wide, 1, NUMC_PAD_WRAP, numc_int(0), &r));
  CHECK_ARRAY(r, 1, SHAPE(17), 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1);
  numc_free(r), r = NULL;
  CHECK_OK(numc_pad(a, (int64_t[]){2, 1}, 1, NUMC_PAD_EDGE, numc_int(0), &r));
  CHECK_ARRAY(r, 1, SHAPE(6), 1, 1, 1, 2, 3, 3);
  numc_free(r), r = NULL;
  CHECK_OK(numc_pad(a, (int64_t[]){1, 2}, 1, NUMC_PAD_CONSTANT, numc_float(-4.5), &r));
  CHECK_ARRAY(r, 1, SHAPE(6), -4, 1, 2, 3, -4, -4);
  numc_free(r), r = NULL;
  numc_array *one = make(NUMC_INT64, 1, SHAPE(1), (double[]){5});
  CHECK_OK(numc_pad(one, (int64_t[]){2, 2}, 1, NUMC_PAD_REFLECT, numc_int(0), &r));
  CHECK_ARRAY(r, 1, SHAPE(5), 5, 5, 5, 5, 5);
  numc_free(r);
  free_all((numc_array *[]){a, one}, 2);
}

TEST(pad_2d_corners_and_views) {
  numc_array *a = iota(NUMC_UINT8, 2, SHAPE(2, 2)), *r = NULL;
  CHECK_OK(numc_pad(a, (int64_t[]){1, 0, 0, 1}, 2, NUMC_PAD_CONSTANT, numc_int(-1), &r));
  CHECK_ARRAY(r, 2, SHAPE(3, 3), 255, 255, 255, 0, 1, 255, 2, 3, 255);
  numc_free(r), r = NULL;
  CHECK_OK(numc_pad(a, (int64_t[]){1, 1}, 1, NUMC_PAD_REFLECT, numc_int(0), &r));
  CHECK_ARRAY(r, 2, SHAPE(4, 4), 3, 2, 3, 2, 1, 0, 1, 0, 3, 2, 3, 2, 1, 0, 1, 0);
  numc_free(r), r = NULL;
  numc_array *t = restride(a, 2, SHAPE(2, 2), SHAPE(-1, -2), 3); /* a[::-1, ::-1].T */
  CHECK_OK(numc_pad(t, (int64_t[]){0, 1, 1, 0}, 2, NUMC_PAD_EDGE, numc_int(0), &r));
  CHECK_ARRAY(r, 2, SHAPE(3, 3), 3, 3, 1, 2, 2, 0, 2, 2, 0);
  numc_free(r), r = NULL;
  CHECK_OK(numc_pad(a, (int64_t[]){0, 3}, 1, NUMC_PAD_WRAP, numc_int(0), &r));
  CHECK_ARRAY(r, 2, SHAPE(5, 5), 0, 1, 0, 1, 0, 2, 3, 2, 3, 2, 0, 1, 0, 1, 0, 2, 3, 2, 3, 2, 0,
              1, 0, 1, 0);
  numc_free(r);
  free_all((numc_array *[]){a, t}, 2);
}

TEST(pad_zero_size_zero_d_and_errors) {
  numc_array *e = iota(NUMC_FLOAT32, 2, SHAPE(0, 2)), *s = make(NUMC_INT32, 0, NULL, (double[]){8});
  numc_array *a = iota(NUMC_FLOAT32, 1, SHAPE(2)), *r = NULL;
  CHECK_OK(numc_pad(e, (int64_t[]){1, 1}, 1, NUMC_PAD_CONSTANT, numc_int(7), &r));
  CHECK_ARRAY(r, 2, SHAPE(2, 4), 7, 7, 7, 7, 7, 7, 7, 7);
  numc_free(r), r = NULL;
  CHECK_OK(numc_pad(e, (int64_t[]){0, 0, 1, 1}, 2, NUMC_PAD_EDGE, numc_int(0), &r));
  CHECK_ARRAY(r, 2, SHAPE(0, 4), 0);
  numc_free(r), r = NULL;
  CHECK_OK(numc_pad(s, (int64_t[]){3, 3}, 1, NUMC_PAD_EDGE, numc_int(0), &r));
  CHECK_ARRAY(r, 0, NULL, 8);
  numc_free(r), r = NULL;
  CHECK_STATUS(numc_pad(e, (int64_t[]){1, 0}, 1, NUMC_PAD_WRAP, numc_int(0), &r), NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "can't extend empty axis 0 using modes other than 'constant' or 'empty'");
  CHECK_STATUS(numc_pad(a, (int64_t[]){-1, 0}, 1, NUMC_PAD_EDGE, numc_int(0), &r), NUMC_EVALUE);
  CHECK_EQ_STR(numc_last_error(), "index can't contain negative values");
  CHECK_STATUS(numc_pad(a, (int64_t[]){1, 1, 1, 1}, 2, NUMC_PAD_EDGE, numc_int(0), &r), NUMC_EVALUE);
  CHECK_STATUS(numc_pad(a, (int64_t[]){1, 1}, 1, (numc_pad_mode)9, numc_int(0), &r), NUMC_EINVAL);
  CHECK(r == NULL);
  free_all((numc_array *[]){e, s, a}, 3);
}

/* ------------------------------------------------------------ large inputs */

/* Sizes past the iterator's threading threshold, so the gather and assign paths run on
 * several threads; the values are checked against direct index arithmetic. */
TEST(large_inputs_use_threads) {
  CHECK_OK(numc_set_num_threads(4));
  enum { N = 1 << 18, SIDE = 512 };
  int32_t *data = malloc(sizeof(int32_t) * N);
  int64_t *rev = malloc(sizeof(int64_t) * N);
  for (int i = 0; i < N; i++) data[i] = i, rev[i] = N - 1 - i;
  numc_array *a = NULL, *idx = NULL, *r = NULL;
  CHECK_OK(numc_wrap(data, SHAPE(N), NULL, 1, NUMC_INT32, true, release_heap, NULL, &a));
  CHECK_OK(numc_wrap(rev, SHAPE(N), NULL, 1, NUMC_INT64, true, release_heap, NULL, &idx));
  int bad = 0;
  CHECK_OK(numc_take(a, idx, NULL, &r));
  const int32_t *v = numc_data(r);
  for (int i = 0; i < N; i++) bad += v[i] != N - 1 - i;
  numc_free(r), r = NULL;
  CHECK_OK(numc_repeat(a, (int64_t[]){2}, 1, NULL, &r));
  v = numc_data(r);
  for (int i = 0; i < 2 * N; i++) bad += v[i] != i / 2;
  numc_free(r), r = NULL;
  CHECK_OK(numc_roll(a, (int64_t[]){1000}, 1, NULL, &r));
  v = numc_data(r);
  for (int i = 0; i < N; i++) bad += v[i] != (i + N - 1000) % N;
  numc_free(r), r = NULL;
  CHECK_OK(numc_concatenate((const numc_array *[]){a, a}, 2, 0, &r));
  v = numc_data(r);
  for (int i = 0; i < 2 * N; i++) bad += v[i] != i % N;
  numc_free(r), r = NULL;
  numc_array *square = restride(a, 2, SHAPE(SIDE, SIDE), SHAPE(SIDE, 1), 0);
  CHECK_OK(numc_pad(square, (int64_t[]){3, 3}, 1, NUMC_PAD_REFLECT, numc_int(0), &r));
  v = numc_data(r);
  for (int i = 0; i < SIDE + 6; i++)
    for (int j = 0; j < SIDE + 6; j++) {
      int si = i < 3 ? 3 - i : i >= SIDE + 3 ? 2 * SIDE - i + 1 : i - 3;
      int sj = j < 3 ? 3 - j : j >= SIDE + 3 ? 2 * SIDE - j + 1 : j - 3;
      bad += v[i * (SIDE + 6) + j] != si * SIDE + sj;
    }
  CHECK_EQ_INT(bad, 0);
  numc_free(r);
  free_all((numc_array *[]){a, idx, square}, 3);
}

/* ------------------------------------------------------------------ table */

/* Run a table function with one output and compare it. */
static numc_array *call1(const char *name, const numc_array *const *in, int nin,
                         const char *const *opts, int nopts) {
  numc_array *out[1] = {NULL};
  int n = 0;
  numc_status s = numc_call(name, in, nin, opts, nopts, out, 1, &n);
  if (s != NUMC_OK) fprintf(stderr, "%s: %s\n", name, numc_last_error());
  return s == NUMC_OK ? out[0] : NULL;
}

TEST(table_entries) {
  numc_array *a = iota(NUMC_INT32, 2, SHAPE(2, 3)), *r;
  numc_array *mask = make(NUMC_BOOL, 1, SHAPE(2), (double[]){1, 0});
  numc_array *idx = make(NUMC_INT64, 1, SHAPE(1), (double[]){2});
  const numc_array *aa[] = {a, a};
  r = call1("stack", aa, 2, (const char *[]){"axis=-1"}, 1);
  CHECK(r && numc_ndim(r) == 3 && numc_shape(r)[2] == 2);
  numc_free(r);
  r = call1("hstack", aa, 2, NULL, 0);
  CHECK(r && numc_shape(r)[1] == 6);
  numc_free(r);
  r = call1("vstack", aa, 2, NULL, 0);
  CHECK(r && numc_shape(r)[0] == 4);
  numc_free(r);
  r = call1("take", (const numc_array *[]){a, idx}, 2, (const char *[]){"axis=1"}, 1);
  CHECK_ARRAY(r, 2, SHAPE(2, 1), 2, 5);
  numc_free(r);
  r = call1("boolean_index", (const numc_array *[]){a, mask}, 2, NULL, 0);
  CHECK_ARRAY(r, 2, SHAPE(1, 3), 0, 1, 2);
  numc_free(r);
  r = call1("argwhere", (const numc_array *[]){mask}, 1, NULL, 0);
  CHECK_ARRAY(r, 2, SHAPE(1, 1), 0);
  numc_free(r);
  r = call1("flip", (const numc_array *[]){a}, 1, (const char *[]){"axis=0,1"}, 1);
  CHECK_ARRAY(r, 2, SHAPE(2, 3), 5, 4, 3, 2, 1, 0);
  numc_free(r);
  r = call1("roll", (const numc_array *[]){a}, 1, (const char *[]){"shift=1", "axis=1"}, 2);
  CHECK_ARRAY(r, 2, SHAPE(2, 3), 2, 0, 1, 5, 3, 4);
  numc_free(r);
  r = call1("tile", (const numc_array *[]){idx}, 1, (const char *[]){"reps=2,1"}, 1);
  CHECK_ARRAY(r, 2, SHAPE(2, 1), 2, 2);
  numc_free(r);
  r = call1("repeat", (const numc_array *[]){a}, 1, (const char *[]){"repeats=1,2", "axis=0"}, 2);
  CHECK_ARRAY(r, 2, SHAPE(3, 3), 0, 1, 2, 3, 4, 5, 3, 4, 5);
  numc_free(r);
  r = call1("pad", (const numc_array *[]){idx}, 1,
            (const char *[]){"pad_width=1", "mode=constant", "constant_values=9"}, 3);
  CHECK_ARRAY(r, 1, SHAPE(3), 9, 2, 9);
  numc_free(r);
  r = call1("pad", (const numc_array *[]){a}, 1, (const char *[]){"pad_width=0,0,1,0", "mode=wrap"}, 2);
  CHECK_ARRAY(r, 2, SHAPE(2, 4), 2, 0, 1, 2, 5, 3, 4, 5);
  numc_free(r);
  numc_array *out[4] = {NULL};
  int n = 0;
  CHECK_OK(numc_call("nonzero", (const numc_array *[]){a}, 1, NULL, 0, out, 4, &n));
  CHECK_EQ_INT(n, 2);
  CHECK_ARRAY(out[1], 1, SHAPE(5), 1, 2, 0, 1, 2);
  free_all(out, n);
  CHECK_STATUS(numc_call("nonzero", (const numc_array *[]){a}, 1, NULL, 0, out, 1, &n), NUMC_EINVAL);
  CHECK_STATUS(numc_call("pad", (const numc_array *[]){a}, 1, (const char *[]){"pad_width=1,2,3"}, 1,
                         out, 1, &n),
               NUMC_EVALUE);
  CHECK_STATUS(numc_call("pad", (const numc_array *[]){a}, 1,
                         (const char *[]){"pad_width=1", "mode=symmetric"}, 2, out, 1, &n),
               NUMC_EINVAL);
  CHECK(out[0] == NULL);
  free_all((numc_array *[]){a, mask, idx}, 3);
}

TESTS(CASE(concatenate_axes_and_values), CASE(concatenate_promotes_like_result_type),
      CASE(concatenate_errors_write_nothing), CASE(concatenate_zero_size_and_views),
      CASE(concatenate_axis_none_through_the_table), CASE(stack_axes_and_errors),
      CASE(stack_zero_d_and_empty), CASE(hstack_and_vstack), CASE(split_equal_sections_are_views),
      CASE(array_split_sections_and_points), CASE(split_through_the_table),
      CASE(take_flat_and_along_axis), CASE(take_index_dtypes_and_errors),
      CASE(take_from_reversed_view), CASE(compress_mask_full_and_leading),
      CASE(compress_mask_zero_d_and_errors), CASE(nonzero_columns_and_truthiness),
      CASE(argwhere_shapes), CASE(flip_is_a_view), CASE(roll_flat_and_axes),
      CASE(roll_views_zero_size_and_zero_d), CASE(tile_shapes_and_values),
      CASE(repeat_counts_and_errors), CASE(pad_modes_1d), CASE(pad_2d_corners_and_views),
      CASE(pad_zero_size_zero_d_and_errors), CASE(large_inputs_use_threads),
      CASE(table_entries))
