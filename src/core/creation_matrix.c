/* Matrices: numpy.eye, identity, diag, tri, tril and triu. */
#include <stdlib.h>

#include "shape/shape.h"

/* How many of the columns j in [0, m) of row i satisfy j <= i + k, without overflow for
 * any k. */
static int64_t cols_through(int64_t i, int64_t k, int64_t m) {
  if (k >= m - i) return m;
  if (k < -i - 1) return 0;
  return i + k + 1;
}

/* Row i of every matrix of the fresh C-order array `a` (its last two axes) splits at
 * c = cols_through(i, k, cols) into a head [0, c) and a tail [c, cols). The chosen part
 * gets `value` in every element, or zero bytes (zero in every dtype) when it is NULL. */
static void fill_rows(numc_array *a, int64_t k, bool head, const char *value) {
  int64_t rows = a->shape[a->ndim - 2], cols = a->shape[a->ndim - 1];
  int64_t mats = rows > 0 && cols > 0 ? numc_size(a) / (rows * cols) : 0;
  size_t item = numc_itemsize(a);
  char *p = numc__host_data(a);
  for (int64_t b = 0; b < mats; b++)
    for (int64_t i = 0; i < rows; i++, p += (size_t)cols * item) {
      int64_t c = cols_through(i, k, cols);
      int64_t lo = head ? 0 : c, hi = head ? c : cols;
      if (!value) memset(p + (size_t)lo * item, 0, (size_t)(hi - lo) * item);
      else
        for (int64_t j = lo; j < hi; j++) memcpy(p + (size_t)j * item, value, item);
    }
}

/* An n x m matrix of dtype t holding 1 on diagonal k (eye) or on and below it (tri). */
static numc_status ones_matrix(int64_t n, int64_t m, int64_t k, numc_dtype t, bool below,
                               numc_array **out) {
  NUMC__TRY(numc__check_out(out));
  if (m < 0) m = n;
  int64_t shape[2] = {n, m};
  numc_array *a = NULL;
  NUMC__TRY(numc__new(t, 2, shape, NUMC_ORDER_C, true, &a));
  _Alignas(16) char one[16];
  numc__scalar_store(numc_int(1), t, one);
  if (below) {
    fill_rows(a, k, true, one);
  } else if (k < m && k > -n) { /* diagonal k crosses the matrix */
    size_t item = numc_itemsize(a);
    char *p = numc__host_data(a);
    for (int64_t i = k < 0 ? -k : 0; i < n && i + k < m; i++)
      memcpy(p + (size_t)(i * m + i + k) * item, one, item);
  }
  *out = a;
  return NUMC_OK;
}

numc_status numc_eye(int64_t n, int64_t m, int64_t k, numc_dtype t, numc_array **out) {
  return ones_matrix(n, m, k, t, false, out);
}

numc_status numc_identity(int64_t n, numc_dtype t, numc_array **out) {
  return ones_matrix(n, n, 0, t, false, out);
}

numc_status numc_tri(int64_t n, int64_t m, int64_t k, numc_dtype t, numc_array **out) {
  return ones_matrix(n, m, k, t, true, out);
}

/* Copy `a` into a new C-order array (1-D a is broadcast to a square matrix, as NumPy's
 * where(tri(...), a, 0) does) and zero the triangle outside the one kept. */
static numc_status triangle(const numc_array *a, int64_t k, bool lower, numc_array **out) {
  NUMC__TRY(numc__check_in_out(a, out));
  if (a->ndim < 1)
    return numc__fail(NUMC_EVALUE, "%s: input array must be at least 1-d", lower ? "tril" : "triu");
  int64_t shape[NUMC_MAXDIMS];
  int nd = a->ndim == 1 ? 2 : a->ndim;
  if (a->ndim == 1) shape[0] = shape[1] = a->shape[0];
  else memcpy(shape, a->shape, sizeof(int64_t) * (size_t)nd);
  numc_array *r = NULL;
  NUMC__TRY(numc__new(a->dtype, nd, shape, NUMC_ORDER_C, false, &r));
  numc_status s = numc__assign(r, a);
  if (s != NUMC_OK) {
    numc_free(r);
    return s;
  }
  /* tril keeps j <= i + k: zero from column i + k + 1 on. triu keeps j >= i + k: zero the
   * columns j <= i + k - 1. Zero bytes are zero in every dtype. */
  if (lower) fill_rows(r, k, false, NULL);
  else fill_rows(r, k == INT64_MIN ? k : k - 1, true, NULL);
  *out = r;
  return NUMC_OK;
}

numc_status numc_tril(const numc_array *a, int64_t k, numc_array **out) {
  return triangle(a, k, true, out);
}

numc_status numc_triu(const numc_array *a, int64_t k, numc_array **out) {
  return triangle(a, k, false, out);
}

/* ------------------------------------------------------------------- diag */

/* diag(v, k) of a 1-D v: an (n+|k|)-square zero matrix with v written through a strided
 * view of diagonal k. */
static numc_status diag_from_vector(const numc_array *v, int64_t k, numc_array **out) {
  int64_t len = v->shape[0], ak = k < 0 ? (k == INT64_MIN ? INT64_MAX : -k) : k;
  if (ak > INT64_MAX - len) return numc__fail(NUMC_EOVERFLOW, "array is too big; the size of this shape overflows");
  int64_t n = len + ak, shape[2] = {n, n};
  numc_array *r = NULL, *d = NULL;
  NUMC__TRY(numc__new(v->dtype, 2, shape, NUMC_ORDER_C, true, &r));
  int64_t item = (int64_t)numc_itemsize(r), stride = (n + 1) * item;
  int64_t offset = (k >= 0 ? k : ak * n) * item;
  numc_status s = numc__view(r, r->dtype, 1, &len, &stride, offset, &d);
  if (s == NUMC_OK) s = numc__assign(d, v);
  numc_free(d);
  if (s != NUMC_OK) {
    numc_free(r);
    return s;
  }
  *out = r;
  return NUMC_OK;
}

/* diag(a, k) of a 2-D a: a copy of its diagonal k (empty when k is off the matrix). */
static numc_status diag_of_matrix(const numc_array *a, int64_t k, numc_array **out) {
  int64_t rows = a->shape[0], cols = a->shape[1], len, offset = a->offset;
  if (k >= 0) {
    len = k >= cols ? 0 : (rows < cols - k ? rows : cols - k);
    if (len > 0) offset += k * a->strides[1];
  } else {
    len = k <= -rows ? 0 : (rows + k < cols ? rows + k : cols);
    if (len > 0) offset += -k * a->strides[0];
  }
  int64_t stride = a->strides[0] + a->strides[1];
  numc_array *d = NULL, *r = NULL;
  NUMC__TRY(numc__view(a, a->dtype, 1, &len, &stride, offset, &d));
  numc_status s = numc__new(a->dtype, 1, &len, NUMC_ORDER_C, false, &r);
  if (s == NUMC_OK) s = numc__assign(r, d);
  numc_free(d);
  if (s != NUMC_OK) {
    numc_free(r);
    return s;
  }
  *out = r;
  return NUMC_OK;
}

numc_status numc_diag(const numc_array *v, int64_t k, numc_array **out) {
  NUMC__TRY(numc__check_in_out(v, out));
  if (v->ndim == 1) return diag_from_vector(v, k, out);
  if (v->ndim == 2) return diag_of_matrix(v, k, out);
  return numc__fail(NUMC_EVALUE, "Input must be 1- or 2-d.");
}
