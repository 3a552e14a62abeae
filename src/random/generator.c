/* numpy.random.default_rng: a Generator over PCG64 seeded through SeedSequence. */
#include <stdlib.h>

#include "random/generator.h"
#include "shape/shape.h"

static numc_status new_generator(const uint32_t *entropy, int n, numc_generator **out) {
  if (!out) return numc__fail(NUMC_EINVAL, "output pointer is NULL");
  numc_generator *g = malloc(sizeof *g);
  if (!g) return numc__oom();
  numc__pcg64_seed(&g->bits, entropy, n);
  *out = g;
  return NUMC_OK;
}

numc_status numc_default_rng(uint64_t seed, numc_generator **out) {
  uint32_t words[2];
  int n = numc__seed_words(seed, words);
  return new_generator(words, n, out);
}

/* NumPy seeds default_rng(None) with 128 bits of OS entropy (SeedSequence(None)). */
numc_status numc_default_rng_from_entropy(numc_generator **out) {
  uint32_t words[4];
  numc__os_entropy(words);
  return new_generator(words, 4, out);
}

void numc_generator_free(numc_generator *g) { free(g); }

numc_status numc__random_output(const numc_generator *g, const int64_t *shape, int ndim,
                                numc_dtype t, numc_array **out) {
  if (!g) return numc__fail(NUMC_EINVAL, "generator is NULL");
  NUMC__TRY(numc__check_out(out));
  return numc__new(t, ndim, shape, NUMC_ORDER_C, false, out);
}

numc_status numc__random_floats(numc_generator *g, const int64_t *shape, int ndim, numc_dtype t,
                                const char *what, double (*f64)(numc__pcg64 *),
                                float (*f32)(numc__pcg64 *), numc_array **out) {
  if (t != NUMC_FLOAT64 && t != NUMC_FLOAT32)
    return numc__fail(NUMC_EDTYPE, "Unsupported dtype dtype('%s') for %s",
                      numc_dtype_name(t) ? numc_dtype_name(t) : "?", what);
  NUMC__TRY(numc__random_output(g, shape, ndim, t, out));
  int64_t n = numc_size(*out);
  if (t == NUMC_FLOAT64) {
    double *p = (double *)numc__host_data(*out);
    for (int64_t i = 0; i < n; i++) p[i] = f64(&g->bits);
  } else {
    float *p = (float *)numc__host_data(*out);
    for (int64_t i = 0; i < n; i++) p[i] = f32(&g->bits);
  }
  return NUMC_OK;
}
