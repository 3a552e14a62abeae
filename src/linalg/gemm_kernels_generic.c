/* Portable C GEMM micro-kernels (contract in gemm_kernels.h) for architectures without
 * a kernel of their own. Fixed-size accumulator arrays let the compiler keep them in
 * registers and vectorise along MR with whatever SIMD the target has.
 *
 * Tiles: 8x4 (f32) and 4x4 (f64) accumulators fit 16 registers of 128 bits. Blocks for a
 * 32 KiB L1d / 256 KiB L2: KC x NR of B = 256*4 elements, MC x KC of A = 128 KiB. */
#include "linalg/gemm_kernels.h"

#define F32_MR 8
#define F64_MR 4
#define NR 4

static void numc__gemm_f32_generic_8x4(int64_t k, const void *a_, const void *b_, void *c_,
                                       int64_t ldc, const void *alpha_, const void *beta_) {
  const float *a = a_, *b = b_;
  float *c = c_, acc[NR][F32_MR] = {{0}};
  for (int64_t p = 0; p < k; p++, a += F32_MR, b += NR)
    for (int j = 0; j < NR; j++)
      for (int i = 0; i < F32_MR; i++) acc[j][i] += a[i] * b[j];
  float alpha = *(const float *)alpha_, beta = *(const float *)beta_;
  for (int j = 0; j < NR; j++)
    for (int i = 0; i < F32_MR; i++) {
      float *cij = &c[i + j * ldc];
      *cij = beta == 0 ? alpha * acc[j][i] : alpha * acc[j][i] + beta * *cij;
    }
}

static void numc__gemm_f64_generic_4x4(int64_t k, const void *a_, const void *b_, void *c_,
                                       int64_t ldc, const void *alpha_, const void *beta_) {
  const double *a = a_, *b = b_;
  double *c = c_, acc[NR][F64_MR] = {{0}};
  for (int64_t p = 0; p < k; p++, a += F64_MR, b += NR)
    for (int j = 0; j < NR; j++)
      for (int i = 0; i < F64_MR; i++) acc[j][i] += a[i] * b[j];
  double alpha = *(const double *)alpha_, beta = *(const double *)beta_;
  for (int j = 0; j < NR; j++)
    for (int i = 0; i < F64_MR; i++) {
      double *cij = &c[i + j * ldc];
      *cij = beta == 0 ? alpha * acc[j][i] : alpha * acc[j][i] + beta * *cij;
    }
}

static bool generic_supported(void) { return true; }

const numc__gemm_family numc__gemm_family_generic = {
    .isa = "generic",
    .supported = generic_supported,
    .f32 = {.name = "generic 8x4", .ukr = numc__gemm_f32_generic_8x4, .mr = F32_MR, .nr = NR,
           .mc = 128, .kc = 256, .nc = 4096, .pack = numc__gemm_pack_f32},
    .f64 = {.name = "generic 4x4", .ukr = numc__gemm_f64_generic_4x4, .mr = F64_MR, .nr = NR,
           .mc = 64, .kc = 256, .nc = 4096, .pack = numc__gemm_pack_f64},
};
