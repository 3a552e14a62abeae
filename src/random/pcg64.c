/* PCG64 seeding as NumPy does it (numpy/random/_pcg64.pyx, pcg64.h: pcg64_set_seed and
 * PCG's setseq srandom). */
#include "random/bitgen.h"

void numc__pcg64_seed(numc__pcg64 *g, const uint32_t *entropy, int n_entropy) {
  /* generate_state(4, uint64) is generate_state(8, uint32) read as little-endian uint64
   * pairs: the first uint32 of each pair is the low half. */
  uint32_t w[8];
  numc__seed_sequence_generate(entropy, n_entropy, w, 8);
  uint64_t s[4];
  for (int i = 0; i < 4; i++) s[i] = (uint64_t)w[2 * i] | (uint64_t)w[2 * i + 1] << 32;
  numc__u128 initstate = (numc__u128)s[0] << 64 | s[1];
  numc__u128 initseq = (numc__u128)s[2] << 64 | s[3];
  g->state = 0;
  g->inc = initseq << 1 | 1; /* the stream: any odd increment */
  numc__pcg64_next64(g);
  g->state += initstate;
  numc__pcg64_next64(g);
  g->has_uint32 = false;
  g->uinteger = 0;
}
