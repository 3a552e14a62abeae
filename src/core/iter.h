/* The elementwise iterator: broadcasting, axis ordering and merging, casting and
 * threading, solved once for every kernel.
 *
 * Kernels see only the one strided 1-D loop signature (NumPy's):
 *   loop(args, steps, n, ctx): args[0..nop-1] point at element 0 of each operand (inputs
 *   first, then outputs), steps[k] is operand k's byte stride, n the element count.
 * The iterator hands a loop operands already converted to the loop's dtypes: an operand
 * whose stored dtype differs is cast chunk by chunk through a small buffer. */
#ifndef NUMC_ITER_H
#define NUMC_ITER_H

#include "core.h"

#define NUMC__ITER_MAXOPS 8
/* Elements per cast chunk: 4096 * 16 bytes fits L2 for several operands. */
#define NUMC__ITER_CHUNK 4096

typedef void (*numc__loop)(char **args, const int64_t *steps, int64_t n, const void *ctx);

typedef struct numc__iter {
  int nop, nin;
  int ndim; /* after merging; the last axis is the innermost */
  int64_t shape[NUMC_MAXDIMS];
  int64_t strides[NUMC__ITER_MAXOPS][NUMC_MAXDIMS];
  char *base[NUMC__ITER_MAXOPS];
  numc_dtype stored[NUMC__ITER_MAXOPS]; /* dtype in memory */
  numc_dtype want[NUMC__ITER_MAXOPS];   /* dtype the loop reads or writes */
  int64_t size;
  bool any_cast;
} numc__iter;

/* ops[0..nin-1] are inputs, broadcast to `shape`; ops[nin..nop-1] are outputs whose
 * shape must equal `shape` (checked by the caller). `want[k]` is operand k's loop dtype. */
numc_status numc__iter_init(numc__iter *it, int nop, int nin, const numc_array *const *ops,
                            const numc_dtype *want, int ndim, const int64_t *shape);
/* Run `loop` over every element, with worker threads when the size is large enough.
 * `cost` is a rough per-element cost in "additions" (1 for add, 20 for sin) used to
 * decide when threads pay off. Returns ENOMEM if cast buffers cannot be allocated. */
numc_status numc__iter_run(const numc__iter *it, numc__loop loop, const void *ctx, int cost);

#endif
