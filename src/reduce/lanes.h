/* The extreme of a contiguous run, vectorised through GCC/Clang's vector extension.
 *
 * A plain C loop of conditional updates (m = v < m ? v : m) does not vectorise without
 * -ffast-math: the compiler may not reorder comparisons that NaN makes order-dependent.
 * Explicit 16-byte lanes (four of them, for instruction-level parallelism) state the independence; the compiler lowers them to the
 * target's registers (SSE on baseline x86-64; wider vectors are split
 * into scalar code by GCC without AVX, so 16 bytes it is). NaN is tracked apart from
 * the comparisons, which skip it, so callers can apply either NaN rule.
 *
 * NUMC__EXTREME(fn, T, kind) defines, for kind min or max,
 *   static T fn(const T *p, int64_t n, T start, bool *nan)
 * returning the extreme of start and the non-NaN p[i], and setting *nan when some p[i]
 * may be NaN. */
#ifndef NUMC_REDUCE_LANES_H
#define NUMC_REDUCE_LANES_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define NUMC__LANE_BYTES 16

/* m[j] = v OP m[j] ? v : m[j], lane by lane. On x86, MINPS/MAXPS (and the PD forms)
 * compute exactly that, NaN included, in one instruction instead of a compare and three
 * bit operations. */
typedef float numc__v4sf __attribute__((vector_size(16)));
typedef double numc__v2df __attribute__((vector_size(16)));
#if defined(__SSE2__)
#define NUMC__PICK(kind, vec, mask, v, m)                                                  \
  _Generic((v), numc__v4sf: (vec)__builtin_ia32_##kind##ps((numc__v4sf)(v), (numc__v4sf)(m)), \
           numc__v2df: (vec)__builtin_ia32_##kind##pd((numc__v2df)(v), (numc__v2df)(m)),  \
           default: NUMC__SELECT(kind, vec, mask, v, m))
#else
#define NUMC__PICK(kind, vec, mask, v, m) NUMC__SELECT(kind, vec, mask, v, m)
#endif
#define NUMC__OP_min <
#define NUMC__OP_max >
#define NUMC__OP(kind) NUMC__OP_EXPANDED(kind)
#define NUMC__OP_EXPANDED(kind) NUMC__OP_##kind
#define NUMC__SELECT(kind, vec, mask, v, m) \
  ((vec)(((mask)(v) & ((v) NUMC__OP(kind) (m))) | ((mask)(m) & ~((v) NUMC__OP(kind) (m)))))

/* NaN detection: floating lanes add up their elements, which gives NaN if one of them is
 * NaN (or, harmlessly, for opposite infinities: callers then take the exact path);
 * integers have no NaN. */
#define NUMC__NAN_SUM(s, v) _Generic((v), numc__v4sf: (s) + (v), numc__v2df: (s) + (v), default: (s))

#define NUMC__EXTREME(fn, T, kind)                                                        \
  static T fn(const T *p, int64_t n, T start, bool *nan) {                                \
    typedef T vec __attribute__((vector_size(NUMC__LANE_BYTES)));                         \
    typedef __typeof__((vec){0} < (vec){0}) mask;                                         \
    const int64_t w = (int64_t)(NUMC__LANE_BYTES / sizeof(T));                            \
    vec first = {0};                                                                      \
    for (int64_t k = 0; k < w; k++) first[k] = start;                                     \
    vec m[4] = {first, first, first, first};                                              \
    vec sum[4] = {{0}};                                                                   \
    int64_t i = 0;                                                                        \
    for (; i + 4 * w <= n; i += 4 * w)                                                    \
      for (int j = 0; j < 4; j++) {                                                       \
        vec v;                                                                            \
        memcpy(&v, p + i + j * w, sizeof v);                                              \
        m[j] = NUMC__PICK(kind, vec, mask, v, m[j]);                                      \
        sum[j] = NUMC__NAN_SUM(sum[j], v); /* one chain per lane: add latency */          \
      }                                                                                   \
    T e = start;                                                                          \
    bool b = false;                                                                       \
    for (int j = 0; j < 4; j++)                                                           \
      for (int64_t k = 0; k < w; k++) {                                                   \
        if (m[j][k] NUMC__OP(kind) e) e = m[j][k];                                          \
        b |= sum[j][k] != sum[j][k];                                                      \
      }                                                                                   \
    for (; i < n; i++) {                                                                  \
      if (p[i] NUMC__OP(kind) e) e = p[i];                                                  \
      b |= p[i] != p[i];                                                                  \
    }                                                                                     \
    *nan = b;                                                                             \
    return e;                                                                             \
  }

#endif
