/* The bit generator behind numc's numpy.random: NumPy's SeedSequence and PCG64, so that
 * a generator seeded with s draws the same bits as numpy.random.default_rng(s).
 *
 * All of numc's targets (gcc and clang on x86-64 and arm64, Emscripten's clang for
 * wasm32) have unsigned __int128, which is PCG64's natural state type; there is no
 * two-word fallback to keep in step. */
#ifndef NUMC_RANDOM_BITGEN_H
#define NUMC_RANDOM_BITGEN_H

#include <stdbool.h>
#include <stdint.h>

#ifndef __SIZEOF_INT128__
#error "numc's PCG64 needs unsigned __int128 (gcc, clang, Emscripten)"
#endif

typedef unsigned __int128 numc__u128;

/* NumPy's SeedSequence(entropy).generate_state(n_out, uint32) for an entropy given as
 * uint32 words, least significant first (a Python int's _int_to_uint32_array: 0 is
 * one word 0). No spawn key. */
void numc__seed_sequence_generate(const uint32_t *entropy, int n_entropy, uint32_t *out, int n_out);
/* The entropy words of a non-negative integer seed, as NumPy splits a Python int. */
int numc__seed_words(uint64_t seed, uint32_t words[2]);

/* PCG64 (128-bit LCG, XSL-RR output) with NumPy's buffer of one uint32: next_uint32
 * hands out the low half of a 64-bit draw and keeps the high half for the next call. */
typedef struct numc__pcg64 {
  numc__u128 state, inc;
  bool has_uint32;
  uint32_t uinteger;
} numc__pcg64;

/* Seed as NumPy's PCG64(SeedSequence(entropy)) does: 4 uint64 words from the sequence
 * give the initial state (words 0, 1) and the stream (words 2, 3). */
void numc__pcg64_seed(numc__pcg64 *g, const uint32_t *entropy, int n_entropy);

#define NUMC__PCG64_MULT \
  (((numc__u128)UINT64_C(2549297995355413924) << 64) | UINT64_C(4865540595714422341))

static inline uint64_t numc__pcg64_next64(numc__pcg64 *g) {
  g->state = g->state * NUMC__PCG64_MULT + g->inc;
  uint64_t folded = (uint64_t)(g->state >> 64) ^ (uint64_t)g->state;
  unsigned rot = (unsigned)(g->state >> 122);
  return (folded >> rot) | (folded << ((64 - rot) & 63));
}

static inline uint32_t numc__pcg64_next32(numc__pcg64 *g) {
  if (g->has_uint32) {
    g->has_uint32 = false;
    return g->uinteger;
  }
  uint64_t v = numc__pcg64_next64(g);
  g->has_uint32 = true;
  g->uinteger = (uint32_t)(v >> 32);
  return (uint32_t)v;
}

/* Uniform on [0, 1): 53 random bits, as NumPy's next_double. */
static inline double numc__next_double(numc__pcg64 *g) {
  return (double)(numc__pcg64_next64(g) >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform on [0, 1) in float32: 24 random bits of a uint32, as NumPy's next_float. */
static inline float numc__next_float(numc__pcg64 *g) {
  return (float)(numc__pcg64_next32(g) >> 8) * (1.0f / 16777216.0f);
}

#endif
