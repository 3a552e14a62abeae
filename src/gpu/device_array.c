/* Arrays whose bytes live on the GPU.
 *
 * A device array is an ordinary numc_array over a numc_buffer whose `device` is
 * NUMC_DEVICE_GPU and whose `gpu` field holds a pool block (gpu.h). Views share the
 * buffer as usual. GPU operations read and write blocks directly, so a chain of them
 * pays one upload and one download. Host access (numc__host_data in core/array.c)
 * downloads the bytes once and returns the block to the pool: from then on the buffer is
 * an ordinary host buffer, because the caller may write through the host pointer and a
 * second copy could silently go stale. */
#include <stdlib.h>

#include "gpu/gpu.h"

bool numc__gpu_resident(const numc_array *a, const numc__gpu *g) {
  return a->buf->device == NUMC_DEVICE_GPU && a->buf->gpu && a->buf->gpu->ctx == g;
}

void numc__gpu_buffer_free(numc__gpu_buffer *d) {
  numc__gpu_lock();
  numc__gpu_pool_put(d->ctx, d->block);
  numc__gpu_release(d->ctx);
  numc__gpu_unlock();
  free(d);
}

numc_status numc__gpu_sync_host(numc_buffer *b) {
  numc__gpu_lock();
  numc_status s = NUMC_OK;
  if (b->device == NUMC_DEVICE_GPU) {
    numc__gpu_buffer *d = b->gpu;
    if (!b->data) {
      b->data = numc__alloc(b->nbytes, false);
      if (!b->data) s = numc__fail(NUMC_ENOMEM, "unable to allocate %zu bytes for a device array's host copy", b->nbytes);
    }
    if (s == NUMC_OK) s = numc__gpu_check(d->ctx);
    if (s == NUMC_OK) s = numc__gpu_download(d->ctx, d->block.buffer, 0, b->data, b->nbytes);
    if (s == NUMC_OK) {
      b->device = NUMC_DEVICE_CPU;
      b->gpu = NULL;
      numc__gpu_buffer_free(d);
    }
  }
  numc__gpu_unlock();
  return s;
}

numc_status numc__gpu_new_array(numc__gpu *g, numc_dtype t, int ndim, const int64_t *shape, numc_array **out) {
  NUMC__TRY(numc__check_shape(ndim, shape, numc_dtype_size(t)));
  size_t nbytes = (size_t)numc__size(ndim, shape) * numc_dtype_size(t);
  numc_array *a = calloc(1, sizeof *a);
  numc_buffer *b = calloc(1, sizeof *b);
  numc__gpu_buffer *d = calloc(1, sizeof *d);
  if (!a || !b || !d) {
    free(a);
    free(b);
    free(d);
    return numc__oom();
  }
  /* A block of at least one word: WebGPU has no empty bindings. */
  numc_status s = numc__gpu_pool_get(g, nbytes ? nbytes : 4, &d->block);
  if (s != NUMC_OK) {
    free(a);
    free(b);
    free(d);
    return s;
  }
  d->ctx = g;
  numc__gpu_retain(g);
  atomic_init(&b->refcount, 1);
  b->nbytes = nbytes;
  b->device = NUMC_DEVICE_GPU;
  b->gpu = d;
  a->buf = b;
  a->dtype = t;
  a->ndim = ndim;
  int64_t stride = (int64_t)numc_dtype_size(t);
  for (int i = ndim - 1; i >= 0; i--) {
    a->shape[i] = shape[i];
    a->strides[i] = stride;
    stride *= shape[i] ? shape[i] : 1;
  }
  a->flags = NUMC__WRITEABLE;
  numc__update_flags(a);
  *out = a;
  return NUMC_OK;
}

static numc_status same_view(const numc_array *a, numc_array **out) {
  NUMC__TRY(numc__view(a, a->dtype, a->ndim, a->shape, a->strides, a->offset, out));
  (*out)->flags = a->flags;
  return NUMC_OK;
}

static numc_status check_args(const numc_array *a, numc_array **out, const char *fn) {
  if (!a) return numc__fail(NUMC_EINVAL, "%s: array is NULL", fn);
  if (!out) return numc__fail(NUMC_EINVAL, "%s: output pointer is NULL", fn);
  if (*out) return numc__fail(NUMC_EINVAL, "%s: *out must be NULL", fn);
  return NUMC_OK;
}

static numc_status to_device_locked(const numc_array *a, numc_array **out) {
  numc__gpu *g;
  NUMC__TRY(numc__gpu_context(&g));
  if (numc__gpu_resident(a, g)) return same_view(a, out);
  numc_array *host = NULL, *dev = NULL;
  NUMC__TRY(numc_ascontiguousarray(a, &host)); /* a view when a is C-contiguous already */
  const char *src = numc__host_data(host);
  numc_status s = src ? NUMC_OK : numc_last_status();
  if (s == NUMC_OK) s = numc__gpu_new_array(g, a->dtype, a->ndim, a->shape, &dev);
  if (s == NUMC_OK) s = numc__gpu_upload(g, dev->buf->gpu->block.buffer, 0, src, numc_nbytes(host));
  numc_free(host);
  if (s != NUMC_OK) {
    numc_free(dev);
    return s;
  }
  dev->flags = (dev->flags & ~(uint32_t)NUMC__WEAK) | (a->flags & NUMC__WEAK);
  *out = dev;
  return NUMC_OK;
}

numc_status numc_to_device(const numc_array *a, numc_array **out) {
  NUMC__TRY(check_args(a, out, "to_device"));
  numc__gpu_lock();
  numc_status s = to_device_locked(a, out);
  numc__gpu_unlock();
  return s;
}

numc_status numc_to_host(const numc_array *a, numc_array **out) {
  NUMC__TRY(check_args(a, out, "to_host"));
  if (a->buf->device != NUMC_DEVICE_GPU) return same_view(a, out);
  /* A new host buffer with the same geometry; `a` itself stays on the device. */
  numc_array *h = calloc(1, sizeof *h);
  numc_buffer *b = numc__buffer_new(a->buf->nbytes, false);
  if (!h || !b) {
    free(h);
    numc__buffer_release(b);
    return numc__oom();
  }
  numc__gpu_lock();
  numc__gpu_buffer *d = a->buf->gpu;
  numc_status s = numc__gpu_check(d->ctx);
  if (s == NUMC_OK) s = numc__gpu_download(d->ctx, d->block.buffer, 0, b->data, b->nbytes);
  numc__gpu_unlock();
  if (s != NUMC_OK) {
    free(h);
    numc__buffer_release(b);
    return s;
  }
  *h = *a;
  h->buf = b;
  h->flags |= NUMC__WRITEABLE;
  *out = h;
  return NUMC_OK;
}
