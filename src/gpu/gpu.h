/* The WebGPU backend's internal interface.
 *
 * Pieces, one file each:
 *   dawn_loader.c   dlopen the WebGPU library and fill a table of entry points (desktop)
 *   webgpu_browser.c  the same table from the browser glue webgpu_browser.js (WebAssembly)
 *   wait.c          the one place that waits for asynchronous WebGPU completions
 *   readback.c      downloads that span several calls (non-blocking mode)
 *   context.c       instance -> adapter -> device, once per process, device loss
 *   gpu_info.c      what the context found, as text (numc info) and for numc_gpu_info
 *   pool.c          GPU buffers recycled by power-of-two size class
 *   pipelines.c     WGSL kernels compiled once per (kernel, specialisation) and cached
 *   transfer.c      host <-> device copies: the strategy switch, staging buffers, downloads
 *   upload.c        the upload strategies
 *   pass_timer.c    GPU time of a compute pass (timestamp queries)
 *   device_array.c  numc_buffer whose bytes live on the GPU; numc_to_device/to_host
 *   operand.c       arrays as kernels address them; results handed back to the caller
 *   backend_gpu.c   the operations offered to the core (core/backend.h)
 *   matmul_kernels.c  which matmul kernel runs which product
 *   matmul_gpu.c    float32 matmul
 *   reduce_gpu.c    sum, prod, mean, var, std, min, max, argmin, argmax
 *
 * Locking: every entry point into the backend holds numc__gpu_lock() (a recursive
 * process-wide mutex) while it touches WebGPU objects, because a Dawn device is not
 * safe to use from several threads at once. Internal functions below assume it is held
 * unless they say otherwise. */
#ifndef NUMC_GPU_GPU_H
#define NUMC_GPU_GPU_H

#include <stdatomic.h>

#include "core/core.h"
#include "gpu/webgpu.h"

/* 1 in the WebAssembly build, where the WebGPU functions are the browser's (through
 * webgpu_browser.js) and nothing may block. */
#ifdef __EMSCRIPTEN__
#define NUMC__GPU_BROWSER 1
#else
#define NUMC__GPU_BROWSER 0
#endif

/* ------------------------------------------------------------ dawn_loader.c */

/* The WebGPU entry points: from NUMC_WEBGPU_LIBRARY if set, else the library found at
 * build time (NUMC_DAWN_LIBRARY), else "libwebgpu_wrapper.so" from the loader's search
 * path. NUMC_EUNAVAIL with the paths tried when none loads or a symbol is missing. The
 * variable is read on every call, so a test can point it elsewhere between contexts. */
numc_status numc__wgpu_load(const numc__wgpu_procs **out, const char **path);

/* ------------------------------------------------------------------ wait.c */

/* One asynchronous WebGPU operation numc waits for (an adapter, a device, a buffer map,
 * an error scope). Heap-allocated and shared between the waiter and the library's
 * callback: whichever finishes last frees it, so a wait that times out never leaves the
 * callback writing into freed memory. */
typedef struct numc__gpu_pending numc__gpu_pending;

numc__gpu_pending *numc__gpu_pending_new(const char *what);
WGPURequestAdapterCallbackInfo numc__gpu_on_adapter(numc__gpu_pending *p);
WGPURequestDeviceCallbackInfo numc__gpu_on_device(numc__gpu_pending *p);
WGPUBufferMapCallbackInfo numc__gpu_on_map(numc__gpu_pending *p);
WGPUPopErrorScopeCallbackInfo numc__gpu_on_error_scope(numc__gpu_pending *p);
/* Wait until `p` completes (desktop: polls wgpuInstanceProcessEvents) or NUMC_GPU_TIMEOUT_MS
 * (default 60000) passes, then release the waiter's share of `p`. On success `*handle`
 * (may be NULL) receives the adapter or device the operation produced. Errors:
 * NUMC_EDEVICE with the library's message (or a timeout message); in non-blocking mode,
 * NUMC_EINTERNAL if `p` has not completed (only resumable operations may wait there). */
numc_status numc__gpu_wait(const numc__wgpu_procs *w, WGPUInstance instance, numc__gpu_pending *p,
                           void **handle);
/* The resumable wait: in blocking mode numc__gpu_wait; in non-blocking mode
 * NUMC_EPENDING while `p` is not complete, the waiter's share kept (the caller keeps `p`
 * and polls it again in a later call, or drops it); otherwise the outcome, the share
 * released. */
numc_status numc__gpu_poll(const numc__wgpu_procs *w, WGPUInstance instance, numc__gpu_pending *p);
/* Release the waiter's share of a record it no longer waits for (NULL: nothing). */
void numc__gpu_pending_drop(numc__gpu_pending *p);
/* Whether waits may block (wait.c): never in the browser build; on the desktop unless a
 * test turned non-blocking mode on to run the browser's resumable paths natively. */
bool numc__gpu_nonblocking(void);
void numc__gpu_set_nonblocking(bool on);

/* ---------------------------------------------------------------- pool.c */

/* A GPU buffer from the pool: usage Storage | CopySrc | CopyDst, `size` bytes (its size
 * class, >= what was asked for). */
typedef struct numc__gpu_block {
  WGPUBuffer buffer;
  uint64_t size;
} numc__gpu_block;

typedef struct numc__gpu_pool {
  struct numc__gpu_free_list *classes; /* one free list per power of two */
  uint64_t cap_bytes;                  /* most bytes kept in free lists */
  int64_t live_buffers, live_bytes;    /* handed out and not yet returned */
  int64_t pooled_buffers, pooled_bytes;
} numc__gpu_pool;

typedef struct numc__gpu_pool_stats {
  int64_t live_buffers, live_bytes, pooled_buffers, pooled_bytes;
  int64_t buffers_alive; /* every WGPUBuffer numc holds, all contexts, staging included */
} numc__gpu_pool_stats;

/* ------------------------------------------------------------ pipelines.c */

typedef struct numc__gpu_kernel {
  WGPUComputePipeline pipeline;
  WGPUBindGroupLayout layout; /* group 0, derived from the shader */
} numc__gpu_kernel;

/* ---------------------------------------------------------------- context */

typedef struct numc__gpu {
  atomic_int refcount; /* the process's current-context reference + one per device buffer */
  const numc__wgpu_procs *wgpu;
  WGPUInstance instance;
  WGPUAdapter adapter;
  WGPUDevice device;
  WGPUQueue queue;

  /* What the adapter reported (gpu_info.c formats it). */
  char name[128], vendor[64], architecture[64], description[160], library[256];
  WGPUBackendType backend;
  WGPUAdapterType adapter_type;
  WGPULimits limits; /* the device's */
  bool has_f16, has_subgroups, has_timestamps;
  double init_ms;

  /* Set from Dawn's callbacks (possibly on another thread). */
  atomic_bool lost;
  char lost_reason[256];
  atomic_bool error_pending; /* an uncaptured error not yet reported */
  char error_message[256];

  numc__gpu_pool pool;
  struct numc__gpu_pipeline_cache *pipelines;
  /* Staging buffers reused by transfers (transfer.c; buffer NULL until used): MapRead for
   * downloads, MapWrite for uploads, two of each so chunked transfers alternate. */
  numc__gpu_block read_staging[2], write_staging[2];
  struct numc__gpu_readback *readbacks; /* in flight (readback.c) */
} numc__gpu;

void numc__gpu_lock(void);
void numc__gpu_unlock(void);
/* The current context, created on first use. NUMC_EUNAVAIL with the reason (no library,
 * no adapter, only the Null backend, device lost) when there is no usable GPU. */
numc_status numc__gpu_context(numc__gpu **out);
bool numc__gpu_available(void);
/* Forget the current context (lost or not); the next use creates a new one. Device
 * arrays keep their own context alive until they are freed. */
void numc__gpu_shutdown(void);
void numc__gpu_retain(numc__gpu *g);
void numc__gpu_release(numc__gpu *g);
/* NUMC_EDEVICE if the device was lost or reported an uncaptured error since the last
 * check (the error is consumed). */
numc_status numc__gpu_check(numc__gpu *g);
/* Fail with status `s` and the current error message, behind "prefix: " if given
 * (numc__fail cannot take numc_last_error() as an argument: it writes that buffer). */
numc_status numc__gpu_refail(numc_status s, const char *prefix);
/* Test hook: Dawn's wgpuDeviceForceLoss on the current context. */
numc_status numc__gpu_force_loss(void);

/* ------------------------------------------------------------- gpu_info.c */

/* "SwiftShader Device (Subzero), vulkan, cpu, ..." lines for numc info, or why no GPU is
 * available. malloc'ed; NULL on OOM. */
char *numc__gpu_info_text(void);
/* Why the last context creation failed ("" if it did not). */
const char *numc__gpu_unavailable_reason(void);
void numc__gpu_set_unavailable_reason(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---------------------------------------------------------------- pool.c */

numc_status numc__gpu_pool_init(numc__gpu_pool *p);
numc_status numc__gpu_pool_get(numc__gpu *g, uint64_t nbytes, numc__gpu_block *out);
void numc__gpu_pool_put(numc__gpu *g, numc__gpu_block b);
/* Destroy every pooled (free) buffer of the current context. */
void numc__gpu_pool_trim(void);
/* Destroy free buffers and the free lists; called when a context dies. */
void numc__gpu_pool_destroy(numc__gpu *g);
void numc__gpu_pool_stats_get(numc__gpu_pool_stats *out);
/* Change the cap of the current context's pool (tests); returns the old one. */
uint64_t numc__gpu_pool_set_cap(uint64_t bytes);
/* A WGPUBuffer outside the pool (staging, uniforms); counted in buffers_alive. */
WGPUBuffer numc__gpu_buffer_create(numc__gpu *g, WGPUBufferUsage usage, uint64_t size);
/* The same, mapped at creation (its whole range writable until unmapped). */
WGPUBuffer numc__gpu_buffer_create_mapped(numc__gpu *g, WGPUBufferUsage usage, uint64_t size);
void numc__gpu_buffer_destroy(numc__gpu *g, WGPUBuffer b);

/* ------------------------------------------------------------ pipelines.c */

/* The pipeline for WGSL kernel `name` (a file src/gpu/kernels/<name>.wgsl) specialised
 * by `spec`, "KEY=value,KEY=value" values for the kernel's `override` declarations ("" for
 * none). Compiled on first use and cached for the context's life. NUMC_EDEVICE with the
 * compiler's message if the WGSL does not compile. */
numc_status numc__gpu_pipeline(numc__gpu *g, const char *name, const char *spec,
                               const numc__gpu_kernel **out);
void numc__gpu_pipelines_destroy(numc__gpu *g);
/* Pipelines compiled since the process started (for tests). */
int64_t numc__gpu_pipeline_compilations(void);

/* ------------------------------------------------------------- transfer.c */

/* Copy n host bytes into `dst` at byte `offset` (a multiple of 4; a tail of n that is not
 * a whole 4-byte word is padded with zeros, so `dst` needs room for n rounded up to 4).
 * Returns before the GPU has the data, which later commands see in order; the caller's
 * memory may change right after. The staging strategy waits to map its buffers, until
 * the GPU has run their previous copies (transfer.c). */
numc_status numc__gpu_upload(numc__gpu *g, WGPUBuffer dst, uint64_t offset, const void *src, size_t n);
/* Copy n bytes at byte `offset` (a multiple of 4) of `src` to host memory; waits for the
 * GPU. In non-blocking mode it is numc__gpu_readback. */
numc_status numc__gpu_download(numc__gpu *g, WGPUBuffer src, uint64_t offset, void *dst, size_t n);

/* How transfers move their bytes. Values are explicit and append-only (the benchmark
 * prints them). */
typedef enum numc__gpu_upload_path {
  NUMC__UPLOAD_WRITE = 0,             /* wgpuQueueWriteBuffer, one call */
  NUMC__UPLOAD_WRITE_CHUNKED = 1,     /* wgpuQueueWriteBuffer, one call per chunk */
  NUMC__UPLOAD_STAGING = 2,           /* the two reused MapWrite buffers, alternating per chunk */
  NUMC__UPLOAD_MAPPED_AT_CREATION = 3 /* a fresh MapWrite buffer per upload, mapped at creation */
} numc__gpu_upload_path;
typedef enum numc__gpu_download_path {
  NUMC__DOWNLOAD_WHOLE = 0,  /* one MapRead buffer receives everything, then one map */
  NUMC__DOWNLOAD_CHUNKED = 1 /* the two MapRead buffers, alternating per chunk */
} numc__gpu_download_path;
typedef struct numc__gpu_transfer_strategy {
  numc__gpu_upload_path upload;
  numc__gpu_download_path download;
  uint64_t chunk_bytes; /* bytes per chunk of the chunked paths: a positive multiple of 4 */
} numc__gpu_transfer_strategy;

/* Test and benchmark hook: the strategy of every later transfer (process-wide).
 * NUMC_EINVAL for an unknown path or a bad chunk size. */
numc_status numc__gpu_transfer_set_strategy(numc__gpu_transfer_strategy s);
/* The strategy in force (the default until set). */
numc__gpu_transfer_strategy numc__gpu_transfer_strategy_get(void);
/* Destroy the context's staging buffers (when it dies). */
void numc__gpu_staging_destroy(numc__gpu *g);

/* Shared by transfer.c and upload.c. */
/* `slot` grown (by powers of two, up to maxBufferSize) to at least n bytes, of `usage`. */
numc_status numc__gpu_staging(numc__gpu *g, numc__gpu_block *slot, WGPUBufferUsage usage, uint64_t n);
/* Map the first n bytes of `b` (a multiple of 4) with `mode`; waits. `*out` receives the
 * mapped range. */
numc_status numc__gpu_map(numc__gpu *g, WGPUBuffer b, WGPUMapMode mode, uint64_t n, void **out);
/* Enqueue a copy of n bytes between buffers (a command buffer of its own). */
void numc__gpu_copy(numc__gpu *g, WGPUBuffer src, uint64_t src_offset, WGPUBuffer dst, uint64_t dst_offset,
                    uint64_t n);
/* Bytes of the chunk at byte `at` of an n-byte transfer cut into `chunk`-byte pieces. */
uint64_t numc__gpu_chunk_len(uint64_t n, uint64_t at, uint64_t chunk);

/* ------------------------------------------------------------- readback.c */

/* numc__gpu_download across calls (non-blocking mode): the first call starts copying the
 * bytes into a read-back buffer and returns NUMC_EPENDING; a later call for the same bytes
 * (src, offset, n) copies them out once mapped. */
numc_status numc__gpu_readback(numc__gpu *g, WGPUBuffer src, uint64_t offset, void *dst, size_t n);
/* Drop the read-backs in flight from `src` (its bytes are about to belong to another
 * array). */
void numc__gpu_readback_forget(numc__gpu *g, WGPUBuffer src);
/* Drop all of them (the context dies). */
void numc__gpu_readbacks_destroy(numc__gpu *g);

/* ------------------------------------------------------------ pass_timer.c */

/* Timestamps at the beginning and end of one compute pass. Usage: create; pass `writes`
 * as the pass descriptor's timestampWrites; resolve into the encoder after the pass
 * ends; submit; read (waits for the GPU); destroy. */
typedef struct numc__gpu_pass_timer {
  WGPUQuerySet queries;
  WGPUBuffer resolved; /* QueryResolve | CopySrc, two u64 */
  WGPUPassTimestampWrites writes;
} numc__gpu_pass_timer;

/* NUMC_EUNAVAIL if the device lacks TimestampQuery. */
numc_status numc__gpu_pass_timer_create(numc__gpu *g, numc__gpu_pass_timer *t);
void numc__gpu_pass_timer_resolve(numc__gpu *g, numc__gpu_pass_timer *t, WGPUCommandEncoder enc);
/* The pass's GPU time in nanoseconds. */
numc_status numc__gpu_pass_timer_read(numc__gpu *g, numc__gpu_pass_timer *t, int64_t *ns);
void numc__gpu_pass_timer_destroy(numc__gpu *g, numc__gpu_pass_timer *t);

/* ---------------------------------------------------------- device_array.c */

/* The device side of a numc_buffer (core.h), present exactly while the buffer is
 * device-resident (numc_buffer.device == NUMC_DEVICE_GPU): a pool block of the context
 * that made it, which it keeps alive. numc__gpu_sync_host and numc__gpu_buffer_free
 * (declared in core.h, which calls them) end it. */
typedef struct numc__gpu_buffer {
  numc__gpu *ctx;
  numc__gpu_block block;
} numc__gpu_buffer;

/* A new C-contiguous array whose bytes live on the GPU, uninitialised. */
numc_status numc__gpu_new_array(numc__gpu *g, numc_dtype t, int ndim, const int64_t *shape,
                                numc_array **out);
/* True if `a`'s authoritative bytes are in a block of the context `g`. */
bool numc__gpu_resident(const numc_array *a, const numc__gpu *g);

/* --------------------------------------------------------------- operand.c */

/* An array as a kernel addresses it: its buffer, and its offset and strides counted in
 * elements of its dtype (bytes for bool). A host array is uploaded as a C-contiguous copy
 * that the operand owns until numc__gpu_operand_done. */
typedef struct numc__gpu_operand {
  WGPUBuffer buffer;
  int64_t offset;
  int64_t strides[NUMC_MAXDIMS];
  numc_array *temp;
} numc__gpu_operand;

/* NUMC_EUNAVAIL if a stride is not a multiple of the item size (nothing is held then). */
numc_status numc__gpu_operand_get(numc__gpu *g, const numc_array *x, numc__gpu_operand *op);
void numc__gpu_operand_done(numc__gpu_operand *op);
/* Hand the fresh device result `c` to the caller: itself when `stay` (an input lived on
 * the GPU) or in non-blocking mode, else a host copy (c is freed either way on failure). */
numc_status numc__gpu_finish(numc_array *c, bool stay, numc_array **out);

/* -------------------------------------------------------- matmul_kernels.c */

/* A matmul kernel and its contract with the host code: the tile of C one workgroup
 * computes, dispatched as (ceil(N / tile_n), ceil(M / tile_m), matrices), with the
 * bindings and Params of kernels/matmul_f32.wgsl. */
typedef struct numc__gpu_matmul_variant {
  const char *name; /* src/gpu/kernels/<name>.wgsl */
  const char *spec; /* its specialisation (pipelines.c) */
  int64_t tile_m, tile_n;
  /* Binds A and B as arrays of vec4 (bindings rounded up to 16 bytes) and reads
   * Params.a_vec / b_vec (numc__gpu_matmul_vec_mode). */
  bool vec4_operands;
} numc__gpu_matmul_variant;

/* The kernel for `batch` products of M x K by K x N: chosen by shape, unless a test or
 * benchmark forced one (numc__gpu_matmul_force_kernel). */
const numc__gpu_matmul_variant *numc__gpu_matmul_kernel(int64_t m, int64_t n, int64_t k, int64_t batch);
/* Test and benchmark hook: always use the kernel named `name` (NULL: choose by shape).
 * NUMC_EINVAL for an unknown name. */
numc_status numc__gpu_matmul_force_kernel(const char *name);
/* How a vec4_operands kernel may read an operand block (a_vec / b_vec in
 * kernels/matmul_f32_128x128.wgsl): 1 four floats along the tile side (M of A, N of B),
 * 2 four along K, 0 one at a time. `start` is the block's first element within its
 * binding; strides in floats (`batch_stride` 0 for a single matrix). */
uint32_t numc__gpu_matmul_vec_mode(int64_t start, int64_t batch_stride, int64_t side_stride, int64_t k_stride);

/* ----------------------------------------------------------- matmul_gpu.c */

/* float32 numpy.matmul on the GPU (see matmul_gpu.c for what is supported).
 * NUMC_EUNAVAIL when the GPU is unavailable or the case is not supported, so that the
 * caller computes it on the CPU; NUMC_EDEVICE when the GPU failed mid-way. */
numc_status numc__gpu_matmul(const numc_array *a, const numc_array *b, numc_array **out);
/* Test hook: pretend maxStorageBufferBindingSize is `bytes` (0 restores the device's),
 * so that splitting large operands runs at small sizes. */
void numc__gpu_matmul_set_binding_limit(uint64_t bytes);
/* Benchmark and test hook: while on, every GPU matmul times its compute pass with
 * timestamp queries (and waits for the GPU before returning). */
void numc__gpu_matmul_time_kernels(bool on);
/* GPU time of the last timed matmul's compute pass in nanoseconds; -1 if the last call
 * was not timed or the device lacks TimestampQuery. */
int64_t numc__gpu_matmul_last_kernel_ns(void);
/* The kernel (variant name) the last GPU matmul ran; NULL if it ran none. */
const char *numc__gpu_matmul_last_kernel(void);

/* ----------------------------------------------------------- reduce_gpu.c */

struct numc__reduce_call;
/* The backend's reduce entry (core/backend.h; reduce_gpu.c says what it accepts). */
numc_status numc__gpu_reduce(const struct numc__reduce_call *c, numc_array **out);

/* ------------------------------------------------------ elementwise_gpu.c */

struct numc__elementwise_call; /* core/backend.h */

/* The backend's elementwise entry (core/backend.h's contract): ufuncs, where and clip
 * computing in float32, int32, uint32 or bool (see elementwise_gpu.c). */
numc_status numc__gpu_elementwise(const struct numc__elementwise_call *c, numc_array **out);
/* Test hook: pretend maxStorageBufferBindingSize is `bytes` (0 restores the device's),
 * so that splitting runs at small sizes. */
void numc__gpu_elementwise_set_binding_limit(uint64_t bytes);

#endif
