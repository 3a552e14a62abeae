/* Waiting, in one place.
 *
 * WebGPU reports the end of an asynchronous operation (an adapter or device request, a
 * buffer map, an error scope) through a callback. Every such operation in numc gets a
 * numc__gpu_pending record from this file, and its callback is one of the numc__gpu_on_*
 * functions below, which only fill the record. Nothing else in the backend waits.
 *
 * Blocking (the desktop, Dawn): numc__gpu_wait polls wgpuInstanceProcessEvents, which
 * runs the callbacks on the calling thread (mode AllowProcessEvents), sleeping a little
 * longer between polls the longer the operation takes, until the record completes or the
 * timeout (NUMC_GPU_TIMEOUT_MS, default 60 s) passes: never forever.
 *
 * Non-blocking (the browser, always; the desktop when a test asks): a WebAssembly call
 * may not block, and the browser settles map and error-scope promises only after control
 * returns to its event loop. Operations that must wait there are resumable: they keep
 * their record where the repeated call finds it (a read-back in readback.c, a kernel
 * being validated in pipelines.c) and numc__gpu_poll returns NUMC_EPENDING; the whole
 * numc call fails with nothing produced, the JavaScript caller awaits the GPU's pending
 * promises (whose callbacks fill the records) and calls again, and this time the record
 * is complete. Any other wait that would block in this mode is a bug and fails with
 * NUMC_EINTERNAL instead of spinning.
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

static atomic_bool nonblocking = NUMC__GPU_BROWSER;

bool numc__gpu_nonblocking(void) { return atomic_load(&nonblocking); }

void numc__gpu_set_nonblocking(bool on) { atomic_store(&nonblocking, on || NUMC__GPU_BROWSER); }

void numc__gpu_pending_drop(numc__gpu_pending *p) {
  if (p) drop(p);
}

/* The outcome of a completed record; releases the waiter's share. */
static numc_status outcome(numc__gpu_pending *p, void **handle) {
  numc_status s = NUMC_OK;
  if (!p->ok)
    s = numc__fail(NUMC_EDEVICE, "GPU: %s failed: %s", p->what, p->message[0] ? p->message : "(no message)");
  else if (handle)
    *handle = p->handle;
  drop(p);
  return s;
}

static bool is_done(const numc__gpu_pending *p) { return atomic_load_explicit(&p->done, memory_order_acquire); }

static numc_status block(const numc__wgpu_procs *w, WGPUInstance instance, numc__gpu_pending *p, void **handle) {
  double start = now_ms(), limit = timeout_ms();
  /* Poll at once, then back off to at most 1 ms between polls: short operations
   * (a small map) finish within microseconds, long ones (a big SwiftShader dispatch)
   * need not burn a core. */
  long sleep_ns = 0;
  for (;;) {
    w->InstanceProcessEvents(instance);
    if (is_done(p)) break;
    if (now_ms() - start > limit) {
      const char *what = p->what;
      drop(p); /* the callback frees it when it finally fires */
      return numc__fail(NUMC_EDEVICE, "GPU: timed out after %.0f ms %s (NUMC_GPU_TIMEOUT_MS)", limit, what);
    }
    if (sleep_ns) nanosleep(&(struct timespec){0, sleep_ns}, NULL);
    sleep_ns = sleep_ns ? (sleep_ns * 2 > 1000000 ? 1000000 : sleep_ns * 2) : 1000;
  }
  return outcome(p, handle);
}

numc_status numc__gpu_wait(const numc__wgpu_procs *w, WGPUInstance instance, numc__gpu_pending *p,
                           void **handle) {
  if (!numc__gpu_nonblocking()) return block(w, instance, p, handle);
  w->InstanceProcessEvents(instance);
  if (!is_done(p)) {
    const char *what = p->what;
    drop(p);
    return numc__fail(NUMC_EINTERNAL, "GPU: %s cannot be waited for without blocking", what);
  }
  return outcome(p, handle);
}

numc_status numc__gpu_poll(const numc__wgpu_procs *w, WGPUInstance instance, numc__gpu_pending *p) {
  if (!numc__gpu_nonblocking()) return block(w, instance, p, NULL);
  /* Look first, then let callbacks run: what completes now is seen by the next call, as
   * in the browser, where a promise settles only after the call returned. (There
   * ProcessEvents does nothing; on the desktop this keeps the resumable paths honest.) */
  if (!is_done(p)) {
    w->InstanceProcessEvents(instance);
    return numc__fail(NUMC_EPENDING, "GPU: %s is in progress; call again later", p->what);
  }
  return outcome(p, NULL);
}
