/* Times numc's matrix product; bench/linalg.py runs it beside NumPy and prints GFLOP/s and
 * ratios.
 *
 * usage: bench_gemm f32|f64 M N K [BATCH]
 * Times numc_matmul(A, B, out=C) for C-contiguous A (M x K), B (K x N), C (M x N), or
 * stacks of BATCH of them (default 1: plain matrices), and prints "seconds": the best of
 * several runs (at least 5 and at least ~0.3 s in all). Float32 and float64 products go
 * through the fast GEMM (src/linalg/gemm.h). */
#define _POSIX_C_SOURCE 200809L
#include "bench.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void check(numc_status s, const char *what) {
  if (s != NUMC_OK) {
    fprintf(stderr, "bench_gemm: %s: %s\n", what, numc_last_error());
    exit(1);
  }
}

/* A (batch x) rows x cols array of uniform values in [-0.5, 0.5). */
static numc_array *uniform(numc_dtype t, int64_t batch, int64_t rows, int64_t cols) {
  int64_t shape[3] = {batch, rows, cols};
  int nd = batch > 1 ? 3 : 2;
  numc_array *x = NULL;
  check(numc_empty(shape + 3 - nd, nd, t, NUMC_ORDER_C, &x), "numc_empty");
  uint64_t s = 88172645463325252ull;
  size_t n = (size_t)(batch * rows * cols);
  for (size_t i = 0; i < n; i++) {
    s ^= s << 13, s ^= s >> 7, s ^= s << 17;
    double v = (double)(s >> 11) / 9007199254740992.0 - 0.5;
    if (t == NUMC_FLOAT64) ((double *)numc_data(x))[i] = v;
    else ((float *)numc_data(x))[i] = (float)v;
  }
  return x;
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: bench_gemm f32|f64 M N K [BATCH]\n");
    return 2;
  }
  numc_dtype t = strcmp(argv[1], "f64") == 0 ? NUMC_FLOAT64 : NUMC_FLOAT32;
  int64_t m = atoll(argv[2]), n = atoll(argv[3]), k = atoll(argv[4]);
  int64_t batch = argc > 5 ? atoll(argv[5]) : 1;
  numc_array *a = uniform(t, batch, m, k), *b = uniform(t, batch, k, n),
             *c = uniform(t, batch, m, n);
  double best = 1e30, total = 0;
  for (int rep = 0; rep < 5 || (total < 0.3 && rep < 10000); rep++) {
    double t0 = now();
    check(numc_matmul(a, b, &c), "numc_matmul");
    double dt = now() - t0;
    total += dt;
    if (dt < best) best = dt;
  }
  printf("%.9f\n", best);
  numc_free(a);
  numc_free(b);
  numc_free(c);
  return 0;
}
