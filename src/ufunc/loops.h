/* Building blocks for ufunc loops: the strided 1-D loop bodies and the dtype lists they
 * are instantiated over. A loop is named numc_<ufunc>_<dtype>_cpu.
 *
 * Loop contract (core/iter.h): args[0..nin-1] inputs, args[nin] the output, steps in
 * bytes, any sign, 0 for a broadcast operand. The contiguous cases are spelled out so
 * that the compiler vectorises them; the output may alias an input exactly (in place). */
#ifndef NUMC_UFUNC_LOOPS_H
#define NUMC_UFUNC_LOOPS_H

#include <math.h>

#include "ufunc/ufunc.h"

/* X(A, name, ENUM, T, W): integer dtypes; W is the unsigned type their arithmetic wraps
 * in (C's signed overflow is undefined; NumPy's wraps). */
#define NUMC__INTS(X, A)                                                      \
  X(A, int8, INT8, int8_t, uint32_t) X(A, int16, INT16, int16_t, uint32_t)    \
  X(A, int32, INT32, int32_t, uint32_t) X(A, int64, INT64, int64_t, uint64_t) \
  X(A, uint8, UINT8, uint8_t, uint32_t) X(A, uint16, UINT16, uint16_t, uint32_t) \
  X(A, uint32, UINT32, uint32_t, uint32_t) X(A, uint64, UINT64, uint64_t, uint64_t)
#define NUMC__SINTS(X, A)                                                     \
  X(A, int8, INT8, int8_t, uint32_t) X(A, int16, INT16, int16_t, uint32_t)    \
  X(A, int32, INT32, int32_t, uint32_t) X(A, int64, INT64, int64_t, uint64_t)
#define NUMC__UINTS(X, A)                                                           \
  X(A, uint8, UINT8, uint8_t, uint32_t) X(A, uint16, UINT16, uint16_t, uint32_t)    \
  X(A, uint32, UINT32, uint32_t, uint32_t) X(A, uint64, UINT64, uint64_t, uint64_t)
/* X(A, name, ENUM, T, R): T the C type, R its real part's type. float16 uses float32. */
#define NUMC__FLOATS(X, A) X(A, float32, FLOAT32, float, float) X(A, float64, FLOAT64, double, double)
#define NUMC__COMPLEXES(X, A) \
  X(A, complex64, COMPLEX64, numc__c64, float) X(A, complex128, COMPLEX128, numc__c128, double)

/* Row entry for a loops table: [NUMC_INT8] = numc_add_int8_cpu, */
#define NUMC__ROW(op, name, E, T, W) [NUMC_##E] = numc_##op##_##name##_cpu,

/* Unary loop: `x` is the input element (type TI); EXPR gives the output (type TO). */
#define NUMC__LOOP1(op, name, TI, TO, EXPR)                                              \
  static void numc_##op##_##name##_cpu(char **args, const int64_t *steps, int64_t n,     \
                                       const void *ctx_) {                               \
    (void)ctx_;                                                                           \
    const char *a = args[0];                                                              \
    char *o = args[1];                                                                    \
    int64_t sa = steps[0], so = steps[1];                                                 \
    if (sa == (int64_t)sizeof(TI) && so == (int64_t)sizeof(TO)) {                         \
      const TI *pa = (const TI *)a;                                                       \
      TO *po = (TO *)o;                                                                   \
      for (int64_t i = 0; i < n; i++) {                                                   \
        TI x = pa[i];                                                                     \
        (void)x;                                                                          \
        po[i] = (EXPR);                                                                   \
      }                                                                                   \
    } else {                                                                              \
      for (int64_t i = 0; i < n; i++, a += sa, o += so) {                                 \
        TI x = *(const TI *)a;                                                            \
        (void)x;                                                                          \
        *(TO *)o = (EXPR);                                                                \
      }                                                                                   \
    }                                                                                     \
  }

/* Binary loop: `x`, `y` are the inputs (type TI). A broadcast scalar operand (step 0)
 * gets its own vectorisable case: array + scalar is the commonest broadcast. */
#define NUMC__LOOP2(op, name, TI, TO, EXPR)                                              \
  static void numc_##op##_##name##_cpu(char **args, const int64_t *steps, int64_t n,     \
                                       const void *ctx_) {                               \
    (void)ctx_;                                                                           \
    const char *a = args[0], *b = args[1];                                                \
    char *o = args[2];                                                                    \
    int64_t sa = steps[0], sb = steps[1], so = steps[2];                                  \
    const int64_t z = (int64_t)sizeof(TI);                                                \
    if (so == (int64_t)sizeof(TO) && sa == z && sb == z) {                                \
      const TI *pa = (const TI *)a, *pb = (const TI *)b;                                  \
      TO *po = (TO *)o;                                                                   \
      for (int64_t i = 0; i < n; i++) {                                                   \
        TI x = pa[i], y = pb[i];                                                          \
        po[i] = (EXPR);                                                                   \
      }                                                                                   \
    } else if (so == (int64_t)sizeof(TO) && sa == z && sb == 0) {                         \
      const TI *pa = (const TI *)a;                                                       \
      const TI y = *(const TI *)b;                                                        \
      TO *po = (TO *)o;                                                                   \
      for (int64_t i = 0; i < n; i++) {                                                   \
        TI x = pa[i];                                                                     \
        po[i] = (EXPR);                                                                   \
      }                                                                                   \
    } else if (so == (int64_t)sizeof(TO) && sa == 0 && sb == z) {                         \
      const TI x = *(const TI *)a;                                                        \
      const TI *pb = (const TI *)b;                                                       \
      TO *po = (TO *)o;                                                                   \
      for (int64_t i = 0; i < n; i++) {                                                   \
        TI y = pb[i];                                                                     \
        po[i] = (EXPR);                                                                   \
      }                                                                                   \
    } else {                                                                              \
      for (int64_t i = 0; i < n; i++, a += sa, b += sb, o += so) {                        \
        TI x = *(const TI *)a, y = *(const TI *)b;                                        \
        *(TO *)o = (EXPR);                                                                \
      }                                                                                   \
    }                                                                                     \
  }

/* A loop that may fail (integer power): `ctx_` is a numc__loop_ctx. */
#define NUMC__LOOP_FAIL(status) atomic_store(&((numc__loop_ctx *)ctx_)->error, (int)(status))

#endif
