/* The generator object and what every numpy.random method shares. */
#ifndef NUMC_RANDOM_GENERATOR_H
#define NUMC_RANDOM_GENERATOR_H

#include "core/core.h"
#include "random/bitgen.h"

struct numc_generator {
  numc__pcg64 bits;
};

/* Check the generator and the output slot, and allocate the C-ordered result of a
 * method into *out: `shape` is NumPy's `size`. Methods check their parameters first, so
 * that once this succeeded only the filling remains, which cannot fail. */
numc_status numc__random_output(const numc_generator *g, const int64_t *shape, int ndim,
                                numc_dtype t, numc_array **out);

/* A method that draws one float64 or float32 per element (random, standard_normal):
 * checks the dtype (NumPy's message names `what`), allocates *out and fills it in C order
 * with f64 or f32. */
numc_status numc__random_floats(numc_generator *g, const int64_t *shape, int ndim, numc_dtype t,
                                const char *what, double (*f64)(numc__pcg64 *),
                                float (*f32)(numc__pcg64 *), numc_array **out);

/* Fill 128 bits of seed entropy from the operating system (never fails: without an
 * entropy source it falls back to the clock and addresses). */
void numc__os_entropy(uint32_t words[4]);

#endif
