/* The SIMD math kernels (simd_math.h) for AVX2 + FMA: 8 floats, 4 doubles a vector.
 * Only the kernels carry the target attribute; simd_dispatch.c calls them only on CPUs
 * with both AVX2 and FMA. */
#include "ufunc/simd_math.h"

#if NUMC__SIMD_X86
#include <immintrin.h>

#define NUMC__SIMD_TARGET __attribute__((target("avx2,fma")))
#define NUMC__SIMD_BYTES 32
#define NUMC__SIMD_TABLE numc__simd_table_avx2
#define NUMC__V_FMA32(a, b, c) ((v32f)_mm256_fmadd_ps((__m256)(a), (__m256)(b), (__m256)(c)))
#define NUMC__V_FMA64(a, b, c) ((v64f)_mm256_fmadd_pd((__m256d)(a), (__m256d)(b), (__m256d)(c)))
#define NUMC__V_SQRT32(a) ((v32f)_mm256_sqrt_ps((__m256)(a)))
#define NUMC__V_SQRT64(a) ((v64f)_mm256_sqrt_pd((__m256d)(a)))
#define NUMC__V_BITS32(m) ((unsigned)_mm256_movemask_ps((__m256)(m)))
#include "ufunc/simd_math.h"
#endif
