/* Generator.random and Generator.uniform: NumPy's next_double / next_float per element. */
#include <math.h>

#include "random/generator.h"

numc_status numc_random_random(numc_generator *g, const int64_t *shape, int ndim, numc_dtype t,
                               numc_array **out) {
  return numc__random_floats(g, shape, ndim, t, "random", numc__next_double, numc__next_float, out);
}

numc_status numc_random_uniform(numc_generator *g, double low, double high, const int64_t *shape,
                                int ndim, numc_array **out) {
  double range = high - low;
  if (!isfinite(range)) return numc__fail(NUMC_EVALUE, "high - low range exceeds valid bounds");
  /* NumPy's non-negative constraint tests the sign bit: -0.0 is refused too. */
  if (signbit(range)) return numc__fail(NUMC_EVALUE, "high - low < 0");
  NUMC__TRY(numc__random_output(g, shape, ndim, NUMC_FLOAT64, out));
  numc_array *y = *out;
  int64_t n = numc_size(y);
  double *p = (double *)numc__host_data(y);
  for (int64_t i = 0; i < n; i++) p[i] = low + range * numc__next_double(&g->bits);
  return NUMC_OK;
}
