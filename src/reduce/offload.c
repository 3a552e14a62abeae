/* Reductions offered to the accelerator (core/backend.h) once the CPU code has validated
 * their arguments. Host-to-host reductions never pay for the upload (~1 GB/s on an H100,
 * ../shared/NOTES.md, against tens of GB/s for the CPU's own pass over the data), so
 * `auto` only offers arrays that already live on the device: min_work is infinite. */
#include <math.h>

#include "reduce/reduce.h"

static const char *const names[] = {
    [NUMC__RED_SUM] = "sum",   [NUMC__RED_PROD] = "prod",     [NUMC__RED_MEAN] = "mean",
    [NUMC__RED_VAR] = "var",   [NUMC__RED_STD] = "std",       [NUMC__RED_MIN] = "min",
    [NUMC__RED_MAX] = "max",   [NUMC__RED_ARGMIN] = "argmin", [NUMC__RED_ARGMAX] = "argmax",
};

static numc_status run_reduce(const numc__backend *b, const void *call, numc_array **out) {
  if (!b->reduce) return numc__fail(NUMC_EUNAVAIL, "the %s backend has no reductions", b->name);
  return b->reduce(call, out);
}

numc_status numc__reduce_offloaded(int op, const numc_array *a, const numc__rshape *rs, numc_dtype result,
                                   int64_t ddof, numc_array **out) {
  if (op == NUMC__RED_CPU_ONLY) return NUMC_EUNAVAIL;
  numc__reduce_call c = {.op = (numc__reduce_op)op, .a = a, .reduced = rs->mask, .ndim = rs->ndim,
                         .shape = rs->shape, .result = result, .ddof = ddof};
  return numc__offload(names[op], &a, 1, (double)numc_size(a), INFINITY, run_reduce, &c, out);
}
