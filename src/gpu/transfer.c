/* Copies between host memory and GPU buffers.
 *
 * Upload: wgpuQueueWriteBuffer. Measured on SwiftShader (2026-11-25, 2-core machine under
 * load, best of 3, upload until the GPU has the data), against copyBufferToBuffer from a
 * MapWrite staging buffer: write-buffer 0.14-0.5 ms at 1 MiB, 4.8-6.6 ms at 16 MiB,
 * 23-30 ms at 64 MiB; a reused staging buffer (map, memcpy, unmap, copy) 0.17 / 4.8-7.2 /
 * 33-35 ms; a fresh buffer mapped at creation 0.2-0.3 / 7.5-8.9 / 420-520 ms. Write-buffer
 * is as fast or faster and needs no wait, so uploads stay purely enqueued (Dawn copies
 * the bytes at the call: the caller's memory may change right after).
 *
 * Download: copy into one MapRead staging buffer per context, reused and grown by
 * powers of two, then map it, which is the one wait of a download. */
#include <stdlib.h>

#include "gpu/gpu.h"

numc_status numc__gpu_upload(numc__gpu *g, WGPUBuffer dst, uint64_t offset, const void *src, size_t n) {
  /* WebGPU copies whole 4-byte words: pad the tail (the buffer is a whole number of
   * words, see pool.c). */
  size_t whole = n / 4 * 4;
  if (whole) g->wgpu->QueueWriteBuffer(g->queue, dst, offset, src, whole);
  if (n > whole) {
    uint8_t tail[4] = {0};
    memcpy(tail, (const uint8_t *)src + whole, n - whole);
    g->wgpu->QueueWriteBuffer(g->queue, dst, offset + whole, tail, 4);
  }
  return numc__gpu_check(g);
}

static numc_status staging_for(numc__gpu *g, uint64_t n) {
  if (g->staging.buffer && g->staging.size >= n) return NUMC_OK;
  uint64_t size = 4096;
  while (size < n) size *= 2;
  if (size > g->limits.maxBufferSize) size = n;
  if (g->staging.buffer) numc__gpu_buffer_destroy(g, g->staging.buffer);
  g->staging.buffer = numc__gpu_buffer_create(g, WGPUBufferUsage_MapRead | WGPUBufferUsage_CopyDst, size);
  g->staging.size = g->staging.buffer ? size : 0;
  NUMC__TRY(numc__gpu_check(g));
  if (!g->staging.buffer) return numc__fail(NUMC_ENOMEM, "GPU: no staging buffer of %llu bytes", (unsigned long long)size);
  return NUMC_OK;
}

numc_status numc__gpu_download(numc__gpu *g, WGPUBuffer src, uint64_t offset, void *dst, size_t n) {
  if (n == 0) return NUMC_OK;
  const numc__wgpu_procs *w = g->wgpu;
  uint64_t n4 = (n + 3) / 4 * 4;
  NUMC__TRY(staging_for(g, n4));
  WGPUCommandEncoder enc = w->DeviceCreateCommandEncoder(g->device, NULL);
  w->CommandEncoderCopyBufferToBuffer(enc, src, offset, g->staging.buffer, 0, n4);
  WGPUCommandBuffer cmd = w->CommandEncoderFinish(enc, NULL);
  w->QueueSubmit(g->queue, 1, &cmd);
  w->CommandBufferRelease(cmd);
  w->CommandEncoderRelease(enc);
  numc__gpu_pending *p = numc__gpu_pending_new("reading GPU memory back");
  if (!p) return numc__oom();
  w->BufferMapAsync(g->staging.buffer, WGPUMapMode_Read, 0, (size_t)n4, numc__gpu_on_map(p));
  NUMC__TRY(numc__gpu_wait(w, g->instance, p, NULL));
  NUMC__TRY(numc__gpu_check(g));
  const void *mapped = w->BufferGetConstMappedRange(g->staging.buffer, 0, (size_t)n4);
  if (mapped) memcpy(dst, mapped, n);
  w->BufferUnmap(g->staging.buffer);
  if (!mapped) return numc__fail(NUMC_EDEVICE, "GPU: the mapped readback buffer has no memory");
  return NUMC_OK;
}
