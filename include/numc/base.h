/* numc/base.h: status codes, dtypes, scalars, axes and the array handle.
 * Included by numc.h; not meant to be included on its own. */
#ifndef NUMC_BASE_H
#define NUMC_BASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(NUMC_SHARED_BUILD)
#define NUMC_API __declspec(dllexport)
#elif defined(__GNUC__)
#define NUMC_API __attribute__((visibility("default")))
#else
#define NUMC_API
#endif

#define NUMC_VERSION_MAJOR 0
#define NUMC_VERSION_MINOR 1
#define NUMC_VERSION_PATCH 0
#define NUMC_VERSION_STRING "0.1.0"

/** Most dimensions an array may have (NumPy 1.x allows 32 as well). */
#define NUMC_MAXDIMS 32

/* ---------------------------------------------------------------- status */

/* Every fallible function returns one of these. 0 is success, errors are negative.
 * Values are explicit and append-only. The NumPy exception a code corresponds to is
 * given in the third column. After an error, numc_last_error() holds a message with
 * the details (the shapes that failed to broadcast, the axis that was out of range). */
#define NUMC_STATUS_LIST(X)                                                      \
  X(OK, 0, "success")                                                            \
  X(EINVAL, -1, "invalid argument")                /* ValueError/TypeError */    \
  X(ESHAPE, -2, "incompatible shapes")             /* ValueError */              \
  X(EAXIS, -3, "axis out of bounds")               /* AxisError */               \
  X(EDTYPE, -4, "unsupported dtype")               /* TypeError (no loop) */     \
  X(ECAST, -5, "cannot cast safely")               /* UFuncTypeError */          \
  X(ENOMEM, -6, "out of memory")                   /* MemoryError */             \
  X(EIO, -7, "input/output error")                 /* OSError */                 \
  X(EFORMAT, -8, "malformed file")                 /* ValueError on load */      \
  X(EINDEX, -9, "index out of bounds")             /* IndexError */              \
  X(EVALUE, -10, "invalid value")                  /* ValueError */              \
  X(ELINALG, -11, "linear algebra error")          /* LinAlgError */             \
  X(EUNAVAIL, -12, "device not available")                                       \
  X(EDEVICE, -13, "device error")                                                \
  X(ENOTFOUND, -14, "no such function or option")                                \
  X(EREADONLY, -15, "array is read-only")                                        \
  X(EOVERFLOW, -16, "size overflow")                                             \
  X(EINTERNAL, -17, "internal error")                                           \
  /* The browser build only: the call needs GPU work that completes asynchronously   \
   * (a read-back, a kernel's validation). Nothing was produced; call again once the \
   * GPU's pending work completed (the JS package does this). */                    \
  X(EPENDING, -18, "waiting for the GPU")

typedef enum numc_status {
#define NUMC_STATUS_ENUM_(name, value, text) NUMC_##name = value,
  NUMC_STATUS_LIST(NUMC_STATUS_ENUM_)
#undef NUMC_STATUS_ENUM_
} numc_status;

/** Short fixed description of a status ("incompatible shapes"). Never NULL. */
NUMC_API const char *numc_strerror(numc_status s);
/** The enum name without prefix ("ESHAPE"). Never NULL. */
NUMC_API const char *numc_status_name(numc_status s);
/** Details of the last error on the calling thread; "" if none. Valid until the next
 * numc call on this thread. */
NUMC_API const char *numc_last_error(void);
/** Status of the last failed call on the calling thread (NUMC_OK if none). */
NUMC_API numc_status numc_last_status(void);
/** Forget the last error and warning on the calling thread. */
NUMC_API void numc_clear_error(void);
/** Last warning on the calling thread (a GPU fallback, a cast that lost the imaginary
 * part), or "" if none. Warnings never change a result's correctness. */
NUMC_API const char *numc_last_warning(void);

/* ----------------------------------------------------------------- dtypes */

/* X(ENUM, value, name, itemsize, kind char): kind is NumPy's ('b','i','u','f','c'). */
#define NUMC_DTYPE_LIST(X)            \
  X(BOOL, 0, "bool", 1, 'b')          \
  X(INT8, 1, "int8", 1, 'i')          \
  X(INT16, 2, "int16", 2, 'i')        \
  X(INT32, 3, "int32", 4, 'i')        \
  X(INT64, 4, "int64", 8, 'i')        \
  X(UINT8, 5, "uint8", 1, 'u')        \
  X(UINT16, 6, "uint16", 2, 'u')      \
  X(UINT32, 7, "uint32", 4, 'u')      \
  X(UINT64, 8, "uint64", 8, 'u')      \
  X(FLOAT16, 9, "float16", 2, 'f')    \
  X(FLOAT32, 10, "float32", 4, 'f')   \
  X(FLOAT64, 11, "float64", 8, 'f')   \
  X(COMPLEX64, 12, "complex64", 8, 'c') \
  X(COMPLEX128, 13, "complex128", 16, 'c')

typedef enum numc_dtype {
#define NUMC_DTYPE_ENUM_(name, value, str, size, kind) NUMC_##name = value,
  NUMC_DTYPE_LIST(NUMC_DTYPE_ENUM_)
#undef NUMC_DTYPE_ENUM_
  NUMC_NDTYPES = 14
} numc_dtype;

/** NumPy's name ("float32"). NULL for an invalid value. */
NUMC_API const char *numc_dtype_name(numc_dtype t);
/** Parse a NumPy dtype name or type string ("float32", "f4", "<f4", "int", "float",
 * "complex", "bool", "?"). Returns NUMC_EINVAL with a message for an unknown name. */
NUMC_API numc_status numc_dtype_from_name(const char *name, numc_dtype *out);
/** Bytes per element; 0 for an invalid value. */
NUMC_API size_t numc_dtype_size(numc_dtype t);
/** NumPy's kind character: 'b', 'i', 'u', 'f' or 'c'; 0 for an invalid value. */
NUMC_API char numc_dtype_kind(numc_dtype t);
/** numpy.result_type(a, b) for two array dtypes (NEP 50 rules). */
NUMC_API numc_dtype numc_promote(numc_dtype a, numc_dtype b);
/** numpy.can_cast(from, to, casting) with casting "no", "equiv", "safe", "same_kind"
 * or "unsafe". */
NUMC_API bool numc_can_cast(numc_dtype from, numc_dtype to, const char *casting);

/* ---------------------------------------------------------------- scalars */

/* A C value with a dtype. Scalars made with numc_int/numc_float/numc_complex/numc_bool
 * are *weak* like Python's int/float/complex/bool under NEP 50: int8_array + numc_int(1)
 * stays int8, float32_array + numc_float(0.5) stays float32. numc_scalar_of makes a
 * strong scalar of an exact dtype (like np.float64(0.5)). */
typedef struct numc_scalar {
  numc_dtype dtype; /* BOOL, INT64, UINT64, FLOAT64 or COMPLEX128 hold the value */
  bool weak;
  union {
    bool b;
    int64_t i;
    uint64_t u;
    double f;
    double c[2];
  } v;
} numc_scalar;

NUMC_API numc_scalar numc_bool(bool v);
NUMC_API numc_scalar numc_int(int64_t v);
NUMC_API numc_scalar numc_float(double v);
NUMC_API numc_scalar numc_complex(double re, double im);
/** A strong scalar: `v` converted to `t` as astype would. */
NUMC_API numc_scalar numc_scalar_of(numc_dtype t, double v);

/* ------------------------------------------------------------------- axes */

/* A set of axes for reductions and similar; a NULL `const numc_axes *` means "all axes"
 * (NumPy's axis=None). Negative axes count from the end. NUMC_AXES(0, 2) builds one. */
typedef struct numc_axes {
  int n;
  int v[NUMC_MAXDIMS];
} numc_axes;

#define NUMC_AXES(...) \
  (&(const numc_axes){(int)(sizeof((int[]){__VA_ARGS__}) / sizeof(int)), {__VA_ARGS__}})

/* ------------------------------------------------------------------ array */

/** An n-dimensional array: dtype, shape, byte strides and a reference-counted buffer
 * that may be shared with views. Opaque; use the accessors in numc/array.h. */
typedef struct numc_array numc_array;

/* Where an array's buffer lives. Appended to as backends arrive. */
typedef enum numc_device {
  NUMC_DEVICE_AUTO = 0, /* let dispatch decide (only meaningful as a choice) */
  NUMC_DEVICE_CPU = 1,
  NUMC_DEVICE_GPU = 2
} numc_device;

/* Memory order for creation, reshape, ravel and copies. */
typedef enum numc_order {
  NUMC_ORDER_C = 0,
  NUMC_ORDER_F = 1,
  NUMC_ORDER_A = 2, /* F if the input is F-contiguous and not C-contiguous, else C */
  NUMC_ORDER_K = 3  /* keep the input's layout as closely as possible */
} numc_order;

/* ------------------------------------------------------------- ownership
 *
 * Every function that produces arrays returns a status and writes new arrays through
 * `numc_array **out` parameters. The caller owns every array written there and releases
 * it with numc_free(), in any order: a view keeps the shared buffer alive on its own.
 *
 * `*out` must be NULL on entry, except for the functions documented as taking NumPy's
 * `out=`: for those, a non-NULL `*out` is an existing array the result is written into
 * (its shape must match and the result must cast to its dtype under "same_kind").
 * On failure nothing is written: `*out` is left as it was and no array is leaked.
 */

/** Release an array. NULL is allowed. */
NUMC_API void numc_free(numc_array *a);

#ifdef __cplusplus
}
#endif
#endif
