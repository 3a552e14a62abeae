/* SSE2 GEMM micro-kernels (contract in gemm_kernels.h): the x86-64 baseline, for CPUs
 * without AVX2. No FMA: multiply then add.
 *
 * Tiles: f32 8x6 and f64 4x6: two xmm columns of A times 6 broadcasts of B give 12
 * accumulators of the 16 registers. Blocks as for AVX2 (32 KiB L1d, >= 256 KiB L2):
 * KC x NR of B = 256*6 elements in L1, MC x KC of A = 128 KiB in L2. */
#include "linalg/gemm_kernels.h"

#if defined(__x86_64__)
#include <emmintrin.h>

#define F32_MR 8
#define F64_MR 4
#define NR 6

static void numc__gemm_f32_sse2_8x6(int64_t k, const void *a_, const void *b_, void *c_,
                                    int64_t ldc, const void *alpha_, const void *beta_) {
  const float *a = a_, *b = b_;
  float *c = c_;
  __m128 acc[NR][2];
#pragma GCC unroll 6
  for (int j = 0; j < NR; j++) acc[j][0] = acc[j][1] = _mm_setzero_ps();
#pragma GCC unroll 4
  for (int64_t p = 0; p < k; p++) {
    __m128 a0 = _mm_load_ps(a), a1 = _mm_load_ps(a + 4);
#pragma GCC unroll 6
    for (int j = 0; j < NR; j++) {
      __m128 bj = _mm_set1_ps(b[j]);
      acc[j][0] = _mm_add_ps(acc[j][0], _mm_mul_ps(a0, bj));
      acc[j][1] = _mm_add_ps(acc[j][1], _mm_mul_ps(a1, bj));
    }
    a += F32_MR;
    b += NR;
  }
  __m128 alpha = _mm_set1_ps(*(const float *)alpha_);
  float beta = *(const float *)beta_;
#pragma GCC unroll 6
  for (int j = 0; j < NR; j++) {
    float *cj = c + j * ldc;
    __m128 r0 = _mm_mul_ps(alpha, acc[j][0]), r1 = _mm_mul_ps(alpha, acc[j][1]);
    if (beta != 0) {
      __m128 vb = _mm_set1_ps(beta);
      r0 = _mm_add_ps(r0, _mm_mul_ps(vb, _mm_loadu_ps(cj)));
      r1 = _mm_add_ps(r1, _mm_mul_ps(vb, _mm_loadu_ps(cj + 4)));
    }
    _mm_storeu_ps(cj, r0);
    _mm_storeu_ps(cj + 4, r1);
  }
}

static void numc__gemm_f64_sse2_4x6(int64_t k, const void *a_, const void *b_, void *c_,
                                    int64_t ldc, const void *alpha_, const void *beta_) {
  const double *a = a_, *b = b_;
  double *c = c_;
  __m128d acc[NR][2];
#pragma GCC unroll 6
  for (int j = 0; j < NR; j++) acc[j][0] = acc[j][1] = _mm_setzero_pd();
#pragma GCC unroll 4
  for (int64_t p = 0; p < k; p++) {
    __m128d a0 = _mm_load_pd(a), a1 = _mm_load_pd(a + 2);
#pragma GCC unroll 6
    for (int j = 0; j < NR; j++) {
      __m128d bj = _mm_set1_pd(b[j]);
      acc[j][0] = _mm_add_pd(acc[j][0], _mm_mul_pd(a0, bj));
      acc[j][1] = _mm_add_pd(acc[j][1], _mm_mul_pd(a1, bj));
    }
    a += F64_MR;
    b += NR;
  }
  __m128d alpha = _mm_set1_pd(*(const double *)alpha_);
  double beta = *(const double *)beta_;
#pragma GCC unroll 6
  for (int j = 0; j < NR; j++) {
    double *cj = c + j * ldc;
    __m128d r0 = _mm_mul_pd(alpha, acc[j][0]), r1 = _mm_mul_pd(alpha, acc[j][1]);
    if (beta != 0) {
      __m128d vb = _mm_set1_pd(beta);
      r0 = _mm_add_pd(r0, _mm_mul_pd(vb, _mm_loadu_pd(cj)));
      r1 = _mm_add_pd(r1, _mm_mul_pd(vb, _mm_loadu_pd(cj + 2)));
    }
    _mm_storeu_pd(cj, r0);
    _mm_storeu_pd(cj + 2, r1);
  }
}

static bool sse2_supported(void) { return true; /* part of x86-64 */ }

const numc__gemm_family numc__gemm_family_sse2 = {
    .isa = "sse2",
    .supported = sse2_supported,
    .f32 = {.name = "sse2 8x6", .ukr = numc__gemm_f32_sse2_8x6, .mr = F32_MR, .nr = NR, .mc = 128,
           .kc = 256, .nc = 4080, .pack = numc__gemm_pack_f32},
    .f64 = {.name = "sse2 4x6", .ukr = numc__gemm_f64_sse2_4x6, .mr = F64_MR, .nr = NR, .mc = 64,
           .kc = 256, .nc = 4080, .pack = numc__gemm_pack_f64},
};
#endif
