/* NumPy's SeedSequence (numpy/random/bit_generator.pyx): entropy words are hashed into a
 * pool of 4 uint32 words, mixed so that every word affects every other, and the pool is
 * hashed again to produce any number of state words. All arithmetic is mod 2^32. */
#include "random/bitgen.h"

#define POOL_SIZE 4
#define INIT_A 0x43b0d7e5u
#define MULT_A 0x931e8875u
#define INIT_B 0x8b51f9ddu
#define MULT_B 0x58f38dedu
#define MIX_MULT_L 0xca01f9ddu
#define MIX_MULT_R 0x4973f715u
#define XSHIFT 16

static uint32_t hashmix(uint32_t value, uint32_t *hash_const) {
  value ^= *hash_const;
  *hash_const *= MULT_A;
  value *= *hash_const;
  return value ^ (value >> XSHIFT);
}

static uint32_t mix(uint32_t x, uint32_t y) {
  uint32_t r = MIX_MULT_L * x - MIX_MULT_R * y;
  return r ^ (r >> XSHIFT);
}

static void fill_pool(const uint32_t *entropy, int n, uint32_t pool[POOL_SIZE]) {
  uint32_t hash_const = INIT_A;
  for (int i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < n ? entropy[i] : 0, &hash_const);
  for (int src = 0; src < POOL_SIZE; src++)
    for (int dst = 0; dst < POOL_SIZE; dst++)
      if (src != dst) pool[dst] = mix(pool[dst], hashmix(pool[src], &hash_const));
  for (int src = POOL_SIZE; src < n; src++) /* entropy beyond the pool's size */
    for (int dst = 0; dst < POOL_SIZE; dst++)
      pool[dst] = mix(pool[dst], hashmix(entropy[src], &hash_const));
}

void numc__seed_sequence_generate(const uint32_t *entropy, int n_entropy, uint32_t *out,
                                  int n_out) {
  uint32_t pool[POOL_SIZE];
  fill_pool(entropy, n_entropy, pool);
  uint32_t hash_const = INIT_B;
  for (int i = 0; i < n_out; i++) {
    uint32_t v = pool[i % POOL_SIZE] ^ hash_const;
    hash_const *= MULT_B;
    v *= hash_const;
    out[i] = v ^ (v >> XSHIFT);
  }
}

int numc__seed_words(uint64_t seed, uint32_t words[2]) {
  words[0] = (uint32_t)seed;
  words[1] = (uint32_t)(seed >> 32);
  return words[1] ? 2 : 1;
}
