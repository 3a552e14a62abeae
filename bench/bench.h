/* What the benchmark programs share: a monotonic clock and a check that stops the
 * program with numc's message. */
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

#endif
