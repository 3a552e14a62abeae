/* Reductions: one engine runs every reduce-like function (sum, min, argmax, var, ...).
 *
 * A reduction is described by a kernel set for one loop dtype (numc__rkernels) and a
 * finisher that turns accumulators into output elements. The engine (reduce.c) splits
 * the input into kept and reduced dimensions, converts the input to the loop dtype chunk
 * by chunk where it differs, and runs the kernels in one of three shapes:
 *   - one output: the reduced run is cut along the pairwise-summation tree into leaves
 *     that threads fold independently, then combined in tree order;
 *   - many outputs whose reduced elements are closest in memory: each output folds its
 *     own runs (threads take outputs);
 *   - many outputs whose kept elements are closest in memory (sum over axis 0 of a
 *     C-ordered matrix): whole rows are added into a vector of accumulators, as NumPy
 *     does (threads take column blocks, and pieces of the rows when blocks are few).
 * Every output's order of operations depends only on the shape, never on the thread
 * count, so results are identical with any number of threads. */
#ifndef NUMC_REDUCE_INTERNAL_H
#define NUMC_REDUCE_INTERNAL_H

#include "core/backend.h"
#include "core/core.h"

/* Kernels of one reduction for one loop dtype. Accumulators have the op's own type (a
 * sum, a (value, index) pair); `aux` points at per-output data (var's means). */
typedef struct numc__rkernels {
  size_t acc_size;
  /* n accumulators to the starting state (the identity, or "nothing seen yet"). */
  void (*init)(void *acc, int64_t n);
  /* Fold x[0], x[step], ... x[(n-1)*step] into one accumulator; `start` is x[0]'s
   * position along the reduced axis (used by argmin/argmax). */
  void (*fold)(void *acc, const char *x, int64_t n, int64_t step, int64_t start, const void *aux);
  /* Fold one row into n accumulators: acc[j] takes x[j*step] (aux[j] its extra data);
   * `index` is the row's position along the reduced axis. */
  void (*rows)(void *acc, const char *x, int64_t n, int64_t step, int64_t index, const void *aux);
  /* acc = acc combined with `right`, which covers later elements. */
  void (*merge)(void *acc, const void *right);
} numc__rkernels;

typedef struct numc__reduction numc__reduction;
/* Write n results from n consecutive accumulators to out (byte step ostep); `o` is the
 * flat index of the first output. */
typedef void (*numc__finish_fn)(const numc__reduction *r, char *out, int64_t ostep,
                                const void *acc, int64_t n, int64_t o);

struct numc__reduction {
  const numc__rkernels *k;
  numc_dtype loop;    /* dtype the kernels read; the input is cast to it where it differs */
  bool ordered;       /* keep index order (argmin/argmax): never reverse a negative stride */
  const char *aux;    /* per-output data, aux_size bytes per flat output index, or NULL */
  size_t aux_size;
  numc__finish_fn finish;
  /* Parameters of the finishers below. */
  numc_dtype out_dtype;   /* set by the engine from the output array */
  numc_dtype acc_dtype;   /* the accumulator's dtype */
  int64_t count;          /* elements per output */
  const int64_t *counts;  /* or per output (the nan-functions' non-NaN counts) */
  int64_t ddof;
  bool nan_if_no_dof;     /* nanvar: NaN where count - ddof <= 0 (var divides by 0) */
  bool take_sqrt;         /* std */
};

/* The reduced dimensions and the result's shape, from validated arguments. */
typedef struct numc__rshape {
  bool mask[NUMC_MAXDIMS];
  int ndim;
  int64_t shape[NUMC_MAXDIMS];
  int64_t count; /* elements reduced into each output */
  int64_t nout;  /* outputs */
} numc__rshape;

/* Check a, out (non-NULL, *out NULL) and the axes (NULL: all). `scalar_axis` accepts axis
 * 0 or -1 of a 0-d array as NumPy's ufunc reductions do for backwards compatibility. */
numc_status numc__reduce_shape(const numc_array *a, const numc_axes *axes, bool keepdims,
                               bool scalar_axis, numc_array **out, numc__rshape *rs);
/* The error of min/max/argmin-like reductions over nothing, or NUMC_OK. */
numc_status numc__reduce_nonempty(const numc__rshape *rs, const char *ufunc_name);
/* Run `r` over `a` into `out` (fresh, C-contiguous, rs->nout elements). */
numc_status numc__reduce_run(const numc__reduction *r, const numc_array *a, const bool *mask,
                             numc_array *out);
/* Allocate the result (dtype t, shape rs), run `r` into it, hand it over on success. */
numc_status numc__reduce_new(const numc__reduction *r, const numc_array *a,
                             const numc__rshape *rs, numc_dtype t, numc_array **out);

/* Finishers: cast the accumulators (acc_dtype) to the output dtype; or divide them by
 * count - ddof (counts[o] - ddof), optionally take the square root, then cast. */
void numc__finish_cast(const numc__reduction *r, char *out, int64_t ostep, const void *acc,
                       int64_t n, int64_t o);
void numc__finish_divide(const numc__reduction *r, char *out, int64_t ostep, const void *acc,
                         int64_t n, int64_t o);

/* The dtype sum/prod/cumsum accumulate in: int64 for bool and signed, uint64 for
 * unsigned, float32 for float16, the input's otherwise. Their result: float16 stays. */
numc_dtype numc__sum_loop_dtype(numc_dtype t);
numc_dtype numc__sum_result_dtype(numc_dtype t);
/* A 1-D view of a's elements in C order (NumPy's ravel): a itself when they are already
 * in that order, else a C-contiguous copy. */
numc_status numc__flat_view(const numc_array *a, numc_array **flat);

/* Offer reduction `op` (a numc__reduce_op, or NUMC__RED_CPU_ONLY: never) of a, with the
 * validated shape rs and NumPy's result dtype, to the accelerator (offload.c). NUMC_OK:
 * *out is its result. NUMC_EUNAVAIL: the caller computes it on the CPU. */
#define NUMC__RED_CPU_ONLY (-1)
numc_status numc__reduce_offloaded(int op, const numc_array *a, const numc__rshape *rs, numc_dtype result,
                                   int64_t ddof, numc_array **out);

/* A multi-index over some dims and its byte offset, advanced one element at a time. */
typedef struct numc__walker {
  int n;
  const int64_t *shape, *st;
  int64_t idx[NUMC_MAXDIMS];
  int64_t off;
} numc__walker;

static inline void numc__walk_start(numc__walker *w, int n, const int64_t *shape,
                                    const int64_t *st, int64_t flat) {
  w->n = n;
  w->shape = shape;
  w->st = st;
  w->off = 0;
  for (int d = n - 1; d >= 0; d--) {
    w->idx[d] = flat % shape[d];
    flat /= shape[d];
    w->off += w->idx[d] * st[d];
  }
}

static inline void numc__walk_next(numc__walker *w) {
  for (int d = w->n - 1; d >= 0; d--) {
    w->off += w->st[d];
    if (++w->idx[d] < w->shape[d]) return;
    w->off -= w->shape[d] * w->st[d];
    w->idx[d] = 0;
  }
}

/* NumPy's complex product is the textbook formula; C's `*` calls the Annex G routine,
 * which treats infinities differently and is slow. */
static inline numc__c64 numc__mul_c64(numc__c64 a, numc__c64 b) {
  return CMPLXF(crealf(a) * crealf(b) - cimagf(a) * cimagf(b),
                crealf(a) * cimagf(b) + cimagf(a) * crealf(b));
}
static inline numc__c128 numc__mul_c128(numc__c128 a, numc__c128 b) {
  return CMPLX(creal(a) * creal(b) - cimag(a) * cimag(b), creal(a) * cimag(b) + cimag(a) * creal(b));
}
#define NUMC__MUL(a, b)                                                                  \
  _Generic((a), numc__c64: numc__mul_c64((a), (b)), numc__c128: numc__mul_c128((a), (b)), \
           default: (a) * (b))

/* Sum kernels for a loop dtype from numc__sum_loop_dtype (or float64/float32/complex for
 * mean); nan_as_zero: NaN counts as 0 (nansum). NULL for a dtype without them. */
const numc__rkernels *numc__sum_kernels(numc_dtype loop, bool nan_as_zero);

#endif
