/* Downloads that span several calls, for non-blocking mode (wait.c).
 *
 * There a download cannot wait for its map. The first call asking for some
 * bytes (a source buffer, an offset, a length) copies them into a MapRead
 * buffer of their own, starts mapping it and fails with NUMC_EPENDING; the
 * operation that needed the bytes fails with it, having produced nothing, and
 * its caller repeats it once the GPU's promises settled. The repeated operation
 * asks for the same bytes and finds them here, mapped: they are copied out and
 * the read-back ends.
 *
 * The bytes are those the source held when the first call enqueued the copy.
 * That is the answer the repeated call wants because nothing writes a device
 * array after the kernel that made it, and a block going back to the pool (for
 * another array) first forgets its read-backs (numc__gpu_readback_forget). */
#include <stdlib.h>

#include "gpu/gpu.h"

struct numc__gpu_readback {
  WGPUBuffer src;
  uint64_t offset, n;
  WGPUBuffer staging; /* MapRead | CopyDst, n rounded up to 4 bytes */
  numc__gpu_pending *mapping;
  struct numc__gpu_readback *next;
};

static numc_status start(numc__gpu *g, WGPUBuffer src, uint64_t offset, uint64_t n, struct numc__gpu_readback **out) {
  struct numc__gpu_readback *r = calloc(1, sizeof *r);
  if (!r) return numc__oom();
  uint64_t n4 = (n + 3) / 4 * 4;
  r->staging = numc__gpu_buffer_create(g, WGPUBufferUsage_MapRead | WGPUBufferUsage_CopyDst, n4);
  r->mapping = numc__gpu_pending_new("reading GPU memory back");
  numc_status s = numc__gpu_check(g);
  if (s == NUMC_OK && (!r->staging || !r->mapping))
    s = numc__fail(NUMC_ENOMEM, "GPU: no read-back buffer of %llu bytes", (unsigned long long)n4);
  if (s != NUMC_OK) {
    if (r->staging) numc__gpu_buffer_destroy(g, r->staging);
    if (r->mapping) { /* never handed to WebGPU: both shares are ours */
      numc__gpu_pending_drop(r->mapping);
      numc__gpu_pending_drop(r->mapping);
    }
    free(r);
    return s;
  }
  numc__gpu_copy(g, src, offset, r->staging, 0, n4);
  g->wgpu->BufferMapAsync(r->staging, WGPUMapMode_Read, 0, (size_t)n4, numc__gpu_on_map(r->mapping));
  *r = (struct numc__gpu_readback){src, offset, n, r->staging, r->mapping, g->readbacks};
  g->readbacks = r;
  *out = r;
  return NUMC_OK;
}

/* Unlink and free `r`; `mapping` is NULL once its outcome was taken. Destroying
 * the buffer while it maps completes the map callback with an "aborted" status.
 */
static void finish(numc__gpu *g, struct numc__gpu_readback *r) {
  for (struct numc__gpu_readback **at = &g->readbacks; *at; at = &(*at)->next)
    if (*at == r) {
      *at = r->next;
      break;
    }
  numc__gpu_pending_drop(r->mapping);
  numc__gpu_buffer_destroy(g, r->staging);
  free(r);
}

numc_status numc__gpu_readback(numc__gpu *g, WGPUBuffer src, uint64_t offset, void *dst, size_t n) {
  struct numc__gpu_readback *r = g->readbacks;
  while (r && !(r->src == src && r->offset == offset && r->n == n))
    r = r->next;
  if (!r) NUMC__TRY(start(g, src, offset, n, &r));
  numc_status s = numc__gpu_poll(g->wgpu, g->instance, r->mapping);
  if (s == NUMC_EPENDING) return s;
  r->mapping = NULL; /* the poll released our share */
  if (s == NUMC_OK) s = numc__gpu_check(g);
  if (s == NUMC_OK) {
    size_t n4 = (n + 3) / 4 * 4;
    const void *mapped = g->wgpu->BufferGetConstMappedRange(r->staging, 0, n4);
    if (mapped)
      memcpy(dst, mapped, n);
    else
      s = numc__fail(NUMC_EDEVICE, "GPU: a mapped read-back buffer has no memory");
    g->wgpu->BufferUnmap(r->staging);
  }
  finish(g, r);
  return s;
}

void numc__gpu_readback_forget(numc__gpu *g, WGPUBuffer src) {
  for (struct numc__gpu_readback *r = g->readbacks, *next; r; r = next) {
    next = r->next;
    if (r->src == src) finish(g, r);
  }
}

void numc__gpu_readbacks_destroy(numc__gpu *g) {
  while (g->readbacks)
    finish(g, g->readbacks);
}
