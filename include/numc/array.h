/* numc/array.h: array accessors, creation, views and shape manipulation.
 * Included by numc.h. Ownership: see numc/base.h (every `**out` is the caller's). */
#ifndef NUMC_ARRAY_H
#define NUMC_ARRAY_H

#include "numc/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/* -------------------------------------------------------------- accessors */

NUMC_API numc_dtype numc_dtype_of(const numc_array *a);
NUMC_API int numc_ndim(const numc_array *a);
/** Pointer to ndim extents; valid while `a` lives. */
NUMC_API const int64_t *numc_shape(const numc_array *a);
/** Pointer to ndim byte strides (may be negative or 0); valid while `a` lives. */
NUMC_API const int64_t *numc_strides(const numc_array *a);
NUMC_API int64_t numc_size(const numc_array *a);
NUMC_API size_t numc_itemsize(const numc_array *a);
NUMC_API size_t numc_nbytes(const numc_array *a);
NUMC_API bool numc_is_c_contiguous(const numc_array *a);
NUMC_API bool numc_is_f_contiguous(const numc_array *a);
NUMC_API bool numc_is_writeable(const numc_array *a);
/** Clear the writeable flag (always allowed) or set it (refused with NUMC_EREADONLY for
 * a view of read-only memory, as NumPy does). */
NUMC_API numc_status numc_set_writeable(numc_array *a, bool writeable);
/** True if `a` and `b` share a buffer (numpy.shares_memory's cheap cousin
 * may_share_memory: same buffer, overlapping byte ranges). */
NUMC_API bool numc_may_share_memory(const numc_array *a, const numc_array *b);
/** Host address of element [0, ..., 0]. For arrays on a device this copies the data
 * back first (and may return NULL with a status in numc_last_status on failure). The
 * pointer is valid while the buffer lives. Writing through it requires writeable. */
NUMC_API void *numc_data(const numc_array *a);
/** Where the array's current data lives. */
NUMC_API numc_device numc_location(const numc_array *a);

/** Read element `index` (ndim entries, negative allowed) as a scalar of the array's
 * dtype family (bool, int64, uint64, float64, complex128). */
NUMC_API numc_status numc_get(const numc_array *a, const int64_t *index, numc_scalar *out);
/** Write a scalar to element `index`, cast as astype(unsafe) would. */
NUMC_API numc_status numc_set(numc_array *a, const int64_t *index, numc_scalar value);
/** Convert a 0-d or size-1 array to a scalar (ndarray.item()). */
NUMC_API numc_status numc_item(const numc_array *a, numc_scalar *out);

/* --------------------------------------------------------------- creation */

NUMC_API numc_status numc_empty(const int64_t *shape, int ndim, numc_dtype t, numc_order order,
                                numc_array **out);
NUMC_API numc_status numc_zeros(const int64_t *shape, int ndim, numc_dtype t, numc_order order,
                                numc_array **out);
NUMC_API numc_status numc_ones(const int64_t *shape, int ndim, numc_dtype t, numc_order order,
                               numc_array **out);
NUMC_API numc_status numc_full(const int64_t *shape, int ndim, numc_scalar value, numc_dtype t,
                               numc_order order, numc_array **out);
/* *_like: same shape (and dtype unless `t` >= 0; pass -1 to keep). Layout follows
 * order K: the prototype's memory order is kept. */
NUMC_API numc_status numc_empty_like(const numc_array *proto, int t, numc_array **out);
NUMC_API numc_status numc_zeros_like(const numc_array *proto, int t, numc_array **out);
NUMC_API numc_status numc_ones_like(const numc_array *proto, int t, numc_array **out);
NUMC_API numc_status numc_full_like(const numc_array *proto, numc_scalar value, int t,
                                    numc_array **out);
/** numpy.arange(start, stop, step, dtype). */
NUMC_API numc_status numc_arange(double start, double stop, double step, numc_dtype t,
                                 numc_array **out);
NUMC_API numc_status numc_linspace(double start, double stop, int64_t num, bool endpoint,
                                   numc_dtype t, numc_array **out);
NUMC_API numc_status numc_logspace(double start, double stop, int64_t num, bool endpoint,
                                   double base, numc_dtype t, numc_array **out);
NUMC_API numc_status numc_geomspace(double start, double stop, int64_t num, bool endpoint,
                                    numc_dtype t, numc_array **out);
/** numpy.eye(n, m, k, dtype); m < 0 means m = n. */
NUMC_API numc_status numc_eye(int64_t n, int64_t m, int64_t k, numc_dtype t, numc_array **out);
NUMC_API numc_status numc_identity(int64_t n, numc_dtype t, numc_array **out);
/** numpy.diag: 1-D in -> 2-D with v on diagonal k; 2-D in -> copy of diagonal k. */
NUMC_API numc_status numc_diag(const numc_array *v, int64_t k, numc_array **out);
NUMC_API numc_status numc_tri(int64_t n, int64_t m, int64_t k, numc_dtype t, numc_array **out);
NUMC_API numc_status numc_tril(const numc_array *a, int64_t k, numc_array **out);
NUMC_API numc_status numc_triu(const numc_array *a, int64_t k, numc_array **out);

/** A new array copied from a C-ordered host buffer of prod(shape) elements of `t`. */
NUMC_API numc_status numc_from_buffer(const void *data, const int64_t *shape, int ndim,
                                      numc_dtype t, numc_array **out);
/** Wrap caller memory without copying. `strides` may be NULL (C order). `release`
 * (may be NULL) is called with (data, ctx) once the last view is freed. The memory must
 * stay valid and hold every addressed element until then. On failure `release` is not
 * called: the caller keeps ownership. */
NUMC_API numc_status numc_wrap(void *data, const int64_t *shape, const int64_t *strides, int ndim,
                               numc_dtype t, bool writeable,
                               void (*release)(void *data, void *ctx), void *ctx,
                               numc_array **out);
/** A 0-d array holding a scalar; weak scalars stay weak for promotion. */
NUMC_API numc_status numc_scalar_array(numc_scalar s, numc_array **out);
NUMC_API numc_status numc_copy(const numc_array *a, numc_order order, numc_array **out);
/** ndarray.astype(t): always a new array (copy=True). Casting is unsafe, like NumPy's
 * default: out-of-range floats to integers give unspecified values. */
NUMC_API numc_status numc_astype(const numc_array *a, numc_dtype t, numc_array **out);
/** Copy `src` into `dst` with broadcasting and same_kind casting (numpy.copyto). */
NUMC_API numc_status numc_copyto(numc_array *dst, const numc_array *src);

/* ---------------------------------------------------------- views, shape */

/** reshape with at most one -1; a view when the strides allow it, else a copy. */
NUMC_API numc_status numc_reshape(const numc_array *a, const int64_t *shape, int ndim,
                                  numc_order order, numc_array **out);
NUMC_API numc_status numc_ravel(const numc_array *a, numc_order order, numc_array **out);
/** Always a copy. */
NUMC_API numc_status numc_flatten(const numc_array *a, numc_order order, numc_array **out);
/** axes NULL reverses the dimensions. */
NUMC_API numc_status numc_transpose(const numc_array *a, const numc_axes *axes, numc_array **out);
NUMC_API numc_status numc_swapaxes(const numc_array *a, int axis1, int axis2, numc_array **out);
NUMC_API numc_status numc_moveaxis(const numc_array *a, const numc_axes *source,
                                   const numc_axes *destination, numc_array **out);
/** axes NULL removes every length-1 axis; naming an axis whose length is not 1 fails. */
NUMC_API numc_status numc_squeeze(const numc_array *a, const numc_axes *axes, numc_array **out);
NUMC_API numc_status numc_expand_dims(const numc_array *a, const numc_axes *axes,
                                      numc_array **out);
/** Read-only broadcast view. */
NUMC_API numc_status numc_broadcast_to(const numc_array *a, const int64_t *shape, int ndim,
                                       numc_array **out);
/** Broadcast n arrays against each other; writes n read-only views to out[0..n-1]. */
NUMC_API numc_status numc_broadcast_arrays(const numc_array *const *in, int n, numc_array **out);
NUMC_API numc_status numc_ascontiguousarray(const numc_array *a, numc_array **out);
NUMC_API numc_status numc_asfortranarray(const numc_array *a, numc_array **out);

/* Basic slicing: one entry per index position, like a[1, ::2, None, -3:]. */
typedef enum numc_slice_kind {
  NUMC_SLICE_RANGE = 0,  /* start:stop:step (use has_start/has_stop for omitted) */
  NUMC_SLICE_INDEX = 1,  /* an integer: removes the axis */
  NUMC_SLICE_NEWAXIS = 2 /* None: inserts a length-1 axis */
} numc_slice_kind;

typedef struct numc_slice {
  numc_slice_kind kind;
  int64_t start, stop, step; /* step 0 means 1 */
  bool has_start, has_stop;
} numc_slice;

#define NUMC_ALL ((numc_slice){NUMC_SLICE_RANGE, 0, 0, 1, false, false})
#define NUMC_INDEX(i) ((numc_slice){NUMC_SLICE_INDEX, (i), 0, 1, true, false})
#define NUMC_NEWAXIS ((numc_slice){NUMC_SLICE_NEWAXIS, 0, 0, 1, false, false})
#define NUMC_RANGE(start, stop, step) ((numc_slice){NUMC_SLICE_RANGE, (start), (stop), (step), true, true})

/** a[s0, s1, ...]: a view. Fewer entries than dimensions leave the rest whole. */
NUMC_API numc_status numc_slice_view(const numc_array *a, const numc_slice *s, int n,
                                     numc_array **out);
/** Parse NumPy slice syntax ("1:, ::-1, None, 3") into a view. */
NUMC_API numc_status numc_slice_str(const numc_array *a, const char *expr, numc_array **out);

#ifdef __cplusplus
}
#endif
#endif
