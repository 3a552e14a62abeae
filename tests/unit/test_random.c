/* numpy.random: bad input gets a status and a message, nothing leaks or is written;
 * one generator continues its stream across calls as a NumPy Generator does. (Values
 * themselves are checked against NumPy by tests/oracle/cases_random.py.) */
#include "core/core.h"
#include "values.h"

#define SHP(...) (int64_t[]){__VA_ARGS__}, N_OF_(int64_t, __VA_ARGS__)

TEST(bad_input) {
  numc_generator *g = NULL;
  CHECK_OK(numc_default_rng(0, &g));
  numc_array *a = NULL;
  CHECK_ERROR(numc_random_random(g, SHP(2, -1), NUMC_FLOAT64, &a), NUMC_EVALUE,
              "negative dimensions are not allowed");
  CHECK_ERROR(numc_random_standard_normal(g, SHP(-3), NUMC_FLOAT32, &a), NUMC_EVALUE,
              "negative dimensions are not allowed");
  CHECK_ERROR(numc_random_integers(g, 0, 5, false, SHP(4, -2), NUMC_INT64, &a), NUMC_EVALUE,
              "negative dimensions are not allowed");
  CHECK_ERROR(numc_random_integers(g, 5, 5, false, SHP(3), NUMC_INT64, &a), NUMC_EVALUE,
              "low >= high");
  CHECK_ERROR(numc_random_integers(g, 5, 4, true, SHP(3), NUMC_INT32, &a), NUMC_EVALUE,
              "low > high");
  CHECK_ERROR(numc_random_integers(g, 0, INT64_MAX, true, SHP(3), NUMC_INT32, &a), NUMC_EVALUE,
              "high is out of bounds for int32");
  CHECK_ERROR(numc_random_integers(g, -1, 3, false, SHP(3), NUMC_UINT64, &a), NUMC_EVALUE,
              "low is out of bounds for uint64");
  CHECK_ERROR(numc_random_uniform(g, 2.0, 1.0, SHP(3), &a), NUMC_EVALUE, "high - low < 0");
  CHECK_ERROR(numc_random_uniform(g, -1e308, 1e308, SHP(3), &a), NUMC_EVALUE,
              "range exceeds valid bounds");
  CHECK_ERROR(numc_random_normal(g, 0.0, -1.0, SHP(3), &a), NUMC_EVALUE, "scale < 0");
  CHECK_ERROR(numc_random_random(g, SHP(3), NUMC_INT32, &a), NUMC_EDTYPE, "for random");
  CHECK_ERROR(numc_random_standard_normal(g, SHP(3), NUMC_COMPLEX64, &a), NUMC_EDTYPE,
              "for standard_normal");
  CHECK_ERROR(numc_random_integers(g, 0, 3, false, SHP(3), NUMC_FLOAT64, &a), NUMC_EDTYPE,
              "integers: dtype float64 is not supported");
  CHECK_STATUS(numc_random_random(g, SHP(3), (numc_dtype)99, &a), NUMC_EDTYPE);
  CHECK_STATUS(numc_random_random(NULL, SHP(3), NUMC_FLOAT64, &a), NUMC_EINVAL);
  CHECK_STATUS(numc_random_random(g, SHP(3), NUMC_FLOAT64, NULL), NUMC_EINVAL);
  CHECK_STATUS(numc_default_rng(1, NULL), NUMC_EINVAL);
  CHECK(a == NULL);
  /* an interval of one value (rng == 0) draws nothing */
  CHECK_OK(numc_random_integers(g, 7, 7, true, SHP(3), NUMC_INT32, &a));
  CHECK_VALUES(a, 7, 7, 7);
  numc_free(a);
  numc_generator_free(g);
  numc_generator_free(NULL);
}

/* The table's bad options: a seed that is no integer in [0, 2^64). */
TEST(bad_table_options) {
  numc_array *out[1] = {NULL};
  int nout = 0;
  CHECK_ERROR(numc_call("random.normal", NULL, 0, (const char *[]){"seed=-1"}, 1, out, 1, &nout),
              NUMC_EVALUE, "expected non-negative integer");
  CHECK_ERROR(numc_call("random.normal", NULL, 0, (const char *[]){"seed=18446744073709551616"}, 1,
                        out, 1, &nout),
              NUMC_EINVAL, "seed must be an integer");
  CHECK_ERROR(numc_call("random.random", NULL, 0, (const char *[]){"seed=1.5"}, 1, out, 1, &nout),
              NUMC_EINVAL, "seed must be an integer");
  CHECK(out[0] == NULL);
}

static bool same_bytes(const numc_array *a, const void *b, size_t n) {
  return numc_nbytes(a) == n && memcmp(numc_data(a), b, n) == 0;
}

/* Two calls on one generator draw what one call of both sizes draws, including the
 * uint32 that PCG64 buffers between calls (an odd count of 32-bit draws). */
TEST(stream_continues) {
  numc_generator *g = NULL, *h = NULL;
  CHECK_OK(numc_default_rng(42, &g));
  CHECK_OK(numc_default_rng(42, &h));
  numc_array *a = NULL, *b = NULL, *ab = NULL;
  CHECK_OK(numc_random_random(g, SHP(3), NUMC_FLOAT32, &a));
  CHECK_OK(numc_random_random(g, SHP(4), NUMC_FLOAT32, &b));
  CHECK_OK(numc_random_random(h, SHP(7), NUMC_FLOAT32, &ab));
  const char *both = numc_data(ab);
  CHECK(same_bytes(a, both, 12) && same_bytes(b, both + 12, 16));
  numc_free(a), numc_free(b), numc_free(ab);
  a = b = ab = NULL;
  CHECK_OK(numc_random_normal(g, 1.0, 2.0, SHP(5), &a));
  CHECK_OK(numc_random_normal(g, 1.0, 2.0, NULL, 0, &b));
  CHECK_OK(numc_random_normal(h, 1.0, 2.0, SHP(6), &ab));
  both = numc_data(ab);
  CHECK(same_bytes(a, both, 40) && same_bytes(b, both + 40, 8));
  CHECK_EQ_INT(numc_ndim(b), 0);
  numc_free(a), numc_free(b), numc_free(ab);
  numc_generator_free(g);
  numc_generator_free(h);
}

/* The table seeds a fresh generator per call: seed=3 is numc_default_rng(3). */
TEST(table_seed) {
  numc_array *out[1] = {NULL}, *direct = NULL;
  int nout = 0;
  CHECK_OK(numc_call("random.integers", NULL, 0,
                     (const char *[]){"seed=3", "low=-7", "high=1000", "size=2,5", "dtype=int32"},
                     5, out, 1, &nout));
  numc_generator *g = NULL;
  CHECK_OK(numc_default_rng(3, &g));
  CHECK_OK(numc_random_integers(g, -7, 1000, false, SHP(2, 5), NUMC_INT32, &direct));
  CHECK_SHAPE(out[0], 2, 5);
  CHECK(same_bytes(out[0], numc_data(direct), 40));
  numc_free(out[0]), numc_free(direct);
  numc_generator_free(g);
}

/* default_rng(None): two generators from OS entropy draw different streams. */
TEST(entropy_seeds_differ) {
  numc_generator *g = NULL, *h = NULL;
  CHECK_OK(numc_default_rng_from_entropy(&g));
  CHECK_OK(numc_default_rng_from_entropy(&h));
  numc_array *a = NULL, *b = NULL;
  CHECK_OK(numc_random_integers(g, INT64_MIN, INT64_MAX, true, SHP(2), NUMC_INT64, &a));
  CHECK_OK(numc_random_integers(h, INT64_MIN, INT64_MAX, true, SHP(2), NUMC_INT64, &b));
  CHECK(!same_bytes(a, numc_data(b), 16));
  numc_free(a), numc_free(b);
  numc_generator_free(g);
  numc_generator_free(h);
}

TESTS(CASE(bad_input), CASE(bad_table_options), CASE(stream_continues), CASE(table_seed),
      CASE(entropy_seeds_differ))
