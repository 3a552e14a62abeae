/* numpy.reshape, ravel and flatten: views whenever the strides allow, copies otherwise,
 * decided the way NumPy decides. */
#include <stdio.h>

#include "shape/shape.h"

/* NumPy's convert_shape_to_string for reshape errors: unknown (negative) extents print
 * as "newaxis", except leading ones, which are dropped: (4,newaxis), (4), (). */
static numc_status size_mismatch(const numc_array *a, int ndim, const int64_t *dims) {
  char buf[400] = "(";
  size_t used = 1;
  int i = 0, printed = 0;
  while (i < ndim && dims[i] < 0) i++;
  for (; i < ndim && used < sizeof buf; i++, printed++) {
    const char *sep = printed ? "," : "";
    if (dims[i] < 0) used += (size_t)snprintf(buf + used, sizeof buf - used, "%snewaxis", sep);
    else used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%lld", sep, (long long)dims[i]);
  }
  if (used < sizeof buf) snprintf(buf + used, sizeof buf - used, printed == 1 && i == 1 ? ",)" : ")");
  return numc__fail(NUMC_EVALUE, "cannot reshape array of size %lld into shape %s",
                    (long long)numc_size(a), buf);
}

/* Replace the one unknown (any negative) extent by what the size implies (NumPy's
 * _fix_unknown_dimension); checks that the sizes agree. */
static numc_status fix_unknown(const numc_array *a, int ndim, int64_t *dims) {
  int64_t size = numc_size(a), known = 1;
  int unknown = -1;
  for (int i = 0; i < ndim; i++) {
    if (dims[i] < 0) {
      if (unknown >= 0) return numc__fail(NUMC_EVALUE, "can only specify one unknown dimension");
      unknown = i;
    } else if (__builtin_mul_overflow(known, dims[i], &known)) {
      return size_mismatch(a, ndim, dims);
    }
  }
  if (unknown < 0) return known == size ? NUMC_OK : size_mismatch(a, ndim, dims);
  if (known == 0 || size % known != 0) return size_mismatch(a, ndim, dims);
  dims[unknown] = size / known;
  return NUMC_OK;
}

/* NumPy's _attempt_nocopy_reshape: strides that give `a` the new shape without moving
 * data, walking groups of old axes that multiply to groups of new axes. False when some
 * group is not contiguous enough in the requested order. */
static bool nocopy_strides(const numc_array *a, int newnd, const int64_t *newdims, bool f_order,
                           int64_t *newstrides) {
  int64_t olddims[NUMC_MAXDIMS], oldstrides[NUMC_MAXDIMS];
  int oldnd = 0;
  for (int i = 0; i < a->ndim; i++) /* length-1 axes constrain nothing */
    if (a->shape[i] != 1) {
      olddims[oldnd] = a->shape[i];
      oldstrides[oldnd++] = a->strides[i];
    }
  int oi = 0, oj = 1, ni = 0, nj = 1;
  while (ni < newnd && oi < oldnd) {
    int64_t np = newdims[ni], op = olddims[oi];
    while (np != op) {
      if (np < op) np *= newdims[nj++]; /* trailing 1s are handled below */
      else op *= olddims[oj++];
    }
    for (int ok = oi; ok < oj - 1; ok++) {
      bool joins = f_order ? oldstrides[ok + 1] == olddims[ok] * oldstrides[ok]
                           : oldstrides[ok] == olddims[ok + 1] * oldstrides[ok + 1];
      if (!joins) return false;
    }
    if (f_order) {
      newstrides[ni] = oldstrides[oi];
      for (int nk = ni + 1; nk < nj; nk++) newstrides[nk] = newstrides[nk - 1] * newdims[nk - 1];
    } else {
      newstrides[nj - 1] = oldstrides[oj - 1];
      for (int nk = nj - 1; nk > ni; nk--) newstrides[nk - 1] = newstrides[nk] * newdims[nk];
    }
    ni = nj++;
    oi = oj++;
  }
  /* Trailing new axes have length 1: any stride works; NumPy continues the last one. */
  int64_t last = ni >= 1 ? newstrides[ni - 1] : (int64_t)numc_itemsize(a);
  if (f_order && ni >= 1) last *= newdims[ni - 1];
  for (int nk = ni; nk < newnd; nk++) newstrides[nk] = last;
  return true;
}

/* Strides of a dense array of `dims` in C or F order (zero extents count as 1). */
static void dense_strides(int nd, const int64_t *dims, int64_t item, bool f_order,
                          int64_t *strides) {
  for (int k = 0; k < nd; k++) {
    int i = f_order ? k : nd - 1 - k;
    strides[i] = item;
    item *= dims[i] ? dims[i] : 1;
  }
}

/* A view of `base` (dense in `order` from its offset) with shape dims. */
static numc_status dense_view(const numc_array *base, int nd, const int64_t *dims, bool f_order,
                              numc_array **out) {
  int64_t strides[NUMC_MAXDIMS];
  dense_strides(nd, dims, (int64_t)numc_itemsize(base), f_order, strides);
  return numc__view(base, base->dtype, nd, dims, strides, base->offset, out);
}

/* A dense copy of `a` in `order` (C or F), seen with shape dims. */
static numc_status copy_then_view(const numc_array *a, int nd, const int64_t *dims, bool f_order,
                                  numc_array **out) {
  numc_array *c = NULL;
  NUMC__TRY(numc_copy(a, f_order ? NUMC_ORDER_F : NUMC_ORDER_C, &c));
  numc_status s = dense_view(c, nd, dims, f_order, out);
  numc_free(c); /* the view keeps the copy's buffer */
  return s;
}

numc_status numc_reshape(const numc_array *a, const int64_t *shape, int ndim, numc_order order,
                         numc_array **out) {
  NUMC__TRY(numc__check_in_out(a, out));
  if (ndim < 0 || ndim > NUMC_MAXDIMS)
    return numc__fail(NUMC_EINVAL, "number of dimensions %d is not in [0, %d]", ndim, NUMC_MAXDIMS);
  if (ndim > 0 && !shape) return numc__fail(NUMC_EINVAL, "shape is NULL");
  NUMC__TRY(numc__check_order(order));
  if (order == NUMC_ORDER_K) return numc__fail(NUMC_EVALUE, "order 'K' is not permitted for reshaping");
  bool f_order = numc__resolve_any(a, order) == NUMC_ORDER_F;
  int64_t dims[NUMC_MAXDIMS], strides[NUMC_MAXDIMS];
  if (ndim > 0) memcpy(dims, shape, sizeof(int64_t) * (size_t)ndim);
  NUMC__TRY(fix_unknown(a, ndim, dims));
  if (f_order ? numc_is_f_contiguous(a) : numc_is_c_contiguous(a))
    return dense_view(a, ndim, dims, f_order, out);
  if (nocopy_strides(a, ndim, dims, f_order, strides))
    return numc__view(a, a->dtype, ndim, dims, strides, a->offset, out);
  return copy_then_view(a, ndim, dims, f_order, out);
}

/* Whether a's elements fill a dense block in memory order with positive strides, so that
 * ravel(order='K') can be a view (NumPy's check in PyArray_Ravel). */
static bool dense_in_memory_order(const numc_array *a) {
  int perm[NUMC_MAXDIMS];
  numc__stride_perm(a, perm);
  int64_t expect = (int64_t)numc_itemsize(a);
  for (int i = a->ndim - 1; i >= 0; i--) {
    int ax = perm[i];
    if (a->shape[ax] == 1) continue;
    if (a->strides[ax] != expect) return false;
    expect *= a->shape[ax];
  }
  return true;
}

numc_status numc_flatten(const numc_array *a, numc_order order, numc_array **out) {
  NUMC__TRY(numc__check_in_out(a, out));
  NUMC__TRY(numc__check_order(order));
  order = numc__resolve_any(a, order);
  int64_t n = numc_size(a);
  if (order != NUMC_ORDER_K) return copy_then_view(a, 1, &n, order == NUMC_ORDER_F, out);
  /* K: read the elements in the order of decreasing |stride|. */
  numc_array *mem = NULL;
  NUMC__TRY(numc__memory_order_view(a, &mem));
  numc_status s = copy_then_view(mem, 1, &n, false, out);
  numc_free(mem);
  return s;
}

numc_status numc_ravel(const numc_array *a, numc_order order, numc_array **out) {
  NUMC__TRY(numc__check_in_out(a, out));
  NUMC__TRY(numc__check_order(order));
  order = numc__resolve_any(a, order);
  bool c = numc_is_c_contiguous(a), f = numc_is_f_contiguous(a);
  bool view = order == NUMC_ORDER_C   ? c
              : order == NUMC_ORDER_F ? f
                                      : c || f || dense_in_memory_order(a);
  int64_t n = numc_size(a);
  if (view) return dense_view(a, 1, &n, false, out);
  return numc_flatten(a, order, out);
}
