/* Generator.integers: NumPy's bounded integers (distributions.c, random_bounded_uint64_fill
 * and random_bounded_uint32_fill, Lemire's method, arXiv:1805.10941), which draw an
 * offset in [0, rng] and add it to `off` in unsigned arithmetic (so signed results wrap
 * into place). Ranges that fit 32 bits draw from the buffered uint32 stream (two values
 * per 64-bit draw). */
#include "random/generator.h"

/* Uniform on [0, rng] for rng < 2^32 - 1: the high half of x * (rng + 1), rejecting the
 * low halves that would bias it. */
static uint32_t bounded_uint32(numc__pcg64 *g, uint32_t rng) {
  uint32_t excl = rng + 1;
  uint64_t m = (uint64_t)numc__pcg64_next32(g) * excl;
  if ((uint32_t)m < excl) {
    uint32_t threshold = (UINT32_MAX - rng) % excl;
    while ((uint32_t)m < threshold) m = (uint64_t)numc__pcg64_next32(g) * excl;
  }
  return (uint32_t)(m >> 32);
}

/* The same for 64 bits, 2^32 - 1 < rng < 2^64 - 1. */
static uint64_t bounded_uint64(numc__pcg64 *g, uint64_t rng) {
  uint64_t excl = rng + 1;
  numc__u128 m = (numc__u128)numc__pcg64_next64(g) * excl;
  if ((uint64_t)m < excl) {
    uint64_t threshold = (UINT64_MAX - rng) % excl;
    while ((uint64_t)m < threshold) m = (numc__u128)numc__pcg64_next64(g) * excl;
  }
  return (uint64_t)(m >> 64);
}

/* Offsets in [0, rng] as NumPy draws them for 64-bit dtypes. The full ranges 2^32 - 1
 * and 2^64 - 1 take raw draws (Lemire's method needs rng + 1 to fit). */
static uint64_t draw64(numc__pcg64 *g, uint64_t rng) {
  if (rng == 0) return 0;
  if (rng == UINT32_MAX) return numc__pcg64_next32(g);
  if (rng < UINT32_MAX) return bounded_uint32(g, (uint32_t)rng);
  if (rng == UINT64_MAX) return numc__pcg64_next64(g);
  return bounded_uint64(g, rng);
}

/* The same for 32-bit dtypes. */
static uint32_t draw32(numc__pcg64 *g, uint32_t rng) {
  if (rng == 0) return 0;
  if (rng == UINT32_MAX) return numc__pcg64_next32(g);
  return bounded_uint32(g, rng);
}

/* The dtype's range as signed 128-bit integers. */
static void dtype_bounds(numc_dtype t, __int128 *lo, __int128 *hi) {
  switch (t) {
  case NUMC_INT32: *lo = INT32_MIN, *hi = INT32_MAX; break;
  case NUMC_UINT32: *lo = 0, *hi = UINT32_MAX; break;
  case NUMC_UINT64: *lo = 0, *hi = UINT64_MAX; break;
  default: *lo = INT64_MIN, *hi = INT64_MAX; break;
  }
}

/* NumPy's checks (_bounded_integers.pyx) on the closed interval [low, high]. */
static numc_status check_bounds(__int128 low, __int128 high, bool endpoint, numc_dtype t) {
  __int128 lo, hi;
  dtype_bounds(t, &lo, &hi);
  if (low < lo) return numc__fail(NUMC_EVALUE, "low is out of bounds for %s", numc_dtype_name(t));
  if (high > hi) return numc__fail(NUMC_EVALUE, "high is out of bounds for %s", numc_dtype_name(t));
  if (low > high) { /* NumPy words the one-argument case integers(high) specially */
    if (low == 0) return numc__fail(NUMC_EVALUE, endpoint ? "high < 0" : "high <= 0");
    return numc__fail(NUMC_EVALUE, endpoint ? "low > high" : "low >= high");
  }
  return NUMC_OK;
}

static void fill(numc__pcg64 *g, numc_array *y, uint64_t off, uint64_t rng) {
  int64_t n = numc_size(y);
  char *p = numc__host_data(y);
  if (numc_dtype_size(y->dtype) == 8) {
    uint64_t *q = (uint64_t *)p;
    for (int64_t i = 0; i < n; i++) q[i] = off + draw64(g, rng);
  } else {
    uint32_t *q = (uint32_t *)p;
    for (int64_t i = 0; i < n; i++) q[i] = (uint32_t)off + draw32(g, (uint32_t)rng);
  }
}

numc_status numc_random_integers(numc_generator *g, int64_t low, int64_t high, bool endpoint,
                                 const int64_t *shape, int ndim, numc_dtype t, numc_array **out) {
  if (t != NUMC_INT64 && t != NUMC_INT32 && t != NUMC_UINT64 && t != NUMC_UINT32)
    return numc__fail(NUMC_EDTYPE,
                      "integers: dtype %s is not supported (int64, int32, uint64, uint32)",
                      numc_dtype_name(t) ? numc_dtype_name(t) : "?");
  NUMC__TRY(numc__check_shape(ndim, shape, numc_dtype_size(t)));
  /* NumPy returns an empty array before it looks at the bounds. */
  bool empty = numc__size(ndim, shape) == 0;
  __int128 closed_high = (__int128)high - (endpoint ? 0 : 1);
  if (!empty) NUMC__TRY(check_bounds(low, closed_high, endpoint, t));
  NUMC__TRY(numc__random_output(g, shape, ndim, t, out));
  if (!empty) fill(&g->bits, *out, (uint64_t)low, (uint64_t)(closed_high - low));
  return NUMC_OK;
}
