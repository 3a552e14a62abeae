/* GPU buffers recycled by size class.
 *
 * Creating a WebGPU buffer costs a driver allocation (and on Dawn a zero fill), so
 * buffers that device arrays and temporaries give back are kept on free lists, one per
 * power-of-two size class, and handed out again. Rounding up to a power of two wastes at
 * most half of a buffer but makes a reuse likely; buffers whose class would exceed the
 * device's maxBufferSize get the exact size and are never pooled.
 *
 * The free lists hold at most `cap_bytes` (NUMC_GPU_POOL_BYTES, default 256 MiB); a
 * buffer that does not fit is destroyed. numc__gpu_pool_trim empties them, and a dying
 * context destroys them all. Counters (live / pooled buffers and bytes, and every
 * WGPUBuffer numc holds) let the tests check reuse and that nothing is left behind. */
#include <stdlib.h>

#include "gpu/gpu.h"

#define NUMC__POOL_CLASSES 64
#define NUMC__POOL_MIN_BYTES 256 /* small arrays share one class */

struct numc__gpu_free_list {
  WGPUBuffer *items;
  int n, cap;
};

/* Every WGPUBuffer numc created and has not destroyed, across contexts. */
static atomic_llong buffers_alive;

static int class_of(uint64_t nbytes) {
  int c = 0;
  while (((uint64_t)NUMC__POOL_MIN_BYTES << c) < nbytes) c++;
  return c;
}

numc_status numc__gpu_pool_init(numc__gpu_pool *p) {
  memset(p, 0, sizeof *p);
  p->classes = calloc(NUMC__POOL_CLASSES, sizeof *p->classes);
  if (!p->classes) return numc__oom();
  const char *env = getenv("NUMC_GPU_POOL_BYTES");
  long long cap = env ? atoll(env) : -1;
  p->cap_bytes = cap >= 0 ? (uint64_t)cap : (uint64_t)256 << 20;
  return NUMC_OK;
}

static WGPUBuffer create(numc__gpu *g, WGPUBufferUsage usage, uint64_t size, bool mapped) {
  WGPUBufferDescriptor desc = {
      .label = numc__wgpu_str("numc"), .usage = usage, .size = size, .mappedAtCreation = mapped};
  WGPUBuffer b = g->wgpu->DeviceCreateBuffer(g->device, &desc);
  if (b) atomic_fetch_add(&buffers_alive, 1);
  return b;
}

WGPUBuffer numc__gpu_buffer_create(numc__gpu *g, WGPUBufferUsage usage, uint64_t size) {
  return create(g, usage, size, false);
}

WGPUBuffer numc__gpu_buffer_create_mapped(numc__gpu *g, WGPUBufferUsage usage, uint64_t size) {
  return create(g, usage, size, true);
}

void numc__gpu_buffer_destroy(numc__gpu *g, WGPUBuffer b) {
  g->wgpu->BufferDestroy(b);
  g->wgpu->BufferRelease(b);
  atomic_fetch_sub(&buffers_alive, 1);
}

numc_status numc__gpu_pool_get(numc__gpu *g, uint64_t nbytes, numc__gpu_block *out) {
  numc__gpu_pool *p = &g->pool;
  int c = class_of(nbytes);
  uint64_t size = (uint64_t)NUMC__POOL_MIN_BYTES << c;
  if (size > g->limits.maxBufferSize) {
    /* Exact, up to a whole 16-byte word (kernels may bind operands as vec4): too big
     * for its class. */
    size = (nbytes + 15) / 16 * 16;
    if (size > g->limits.maxBufferSize)
      return numc__fail(NUMC_EUNAVAIL, "GPU: %llu bytes exceed the device's largest buffer (%llu bytes)",
                        (unsigned long long)nbytes, (unsigned long long)g->limits.maxBufferSize);
  } else if (p->classes[c].n > 0) {
    out->buffer = p->classes[c].items[--p->classes[c].n];
    out->size = size;
    p->pooled_buffers--;
    p->pooled_bytes -= (int64_t)size;
    p->live_buffers++;
    p->live_bytes += (int64_t)size;
    return NUMC_OK;
  }
  WGPUBuffer b = numc__gpu_buffer_create(
      g, WGPUBufferUsage_Storage | WGPUBufferUsage_CopySrc | WGPUBufferUsage_CopyDst, size);
  NUMC__TRY(numc__gpu_check(g)); /* out of device memory arrives as an uncaptured error */
  if (!b) return numc__fail(NUMC_ENOMEM, "GPU: could not allocate %llu bytes", (unsigned long long)size);
  out->buffer = b;
  out->size = size;
  p->live_buffers++;
  p->live_bytes += (int64_t)size;
  return NUMC_OK;
}

void numc__gpu_pool_put(numc__gpu *g, numc__gpu_block b) {
  numc__gpu_pool *p = &g->pool;
  numc__gpu_readback_forget(g, b.buffer); /* its next owner's bytes are not these */
  p->live_buffers--;
  p->live_bytes -= (int64_t)b.size;
  int c = class_of(b.size);
  struct numc__gpu_free_list *l = &p->classes[c];
  bool pooled_size = ((uint64_t)NUMC__POOL_MIN_BYTES << c) == b.size;
  bool fits = (uint64_t)p->pooled_bytes + b.size <= p->cap_bytes;
  if (pooled_size && fits && l->n == l->cap) {
    int cap = l->cap ? 2 * l->cap : 4;
    WGPUBuffer *items = realloc(l->items, (size_t)cap * sizeof *items);
    if (items) {
      l->items = items;
      l->cap = cap;
    }
  }
  if (!pooled_size || !fits || l->n == l->cap || atomic_load(&g->lost)) {
    numc__gpu_buffer_destroy(g, b.buffer);
    return;
  }
  l->items[l->n++] = b.buffer;
  p->pooled_buffers++;
  p->pooled_bytes += (int64_t)b.size;
}

static void trim(numc__gpu *g) {
  numc__gpu_pool *p = &g->pool;
  if (!p->classes) return;
  for (int c = 0; c < NUMC__POOL_CLASSES; c++) {
    struct numc__gpu_free_list *l = &p->classes[c];
    while (l->n > 0) numc__gpu_buffer_destroy(g, l->items[--l->n]);
  }
  p->pooled_buffers = 0;
  p->pooled_bytes = 0;
}

void numc__gpu_pool_trim(void) {
  numc__gpu_lock();
  numc__gpu *g;
  if (numc__gpu_context(&g) == NUMC_OK) trim(g);
  numc__gpu_unlock();
}

void numc__gpu_pool_destroy(numc__gpu *g) {
  trim(g);
  if (g->pool.classes)
    for (int c = 0; c < NUMC__POOL_CLASSES; c++) free(g->pool.classes[c].items);
  free(g->pool.classes);
  g->pool.classes = NULL;
}

void numc__gpu_pool_stats_get(numc__gpu_pool_stats *out) {
  memset(out, 0, sizeof *out);
  numc__gpu_lock();
  numc__gpu *g;
  if (numc__gpu_context(&g) == NUMC_OK) {
    out->live_buffers = g->pool.live_buffers;
    out->live_bytes = g->pool.live_bytes;
    out->pooled_buffers = g->pool.pooled_buffers;
    out->pooled_bytes = g->pool.pooled_bytes;
  }
  out->buffers_alive = (int64_t)atomic_load(&buffers_alive);
  numc__gpu_unlock();
}

void numc_gpu_memory_get(numc_gpu_memory *out) {
  if (!out) return;
  numc__gpu_pool_stats s;
  numc__gpu_pool_stats_get(&s);
  *out = (numc_gpu_memory){s.live_buffers, s.live_bytes, s.pooled_buffers, s.pooled_bytes};
}

uint64_t numc__gpu_pool_set_cap(uint64_t bytes) {
  uint64_t old = 0;
  numc__gpu_lock();
  numc__gpu *g;
  if (numc__gpu_context(&g) == NUMC_OK) {
    old = g->pool.cap_bytes;
    g->pool.cap_bytes = bytes;
  }
  numc__gpu_unlock();
  return old;
}
