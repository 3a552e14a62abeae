/* Ufuncs: one descriptor per elementwise function, one loop per (ufunc, loop dtype).
 *
 * Type resolution picks the dtypes a loop reads and writes from the input dtypes (NumPy's
 * rules, by category); the iterator casts to and from them. Loops use the single strided
 * signature of core/iter.h. */
#ifndef NUMC_UFUNC_INTERNAL_H
#define NUMC_UFUNC_INTERNAL_H

#include "core/backend.h"
#include "core/iter.h"

/* How a ufunc's loop dtypes follow from its inputs. */
typedef enum numc__ufunc_kind {
  NUMC__UK_ARITH,     /* common dtype in and out (add, multiply, maximum, ...) */
  NUMC__UK_DIVIDE,    /* true division: integers and bool compute in float64 */
  NUMC__UK_INTDIV,    /* floor_divide, remainder, power: bool computes as int8 */
  NUMC__UK_MATH,      /* float functions: ints go to the smallest float that fits */
  NUMC__UK_SAME,      /* unary, the input's dtype (negative, absolute, square, ...) */
  NUMC__UK_COMPARE,   /* common dtype in, bool out */
  NUMC__UK_LOGICAL,   /* bool in, bool out */
  NUMC__UK_BITWISE,   /* bool and integers only */
  NUMC__UK_SHIFT,     /* integers only; bool computes as int8 */
  NUMC__UK_PREDICATE, /* isnan & co: bool out; integers read as bool */
  NUMC__UK_TOREAL     /* real, imag, angle, absolute of complex: real out */
} numc__ufunc_kind;

/* X(ID, name, nin, kind, cost): cost is a per-element estimate for the threading
 * threshold. The list order is the ufunc id. */
#define NUMC__UFUNCS(X)                       \
  X(ADD, add, 2, ARITH, 1)                    \
  X(SUBTRACT, subtract, 2, ARITH, 1)          \
  X(MULTIPLY, multiply, 2, ARITH, 1)          \
  X(DIVIDE, divide, 2, DIVIDE, 2)             \
  X(FLOOR_DIVIDE, floor_divide, 2, INTDIV, 8) \
  X(REMAINDER, remainder, 2, INTDIV, 8)       \
  X(POWER, power, 2, INTDIV, 20)              \
  X(ARCTAN2, arctan2, 2, MATH, 20)            \
  X(HYPOT, hypot, 2, MATH, 10)                \
  X(MAXIMUM, maximum, 2, ARITH, 1)            \
  X(MINIMUM, minimum, 2, ARITH, 1)            \
  X(FMAX, fmax, 2, ARITH, 1)                  \
  X(FMIN, fmin, 2, ARITH, 1)                  \
  X(EQUAL, equal, 2, COMPARE, 1)              \
  X(NOT_EQUAL, not_equal, 2, COMPARE, 1)      \
  X(LESS, less, 2, COMPARE, 1)                \
  X(LESS_EQUAL, less_equal, 2, COMPARE, 1)    \
  X(GREATER, greater, 2, COMPARE, 1)          \
  X(GREATER_EQUAL, greater_equal, 2, COMPARE, 1) \
  X(LOGICAL_AND, logical_and, 2, LOGICAL, 1)  \
  X(LOGICAL_OR, logical_or, 2, LOGICAL, 1)    \
  X(LOGICAL_XOR, logical_xor, 2, LOGICAL, 1)  \
  X(BITWISE_AND, bitwise_and, 2, BITWISE, 1)  \
  X(BITWISE_OR, bitwise_or, 2, BITWISE, 1)    \
  X(BITWISE_XOR, bitwise_xor, 2, BITWISE, 1)  \
  X(LEFT_SHIFT, left_shift, 2, SHIFT, 1)      \
  X(RIGHT_SHIFT, right_shift, 2, SHIFT, 1)    \
  X(NEGATIVE, negative, 1, SAME, 1)           \
  X(POSITIVE, positive, 1, SAME, 1)           \
  X(ABSOLUTE, absolute, 1, SAME, 1)           \
  X(SIGN, sign, 1, SAME, 2)                   \
  X(SQUARE, square, 1, SAME, 1)               \
  X(RECIPROCAL, reciprocal, 1, SAME, 2)       \
  X(CONJUGATE, conjugate, 1, SAME, 1)         \
  X(SQRT, sqrt, 1, MATH, 4)                   \
  X(CBRT, cbrt, 1, MATH, 20)                  \
  X(EXP, exp, 1, MATH, 10)                    \
  X(EXP2, exp2, 1, MATH, 10)                  \
  X(EXPM1, expm1, 1, MATH, 20)                \
  X(LOG, log, 1, MATH, 10)                    \
  X(LOG2, log2, 1, MATH, 10)                  \
  X(LOG10, log10, 1, MATH, 10)                \
  X(LOG1P, log1p, 1, MATH, 20)                \
  X(SIN, sin, 1, MATH, 10)                    \
  X(COS, cos, 1, MATH, 10)                    \
  X(TAN, tan, 1, MATH, 20)                    \
  X(ARCSIN, arcsin, 1, MATH, 20)              \
  X(ARCCOS, arccos, 1, MATH, 20)              \
  X(ARCTAN, arctan, 1, MATH, 20)              \
  X(SINH, sinh, 1, MATH, 20)                  \
  X(COSH, cosh, 1, MATH, 20)                  \
  X(TANH, tanh, 1, MATH, 20)                  \
  X(ARCSINH, arcsinh, 1, MATH, 20)            \
  X(ARCCOSH, arccosh, 1, MATH, 20)            \
  X(ARCTANH, arctanh, 1, MATH, 20)            \
  X(DEG2RAD, deg2rad, 1, MATH, 1)             \
  X(RAD2DEG, rad2deg, 1, MATH, 1)             \
  X(FLOOR, floor, 1, MATH, 2)                 \
  X(CEIL, ceil, 1, MATH, 2)                   \
  X(TRUNC, trunc, 1, MATH, 2)                 \
  X(RINT, rint, 1, MATH, 2)                   \
  X(LOGICAL_NOT, logical_not, 1, LOGICAL, 1)  \
  X(BITWISE_NOT, bitwise_not, 1, BITWISE, 1)  \
  X(ISNAN, isnan, 1, PREDICATE, 1)            \
  X(ISINF, isinf, 1, PREDICATE, 1)            \
  X(ISFINITE, isfinite, 1, PREDICATE, 1)      \
  X(REAL, real, 1, TOREAL, 1)                 \
  X(IMAG, imag, 1, TOREAL, 1)                 \
  X(ANGLE, angle, 1, TOREAL, 20)

typedef enum numc__ufunc_id {
#define NUMC__UFUNC_ENUM(ID, name, nin, kind, cost) NUMC__UF_##ID,
  NUMC__UFUNCS(NUMC__UFUNC_ENUM)
#undef NUMC__UFUNC_ENUM
  NUMC__NUFUNCS
} numc__ufunc_id;

/* Loops of each ufunc, indexed by the loop's input dtype; NULL where none exists. Each
 * row numc__loops_<name> is defined with its loops in one of the loops_*.c files. */
#define NUMC__UFUNC_ROW_DECL(ID, name, nin, kind, cost) extern const numc__loop numc__loops_##name[NUMC_NDTYPES];
NUMC__UFUNCS(NUMC__UFUNC_ROW_DECL)
#undef NUMC__UFUNC_ROW_DECL
extern const numc__loop *const numc__ufunc_loops[NUMC__NUFUNCS];

/* Loops report domain errors (integer to a negative power) through this context. */
typedef struct numc__loop_ctx {
  _Atomic int error; /* 0 or a numc_status */
} numc__loop_ctx;

const char *numc__ufunc_name(numc__ufunc_id id);
/* Run a ufunc; `inputs` has the ufunc's nin arrays. See numc/ufunc.h for `out`. */
numc_status numc__ufunc(numc__ufunc_id id, const numc_array *const *inputs, numc_array **out);

/* Offer an elementwise operation to the accelerator (core/backend.h) for a fresh
 * result: NUMC_OK when it computed *out; otherwise the caller runs the CPU loop. Never
 * automatic for host operands: an elementwise pass is far cheaper on the CPU than the
 * upload to a GPU (~1 GB/s on the H100, ../shared/NOTES.md). */
numc_status numc__elementwise_offload(const char *what, const numc__elementwise_call *c, numc_array **out);

#endif
