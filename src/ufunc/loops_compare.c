/* Loops of comparisons, logical and bitwise ufuncs and shifts. */
#include <tgmath.h>

#include "ufunc/loops.h"

/* Complex values order lexicographically (NumPy); any NaN part makes a comparison false. */
#define CLT(x, y) (creal(x) < creal(y) || (creal(x) == creal(y) && cimag(x) < cimag(y)))
#define CLE(x, y) (creal(x) < creal(y) || (creal(x) == creal(y) && cimag(x) <= cimag(y)))

#define DEF_COMPARE(A, name, E, T, W)                     \
  NUMC__LOOP2(equal, name, T, bool, x == y)               \
  NUMC__LOOP2(not_equal, name, T, bool, x != y)           \
  NUMC__LOOP2(less, name, T, bool, x < y)                 \
  NUMC__LOOP2(less_equal, name, T, bool, x <= y)          \
  NUMC__LOOP2(greater, name, T, bool, x > y)              \
  NUMC__LOOP2(greater_equal, name, T, bool, x >= y)
NUMC__INTS(DEF_COMPARE, _)
NUMC__FLOATS(DEF_COMPARE, _)
/* bool is spelled out: passed through DEF_COMPARE, stdbool's macro would expand. */
NUMC__LOOP2(equal, bool, bool, bool, x == y)
NUMC__LOOP2(not_equal, bool, bool, bool, x != y)
NUMC__LOOP2(less, bool, bool, bool, x < y)
NUMC__LOOP2(less_equal, bool, bool, bool, x <= y)
NUMC__LOOP2(greater, bool, bool, bool, x > y)
NUMC__LOOP2(greater_equal, bool, bool, bool, x >= y)

#define DEF_CCOMPARE(A, name, E, T, R)                    \
  NUMC__LOOP2(equal, name, T, bool, x == y)               \
  NUMC__LOOP2(not_equal, name, T, bool, x != y)           \
  NUMC__LOOP2(less, name, T, bool, CLT(x, y))             \
  NUMC__LOOP2(less_equal, name, T, bool, CLE(x, y))       \
  NUMC__LOOP2(greater, name, T, bool, CLT(y, x))          \
  NUMC__LOOP2(greater_equal, name, T, bool, CLE(y, x))
NUMC__COMPLEXES(DEF_CCOMPARE, _)

/* Logical ufuncs read their inputs as bool (the iterator casts: nonzero is true). */
NUMC__LOOP2(logical_and, bool, bool, bool, x && y)
NUMC__LOOP2(logical_or, bool, bool, bool, x || y)
NUMC__LOOP2(logical_xor, bool, bool, bool, x != y)
NUMC__LOOP1(logical_not, bool, bool, bool, !x)

/* Shifts: NumPy defines shifts by at least the bit width (0, or -1 for negative values
 * shifted right) and shifts through unsigned types to avoid C's undefined cases. */
#define DEF_BITWISE(A, name, E, T, W)                                                         \
  NUMC__LOOP2(bitwise_and, name, T, T, x & y)                                                 \
  NUMC__LOOP2(bitwise_or, name, T, T, x | y)                                                  \
  NUMC__LOOP2(bitwise_xor, name, T, T, x ^ y)                                                 \
  NUMC__LOOP1(bitwise_not, name, T, T, (T)~x)                                                 \
  NUMC__LOOP2(left_shift, name, T, T,                                                         \
              (uint64_t)y < sizeof(T) * 8 ? (T)((W)x << (uint64_t)y) : (T)0)                 \
  NUMC__LOOP2(right_shift, name, T, T,                                                        \
              (uint64_t)y < sizeof(T) * 8 ? (T)(x >> (uint64_t)y) : (T)(x < 0 ? -1 : 0))
NUMC__INTS(DEF_BITWISE, _)
NUMC__LOOP2(bitwise_and, bool, bool, bool, x && y)
NUMC__LOOP2(bitwise_or, bool, bool, bool, x || y)
NUMC__LOOP2(bitwise_xor, bool, bool, bool, x != y)
NUMC__LOOP1(bitwise_not, bool, bool, bool, !x)

#define ROW_ALL(op) [NUMC_BOOL] = numc_##op##_bool_cpu, NUMC__INTS(NUMC__ROW, op) NUMC__FLOATS(NUMC__ROW, op) NUMC__COMPLEXES(NUMC__ROW, op)
#define ROW_BITS(op) [NUMC_BOOL] = numc_##op##_bool_cpu, NUMC__INTS(NUMC__ROW, op)

const numc__loop numc__loops_equal[NUMC_NDTYPES] = {ROW_ALL(equal)};
const numc__loop numc__loops_not_equal[NUMC_NDTYPES] = {ROW_ALL(not_equal)};
const numc__loop numc__loops_less[NUMC_NDTYPES] = {ROW_ALL(less)};
const numc__loop numc__loops_less_equal[NUMC_NDTYPES] = {ROW_ALL(less_equal)};
const numc__loop numc__loops_greater[NUMC_NDTYPES] = {ROW_ALL(greater)};
const numc__loop numc__loops_greater_equal[NUMC_NDTYPES] = {ROW_ALL(greater_equal)};
const numc__loop numc__loops_logical_and[NUMC_NDTYPES] = {[NUMC_BOOL] = numc_logical_and_bool_cpu};
const numc__loop numc__loops_logical_or[NUMC_NDTYPES] = {[NUMC_BOOL] = numc_logical_or_bool_cpu};
const numc__loop numc__loops_logical_xor[NUMC_NDTYPES] = {[NUMC_BOOL] = numc_logical_xor_bool_cpu};
const numc__loop numc__loops_logical_not[NUMC_NDTYPES] = {[NUMC_BOOL] = numc_logical_not_bool_cpu};
const numc__loop numc__loops_bitwise_and[NUMC_NDTYPES] = {ROW_BITS(bitwise_and)};
const numc__loop numc__loops_bitwise_or[NUMC_NDTYPES] = {ROW_BITS(bitwise_or)};
const numc__loop numc__loops_bitwise_xor[NUMC_NDTYPES] = {ROW_BITS(bitwise_xor)};
const numc__loop numc__loops_bitwise_not[NUMC_NDTYPES] = {ROW_BITS(bitwise_not)};
const numc__loop numc__loops_left_shift[NUMC_NDTYPES] = {NUMC__INTS(NUMC__ROW, left_shift)};
const numc__loop numc__loops_right_shift[NUMC_NDTYPES] = {NUMC__INTS(NUMC__ROW, right_shift)};
