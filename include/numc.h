/* numc.h: NumPy-style n-dimensional arrays in C11.
 *
 * A tiny program:
 *
 *     #include <numc.h>
 *     #include <stdio.h>
 *     #include <stdlib.h>
 *
 *     int main(void) {
 *       numc_array *a = NULL, *m = NULL, *s = NULL;
 *       if (numc_arange(0, 6, 1, NUMC_FLOAT32, &a) ||
 *           numc_reshape(a, (int64_t[]){2, 3}, 2, NUMC_ORDER_C, &m) ||   // a view of a
 *           numc_sum(m, NUMC_AXES(1), false, &s)) {                      // sum of each row
 *         fprintf(stderr, "numc: %s\n", numc_last_error());
 *         return 1;
 *       }
 *       char *text = numc_repr(s);     // "array([ 3., 12.], dtype=float32)"
 *       puts(text);
 *       free(text);
 *       numc_free(s); numc_free(m); numc_free(a);   // any order: views keep data alive
 *       return 0;
 *     }
 *
 * Arrays: an array has a dtype, a shape of up to NUMC_MAXDIMS extents and one byte
 * stride per dimension, over a reference-counted buffer. Element [i, j] of a 2-D array
 * lives at data + i*strides[0] + j*strides[1]. Views (reshape, transpose, slicing,
 * broadcast_to) share the buffer and only change shape, strides and offset; strides may
 * be negative (a[::-1]) or 0 (broadcasting).
 *
 * Errors: every fallible function returns a numc_status (0 on success, negative on
 * error) and sets a message for the calling thread (numc_last_error()). No numc function
 * aborts, exits or prints on bad input, and nothing leaks on the error path.
 *
 * Ownership: arrays written through `numc_array **out` belong to the caller, who frees
 * them with numc_free(). `*out` must be NULL on entry, except for functions that take
 * NumPy's out= (ufuncs), where a non-NULL `*out` receives the result. See numc/base.h.
 *
 * Semantics follow NumPy 2 (NEP 50 promotion). Names are NumPy's with the numc_ prefix.
 */
#ifndef NUMC_H
#define NUMC_H

#include "numc/base.h"
#include "numc/array.h"
#include "numc/ufunc.h"
#include "numc/reduce.h"
#include "numc/join.h"
#include "numc/io.h"
#include "numc/linalg.h"
#include "numc/random.h"
#include "numc/runtime.h"
#include "numc/gpu.h"

#endif
