/* Waiting, in one place.
 *
 * WebGPU reports the end of an asynchronous operation (an adapter or device request, a
 * buffer map, an error scope) through a callback. Every such operation in numc gets a
 * numc__gpu_pending record from this file, and its callback is one of the numc__gpu_on_*
 * functions below, which only fill the record. Nothing else in the backend waits.
 *
 * Desktop (Dawn): numc__gpu_wait polls wgpuInstanceProcessEvents, which runs the
 * callbacks on the calling thread (mode AllowProcessEvents), sleeping a little longer
 * between polls the longer the operation takes, until the record completes or the
 * timeout (NUMC_GPU_TIMEOUT_MS, default 60 s) passes: never forever.
 *
 * Browser (the web build, later): a wasm module may not block, and map/adapter promises
 * resolve only after control returns to the event loop. There, numc__gpu_wait is not
 * compiled; the operation that needs the data returns a "pending" status to its
 * JavaScript caller together with the record, the glue awaits the promise behind it,
 * fills the record through the same numc__gpu_on_* callbacks, and calls back into the
 * module to continue. The records and callbacks here are what both builds share.
 *
 * Ownership: a record has two owners, the waiter and the callback (which WebGPU always
 * calls exactly once, with a "cancelled" status if the instance goes away). Each drops
 * its share; the last frees. A waiter that times out therefore leaves safely. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "gpu/gpu.h"

struct numc__gpu_pending {
  const char *what; /* "requesting an adapter", for messages */
  atomic_int owners;
  atomic_bool done;
  bool ok;
  void *handle; /* the adapter or device produced */
  char message[256];
};

numc__gpu_pending *numc__gpu_pending_new(const char *what) {
  numc__gpu_pending *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  p->what = what;
  atomic_init(&p->owners, 2);
  atomic_init(&p->done, false);
  return p;
}

static void drop(numc__gpu_pending *p) {
  if (atomic_fetch_sub_explicit(&p->owners, 1, memory_order_acq_rel) == 1) free(p);
}

/* Record the outcome; `message` is the library's (not NUL-terminated in general). */
static void complete(numc__gpu_pending *p, bool ok, void *handle, WGPUStringView message) {
  p->ok = ok;
  p->handle = handle;
  if (!ok) {
    size_t n = message.data ? (message.length == WGPU_STRLEN ? strlen(message.data) : message.length) : 0;
    if (n >= sizeof p->message) n = sizeof p->message - 1;
    if (n) memcpy(p->message, message.data, n);
    p->message[n] = '\0';
  }
  atomic_store_explicit(&p->done, true, memory_order_release);
  drop(p);
}

static void adapter_done(WGPURequestAdapterStatus status, WGPUAdapter adapter, WGPUStringView message,
                         void *userdata1, void *userdata2) {
  complete(userdata1, status == WGPURequestAdapterStatus_Success && adapter, adapter, message);
}

static void device_done(WGPURequestDeviceStatus status, WGPUDevice device, WGPUStringView message,
                        void *userdata1, void *userdata2) {
  complete(userdata1, status == WGPURequestDeviceStatus_Success && device, device, message);
}

static void map_done(WGPUMapAsyncStatus status, WGPUStringView message, void *userdata1, void *userdata2) {
  complete(userdata1, status == WGPUMapAsyncStatus_Success, NULL, message);
}

/* An error scope "succeeds" only if it caught no error. */
static void error_scope_done(WGPUPopErrorScopeStatus status, WGPUErrorType type, WGPUStringView message,
                             void *userdata1, void *userdata2) {
  complete(userdata1, status == WGPUPopErrorScopeStatus_Success && type == WGPUErrorType_NoError, NULL,
           message);
}

WGPURequestAdapterCallbackInfo numc__gpu_on_adapter(numc__gpu_pending *p) {
  return (WGPURequestAdapterCallbackInfo){NULL, WGPUCallbackMode_AllowProcessEvents, adapter_done, p, NULL};
}
WGPURequestDeviceCallbackInfo numc__gpu_on_device(numc__gpu_pending *p) {
  return (WGPURequestDeviceCallbackInfo){NULL, WGPUCallbackMode_AllowProcessEvents, device_done, p, NULL};
}
WGPUBufferMapCallbackInfo numc__gpu_on_map(numc__gpu_pending *p) {
  return (WGPUBufferMapCallbackInfo){NULL, WGPUCallbackMode_AllowProcessEvents, map_done, p, NULL};
}
WGPUPopErrorScopeCallbackInfo numc__gpu_on_error_scope(numc__gpu_pending *p) {
  return (WGPUPopErrorScopeCallbackInfo){NULL, WGPUCallbackMode_AllowProcessEvents, error_scope_done, p, NULL};
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static double timeout_ms(void) {
  const char *s = getenv("NUMC_GPU_TIMEOUT_MS");
  double v = s ? atof(s) : 0;
  return v > 0 ? v : 60000;
}

numc_status numc__gpu_wait(const numc__wgpu_procs *w, WGPUInstance instance, numc__gpu_pending *p,
                           void **handle) {
  double start = now_ms(), limit = timeout_ms();
  /* Poll at once, then back off to at most 1 ms between polls: short operations
   * (a small map) finish within microseconds, long ones (a big SwiftShader dispatch)
   * need not burn a core. */
  long sleep_ns = 0;
  for (;;) {
    w->InstanceProcessEvents(instance);
    if (atomic_load_explicit(&p->done, memory_order_acquire)) break;
    if (now_ms() - start > limit) {
      const char *what = p->what;
      drop(p); /* the callback frees it when it finally fires */
      return numc__fail(NUMC_EDEVICE, "GPU: timed out after %.0f ms %s (NUMC_GPU_TIMEOUT_MS)", limit, what);
    }
    if (sleep_ns) nanosleep(&(struct timespec){0, sleep_ns}, NULL);
    sleep_ns = sleep_ns ? (sleep_ns * 2 > 1000000 ? 1000000 : sleep_ns * 2) : 1000;
  }
  numc_status s = NUMC_OK;
  if (!p->ok)
    s = numc__fail(NUMC_EDEVICE, "GPU: %s failed: %s", p->what, p->message[0] ? p->message : "(no message)");
  else if (handle)
    *handle = p->handle;
  drop(p);
  return s;
}
