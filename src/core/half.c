/* IEEE 754 binary16 conversions (NumPy's float16 storage). Arithmetic on float16 happens
 * in float32 and is rounded back here, as NumPy does. */
#include <math.h>

#include "core.h"

float numc__half_to_float(uint16_t h) {
  uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
  uint32_t exp = (h >> 10) & 0x1fu, mant = h & 0x3ffu, bits;
  if (exp == 0x1f) {
    bits = sign | 0x7f800000u | (mant << 13); /* inf or NaN (payload kept) */
  } else if (exp != 0) {
    bits = sign | ((exp + 112) << 23) | (mant << 13);
  } else if (mant == 0) {
    bits = sign;
  } else { /* subnormal half: normalise */
    int e = -1;
    do {
      e++;
      mant <<= 1;
    } while (!(mant & 0x400u));
    bits = sign | ((uint32_t)(112 - e) << 23) | ((mant & 0x3ffu) << 13);
  }
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

/* Round a double to binary16 directly (not through float, which could round twice). */
uint16_t numc__double_to_half(double d) {
  uint64_t bits;
  memcpy(&bits, &d, sizeof bits);
  uint16_t sign = (uint16_t)((bits >> 48) & 0x8000u);
  int exp = (int)((bits >> 52) & 0x7ffu);
  uint64_t mant = bits & 0xfffffffffffffull;
  if (exp == 0x7ff) return (uint16_t)(sign | 0x7c00u | (mant ? 0x200u : 0)); /* inf / NaN */
  int e = exp - 1023 + 15; /* biased half exponent */
  if (e >= 0x1f) return (uint16_t)(sign | 0x7c00u); /* overflow to infinity */
  uint64_t m = mant | (exp ? (1ull << 52) : 0); /* 53-bit significand */
  int shift;                                    /* bits to drop to get the half's significand */
  uint16_t he;
  if (e <= 0) { /* subnormal half (or underflow to zero) */
    shift = 42 + 1 - e;
    he = 0;
    if (shift > 63) return sign;
  } else {
    shift = 42;
    he = (uint16_t)e;
  }
  uint64_t q = m >> shift, rem = m & ((1ull << shift) - 1), half = 1ull << (shift - 1);
  if (rem > half || (rem == half && (q & 1))) q++; /* round half to even */
  /* q includes the implicit bit for normals; carrying into it bumps the exponent, which
   * the addition below does naturally. */
  uint16_t r = he ? (uint16_t)(((uint16_t)(he - 1) << 10) + q) : (uint16_t)q;
  return (uint16_t)(sign | r);
}

uint16_t numc__float_to_half(float f) { return numc__double_to_half((double)f); }
