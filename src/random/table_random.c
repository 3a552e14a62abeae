/* Function-table entries of numpy.random (see table/table.h).
 *
 * Each call seeds a fresh generator, so that one call is one NumPy expression:
 * `numc op random.normal --seed=3 --size=5` equals np.random.default_rng(3).normal(size=5).
 * seed=None (the default) seeds from the operating system's entropy, like
 * default_rng(None): give a seed for reproducible values. size=None gives one value, in
 * a 0-d array (NumPy returns it as a scalar). */
#include <errno.h>
#include <stdlib.h>

#include "random/generator.h"
#include "table/table.h"

/* A seed is a Python int in [0, 2^64); the option is text because the table's INT type
 * stops at 2^63 - 1. */
static numc_status parse_seed(const char *text, uint64_t *seed) {
  if (text[0] == '-') return numc__fail(NUMC_EVALUE, "expected non-negative integer");
  char *end;
  errno = 0;
  unsigned long long v = strtoull(text, &end, 10);
  if (text[0] < '0' || text[0] > '9' || *end || errno)
    return numc__fail(NUMC_EINVAL, "seed must be an integer in [0, 2**64) or None, not '%s'", text);
  *seed = v;
  return NUMC_OK;
}

static numc_status open_generator(const numc__call *c, numc_generator **g) {
  const numc__value *v = numc__opt(c, "seed");
  if (v->is_none) return numc_default_rng_from_entropy(g);
  uint64_t seed = 0;
  NUMC__TRY(parse_seed(v->str, &seed));
  return numc_default_rng(seed, g);
}

/* The size option as shape and ndim; None is a 0-d result. */
#define SIZE(c) numc__opt(c, "size")->ints, numc__opt(c, "size")->n

/* The Generator method of an entry (its tag). */
enum random_method { RANDOM, UNIFORM, INTEGERS, STANDARD_NORMAL, NORMAL };

static numc_status run(numc__call *c, numc_generator *g) {
  numc_array **out = &c->out[0];
  switch ((enum random_method)c->fn->tag) {
  case RANDOM: return numc_random_random(g, SIZE(c), numc__opt(c, "dtype")->dtype, out);
  case UNIFORM:
    return numc_random_uniform(g, numc__opt_float(c, "low"), numc__opt_float(c, "high"), SIZE(c),
                               out);
  case INTEGERS: {
    /* integers(n) is integers(0, n), as NumPy reads high=None. */
    int64_t low = numc__opt_int(c, "low"), high = numc__opt_int(c, "high");
    if (numc__opt_none(c, "high")) high = low, low = 0;
    return numc_random_integers(g, low, high, numc__opt_bool(c, "endpoint"), SIZE(c),
                                numc__opt(c, "dtype")->dtype, out);
  }
  case STANDARD_NORMAL:
    return numc_random_standard_normal(g, SIZE(c), numc__opt(c, "dtype")->dtype, out);
  case NORMAL:
  default:
    return numc_random_normal(g, numc__opt_float(c, "loc"), numc__opt_float(c, "scale"), SIZE(c),
                              out);
  }
}

static numc_status call_random_method(numc__call *c) {
  numc_generator *g = NULL;
  NUMC__TRY(open_generator(c, &g));
  numc_status s = run(c, g);
  numc_generator_free(g);
  return s;
}

#define SIZE_P NUMC__PN("size", INTS, "None", "the output shape; None: one value (0-d)")
#define SEED_P \
  NUMC__PN("seed", TEXT, "None", "default_rng(seed): an int in [0, 2**64); None: OS entropy")

static const numc_param p_random[] = {SIZE_P, NUMC__P("dtype", DTYPE, "float64", "float64|float32"),
                                      SEED_P};
static const numc_param p_uniform[] = {NUMC__P("low", FLOAT, "0.0", ""),
                                       NUMC__P("high", FLOAT, "1.0", ""), SIZE_P, SEED_P};
static const numc_param p_integers[] = {
    NUMC__P("low", INT, NULL, ""),
    NUMC__PN("high", INT, "None", "None: [0, low)"),
    SIZE_P,
    NUMC__P("dtype", DTYPE, "int64", "int64|int32|uint64|uint32"),
    NUMC__P("endpoint", BOOL, "false", "true: high is included"),
    SEED_P};
static const numc_param p_standard_normal[] = {
    SIZE_P, NUMC__P("dtype", DTYPE, "float64", "float64|float32"), SEED_P};
static const numc_param p_normal[] = {NUMC__P("loc", FLOAT, "0.0", ""),
                                      NUMC__P("scale", FLOAT, "1.0", ""), SIZE_P, SEED_P};

/* NUMC__FUNC with `tag` selecting the method in run(). */
#define RANDOM_FUNC(name, summary, params, tag)                                           \
  {                                                                                       \
    {name, summary, "", 0, 0, 1, params, (int)(sizeof params / sizeof params[0]), false}, \
        call_random_method, tag, false                                                    \
  }

const numc__func numc__table_random[] = {
    RANDOM_FUNC("random.random", "default_rng(seed).random: uniform floats in [0, 1)", p_random,
                RANDOM),
    RANDOM_FUNC("random.uniform", "default_rng(seed).uniform: uniform floats in [low, high)",
                p_uniform, UNIFORM),
    RANDOM_FUNC("random.integers", "default_rng(seed).integers: uniform integers in [low, high)",
                p_integers, INTEGERS),
    RANDOM_FUNC("random.standard_normal", "default_rng(seed).standard_normal: N(0, 1)",
                p_standard_normal, STANDARD_NORMAL),
    RANDOM_FUNC("random.normal", "default_rng(seed).normal: N(loc, scale**2)", p_normal, NORMAL),
    NUMC__TABLE_END,
};
