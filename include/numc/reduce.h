/* numc/reduce.h: reductions and scans. Included by numc.h.
 *
 * `axes` NULL reduces over every axis (NumPy's axis=None); otherwise each listed axis
 * (negative counts from the end, duplicates are an error). `keepdims` keeps reduced
 * axes with length 1. Result dtypes follow NumPy: sum/prod of bool and signed integers
 * give int64, of unsigned integers uint64; mean/var/std of integers give float64;
 * float16 accumulates in float32. Floating sums use pairwise summation, as NumPy. */
#ifndef NUMC_REDUCE_H
#define NUMC_REDUCE_H

#include "numc/base.h"

#ifdef __cplusplus
extern "C" {
#endif

NUMC_API numc_status numc_sum(const numc_array *a, const numc_axes *axes, bool keepdims,
                              numc_array **out);
NUMC_API numc_status numc_prod(const numc_array *a, const numc_axes *axes, bool keepdims,
                               numc_array **out);
NUMC_API numc_status numc_mean(const numc_array *a, const numc_axes *axes, bool keepdims,
                               numc_array **out);
NUMC_API numc_status numc_var(const numc_array *a, const numc_axes *axes, int64_t ddof,
                              bool keepdims, numc_array **out);
NUMC_API numc_status numc_std(const numc_array *a, const numc_axes *axes, int64_t ddof,
                              bool keepdims, numc_array **out);
/** min/max of an empty reduction is an error ("zero-size array to reduction operation
 * minimum which has no identity"); NaN propagates. */
NUMC_API numc_status numc_min(const numc_array *a, const numc_axes *axes, bool keepdims,
                              numc_array **out);
NUMC_API numc_status numc_max(const numc_array *a, const numc_axes *axes, bool keepdims,
                              numc_array **out);
NUMC_API numc_status numc_ptp(const numc_array *a, const numc_axes *axes, bool keepdims,
                              numc_array **out);
NUMC_API numc_status numc_any(const numc_array *a, const numc_axes *axes, bool keepdims,
                              numc_array **out);
NUMC_API numc_status numc_all(const numc_array *a, const numc_axes *axes, bool keepdims,
                              numc_array **out);
NUMC_API numc_status numc_count_nonzero(const numc_array *a, const numc_axes *axes, bool keepdims,
                                        numc_array **out);
/** argmin/argmax over one axis, or over the flattened array when `axis` is NULL.
 * Result int64; the first occurrence wins; NaN counts as the extreme, as NumPy. */
NUMC_API numc_status numc_argmin(const numc_array *a, const int *axis, bool keepdims,
                                 numc_array **out);
NUMC_API numc_status numc_argmax(const numc_array *a, const int *axis, bool keepdims,
                                 numc_array **out);
/** Cumulative sum/product along `axis`, or over the flattened array when NULL. */
NUMC_API numc_status numc_cumsum(const numc_array *a, const int *axis, numc_array **out);
NUMC_API numc_status numc_cumprod(const numc_array *a, const int *axis, numc_array **out);

/* NaN-ignoring variants. */
NUMC_API numc_status numc_nansum(const numc_array *a, const numc_axes *axes, bool keepdims,
                                 numc_array **out);
NUMC_API numc_status numc_nanmean(const numc_array *a, const numc_axes *axes, bool keepdims,
                                  numc_array **out);
NUMC_API numc_status numc_nanmin(const numc_array *a, const numc_axes *axes, bool keepdims,
                                 numc_array **out);
NUMC_API numc_status numc_nanmax(const numc_array *a, const numc_axes *axes, bool keepdims,
                                 numc_array **out);
NUMC_API numc_status numc_nanvar(const numc_array *a, const numc_axes *axes, int64_t ddof,
                                 bool keepdims, numc_array **out);
NUMC_API numc_status numc_nanstd(const numc_array *a, const numc_axes *axes, int64_t ddof,
                                 bool keepdims, numc_array **out);

#ifdef __cplusplus
}
#endif
#endif
