/* The reduction engine (see reduce.h for the three shapes it runs in). */
#include <stdlib.h>

#include "core/threads.h"
#include "reduce/reduce.h"

/* Elements cast per step when the input needs converting (NumPy's buffer size). */
#define CHUNK 8192
/* Largest leaf of a single output's tree; above 128 (the pairwise block) so that every
 * leaf is a whole subtree of the pairwise recursion. */
#define LEAF 32768
/* Elements of work per thread below which waking threads costs more than it saves. */
#define GRAIN 32768
/* Accumulators of one column block in the rows shape: they stay in L1. */
#define ROW_BLOCK_BYTES 16384
/* Rows shape: at most this many pieces of rows per column block, of at least so many
 * rows each. */
#define MAX_PIECES 8
#define MIN_PIECE_ROWS 256
/* Outputs finished together in the per-output shape. */
#define BATCH 256

/* The input seen as kept dims (output order) and reduced dims (memory order, innermost
 * last), length-1 dims dropped and neighbours merged. */
typedef struct plan {
  int nk, nr;
  int64_t kshape[NUMC_MAXDIMS], kin[NUMC_MAXDIMS];
  int64_t rshape[NUMC_MAXDIMS], rin[NUMC_MAXDIMS];
  const char *base;
  int64_t nout, nruns; /* nruns: runs per output (all reduced dims but the innermost) */
  int64_t len, step;   /* the innermost reduced run */
} plan;

/* Merge neighbouring dims that are one longer dim in memory. Returns the new count. */
static int merge_dims(int n, int64_t *shape, int64_t *st) {
  int m = 0;
  for (int i = 0; i < n; i++) {
    if (m > 0 && st[m - 1] == st[i] * shape[i]) {
      shape[m - 1] *= shape[i];
      st[m - 1] = st[i];
      continue;
    }
    shape[m] = shape[i];
    st[m] = st[i];
    m++;
  }
  return m;
}

static void make_plan(const numc_array *a, const bool *mask, bool ordered, plan *p) {
  p->base = numc__host_data(a);
  p->nk = p->nr = 0;
  p->nout = 1;
  for (int d = 0; d < a->ndim; d++) {
    int64_t n = a->shape[d], s = a->strides[d];
    if (!mask[d]) p->nout *= n;
    if (n == 1) continue;
    if (!mask[d]) {
      p->kshape[p->nk] = n;
      p->kin[p->nk++] = s;
      continue;
    }
    /* Reversed axes are walked forwards in memory unless index order matters. */
    if (!ordered && s < 0) {
      p->base += (n - 1) * s;
      s = -s;
    }
    /* Insertion by decreasing |stride|, stable: the innermost is the closest in memory. */
    int j = p->nr++;
    while (j > 0 && llabs(p->rin[j - 1]) < llabs(s)) {
      p->rshape[j] = p->rshape[j - 1];
      p->rin[j] = p->rin[j - 1];
      j--;
    }
    p->rshape[j] = n;
    p->rin[j] = s;
  }
  /* Kept dims stay in output (C) order, so a flat output index is the iteration index. */
  p->nk = merge_dims(p->nk, p->kshape, p->kin);
  p->nr = merge_dims(p->nr, p->rshape, p->rin);
  if (p->nr == 0) { /* reducing over length-1 axes only */
    p->rshape[0] = 1;
    p->rin[0] = 0;
    p->nr = 1;
  }
  p->len = p->rshape[p->nr - 1];
  p->step = p->rin[p->nr - 1];
  p->nruns = numc__size(p->nr - 1, p->rshape);
}

typedef struct job {
  numc__reduction rr; /* the caller's, with out_dtype set */
  const numc__reduction *r;
  const numc__rkernels *k;
  plan p;
  numc__cast_fn cast; /* stored dtype -> loop dtype, NULL when they agree */
  int64_t lsize;      /* loop dtype's itemsize */
  char *out;
  int64_t osize;
  char *scratch; /* per thread: the cast buffer, then accumulators */
  size_t per_thread, cast_bytes;
  char *accs; /* leaf accumulators (one output), or every row piece's (rows shape) */
  int64_t block; /* rows shape: columns per block */
  int64_t nblocks;
  int64_t pieces; /* rows shape: pieces the reduced rows are cut into */
} job;

static char *cast_buffer(const job *j, int thread) { return j->scratch + j->per_thread * (size_t)thread; }
static char *acc_buffer(const job *j, int thread) { return cast_buffer(j, thread) + j->cast_bytes; }
static const void *aux_at(const job *j, int64_t o) {
  return j->r->aux ? j->r->aux + (size_t)o * j->r->aux_size : NULL;
}

/* Fold one strided run into acc, through the cast buffer when the dtypes differ. */
static void fold_run(const job *j, void *acc, const char *x, int64_t n, int64_t step,
                     int64_t start, const void *aux, char *buf) {
  if (!j->cast) {
    j->k->fold(acc, x, n, step, start, aux);
    return;
  }
  for (int64_t done = 0; done < n; done += CHUNK) {
    int64_t m = n - done < CHUNK ? n - done : CHUNK;
    j->cast(x + done * step, step, buf, j->lsize, m);
    j->k->fold(acc, buf, m, j->lsize, start + done, aux);
  }
}

/* Fold runs [r0, r1) of the output whose kept element is at x. */
static void fold_runs(const job *j, void *acc, const char *x, int64_t r0, int64_t r1,
                      const void *aux, char *buf) {
  const plan *p = &j->p;
  numc__walker w;
  numc__walk_start(&w, p->nr - 1, p->rshape, p->rin, r0);
  for (int64_t r = r0; r < r1; r++, numc__walk_next(&w))
    fold_run(j, acc, x + w.off, p->len, p->step, r * p->len, aux, buf);
}

/* ------------------------------------------------------------ one output */

/* Cut [off, off + n) where pairwise summation splits until pieces have <= LEAF
 * elements; returns the number of leaves (written when offs is not NULL). */
static int64_t tree_cut(int64_t off, int64_t n, int64_t *offs, int64_t *lens, int64_t k) {
  if (n <= LEAF) {
    if (offs) {
      offs[k] = off;
      lens[k] = n;
    }
    return k + 1;
  }
  int64_t n2 = n / 2;
  n2 -= n2 % 8;
  k = tree_cut(off, n2, offs, lens, k);
  return tree_cut(off + n2, n - n2, offs, lens, k);
}

/* Combine leaf accumulators in the tree's order; returns the leaf that holds the result. */
static int64_t tree_merge(const job *j, int64_t n, int64_t *next) {
  if (n <= LEAF) return (*next)++;
  int64_t n2 = n / 2;
  n2 -= n2 % 8;
  int64_t left = tree_merge(j, n2, next), right = tree_merge(j, n - n2, next);
  j->k->merge(j->accs + (size_t)left * j->k->acc_size, j->accs + (size_t)right * j->k->acc_size);
  return left;
}

typedef struct leaves {
  const job *j;
  const int64_t *offs, *lens; /* one run cut into leaves; NULL: pieces of whole runs */
  int64_t npieces;
} leaves;

static void leaves_range(void *vctx, int64_t begin, int64_t end, int thread) {
  const leaves *lv = vctx;
  const job *j = lv->j;
  const plan *p = &j->p;
  size_t sz = j->k->acc_size;
  for (int64_t i = begin; i < end; i++) {
    char *acc = j->accs + (size_t)i * sz;
    j->k->init(acc, 1);
    if (lv->offs)
      fold_run(j, acc, p->base + lv->offs[i] * p->step, lv->lens[i], p->step, lv->offs[i],
               aux_at(j, 0), cast_buffer(j, thread));
    else
      fold_runs(j, acc, p->base, p->nruns * i / lv->npieces, p->nruns * (i + 1) / lv->npieces,
                aux_at(j, 0), cast_buffer(j, thread));
  }
}

/* One output: a single run is cut along the pairwise tree, several runs into pieces of
 * whole runs combined in order. Both cuts depend only on the shape. */
static numc_status run_single(job *j) {
  const plan *p = &j->p;
  int64_t total = p->nruns * p->len;
  leaves lv = {j, NULL, NULL, 1};
  int64_t *cut = NULL;
  if (p->nruns == 1) {
    lv.npieces = tree_cut(0, p->len, NULL, NULL, 0);
    cut = malloc(sizeof(int64_t) * 2 * (size_t)lv.npieces);
    if (!cut) return numc__oom();
    tree_cut(0, p->len, cut, cut + lv.npieces, 0);
    lv.offs = cut;
    lv.lens = cut + lv.npieces;
  } else {
    lv.npieces = total / LEAF;
    if (lv.npieces > p->nruns) lv.npieces = p->nruns;
    if (lv.npieces < 1) lv.npieces = 1;
  }
  j->accs = numc__alloc((size_t)lv.npieces * j->k->acc_size, false);
  if (!j->accs) {
    free(cut);
    return numc__oom();
  }
  numc__parallel_for(lv.npieces, 1, leaves_range, &lv);
  int64_t result = 0;
  if (lv.offs) {
    int64_t next = 0;
    result = tree_merge(j, p->len, &next);
  } else {
    for (int64_t i = 1; i < lv.npieces; i++)
      j->k->merge(j->accs, j->accs + (size_t)i * j->k->acc_size);
  }
  j->r->finish(j->r, j->out, j->osize, j->accs + (size_t)result * j->k->acc_size, 1, 0);
  numc__dealloc(j->accs);
  free(cut);
  return NUMC_OK;
}

/* ------------------------------------------------------- output by output */

static void outputs_range(void *vctx, int64_t begin, int64_t end, int thread) {
  const job *j = vctx;
  const plan *p = &j->p;
  char *accs = acc_buffer(j, thread), *buf = cast_buffer(j, thread);
  size_t sz = j->k->acc_size;
  numc__walker w;
  numc__walk_start(&w, p->nk, p->kshape, p->kin, begin);
  for (int64_t o0 = begin; o0 < end; o0 += BATCH) {
    int64_t n = end - o0 < BATCH ? end - o0 : BATCH;
    j->k->init(accs, n);
    for (int64_t i = 0; i < n; i++, numc__walk_next(&w))
      fold_runs(j, accs + (size_t)i * sz, p->base + w.off, 0, p->nruns, aux_at(j, o0 + i), buf);
    j->r->finish(j->r, j->out + o0 * j->osize, j->osize, accs, n, o0);
  }
}

/* ------------------------------------------------------------ row by row */

/* Unit u: row piece u % pieces of column block (u / pieces) % nblocks of kept row
 * u / pieces / nblocks. The piece's reduced rows are added into the block's columns in
 * memory order. With one piece the unit finishes its outputs; with several, each piece
 * leaves its accumulators in j->accs and the pieces are merged in order afterwards. */
static void rows_range(void *vctx, int64_t begin, int64_t end, int thread) {
  const job *j = vctx;
  const plan *p = &j->p;
  char *buf = cast_buffer(j, thread);
  int64_t K = p->kshape[p->nk - 1], sk = p->kin[p->nk - 1], nrows = p->nruns * p->len;
  for (int64_t u = begin; u < end; u++) {
    int64_t piece = u % j->pieces, cb = u / j->pieces;
    int64_t q = cb / j->nblocks, c0 = (cb % j->nblocks) * j->block;
    int64_t n = K - c0 < j->block ? K - c0 : j->block, o0 = q * K + c0;
    char *acc = j->pieces > 1 ? j->accs + (size_t)(u * j->block) * j->k->acc_size : acc_buffer(j, thread);
    numc__walker kw;
    numc__walk_start(&kw, p->nk - 1, p->kshape, p->kin, q);
    const char *x0 = p->base + kw.off + c0 * sk;
    const void *aux = aux_at(j, o0);
    int64_t t0 = nrows * piece / j->pieces, t1 = nrows * (piece + 1) / j->pieces;
    j->k->init(acc, n);
    numc__walker rw;
    numc__walk_start(&rw, p->nr, p->rshape, p->rin, t0);
    for (int64_t t = t0; t < t1; t++, numc__walk_next(&rw)) {
      if (j->cast) {
        j->cast(x0 + rw.off, sk, buf, j->lsize, n);
        j->k->rows(acc, buf, n, j->lsize, t, aux);
      } else {
        j->k->rows(acc, x0 + rw.off, n, sk, t, aux);
      }
    }
    if (j->pieces == 1) j->r->finish(j->r, j->out + o0 * j->osize, j->osize, acc, n, o0);
  }
}

/* Merge the pieces of each column block in order and finish its outputs. */
static void merge_pieces(const job *j) {
  const plan *p = &j->p;
  size_t sz = j->k->acc_size;
  int64_t K = p->kshape[p->nk - 1], blocks = p->nout / K * j->nblocks;
  for (int64_t cb = 0; cb < blocks; cb++) {
    int64_t c0 = (cb % j->nblocks) * j->block, o0 = cb / j->nblocks * K + c0;
    int64_t n = K - c0 < j->block ? K - c0 : j->block;
    char *first = j->accs + (size_t)(cb * j->pieces * j->block) * sz;
    for (int64_t piece = 1; piece < j->pieces; piece++)
      for (int64_t c = 0; c < n; c++)
        j->k->merge(first + (size_t)c * sz, first + (size_t)((piece * j->block + c)) * sz);
    j->r->finish(j->r, j->out + o0 * j->osize, j->osize, first, n, o0);
  }
}

/* Rows shape: column blocks of ROW_BLOCK_BYTES accumulators; when those are too few to
 * share among threads, the reduced rows are also cut into pieces, a number fixed by the
 * shape alone so that results do not depend on the thread count. */
static numc_status run_rows(job *j) {
  const plan *p = &j->p;
  size_t sz = j->k->acc_size;
  int64_t K = p->kshape[p->nk - 1], nrows = p->nruns * p->len;
  j->block = ROW_BLOCK_BYTES / (int64_t)sz;
  if (j->block > CHUNK) j->block = CHUNK;
  if (j->block > K) j->block = K;
  j->nblocks = (K + j->block - 1) / j->block;
  int64_t blocks = p->nout / K * j->nblocks;
  j->pieces = 1;
  if (blocks < MAX_PIECES) {
    j->pieces = MAX_PIECES / blocks;
    if (j->pieces > nrows / MIN_PIECE_ROWS) j->pieces = nrows / MIN_PIECE_ROWS;
    if (j->pieces < 1) j->pieces = 1;
  }
  if (j->pieces > 1) {
    j->accs = numc__alloc((size_t)(blocks * j->pieces * j->block) * sz, false);
    if (!j->accs) return numc__oom();
  }
  int64_t units = blocks * j->pieces, per_unit = nrows / j->pieces * j->block;
  numc__parallel_for(units, (GRAIN + per_unit - 1) / per_unit, rows_range, j);
  if (j->pieces > 1) merge_pieces(j);
  numc__dealloc(j->accs);
  return NUMC_OK;
}

/* ------------------------------------------------------------------ entry */

numc_status numc__reduce_run(const numc__reduction *r, const numc_array *a, const bool *mask,
                             numc_array *out) {
  NUMC__TRY(numc__host_ready(a));
  job j = {.rr = *r, .k = r->k};
  j.rr.out_dtype = out->dtype;
  j.r = &j.rr;
  make_plan(a, mask, r->ordered, &j.p);
  if (j.p.nout == 0) return NUMC_OK;
  if (a->dtype != r->loop) j.cast = numc__cast_loop(a->dtype, r->loop);
  j.lsize = (int64_t)numc_dtype_size(r->loop);
  j.out = numc__host_data(out);
  j.osize = (int64_t)numc_dtype_size(out->dtype);
  const plan *p = &j.p;
  int64_t count = p->nruns * p->len;
  size_t sz = r->k->acc_size;
  int64_t K = p->nk > 0 ? p->kshape[p->nk - 1] : 0;
  bool by_rows = count > 0 && r->k->rows && p->nk > 0 && K >= 16 &&
                 llabs(p->kin[p->nk - 1]) < llabs(p->step);
  /* Accumulators per thread: a batch of outputs, or a column block (run_rows). */
  size_t acc_bytes = BATCH * sz > ROW_BLOCK_BYTES ? BATCH * sz : ROW_BLOCK_BYTES;
  int threads = numc_get_num_threads();
  j.cast_bytes = j.cast ? (size_t)CHUNK * (size_t)j.lsize : 0;
  j.per_thread = (j.cast_bytes + acc_bytes + 63) / 64 * 64;
  j.scratch = numc__alloc(j.per_thread * (size_t)threads, false);
  if (!j.scratch) return numc__oom();
  numc_status s = NUMC_OK;
  int64_t work = count > 0 ? count : 1;
  if (p->nk == 0 && count > 0) {
    s = run_single(&j);
  } else if (by_rows) {
    s = run_rows(&j);
  } else {
    numc__parallel_for(p->nout, (GRAIN + work - 1) / work, outputs_range, &j);
  }
  numc__dealloc(j.scratch);
  return s;
}
