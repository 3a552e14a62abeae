/* Seed entropy for numpy.random.default_rng(None). */
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h> /* getentropy: the library builds with _GNU_SOURCE */

#include "random/generator.h"

/* Without getentropy (it fails only where no entropy source exists) the seed comes from
 * the clock and the addresses of a stack and a static object (ASLR): unpredictable
 * enough for simulations, not for secrets, which numpy.random never promises. */
static void fallback_entropy(uint32_t words[4]) {
  struct timespec ts;
  timespec_get(&ts, TIME_UTC);
  static int anchor;
  uintptr_t here = (uintptr_t)&ts, there = (uintptr_t)&anchor;
  words[0] = (uint32_t)ts.tv_nsec;
  words[1] = (uint32_t)ts.tv_sec;
  words[2] = (uint32_t)here ^ (uint32_t)((uint64_t)there >> 32);
  words[3] = (uint32_t)there ^ (uint32_t)((uint64_t)here >> 32);
}

void numc__os_entropy(uint32_t words[4]) {
  if (getentropy(words, 4 * sizeof words[0]) != 0) fallback_entropy(words);
}
