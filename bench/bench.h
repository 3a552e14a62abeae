/* What the benchmark programs share: a monotonic clock, a check that stops the program
 * with numc's message, and the GPU benchmarks' first line. */
#ifndef NUMC_BENCH_H
#define NUMC_BENCH_H

#include <numc.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

#define CHECK(expr)                                                 \
  do {                                                              \
    if ((expr) != NUMC_OK) {                                        \
      fprintf(stderr, "bench: %s: %s\n", #expr, numc_last_error()); \
      exit(1);                                                      \
    }                                                               \
  } while (0)

/* The GPU benchmarks: stop (status 1) without a GPU, else print the adapter line that
 * heads their tables. */
static inline void bench_print_adapter(void) {
  if (!numc_gpu_available()) {
    fprintf(stderr, "bench: no GPU: %s\n", numc_last_error());
    exit(1);
  }
  numc_gpu_properties p;
  CHECK(numc_gpu_info(&p));
  printf("# adapter %s (%s, %s), init %.0f ms\n", p.name, p.backend, p.adapter_type, p.init_ms);
}

#endif
