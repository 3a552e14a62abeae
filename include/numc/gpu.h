/* numc/gpu.h: arrays on the GPU (WebGPU; Dawn on the desktop). Included by numc.h.
 *
 * The GPU is optional: numc loads the WebGPU library at run time, and every function
 * here fails cleanly with NUMC_EUNAVAIL (the reason in numc_last_error()) when there is
 * no library, no adapter, only Dawn's Null backend, or the device was lost.
 *
 * Device arrays: numc_to_device copies an array to GPU memory. Operations that run on
 * the GPU take device arrays and return device arrays without a round trip through host
 * memory. Any host access (numc_data, numc_get, printing, CPU operations) copies the
 * data back first and from then on the host copy is the authoritative one. */
#ifndef NUMC_GPU_H
#define NUMC_GPU_H

#include "numc/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/** True if a usable GPU was found (creates the GPU context on first call). */
NUMC_API bool numc_gpu_available(void);

/** What the GPU context found. Strings are empty when unknown. */
typedef struct numc_gpu_properties {
  bool available;
  char reason[256];       /* why not, when !available */
  char name[128];         /* "SwiftShader Device (Subzero)", "NVIDIA H100 80GB HBM3" */
  char vendor[64];
  char architecture[64];
  char driver[160];       /* the adapter's description: driver name and version */
  char backend[16];       /* "vulkan", "metal", "d3d12", ... */
  char adapter_type[16];  /* "discrete", "integrated", "cpu", "unknown" */
  char library[256];      /* the WebGPU library loaded */
  uint64_t max_buffer_size;
  uint64_t max_storage_binding_size;
  uint32_t max_workgroup_storage_size;
  uint32_t max_invocations_per_workgroup;
  bool shader_f16, subgroups, timestamp_query;
  double init_ms;         /* instance + adapter + device creation */
} numc_gpu_properties;

/** Fill `out`; NUMC_OK whether or not a GPU is available (see out->available). */
NUMC_API numc_status numc_gpu_info(numc_gpu_properties *out);

/** GPU memory numc holds: buffers that device arrays own (between calls, nothing else
 * holds pool buffers), and freed buffers the pool keeps for reuse. All zero without a GPU. */
typedef struct numc_gpu_memory {
  int64_t array_buffers, array_bytes;
  int64_t pooled_buffers, pooled_bytes;
} numc_gpu_memory;

NUMC_API void numc_gpu_memory_get(numc_gpu_memory *out);

/** A copy of `a` in GPU memory (C-contiguous). For an array already on the GPU, a new
 * view of the same data. */
NUMC_API numc_status numc_to_device(const numc_array *a, numc_array **out);
/** A copy of `a` in host memory. For an array already on the host, a new view of the
 * same data. */
NUMC_API numc_status numc_to_host(const numc_array *a, numc_array **out);

#ifdef __cplusplus
}
#endif
#endif
