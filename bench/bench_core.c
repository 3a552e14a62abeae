/* Times numc's core operations; bench/core.py runs it beside NumPy and prints ratios.
 * Output: one line per case, "name seconds" (best of several runs). */
#define _POSIX_C_SOURCE 200809L
#include "bench.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Best wall time of `reps` runs of the statement, which produces `r` (freed each time). */
#define TIME(name, reps, stmt)                                        \
  do {                                                                \
    double best = 1e30;                                               \
    for (int rep_ = 0; rep_ < (reps); rep_++) {                       \
      numc_array *r = NULL;                                           \
      double t0 = now();                                              \
      stmt;                                                           \
      double t1 = now();                                              \
      numc_free(r);                                                   \
      if (t1 - t0 < best) best = t1 - t0;                             \
    }                                                                 \
    printf("%s %.9f\n", name, best);                                  \
    fflush(stdout);                                                   \
  } while (0)

static numc_array *uniform_f32(int64_t n, double lo, double hi) {
  numc_array *a = NULL;
  CHECK(numc_empty(&n, 1, NUMC_FLOAT32, NUMC_ORDER_C, &a));
  float *p = numc_data(a);
  uint64_t s = 88172645463325252ull;
  for (int64_t i = 0; i < n; i++) {
    s ^= s << 13, s ^= s >> 7, s ^= s << 17;
    p[i] = (float)(lo + (hi - lo) * (double)(s >> 11) / 9007199254740992.0);
  }
  return a;
}

int main(int argc, char **argv) {
  const char *tmpdir = argc > 1 ? argv[1] : "/tmp";
  for (int k = 6; k <= 7; k++) {
    int64_t n = k == 6 ? 1000000 : 10000000;
    int reps = k == 6 ? 50 : 10;
    numc_array *a = uniform_f32(n, -3, 3), *b = uniform_f32(n, -3, 3);
    char name[64];
    snprintf(name, sizeof name, "add_1e%d", k);
    TIME(name, reps, CHECK(numc_add(a, b, &r)));
    snprintf(name, sizeof name, "multiply_1e%d", k);
    TIME(name, reps, CHECK(numc_multiply(a, b, &r)));
    snprintf(name, sizeof name, "exp_1e%d", k);
    TIME(name, reps, CHECK(numc_exp(a, &r)));
    snprintf(name, sizeof name, "sin_1e%d", k);
    TIME(name, reps, CHECK(numc_sin(a, &r)));
    if (k == 7) {
      TIME("sum_1e7", reps, CHECK(numc_sum(a, NULL, false, &r)));
      TIME("mean_1e7", reps, CHECK(numc_mean(a, NULL, false, &r)));
      TIME("argmax_1e7", reps, CHECK(numc_argmax(a, NULL, false, &r)));
    }
    numc_free(a);
    numc_free(b);
  }
  numc_array *m = uniform_f32(4096 * 4096, -1, 1), *m2 = NULL;
  CHECK(numc_reshape(m, (int64_t[]){4096, 4096}, 2, NUMC_ORDER_C, &m2));
  TIME("sum_axis0_4096x4096", 10, CHECK(numc_sum(m2, NUMC_AXES(0), false, &r)));
  TIME("sum_axis1_4096x4096", 10, CHECK(numc_sum(m2, NUMC_AXES(1), false, &r)));
  numc_free(m2);
  numc_free(m);

  /* .npy of 256 MiB: save, then load what was saved. */
  char path[512];
  snprintf(path, sizeof path, "%s/numc_bench_256mib.npy", tmpdir);
  numc_array *big = uniform_f32(64 << 20, -1, 1);
  /* Saving to a new file, and over an existing one: numc replaces files atomically
   * (write a temporary, then rename), NumPy truncates and rewrites in place. */
  TIME("npy_save_256MiB_new_file", 3, remove(path); t0 = now(); CHECK(numc_save(path, big)));
  TIME("npy_save_256MiB_overwrite", 3, CHECK(numc_save(path, big)));
  TIME("npy_load_256MiB", 3, CHECK(numc_load(path, &r)));
  remove(path);
  numc_free(big);
  return 0;
}
