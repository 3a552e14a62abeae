/* What the GPU context found: numc_gpu_info, numc_gpu_available and the text that
 * numc info prints. */
#include <stdio.h>
#include <stdlib.h>

#include "gpu/gpu.h"

/* Guarded by the backend lock. */
static char unavailable_reason[512];

const char *numc__gpu_unavailable_reason(void) { return unavailable_reason; }

void numc__gpu_set_unavailable_reason(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(unavailable_reason, sizeof unavailable_reason, fmt, ap);
  va_end(ap);
}

static const char *backend_name(WGPUBackendType b) {
  switch (b) {
  case WGPUBackendType_Null: return "null";
  case WGPUBackendType_WebGPU: return "webgpu";
  case WGPUBackendType_D3D11: return "d3d11";
  case WGPUBackendType_D3D12: return "d3d12";
  case WGPUBackendType_Metal: return "metal";
  case WGPUBackendType_Vulkan: return "vulkan";
  case WGPUBackendType_OpenGL: return "opengl";
  case WGPUBackendType_OpenGLES: return "opengles";
  default: return "unknown";
  }
}

static const char *adapter_type_name(WGPUAdapterType t) {
  switch (t) {
  case WGPUAdapterType_DiscreteGPU: return "discrete";
  case WGPUAdapterType_IntegratedGPU: return "integrated";
  case WGPUAdapterType_CPU: return "cpu";
  default: return "unknown";
  }
}

bool numc_gpu_available(void) { return numc__gpu_available(); }

numc_status numc_gpu_info(numc_gpu_properties *out) {
  if (!out) return numc__fail(NUMC_EINVAL, "numc_gpu_info: output is NULL");
  memset(out, 0, sizeof *out);
  numc__gpu_lock();
  numc__gpu *g;
  if (numc__gpu_context(&g) != NUMC_OK) {
    snprintf(out->reason, sizeof out->reason, "%s", numc_last_error());
    numc__gpu_unlock();
    return NUMC_OK;
  }
  out->available = true;
  snprintf(out->name, sizeof out->name, "%s", g->name);
  snprintf(out->vendor, sizeof out->vendor, "%s", g->vendor);
  snprintf(out->architecture, sizeof out->architecture, "%s", g->architecture);
  snprintf(out->driver, sizeof out->driver, "%s", g->description);
  snprintf(out->backend, sizeof out->backend, "%s", backend_name(g->backend));
  snprintf(out->adapter_type, sizeof out->adapter_type, "%s", adapter_type_name(g->adapter_type));
  snprintf(out->library, sizeof out->library, "%s", g->library);
  out->max_buffer_size = g->limits.maxBufferSize;
  out->max_storage_binding_size = g->limits.maxStorageBufferBindingSize;
  out->max_workgroup_storage_size = g->limits.maxComputeWorkgroupStorageSize;
  out->max_invocations_per_workgroup = g->limits.maxComputeInvocationsPerWorkgroup;
  out->shader_f16 = g->has_f16;
  out->subgroups = g->has_subgroups;
  out->timestamp_query = g->has_timestamps;
  out->init_ms = g->init_ms;
  numc__gpu_unlock();
  return NUMC_OK;
}

char *numc__gpu_info_text(void) {
  numc_gpu_properties p;
  numc_gpu_info(&p);
  size_t n = 1024;
  char *s = malloc(n);
  if (!s) {
    numc__oom();
    return NULL;
  }
  if (!p.available) {
    snprintf(s, n, "not available: %s", p.reason);
    return s;
  }
  snprintf(s, n,
           "%s (%s, %s adapter; vendor %s, architecture %s; driver %s)\n"
           "          limits: max buffer %llu MiB, max storage binding %llu MiB, workgroup storage %u KiB, "
           "%u invocations\n"
           "          features: shader-f16 %s, subgroups %s, timestamp-query %s\n"
           "          started in %.0f ms from %s",
           p.name, p.backend, p.adapter_type, p.vendor[0] ? p.vendor : "?",
           p.architecture[0] ? p.architecture : "?", p.driver[0] ? p.driver : "?",
           (unsigned long long)(p.max_buffer_size >> 20), (unsigned long long)(p.max_storage_binding_size >> 20),
           p.max_workgroup_storage_size >> 10, p.max_invocations_per_workgroup, p.shader_f16 ? "yes" : "no",
           p.subgroups ? "yes" : "no", p.timestamp_query ? "yes" : "no", p.init_ms, p.library);
  return s;
}
