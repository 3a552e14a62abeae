/* The SIMD math kernels (simd_math.h) for AVX-512F: 16 floats, 8 doubles a vector.
 * Only the kernels carry the target attribute; simd_dispatch.c calls them only on CPUs
 * (and operating systems) with AVX-512F. */
#include "ufunc/simd_math.h"

#if NUMC__SIMD_X86
#include <immintrin.h>

#define NUMC__SIMD_TARGET __attribute__((target("avx512f")))
#define NUMC__SIMD_BYTES 64
#define NUMC__SIMD_TABLE numc__simd_table_avx512
#define NUMC__V_FMA32(a, b, c) ((v32f)_mm512_fmadd_ps((__m512)(a), (__m512)(b), (__m512)(c)))
#define NUMC__V_FMA64(a, b, c) ((v64f)_mm512_fmadd_pd((__m512d)(a), (__m512d)(b), (__m512d)(c)))
#define NUMC__V_SQRT32(a) ((v32f)_mm512_sqrt_ps((__m512)(a)))
#define NUMC__V_SQRT64(a) ((v64f)_mm512_sqrt_pd((__m512d)(a)))
#define NUMC__V_BITS32(m) ((unsigned)_mm512_test_epi32_mask((__m512i)(m), (__m512i)(m)))
#include "ufunc/simd_math.h"
#endif
