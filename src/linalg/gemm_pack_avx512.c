/* AVX-512 packing (contract in gemm_kernels.h). The portable loops copy one element at a
 * time, and when a matrix's lines are contiguous along k (row-major A for the A^T role
 * after gemm_driver.c's swap, the usual case) packing is a transpose with scattered stores:
 * that cost ~15% of a 1024^3 product. Here both cases move whole vectors: contiguous
 * slivers are copied with masked loads and stores, and lines contiguous along k go through
 * 16x16 (f32) or 8x8 (f64) in-register transposes. Other strides take the portable path. */
#include "linalg/gemm_kernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

/* The lowest n of `lanes` bits (n clamped to [0, lanes]). */
static inline unsigned lane_mask(int64_t n, int lanes) {
  return n <= 0 ? 0u : n >= lanes ? (1u << lanes) - 1 : (1u << n) - 1;
}

/* r[j] := column j of the 16x16 matrix whose rows are r[0..15]. */
__attribute__((always_inline, target("avx512f"))) static inline void transpose_16x16(__m512 r[16]) {
  __m512 t[16];
  for (int i = 0; i < 16; i += 2) {
    t[i] = _mm512_unpacklo_ps(r[i], r[i + 1]);
    t[i + 1] = _mm512_unpackhi_ps(r[i], r[i + 1]);
  }
  for (int i = 0; i < 16; i += 4) {
    __m512d a = _mm512_castps_pd(t[i]), b = _mm512_castps_pd(t[i + 1]);
    __m512d c = _mm512_castps_pd(t[i + 2]), d = _mm512_castps_pd(t[i + 3]);
    r[i] = _mm512_castpd_ps(_mm512_unpacklo_pd(a, c));
    r[i + 1] = _mm512_castpd_ps(_mm512_unpackhi_pd(a, c));
    r[i + 2] = _mm512_castpd_ps(_mm512_unpacklo_pd(b, d));
    r[i + 3] = _mm512_castpd_ps(_mm512_unpackhi_pd(b, d));
  }
  /* Each 128-bit lane L of r[4g + q] now holds column 4L + q of rows 4g..4g+3. */
  for (int h = 0; h < 16; h += 8)
    for (int q = 0; q < 4; q++) {
      t[h + q] = _mm512_shuffle_f32x4(r[h + q], r[h + 4 + q], 0x88);
      t[h + 4 + q] = _mm512_shuffle_f32x4(r[h + q], r[h + 4 + q], 0xdd);
    }
  for (int q = 0; q < 8; q++) {
    r[q] = _mm512_shuffle_f32x4(t[q], t[8 + q], 0x88);
    r[8 + q] = _mm512_shuffle_f32x4(t[q], t[8 + q], 0xdd);
  }
}

/* r[j] := column j of the 8x8 matrix whose rows are r[0..7]. */
__attribute__((always_inline, target("avx512f"))) static inline void transpose_8x8(__m512d r[8]) {
  __m512d t[8];
  for (int i = 0; i < 8; i += 2) {
    t[i] = _mm512_unpacklo_pd(r[i], r[i + 1]);
    t[i + 1] = _mm512_unpackhi_pd(r[i], r[i + 1]);
  }
  /* Lane L of t[2g] holds columns 2L of rows 2g, 2g+1; of t[2g+1] columns 2L+1. */
  for (int h = 0; h < 8; h += 4)
    for (int q = 0; q < 2; q++) {
      r[h + q] = _mm512_shuffle_f64x2(t[h + q], t[h + 2 + q], 0x88);
      r[h + 2 + q] = _mm512_shuffle_f64x2(t[h + q], t[h + 2 + q], 0xdd);
    }
  for (int q = 0; q < 4; q++) {
    t[q] = _mm512_shuffle_f64x2(r[q], r[4 + q], 0x88);
    t[4 + q] = _mm512_shuffle_f64x2(r[q], r[4 + q], 0xdd);
  }
  for (int q = 0; q < 8; q++) r[q] = t[q];
}

__attribute__((target("avx512f"))) void numc__gemm_pack_f32_avx512(
    void *dst_, const void *src_, int64_t len, int64_t kc, int64_t sw, int64_t sk, int w) {
  if (sw != 1 && sk != 1) {
    numc__gemm_pack_f32(dst_, src_, len, kc, sw, sk, w);
    return;
  }
  float *dst = dst_;
  const float *src = src_;
  if (sw == 1) { /* step p of every sliver comes from one contiguous run: read it in order */
    for (int64_t p = 0; p < kc; p++)
      for (int64_t s0 = 0; s0 < len; s0 += w)
        for (int i0 = 0; i0 < w; i0 += 16)
          _mm512_mask_storeu_ps(dst + (s0 * kc + p * w) + i0, (__mmask16)lane_mask(w - i0, 16),
                                _mm512_maskz_loadu_ps((__mmask16)lane_mask(len - s0 - i0, 16),
                                                      src + p * sk + s0 + i0));
    return;
  }
  for (int64_t s0 = 0; s0 < len; s0 += w, dst += kc * w) { /* lines contiguous along k */
    const float *line0 = src + s0 * sw;
    int64_t lines = len - s0 < w ? len - s0 : w;
    for (int i0 = 0; i0 < w; i0 += 16) {
      __mmask16 keep = (__mmask16)lane_mask(w - i0, 16); /* this chunk of the sliver */
      for (int64_t p0 = 0; p0 < kc; p0 += 16) {
        __mmask16 steps = (__mmask16)lane_mask(kc - p0, 16);
        __m512 r[16];
        for (int i = 0; i < 16; i++)
          r[i] = i0 + i < lines ? _mm512_maskz_loadu_ps(steps, line0 + (i0 + i) * sw + p0)
                                : _mm512_setzero_ps();
        transpose_16x16(r);
        for (int q = 0; q < 16 && p0 + q < kc; q++)
          _mm512_mask_storeu_ps(dst + (p0 + q) * w + i0, keep, r[q]);
      }
    }
  }
}

__attribute__((target("avx512f"))) void numc__gemm_pack_f64_avx512(
    void *dst_, const void *src_, int64_t len, int64_t kc, int64_t sw, int64_t sk, int w) {
  if (sw != 1 && sk != 1) {
    numc__gemm_pack_f64(dst_, src_, len, kc, sw, sk, w);
    return;
  }
  double *dst = dst_;
  const double *src = src_;
  if (sw == 1) { /* step p of every sliver comes from one contiguous run: read it in order */
    for (int64_t p = 0; p < kc; p++)
      for (int64_t s0 = 0; s0 < len; s0 += w)
        for (int i0 = 0; i0 < w; i0 += 8)
          _mm512_mask_storeu_pd(dst + (s0 * kc + p * w) + i0, (__mmask8)lane_mask(w - i0, 8),
                                _mm512_maskz_loadu_pd((__mmask8)lane_mask(len - s0 - i0, 8),
                                                      src + p * sk + s0 + i0));
    return;
  }
  for (int64_t s0 = 0; s0 < len; s0 += w, dst += kc * w) { /* lines contiguous along k */
    const double *line0 = src + s0 * sw;
    int64_t lines = len - s0 < w ? len - s0 : w;
    for (int i0 = 0; i0 < w; i0 += 8) {
      __mmask8 keep = (__mmask8)lane_mask(w - i0, 8); /* this chunk of the sliver */
      for (int64_t p0 = 0; p0 < kc; p0 += 8) {
        __mmask8 steps = (__mmask8)lane_mask(kc - p0, 8);
        __m512d r[8];
        for (int i = 0; i < 8; i++)
          r[i] = i0 + i < lines ? _mm512_maskz_loadu_pd(steps, line0 + (i0 + i) * sw + p0)
                                : _mm512_setzero_pd();
        transpose_8x8(r);
        for (int q = 0; q < 8 && p0 + q < kc; q++)
          _mm512_mask_storeu_pd(dst + (p0 + q) * w + i0, keep, r[q]);
      }
    }
  }
}
#endif
