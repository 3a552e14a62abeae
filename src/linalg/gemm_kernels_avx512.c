/* AVX-512F GEMM micro-kernels (contract in gemm_kernels.h). Compiled for AVX-512 by
 * function attribute so that the library itself stays baseline x86-64; only called after
 * the run-time check below says yes.
 *
 * Tiles: f32 32x12 and f64 16x12: two zmm columns of A times 12 broadcasts of B give 24
 * accumulators (of 32 registers), 24 FMAs per 2 loads + 12 broadcast loads, enough to keep
 * two FMA pipes busy (as BLIS's skx kernels do). The broadcasts fold into the FMAs as
 * memory operands.
 *
 * Blocks, for 48 KiB L1d / 1-2 MiB L2 per core (Skylake-X, Sapphire Rapids, Zen 4/5):
 * KC x NR of B must stay in L1 beside the streaming A sliver: f32 384*12*4 = 18 KiB,
 * f64 256*12*8 = 24 KiB. MC x KC of A fills about 3/4 of a 1 MiB L2: f32 480*384*4 = 720 KiB,
 * f64 240*256*8 = 480 KiB (leaves room for C and B lines). NC x KC of B lives in L3.
 *
 * Direct (unpacked) kernels for small products: 32x6 / 16x6 blocks, rows masked, B read
 * in place through one pointer per column (6 columns keep those pointers in registers). */
#include "linalg/gemm_kernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define F32_MR 32
#define F64_MR 16
#define NR 12

__attribute__((target("avx512f"))) static void numc__gemm_f32_avx512_32x12(
    int64_t k, const void *a_, const void *b_, void *c_, int64_t ldc, const void *alpha_,
    const void *beta_) {
  const float *a = a_, *b = b_;
  float *c = c_;
  for (int j = 0; j < NR; j++) _mm_prefetch((const char *)(c + j * ldc), _MM_HINT_T0);
  __m512 acc[NR][2];
#pragma GCC unroll 12
  for (int j = 0; j < NR; j++) acc[j][0] = acc[j][1] = _mm512_setzero_ps();
#pragma GCC unroll 4
  for (int64_t p = 0; p < k; p++) {
    __m512 a0 = _mm512_load_ps(a), a1 = _mm512_load_ps(a + 16);
#pragma GCC unroll 12
    for (int j = 0; j < NR; j++) {
      __m512 bj = _mm512_set1_ps(b[j]);
      acc[j][0] = _mm512_fmadd_ps(a0, bj, acc[j][0]);
      acc[j][1] = _mm512_fmadd_ps(a1, bj, acc[j][1]);
    }
    a += F32_MR;
    b += NR;
  }
  __m512 alpha = _mm512_set1_ps(*(const float *)alpha_);
  float beta = *(const float *)beta_;
#pragma GCC unroll 12
  for (int j = 0; j < NR; j++) {
    float *cj = c + j * ldc;
    __m512 r0 = _mm512_mul_ps(alpha, acc[j][0]), r1 = _mm512_mul_ps(alpha, acc[j][1]);
    if (beta != 0) {
      __m512 vb = _mm512_set1_ps(beta);
      r0 = _mm512_fmadd_ps(vb, _mm512_loadu_ps(cj), r0);
      r1 = _mm512_fmadd_ps(vb, _mm512_loadu_ps(cj + 16), r1);
    }
    _mm512_storeu_ps(cj, r0);
    _mm512_storeu_ps(cj + 16, r1);
  }
}

__attribute__((target("avx512f"))) static void numc__gemm_f64_avx512_16x12(
    int64_t k, const void *a_, const void *b_, void *c_, int64_t ldc, const void *alpha_,
    const void *beta_) {
  const double *a = a_, *b = b_;
  double *c = c_;
  for (int j = 0; j < NR; j++) _mm_prefetch((const char *)(c + j * ldc), _MM_HINT_T0);
  __m512d acc[NR][2];
#pragma GCC unroll 12
  for (int j = 0; j < NR; j++) acc[j][0] = acc[j][1] = _mm512_setzero_pd();
#pragma GCC unroll 4
  for (int64_t p = 0; p < k; p++) {
    __m512d a0 = _mm512_load_pd(a), a1 = _mm512_load_pd(a + 8);
#pragma GCC unroll 12
    for (int j = 0; j < NR; j++) {
      __m512d bj = _mm512_set1_pd(b[j]);
      acc[j][0] = _mm512_fmadd_pd(a0, bj, acc[j][0]);
      acc[j][1] = _mm512_fmadd_pd(a1, bj, acc[j][1]);
    }
    a += F64_MR;
    b += NR;
  }
  __m512d alpha = _mm512_set1_pd(*(const double *)alpha_);
  double beta = *(const double *)beta_;
#pragma GCC unroll 12
  for (int j = 0; j < NR; j++) {
    double *cj = c + j * ldc;
    __m512d r0 = _mm512_mul_pd(alpha, acc[j][0]), r1 = _mm512_mul_pd(alpha, acc[j][1]);
    if (beta != 0) {
      __m512d vb = _mm512_set1_pd(beta);
      r0 = _mm512_fmadd_pd(vb, _mm512_loadu_pd(cj), r0);
      r1 = _mm512_fmadd_pd(vb, _mm512_loadu_pd(cj + 8), r1);
    }
    _mm512_storeu_pd(cj, r0);
    _mm512_storeu_pd(cj + 8, r1);
  }
}

/* The direct kernels' block: rows [0, 32) (f32) or [0, 16) (f64) of C under the row masks,
 * columns [0, nr). Always inlined with a constant nr so that the accumulators stay in
 * registers. */
#define DIRECT_NR 6

__attribute__((always_inline, target("avx512f"))) static inline void direct_block_f32(
    int nr, int64_t k, float alpha, const float *a, int64_t lda, const float *b, int64_t rsb,
    int64_t csb, float beta, float *c, int64_t ldc, __mmask16 m0, __mmask16 m1) {
  __m512 acc[DIRECT_NR][2];
  const float *bj[DIRECT_NR];
  for (int j = 0; j < nr; j++) {
    acc[j][0] = acc[j][1] = _mm512_setzero_ps();
    bj[j] = b + j * csb;
  }
  for (int64_t p = 0, pb = 0; p < k; p++, pb += rsb, a += lda) {
    __m512 a0 = _mm512_maskz_loadu_ps(m0, a), a1 = _mm512_maskz_loadu_ps(m1, a + 16);
    for (int j = 0; j < nr; j++) {
      __m512 bv = _mm512_set1_ps(bj[j][pb]);
      acc[j][0] = _mm512_fmadd_ps(a0, bv, acc[j][0]);
      acc[j][1] = _mm512_fmadd_ps(a1, bv, acc[j][1]);
    }
  }
  __m512 va = _mm512_set1_ps(alpha), vb = _mm512_set1_ps(beta);
  for (int j = 0; j < nr; j++) {
    float *cj = c + j * ldc;
    __m512 r0 = _mm512_mul_ps(va, acc[j][0]), r1 = _mm512_mul_ps(va, acc[j][1]);
    if (beta != 0) {
      r0 = _mm512_fmadd_ps(vb, _mm512_maskz_loadu_ps(m0, cj), r0);
      r1 = _mm512_fmadd_ps(vb, _mm512_maskz_loadu_ps(m1, cj + 16), r1);
    }
    _mm512_mask_storeu_ps(cj, m0, r0);
    _mm512_mask_storeu_ps(cj + 16, m1, r1);
  }
}

__attribute__((target("avx512f"))) static void numc__gemm_f32_avx512_direct_32x6(
    int64_t m, int64_t n, int64_t k, const void *alpha_, const void *a_, int64_t lda,
    const void *b_, int64_t rsb, int64_t csb, const void *beta_, void *c_, int64_t ldc) {
  const float *a = a_, *b = b_;
  float *c = c_, alpha = *(const float *)alpha_, beta = *(const float *)beta_;
  for (int64_t i = 0; i < m; i += F32_MR) {
    int64_t rows = m - i;
    __mmask16 m0 = rows >= 16 ? 0xFFFF : (__mmask16)((1u << rows) - 1);
    __mmask16 m1 = rows >= 32 ? 0xFFFF : rows > 16 ? (__mmask16)((1u << (rows - 16)) - 1) : 0;
    for (int64_t j = 0; j < n; j += DIRECT_NR) {
      const float *ai = a + i, *bb = b + j * csb;
      float *cc = c + i + j * ldc;
      switch (n - j >= DIRECT_NR ? DIRECT_NR : (int)(n - j)) {
        case 6: direct_block_f32(6, k, alpha, ai, lda, bb, rsb, csb, beta, cc, ldc, m0, m1); break;
        case 5: direct_block_f32(5, k, alpha, ai, lda, bb, rsb, csb, beta, cc, ldc, m0, m1); break;
        case 4: direct_block_f32(4, k, alpha, ai, lda, bb, rsb, csb, beta, cc, ldc, m0, m1); break;
        case 3: direct_block_f32(3, k, alpha, ai, lda, bb, rsb, csb, beta, cc, ldc, m0, m1); break;
        case 2: direct_block_f32(2, k, alpha, ai, lda, bb, rsb, csb, beta, cc, ldc, m0, m1); break;
        default: direct_block_f32(1, k, alpha, ai, lda, bb, rsb, csb, beta, cc, ldc, m0, m1); break;
      }
    }
  }
}

__attribute__((always_inline, target("avx512f"))) static inline void direct_block_f64(
    int nr, int64_t k, double alpha, const double *a, int64_t lda, const double *b, int64_t rsb,
    int64_t csb, double beta, double *c, int64_t ldc, __mmask8 m0, __mmask8 m1) {
  __m512d acc[DIRECT_NR][2];
  const double *bj[DIRECT_NR];
  for (int j = 0; j < nr; j++) {
    acc[j][0] = acc[j][1] = _mm512_setzero_pd();
    bj[j] = b + j * csb;
  }
  for (int64_t p = 0, pb = 0; p < k; p++, pb += rsb, a += lda) {
    __m512d a0 = _mm512_maskz_loadu_pd(m0, a), a1 = _mm512_maskz_loadu_pd(m1, a + 8);
    for (int j = 0; j < nr; j++) {
      __m512d bv = _mm512_set1_pd(bj[j][pb]);
      acc[j][0] = _mm512_fmadd_pd(a0, bv, acc[j][0]);
      acc[j][1] = _mm512_fmadd_pd(a1, bv, acc[j][1]);
    }
  }
  __m512d va = _mm512_set1_pd(alpha), vb = _mm512_set1_pd(beta);
  for (int j = 0; j < nr; j++) {
    double *cj = c + j * ldc;
    __m512d r0 = _mm512_mul_pd(va, acc[j][0]), r1 = _mm512_mul_pd(va, acc[j][1]);
    if (beta != 0) {
      r0 = _mm512_fmadd_pd(vb, _mm512_maskz_loadu_pd(m0, cj), r0);
      r1 = _mm512_fmadd_pd(vb, _mm512_maskz_loadu_pd(m1, cj + 8), r1);
    }
    _mm512_mask_storeu_pd(cj, m0, r0);
    _mm512_mask_storeu_pd(cj + 8, m1, r1);
  }
}

__attribute__((target("avx512f"))) static void numc__gemm_f64_avx512_direct_16x6(
    int64_t m, int64_t n, int64_t k, const void *alpha_, const void *a_, int64_t lda,
    const void *b_, int64_t rsb, int64_t csb, const void *beta_, void *c_, int64_t ldc) {
  const double *a = a_, *b = b_;
  double *c = c_, alpha = *(const double *)alpha_, beta = *(const double *)beta_;
  for (int64_t i = 0; i < m; i += F64_MR) {
    int64_t rows = m - i;
    __mmask8 m0 = rows >= 8 ? 0xFF : (__mmask8)((1u << rows) - 1);
    __mmask8 m1 = rows >= 16 ? 0xFF : rows > 8 ? (__mmask8)((1u << (rows - 8)) - 1) : 0;
    for (int64_t j = 0; j < n; j += DIRECT_NR) {
      const double *ai = a + i, *bb = b + j * csb;
      double *cc = c + i + j * ldc;
      switch (n - j >= DIRECT_NR ? DIRECT_NR : (int)(n - j)) {
        case 6: direct_block_f64(6, k, alpha, ai, lda, bb, rsb, csb, beta, cc, ldc, m0, m1); break;
        case 5: direct_block_f64(5, k, alpha, ai, lda, bb, rsb, csb, beta, cc, ldc, m0, m1); break;
        case 4: direct_block_f64(4, k, alpha, ai, lda, bb, rsb, csb, beta, cc, ldc, m0, m1); break;
        case 3: direct_block_f64(3, k, alpha, ai, lda, bb, rsb, csb, beta, cc, ldc, m0, m1); break;
        case 2: direct_block_f64(2, k, alpha, ai, lda, bb, rsb, csb, beta, cc, ldc, m0, m1); break;
        default: direct_block_f64(1, k, alpha, ai, lda, bb, rsb, csb, beta, cc, ldc, m0, m1); break;
      }
    }
  }
}

static bool avx512_supported(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f");
}

const numc__gemm_family numc__gemm_family_avx512 = {
    .isa = "avx512",
    .supported = avx512_supported,
    .f32 = {.name = "avx512 32x12", .ukr = numc__gemm_f32_avx512_32x12, .mr = F32_MR, .nr = NR,
           .mc = 480, .kc = 384, .nc = 3072, .pack = numc__gemm_pack_f32_avx512,
           .direct = numc__gemm_f32_avx512_direct_32x6},
    .f64 = {.name = "avx512 16x12", .ukr = numc__gemm_f64_avx512_16x12, .mr = F64_MR, .nr = NR,
           .mc = 240, .kc = 256, .nc = 3072, .pack = numc__gemm_pack_f64_avx512,
           .direct = numc__gemm_f64_avx512_direct_16x6},
};
#endif
