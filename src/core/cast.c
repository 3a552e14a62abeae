/* Casting loops between every pair of dtypes, and scalar load/store.
 *
 * Rules (NumPy's, on x86-64): complex -> real keeps the real part; anything -> bool is
 * "!= 0" (NaN is true); float -> integer truncates toward zero, and values that do not
 * fit (and NaN) give what the x86 conversion instructions give (INT64_MIN, then wrapped
 * to the target width) instead of C's undefined behaviour. */
#include <math.h>

#include "core.h"

static inline int64_t f2i64(double x) {
  /* 2^63 bounds: anything outside [-2^63, 2^63) and NaN map to INT64_MIN (cvttsd2si). */
  if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0)) return INT64_MIN;
  return (int64_t)x;
}

static inline uint64_t f2u64(double x) {
  if (x >= 0 && x < 18446744073709551616.0) return (uint64_t)x;
  return (uint64_t)f2i64(x);
}

/* Conversions from a loaded value (any arithmetic or complex type) to each storage type.
 * Integers wrap, as NumPy's unsafe casts do (through uint64 to avoid UB). */
#define NUMC__REAL_PART(x) \
  _Generic((x), numc__c64: (double)crealf((numc__c64)(x)), numc__c128: creal((numc__c128)(x)), default: (x))
#define NUMC__TO_SINT(T, x)                                                            \
  _Generic((x), float: (T)f2i64((double)(x)), double: (T)f2i64((double)(x)),          \
           numc__c64: (T)f2i64(NUMC__REAL_PART(x)), numc__c128: (T)f2i64(NUMC__REAL_PART(x)), \
           default: (T)(uint64_t)(x))
#define NUMC__TO_UINT(T, x)                                                            \
  _Generic((x), float: (T)f2u64((double)(x)), double: (T)f2u64((double)(x)),          \
           numc__c64: (T)f2u64(NUMC__REAL_PART(x)), numc__c128: (T)f2u64(NUMC__REAL_PART(x)), \
           default: (T)(x))

#define TO_bool_(x) ((bool)(x))
#define TO_int8(x) NUMC__TO_SINT(int8_t, x)
#define TO_int16(x) NUMC__TO_SINT(int16_t, x)
#define TO_int32(x) NUMC__TO_SINT(int32_t, x)
#define TO_int64(x) NUMC__TO_SINT(int64_t, x)
#define TO_uint8(x) NUMC__TO_UINT(uint8_t, x)
#define TO_uint16(x) NUMC__TO_UINT(uint16_t, x)
#define TO_uint32(x) NUMC__TO_UINT(uint32_t, x)
#define TO_uint64(x) NUMC__TO_UINT(uint64_t, x)
#define TO_float16(x) numc__double_to_half((double)NUMC__REAL_PART(x))
#define TO_float32(x) ((float)(x))
#define TO_float64(x) ((double)(x))
#define TO_complex64(x) ((numc__c64)(x))
#define TO_complex128(x) ((numc__c128)(x))

#define LOAD_bool_(p) (*(const bool *)(p))
#define LOAD_int8(p) (*(const int8_t *)(p))
#define LOAD_int16(p) (*(const int16_t *)(p))
#define LOAD_int32(p) (*(const int32_t *)(p))
#define LOAD_int64(p) (*(const int64_t *)(p))
#define LOAD_uint8(p) (*(const uint8_t *)(p))
#define LOAD_uint16(p) (*(const uint16_t *)(p))
#define LOAD_uint32(p) (*(const uint32_t *)(p))
#define LOAD_uint64(p) (*(const uint64_t *)(p))
#define LOAD_float16(p) numc__half_to_float(*(const uint16_t *)(p))
#define LOAD_float32(p) (*(const float *)(p))
#define LOAD_float64(p) (*(const double *)(p))
#define LOAD_complex64(p) (*(const numc__c64 *)(p))
#define LOAD_complex128(p) (*(const numc__c128 *)(p))

/* numc__cast_<src>_to_<dst>: one strided loop per pair. Bytes are copied through memcpy
 * semantics by typed loads of aligned storage; numc arrays are always element-aligned. */
#define CAST_DEF(SRC, DE, dst, DT, DC)                                                  \
  static void numc__cast_##SRC##_to_##dst(const char *s, int64_t ss, char *d, int64_t ds, \
                                          int64_t n) {                                  \
    for (int64_t i = 0; i < n; i++, s += ss, d += ds) *(DT *)d = TO_##dst(LOAD_##SRC(s)); \
  }
#define CAST_ROW(SRC) NUMC__TYPES_WITH(CAST_DEF, SRC)
/* NUMC__TYPES with an extra leading argument, for the nested expansion above. */
#define NUMC__TYPES_WITH(X, A)                                                               \
  X(A, BOOL, bool_, bool, bool) X(A, INT8, int8, int8_t, int8_t) X(A, INT16, int16, int16_t, int16_t) \
  X(A, INT32, int32, int32_t, int32_t) X(A, INT64, int64, int64_t, int64_t)                    \
  X(A, UINT8, uint8, uint8_t, uint8_t) X(A, UINT16, uint16, uint16_t, uint16_t)                \
  X(A, UINT32, uint32, uint32_t, uint32_t) X(A, UINT64, uint64, uint64_t, uint64_t)            \
  X(A, FLOAT16, float16, uint16_t, float) X(A, FLOAT32, float32, float, float)                 \
  X(A, FLOAT64, float64, double, double) X(A, COMPLEX64, complex64, numc__c64, numc__c64)      \
  X(A, COMPLEX128, complex128, numc__c128, numc__c128)

#define CAST_ROW_OF(E, name, ST, CT) CAST_ROW(name)
NUMC__TYPES(CAST_ROW_OF)

#define CAST_ENTRY(SRC, DE, dst, DT, DC) [NUMC_##DE] = numc__cast_##SRC##_to_##dst,
#define CAST_TABLE_ROW(E, name, ST, CT) [NUMC_##E] = {NUMC__TYPES_WITH(CAST_ENTRY, name)},
static const numc__cast_fn cast_table[NUMC_NDTYPES][NUMC_NDTYPES] = {NUMC__TYPES(CAST_TABLE_ROW)};

numc__cast_fn numc__cast_loop(numc_dtype from, numc_dtype to) { return cast_table[from][to]; }

/* ----------------------------------------------------------------- scalars */

void numc__scalar_store(numc_scalar s, numc_dtype t, char *p) {
  /* Store through the widest source of the scalar's family. */
  numc_dtype src;
  char tmp[16];
  switch (numc_dtype_kind(s.dtype)) {
  case 'b': src = NUMC_BOOL; memcpy(tmp, &s.v.b, sizeof s.v.b); break;
  case 'i': src = NUMC_INT64; memcpy(tmp, &s.v.i, sizeof s.v.i); break;
  case 'u': src = NUMC_UINT64; memcpy(tmp, &s.v.u, sizeof s.v.u); break;
  case 'f': src = NUMC_FLOAT64; memcpy(tmp, &s.v.f, sizeof s.v.f); break;
  default: src = NUMC_COMPLEX128; memcpy(tmp, s.v.c, sizeof s.v.c); break;
  }
  _Alignas(16) char aligned[16];
  memcpy(aligned, tmp, sizeof aligned);
  _Alignas(16) char outb[16];
  cast_table[src][t](aligned, 0, outb, 0, 1);
  memcpy(p, outb, numc_dtype_size(t));
}

numc_scalar numc__scalar_load(numc_dtype t, const char *p) {
  _Alignas(16) char in[16], outb[16];
  memcpy(in, p, numc_dtype_size(t));
  numc_scalar s = {.dtype = t, .weak = false};
  switch (numc_dtype_kind(t)) {
  case 'b': cast_table[t][NUMC_BOOL](in, 0, outb, 0, 1); memcpy(&s.v.b, outb, sizeof s.v.b); break;
  case 'i': cast_table[t][NUMC_INT64](in, 0, outb, 0, 1); memcpy(&s.v.i, outb, sizeof s.v.i); break;
  case 'u': cast_table[t][NUMC_UINT64](in, 0, outb, 0, 1); memcpy(&s.v.u, outb, sizeof s.v.u); break;
  case 'f': cast_table[t][NUMC_FLOAT64](in, 0, outb, 0, 1); memcpy(&s.v.f, outb, sizeof s.v.f); break;
  default: cast_table[t][NUMC_COMPLEX128](in, 0, outb, 0, 1); memcpy(s.v.c, outb, sizeof s.v.c); break;
  }
  return s;
}
