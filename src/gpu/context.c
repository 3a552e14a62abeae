/* The GPU context: one WebGPU instance, adapter, device and queue per process, created
 * on first use under the backend lock.
 *
 * Adapter choice: the high-performance adapter of the core feature level. Dawn's Null
 * backend (what Dawn offers when no Vulkan driver qualifies, e.g. with Mesa's lavapipe)
 * computes nothing and counts as "no GPU".
 *
 * SwiftShader fallback: Debian's chromium package ships SwiftShader as a Vulkan driver
 * (/usr/lib/chromium/vk_swiftshader_icd.json) but does not register it. When the first
 * attempt finds no usable adapter and the user has chosen no driver (neither
 * VK_ICD_FILENAMES nor VK_DRIVER_FILES is set), we set VK_ICD_FILENAMES to that file and
 * try once more with a new instance. The Vulkan loader reads the variable when Dawn
 * creates its Vulkan instance, so setting it from inside the process works (tests/unit/
 * test_gpu.c checks it). It never hides a real GPU: it is only tried after the real
 * drivers gave nothing, and NUMC_GPU_NO_SWIFTSHADER=1 turns it off.
 *
 * Device loss and uncaptured errors arrive through callbacks and are recorded here;
 * numc__gpu_check turns them into NUMC_EDEVICE for the operation that notices. A lost
 * context stays current (reporting the GPU unavailable, with the reason) until
 * numc__gpu_shutdown; the next use after that creates a new one. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "gpu/gpu.h"

static const char swiftshader_icd[] = "/usr/lib/chromium/vk_swiftshader_icd.json";

static pthread_once_t lock_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t lock;
static numc__gpu *current;    /* guarded by lock */
static bool creation_failed;  /* guarded by lock: do not retry until shutdown */

static void lock_init(void) {
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&lock, &attr);
  pthread_mutexattr_destroy(&attr);
}

void numc__gpu_lock(void) {
  pthread_once(&lock_once, lock_init);
  pthread_mutex_lock(&lock);
}

void numc__gpu_unlock(void) { pthread_mutex_unlock(&lock); }

static void copy_view(char *dst, size_t n, WGPUStringView v) {
  size_t len = v.data ? (v.length == WGPU_STRLEN ? strlen(v.data) : v.length) : 0;
  if (len >= n) len = n - 1;
  if (len) memcpy(dst, v.data, len);
  dst[len] = '\0';
}

/* Runs on whatever thread Dawn reports from (mode AllowSpontaneous). A device that we
 * destroy ourselves reports Destroyed or CallbackCancelled, possibly after the context
 * is freed: those reasons must not touch it. */
static void device_lost(WGPUDevice const *device, WGPUDeviceLostReason reason, WGPUStringView message,
                        void *userdata1, void *userdata2) {
  if (reason == WGPUDeviceLostReason_Destroyed || reason == WGPUDeviceLostReason_CallbackCancelled ||
      reason == WGPUDeviceLostReason_FailedCreation)
    return;
  numc__gpu *g = userdata1;
  copy_view(g->lost_reason, sizeof g->lost_reason, message);
  atomic_store(&g->lost, true);
}

/* Keeps the first error until numc__gpu_check reports it. */
static void uncaptured_error(WGPUDevice const *device, WGPUErrorType type, WGPUStringView message,
                             void *userdata1, void *userdata2) {
  numc__gpu *g = userdata1;
  if (atomic_load(&g->error_pending)) return;
  copy_view(g->error_message, sizeof g->error_message, message);
  atomic_store(&g->error_pending, true);
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void destroy(numc__gpu *g) {
  const numc__wgpu_procs *w = g->wgpu;
  numc__gpu_readbacks_destroy(g);
  numc__gpu_pipelines_destroy(g);
  numc__gpu_pool_destroy(g);
  numc__gpu_staging_destroy(g);
  if (g->queue) w->QueueRelease(g->queue);
  if (g->device) {
    w->DeviceDestroy(g->device);
    w->DeviceRelease(g->device);
  }
  if (g->adapter) w->AdapterRelease(g->adapter);
  if (g->instance) {
    w->InstanceProcessEvents(g->instance); /* let callbacks of the destroyed device run */
    w->InstanceRelease(g->instance);
  }
  free(g);
}

numc_status numc__gpu_refail(numc_status s, const char *prefix) {
  char why[512]; /* the message must be copied: numc__fail writes the same buffer */
  snprintf(why, sizeof why, "%s", numc_last_error());
  return prefix ? numc__fail(s, "%s: %s", prefix, why) : numc__fail(s, "%s", why);
}

void numc__gpu_retain(numc__gpu *g) { atomic_fetch_add(&g->refcount, 1); }

void numc__gpu_release(numc__gpu *g) {
  if (!g) return;
  numc__gpu_lock();
  if (atomic_fetch_sub(&g->refcount, 1) == 1) destroy(g);
  numc__gpu_unlock();
}

/* An adapter of instance g->instance: NUMC_EUNAVAIL if none, or only the Null backend. */
static numc_status find_adapter(numc__gpu *g) {
  const numc__wgpu_procs *w = g->wgpu;
  numc__gpu_pending *p = numc__gpu_pending_new("requesting a GPU adapter");
  if (!p) return numc__oom();
  WGPURequestAdapterOptions options = {.featureLevel = WGPUFeatureLevel_Core,
                                       .powerPreference = WGPUPowerPreference_HighPerformance};
  w->InstanceRequestAdapter(g->instance, &options, numc__gpu_on_adapter(p));
  void *adapter = NULL;
  if (numc__gpu_wait(w, g->instance, p, &adapter) != NUMC_OK)
    return numc__gpu_refail(NUMC_EUNAVAIL, "no GPU adapter");
  g->adapter = adapter;
  WGPUAdapterInfo info = {0};
  if (w->AdapterGetInfo(g->adapter, &info) != WGPUStatus_Success)
    return numc__fail(NUMC_EUNAVAIL, "the GPU adapter gave no information");
  copy_view(g->name, sizeof g->name, info.device);
  copy_view(g->vendor, sizeof g->vendor, info.vendor);
  copy_view(g->architecture, sizeof g->architecture, info.architecture);
  copy_view(g->description, sizeof g->description, info.description);
  g->backend = info.backendType;
  g->adapter_type = info.adapterType;
  w->AdapterInfoFreeMembers(info);
  if (g->backend == WGPUBackendType_Null)
    return numc__fail(NUMC_EUNAVAIL,
                      "only Dawn's Null backend is available (no usable Vulkan driver; for "
                      "SwiftShader set VK_ICD_FILENAMES=%s)",
                      swiftshader_icd);
  return NUMC_OK;
}

static numc_status create_device(numc__gpu *g) {
  const numc__wgpu_procs *w = g->wgpu;
  WGPULimits limits = {0};
  if (w->AdapterGetLimits(g->adapter, &limits) != WGPUStatus_Success)
    return numc__fail(NUMC_EUNAVAIL, "the GPU adapter gave no limits");
  /* Ask for what the adapter has, not WebGPU's small defaults (128 MiB bindings). */
  WGPUFeatureName wanted[] = {WGPUFeatureName_ShaderF16, WGPUFeatureName_Subgroups,
                              WGPUFeatureName_TimestampQuery};
  WGPUFeatureName features[3];
  size_t nfeatures = 0;
  for (size_t i = 0; i < 3; i++)
    if (w->AdapterHasFeature(g->adapter, wanted[i])) features[nfeatures++] = wanted[i];
  /* Timestamps at full resolution: Dawn rounds them down to 65.536 us by default (a
   * browser's defence against timing attacks), which would hide kernels shorter than
   * that. (Toggles are Dawn's extension.) */
  static const char *const unquantised[] = {"timestamp_quantization"};
  WGPUDawnTogglesDescriptor toggles = {.chain = {NULL, WGPUSType_DawnTogglesDescriptor},
                                       .disabledToggleCount = 1,
                                       .disabledToggles = unquantised};
  WGPUDeviceDescriptor desc = {
      .nextInChain = &toggles.chain,
      .label = numc__wgpu_str("numc"),
      .requiredFeatureCount = nfeatures,
      .requiredFeatures = features,
      .requiredLimits = &limits,
      .deviceLostCallbackInfo = {NULL, WGPUCallbackMode_AllowSpontaneous, device_lost, g, NULL},
      .uncapturedErrorCallbackInfo = {NULL, uncaptured_error, g, NULL},
  };
  numc__gpu_pending *p = numc__gpu_pending_new("creating the GPU device");
  if (!p) return numc__oom();
  w->AdapterRequestDevice(g->adapter, &desc, numc__gpu_on_device(p));
  void *device = NULL;
  if (numc__gpu_wait(w, g->instance, p, &device) != NUMC_OK) return numc__gpu_refail(NUMC_EUNAVAIL, NULL);
  g->device = device;
  g->queue = w->DeviceGetQueue(g->device);
  if (w->DeviceGetLimits(g->device, &g->limits) != WGPUStatus_Success)
    return numc__fail(NUMC_EUNAVAIL, "the GPU device gave no limits");
  for (size_t i = 0; i < nfeatures; i++) {
    if (features[i] == WGPUFeatureName_ShaderF16) g->has_f16 = true;
    if (features[i] == WGPUFeatureName_Subgroups) g->has_subgroups = true;
    if (features[i] == WGPUFeatureName_TimestampQuery) g->has_timestamps = true;
  }
  return NUMC_OK;
}

/* One attempt with a fresh instance. On failure *out is NULL and the status says why. */
static numc_status try_create(const numc__wgpu_procs *w, const char *library, numc__gpu **out) {
  *out = NULL;
  numc__gpu *g = calloc(1, sizeof *g);
  if (!g) return numc__oom();
  atomic_init(&g->refcount, 1);
  atomic_init(&g->lost, false);
  atomic_init(&g->error_pending, false);
  g->wgpu = w;
  snprintf(g->library, sizeof g->library, "%s", library);
  double start = now_ms();
  numc_status s = numc__gpu_pool_init(&g->pool);
  if (s == NUMC_OK) {
    g->instance = w->CreateInstance(NULL);
    if (!g->instance) s = numc__fail(NUMC_EUNAVAIL, "wgpuCreateInstance failed");
  }
  if (s == NUMC_OK) s = find_adapter(g);
  if (s == NUMC_OK) s = create_device(g);
  if (s != NUMC_OK) {
    destroy(g);
    return numc__gpu_refail(s, NULL);
  }
  g->init_ms = now_ms() - start;
  *out = g;
  return NUMC_OK;
}

static bool want_swiftshader_fallback(void) {
  const char *off = getenv("NUMC_GPU_NO_SWIFTSHADER");
  if (off && *off && strcmp(off, "0") != 0) return false;
  return !getenv("VK_ICD_FILENAMES") && !getenv("VK_DRIVER_FILES") && access(swiftshader_icd, R_OK) == 0;
}

static numc_status create(void) {
  const numc__wgpu_procs *w;
  const char *library;
  NUMC__TRY(numc__wgpu_load(&w, &library));
  numc__gpu *g;
  numc_status s = try_create(w, library, &g);
  if (s != NUMC_OK && want_swiftshader_fallback()) {
    setenv("VK_ICD_FILENAMES", swiftshader_icd, 0);
    s = try_create(w, library, &g);
  }
  if (s == NUMC_OK) current = g;
  return s;
}

numc_status numc__gpu_context(numc__gpu **out) {
  numc__gpu_lock();
  numc_status s = NUMC_OK;
  if (current && atomic_load(&current->lost)) {
    s = numc__fail(NUMC_EUNAVAIL, "the GPU device was lost (%s)", current->lost_reason);
  } else if (!current && creation_failed) {
    s = numc__fail(NUMC_EUNAVAIL, "%s", numc__gpu_unavailable_reason());
  } else if (!current) {
    s = create();
    if (s != NUMC_OK) {
      creation_failed = true;
      numc__gpu_set_unavailable_reason("%s", numc_last_error());
      s = numc__gpu_refail(NUMC_EUNAVAIL, NULL);
    } else {
      numc__gpu_set_unavailable_reason("%s", "");
    }
  }
  if (s == NUMC_OK) *out = current;
  numc__gpu_unlock();
  return s;
}

bool numc__gpu_available(void) {
  numc__gpu *g;
  return numc__gpu_context(&g) == NUMC_OK;
}

void numc__gpu_shutdown(void) {
  numc__gpu_lock();
  numc__gpu *g = current;
  current = NULL;
  creation_failed = false;
  numc__gpu_release(g);
  numc__gpu_unlock();
}

numc_status numc__gpu_check(numc__gpu *g) {
  if (atomic_load(&g->lost)) return numc__fail(NUMC_EDEVICE, "the GPU device was lost (%s)", g->lost_reason);
  if (atomic_load(&g->error_pending)) {
    char msg[256];
    memcpy(msg, g->error_message, sizeof msg);
    atomic_store(&g->error_pending, false);
    return numc__fail(NUMC_EDEVICE, "GPU error: %s", msg);
  }
  return NUMC_OK;
}

numc_status numc__gpu_force_loss(void) {
  numc__gpu *g;
  NUMC__TRY(numc__gpu_context(&g));
  numc__gpu_lock();
  g->wgpu->DeviceForceLoss(g->device, WGPUDeviceLostReason_Unknown, numc__wgpu_str("forced by numc (test)"));
  g->wgpu->InstanceProcessEvents(g->instance);
  numc__gpu_unlock();
  return NUMC_OK;
}
