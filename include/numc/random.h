/* numc/random.h: numpy.random's Generator over PCG64, bit for bit.
 * Included by numc.h. Ownership: see numc/base.h (every `**out` is the caller's).
 *
 * A generator made by numc_default_rng(seed) draws exactly the numbers of
 * numpy.random.default_rng(seed), and successive calls continue its stream as the
 * methods of one NumPy Generator do:
 *
 *     numc_generator *g = NULL;
 *     numc_array *a = NULL, *b = NULL;
 *     numc_default_rng(3, &g);
 *     numc_random_normal(g, 0.0, 1.0, (int64_t[]){5}, 1, &a);   // rng.normal(size=5)
 *     numc_random_integers(g, 0, 10, false, (int64_t[]){2, 2}, 2, NUMC_INT64, &b);
 *     numc_generator_free(g);
 *
 * `shape`/`ndim` are NumPy's `size` (ndim 0: one value in a 0-d array, where NumPy's
 * size=None returns a Python scalar of the same value). A generator is not thread-safe:
 * use one per thread. */
#ifndef NUMC_RANDOM_H
#define NUMC_RANDOM_H

#include "numc/base.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct numc_generator numc_generator;

/** numpy.random.default_rng(seed) for an integer seed in [0, 2^64). */
NUMC_API numc_status numc_default_rng(uint64_t seed, numc_generator **out);
/** numpy.random.default_rng(None): seeded from the operating system's entropy
 * (getentropy; the clock and address-space noise where there is none, as in the
 * browser), so its numbers differ from run to run. */
NUMC_API numc_status numc_default_rng_from_entropy(numc_generator **out);
/** Release a generator. NULL is allowed. */
NUMC_API void numc_generator_free(numc_generator *g);

/** Generator.random(size, dtype): uniform on [0, 1); dtype float64 or float32. */
NUMC_API numc_status numc_random_random(numc_generator *g, const int64_t *shape, int ndim,
                                        numc_dtype t, numc_array **out);
/** Generator.uniform(low, high, size): low + (high - low) * random(), float64.
 * NUMC_EVALUE when high - low is not finite (NumPy's OverflowError). */
NUMC_API numc_status numc_random_uniform(numc_generator *g, double low, double high,
                                         const int64_t *shape, int ndim, numc_array **out);
/** Generator.integers(low, high, size, dtype, endpoint): integers in [low, high), or
 * [low, high] with endpoint; dtype int64, int32, uint64 or uint32. NUMC_EVALUE when the
 * interval is empty or a bound is out of the dtype's range. */
NUMC_API numc_status numc_random_integers(numc_generator *g, int64_t low, int64_t high,
                                          bool endpoint, const int64_t *shape, int ndim,
                                          numc_dtype t, numc_array **out);
/** Generator.standard_normal(size, dtype): NumPy's ziggurat; dtype float64 or float32. */
NUMC_API numc_status numc_random_standard_normal(numc_generator *g, const int64_t *shape, int ndim,
                                                 numc_dtype t, numc_array **out);
/** Generator.normal(loc, scale, size): loc + scale * standard_normal(), float64.
 * NUMC_EVALUE when scale < 0. */
NUMC_API numc_status numc_random_normal(numc_generator *g, double loc, double scale,
                                        const int64_t *shape, int ndim, numc_array **out);

#ifdef __cplusplus
}
#endif
#endif
