/* Times numc's decompositions; bench/decomp.py runs it beside NumPy (LAPACK). Output:
 * "name_n seconds" per case, the best of a few runs, float64. */
#define _POSIX_C_SOURCE 200809L
#include "bench.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Best of `reps` runs of stmt, which produces r1 (and maybe r2, r3), freed each time. */
#define TIME(name, n, reps, stmt)                                     \
  do {                                                                \
    double best = 1e30;                                               \
    for (int rep_ = 0; rep_ < (reps); rep_++) {                       \
      numc_array *r1 = NULL, *r2 = NULL, *r3 = NULL;                  \
      double t0 = now();                                              \
      stmt;                                                           \
      double t = now() - t0;                                          \
      numc_free(r1), numc_free(r2), numc_free(r3);                    \
      if (t < best) best = t;                                         \
    }                                                                 \
    printf("%s_%lld %.6f\n", name, (long long)(n), best);            \
    fflush(stdout);                                                   \
  } while (0)

/* A well-conditioned random matrix: uniform entries plus n on the diagonal. */
static numc_array *test_matrix(int64_t n, bool symmetric) {
  numc_array *a = NULL;
  int64_t shape[2] = {n, n};
  CHECK(numc_empty(shape, 2, NUMC_FLOAT64, NUMC_ORDER_C, &a));
  double *p = numc_data(a);
  uint64_t s = 0x9E3779B97F4A7C15ull + (uint64_t)n;
  for (int64_t i = 0; i < n * n; i++) {
    s ^= s << 13, s ^= s >> 7, s ^= s << 17;
    p[i] = (double)(s >> 11) / 9007199254740992.0 - 0.5;
  }
  for (int64_t i = 0; i < n; i++) {
    p[i * n + i] += (double)n;
    if (symmetric)
      for (int64_t j = 0; j < i; j++) p[j * n + i] = p[i * n + j];
  }
  return a;
}

int main(void) {
  const int64_t sizes[] = {256, 1024};
  for (int k = 0; k < 2; k++) {
    int64_t n = sizes[k];
    int reps = n <= 256 ? 5 : 2;
    numc_array *a = test_matrix(n, false), *s = test_matrix(n, true), *b = test_matrix(n, false);
    TIME("inv", n, reps, CHECK(numc_linalg_inv(a, &r1)));
    TIME("solve", n, reps, CHECK(numc_linalg_solve(a, b, &r1)));
    TIME("svd", n, reps, CHECK(numc_linalg_svd(a, true, true, false, &r1, &r2, &r3)));
    TIME("eigh", n, reps, CHECK(numc_linalg_eigh(s, "L", &r1, &r2)));
    numc_free(a);
    numc_free(s);
    numc_free(b);
  }
  return 0;
}
