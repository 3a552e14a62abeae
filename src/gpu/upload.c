/* The upload strategies (numc__gpu_upload_path in gpu.h; transfer.c says why there are
 * several and what they cost).
 *
 * WebGPU copies whole 4-byte words: each strategy writes n rounded up to 4 bytes, the tail
 * padded with zeros (destination buffers are whole words, see pool.c). */
#include "gpu/gpu.h"

/* wgpuQueueWriteBuffer in calls of at most `chunk` bytes. Dawn copies the bytes at the
 * call, so nothing waits. */
static void write_buffer(numc__gpu *g, WGPUBuffer dst, uint64_t offset, const uint8_t *src, size_t n,
                         uint64_t chunk) {
  size_t whole = n / 4 * 4;
  for (size_t at = 0; at < whole; at += chunk)
    g->wgpu->QueueWriteBuffer(g->queue, dst, offset + at, src + at, numc__gpu_chunk_len(whole, at, chunk));
  if (n > whole) {
    uint8_t tail[4] = {0};
    memcpy(tail, src + whole, n - whole);
    g->wgpu->QueueWriteBuffer(g->queue, dst, offset + whole, tail, 4);
  }
}

/* n bytes into a mapped range of n rounded up to 4, zero-padded. */
static void fill(void *mapped, const uint8_t *src, size_t n) {
  memcpy(mapped, src, n);
  memset((uint8_t *)mapped + n, 0, (n + 3) / 4 * 4 - n);
}

/* Chunk i through write staging buffer i % 2: map it (waiting for its previous copy),
 * memcpy, unmap, enqueue its copy to `dst`. While the GPU copies chunk i, the host fills
 * the other buffer with chunk i + 1. */
static numc_status through_staging(numc__gpu *g, WGPUBuffer dst, uint64_t offset, const uint8_t *src, size_t n,
                                   uint64_t chunk) {
  for (uint64_t at = 0, i = 0; at < n; at += chunk, i++) {
    numc__gpu_block *slot = &g->write_staging[i % 2];
    uint64_t len = numc__gpu_chunk_len(n, at, chunk), len4 = (len + 3) / 4 * 4;
    NUMC__TRY(numc__gpu_staging(g, slot, WGPUBufferUsage_MapWrite | WGPUBufferUsage_CopySrc, len4));
    void *mapped;
    NUMC__TRY(numc__gpu_map(g, slot->buffer, WGPUMapMode_Write, len4, &mapped));
    fill(mapped, src + at, len);
    g->wgpu->BufferUnmap(slot->buffer);
    numc__gpu_copy(g, slot->buffer, 0, dst, offset + at, len4);
  }
  return NUMC_OK;
}

/* A buffer of its own, mapped at creation (no wait), destroyed once its copy is enqueued
 * (WebGPU keeps it until the copy has run). */
static numc_status through_new_buffer(numc__gpu *g, WGPUBuffer dst, uint64_t offset, const uint8_t *src,
                                      size_t n) {
  uint64_t n4 = (n + 3) / 4 * 4;
  WGPUBuffer b = numc__gpu_buffer_create_mapped(g, WGPUBufferUsage_MapWrite | WGPUBufferUsage_CopySrc, n4);
  numc_status s = numc__gpu_check(g);
  if (!b) return s != NUMC_OK ? s : numc__fail(NUMC_ENOMEM, "GPU: no upload buffer of %llu bytes", (unsigned long long)n4);
  void *mapped = s == NUMC_OK ? g->wgpu->BufferGetMappedRange(b, 0, (size_t)n4) : NULL;
  if (mapped) fill(mapped, src, n);
  g->wgpu->BufferUnmap(b);
  if (mapped) numc__gpu_copy(g, b, 0, dst, offset, n4);
  numc__gpu_buffer_destroy(g, b);
  if (s == NUMC_OK && !mapped) s = numc__fail(NUMC_EDEVICE, "GPU: a buffer mapped at creation has no memory");
  return s;
}

numc_status numc__gpu_upload(numc__gpu *g, WGPUBuffer dst, uint64_t offset, const void *src, size_t n) {
  numc__gpu_transfer_strategy s = numc__gpu_transfer_strategy_get();
  if (n == 0) return numc__gpu_check(g);
  /* Mapping a staging buffer waits for the GPU, which non-blocking mode cannot. */
  if (s.upload == NUMC__UPLOAD_STAGING && numc__gpu_nonblocking()) s.upload = NUMC__UPLOAD_WRITE;
  switch (s.upload) {
  case NUMC__UPLOAD_WRITE: write_buffer(g, dst, offset, src, n, n); break;
  case NUMC__UPLOAD_WRITE_CHUNKED: write_buffer(g, dst, offset, src, n, s.chunk_bytes); break;
  case NUMC__UPLOAD_STAGING:
    /* Small uploads stay purely enqueued: write-buffer is as fast there (H100: 6.3 GB/s
     * at 1 MiB against 4.5-5.2 for staging) and never waits. */
    if (n <= s.chunk_bytes / 8) write_buffer(g, dst, offset, src, n, n);
    else NUMC__TRY(through_staging(g, dst, offset, src, n, s.chunk_bytes));
    break;
  case NUMC__UPLOAD_MAPPED_AT_CREATION: NUMC__TRY(through_new_buffer(g, dst, offset, src, n)); break;
  }
  return numc__gpu_check(g);
}
