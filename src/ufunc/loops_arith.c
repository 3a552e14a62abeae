/* Loops of the arithmetic ufuncs: add, subtract, multiply, divide, floor_divide,
 * remainder, power, maximum, minimum, fmax, fmin, arctan2, hypot. */
#include <tgmath.h>

#include "ufunc/loops.h"

/* ---------------------------------------------------------- helpers */

/* Python's floor division and modulo for floats, as NumPy's npy_divmod computes them
 * (the quotient is rounded so that q*b + r reproduces a as closely as possible). */
#define NUMC__FLOAT_DIVMOD(R)                                                   \
  static inline R numc__floordiv_##R(R a, R b) {                                \
    if (b == 0) return a / b;                                                    \
    R mod = fmod(a, b), div = (a - mod) / b;                                     \
    if (mod != 0 && ((b < 0) != (mod < 0))) div -= 1;                            \
    if (div == 0) return copysign((R)0, a / b);                                  \
    R fl = floor(div);                                                           \
    if (div - fl > (R)0.5) fl += 1;                                              \
    return fl;                                                                   \
  }                                                                              \
  static inline R numc__mod_##R(R a, R b) {                                     \
    if (b == 0) return fmod(a, b);                                               \
    R mod = fmod(a, b);                                                          \
    if (mod != 0) {                                                              \
      if ((b < 0) != (mod < 0)) mod += b;                                        \
    } else {                                                                     \
      mod = copysign((R)0, b);                                                   \
    }                                                                            \
    return mod;                                                                  \
  }
NUMC__FLOAT_DIVMOD(float)
NUMC__FLOAT_DIVMOD(double)

/* Integer floor division and modulo with Python's signs; division by zero gives 0 and
 * MIN // -1 wraps, as NumPy (which also warns). */
#define NUMC__SINT_DIVMOD(A, name, E, T, W)                                     \
  static inline T numc__floordiv_##name(T a, T b) {                             \
    if (b == 0) return 0;                                                        \
    if (b == -1) return (T)(0 - (W)a);                                           \
    T q = (T)(a / b);                                                            \
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;                               \
    return q;                                                                    \
  }                                                                              \
  static inline T numc__mod_##name(T a, T b) {                                  \
    if (b == 0 || b == -1) return 0;                                             \
    T r = (T)(a % b);                                                            \
    if (r != 0 && ((r < 0) != (b < 0))) r = (T)(r + b);                          \
    return r;                                                                    \
  }
NUMC__SINTS(NUMC__SINT_DIVMOD, _)
#define NUMC__UINT_DIVMOD(A, name, E, T, W)                                          \
  static inline T numc__floordiv_##name(T a, T b) { return b ? (T)(a / b) : 0; }     \
  static inline T numc__mod_##name(T a, T b) { return b ? (T)(a % b) : 0; }
NUMC__UINTS(NUMC__UINT_DIVMOD, _)

/* Integer power by squaring, wrapping; negative exponents are an error (NumPy's
 * ValueError) reported through the loop context. */
#define NUMC__INT_POWER(A, name, E, T, W)                                         \
  static inline T numc__power_##name(T base, T exp, const void *ctx_) {           \
    if (exp < 0) {                                                                 \
      NUMC__LOOP_FAIL(NUMC_EVALUE);                                                \
      return 0;                                                                    \
    }                                                                              \
    W r = 1, b = (W)base;                                                          \
    for (uint64_t e = (uint64_t)exp; e; e >>= 1) {                                 \
      if (e & 1) r *= b;                                                           \
      b *= b;                                                                      \
    }                                                                              \
    return (T)r;                                                                   \
  }
NUMC__INTS(NUMC__INT_POWER, _)

/* maximum/minimum propagate NaN; fmax/fmin ignore it. Complex values compare
 * lexicographically (real part, then imaginary), NaN in either part propagating. */
#define NUMC__CNAN(z) (isnan(creal(z)) || isnan(cimag(z)))
#define NUMC__CLESS(a, b) (creal(a) < creal(b) || (creal(a) == creal(b) && cimag(a) < cimag(b)))
#define NUMC__MAX(x, y) ((x) >= (y) || isnan(x) ? (x) : (y))
#define NUMC__MIN(x, y) ((x) <= (y) || isnan(x) ? (x) : (y))
#define NUMC__CMAX(x, y) (NUMC__CNAN(x) || !NUMC__CLESS(x, y) ? (x) : (y))
#define NUMC__CMIN(x, y) (NUMC__CNAN(x) || !NUMC__CLESS(y, x) ? (x) : (y))
#define NUMC__CFMAX(x, y) (NUMC__CNAN(y) ? (x) : NUMC__CNAN(x) ? (y) : NUMC__CMAX(x, y))
#define NUMC__CFMIN(x, y) (NUMC__CNAN(y) ? (x) : NUMC__CNAN(x) ? (y) : NUMC__CMIN(x, y))

/* ---------------------------------------------------------- loops */

#define DEF_INT(A, name, E, T, W)                                                     \
  NUMC__LOOP2(add, name, T, T, (T)((W)x + (W)y))                                      \
  NUMC__LOOP2(subtract, name, T, T, (T)((W)x - (W)y))                                 \
  NUMC__LOOP2(multiply, name, T, T, (T)((W)x * (W)y))                                 \
  NUMC__LOOP2(floor_divide, name, T, T, numc__floordiv_##name(x, y))                  \
  NUMC__LOOP2(remainder, name, T, T, numc__mod_##name(x, y))                          \
  NUMC__LOOP2(power, name, T, T, numc__power_##name(x, y, ctx_))                      \
  NUMC__LOOP2(maximum, name, T, T, x >= y ? x : y)                                    \
  NUMC__LOOP2(minimum, name, T, T, x <= y ? x : y)                                    \
  NUMC__LOOP2(fmax, name, T, T, x >= y ? x : y)                                       \
  NUMC__LOOP2(fmin, name, T, T, x <= y ? x : y)
NUMC__INTS(DEF_INT, _)

#define DEF_FLOAT(A, name, E, T, R)                                                   \
  NUMC__LOOP2(add, name, T, T, x + y)                                                 \
  NUMC__LOOP2(subtract, name, T, T, x - y)                                            \
  NUMC__LOOP2(multiply, name, T, T, x * y)                                            \
  NUMC__LOOP2(divide, name, T, T, x / y)                                              \
  NUMC__LOOP2(floor_divide, name, T, T, numc__floordiv_##R(x, y))                     \
  NUMC__LOOP2(remainder, name, T, T, numc__mod_##R(x, y))                             \
  NUMC__LOOP2(power, name, T, T, pow(x, y))                                           \
  NUMC__LOOP2(maximum, name, T, T, NUMC__MAX(x, y))                                   \
  NUMC__LOOP2(minimum, name, T, T, NUMC__MIN(x, y))                                   \
  NUMC__LOOP2(fmax, name, T, T, fmax(x, y))                                           \
  NUMC__LOOP2(fmin, name, T, T, fmin(x, y))                                           \
  NUMC__LOOP2(arctan2, name, T, T, atan2(x, y))                                       \
  NUMC__LOOP2(hypot, name, T, T, hypot(x, y))
NUMC__FLOATS(DEF_FLOAT, _)

/* Complex power: C's cpow is inexact for small integer exponents, where NumPy multiplies
 * out; do the same for exponents that are small integers. */
#define DEF_COMPLEX_POWER(A, name, E, T, R)                                           \
  static inline T numc__cpow_##name(T a, T b) {                                       \
    R br = creal(b), bi = cimag(b);                                                   \
    if (bi == 0 && br == (R)(int)br && fabs(br) <= 100) {                             \
      int n = (int)br;                                                                \
      T r = 1, p = a;                                                                 \
      for (unsigned e = (unsigned)(n < 0 ? -n : n); e; e >>= 1) {                      \
        if (e & 1) r *= p;                                                            \
        p *= p;                                                                       \
      }                                                                               \
      return n < 0 ? 1 / r : r;                                                       \
    }                                                                                 \
    if (a == 0) return (br == 0 && bi == 0) ? (T)1 : (T)0;                            \
    return cpow(a, b);                                                                \
  }
NUMC__COMPLEXES(DEF_COMPLEX_POWER, _)

#define DEF_COMPLEX(A, name, E, T, R)                                                 \
  NUMC__LOOP2(add, name, T, T, x + y)                                                 \
  NUMC__LOOP2(subtract, name, T, T, x - y)                                            \
  NUMC__LOOP2(multiply, name, T, T, x * y)                                            \
  NUMC__LOOP2(divide, name, T, T, x / y)                                              \
  NUMC__LOOP2(power, name, T, T, numc__cpow_##name(x, y))                             \
  NUMC__LOOP2(maximum, name, T, T, NUMC__CMAX(x, y))                                  \
  NUMC__LOOP2(minimum, name, T, T, NUMC__CMIN(x, y))                                  \
  NUMC__LOOP2(fmax, name, T, T, NUMC__CFMAX(x, y))                                    \
  NUMC__LOOP2(fmin, name, T, T, NUMC__CFMIN(x, y))
NUMC__COMPLEXES(DEF_COMPLEX, _)

/* bool: add is logical or, multiply logical and (NumPy's ??->? loops). */
NUMC__LOOP2(add, bool, bool, bool, x || y)
NUMC__LOOP2(multiply, bool, bool, bool, x && y)
NUMC__LOOP2(maximum, bool, bool, bool, x || y)
NUMC__LOOP2(minimum, bool, bool, bool, x && y)
NUMC__LOOP2(fmax, bool, bool, bool, x || y)
NUMC__LOOP2(fmin, bool, bool, bool, x && y)

/* ---------------------------------------------------------- rows */

#define ROW_ALL(op) [NUMC_BOOL] = numc_##op##_bool_cpu, NUMC__INTS(NUMC__ROW, op) NUMC__FLOATS(NUMC__ROW, op) NUMC__COMPLEXES(NUMC__ROW, op)
#define ROW_NUMBERS(op) NUMC__INTS(NUMC__ROW, op) NUMC__FLOATS(NUMC__ROW, op) NUMC__COMPLEXES(NUMC__ROW, op)
#define ROW_REAL(op) NUMC__INTS(NUMC__ROW, op) NUMC__FLOATS(NUMC__ROW, op)

const numc__loop numc__loops_add[NUMC_NDTYPES] = {ROW_ALL(add)};
const numc__loop numc__loops_subtract[NUMC_NDTYPES] = {ROW_NUMBERS(subtract)};
const numc__loop numc__loops_multiply[NUMC_NDTYPES] = {ROW_ALL(multiply)};
const numc__loop numc__loops_divide[NUMC_NDTYPES] = {NUMC__FLOATS(NUMC__ROW, divide) NUMC__COMPLEXES(NUMC__ROW, divide)};
const numc__loop numc__loops_floor_divide[NUMC_NDTYPES] = {ROW_REAL(floor_divide)};
const numc__loop numc__loops_remainder[NUMC_NDTYPES] = {ROW_REAL(remainder)};
const numc__loop numc__loops_power[NUMC_NDTYPES] = {ROW_NUMBERS(power)};
const numc__loop numc__loops_maximum[NUMC_NDTYPES] = {ROW_ALL(maximum)};
const numc__loop numc__loops_minimum[NUMC_NDTYPES] = {ROW_ALL(minimum)};
const numc__loop numc__loops_fmax[NUMC_NDTYPES] = {ROW_ALL(fmax)};
const numc__loop numc__loops_fmin[NUMC_NDTYPES] = {ROW_ALL(fmin)};
const numc__loop numc__loops_arctan2[NUMC_NDTYPES] = {NUMC__FLOATS(NUMC__ROW, arctan2)};
const numc__loop numc__loops_hypot[NUMC_NDTYPES] = {NUMC__FLOATS(NUMC__ROW, hypot)};
