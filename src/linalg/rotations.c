/* Deferred plane rotations of matrix columns (see numc__rotbuf in spectral.h).
 *
 * The QR-type iterations produce O(n) rotations per sweep and O(n) sweeps; applied one by
 * one, each sweep streams the whole vector matrix through memory (LAPACK dsteqr/dbdsqr).
 * Rows are independent under column rotations, so the rotations of many sweeps are
 * recorded and then applied to one block of rows at a time, in order: the block stays in
 * cache while every recorded rotation passes over it, and the blocks run in parallel. */
#include <stdlib.h>

#include "core/threads.h"
#include "linalg/spectral.h"

/* Rows per block: 32 doubles per column segment (four AVX-512 or eight AVX2 vectors),
 * so that a block of a 1024-column matrix (256 KiB) stays in a core's L2 cache. */
#define ROT_ROWS 32

numc_status numc__rotbuf_init(numc__rotbuf *r, double *z, int64_t ld, int64_t rows, int64_t ncols) {
  r->z = z;
  r->ld = ld;
  r->rows = rows;
  r->len = 0;
  /* About 16 sweeps' worth between passes over z. */
  r->cap = 16 * (ncols + 1);
  r->ab = malloc((size_t)r->cap * 2 * sizeof *r->ab);
  r->cs = malloc((size_t)r->cap * 2 * sizeof *r->cs);
  if (!r->ab || !r->cs) {
    numc__rotbuf_free(r);
    return NUMC_ENOMEM;
  }
  return NUMC_OK;
}

void numc__rotbuf_free(numc__rotbuf *r) {
  free(r->ab);
  free(r->cs);
  r->ab = NULL;
  r->cs = NULL;
}

static void apply_block(void *ctx, int64_t begin, int64_t end, int thread) {
  const numc__rotbuf *r = ctx;
  for (int64_t blk = begin; blk < end; blk++) {
    int64_t r0 = blk * ROT_ROWS, nr = r->rows - r0 < ROT_ROWS ? r->rows - r0 : ROT_ROWS;
    double *base = r->z + r0;
    for (int64_t k = 0; k < r->len; k++) {
      double c = r->cs[2 * k], s = r->cs[2 * k + 1];
      double *x = base + r->ab[2 * k] * r->ld, *y = base + r->ab[2 * k + 1] * r->ld;
      for (int64_t i = 0; i < nr; i++) {
        double xi = x[i], yi = y[i];
        x[i] = c * xi + s * yi;
        y[i] = c * yi - s * xi;
      }
    }
  }
}

void numc__rotbuf_flush(numc__rotbuf *r) {
  if (!r || r->len == 0) return;
  int64_t blocks = (r->rows + ROT_ROWS - 1) / ROT_ROWS;
  /* A block pass costs about 6 * ROT_ROWS * len flops; keep tasks above ~1e5 flops. */
  int64_t grain = 1 + 100000 / (6 * ROT_ROWS * r->len);
  numc__parallel_for(blocks, grain, apply_block, r);
  r->len = 0;
}

void numc__rotbuf_push(numc__rotbuf *r, int64_t a, int64_t b, double c, double s) {
  if (!r) return;
  if (r->len == r->cap) numc__rotbuf_flush(r);
  r->ab[2 * r->len] = (int32_t)a;
  r->ab[2 * r->len + 1] = (int32_t)b;
  r->cs[2 * r->len] = c;
  r->cs[2 * r->len + 1] = s;
  r->len++;
}
