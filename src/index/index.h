/* Internal helpers of the join module (joining, splitting, indexing, rearranging). */
#ifndef NUMC_INDEX_H
#define NUMC_INDEX_H

#include "core/core.h"

/* Every function of the module takes a fresh output slot: NULL pointer or a slot that
 * already holds an array (which would leak) are caller bugs reported as EINVAL. */
static inline numc_status numc__check_out(numc_array **out) {
  if (!out) return numc__fail(NUMC_EINVAL, "output pointer is NULL");
  if (*out) return numc__fail(NUMC_EINVAL, "*out must be NULL on entry");
  return NUMC_OK;
}

/* A borrowed view: a copy of a's header with its own geometry, sharing a's buffer
 * without taking a reference. Valid while `a` lives and never passed to numc_free; it
 * lets the module hand sub-blocks to numc__assign and the iterator without allocating
 * (so those steps cannot fail half-way for lack of memory). */
static inline numc_array numc__borrow(const numc_array *a, int ndim, const int64_t *shape,
                                      const int64_t *strides, int64_t byte_offset) {
  numc_array v = *a;
  v.ndim = ndim;
  for (int i = 0; i < ndim; i++) {
    v.shape[i] = shape[i];
    v.strides[i] = strides[i];
  }
  v.offset = a->offset + byte_offset;
  v.flags &= ~(uint32_t)NUMC__WEAK;
  numc__update_flags(&v);
  return v;
}

/* Restrict a borrowed view to elements [start, start + len) along `axis`. */
static inline void numc__narrow(numc_array *v, int axis, int64_t start, int64_t len) {
  v->offset += start * v->strides[axis];
  v->shape[axis] = len;
  numc__update_flags(v);
}

/* A borrowed 1-D view of a C-contiguous array. */
static inline numc_array numc__borrow_flat(const numc_array *a) {
  int64_t n = numc__size(a->ndim, a->shape), item = (int64_t)numc_dtype_size(a->dtype);
  return numc__borrow(a, 1, &n, &item, 0);
}

/* `a` as a C-contiguous array of dtype t: `a` itself when it already is one, else a
 * converted copy returned in *owned (free it; NULL when nothing was allocated). */
numc_status numc__contiguous(const numc_array *a, numc_dtype t, const numc_array **view,
                             numc_array **owned);

/* The dimensions of an array that an index runs along: one axis, or all of them
 * flattened in C order (NumPy's axis=None). */
typedef struct numc__index_dims {
  int lo, hi;    /* dimensions [lo, hi) */
  int64_t count; /* elements along them */
} numc__index_dims;

/* Resolve `axis` (NULL: flattened) against a's dimensions. */
numc_status numc__index_dims_of(const numc_array *a, const int *axis, numc__index_dims *d);

/* Byte offset from element 0 of the k-th position along d (0 <= k < d->count). */
static inline int64_t numc__index_offset(const numc_array *a, const numc__index_dims *d,
                                         int64_t k) {
  int64_t off = 0;
  for (int i = d->hi - 1; i >= d->lo; i--) {
    off += (k % a->shape[i]) * a->strides[i];
    k /= a->shape[i];
  }
  return off;
}

/* dst = src with dimensions [lo, hi) replaced by the shape of `offsets` (int64 byte
 * offsets from element 0 of those dimensions): dst's shape must be src.shape[:lo] +
 * offsets.shape + src.shape[hi:] and its dtype src's. The kernel behind take, boolean
 * indexing, repeat and pad's edge/reflect/wrap modes; runs on the elementwise iterator. */
numc_status numc__gather(const numc_array *src, int lo, int hi, const numc_array *offsets,
                         numc_array *dst);

/* numpy.concatenate with axis NULL meaning axis=None (every input flattened). */
numc_status numc__concatenate(const numc_array *const *in, int n, const int *axis,
                              numc_array **out);

/* Results may have at most NUMC_MAXDIMS dimensions (NumPy's message for its own limit). */
static inline numc_status numc__check_ndim(int ndim) {
  if (ndim <= NUMC_MAXDIMS) return NUMC_OK;
  return numc__fail(NUMC_EVALUE, "maximum supported dimension for an ndarray is currently %d, found %d",
                    NUMC_MAXDIMS, ndim);
}

#endif
