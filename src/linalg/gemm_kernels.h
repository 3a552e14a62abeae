/* GEMM micro-kernels: the one contract every ISA implements, and the table of kernel
 * families that gemm_select.c chooses from at run time.
 *
 * A micro-kernel computes one MR x NR tile of C from packed slivers (see gemm_pack.c):
 *
 *   C[0:MR, 0:NR] := alpha * A_s * B_s + beta * C[0:MR, 0:NR]
 *
 *   a     packed A sliver: k steps of MR contiguous elements (step p at a + p*MR),
 *         64-byte aligned.
 *   b     packed B sliver: k steps of NR contiguous elements (step p at b + p*NR).
 *   c     a *full* MR x NR tile, element (i, j) at c[i + j*ldc]: unit row stride. Edge
 *         tiles and C with other strides are the caller's business: it runs the kernel
 *         on a temporary MR x NR tile with beta = 0 and merges that (gemm_pack.c). Packed
 *         slivers are zero-padded, so the kernel never sees a partial tile.
 *   alpha, beta  point to one element of the kernel's type (float or double).
 *   beta == 0: C is not read (it may hold NaN). k may be 0 (then C := beta*C).
 *
 * Vectors run along MR (the unit-stride direction of C), one broadcast of B per column. */
#ifndef NUMC_GEMM_KERNELS_H
#define NUMC_GEMM_KERNELS_H

#include <stdbool.h>
#include <stdint.h>

typedef void (*numc__gemm_ukr)(int64_t k, const void *a, const void *b, void *c, int64_t ldc,
                               const void *alpha, const void *beta);

/* Optional: a whole small product without packing, for sizes where packing costs more
 * than the cache-friendly order it buys (chosen by gemm_driver.c):
 *
 *   C := alpha * A * B + beta * C,   A[i][p] = a[i + p*lda],  B[p][j] = b[p*rsb + j*csb],
 *                                    C[i][j] = c[i + j*ldc],
 *
 * A and C with unit row stride (the vector direction), B any strides; any m, n >= 1 and
 * k >= 1; edges are handled inside (masked loads and stores). beta == 0: C is not read. */
typedef void (*numc__gemm_direct)(int64_t m, int64_t n, int64_t k, const void *alpha,
                                  const void *a, int64_t lda, const void *b, int64_t rsb,
                                  int64_t csb, const void *beta, void *c, int64_t ldc);

/* Packing, for the kernel's own slivers: `len` lines of a strided matrix into slivers of
 * width w, each sliver kc steps of w contiguous elements, the last one zero-padded to w:
 *   dst[(s*kc + p)*w + i] = src[(s*w + i)*sw + p*sk]   for s*w + i < len, p < kc.
 * Packs A (lines = rows, w = MR) and B (lines = columns, w = NR). dst is 64-byte aligned.
 * numc__gemm_pack_f32/_f64 (gemm_pack.c) are the portable ones; a family may bring its
 * own for speed (the copy is a transpose when the lines are contiguous along k). */
typedef void (*numc__gemm_pack_fn)(void *dst, const void *src, int64_t len, int64_t kc,
                                   int64_t sw, int64_t sk, int w);
void numc__gemm_pack_f32(void *dst, const void *src, int64_t len, int64_t kc, int64_t sw,
                         int64_t sk, int w);
void numc__gemm_pack_f64(void *dst, const void *src, int64_t len, int64_t kc, int64_t sw,
                         int64_t sk, int w);

/* A micro-kernel with its tile and the cache blocks the loop nest uses with it:
 * KC x NR of B stays in L1 while an MC x KC block of A stays in L2, and a KC x NC panel
 * of B in the last-level cache (see each kernel file for the numbers' reasons). */
typedef struct {
  const char *name; /* "avx512 32x12": ISA and tile, for numc info */
  numc__gemm_ukr ukr;
  int mr, nr;
  int64_t mc, kc, nc; /* mc a multiple of mr, nc a multiple of nr */
  numc__gemm_pack_fn pack;
  numc__gemm_direct direct; /* NULL: this ISA always packs */
} numc__gemm_ukernel;

/* One row of the selection table: a family of kernels for one ISA. */
typedef struct {
  const char *isa; /* the NUMC_GEMM_KERNEL name */
  bool (*supported)(void);
  numc__gemm_ukernel f32, f64;
} numc__gemm_family;

#if defined(__x86_64__)
extern const numc__gemm_family numc__gemm_family_avx512;
extern const numc__gemm_family numc__gemm_family_avx2;
extern const numc__gemm_family numc__gemm_family_sse2;
/* AVX-512 packing with in-register transposes (gemm_pack_avx512.c). */
void numc__gemm_pack_f32_avx512(void *dst, const void *src, int64_t len, int64_t kc, int64_t sw,
                                int64_t sk, int w);
void numc__gemm_pack_f64_avx512(void *dst, const void *src, int64_t len, int64_t kc, int64_t sw,
                                int64_t sk, int w);
#endif
#if defined(__aarch64__)
extern const numc__gemm_family numc__gemm_family_neon;
#endif
#if defined(__wasm_simd128__)
extern const numc__gemm_family numc__gemm_family_wasm_simd128;
#endif
extern const numc__gemm_family numc__gemm_family_generic;

/* The family in use (cached run-time choice, or the one forced). Never NULL. */
const numc__gemm_family *numc__gemm_family_current(void);

#endif
