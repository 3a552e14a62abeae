/* y = B v for a real symmetric B of which only the lower triangle is read (BLAS dsymv,
 * lower): the product at the heart of the blocked tridiagonal reduction
 * (hetrd_blocked_tmpl.h), streaming the trailing matrix once per column. The portable
 * loop there is scalar (SSE2 builds do not vectorise its dot product, a reduction); here
 * the column's update of y and its dot product with v run in AVX-512 vectors. Chosen at
 * run time with the SIMD math level (simd_dispatch.c, capped by NUMC_SIMD). */
#include "linalg/spectral.h"
#include "ufunc/simd_math.h"

#if NUMC__SIMD_X86
#include <immintrin.h>

__attribute__((target("avx512f"))) static void symv_lower_avx512(int64_t m, const double *b,
                                                                  int64_t ldb, const double *v,
                                                                  double *y) {
  for (int64_t i = 0; i < m; i++) y[i] = 0;
  for (int64_t k = 0; k < m; k++) {
    const double *col = b + k * ldb;
    __m512d vk = _mm512_set1_pd(v[k]), acc0 = _mm512_setzero_pd(), acc1 = _mm512_setzero_pd();
    int64_t i = k + 1;
    for (; i + 16 <= m; i += 16) {
      __m512d c0 = _mm512_loadu_pd(col + i), c1 = _mm512_loadu_pd(col + i + 8);
      _mm512_storeu_pd(y + i, _mm512_fmadd_pd(c0, vk, _mm512_loadu_pd(y + i)));
      _mm512_storeu_pd(y + i + 8, _mm512_fmadd_pd(c1, vk, _mm512_loadu_pd(y + i + 8)));
      acc0 = _mm512_fmadd_pd(c0, _mm512_loadu_pd(v + i), acc0);
      acc1 = _mm512_fmadd_pd(c1, _mm512_loadu_pd(v + i + 8), acc1);
    }
    if (i < m) { /* the last 1..15 entries, masked */
      __mmask8 m0 = (__mmask8)(m - i >= 8 ? 0xFF : (1u << (m - i)) - 1);
      __mmask8 m1 = (__mmask8)(m - i > 8 ? (1u << (m - i - 8 >= 8 ? 8 : m - i - 8)) - 1 : 0);
      __m512d c0 = _mm512_maskz_loadu_pd(m0, col + i), c1 = _mm512_maskz_loadu_pd(m1, col + i + 8);
      _mm512_mask_storeu_pd(y + i, m0, _mm512_fmadd_pd(c0, vk, _mm512_maskz_loadu_pd(m0, y + i)));
      _mm512_mask_storeu_pd(y + i + 8, m1,
                            _mm512_fmadd_pd(c1, vk, _mm512_maskz_loadu_pd(m1, y + i + 8)));
      acc0 = _mm512_fmadd_pd(c0, _mm512_maskz_loadu_pd(m0, v + i), acc0);
      acc1 = _mm512_fmadd_pd(c1, _mm512_maskz_loadu_pd(m1, v + i + 8), acc1);
    }
    y[k] += col[k] * v[k] + _mm512_reduce_add_pd(_mm512_add_pd(acc0, acc1));
  }
}
#endif

bool numc__symv_lower_fast(int64_t m, const double *b, int64_t ldb, const double *v, double *y) {
#if NUMC__SIMD_X86
  if (numc__simd_active() < NUMC__ISA_AVX512) return false;
  symv_lower_avx512(m, b, ldb, v, y);
  return true;
#else
  (void)m, (void)b, (void)ldb, (void)v, (void)y;
  return false;
#endif
}
