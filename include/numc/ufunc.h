/* numc/ufunc.h: elementwise functions (NumPy's ufuncs) with broadcasting.
 * Included by numc.h.
 *
 * Every function here takes NumPy's `out=`: if `*out` is NULL a new array is allocated
 * (the caller owns it); if `*out` is an existing array the result is written into it. Its
 * shape must equal the broadcast shape of the inputs and the result must cast to its
 * dtype under "same_kind" rules; it may be one of the inputs (in-place operation).
 * Result dtypes follow NumPy (NEP 50): int8 + int16 -> int16, sqrt(int32) -> float64,
 * sqrt(int8) -> float16, comparisons -> bool. float16 computes in float32 and rounds
 * back. Integer arithmetic wraps around; integer division by zero gives 0, as NumPy. */
#ifndef NUMC_UFUNC_H
#define NUMC_UFUNC_H

#include "numc/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One input. */
NUMC_API numc_status numc_negative(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_positive(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_absolute(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_sign(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_sqrt(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_cbrt(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_square(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_reciprocal(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_exp(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_exp2(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_expm1(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_log(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_log2(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_log10(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_log1p(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_sin(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_cos(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_tan(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_arcsin(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_arccos(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_arctan(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_sinh(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_cosh(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_tanh(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_arcsinh(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_arccosh(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_arctanh(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_deg2rad(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_rad2deg(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_floor(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_ceil(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_trunc(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_rint(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_logical_not(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_bitwise_not(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_isnan(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_isinf(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_isfinite(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_conjugate(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_real(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_imag(const numc_array *x, numc_array **out);
NUMC_API numc_status numc_angle(const numc_array *x, numc_array **out);

/* Two inputs, broadcast against each other. */
NUMC_API numc_status numc_add(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_subtract(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_multiply(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_divide(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_floor_divide(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_remainder(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_power(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_arctan2(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_hypot(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_maximum(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_minimum(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_fmax(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_fmin(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_equal(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_not_equal(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_less(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_less_equal(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_greater(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_greater_equal(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_logical_and(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_logical_or(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_logical_xor(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_bitwise_and(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_bitwise_or(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_bitwise_xor(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_left_shift(const numc_array *x1, const numc_array *x2, numc_array **out);
NUMC_API numc_status numc_right_shift(const numc_array *x1, const numc_array *x2, numc_array **out);

/* Aliases under NumPy's other names. */
#define numc_abs numc_absolute
#define numc_mod numc_remainder
#define numc_conj numc_conjugate
#define numc_true_divide numc_divide

/** numpy.round(a, decimals): half to even, like NumPy. */
NUMC_API numc_status numc_round(const numc_array *x, int decimals, numc_array **out);
/** numpy.clip(a, a_min, a_max); either bound may be NULL (but not both). */
NUMC_API numc_status numc_clip(const numc_array *a, const numc_array *a_min,
                               const numc_array *a_max, numc_array **out);
/** numpy.where(cond, x, y). */
NUMC_API numc_status numc_where(const numc_array *cond, const numc_array *x, const numc_array *y,
                                numc_array **out);

#ifdef __cplusplus
}
#endif
#endif
