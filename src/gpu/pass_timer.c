/* GPU time of a compute pass, from timestamp queries (feature TimestampQuery).
 *
 * The pass writes a timestamp at its beginning and at its end into a query set of two;
 * after the pass the encoder resolves them into a small buffer, which is read back after
 * the submit like any download (transfer.c). WebGPU resolves timestamps in nanoseconds.
 * Dawn quantises them to 65.536 us unless its "timestamp_quantization" toggle is off,
 * which context.c asks for.
 *
 * Reading the result waits for the GPU: only code that asked to be timed pays for it. */
#include "gpu/gpu.h"

numc_status numc__gpu_pass_timer_create(numc__gpu *g, numc__gpu_pass_timer *t) {
  *t = (numc__gpu_pass_timer){0};
  if (!g->has_timestamps) return numc__fail(NUMC_EUNAVAIL, "GPU: the device has no timestamp queries");
  WGPUQuerySetDescriptor desc = {.label = numc__wgpu_str("numc pass timer"), .type = WGPUQueryType_Timestamp,
                                 .count = 2};
  t->queries = g->wgpu->DeviceCreateQuerySet(g->device, &desc);
  t->resolved = numc__gpu_buffer_create(g, WGPUBufferUsage_QueryResolve | WGPUBufferUsage_CopySrc, 16);
  t->writes = (WGPUPassTimestampWrites){.querySet = t->queries, .beginningOfPassWriteIndex = 0,
                                        .endOfPassWriteIndex = 1};
  numc_status s = numc__gpu_check(g);
  if (s == NUMC_OK && (!t->queries || !t->resolved)) s = numc__fail(NUMC_ENOMEM, "GPU: no timestamp query set");
  if (s != NUMC_OK) numc__gpu_pass_timer_destroy(g, t);
  return s;
}

void numc__gpu_pass_timer_resolve(numc__gpu *g, numc__gpu_pass_timer *t, WGPUCommandEncoder enc) {
  g->wgpu->CommandEncoderResolveQuerySet(enc, t->queries, 0, 2, t->resolved, 0);
}

numc_status numc__gpu_pass_timer_read(numc__gpu *g, numc__gpu_pass_timer *t, int64_t *ns) {
  uint64_t ticks[2];
  NUMC__TRY(numc__gpu_download(g, t->resolved, 0, ticks, sizeof ticks));
  if (ticks[1] < ticks[0]) return numc__fail(NUMC_EDEVICE, "GPU: the pass ended before it began (timestamps)");
  *ns = (int64_t)(ticks[1] - ticks[0]);
  return NUMC_OK;
}

void numc__gpu_pass_timer_destroy(numc__gpu *g, numc__gpu_pass_timer *t) {
  if (t->queries) {
    g->wgpu->QuerySetDestroy(t->queries);
    g->wgpu->QuerySetRelease(t->queries);
  }
  if (t->resolved) numc__gpu_buffer_destroy(g, t->resolved);
  *t = (numc__gpu_pass_timer){0};
}
