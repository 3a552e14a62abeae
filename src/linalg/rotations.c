/* Deferred plane rotations of matrix columns (see numc__rotbuf in spectral.h).
 *
 * The QR-type iterations produce O(n) rotations per sweep and O(n) sweeps; applied one by
 * one, each sweep streams the whole vector matrix through memory (LAPACK dsteqr/dbdsqr).
 * Rows are independent under column rotations, so the rotations of many sweeps are
 * recorded and then applied to one block of rows at a time, in order: the block stays in
 * cache while every recorded rotation passes over it, and the blocks run in parallel.
 *
 * On x86 with AVX-512 (the level simd_dispatch.c chose: NUMC_SIMD caps it) a block is
 * first copied into a contiguous buffer: in place, the column segments of a block lie
 * one leading dimension apart (8 KiB for n = 1024), all in the same few L1 sets. There,
 * the column that a rotation shares with the next one, as consecutive rotations of a QR
 * sweep (j, j+1), (j+1, j+2) and of a deflation (j, p-1), (j-1, p-1) do, stays in
 * registers instead of going through a store and a reload. Measured on the 2-core EPYC,
 * one thread, 1024 x 1024: 390-560 ns a rotation in place, 220-310 ns packed and carried
 * (loaded machine; same process, alternating). The same kernel for AVX2 (strips of 16
 * rows) kept its vectors on the stack under GCC 12 and was slower than in place, so
 * other CPUs apply in place. */
#include <stdlib.h>
#include <string.h>

#include "core/threads.h"
#include "linalg/spectral.h"
#include "ufunc/simd_math.h"

/* Rows per block: 32 doubles per column segment (four AVX-512 or eight AVX2 registers),
 * so that a block of a 1024-column matrix (256 KiB) stays in a core's L2 cache. */
#define ROT_ROWS 32

numc_status numc__rotbuf_init(numc__rotbuf *r, double *z, int64_t ld, int64_t rows, int64_t ncols) {
  r->z = z;
  r->ld = ld;
  r->rows = rows;
  r->cols = ncols;
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

/* The reference: every recorded rotation on rows [0, nr) of the block at base, in place. */
static void apply_in_place(const numc__rotbuf *r, double *base, int64_t nr) {
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

#if NUMC__SIMD_X86
/* Every recorded rotation on the packed block w (ROT_ROWS x cols, leading dimension
 * ROT_ROWS): four vectors per column segment, which with x, y and the carried column fit
 * in the registers; `carry` holds column `held` (-1: none), whose copy in w is stale. */
typedef double rot_vec __attribute__((vector_size(64)));
typedef double rot_vec_u __attribute__((vector_size(64), aligned(8), may_alias)); /* loads, stores */
#define ROT_VECS (ROT_ROWS / 8)

__attribute__((target("avx512f"))) static void apply_packed_avx512(const numc__rotbuf *r,
                                                                    double *w) {
  rot_vec carry[ROT_VECS], x[ROT_VECS], y[ROT_VECS];
  for (int q = 0; q < ROT_VECS; q++) carry[q] = (rot_vec){0};
  int64_t held = -1;
  for (int64_t k = 0; k < r->len; k++) {
    int64_t a = r->ab[2 * k], b = r->ab[2 * k + 1];
    double c = r->cs[2 * k], s = r->cs[2 * k + 1];
    double *wa = w + a * ROT_ROWS, *wb = w + b * ROT_ROWS;
    if (held >= 0 && held != a && held != b)
      for (int q = 0; q < ROT_VECS; q++) *(rot_vec_u *)(w + held * ROT_ROWS + 8 * q) = carry[q];
    for (int q = 0; q < ROT_VECS; q++) {
      if (held == a)
        x[q] = carry[q];
      else
        x[q] = *(const rot_vec_u *)(wa + 8 * q);
      if (held == b)
        y[q] = carry[q];
      else
        y[q] = *(const rot_vec_u *)(wb + 8 * q);
    }
    for (int q = 0; q < ROT_VECS; q++) {
      rot_vec xq = x[q], yq = y[q];
      x[q] = c * xq + s * yq;
      carry[q] = c * yq - s * xq;
      *(rot_vec_u *)(wa + 8 * q) = x[q];
    }
    held = b;
  }
  if (held >= 0)
    for (int q = 0; q < ROT_VECS; q++) *(rot_vec_u *)(w + held * ROT_ROWS + 8 * q) = carry[q];
}
#endif

/* Rows [r0, r0 + ROT_ROWS) packed, rotated and copied back; false (nothing done) without
 * a packed kernel for this CPU or memory for the buffer. */
static bool apply_packed(const numc__rotbuf *r, double *base) {
#if NUMC__SIMD_X86
  if (numc__simd_active() < NUMC__ISA_AVX512) return false;
  size_t seg = ROT_ROWS * sizeof(double);
  double *w = numc__scratch(NUMC__SCRATCH_ROTATIONS, (size_t)r->cols * seg);
  if (!w) return false;
  for (int64_t j = 0; j < r->cols; j++) memcpy(w + j * ROT_ROWS, base + j * r->ld, seg);
  apply_packed_avx512(r, w);
  for (int64_t j = 0; j < r->cols; j++) memcpy(base + j * r->ld, w + j * ROT_ROWS, seg);
  return true;
#else
  (void)r, (void)base;
  return false;
#endif
}

static void apply_block(void *ctx, int64_t begin, int64_t end, int thread) {
  const numc__rotbuf *r = ctx;
  for (int64_t blk = begin; blk < end; blk++) {
    int64_t r0 = blk * ROT_ROWS, nr = r->rows - r0 < ROT_ROWS ? r->rows - r0 : ROT_ROWS;
    double *base = r->z + r0;
    if (nr < ROT_ROWS || !apply_packed(r, base)) apply_in_place(r, base, nr);
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
