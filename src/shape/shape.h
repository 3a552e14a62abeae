/* Internal helpers of the shape and creation modules: memory orders and layouts. */
#ifndef NUMC_SHAPE_H
#define NUMC_SHAPE_H

#include "core/core.h"

/* Argument checks shared by the functions of these modules: the output pointer, and
 * the input array (NULL is refused with NUMC_EINVAL). */
numc_status numc__check_out(numc_array **out);
numc_status numc__check_in_out(const numc_array *a, numc_array **out);
/* Fails with NumPy's message unless `order` is one of C, F, A, K. */
numc_status numc__check_order(numc_order order);
/* "C", "F", "A" or "K" (a table option already checked against its choices). */
numc_order numc__order_from_text(const char *s);
/* NumPy's order='A': F when `a` is F-contiguous and not C-contiguous, else C. Other
 * orders are returned unchanged. */
numc_order numc__resolve_any(const numc_array *a, numc_order order);
/* Axes of `a` by decreasing |stride|, ties in axis order (NumPy's
 * PyArray_CreateSortedStridePerm): the order its elements are laid out in memory. */
void numc__stride_perm(const numc_array *a, int *perm);
/* A new array of a's shape and dtype `t` laid out in `order` (C, F, A or K, resolved
 * against `a` as NumPy's *_like and copy do). */
numc_status numc__new_ordered(const numc_array *a, numc_dtype t, numc_order order, bool zero,
                              numc_array **out);
/* A view of `a` with its axes sorted by numc__stride_perm, whose C order is NumPy's
 * order='K' traversal for ravel and flatten. Negative strides stay: NumPy does not
 * reverse them there (a[::-1].ravel('K') is a[::-1]). */
numc_status numc__memory_order_view(const numc_array *a, numc_array **out);

#endif
