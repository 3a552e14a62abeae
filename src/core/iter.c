/* Elementwise iteration (see iter.h for the contract). */
#include <stdlib.h>

#include "iter.h"
#include "threads.h"

/* Below this many element-costs per thread, waking threads costs more than it saves. */
#define NUMC__PARALLEL_GRAIN 32768

numc_status numc__iter_init(numc__iter *it, int nop, int nin, const numc_array *const *ops,
                            const numc_dtype *want, int ndim, const int64_t *shape) {
  memset(it, 0, sizeof *it);
  it->nop = nop;
  it->nin = nin;
  int64_t st[NUMC__ITER_MAXOPS][NUMC_MAXDIMS];
  for (int k = 0; k < nop; k++) {
    NUMC__TRY(numc__host_ready(ops[k]));
    numc__broadcast_strides(ops[k], ndim, shape, st[k]);
    it->base[k] = numc__host_data(ops[k]);
    it->stored[k] = ops[k]->dtype;
    it->want[k] = want[k];
    if (want[k] != ops[k]->dtype) it->any_cast = true;
  }
  /* Order axes so that the innermost has the smallest stride of the first output (or of
   * the first operand with a non-zero stride): memory order of the result, NumPy's 'K'.
   * Insertion sort by |stride|, stable, so C order stays C order. */
  int ref = nop > nin ? nin : 0;
  int perm[NUMC_MAXDIMS], n = 0;
  for (int i = 0; i < ndim; i++)
    if (shape[i] != 1) perm[n++] = i; /* length-1 axes do not move anything */
  for (int i = 1; i < n; i++) {
    int p = perm[i], j = i;
    int64_t sp = llabs(st[ref][p]);
    while (j > 0 && llabs(st[ref][perm[j - 1]]) < sp) {
      perm[j] = perm[j - 1];
      j--;
    }
    perm[j] = p;
  }
  /* Merge neighbours that every operand walks as one longer axis. */
  int nd = 0;
  for (int i = 0; i < n; i++) {
    int ax = perm[i];
    if (nd > 0) {
      bool merge = true;
      for (int k = 0; k < nop && merge; k++)
        merge = it->strides[k][nd - 1] == st[k][ax] * shape[ax];
      if (merge) {
        it->shape[nd - 1] *= shape[ax];
        for (int k = 0; k < nop; k++) it->strides[k][nd - 1] = st[k][ax];
        continue;
      }
    }
    it->shape[nd] = shape[ax];
    for (int k = 0; k < nop; k++) it->strides[k][nd] = st[k][ax];
    nd++;
  }
  it->ndim = nd;
  it->size = numc__size(ndim, shape);
  return NUMC_OK;
}

typedef struct {
  const numc__iter *it;
  numc__loop loop;
  const void *ctx;
  char *buffers; /* per thread: nop * CHUNK * 16 bytes, when casting */
  size_t per_thread;
} run_ctx;

/* Run loop over n elements starting at ptr[], casting through bufs where needed. */
static void run_inner(const numc__iter *it, numc__loop loop, const void *ctx, char **ptr,
                      const int64_t *step, int64_t n, char *bufs) {
  if (!it->any_cast) {
    loop(ptr, step, n, ctx);
    return;
  }
  char *args[NUMC__ITER_MAXOPS];
  int64_t steps[NUMC__ITER_MAXOPS];
  for (int64_t done = 0; done < n; done += NUMC__ITER_CHUNK) {
    int64_t m = n - done < NUMC__ITER_CHUNK ? n - done : NUMC__ITER_CHUNK;
    for (int k = 0; k < it->nop; k++) {
      char *p = ptr[k] + done * step[k];
      if (it->want[k] == it->stored[k]) {
        args[k] = p;
        steps[k] = step[k];
        continue;
      }
      args[k] = bufs + (size_t)k * NUMC__ITER_CHUNK * 16;
      steps[k] = (int64_t)numc_dtype_size(it->want[k]);
      if (k < it->nin) numc__cast_loop(it->stored[k], it->want[k])(p, step[k], args[k], steps[k], m);
    }
    loop(args, steps, m, ctx);
    for (int k = it->nin; k < it->nop; k++)
      if (it->want[k] != it->stored[k])
        numc__cast_loop(it->want[k], it->stored[k])(args[k], steps[k], ptr[k] + done * step[k], step[k], m);
  }
}

/* Visit flat indices [begin, end) of the merged iteration space. */
static void run_range(void *vctx, int64_t begin, int64_t end, int thread) {
  const run_ctx *rc = vctx;
  const numc__iter *it = rc->it;
  char *bufs = rc->buffers ? rc->buffers + rc->per_thread * (size_t)thread : NULL;
  int nd = it->ndim, nop = it->nop;
  if (nd == 0) { /* a single element */
    char *ptr[NUMC__ITER_MAXOPS];
    int64_t step[NUMC__ITER_MAXOPS] = {0};
    for (int k = 0; k < nop; k++) ptr[k] = it->base[k];
    run_inner(it, rc->loop, rc->ctx, ptr, step, 1, bufs);
    return;
  }
  int64_t idx[NUMC_MAXDIMS], rem = begin;
  for (int d = nd - 1; d >= 0; d--) {
    idx[d] = rem % it->shape[d];
    rem /= it->shape[d];
  }
  int64_t inner = it->shape[nd - 1];
  int64_t step[NUMC__ITER_MAXOPS];
  for (int k = 0; k < nop; k++) step[k] = it->strides[k][nd - 1];
  for (int64_t pos = begin; pos < end;) {
    char *ptr[NUMC__ITER_MAXOPS];
    for (int k = 0; k < nop; k++) {
      char *p = it->base[k];
      for (int d = 0; d < nd; d++) p += idx[d] * it->strides[k][d];
      ptr[k] = p;
    }
    int64_t n = inner - idx[nd - 1];
    if (n > end - pos) n = end - pos;
    run_inner(it, rc->loop, rc->ctx, ptr, step, n, bufs);
    pos += n;
    idx[nd - 1] += n;
    for (int d = nd - 1; d > 0 && idx[d] >= it->shape[d]; d--) {
      idx[d] = 0;
      idx[d - 1]++;
    }
  }
}

numc_status numc__iter_run(const numc__iter *it, numc__loop loop, const void *ctx, int cost) {
  if (it->size == 0) return NUMC_OK;
  run_ctx rc = {it, loop, ctx, NULL, 0};
  int threads = numc_get_num_threads();
  int64_t grain = NUMC__PARALLEL_GRAIN / (cost > 0 ? cost : 1);
  if (grain < 1024) grain = 1024;
  if (it->any_cast) {
    rc.per_thread = (size_t)it->nop * NUMC__ITER_CHUNK * 16;
    rc.buffers = numc__alloc(rc.per_thread * (size_t)threads, false);
    if (!rc.buffers) return numc__oom();
  }
  numc__parallel_for(it->size, grain, run_range, &rc);
  numc__dealloc(rc.buffers);
  return NUMC_OK;
}
