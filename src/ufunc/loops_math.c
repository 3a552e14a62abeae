/* Loops of the floating-point math ufuncs, through <tgmath.h> so that one body serves
 * float, double and their complex types. Integer inputs never reach these loops: type
 * resolution sends them to the smallest float that holds them (int8 -> float16). */
#include <tgmath.h>

#include "ufunc/loops.h"
#include "ufunc/simd_math.h"

/* A loop with SIMD kernels (simd_math.h): contiguous runs go to the kernel that
 * simd_dispatch.c chose for this CPU, if there is one for this dtype; strided runs, and
 * everything when there is none, to the libm loop numc_<op>_<dtype>_libm_cpu. */
#define LOOP1_SIMD(op, ID, name, E, T, EXPR)                                                 \
  NUMC__LOOP1(op, name##_libm, T, T, EXPR)                                                  \
  static void numc_##op##_##name##_cpu(char **args, const int64_t *steps, int64_t n,          \
                                       const void *ctx_) {                                    \
    numc__simd_kernel k;                                                                      \
    if (steps[0] == (int64_t)sizeof(T) && steps[1] == (int64_t)sizeof(T) &&                   \
        (k = numc__simd_get(NUMC__UF_##ID, NUMC_##E)))                                        \
      k(args[0], args[1], n);                                                                 \
    else                                                                                      \
      numc_##op##_##name##_libm_cpu(args, steps, n, ctx_);                                    \
  }

#define DEF_REAL(A, name, E, T, R)                                  \
  LOOP1_SIMD(sqrt, SQRT, name, E, T, sqrt(x))                       \
  NUMC__LOOP1(cbrt, name, T, T, cbrt(x))                            \
  LOOP1_SIMD(exp, EXP, name, E, T, exp(x))                          \
  LOOP1_SIMD(exp2, EXP2, name, E, T, exp2(x))                       \
  NUMC__LOOP1(expm1, name, T, T, expm1(x))                          \
  LOOP1_SIMD(log, LOG, name, E, T, log(x))                          \
  LOOP1_SIMD(log2, LOG2, name, E, T, log2(x))                       \
  LOOP1_SIMD(log10, LOG10, name, E, T, log10(x))                    \
  NUMC__LOOP1(log1p, name, T, T, log1p(x))                          \
  LOOP1_SIMD(sin, SIN, name, E, T, sin(x))                          \
  LOOP1_SIMD(cos, COS, name, E, T, cos(x))                          \
  NUMC__LOOP1(tan, name, T, T, tan(x))                              \
  NUMC__LOOP1(arcsin, name, T, T, asin(x))                          \
  NUMC__LOOP1(arccos, name, T, T, acos(x))                          \
  NUMC__LOOP1(arctan, name, T, T, atan(x))                          \
  NUMC__LOOP1(sinh, name, T, T, sinh(x))                            \
  NUMC__LOOP1(cosh, name, T, T, cosh(x))                            \
  NUMC__LOOP1(tanh, name, T, T, tanh(x))                            \
  NUMC__LOOP1(arcsinh, name, T, T, asinh(x))                        \
  NUMC__LOOP1(arccosh, name, T, T, acosh(x))                        \
  NUMC__LOOP1(arctanh, name, T, T, atanh(x))                        \
  NUMC__LOOP1(deg2rad, name, T, T, x * (T)(M_PI / 180.0))           \
  NUMC__LOOP1(rad2deg, name, T, T, x * (T)(180.0 / M_PI))           \
  NUMC__LOOP1(floor, name, T, T, floor(x))                          \
  NUMC__LOOP1(ceil, name, T, T, ceil(x))                            \
  NUMC__LOOP1(trunc, name, T, T, trunc(x))                          \
  NUMC__LOOP1(rint, name, T, T, rint(x))
NUMC__FLOATS(DEF_REAL, _)

/* C99 has no complex exp2/log2/log10/expm1/log1p: derive them as NumPy does. */
#define DEF_COMPLEX(A, name, E, T, R)                                        \
  NUMC__LOOP1(sqrt, name, T, T, sqrt(x))                                     \
  NUMC__LOOP1(exp, name, T, T, exp(x))                                       \
  NUMC__LOOP1(exp2, name, T, T, exp(x * (R)M_LN2))                           \
  NUMC__LOOP1(expm1, name, T, T, exp(x) - 1)                                 \
  NUMC__LOOP1(log, name, T, T, log(x))                                       \
  NUMC__LOOP1(log2, name, T, T, log(x) / (R)M_LN2)                           \
  NUMC__LOOP1(log10, name, T, T, log(x) / (R)M_LN10)                         \
  NUMC__LOOP1(log1p, name, T, T, log(1 + x))                                 \
  NUMC__LOOP1(sin, name, T, T, sin(x))                                       \
  NUMC__LOOP1(cos, name, T, T, cos(x))                                       \
  NUMC__LOOP1(tan, name, T, T, tan(x))                                       \
  NUMC__LOOP1(arcsin, name, T, T, asin(x))                                   \
  NUMC__LOOP1(arccos, name, T, T, acos(x))                                   \
  NUMC__LOOP1(arctan, name, T, T, atan(x))                                   \
  NUMC__LOOP1(sinh, name, T, T, sinh(x))                                     \
  NUMC__LOOP1(cosh, name, T, T, cosh(x))                                     \
  NUMC__LOOP1(tanh, name, T, T, tanh(x))                                     \
  NUMC__LOOP1(arcsinh, name, T, T, asinh(x))                                 \
  NUMC__LOOP1(arccosh, name, T, T, acosh(x))                                 \
  NUMC__LOOP1(arctanh, name, T, T, atanh(x))                                 \
  NUMC__LOOP1(rint, name, T, T, rint(creal(x)) + rint(cimag(x)) * (T)I)
NUMC__COMPLEXES(DEF_COMPLEX, _)

#define ROW_REAL(op) NUMC__FLOATS(NUMC__ROW, op)
#define ROW_INEXACT(op) NUMC__FLOATS(NUMC__ROW, op) NUMC__COMPLEXES(NUMC__ROW, op)

const numc__loop numc__loops_sqrt[NUMC_NDTYPES] = {ROW_INEXACT(sqrt)};
const numc__loop numc__loops_cbrt[NUMC_NDTYPES] = {ROW_REAL(cbrt)};
const numc__loop numc__loops_exp[NUMC_NDTYPES] = {ROW_INEXACT(exp)};
const numc__loop numc__loops_exp2[NUMC_NDTYPES] = {ROW_INEXACT(exp2)};
const numc__loop numc__loops_expm1[NUMC_NDTYPES] = {ROW_INEXACT(expm1)};
const numc__loop numc__loops_log[NUMC_NDTYPES] = {ROW_INEXACT(log)};
const numc__loop numc__loops_log2[NUMC_NDTYPES] = {ROW_INEXACT(log2)};
const numc__loop numc__loops_log10[NUMC_NDTYPES] = {ROW_INEXACT(log10)};
const numc__loop numc__loops_log1p[NUMC_NDTYPES] = {ROW_INEXACT(log1p)};
const numc__loop numc__loops_sin[NUMC_NDTYPES] = {ROW_INEXACT(sin)};
const numc__loop numc__loops_cos[NUMC_NDTYPES] = {ROW_INEXACT(cos)};
const numc__loop numc__loops_tan[NUMC_NDTYPES] = {ROW_INEXACT(tan)};
const numc__loop numc__loops_arcsin[NUMC_NDTYPES] = {ROW_INEXACT(arcsin)};
const numc__loop numc__loops_arccos[NUMC_NDTYPES] = {ROW_INEXACT(arccos)};
const numc__loop numc__loops_arctan[NUMC_NDTYPES] = {ROW_INEXACT(arctan)};
const numc__loop numc__loops_sinh[NUMC_NDTYPES] = {ROW_INEXACT(sinh)};
const numc__loop numc__loops_cosh[NUMC_NDTYPES] = {ROW_INEXACT(cosh)};
const numc__loop numc__loops_tanh[NUMC_NDTYPES] = {ROW_INEXACT(tanh)};
const numc__loop numc__loops_arcsinh[NUMC_NDTYPES] = {ROW_INEXACT(arcsinh)};
const numc__loop numc__loops_arccosh[NUMC_NDTYPES] = {ROW_INEXACT(arccosh)};
const numc__loop numc__loops_arctanh[NUMC_NDTYPES] = {ROW_INEXACT(arctanh)};
const numc__loop numc__loops_deg2rad[NUMC_NDTYPES] = {ROW_REAL(deg2rad)};
const numc__loop numc__loops_rad2deg[NUMC_NDTYPES] = {ROW_REAL(rad2deg)};
const numc__loop numc__loops_floor[NUMC_NDTYPES] = {ROW_REAL(floor)};
const numc__loop numc__loops_ceil[NUMC_NDTYPES] = {ROW_REAL(ceil)};
const numc__loop numc__loops_trunc[NUMC_NDTYPES] = {ROW_REAL(trunc)};
const numc__loop numc__loops_rint[NUMC_NDTYPES] = {ROW_INEXACT(rint)};
