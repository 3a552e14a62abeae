/* WebAssembly SIMD128 GEMM micro-kernels (contract in gemm_kernels.h), for builds with
 * -msimd128 (scripts/build_wasm.sh). A module either validates with SIMD128 or does not
 * load at all, so there is nothing to detect at run time.
 *
 * SIMD128 has 128-bit vectors (4 floats, 2 doubles) and no fused multiply-add (relaxed
 * SIMD's is not in Emscripten 3.1.6): multiply then add. Engines keep v128 values in the
 * host's vector registers, 16 xmm on x86-64 (V8 keeps one as scratch) and 32 on arm64.
 * Tiles: two vectors of A times 5 broadcasts of B, 10 accumulators: f32 8x5, f64 4x5.
 * Measured under Node 20 (V8, x86-64), k = 256 in L1, best per shape: f32 8x5 and 16x2
 * ~47-50 GFLOP/s, 12x3 ~43, 4x8 ~37, 8x4 ~30-40, while 12 accumulators (8x6, 12x4) spill
 * and halve that; f64 4x5 ~23, 6x3 ~21, 4x4 ~19.5. 8x5 rather than 16x2: the loop nest
 * streams the A block from L2 once per NR columns of B, 2.5 times less often. Blocks as for SSE2, the same register
 * file: KC x NR of B = 256*5 elements in a 32 KiB L1d, MC x KC of A = 128 KiB in L2. */
#include "linalg/gemm_kernels.h"

#if defined(__wasm_simd128__)
#include <stddef.h>
#include <wasm_simd128.h>

/* acc + x*y over 4 floats or 2 doubles. */
static inline __attribute__((always_inline)) v128_t mul_add(bool f64, v128_t acc, v128_t x,
                                                            v128_t y) {
  return f64 ? wasm_f64x2_add(acc, wasm_f64x2_mul(x, y)) : wasm_f32x4_add(acc, wasm_f32x4_mul(x, y));
}

static inline __attribute__((always_inline)) v128_t mul(bool f64, v128_t x, v128_t y) {
  return f64 ? wasm_f64x2_mul(x, y) : wasm_f32x4_mul(x, y);
}

/* The element at p in every lane. */
static inline __attribute__((always_inline)) v128_t splat(bool f64, const void *p) {
  return f64 ? wasm_v128_load64_splat(p) : wasm_v128_load32_splat(p);
}

/* The micro-kernel for an (mv vectors) x nr tile of float (f64 false) or double. Written
 * once for both types: f64, mv and nr are constants at every call, so the branches fold and
 * the loops unroll into straight-line code on mv*nr accumulators. */
#define MAX_MV 4
#define MAX_NR 8
static inline __attribute__((always_inline)) void tile(bool f64, int mv, int nr, int64_t k,
                                                       const void *a_, const void *b_, void *c_,
                                                       int64_t ldc, const void *alpha,
                                                       const void *beta) {
  const unsigned char *a = a_, *b = b_;
  unsigned char *c = c_;
  const size_t esz = f64 ? sizeof(double) : sizeof(float);
  v128_t acc[MAX_NR][MAX_MV];
#pragma clang loop unroll(full)
  for (int j = 0; j < nr; j++)
#pragma clang loop unroll(full)
    for (int i = 0; i < mv; i++) acc[j][i] = wasm_i64x2_const_splat(0); /* +0.0 in all lanes */
  for (int64_t p = 0; p < k; p++) {
    v128_t av[MAX_MV];
#pragma clang loop unroll(full)
    for (int i = 0; i < mv; i++) av[i] = wasm_v128_load(a + 16 * i);
#pragma clang loop unroll(full)
    for (int j = 0; j < nr; j++) {
      v128_t bj = splat(f64, b + j * esz);
#pragma clang loop unroll(full)
      for (int i = 0; i < mv; i++) acc[j][i] = mul_add(f64, acc[j][i], av[i], bj);
    }
    a += 16 * mv;
    b += nr * esz;
  }
  v128_t va = splat(f64, alpha), vb = splat(f64, beta);
  bool beta_zero = f64 ? *(const double *)beta == 0 : *(const float *)beta == 0;
#pragma clang loop unroll(full)
  for (int j = 0; j < nr; j++) {
    unsigned char *cj = c + (size_t)(j * ldc) * esz;
#pragma clang loop unroll(full)
    for (int i = 0; i < mv; i++) {
      v128_t r = mul(f64, va, acc[j][i]);
      if (!beta_zero) r = mul_add(f64, r, vb, wasm_v128_load(cj + 16 * i));
      wasm_v128_store(cj + 16 * i, r);
    }
  }
}

/* Tiles: two vectors of A times 5 broadcasts of B, 10 accumulators. */
#define MV 2
#define NR 5

static void numc__gemm_f32_wasm_simd128_8x5(int64_t k, const void *a, const void *b, void *c,
                                            int64_t ldc, const void *alpha, const void *beta) {
  tile(false, MV, NR, k, a, b, c, ldc, alpha, beta);
}

static void numc__gemm_f64_wasm_simd128_4x5(int64_t k, const void *a, const void *b, void *c,
                                            int64_t ldc, const void *alpha, const void *beta) {
  tile(true, MV, NR, k, a, b, c, ldc, alpha, beta);
}

static bool simd128_supported(void) { return true; /* the module was validated with it */ }

const numc__gemm_family numc__gemm_family_wasm_simd128 = {
    .isa = "simd128",
    .supported = simd128_supported,
    .f32 = {.name = "simd128 8x5", .ukr = numc__gemm_f32_wasm_simd128_8x5, .mr = 4 * MV, .nr = NR,
           .mc = 128, .kc = 256, .nc = 4080, .pack = numc__gemm_pack_f32},
    .f64 = {.name = "simd128 4x5", .ukr = numc__gemm_f64_wasm_simd128_4x5, .mr = 2 * MV, .nr = NR,
           .mc = 64, .kc = 256, .nc = 4080, .pack = numc__gemm_pack_f64},
};
#endif
