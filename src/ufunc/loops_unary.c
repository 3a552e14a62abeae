/* Loops of the unary arithmetic ufuncs (negative, positive, absolute, sign, square,
 * reciprocal, conjugate), the predicates (isnan, isinf, isfinite) and real/imag/angle. */
#include <tgmath.h>

#include "ufunc/loops.h"

#define DEF_INT(A, name, E, T, W)                                        \
  NUMC__LOOP1(negative, name, T, T, (T)(0 - (W)x))                       \
  NUMC__LOOP1(positive, name, T, T, x)                                   \
  NUMC__LOOP1(absolute, name, T, T, x < 0 ? (T)(0 - (W)x) : x)           \
  NUMC__LOOP1(sign, name, T, T, (T)((x > 0) - (x < 0)))                  \
  NUMC__LOOP1(square, name, T, T, (T)((W)x * (W)x))                      \
  /* 1/x truncates toward zero; 1/0 gives 0 (NumPy warns and gives */    \
  /* an unspecified value). */                                           \
  NUMC__LOOP1(reciprocal, name, T, T, x == 0 ? (T)0 : (T)(1 / x))        \
  NUMC__LOOP1(conjugate, name, T, T, x)                                  \
  NUMC__LOOP1(real, name, T, T, x)                                       \
  NUMC__LOOP1(imag, name, T, T, (T)0)
NUMC__INTS(DEF_INT, _)

#define DEF_FLOAT(A, name, E, T, R)                                                    \
  NUMC__LOOP1(negative, name, T, T, -x)                                                \
  NUMC__LOOP1(positive, name, T, T, x)                                                 \
  NUMC__LOOP1(absolute, name, T, T, fabs(x))                                           \
  NUMC__LOOP1(sign, name, T, T, isnan(x) ? x : (T)((x > 0) - (x < 0)))                 \
  NUMC__LOOP1(square, name, T, T, x * x)                                               \
  NUMC__LOOP1(reciprocal, name, T, T, 1 / x)                                           \
  NUMC__LOOP1(conjugate, name, T, T, x)                                                \
  NUMC__LOOP1(isnan, name, T, bool, isnan(x))                                          \
  NUMC__LOOP1(isinf, name, T, bool, isinf(x))                                          \
  NUMC__LOOP1(isfinite, name, T, bool, isfinite(x))                                    \
  NUMC__LOOP1(real, name, T, T, x)                                                     \
  NUMC__LOOP1(imag, name, T, T, (T)0)                                                  \
  NUMC__LOOP1(angle, name, T, T, atan2((T)0, x))
NUMC__FLOATS(DEF_FLOAT, _)

/* sign(z) is z/|z| (NumPy 2), 0 for 0. */
#define DEF_COMPLEX(A, name, E, T, R)                                                      \
  NUMC__LOOP1(negative, name, T, T, -x)                                                    \
  NUMC__LOOP1(positive, name, T, T, x)                                                     \
  NUMC__LOOP1(absolute, name, T, R, cabs(x))                                               \
  NUMC__LOOP1(sign, name, T, T, x == 0 ? (T)0 : x / cabs(x))                               \
  NUMC__LOOP1(square, name, T, T, x * x)                                                   \
  NUMC__LOOP1(reciprocal, name, T, T, 1 / x)                                               \
  NUMC__LOOP1(conjugate, name, T, T, conj(x))                                              \
  NUMC__LOOP1(isnan, name, T, bool, isnan(creal(x)) || isnan(cimag(x)))                    \
  NUMC__LOOP1(isinf, name, T, bool, isinf(creal(x)) || isinf(cimag(x)))                    \
  NUMC__LOOP1(isfinite, name, T, bool, isfinite(creal(x)) && isfinite(cimag(x)))           \
  NUMC__LOOP1(real, name, T, R, creal(x))                                                  \
  NUMC__LOOP1(imag, name, T, R, cimag(x))                                                  \
  NUMC__LOOP1(angle, name, T, R, carg(x))
NUMC__COMPLEXES(DEF_COMPLEX, _)

/* bool: absolute is the identity; the predicates see integers cast to bool. */
NUMC__LOOP1(absolute, bool, bool, bool, x)
NUMC__LOOP1(isnan, bool, bool, bool, false)
NUMC__LOOP1(isinf, bool, bool, bool, false)
NUMC__LOOP1(isfinite, bool, bool, bool, true)
NUMC__LOOP1(real, bool, bool, bool, x)
NUMC__LOOP1(imag, bool, bool, bool, false)

#define ROW_NUMBERS(op) NUMC__INTS(NUMC__ROW, op) NUMC__FLOATS(NUMC__ROW, op) NUMC__COMPLEXES(NUMC__ROW, op)
#define ROW_INEXACT(op) [NUMC_BOOL] = numc_##op##_bool_cpu, NUMC__FLOATS(NUMC__ROW, op) NUMC__COMPLEXES(NUMC__ROW, op)

const numc__loop numc__loops_negative[NUMC_NDTYPES] = {ROW_NUMBERS(negative)};
const numc__loop numc__loops_positive[NUMC_NDTYPES] = {ROW_NUMBERS(positive)};
const numc__loop numc__loops_absolute[NUMC_NDTYPES] = {[NUMC_BOOL] = numc_absolute_bool_cpu, ROW_NUMBERS(absolute)};
const numc__loop numc__loops_sign[NUMC_NDTYPES] = {ROW_NUMBERS(sign)};
const numc__loop numc__loops_square[NUMC_NDTYPES] = {ROW_NUMBERS(square)};
const numc__loop numc__loops_reciprocal[NUMC_NDTYPES] = {ROW_NUMBERS(reciprocal)};
const numc__loop numc__loops_conjugate[NUMC_NDTYPES] = {ROW_NUMBERS(conjugate)};
const numc__loop numc__loops_isnan[NUMC_NDTYPES] = {ROW_INEXACT(isnan)};
const numc__loop numc__loops_isinf[NUMC_NDTYPES] = {ROW_INEXACT(isinf)};
const numc__loop numc__loops_isfinite[NUMC_NDTYPES] = {ROW_INEXACT(isfinite)};
const numc__loop numc__loops_real[NUMC_NDTYPES] = {[NUMC_BOOL] = numc_real_bool_cpu, ROW_NUMBERS(real)};
const numc__loop numc__loops_imag[NUMC_NDTYPES] = {[NUMC_BOOL] = numc_imag_bool_cpu, ROW_NUMBERS(imag)};
const numc__loop numc__loops_angle[NUMC_NDTYPES] = {NUMC__FLOATS(NUMC__ROW, angle) NUMC__COMPLEXES(NUMC__ROW, angle)};
