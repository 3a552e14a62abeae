/* SIMD math kernels: exp, log, sin, cos & co. for contiguous float32 (and float64 exp/log)
 * arrays, written once over a vector width and compiled per ISA.
 *
 * Two parts:
 *  1. Declarations (every includer): the kernel signature, the per-ISA kernel tables and
 *     the selection API of simd_dispatch.c.
 *  2. The algorithms (only where the includer first defines NUMC__SIMD_BYTES, i.e. the
 *     per-ISA files simd_math_avx512.c and simd_math_avx2.c). They use GCC/Clang vector
 *     extensions, so one body serves 8 or 16 float lanes; the ISA file supplies the few
 *     operations that C vectors lack as macros:
 *       NUMC__SIMD_TARGET          function attribute, e.g. __attribute__((target("avx512f")))
 *       NUMC__SIMD_BYTES           vector size in bytes (32 or 64)
 *       NUMC__V_FMA32(a, b, c)     a*b + c rounded once, float lanes (also _FMA64, double)
 *       NUMC__V_SQRT32(a)          correctly rounded sqrt (also _SQRT64)
 *       NUMC__V_BITS32(m)          bit i set where lane i of the int mask m is nonzero
 *     The build is for baseline x86-64, so nothing here may run before simd_dispatch.c has
 *     checked the CPU; only functions marked NUMC__SIMD_TARGET use the wider ISA.
 *
 * Method (Cody-Waite range reduction plus a near-minimax polynomial, as Cephes, fdlibm and
 * SLEEF do; the coefficients were fitted for numc by Lawson's iteratively reweighted least
 * squares on the stated interval, then rounded to float; "fit error" is that of the rounded
 * coefficients, in units of 2^-24 relative):
 *   exp   x = n ln2 + r, |r| <= ln2/2 (ln2 in two parts, FMA); e^r = 1 + r + r^2 q(r),
 *         q of degree 4 (fit error 0.06); 2^n applied as two factors so that results down to
 *         the subnormal range and up to overflow round once.
 *   log   x = 2^k m, m in [sqrt(1/2), sqrt 2), f = m - 1, s = f/(2+f):
 *         log(1+f) = f - f^2/2 + s (f^2/2 + R(s^2)) (fdlibm's form: the large terms are
 *         exact), R(z) = z P(z), P of degree 3 (fit error 0.02).
 *   sin   x = q pi/2 + r, |r| <= pi/4 (pi/2 in three parts, FMA: exact enough while
 *   cos   |x| <= NUMC__SIMD_TRIG_MAX), then sin r = r + r^3 S(r^2) or
 *         cos r = 1 - r^2/2 + r^4 C(r^2) by the quadrant, S and C of degree 2 (fit errors
 *         0.14 and 0.002). Lanes above the bound (and inf) go to libm's sinf/cosf.
 * Results of every kernel match libm's special cases: NaN propagates, exp overflows to inf
 * and underflows through the subnormals to 0, log(0) = -inf, log(x < 0) = NaN.
 * Measured accuracy: see tests/unit/test_simd_math.c. */
#ifndef NUMC_SIMD_MATH_H
#define NUMC_SIMD_MATH_H

#include <stdint.h>

#include "ufunc/ufunc.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define NUMC__SIMD_X86 1
#else
#define NUMC__SIMD_X86 0
#endif

/* y[i] = f(x[i]) for 0 <= i < n; x and y contiguous (float or double as the kernel's
 * dtype), y may equal x (in place) but must not overlap it otherwise. */
typedef void (*numc__simd_kernel)(const void *x, void *y, int64_t n);

/* The kernels one ISA provides, by ufunc id: [id][0] float32, [id][1] float64; NULL where
 * that ISA has none (the scalar libm loop runs). */
typedef struct numc__simd_table {
  numc__simd_kernel k[NUMC__NUFUNCS][2];
} numc__simd_table;

/* Instruction sets, best last. Values are levels: a lower level is always allowed. */
typedef enum numc__simd_isa {
  NUMC__ISA_NONE = 0,   /* the scalar loops (libm) */
  NUMC__ISA_AVX2 = 1,   /* AVX2 + FMA, 8 floats */
  NUMC__ISA_AVX512 = 2, /* AVX-512F, 16 floats */
  NUMC__ISA_COUNT = 3
} numc__simd_isa;

#if NUMC__SIMD_X86
extern const numc__simd_table numc__simd_table_avx2;
extern const numc__simd_table numc__simd_table_avx512;
#endif

/* The kernel for ufunc `id` on dtype `t` at the active ISA level (the best this CPU runs,
 * capped by the environment variable NUMC_SIMD=avx512|avx2|none), or NULL: use the scalar
 * loop. The level is resolved once; calls after that are a table lookup. */
numc__simd_kernel numc__simd_get(numc__ufunc_id id, numc_dtype t);
/* The kernel of exactly `isa` (NULL if that ISA has none or this CPU cannot run it). For
 * tests and benchmarks, which compare every implementation. */
numc__simd_kernel numc__simd_lookup(numc__ufunc_id id, numc_dtype t, numc__simd_isa isa);
numc__simd_isa numc__simd_active(void);
/* Override the active level (tests). Not while loops run on other threads. */
void numc__simd_force(numc__simd_isa isa);
const char *numc__simd_isa_name(numc__simd_isa isa);
/* One line for numc_info(): "exp/log/sin/cos float32 via avx512". */
void numc__simd_describe(char *buf, size_t n);

#endif /* NUMC_SIMD_MATH_H */

/* ======================================================================== algorithms */
#if defined(NUMC__SIMD_BYTES) && !defined(NUMC_SIMD_MATH_ALGORITHMS)
#define NUMC_SIMD_MATH_ALGORITHMS

#include <math.h>
#include <string.h>

#define W32 (NUMC__SIMD_BYTES / 4)
#define W64 (NUMC__SIMD_BYTES / 8)
typedef float v32f __attribute__((vector_size(NUMC__SIMD_BYTES)));
typedef int32_t v32i __attribute__((vector_size(NUMC__SIMD_BYTES)));
typedef uint32_t v32u __attribute__((vector_size(NUMC__SIMD_BYTES)));
typedef double v64f __attribute__((vector_size(NUMC__SIMD_BYTES)));
typedef int64_t v64i __attribute__((vector_size(NUMC__SIMD_BYTES)));
typedef uint64_t v64u __attribute__((vector_size(NUMC__SIMD_BYTES)));

/* Integer lane arithmetic that may see garbage (NaN lanes) or shift into the sign bit is
 * done in unsigned lanes, where it wraps by definition. */

/* Every helper inlines into the kernel that uses it, inside the same target region. */
#define VFN static inline __attribute__((always_inline)) NUMC__SIMD_TARGET

/* ---------------------------------------------------------------- float32 helpers */

VFN v32f k32(float c) { return (v32f){0} + c; }
VFN v32f fma32(v32f a, v32f b, v32f c) { return NUMC__V_FMA32(a, b, c); }
/* Lanes of `a` where the mask m is all ones, of `b` where it is zero. */
VFN v32f sel32(v32i m, v32f a, v32f b) { return (v32f)(((v32i)a & m) | ((v32i)b & ~m)); }
VFN v32f abs32(v32f x) { return (v32f)((v32i)x & 0x7fffffff); }

/* Round to the nearest integer (ties to even) for |v| < 2^22 by adding 1.5*2^23: the
 * integer lands in the low mantissa bits. Gives the rounded value and, in *ni, the integer. */
#define MAGIC32 0x1.8p23f
VFN v32f round32(v32f t_with_magic, v32i *ni) {
  *ni = (v32i)((v32u)t_with_magic - (v32u)k32(MAGIC32));
  return t_with_magic - MAGIC32;
}

/* 2^n for -126 <= n <= 127, built from the exponent bits. */
VFN v32f pow2i32(v32i n) { return (v32f)(((v32u)n + 127) << 23); }

/* p * 2^n for -151 <= n <= 128, p in [0.5, 2]: two factors, each a normal float, so that
 * only the last multiply rounds (into the subnormals, or to inf, exactly as it should). */
VFN v32f scale32(v32f p, v32i n) {
  v32i n1 = n >> 1;
  return (p * pow2i32(n1)) * pow2i32((v32i)((v32u)n - (v32u)n1));
}

/* ---------------------------------------------------------------- exp, exp2 */

#define LN2_HI32 0x1.62e43p-1f  /* ln 2 = LN2_HI32 + LN2_LO32 to 2^-54 */
#define LN2_LO32 -0x1.05c61p-29f
#define LOG2E32 0x1.715476p+0f

/* e^r = 1 + r + r^2 q(r) for |r| <= ln2/2 (near-minimax q, fit error 0.06). */
VFN v32f expm1_poly32(v32f r) {
  v32f q = fma32(r, k32(0x1.6a23dp-10f), k32(0x1.123a2p-7f));
  q = fma32(q, r, k32(0x1.5558f2p-5f));
  q = fma32(q, r, k32(0x1.555492p-3f));
  q = fma32(q, r, k32(0x1.fffffcp-2f));
  return fma32(r * r, q, r); /* e^r - 1 */
}

VFN v32f exp32(v32f x) {
  /* Clamp: below -104 the result is 0, above 89 inf, and the clamped values still give
   * exactly that through scale32. NaN fails both compares and flows through. */
  x = sel32(x < -104.0f, k32(-104.0f), x);
  x = sel32(x > 89.0f, k32(89.0f), x);
  v32i n;
  v32f nf = round32(fma32(x, k32(LOG2E32), k32(MAGIC32)), &n);
  v32f r = fma32(nf, k32(-LN2_HI32), x); /* exact: the product is exact in the FMA and the
                                            difference fits 24 bits */
  r = fma32(nf, k32(-LN2_LO32), r);
  return scale32(expm1_poly32(r) + 1.0f, n);
}

VFN v32f exp2_32(v32f x) {
  x = sel32(x < -151.0f, k32(-151.0f), x);
  x = sel32(x > 129.0f, k32(129.0f), x);
  v32i n;
  v32f nf = round32(x + MAGIC32, &n);
  v32f r = x - nf; /* exact, |r| <= 1/2 */
  /* r ln2 as hi + lo: the product's rounding error would otherwise reach 0.25 ulp. */
  v32f h = r * LN2_HI32;
  v32f l = fma32(r, k32(LN2_HI32), -h) + r * LN2_LO32;
  v32f e = expm1_poly32(h);
  return scale32(fma32(e + 1.0f, l, e) + 1.0f, n);
}

/* ---------------------------------------------------------------- log, log2, log10 */

/* Splits x > 0 (finite, possibly subnormal) into x = 2^k (1 + f), 1 + f in
 * [sqrt(1/2), sqrt 2), and returns log(1+f) - f as lo and f via *fp, so that
 * log(1+f) = f + lo with f exact. */
VFN v32f log_parts32(v32f x, v32f *kp, v32f *fp) {
  v32i sub = x < 0x1p-126f; /* subnormal (or <= 0, fixed by the caller): scale by 2^23 */
  x = sel32(sub, x * 0x1p23f, x);
  v32i ix = (v32i)x;
  v32i k = (v32i)((v32u)ix - 0x3f3504f3) >> 23; /* 0x3f3504f3: sqrt(1/2) */
  v32f f = (v32f)((v32u)ix - ((v32u)k << 23)) - 1.0f;
  *kp = __builtin_convertvector(k, v32f) - (v32f)((v32i)k32(23.0f) & sub);
  *fp = f;
  v32f s = f / (f + 2.0f);
  v32f z = s * s;
  v32f p = fma32(z, k32(0x1.e2f68ap-3f), k32(0x1.2438dap-2f));
  p = fma32(p, z, k32(0x1.999a7ap-2f));
  p = fma32(p, z, k32(0x1.555554p-1f));
  v32f hfsq = 0.5f * f * f;
  return fma32(s, fma32(z, p, hfsq), -hfsq);
}

/* libm's answers outside (0, inf): log(+-0) = -inf, log(x < 0) = NaN, log(inf) = inf,
 * NaN stays NaN. `y` is the computed result for the other lanes. */
VFN v32f log_special32(v32f x, v32f y) {
  v32i ok = (x > 0.0f) & (x < INFINITY);
  v32f sp = sel32(x == 0.0f, k32(-INFINITY), sel32(x < 0.0f, k32(NAN), x + x));
  return sel32(ok, y, sp);
}

VFN v32f log32(v32f x) {
  v32f k, f;
  v32f lo = log_parts32(x, &k, &f);
  v32f y = fma32(k, k32(LN2_HI32), f + fma32(k, k32(LN2_LO32), lo));
  return log_special32(x, y);
}

VFN v32f log2_32(v32f x) {
  v32f k, f;
  v32f lo = log_parts32(x, &k, &f);
  /* (f + lo) log2(e) with f's product kept to two parts. */
  v32f h = f * LOG2E32;
  v32f l = fma32(f, k32(LOG2E32), -h) + fma32(f, k32(0x1.4ae0cp-26f), lo * LOG2E32);
  v32f y = k + (h + l);
  return log_special32(x, y);
}

VFN v32f log10_32(v32f x) {
  v32f k, f;
  v32f lo = log_parts32(x, &k, &f);
  const float l10e = 0x1.bcb7b2p-2f, l10e_lo = -0x1.5b235ep-27f;
  const float l102 = 0x1.344136p-2f, l102_lo = -0x1.ec10cp-27f;
  v32f h = f * l10e;
  v32f l = fma32(f, k32(l10e), -h) + fma32(f, k32(l10e_lo), lo * l10e);
  l = fma32(k, k32(l102_lo), l);
  v32f y = fma32(k, k32(l102), h + l);
  return log_special32(x, y);
}

/* ---------------------------------------------------------------- sin, cos */

/* Above this the three-part reduction loses accuracy (and q would leave the magic-number
 * range at 2^22): such lanes, inf included, go to libm. Below 2^17 the test measures at
 * most 1.54 ulp (worst between 2^16 and 2^17); NumPy's AVX-512 sinf switches at 71476. */
#define NUMC__SIMD_TRIG_MAX 0x1p17f
#define PIO2_1 0x1.921fb6p+0f /* pi/2 = PIO2_1 + PIO2_2 + PIO2_3 to 2^-76 */
#define PIO2_2 -0x1.777a5cp-25f
#define PIO2_3 -0x1.ee59dap-50f
#define TWO_OVER_PI 0x1.45f306p-1f

/* sin(x) (cosine = 0) or cos(x) (cosine = 1) for |x| <= NUMC__SIMD_TRIG_MAX. */
VFN v32f sincos32(v32f x, int cosine) {
  v32i q;
  v32f qf = round32(fma32(x, k32(TWO_OVER_PI), k32(MAGIC32)), &q);
  v32f r = fma32(qf, k32(-PIO2_1), x); /* exact below 2^22 */
  r = fma32(qf, k32(-PIO2_2), r);
  r = fma32(qf, k32(-PIO2_3), r);
  q = (v32i)((v32u)q + (unsigned)cosine); /* cos x = sin(x + pi/2) */
  v32f z = r * r;
  v32f s = fma32(z, k32(-0x1.994222p-13f), k32(0x1.110736p-7f));
  s = fma32(s, z, k32(-0x1.555546p-3f));
  s = fma32(s * z, r, r); /* sin r */
  v32f c = fma32(z, k32(0x1.99ea04p-16f), k32(-0x1.6c0c2ep-10f));
  c = fma32(c, z, k32(0x1.55554ap-5f));
  c = fma32(c, z * z, fma32(z, k32(-0.5f), k32(1.0f))); /* cos r */
  v32f y = sel32((q & 1) == 0, s, c);
  return (v32f)((v32u)y ^ ((v32u)q & 2) << 30); /* quadrants 2 and 3: negate */
}

/* Lanes with |x| > NUMC__SIMD_TRIG_MAX (or inf) recomputed by libm. */
VFN v32f trig_fallback32(v32f x, v32f y, int cosine) {
  unsigned big = NUMC__V_BITS32(abs32(x) > NUMC__SIMD_TRIG_MAX);
  if (__builtin_expect(big != 0, 0)) {
    float xs[W32], ys[W32];
    memcpy(xs, &x, sizeof xs);
    memcpy(ys, &y, sizeof ys);
    for (int i = 0; i < W32; i++)
      if (big >> i & 1) ys[i] = cosine ? cosf(xs[i]) : sinf(xs[i]);
    memcpy(&y, ys, sizeof y);
  }
  return y;
}

/* sin(-0) = -0: the reduction's FMAs turn r = -0 into +0, so zeros pass through. */
VFN v32f sin32(v32f x) { return sel32(x == 0.0f, x, trig_fallback32(x, sincos32(x, 0), 0)); }
VFN v32f cos32(v32f x) { return trig_fallback32(x, sincos32(x, 1), 1); }

VFN v32f sqrt32(v32f x) { return NUMC__V_SQRT32(x); }

/* ---------------------------------------------------------------- float64 */

VFN v64f k64(double c) { return (v64f){0} + c; }
VFN v64f fma64(v64f a, v64f b, v64f c) { return NUMC__V_FMA64(a, b, c); }
VFN v64f sel64(v64i m, v64f a, v64f b) { return (v64f)(((v64i)a & m) | ((v64i)b & ~m)); }
#define MAGIC64 0x1.8p52
VFN v64f round64(v64f t_with_magic, v64i *ni) {
  *ni = (v64i)((v64u)t_with_magic - (v64u)k64(MAGIC64));
  return t_with_magic - MAGIC64;
}
VFN v64f pow2i64(v64i n) { return (v64f)(((v64u)n + 1023) << 52); }

#define LN2_HI64 0x1.62e42fefa39efp-1 /* ln 2 = LN2_HI64 + LN2_LO64 to 2^-110 */
#define LN2_LO64 0x1.abc9e3b39803fp-56

/* e^x in double: x = n ln2 + r as above, the reduced argument kept as r + rl (the second
 * FMA's rounding error), e^r by its Taylor series to r^13 (truncation below 2^-57 for
 * |r| <= ln2/2), Horner. */
VFN v64f exp64(v64f x) {
  x = sel64(x < -746.0, k64(-746.0), x);
  x = sel64(x > 710.0, k64(710.0), x);
  v64i n;
  v64f nf = round64(fma64(x, k64(0x1.71547652b82fep+0), k64(MAGIC64)), &n);
  v64f r1 = fma64(nf, k64(-LN2_HI64), x); /* exact */
  v64f r = fma64(nf, k64(-LN2_LO64), r1);
  v64f rl = fma64(nf, k64(-LN2_LO64), r1 - r); /* r1 - r is exact (Sterbenz) */
  static const double inv_fact[] = {1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0,
                                    1.0 / 3628800.0,    1.0 / 362880.0,    1.0 / 40320.0,
                                    1.0 / 5040.0,       1.0 / 720.0,       1.0 / 120.0,
                                    1.0 / 24.0,         1.0 / 6.0,         0.5};
  v64f q = k64(inv_fact[0]);
  for (int i = 1; i < 12; i++) q = fma64(q, r, k64(inv_fact[i]));
  v64f e = fma64(r * r, q, r) + rl; /* e^r - 1 to ~2^-60 */
  v64i n1 = n >> 1;
  return ((e + 1.0) * pow2i64(n1)) * pow2i64((v64i)((v64u)n - (v64u)n1));
}

/* log in double: the float32 method with R(z) from the atanh series
 * 2 atanh(s) = 2s + 2s^3/3 + 2s^5/5 + ... to z^10 (truncation below 2^-58). */
VFN v64f log64(v64f x) {
  v64f x0 = x;
  v64i sub = x < 0x1p-1022;
  x = sel64(sub, x * 0x1p52, x);
  v64i ix = (v64i)x;
  v64i k = (v64i)((v64u)ix - 0x3fe6a09e667f3bcdULL) >> 52;
  v64f f = (v64f)((v64u)ix - ((v64u)k << 52)) - 1.0;
  v64f kf = __builtin_convertvector(k, v64f) - (v64f)((v64i)k64(52.0) & sub);
  v64f s = f / (f + 2.0);
  v64f z = s * s;
  v64f p = k64(2.0 / 21.0);
  for (int j = 19; j >= 3; j -= 2) p = fma64(p, z, k64(2.0 / j));
  v64f hfsq = 0.5 * f * f;
  v64f lo = fma64(s, fma64(z, p, hfsq), -hfsq);
  v64f y = fma64(kf, k64(LN2_HI64), f + fma64(kf, k64(LN2_LO64), lo));
  v64i ok = (x0 > 0.0) & (x0 < INFINITY);
  v64f sp = sel64(x0 == 0.0, k64(-INFINITY), sel64(x0 < 0.0, k64(NAN), x0 + x0));
  return sel64(ok, y, sp);
}

VFN v64f sqrt64(v64f x) { return NUMC__V_SQRT64(x); }

/* ---------------------------------------------------------------- array maps */

/* y = f(x) over n contiguous elements: whole vectors, then the tail through a zeroed
 * vector-sized buffer (f is safe on zeros). Unaligned loads and stores via memcpy. */
VFN void map32(const void *x_, void *y_, int64_t n, v32f (*f)(v32f)) {
  const float *x = x_;
  float *y = y_;
  int64_t i = 0;
  for (; i + W32 <= n; i += W32) {
    v32f v;
    memcpy(&v, x + i, sizeof v);
    v = f(v);
    memcpy(y + i, &v, sizeof v);
  }
  if (i < n) {
    float buf[W32] = {0};
    memcpy(buf, x + i, (size_t)(n - i) * sizeof(float));
    v32f v;
    memcpy(&v, buf, sizeof v);
    v = f(v);
    memcpy(buf, &v, sizeof v);
    memcpy(y + i, buf, (size_t)(n - i) * sizeof(float));
  }
}

VFN void map64(const void *x_, void *y_, int64_t n, v64f (*f)(v64f)) {
  const double *x = x_;
  double *y = y_;
  int64_t i = 0;
  for (; i + W64 <= n; i += W64) {
    v64f v;
    memcpy(&v, x + i, sizeof v);
    v = f(v);
    memcpy(y + i, &v, sizeof v);
  }
  if (i < n) {
    double buf[W64] = {0};
    memcpy(buf, x + i, (size_t)(n - i) * sizeof(double));
    v64f v;
    memcpy(&v, buf, sizeof v);
    v = f(v);
    memcpy(buf, &v, sizeof v);
    memcpy(y + i, buf, (size_t)(n - i) * sizeof(double));
  }
}

/* ---------------------------------------------------------------- kernels and table */

/* The ISA file names its table: #define NUMC__SIMD_TABLE numc__simd_table_avx512. */
NUMC__SIMD_TARGET static void exp_f32(const void *x, void *y, int64_t n) { map32(x, y, n, exp32); }
NUMC__SIMD_TARGET static void exp2_f32(const void *x, void *y, int64_t n) { map32(x, y, n, exp2_32); }
NUMC__SIMD_TARGET static void log_f32(const void *x, void *y, int64_t n) { map32(x, y, n, log32); }
NUMC__SIMD_TARGET static void log2_f32(const void *x, void *y, int64_t n) { map32(x, y, n, log2_32); }
NUMC__SIMD_TARGET static void log10_f32(const void *x, void *y, int64_t n) { map32(x, y, n, log10_32); }
NUMC__SIMD_TARGET static void sin_f32(const void *x, void *y, int64_t n) { map32(x, y, n, sin32); }
NUMC__SIMD_TARGET static void cos_f32(const void *x, void *y, int64_t n) { map32(x, y, n, cos32); }
NUMC__SIMD_TARGET static void sqrt_f32(const void *x, void *y, int64_t n) { map32(x, y, n, sqrt32); }
NUMC__SIMD_TARGET static void exp_f64(const void *x, void *y, int64_t n) { map64(x, y, n, exp64); }
NUMC__SIMD_TARGET static void log_f64(const void *x, void *y, int64_t n) { map64(x, y, n, log64); }
NUMC__SIMD_TARGET static void sqrt_f64(const void *x, void *y, int64_t n) { map64(x, y, n, sqrt64); }

const numc__simd_table NUMC__SIMD_TABLE = {{
    [NUMC__UF_EXP] = {exp_f32, exp_f64},
    [NUMC__UF_EXP2] = {exp2_f32, NULL},
    [NUMC__UF_LOG] = {log_f32, log_f64},
    [NUMC__UF_LOG2] = {log2_f32, NULL},
    [NUMC__UF_LOG10] = {log10_f32, NULL},
    [NUMC__UF_SIN] = {sin_f32, NULL},
    [NUMC__UF_COS] = {cos_f32, NULL},
    [NUMC__UF_SQRT] = {sqrt_f32, sqrt_f64},
}};

#endif /* algorithms */
