/* NEON (Advanced SIMD) GEMM micro-kernels for arm64 (contract in gemm_kernels.h). NEON is
 * part of the arm64 base ISA, so there is nothing to check at run time.
 *
 * Tiles: arm64 has 32 registers of 128 bits, and its multiply-add takes one operand from a
 * lane of another register (FMLA by element), so a step of B is loaded as whole vectors
 * and needs no broadcasts. Each tile keeps 24 accumulators and loads per step of k only
 * the vectors the multiply-adds read:
 *   f32 8x12: 2 vectors of A, 3 of B, 24 accumulators (29 registers). 16x6 would need 4 + 2
 *             loads (6 floats of B take two vectors) for the same 24 multiply-adds.
 *   f64 8x6:  4 vectors of A, 3 of B, 24 accumulators (31 registers); 4x12 would load 2 + 6
 *             vectors a step and use all 32. (BLIS's armv8a tiles are 8x12 and 6x8 in its
 *             row-vector layout; this is the same idea in numc's column-vector layout.)
 *
 * Blocks, for the smallest common arm64 caches (Cortex-A53/A72: 32 KiB L1d, L2 of 512 KiB
 * or more; Neoverse and Apple cores have more): KC x NR of B in L1 with the A sliver
 * streaming: 256*12*4 = 12 KiB (f32), 256*6*8 = 12 KiB (f64); MC x KC of A within L2:
 * 128*256*4 = 64*256*8 = 128 KiB; NC a multiple of 12 and 6. Not tuned on arm64 hardware:
 * the tests run under qemu, which says nothing about speed. */
#include "linalg/gemm_kernels.h"

#if defined(__aarch64__)
#include <arm_neon.h>

#define F32_MR 8
#define F32_NR 12
#define F64_MR 8
#define F64_NR 6

/* Column j of the f32 tile += A step times lane l of b (lane indices must be literals). */
#define F32_COLUMN(j, bv, l)                               \
  do {                                                     \
    acc[j][0] = vfmaq_laneq_f32(acc[j][0], a0, bv, l);     \
    acc[j][1] = vfmaq_laneq_f32(acc[j][1], a1, bv, l);     \
  } while (0)
#define F32_FOUR_COLUMNS(j, bv) \
  F32_COLUMN(j, bv, 0);         \
  F32_COLUMN(j + 1, bv, 1);     \
  F32_COLUMN(j + 2, bv, 2);     \
  F32_COLUMN(j + 3, bv, 3)

static void numc__gemm_f32_neon_8x12(int64_t k, const void *a_, const void *b_, void *c_,
                                     int64_t ldc, const void *alpha_, const void *beta_) {
  const float *a = a_, *b = b_;
  float *c = c_;
  float32x4_t acc[F32_NR][2];
#pragma GCC unroll 12
  for (int j = 0; j < F32_NR; j++) acc[j][0] = acc[j][1] = vdupq_n_f32(0);
  for (int64_t p = 0; p < k; p++, a += F32_MR, b += F32_NR) {
    float32x4_t a0 = vld1q_f32(a), a1 = vld1q_f32(a + 4);
    float32x4_t b0 = vld1q_f32(b), b1 = vld1q_f32(b + 4), b2 = vld1q_f32(b + 8);
    F32_FOUR_COLUMNS(0, b0);
    F32_FOUR_COLUMNS(4, b1);
    F32_FOUR_COLUMNS(8, b2);
  }
  float alpha = *(const float *)alpha_, beta = *(const float *)beta_;
#pragma GCC unroll 12
  for (int j = 0; j < F32_NR; j++) {
    float *cj = c + j * ldc;
#pragma GCC unroll 2
    for (int v = 0; v < 2; v++) {
      float32x4_t r = vmulq_n_f32(acc[j][v], alpha);
      if (beta != 0) r = vfmaq_n_f32(r, vld1q_f32(cj + 4 * v), beta);
      vst1q_f32(cj + 4 * v, r);
    }
  }
}

/* Column j of the f64 tile += A step times lane l of b. */
#define F64_COLUMN(j, bv, l)                               \
  do {                                                     \
    acc[j][0] = vfmaq_laneq_f64(acc[j][0], a0, bv, l);     \
    acc[j][1] = vfmaq_laneq_f64(acc[j][1], a1, bv, l);     \
    acc[j][2] = vfmaq_laneq_f64(acc[j][2], a2, bv, l);     \
    acc[j][3] = vfmaq_laneq_f64(acc[j][3], a3, bv, l);     \
  } while (0)
#define F64_TWO_COLUMNS(j, bv) \
  F64_COLUMN(j, bv, 0);        \
  F64_COLUMN(j + 1, bv, 1)

static void numc__gemm_f64_neon_8x6(int64_t k, const void *a_, const void *b_, void *c_,
                                    int64_t ldc, const void *alpha_, const void *beta_) {
  const double *a = a_, *b = b_;
  double *c = c_;
  float64x2_t acc[F64_NR][4];
#pragma GCC unroll 6
  for (int j = 0; j < F64_NR; j++) acc[j][0] = acc[j][1] = acc[j][2] = acc[j][3] = vdupq_n_f64(0);
  for (int64_t p = 0; p < k; p++, a += F64_MR, b += F64_NR) {
    float64x2_t a0 = vld1q_f64(a), a1 = vld1q_f64(a + 2), a2 = vld1q_f64(a + 4),
                a3 = vld1q_f64(a + 6);
    float64x2_t b0 = vld1q_f64(b), b1 = vld1q_f64(b + 2), b2 = vld1q_f64(b + 4);
    F64_TWO_COLUMNS(0, b0);
    F64_TWO_COLUMNS(2, b1);
    F64_TWO_COLUMNS(4, b2);
  }
  double alpha = *(const double *)alpha_, beta = *(const double *)beta_;
#pragma GCC unroll 6
  for (int j = 0; j < F64_NR; j++) {
    double *cj = c + j * ldc;
#pragma GCC unroll 4
    for (int v = 0; v < 4; v++) {
      float64x2_t r = vmulq_n_f64(acc[j][v], alpha);
      if (beta != 0) r = vfmaq_n_f64(r, vld1q_f64(cj + 2 * v), beta);
      vst1q_f64(cj + 2 * v, r);
    }
  }
}

static bool neon_supported(void) { return true; /* part of arm64 */ }

const numc__gemm_family numc__gemm_family_neon = {
    .isa = "neon",
    .supported = neon_supported,
    .f32 = {.name = "neon 8x12", .ukr = numc__gemm_f32_neon_8x12, .mr = F32_MR, .nr = F32_NR,
           .mc = 128, .kc = 256, .nc = 4080, .pack = numc__gemm_pack_f32},
    .f64 = {.name = "neon 8x6", .ukr = numc__gemm_f64_neon_8x6, .mr = F64_MR, .nr = F64_NR,
           .mc = 64, .kc = 256, .nc = 4080, .pack = numc__gemm_pack_f64},
};
#endif
