/* The array object: construction, views, flags and accessors. */
#include <stdlib.h>

#include "core.h"

int64_t numc__size(int ndim, const int64_t *shape) {
  int64_t n = 1;
  for (int i = 0; i < ndim; i++) n *= shape[i];
  return n;
}

numc_status numc__check_shape(int ndim, const int64_t *shape, size_t itemsize) {
  if (ndim < 0 || ndim > NUMC_MAXDIMS)
    return numc__fail(NUMC_EINVAL, "number of dimensions %d is not in [0, %d]", ndim, NUMC_MAXDIMS);
  if (ndim > 0 && !shape) return numc__fail(NUMC_EINVAL, "shape is NULL");
  /* Bound by PTRDIFF_MAX so that every byte offset fits an int64 and a size_t. */
  uint64_t bytes = itemsize ? itemsize : 1, limit = (uint64_t)PTRDIFF_MAX;
  for (int i = 0; i < ndim; i++)
    if (shape[i] < 0)
      return numc__fail(NUMC_EVALUE, "negative dimensions are not allowed (dimension %d is %lld)",
                        i, (long long)shape[i]);
  /* The non-zero extents must multiply without overflow even when another extent is 0
   * (as NumPy requires), so that every later product of extents is defined. */
  for (int i = 0; i < ndim; i++) {
    if (shape[i] != 0 && bytes > limit / (uint64_t)shape[i])
      return numc__fail(NUMC_EOVERFLOW, "array is too big; the size of this shape overflows");
    bytes *= (uint64_t)shape[i];
  }
  return NUMC_OK;
}

void numc__update_flags(numc_array *a) {
  int64_t item = (int64_t)numc_dtype_size(a->dtype);
  bool c = true, f = true;
  if (numc__size(a->ndim, a->shape) != 0) {
    int64_t expect = item;
    for (int i = a->ndim - 1; i >= 0; i--) {
      if (a->shape[i] != 1 && a->strides[i] != expect) c = false;
      expect *= a->shape[i];
    }
    expect = item;
    for (int i = 0; i < a->ndim; i++) {
      if (a->shape[i] != 1 && a->strides[i] != expect) f = false;
      expect *= a->shape[i];
    }
  }
  a->flags &= ~(uint32_t)(NUMC__C_CONTIGUOUS | NUMC__F_CONTIGUOUS);
  if (c) a->flags |= NUMC__C_CONTIGUOUS;
  if (f) a->flags |= NUMC__F_CONTIGUOUS;
}

static void fill_strides(numc_array *a, numc_order order) {
  int64_t s = (int64_t)numc_dtype_size(a->dtype);
  if (order == NUMC_ORDER_F) {
    for (int i = 0; i < a->ndim; i++) {
      a->strides[i] = s;
      s *= a->shape[i] ? a->shape[i] : 1;
    }
  } else {
    for (int i = a->ndim - 1; i >= 0; i--) {
      a->strides[i] = s;
      s *= a->shape[i] ? a->shape[i] : 1;
    }
  }
}

numc_status numc__new(numc_dtype t, int ndim, const int64_t *shape, numc_order order, bool zero,
                      numc_array **out) {
  if (!numc__valid_dtype((int)t)) return numc__fail(NUMC_EINVAL, "invalid dtype %d", (int)t);
  NUMC__TRY(numc__check_shape(ndim, shape, numc_dtype_size(t)));
  if (!out) return numc__fail(NUMC_EINVAL, "output pointer is NULL");
  numc_array *a = calloc(1, sizeof *a);
  if (!a) return numc__oom();
  a->dtype = t;
  a->ndim = ndim;
  for (int i = 0; i < ndim; i++) a->shape[i] = shape[i];
  size_t nbytes = (size_t)numc__size(ndim, shape) * numc_dtype_size(t);
  a->buf = numc__buffer_new(nbytes, zero);
  if (!a->buf) {
    free(a);
    return numc__fail(NUMC_ENOMEM, "unable to allocate %zu bytes for an array", nbytes);
  }
  fill_strides(a, order == NUMC_ORDER_F ? NUMC_ORDER_F : NUMC_ORDER_C);
  a->flags = NUMC__WRITEABLE;
  numc__update_flags(a);
  *out = a;
  return NUMC_OK;
}

numc_status numc__new_like(const numc_array *proto, numc_dtype t, bool zero, numc_array **out) {
  numc_order order = (numc_is_f_contiguous(proto) && !numc_is_c_contiguous(proto))
                         ? NUMC_ORDER_F
                         : NUMC_ORDER_C;
  return numc__new(t, proto->ndim, proto->shape, order, zero, out);
}

numc_status numc__view(const numc_array *a, numc_dtype t, int ndim, const int64_t *shape,
                       const int64_t *strides, int64_t offset, numc_array **out) {
  if (ndim < 0 || ndim > NUMC_MAXDIMS)
    return numc__fail(NUMC_EINVAL, "number of dimensions %d is not in [0, %d]", ndim, NUMC_MAXDIMS);
  numc_array *v = calloc(1, sizeof *v);
  if (!v) return numc__oom();
  v->buf = a->buf;
  numc__buffer_retain(a->buf);
  v->offset = offset;
  v->dtype = t;
  v->ndim = ndim;
  for (int i = 0; i < ndim; i++) {
    v->shape[i] = shape[i];
    v->strides[i] = strides[i];
  }
  v->flags = a->flags & NUMC__WRITEABLE;
  numc__update_flags(v);
  *out = v;
  return NUMC_OK;
}

void numc_free(numc_array *a) {
  if (!a) return;
  numc__buffer_release(a->buf);
  free(a);
}

char *numc__host_data(const numc_array *a) {
  /* Device-resident bytes come back first; from then on the host copy is authoritative,
   * since the caller may write through the pointer. */
  if (a->buf->device == NUMC_DEVICE_GPU && numc__gpu_sync_host(a->buf) != NUMC_OK) return NULL;
  return a->buf->data + a->offset;
}

numc_status numc__host_ready(const numc_array *a) {
  return a->buf->device == NUMC_DEVICE_GPU ? numc__gpu_sync_host(a->buf) : NUMC_OK;
}

bool numc__is_weak(const numc_array *a) { return (a->flags & NUMC__WEAK) != 0; }

numc_status numc__require_writeable(const numc_array *a, const char *what) {
  if (a->flags & NUMC__WRITEABLE) return NUMC_OK;
  return numc__fail(NUMC_EREADONLY, "%s is read-only", what);
}

/* -------------------------------------------------------------- accessors */

numc_dtype numc_dtype_of(const numc_array *a) { return a->dtype; }
int numc_ndim(const numc_array *a) { return a->ndim; }
const int64_t *numc_shape(const numc_array *a) { return a->shape; }
const int64_t *numc_strides(const numc_array *a) { return a->strides; }
int64_t numc_size(const numc_array *a) { return numc__size(a->ndim, a->shape); }
size_t numc_itemsize(const numc_array *a) { return numc_dtype_size(a->dtype); }
size_t numc_nbytes(const numc_array *a) { return (size_t)numc_size(a) * numc_itemsize(a); }
bool numc_is_c_contiguous(const numc_array *a) { return (a->flags & NUMC__C_CONTIGUOUS) != 0; }
bool numc_is_f_contiguous(const numc_array *a) { return (a->flags & NUMC__F_CONTIGUOUS) != 0; }
bool numc_is_writeable(const numc_array *a) { return (a->flags & NUMC__WRITEABLE) != 0; }
void *numc_data(const numc_array *a) { return numc__host_data(a); }
numc_device numc_location(const numc_array *a) { return a->buf->device; }

numc_status numc_set_writeable(numc_array *a, bool writeable) {
  if (!a) return numc__fail(NUMC_EINVAL, "array is NULL");
  if (!writeable) {
    a->flags &= ~(uint32_t)NUMC__WRITEABLE;
    return NUMC_OK;
  }
  if (a->buf->readonly)
    return numc__fail(NUMC_EREADONLY, "cannot set WRITEABLE flag to True of this array: it wraps read-only memory");
  a->flags |= NUMC__WRITEABLE;
  return NUMC_OK;
}

/* Byte range [lo, hi) that the array's elements touch. */
static void byte_extent(const numc_array *a, int64_t *lo, int64_t *hi) {
  int64_t l = a->offset, h = a->offset;
  if (numc_size(a) == 0) {
    *lo = *hi = a->offset;
    return;
  }
  for (int i = 0; i < a->ndim; i++) {
    int64_t span = (a->shape[i] - 1) * a->strides[i];
    if (span < 0) l += span;
    else h += span;
  }
  *lo = l;
  *hi = h + (int64_t)numc_itemsize(a);
}

bool numc_may_share_memory(const numc_array *a, const numc_array *b) {
  if (!a || !b || a->buf != b->buf) return false;
  int64_t alo, ahi, blo, bhi;
  byte_extent(a, &alo, &ahi);
  byte_extent(b, &blo, &bhi);
  return alo < bhi && blo < ahi;
}

static numc_status element_ptr(const numc_array *a, const int64_t *index, char **p) {
  if (!a) return numc__fail(NUMC_EINVAL, "array is NULL");
  if (a->ndim > 0 && !index) return numc__fail(NUMC_EINVAL, "index is NULL");
  char *q = numc__host_data(a);
  for (int i = 0; i < a->ndim; i++) {
    int64_t k = index[i] < 0 ? index[i] + a->shape[i] : index[i];
    if (k < 0 || k >= a->shape[i])
      return numc__fail(NUMC_EINDEX, "index %lld is out of bounds for axis %d with size %lld",
                        (long long)index[i], i, (long long)a->shape[i]);
    q += k * a->strides[i];
  }
  *p = q;
  return NUMC_OK;
}

numc_status numc_get(const numc_array *a, const int64_t *index, numc_scalar *out) {
  char *p;
  NUMC__TRY(element_ptr(a, index, &p));
  *out = numc__scalar_load(a->dtype, p);
  return NUMC_OK;
}

numc_status numc_set(numc_array *a, const int64_t *index, numc_scalar value) {
  char *p;
  NUMC__TRY(element_ptr(a, index, &p));
  NUMC__TRY(numc__require_writeable(a, "assignment destination"));
  numc__scalar_store(value, a->dtype, p);
  return NUMC_OK;
}

numc_status numc_item(const numc_array *a, numc_scalar *out) {
  if (!a) return numc__fail(NUMC_EINVAL, "array is NULL");
  if (numc_size(a) != 1)
    return numc__fail(NUMC_EVALUE, "can only convert an array of size 1 to a scalar (size is %lld)",
                      (long long)numc_size(a));
  *out = numc__scalar_load(a->dtype, numc__host_data(a));
  return NUMC_OK;
}

/* ----------------------------------------------------- wrapping C memory */

static void release_nothing(void *data, void *ctx) {
  (void)data;
  (void)ctx;
}

numc_status numc_wrap(void *data, const int64_t *shape, const int64_t *strides, int ndim,
                      numc_dtype t, bool writeable, void (*release)(void *data, void *ctx),
                      void *ctx, numc_array **out) {
  if (!out) return numc__fail(NUMC_EINVAL, "output pointer is NULL");
  if (!numc__valid_dtype((int)t)) return numc__fail(NUMC_EINVAL, "invalid dtype %d", (int)t);
  NUMC__TRY(numc__check_shape(ndim, shape, numc_dtype_size(t)));
  if (!data && numc__size(ndim, shape) != 0) return numc__fail(NUMC_EINVAL, "data is NULL");
  numc_array *a = calloc(1, sizeof *a);
  numc_buffer *b = calloc(1, sizeof *b);
  if (!a || !b) {
    free(a);
    free(b);
    return numc__oom();
  }
  atomic_init(&b->refcount, 1);
  b->data = data;
  b->readonly = !writeable;
  b->device = NUMC_DEVICE_CPU;
  b->release = release;
  b->release_ctx = ctx;
  /* Wrapped memory is never numc__dealloc'ed: without a callback it is simply left. */
  if (!b->release) b->release = release_nothing;
  a->buf = b;
  a->dtype = t;
  a->ndim = ndim;
  for (int i = 0; i < ndim; i++) a->shape[i] = shape[i];
  if (strides)
    for (int i = 0; i < ndim; i++) a->strides[i] = strides[i];
  else
    fill_strides(a, NUMC_ORDER_C);
  a->flags = writeable ? NUMC__WRITEABLE : 0;
  numc__update_flags(a);
  *out = a;
  return NUMC_OK;
}
