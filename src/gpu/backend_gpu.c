/* The WebGPU backend as the core sees it (core/backend.h): the operations it offers. */
#include "core/backend.h"
#include "gpu/gpu.h"

static bool available(void) { return numc__gpu_available(); }

/* A CPU adapter (SwiftShader, WARP) runs WGSL on the same cores numc's CPU code uses, and
 * always slower. */
static bool emulated(void) {
  numc__gpu *g;
  numc__gpu_lock();
  bool cpu = numc__gpu_context(&g) != NUMC_OK || g->adapter_type == WGPUAdapterType_CPU;
  numc__gpu_unlock();
  return cpu;
}

const numc__backend numc__webgpu_backend = {
    .name = "webgpu",
    .available = available,
    .emulated = emulated,
    .matmul = numc__gpu_matmul,
    .elementwise = numc__gpu_elementwise,
    .reduce = numc__gpu_reduce,
};
