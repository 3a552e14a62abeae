/* NumPy's pairwise summation (numpy/_core/src/umath/loops_utils.h.src): below a few
 * elements a plain loop, up to a block of 128 scalars eight interleaved accumulators,
 * above that the two halves (cut at a multiple of 8 scalars) summed recursively. The
 * rounding error grows with log(n) instead of n, and on a contiguous run the result is
 * NumPy's bit for bit. Complex sums interleave real and imaginary parts, so they run four
 * complex accumulators over blocks of 64 elements.
 *
 * NUMC__PAIRWISE(fn, T, R, TERM) and NUMC__PAIRWISE_COMPLEX(...) define
 *   static R fn(const char *x, int64_t n, int64_t step, const void *aux)
 * summing TERM(v, aux) over the elements v (type T) at x, x + step, ... in type R. */
#ifndef NUMC_REDUCE_PAIRWISE_H
#define NUMC_REDUCE_PAIRWISE_H

#include <stdint.h>

/* W accumulators; runs shorter than W are summed plainly, runs up to BLOCK elements by
 * the accumulators; SPLIT(n) is where longer runs are halved. */
#define NUMC__PAIRWISE_GEN(fn, T, R, TERM, W, BLOCK, SPLIT, COMBINE)                     \
  static inline R fn##_block(const char *x, int64_t n, int64_t step, const void *aux) {  \
    R r[W];                                                                              \
    for (int k = 0; k < W; k++) r[k] = TERM(*(const T *)(x + k * step), aux);             \
    int64_t i = W;                                                                       \
    for (; i < n - n % W; i += W)                                                        \
      for (int k = 0; k < W; k++) r[k] += TERM(*(const T *)(x + (i + k) * step), aux);    \
    R res = COMBINE(r);                                                                  \
    for (; i < n; i++) res += TERM(*(const T *)(x + i * step), aux);                      \
    return res;                                                                          \
  }                                                                                      \
  static R fn(const char *x, int64_t n, int64_t step, const void *aux) {                 \
    if (n < W) {                                                                         \
      R res = 0;                                                                         \
      for (int64_t i = 0; i < n; i++) res += TERM(*(const T *)(x + i * step), aux);       \
      return res;                                                                        \
    }                                                                                    \
    if (n <= BLOCK) /* the contiguous case spelled out so that it vectorises */          \
      return step == (int64_t)sizeof(T) ? fn##_block(x, n, (int64_t)sizeof(T), aux)     \
                                        : fn##_block(x, n, step, aux);                   \
    int64_t n2 = SPLIT(n);                                                               \
    return fn(x, n2, step, aux) + fn(x + n2 * step, n - n2, step, aux);                   \
  }

#define NUMC__PW_SPLIT8(n) ((n) / 2 - (n) / 2 % 8)
#define NUMC__PW_COMBINE8(r) (((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7])))
/* Complex: NumPy counts scalars, two per element. */
#define NUMC__PW_SPLIT_C(n) (((n) - (n) % 8) / 2)
#define NUMC__PW_COMBINE4(r) ((r[0] + r[1]) + (r[2] + r[3]))

#define NUMC__PAIRWISE(fn, T, R, TERM) \
  NUMC__PAIRWISE_GEN(fn, T, R, TERM, 8, 128, NUMC__PW_SPLIT8, NUMC__PW_COMBINE8)
#define NUMC__PAIRWISE_COMPLEX(fn, T, R, TERM) \
  NUMC__PAIRWISE_GEN(fn, T, R, TERM, 4, 64, NUMC__PW_SPLIT_C, NUMC__PW_COMBINE4)

#endif
