/* Argument checks, stacks, work-buffer copies and the parallel stack driver of the dense
 * linalg functions (see dense.h). */
#include <stdatomic.h>

#include "core/threads.h"
#include "linalg/dense.h"

numc_status numc__la_result_dtype(numc_dtype a, numc_dtype b, numc_dtype *result) {
  if (a == NUMC_FLOAT16 || b == NUMC_FLOAT16)
    return numc__fail(NUMC_EDTYPE, "array type float16 is unsupported in linalg");
  bool single = (a == NUMC_FLOAT32 || a == NUMC_COMPLEX64) && (b == NUMC_FLOAT32 || b == NUMC_COMPLEX64);
  if (numc__is_complex(a) || numc__is_complex(b))
    *result = single ? NUMC_COMPLEX64 : NUMC_COMPLEX128;
  else
    *result = single ? NUMC_FLOAT32 : NUMC_FLOAT64;
  return NUMC_OK;
}

numc_status numc__la_check_2d(const numc_array *a) {
  if (a->ndim < 2)
    return numc__fail(NUMC_ELINALG,
                      "%d-dimensional array given. Array must be at least two-dimensional",
                      a->ndim);
  return NUMC_OK;
}

numc_status numc__la_check_square(const numc_array *a) {
  NUMC__TRY(numc__la_check_2d(a));
  if (a->shape[a->ndim - 1] != a->shape[a->ndim - 2])
    return numc__fail(NUMC_ELINALG, "Last 2 dimensions of the array must be square");
  return NUMC_OK;
}

numc_status numc__la_new(numc_dtype t, int nbatch, const int64_t *batch, int ncore,
                         const int64_t *core, numc_array **out) {
  int64_t shape[NUMC_MAXDIMS];
  if (nbatch + ncore > NUMC_MAXDIMS)
    return numc__fail(NUMC_EINVAL, "result would have more than %d dimensions", NUMC_MAXDIMS);
  for (int d = 0; d < nbatch; d++) shape[d] = batch[d];
  for (int d = 0; d < ncore; d++) shape[nbatch + d] = core[d];
  return numc__new(t, nbatch + ncore, shape, NUMC_ORDER_C, false, out);
}

numc_status numc__la_batch_of(const numc_array *a, int ncore, numc__la_batch *b) {
  NUMC__TRY(numc__host_ready(a));
  b->ndim = a->ndim - ncore;
  b->count = 1;
  for (int d = 0; d < b->ndim; d++) {
    b->shape[d] = a->shape[d];
    b->count *= a->shape[d];
  }
  return NUMC_OK;
}

numc_status numc__la_batch_broadcast(const numc_array *a, int ncore_a, const numc_array *b,
                                     int ncore_b, numc__la_batch *out) {
  NUMC__TRY(numc__host_ready(a));
  NUMC__TRY(numc__host_ready(b));
  const int ndims[2] = {a->ndim - ncore_a, b->ndim - ncore_b};
  const int64_t *shapes[2] = {a->shape, b->shape};
  NUMC__TRY(numc__broadcast_shapes(2, ndims, shapes, &out->ndim, out->shape));
  out->count = numc__size(out->ndim, out->shape);
  return NUMC_OK;
}

const char *numc__la_item(const numc_array *a, int ncore, const numc__la_batch *b, int64_t k) {
  const char *p = numc__host_data(a);
  int lead = a->ndim - ncore; /* a's stack dims align with the last `lead` of b's */
  for (int d = b->ndim - 1; d >= 0; d--) {
    int64_t i = k % b->shape[d];
    k /= b->shape[d];
    int ad = d - (b->ndim - lead);
    if (ad >= 0 && a->shape[ad] != 1) p += i * a->strides[ad];
  }
  return p;
}

void numc__la_load(const char *src, numc_dtype st, int64_t rs, int64_t cs, int64_t rows,
                   int64_t cols, numc_dtype wt, void *w, int64_t ld) {
  numc__cast_fn cast = numc__cast_loop(st, wt);
  size_t wsize = numc_dtype_size(wt);
  for (int64_t i = 0; i < rows; i++)
    cast(src + i * rs, cs, (char *)w + (size_t)(i * ld) * wsize, (int64_t)wsize, cols);
}

void numc__la_store(const void *w, numc_dtype wt, int64_t ld, int64_t rows, int64_t cols,
                    numc_dtype dt, char *dst) {
  numc__cast_fn cast = numc__cast_loop(wt, dt);
  size_t wsize = numc_dtype_size(wt), dsize = numc_dtype_size(dt);
  for (int64_t i = 0; i < rows; i++)
    cast((const char *)w + (size_t)(i * ld) * wsize, (int64_t)wsize,
         dst + (size_t)(i * cols) * dsize, (int64_t)dsize, cols);
}

/* ------------------------------------------------------- stack driver */

typedef struct for_each_job {
  numc__la_item_fn fn;
  void *ctx;
  char *work; /* one slot of `slot` bytes per thread */
  size_t slot;
  atomic_int status; /* first failure, NUMC_OK while none */
} for_each_job;

static void for_each_range(void *ctx, int64_t begin, int64_t end, int thread) {
  for_each_job *j = ctx;
  for (int64_t k = begin; k < end && atomic_load(&j->status) == NUMC_OK; k++) {
    numc_status s = j->fn(j->ctx, k, j->work + (size_t)thread * j->slot);
    if (s != NUMC_OK) {
      int expected = NUMC_OK;
      atomic_compare_exchange_strong(&j->status, &expected, (int)s);
    }
  }
}

/* Below this many flops a piece of the stack is not worth a thread (the pool's wake-up
 * costs a few microseconds). */
#define LA_GRAIN_FLOPS 2e5
/* Items costing more than this parallelise inside (their GEMMs use every thread). */
#define LA_LARGE_FLOPS 2e7
/* Work memory up to this size is the calling thread's scratch, kept between calls: a
 * 256 x 256 inverse faulted in its megabyte of fresh pages in three times the time it
 * computed. Larger work gets fresh memory each call, so that one large call does not hold
 * it for the thread's life; numc__alloc gives it huge pages, cheap to first touch. */
#define LA_KEPT_BYTES ((size_t)32 << 20)
/* The scratch is in use on this thread: an item that itself ran numc__la_for_each would
 * get fresh memory. */
static _Thread_local bool scratch_busy;

numc_status numc__la_for_each(int64_t count, double flops, size_t work_bytes, numc__la_item_fn fn,
                              void *ctx, const char *linalg_msg) {
  if (count <= 0) return NUMC_OK;
  int threads = flops > LA_LARGE_FLOPS ? 1 : numc_get_num_threads();
  int64_t grain = flops >= LA_GRAIN_FLOPS ? 1 : (int64_t)(LA_GRAIN_FLOPS / (flops + 1.0)) + 1;
  if (threads > 1 && count < 2 * grain) threads = 1;
  if (threads < 1) threads = 1;
  for_each_job j = {fn, ctx, NULL, (work_bytes + 63) & ~(size_t)63, NUMC_OK};
  if (j.slot && (size_t)threads > SIZE_MAX / j.slot) return numc__oom();
  size_t bytes = j.slot * (size_t)threads;
  bool kept = bytes <= LA_KEPT_BYTES && !scratch_busy;
  j.work = kept ? numc__scratch(NUMC__SCRATCH_LINALG, bytes) : numc__alloc(bytes, false);
  if (!j.work) return numc__oom();
  scratch_busy |= kept;
  if (threads == 1)
    for_each_range(&j, 0, count, 0);
  else
    numc__parallel_for(count, grain, for_each_range, &j);
  if (kept)
    scratch_busy = false;
  else
    numc__dealloc(j.work);
  numc_status s = (numc_status)atomic_load(&j.status);
  if (s == NUMC_OK) return NUMC_OK;
  if (s == NUMC_ELINALG) return numc__fail(s, "%s", linalg_msg);
  if (s == NUMC_ENOMEM) return numc__oom();
  return numc__fail(s, "linalg: %s", numc_strerror(s));
}
