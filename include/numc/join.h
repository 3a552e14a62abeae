/* numc/join.h: joining, splitting, indexing and rearranging. Included by numc.h. */
#ifndef NUMC_JOIN_H
#define NUMC_JOIN_H

#include "numc/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Join n arrays along an existing axis; dtype is their result_type. */
NUMC_API numc_status numc_concatenate(const numc_array *const *in, int n, int axis,
                                      numc_array **out);
NUMC_API numc_status numc_stack(const numc_array *const *in, int n, int axis, numc_array **out);
NUMC_API numc_status numc_hstack(const numc_array *const *in, int n, numc_array **out);
NUMC_API numc_status numc_vstack(const numc_array *const *in, int n, numc_array **out);

/* Splitting. Results are views. `out` must have room for the number of pieces; the
 * count is written to *nout. numpy.split with `sections` > 0 requires an equal
 * division; with `sections` == 0, `indices` (n_indices entries) gives split points. */
NUMC_API numc_status numc_split(const numc_array *a, int64_t sections, const int64_t *indices,
                                int n_indices, int axis, numc_array **out, int max_out,
                                int *nout);
NUMC_API numc_status numc_array_split(const numc_array *a, int64_t sections,
                                      const int64_t *indices, int n_indices, int axis,
                                      numc_array **out, int max_out, int *nout);

/** numpy.take(a, indices, axis); axis NULL means the flattened array. Negative indices
 * count from the end; out-of-range ones are an error. */
NUMC_API numc_status numc_take(const numc_array *a, const numc_array *indices, const int *axis,
                               numc_array **out);
/** a[mask] for a boolean mask of a's shape (or of its leading dimensions). */
NUMC_API numc_status numc_compress_mask(const numc_array *a, const numc_array *mask,
                                        numc_array **out);
/** numpy.nonzero: one int64 index array per dimension, written to out[0..ndim-1]
 * (out must have room for max(ndim, 1) arrays); *nout receives the count. */
NUMC_API numc_status numc_nonzero(const numc_array *a, numc_array **out, int max_out, int *nout);
/** numpy.argwhere: (count, ndim) int64 array. */
NUMC_API numc_status numc_argwhere(const numc_array *a, numc_array **out);

/** numpy.flip; axes NULL flips every axis. A view. */
NUMC_API numc_status numc_flip(const numc_array *a, const numc_axes *axes, numc_array **out);
/** numpy.roll with one shift per listed axis (axes NULL: flattened, one shift). */
NUMC_API numc_status numc_roll(const numc_array *a, const int64_t *shifts, int nshifts,
                               const numc_axes *axes, numc_array **out);
NUMC_API numc_status numc_tile(const numc_array *a, const int64_t *reps, int nreps,
                               numc_array **out);
/** numpy.repeat: `repeats` holds 1 count (applied to all) or one per element along the
 * axis; axis NULL repeats the flattened array. */
NUMC_API numc_status numc_repeat(const numc_array *a, const int64_t *repeats, int nrepeats,
                                 const int *axis, numc_array **out);

typedef enum numc_pad_mode {
  NUMC_PAD_CONSTANT = 0,
  NUMC_PAD_EDGE = 1,
  NUMC_PAD_REFLECT = 2,
  NUMC_PAD_WRAP = 3
} numc_pad_mode;

/** numpy.pad. `widths` holds (before, after) pairs: 1 pair for every axis, or ndim
 * pairs. `value` is used by NUMC_PAD_CONSTANT. */
NUMC_API numc_status numc_pad(const numc_array *a, const int64_t *widths, int npairs,
                              numc_pad_mode mode, numc_scalar value, numc_array **out);

#ifdef __cplusplus
}
#endif
#endif
