/* Internal core: the array and buffer structs, errors, dtype tables, shapes.
 * Internal non-static names use the numc__ prefix. */
#ifndef NUMC_CORE_H
#define NUMC_CORE_H

#include <complex.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <string.h>

#include "numc.h"

/* ------------------------------------------------------------------ errors */

/* Record `s` with a printf-style message for the calling thread and return `s`, so that
 * error paths read `return numc__fail(NUMC_EAXIS, "axis %d is out of bounds ...", ...)`. */
numc_status numc__fail(numc_status s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
numc_status numc__oom(void);
void numc__warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Propagate a failing status. */
#define NUMC__TRY(expr)                   \
  do {                                    \
    numc_status numc__s_ = (expr);        \
    if (numc__s_ != NUMC_OK) return numc__s_; \
  } while (0)

/* --------------------------------------------------------------- buffers */

/* A reference-counted allocation. Device backends extend it (the GPU issue): `device`
 * records where the authoritative bytes are; host code reaches them through
 * numc__host_data(), which synchronises a device buffer first. */
typedef struct numc_buffer {
  atomic_int refcount;
  char *data;    /* host bytes (NULL while they live only on a device) */
  size_t nbytes;
  bool readonly; /* wrapped read-only memory: views may never be made writeable */
  numc_device device;
  void (*release)(void *data, void *ctx); /* NULL: data came from numc__alloc */
  void *release_ctx;
  /* The GPU copy while `device` is NUMC_DEVICE_GPU (then `data` is NULL or stale), else
   * NULL. Owned by src/gpu/device_array.c. */
  struct numc__gpu_buffer *gpu;
} numc_buffer;

/* GPU backend hooks (src/gpu/device_array.c). Copy a device buffer's bytes to the host
 * and make the host copy authoritative; NUMC_EDEVICE if the GPU fails (device lost). */
numc_status numc__gpu_sync_host(numc_buffer *b);
/* Release the GPU copy when the buffer's last reference goes. */
void numc__gpu_buffer_free(struct numc__gpu_buffer *d);

/* 64-byte aligned, never NULL for 0 bytes, zeroed when `zero`. NULL on OOM. */
void *numc__alloc(size_t nbytes, bool zero);
void numc__dealloc(void *p);

/* Users of per-thread scratch memory (scratch.c): one buffer each, so that they nest. */
typedef enum {
  NUMC__SCRATCH_GEMM = 0,      /* GEMM's packing memory (gemm_driver.c) */
  NUMC__SCRATCH_LINALG = 1,    /* the work copies of numc__la_for_each (linalg/dense.c) */
  NUMC__SCRATCH_ROTATIONS = 2, /* a packed row block of linalg/rotations.c */
  NUMC__SCRATCH_SLOTS
} numc__scratch_slot;
/* This thread's buffer of `slot`, at least `bytes`, 64-byte aligned, contents undefined;
 * kept for the next call on this thread (grown, never shrunk) and freed when the thread
 * exits. The caller must not hold it across another use of the same slot on this thread.
 * NULL when out of memory. */
void *numc__scratch(numc__scratch_slot slot, size_t bytes);

numc_buffer *numc__buffer_new(size_t nbytes, bool zero);
void numc__buffer_retain(numc_buffer *b);
void numc__buffer_release(numc_buffer *b);

/* ----------------------------------------------------------------- arrays */

enum {
  NUMC__C_CONTIGUOUS = 1u << 0,
  NUMC__F_CONTIGUOUS = 1u << 1,
  NUMC__WRITEABLE = 1u << 2,
  NUMC__WEAK = 1u << 3 /* 0-d array made from a weak (Python-like) scalar */
};

struct numc_array {
  numc_buffer *buf;
  int64_t offset; /* bytes from buf->data to element [0, ..., 0] */
  numc_dtype dtype;
  int ndim;
  uint32_t flags;
  int64_t shape[NUMC_MAXDIMS];
  int64_t strides[NUMC_MAXDIMS];
};

/* New array with fresh storage in the given order (C or F). Checks the size for
 * overflow. */
numc_status numc__new(numc_dtype t, int ndim, const int64_t *shape, numc_order order, bool zero,
                      numc_array **out);
/* New array with the same shape as `proto`, laid out in the order that keeps its memory
 * order (NumPy's order='K' for the common cases). */
numc_status numc__new_like(const numc_array *proto, numc_dtype t, bool zero, numc_array **out);
/* A view on a's buffer with the given geometry; inherits writeability. */
numc_status numc__view(const numc_array *a, numc_dtype t, int ndim, const int64_t *shape,
                       const int64_t *strides, int64_t offset, numc_array **out);
/* Recompute the contiguity flags after shape/strides changed. */
void numc__update_flags(numc_array *a);
/* Host pointer to element [0...0]; synchronises device data. NULL (with a status) only
 * if that fails, e.g. after the GPU device was lost. */
char *numc__host_data(const numc_array *a);
/* Bring a device array's bytes to the host (NUMC_EDEVICE if the device was lost and they
 * are gone). Engines that read inputs call it once up front, so that numc__host_data
 * never returns NULL inside a kernel. */
numc_status numc__host_ready(const numc_array *a);
int64_t numc__size(int ndim, const int64_t *shape);
/* Check a shape (no negative extents) and that prod(shape) * itemsize fits. */
numc_status numc__check_shape(int ndim, const int64_t *shape, size_t itemsize);
numc_status numc__require_writeable(const numc_array *a, const char *what);
bool numc__is_weak(const numc_array *a);

/* ------------------------------------------------------------------ shapes */

/* "(2, 3)" or "()" or "(4,)" into buf (always terminated). Returns buf. */
char *numc__shape_str(char *buf, size_t n, int ndim, const int64_t *shape);
/* Broadcast n shapes; result in out_shape / *out_ndim. Fails with NumPy's message. */
numc_status numc__broadcast_shapes(int n, const int *ndims, const int64_t *const *shapes,
                                   int *out_ndim, int64_t *out_shape);
/* Strides of `a` seen with `ndim`/`shape` (broadcast dims get stride 0). The caller has
 * checked that a broadcasts to shape. */
void numc__broadcast_strides(const numc_array *a, int ndim, const int64_t *shape,
                             int64_t *strides);
/* Normalise an axis in [-ndim, ndim) to [0, ndim). */
numc_status numc__axis(int axis, int ndim, int *out);
/* Turn an axes set (NULL = all) into a flag per dimension; rejects duplicates. */
numc_status numc__axes_mask(const numc_axes *axes, int ndim, bool *mask);

/* ------------------------------------------------------------------ dtypes */

/* Per-dtype C types. X(ENUM, name, storage type, compute type). float16 is stored as
 * its bits and computed as float. Used to instantiate loops over dtypes. */
typedef float _Complex numc__c64;
typedef double _Complex numc__c128;

#define NUMC__TYPES(X)                   \
   X(BOOL, bool_, bool, bool)             \
  X(INT8, int8, int8_t, int8_t)          \
  X(INT16, int16, int16_t, int16_t)      \
  X(INT32, int32, int32_t, int32_t)      \
  X(INT64, int64, int64_t, int64_t)      \
  X(UINT8, uint8, uint8_t, uint8_t)      \
  X(UINT16, uint16, uint16_t, uint16_t)  \
  X(UINT32, uint32, uint32_t, uint32_t)  \
  X(UINT64, uint64, uint64_t, uint64_t)  \
  X(FLOAT16, float16, uint16_t, float)   \
  X(FLOAT32, float32, float, float)      \
  X(FLOAT64, float64, double, double)    \
  X(COMPLEX64, complex64, numc__c64, numc__c64) \
  X(COMPLEX128, complex128, numc__c128, numc__c128)

static inline bool numc__is_int(numc_dtype t) { return t >= NUMC_INT8 && t <= NUMC_UINT64; }
static inline bool numc__is_signed(numc_dtype t) { return t >= NUMC_INT8 && t <= NUMC_INT64; }
static inline bool numc__is_float(numc_dtype t) { return t >= NUMC_FLOAT16 && t <= NUMC_FLOAT64; }
static inline bool numc__is_complex(numc_dtype t) { return t >= NUMC_COMPLEX64; }
static inline bool numc__is_inexact(numc_dtype t) { return t >= NUMC_FLOAT16; }
static inline bool numc__valid_dtype(int t) { return t >= 0 && t < NUMC_NDTYPES; }
/* The real dtype of a complex one (complex64 -> float32); others unchanged. */
numc_dtype numc__real_dtype(numc_dtype t);
/* Promotion with weak operands (NEP 50): a weak operand only contributes its kind. */
numc_dtype numc__result_type(int n, const numc_array *const *arrays);

/* float16 <-> float32, round to nearest even, NaN and infinities kept. */
float numc__half_to_float(uint16_t h);
uint16_t numc__float_to_half(float f);
uint16_t numc__double_to_half(double d);

/* Strided cast loop: n elements from src (stride ss) to dst (stride ds). */
typedef void (*numc__cast_fn)(const char *src, int64_t ss, char *dst, int64_t ds, int64_t n);
numc__cast_fn numc__cast_loop(numc_dtype from, numc_dtype to);
/* Store a scalar as one element of dtype t at p. */
void numc__scalar_store(numc_scalar s, numc_dtype t, char *p);
/* Load one element of dtype t at p as a scalar (bool/int64/uint64/float64/complex128). */
numc_scalar numc__scalar_load(numc_dtype t, const char *p);

/* The device the current operation should run on (dispatch.c). */
numc_device numc__device_choice(void);
/* Set the calling thread's per-call device (-1: none); returns the previous value. */
int numc__set_call_device(int d);

/* Copy with broadcasting and casting (no checks on writeability or casting kind). */
numc_status numc__assign(numc_array *dst, const numc_array *src);

#endif
