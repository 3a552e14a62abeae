/* AVX2 + FMA GEMM micro-kernels (contract in gemm_kernels.h), compiled for that ISA by
 * function attribute and only called after the run-time check below.
 *
 * Tiles: f32 16x6 and f64 8x6: two ymm columns of A times 6 broadcasts of B give 12
 * accumulators of the 16 registers, leaving 2 for A and 1-2 for the broadcast (BLIS's
 * haswell tiles, transposed to our column-vector layout).
 *
 * Blocks, for 32 KiB L1d / 256 KiB-1 MiB L2 (Haswell to Zen 3): KC x NR of B in L1 with
 * the A sliver streaming: 256*6*4 = 6 KiB (f32), 12 KiB (f64). MC x KC of A within a
 * 256 KiB L2 with room to spare: f32 144*256*4 = 144 KiB, f64 72*256*8 = 144 KiB. */
#include "linalg/gemm_kernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define F32_MR 16
#define F64_MR 8
#define NR 6

__attribute__((target("avx2,fma"))) static void numc__gemm_f32_avx2_16x6(
    int64_t k, const void *a_, const void *b_, void *c_, int64_t ldc, const void *alpha_,
    const void *beta_) {
  const float *a = a_, *b = b_;
  float *c = c_;
  __m256 acc[NR][2];
#pragma GCC unroll 6
  for (int j = 0; j < NR; j++) acc[j][0] = acc[j][1] = _mm256_setzero_ps();
#pragma GCC unroll 4
  for (int64_t p = 0; p < k; p++) {
    __m256 a0 = _mm256_load_ps(a), a1 = _mm256_load_ps(a + 8);
#pragma GCC unroll 6
    for (int j = 0; j < NR; j++) {
      __m256 bj = _mm256_broadcast_ss(b + j);
      acc[j][0] = _mm256_fmadd_ps(a0, bj, acc[j][0]);
      acc[j][1] = _mm256_fmadd_ps(a1, bj, acc[j][1]);
    }
    a += F32_MR;
    b += NR;
  }
  __m256 alpha = _mm256_set1_ps(*(const float *)alpha_);
  float beta = *(const float *)beta_;
#pragma GCC unroll 6
  for (int j = 0; j < NR; j++) {
    float *cj = c + j * ldc;
    __m256 r0 = _mm256_mul_ps(alpha, acc[j][0]), r1 = _mm256_mul_ps(alpha, acc[j][1]);
    if (beta != 0) {
      __m256 vb = _mm256_set1_ps(beta);
      r0 = _mm256_fmadd_ps(vb, _mm256_loadu_ps(cj), r0);
      r1 = _mm256_fmadd_ps(vb, _mm256_loadu_ps(cj + 8), r1);
    }
    _mm256_storeu_ps(cj, r0);
    _mm256_storeu_ps(cj + 8, r1);
  }
}

__attribute__((target("avx2,fma"))) static void numc__gemm_f64_avx2_8x6(
    int64_t k, const void *a_, const void *b_, void *c_, int64_t ldc, const void *alpha_,
    const void *beta_) {
  const double *a = a_, *b = b_;
  double *c = c_;
  __m256d acc[NR][2];
#pragma GCC unroll 6
  for (int j = 0; j < NR; j++) acc[j][0] = acc[j][1] = _mm256_setzero_pd();
#pragma GCC unroll 4
  for (int64_t p = 0; p < k; p++) {
    __m256d a0 = _mm256_load_pd(a), a1 = _mm256_load_pd(a + 4);
#pragma GCC unroll 6
    for (int j = 0; j < NR; j++) {
      __m256d bj = _mm256_broadcast_sd(b + j);
      acc[j][0] = _mm256_fmadd_pd(a0, bj, acc[j][0]);
      acc[j][1] = _mm256_fmadd_pd(a1, bj, acc[j][1]);
    }
    a += F64_MR;
    b += NR;
  }
  __m256d alpha = _mm256_set1_pd(*(const double *)alpha_);
  double beta = *(const double *)beta_;
#pragma GCC unroll 6
  for (int j = 0; j < NR; j++) {
    double *cj = c + j * ldc;
    __m256d r0 = _mm256_mul_pd(alpha, acc[j][0]), r1 = _mm256_mul_pd(alpha, acc[j][1]);
    if (beta != 0) {
      __m256d vb = _mm256_set1_pd(beta);
      r0 = _mm256_fmadd_pd(vb, _mm256_loadu_pd(cj), r0);
      r1 = _mm256_fmadd_pd(vb, _mm256_loadu_pd(cj + 4), r1);
    }
    _mm256_storeu_pd(cj, r0);
    _mm256_storeu_pd(cj + 4, r1);
  }
}

static bool avx2_supported(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

const numc__gemm_family numc__gemm_family_avx2 = {
    .isa = "avx2",
    .supported = avx2_supported,
    .f32 = {.name = "avx2 16x6", .ukr = numc__gemm_f32_avx2_16x6, .mr = F32_MR, .nr = NR, .mc = 144,
           .kc = 256, .nc = 4080, .pack = numc__gemm_pack_f32},
    .f64 = {.name = "avx2 8x6", .ukr = numc__gemm_f64_avx2_8x6, .mr = F64_MR, .nr = NR, .mc = 72,
           .kc = 256, .nc = 4080, .pack = numc__gemm_pack_f64},
};
#endif
