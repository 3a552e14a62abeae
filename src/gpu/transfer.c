/* Copies between host memory and GPU buffers: the strategy switch, the staging buffers,
 * and downloads (uploads: upload.c).
 *
 * WebGPU offers few ways to move bytes, and which is fastest depends on the
 * implementation and driver, so each is a strategy (gpu.h) that bench/bench_gpu_transfer.c
 * measures and the tests run:
 *   uploads    wgpuQueueWriteBuffer in one call or per chunk; a memcpy into one of two
 *              reused MapWrite buffers per chunk, each followed by a copy to the
 *              destination (the memcpy of one chunk overlaps the GPU's copy of the
 *              previous one); a fresh buffer mapped at creation per upload.
 *   downloads  a copy into one MapRead buffer, one map, one memcpy; or per chunk into two
 *              MapRead buffers in turn, so the GPU copies chunk i+1 while the host copies
 *              chunk i out.
 * The staging buffers belong to the context, grow by powers of two, and live until it
 * dies. Every map is a wait, done by numc__gpu_wait (wait.c), the one place that waits.
 *
 * Measured on SwiftShader (2026-11-25, 2-core machine under load, best of 3, upload until
 * the GPU has the data): write-buffer 0.14-0.5 ms at 1 MiB, 4.8-6.6 ms at 16 MiB, 23-30 ms
 * at 64 MiB; one reused staging buffer 0.17 / 4.8-7.2 / 33-35 ms; a fresh buffer mapped at
 * creation 0.2-0.3 / 7.5-8.9 / 420-520 ms. bench_gpu_transfer there, later the same day
 * (GB/s at 1 / 16 MiB): write-buffer 16-18 / 18-20, chunked alike; staging 7-9 / 6-8;
 * mapped at creation 4-8 / 4-6; downloads 3-13 / 7-11 for either path (noisy).
 * On the H100 (Dawn + Vulkan, 2026-11-25, bench_gpu_transfer 256, GB/s at 1 / 16 / 64 /
 * 256 MiB): write-buffer 6.3 / 1.6 / 1.5 / 1.5 (chunked no better); staging with 8 MiB
 * chunks about 5 / 9 / 7.5 / 7.5 (1-64 MiB chunks alike); mapped at creation 0.7-1.5;
 * downloads whole 5.7 / 8.7 / 6.2 / 8.9, chunked 5-7 / 8-9 / 6.5-7.5 / 6.5-7.4. Host
 * memcpy there: 9-20 GB/s into touched memory, ~2 GB/s into fresh pages. Write-buffer's
 * slowness for large writes is Dawn's (our guess, not checked in its source: a fresh
 * staging allocation per write whose pages fault in), which the reused staging buffers
 * avoid. Hence the default (`current` below): staging uploads (write-buffer for those of
 * at most an eighth of a chunk, see upload.c) and whole downloads. It made the end-to-end
 * 4096^3 matmul 37 ms instead of 115 (CuPy: 43).
 *
 * The cost of staging uploads: mapping a staging buffer waits until the GPU has run its
 * previous copy, so an upload may wait for GPU work submitted before the previous-but-one
 * chunk (after a long kernel, the second upload waits for the kernel). */
#include <stdlib.h>

#include "gpu/gpu.h"

/* guarded by the backend lock */
static numc__gpu_transfer_strategy current = {NUMC__UPLOAD_STAGING, NUMC__DOWNLOAD_WHOLE, (uint64_t)8 << 20};

numc_status numc__gpu_transfer_set_strategy(numc__gpu_transfer_strategy s) {
  if ((unsigned)s.upload > NUMC__UPLOAD_MAPPED_AT_CREATION || (unsigned)s.download > NUMC__DOWNLOAD_CHUNKED)
    return numc__fail(NUMC_EINVAL, "GPU: unknown transfer path (%d, %d)", (int)s.upload, (int)s.download);
  if (s.chunk_bytes == 0 || s.chunk_bytes % 4)
    return numc__fail(NUMC_EINVAL, "GPU: transfer chunk of %llu bytes is not a positive multiple of 4",
                      (unsigned long long)s.chunk_bytes);
  numc__gpu_lock();
  current = s;
  numc__gpu_unlock();
  return NUMC_OK;
}

numc__gpu_transfer_strategy numc__gpu_transfer_strategy_get(void) {
  numc__gpu_lock();
  numc__gpu_transfer_strategy s = current;
  numc__gpu_unlock();
  return s;
}

uint64_t numc__gpu_chunk_len(uint64_t n, uint64_t at, uint64_t chunk) {
  return n - at < chunk ? n - at : chunk;
}

numc_status numc__gpu_staging(numc__gpu *g, numc__gpu_block *slot, WGPUBufferUsage usage, uint64_t n) {
  if (slot->buffer && slot->size >= n) return NUMC_OK;
  uint64_t size = 4096;
  while (size < n) size *= 2;
  if (size > g->limits.maxBufferSize) size = n;
  if (slot->buffer) numc__gpu_buffer_destroy(g, slot->buffer);
  slot->buffer = numc__gpu_buffer_create(g, usage, size);
  slot->size = slot->buffer ? size : 0;
  NUMC__TRY(numc__gpu_check(g));
  if (!slot->buffer) return numc__fail(NUMC_ENOMEM, "GPU: no staging buffer of %llu bytes", (unsigned long long)size);
  return NUMC_OK;
}

void numc__gpu_staging_destroy(numc__gpu *g) {
  for (int i = 0; i < 2; i++) {
    if (g->read_staging[i].buffer) numc__gpu_buffer_destroy(g, g->read_staging[i].buffer);
    if (g->write_staging[i].buffer) numc__gpu_buffer_destroy(g, g->write_staging[i].buffer);
    g->read_staging[i] = g->write_staging[i] = (numc__gpu_block){0};
  }
}

numc_status numc__gpu_map(numc__gpu *g, WGPUBuffer b, WGPUMapMode mode, uint64_t n, void **out) {
  const numc__wgpu_procs *w = g->wgpu;
  numc__gpu_pending *p = numc__gpu_pending_new(mode == WGPUMapMode_Read ? "reading GPU memory back"
                                                                        : "mapping an upload buffer");
  if (!p) return numc__oom();
  w->BufferMapAsync(b, mode, 0, (size_t)n, numc__gpu_on_map(p));
  NUMC__TRY(numc__gpu_wait(w, g->instance, p, NULL));
  NUMC__TRY(numc__gpu_check(g));
  *out = mode == WGPUMapMode_Read ? (void *)w->BufferGetConstMappedRange(b, 0, (size_t)n)
                                  : w->BufferGetMappedRange(b, 0, (size_t)n);
  if (*out) return NUMC_OK;
  w->BufferUnmap(b);
  return numc__fail(NUMC_EDEVICE, "GPU: a mapped staging buffer has no memory");
}

void numc__gpu_copy(numc__gpu *g, WGPUBuffer src, uint64_t src_offset, WGPUBuffer dst, uint64_t dst_offset,
                    uint64_t n) {
  const numc__wgpu_procs *w = g->wgpu;
  WGPUCommandEncoder enc = w->DeviceCreateCommandEncoder(g->device, NULL);
  w->CommandEncoderCopyBufferToBuffer(enc, src, src_offset, dst, dst_offset, n);
  WGPUCommandBuffer cmd = w->CommandEncoderFinish(enc, NULL);
  w->QueueSubmit(g->queue, 1, &cmd);
  w->CommandBufferRelease(cmd);
  w->CommandEncoderRelease(enc);
}

/* Enqueue the copy of n bytes at `at` of `src` into read staging buffer `slot` (whole
 * words: the source buffer is a whole number of them). */
static void enqueue_chunk(numc__gpu *g, int slot, WGPUBuffer src, uint64_t at, uint64_t n) {
  numc__gpu_copy(g, src, at, g->read_staging[slot].buffer, 0, (n + 3) / 4 * 4);
}

/* Wait for that copy and take its n bytes out to `dst`. */
static numc_status finish_chunk(numc__gpu *g, int slot, uint8_t *dst, uint64_t n) {
  WGPUBuffer b = g->read_staging[slot].buffer;
  void *mapped;
  NUMC__TRY(numc__gpu_map(g, b, WGPUMapMode_Read, (n + 3) / 4 * 4, &mapped));
  memcpy(dst, mapped, n);
  g->wgpu->BufferUnmap(b);
  return NUMC_OK;
}

numc_status numc__gpu_download(numc__gpu *g, WGPUBuffer src, uint64_t offset, void *dst, size_t n) {
  if (n == 0) return NUMC_OK;
  if (numc__gpu_nonblocking()) return numc__gpu_readback(g, src, offset, dst, n);
  uint64_t chunk = current.download == NUMC__DOWNLOAD_CHUNKED && current.chunk_bytes < n ? current.chunk_bytes : n;
  uint64_t nchunks = (n + chunk - 1) / chunk;
  for (uint64_t i = 0; i < nchunks && i < 2; i++)
    NUMC__TRY(numc__gpu_staging(g, &g->read_staging[i], WGPUBufferUsage_MapRead | WGPUBufferUsage_CopyDst,
                                (chunk + 3) / 4 * 4));
  /* Chunk i goes through slot i % 2; chunk i + 2 is enqueued as soon as chunk i is out,
   * so the GPU copies one chunk while the host copies the other. */
  for (uint64_t i = 0; i < nchunks && i < 2; i++)
    enqueue_chunk(g, (int)i, src, offset + i * chunk, numc__gpu_chunk_len(n, i * chunk, chunk));
  for (uint64_t i = 0; i < nchunks; i++) {
    uint64_t at = i * chunk;
    NUMC__TRY(finish_chunk(g, (int)(i % 2), (uint8_t *)dst + at, numc__gpu_chunk_len(n, at, chunk)));
    uint64_t next = at + 2 * chunk;
    if (i + 2 < nchunks) enqueue_chunk(g, (int)(i % 2), src, offset + next, numc__gpu_chunk_len(n, next, chunk));
  }
  return numc__gpu_check(g);
}
