/* Pieces of the blocked GEMM (gemm_driver.c) that depend on the element type: edge tiles.
 * (Packing belongs to the kernel families, gemm_kernels.h; packing memory is per-thread
 * scratch, numc__scratch in core.h.) */
#ifndef NUMC_GEMM_INTERNAL_H
#define NUMC_GEMM_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/* Type-specific operations of the loop nest, one table per real type (gemm_pack.c). */
typedef struct {
  size_t esz;
  const void *zero, *one;
  /* C[i*rsc + j*csc] := tile[i + j*ldt] + beta*C[...] for i < mr, j < nr; C is not read
   * when beta == 0. Writes an edge tile, or a tile of C without unit row stride. */
  void (*merge)(void *c, int64_t rsc, int64_t csc, const void *tile, int64_t ldt, int mr, int nr,
                const void *beta);
  /* C := beta*C over m x n (C := 0 when beta == 0): the whole product when k == 0. */
  void (*scale)(void *c, int64_t m, int64_t n, int64_t rsc, int64_t csc, const void *beta);
} numc__gemm_elem_ops;

extern const numc__gemm_elem_ops numc__gemm_ops_f32, numc__gemm_ops_f64;

#endif
