/* Accelerator backends: what the core asks of a backend other than the CPU.
 *
 * The CPU is not a backend in this sense: it is the reference implementation of every
 * operation and always present. Another backend (WebGPU: Dawn on the desktop, the
 * browser's navigator.gpu in the WebAssembly build) offers a subset of the operations
 * through this table. Each entry either computes the whole result or declines, and the
 * operation then runs on the CPU, so a backend can grow one operation and one dtype at a
 * time without the core knowing which.
 *
 * Contract of every operation entry:
 *   - arguments were validated by the core (shapes broadcast, dtypes resolved, axes
 *     normalised), so a backend never reports a user error;
 *   - NUMC_OK: *out holds a fresh result. It lives on the device when any operand did,
 *     on the host otherwise (host in, host out);
 *   - NUMC_EUNAVAIL: declined (no device, or a case it does not implement): nothing was
 *     allocated and the message says why;
 *   - any other status: the device failed mid-way (lost, out of memory, validation
 *     error); nothing was returned and the caller recomputes on the CPU with a warning.
 * A NULL entry declines everything. */
#ifndef NUMC_CORE_BACKEND_H
#define NUMC_CORE_BACKEND_H

#include "core/core.h"

/* Elementwise operations: a ufunc id (ufunc/ufunc.h) or one of these. */
enum { NUMC__EW_WHERE = 1000, /* where(cond, x, y): inputs cond (bool), x, y */
       NUMC__EW_CLIP = 1001 /* clip(a, lo, hi): inputs a, lo, hi */ };

typedef struct numc__elementwise_call {
  int op;                      /* ufunc id or NUMC__EW_* */
  int nin;                     /* 1, 2 or 3 */
  const numc_array *const *in; /* the operands as the user gave them (any strides; 0-d
                                  weak scalars included) */
  numc_dtype compute;          /* dtype the operation computes in (every input converts
                                  to it; for where, x and y do and cond is bool) */
  numc_dtype result;           /* dtype of the result */
  int ndim;                    /* broadcast shape of the result */
  const int64_t *shape;
} numc__elementwise_call;

typedef enum numc__reduce_op {
  NUMC__RED_SUM,
  NUMC__RED_PROD,
  NUMC__RED_MEAN,
  NUMC__RED_VAR,
  NUMC__RED_STD,
  NUMC__RED_MIN,
  NUMC__RED_MAX,
  NUMC__RED_ARGMIN,
  NUMC__RED_ARGMAX
} numc__reduce_op;

typedef struct numc__reduce_call {
  numc__reduce_op op;
  const numc_array *a;
  const bool *reduced; /* a->ndim flags: the dimensions reduced (argmin/argmax: one, or all
                          meaning the flattened array) */
  int ndim;            /* the result's shape (keepdims applied) */
  const int64_t *shape;
  numc_dtype result;   /* the result's dtype (int64 for argmin/argmax) */
  int64_t ddof;        /* var, std */
} numc__reduce_call;

typedef struct numc__backend {
  const char *name;
  /* True when the backend has a usable device (creates its context on first call). */
  bool (*available)(void);
  /* True when the device is a CPU emulation (SwiftShader) or otherwise never faster than
   * numc's CPU code: `auto` then only uses it for operands already on it. */
  bool (*emulated)(void);
  numc_status (*matmul)(const numc_array *a, const numc_array *b, numc_array **out);
  numc_status (*elementwise)(const numc__elementwise_call *c, numc_array **out);
  numc_status (*reduce)(const numc__reduce_call *c, numc_array **out);
} numc__backend;

/* The WebGPU backend (src/gpu/backend_gpu.c). */
extern const numc__backend numc__webgpu_backend;

/* --------------------------------------------------------------- dispatch.c */

/* Runs one entry of a backend (a small closure over the call's arguments). */
typedef numc_status (*numc__offload_fn)(const numc__backend *b, const void *call, numc_array **out);

/* Offer an operation to the accelerator per the device choice (numc__device_choice):
 *   cpu  -> never;
 *   gpu  -> always (a decline or failure warns "<what> ran on the CPU: <why>");
 *   auto -> when an operand already lives on the device, or when `work` (the operation's
 *           size in the caller's unit) is at least `min_work` and the device is real
 *           hardware (not emulated). A failure warns; a decline is silent.
 * NUMC_OK: the backend computed *out. NUMC_EPENDING (non-blocking mode, src/gpu/wait.c):
 * the backend waits for the GPU; the caller returns it, and its caller repeats the call.
 * NUMC_EUNAVAIL: the caller runs the CPU code, which is also what produces NumPy's errors
 * for invalid input. Operations with an `out=`
 * array do not come here (they run on the CPU). */
numc_status numc__offload(const char *what, const numc_array *const *operands, int noperands,
                          double work, double min_work, numc__offload_fn run, const void *call,
                          numc_array **out);

#endif
