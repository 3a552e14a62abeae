/* The fast real GEMM (numc__sgemm, numc__dgemm): the GotoBLAS/BLIS loop nest around the
 * micro-kernel chosen at run time (gemm_kernels.h).
 *
 *   jc (NC columns of C)  pack a KC x NC panel of B into NR-column slivers
 *    pc (KC of k)
 *     ic (MC rows)        pack an MC x KC block of A into MR-row slivers
 *      jr (NR), ir (MR)   micro-kernel on one MR x NR tile
 *
 * Tiers: tiny products go to the reference loop (any call overhead would dominate);
 * small ones to the kernel family's direct kernel when it has one and the operands' unit
 * strides suit it (packing costs more than it saves there); the rest run this nest. Both
 * run on one thread or, when large, on the pool, in one of two ways:
 *
 *   rectangles  C is cut into a grid of rectangles, one per thread, each running the
 *               whole nest with its own packing memory. The grid is chosen to minimise
 *               packing done twice (a thread packs the A rows and B columns of its own
 *               rectangle); one fork-join per product and no barriers. For the direct
 *               kernel, medium products and a C too short to split by rows.
 *   team        the large products: as in BLIS, the threads pack each KC x NC panel of B
 *               together into shared memory, meet at a barrier, and split the ic loop
 *               (rows of C), each packing its own A blocks. Nothing is packed twice.
 *
 * Either way every element of C is computed by one thread, from the same packed
 * slivers and in the same order as on one thread (splits fall on micro-tile edges, and
 * the k blocks never depend on the thread count): results are the same bits on any
 * number of threads.
 *
 * The kernels vectorise along the rows of C, so a C with unit column stride (row-major)
 * is computed as C^T = B^T A^T: the same product with the operands' roles swapped. */
#include "linalg/gemm.h"

#include "core/threads.h"
#include "linalg/gemm_internal.h"
#include "linalg/gemm_kernels.h"

/* Up to this many multiply-adds the reference loop wins: measured on Zen 5, it beats the
 * AVX-512 direct kernel up to 4x4x4 (and packing up to about 6x6x6). */
#define TINY_MNK (4 * 4 * 4)
/* Up to this many multiply-adds the direct (unpacked) kernel beats packing: on Zen 5,
 * one thread, 220 against 190 GFLOP/s (f32) at 256^3, and more below. */
#define DIRECT_MNK (256 * 256 * 256)
/* Below this many multiply-adds one thread is as fast as two: a fork-join of the pool
 * costs 10-20 us (condition-variable wake-up, measured on the 2-core machine), about what
 * a 128^3 product takes on one core; at 160^3 two threads start to pay. */
#define PARALLEL_MNK (160 * 160 * 160)
/* From this many multiply-adds on, threads share packed B panels as a team (one barrier
 * per panel) rather than each computing a rectangle of C with its own packing (which
 * packs A, or B, once per thread). On the 2-core Zen 5 (f32, two threads, the other
 * core loaded) the team was 0-9% faster at 1024^3 and 2048^3, level at 768^3 (also
 * f64) and 3-7% slower at 512^3, where a panel phase takes ~0.2 ms and waiting at the
 * barriers weighs more than the packing saved. */
#define TEAM_MNK (768 * 768 * 768)

static _Atomic bool direct_allowed = true;

void numc__gemm_allow_direct(bool allow) { direct_allowed = allow; }

typedef struct {
  const numc__gemm_ukernel *uk;
  const numc__gemm_elem_ops *ops;
  int64_t m, n, k;
  const char *a, *b; /* bytes; strides below in elements */
  char *c;
  int64_t rsa, csa, rsb, csb, rsc, csc;
  const void *alpha, *beta;
  bool direct;        /* the family's direct kernel instead of the loop nest */
  int grid_m, grid_n; /* the thread grid: rectangle t is row t / grid_n, column t % grid_n */
  char *team_work;    /* a team's packing memory: two B panels, then one A block per member */
  _Atomic numc_status status;
} problem;

static int64_t round_up(int64_t x, int64_t to) { return (x + to - 1) / to * to; }
static int64_t min64(int64_t x, int64_t y) { return x < y ? x : y; }

/* Boundary `part` of `parts` over `len`, on multiples of `unit` (micro-tile edges). */
static int64_t split(int64_t len, int64_t unit, int part, int parts) {
  int64_t units = (len + unit - 1) / unit;
  return min64(len, units * part / parts * unit);
}

/* The micro-tiles of one packed A block (mc x kc) times one packed B panel (kc x nc),
 * written to C at c (already offset to the block's first element). */
static void macro_kernel(const problem *pb, int64_t mc, int64_t nc, int64_t kc, const char *apack,
                         const char *bpack, char *c, const void *beta) {
  const numc__gemm_ukernel *uk = pb->uk;
  size_t esz = pb->ops->esz;
  _Alignas(64) char tile[32 * 16 * sizeof(double)]; /* edge tiles; >= MR*NR*esz of every kernel */
  for (int64_t jr = 0; jr < nc; jr += uk->nr) {
    int nr = (int)min64(uk->nr, nc - jr);
    const char *bs = bpack + (size_t)(jr * kc) * esz;
    for (int64_t ir = 0; ir < mc; ir += uk->mr) {
      int mr = (int)min64(uk->mr, mc - ir);
      const char *as = apack + (size_t)(ir * kc) * esz;
      char *ct = c + (ir * pb->rsc + jr * pb->csc) * (int64_t)esz;
      if (mr == uk->mr && nr == uk->nr && pb->rsc == 1) {
        uk->ukr(kc, as, bs, ct, pb->csc, pb->alpha, beta);
      } else {
        uk->ukr(kc, as, bs, tile, uk->mr, pb->alpha, pb->ops->zero);
        pb->ops->merge(ct, pb->rsc, pb->csc, tile, uk->mr, mr, nr, beta);
      }
    }
  }
}

/* Rows [ic, ic + mc) of C times one packed B panel (k block [pc, pc + kc), columns
 * [jc, jc + nc)), packing that MC x KC block of A into apack first. */
static void row_block(const problem *pb, int64_t ic, int64_t mc, int64_t jc, int64_t nc,
                      int64_t pc, int64_t kc, char *apack, const char *bpack) {
  int64_t esz = (int64_t)pb->ops->esz;
  const void *beta = pc == 0 ? pb->beta : pb->ops->one; /* later k blocks accumulate */
  pb->uk->pack(apack, pb->a + (ic * pb->rsa + pc * pb->csa) * esz, mc, kc, pb->rsa, pb->csa,
               pb->uk->mr);
  macro_kernel(pb, mc, nc, kc, apack, bpack, pb->c + (ic * pb->rsc + jc * pb->csc) * esz, beta);
}

/* The height of the row blocks that cut `rows` into equal ones (on multiples of MR) no
 * higher than MC: equal rather than MC and a remainder, as a thin last block would stream
 * the whole B panel for a few rows. */
static int64_t block_height(const problem *pb, int64_t rows) {
  int64_t blocks = (rows + pb->uk->mc - 1) / pb->uk->mc;
  return round_up((rows + blocks - 1) / blocks, pb->uk->mr);
}

/* Slivers [s0, s1) (NR columns each) of the B panel at k block [pc, pc + kc), columns
 * [jc, jc + nc), into their places in bpack. */
static void pack_slivers(const problem *pb, char *bpack, int64_t jc, int64_t nc, int64_t pc,
                         int64_t kc, int64_t s0, int64_t s1) {
  const numc__gemm_ukernel *uk = pb->uk;
  int64_t esz = (int64_t)pb->ops->esz, j0 = s0 * uk->nr, j1 = min64(nc, s1 * uk->nr);
  if (j0 < j1)
    uk->pack(bpack + j0 * kc * esz, pb->b + (pc * pb->rsb + (jc + j0) * pb->csb) * esz, j1 - j0,
             kc, pb->csb, pb->rsb, uk->nr);
}

/* Bytes of one packed A block and of one packed B panel for rows of length m and columns
 * of length n, multiples of 64 so that blocks laid end to end stay aligned. */
static size_t block_bytes(const problem *pb, int64_t m) {
  const numc__gemm_ukernel *uk = pb->uk;
  return (size_t)round_up(round_up(min64(uk->mc, m), uk->mr) * min64(uk->kc, pb->k) *
                              (int64_t)pb->ops->esz, 64);
}
static size_t panel_bytes(const problem *pb, int64_t n) {
  const numc__gemm_ukernel *uk = pb->uk;
  return (size_t)round_up(round_up(min64(uk->nc, n), uk->nr) * min64(uk->kc, pb->k) *
                              (int64_t)pb->ops->esz, 64);
}

/* The whole loop nest on rows [m0, m1) and columns [n0, n1) of C, on this thread. */
static numc_status blocked(const problem *pb, int64_t m0, int64_t m1, int64_t n0, int64_t n1) {
  const numc__gemm_ukernel *uk = pb->uk;
  size_t a_bytes = block_bytes(pb, m1 - m0);
  char *apack = numc__scratch(NUMC__SCRATCH_GEMM, a_bytes + panel_bytes(pb, n1 - n0));
  if (!apack) return NUMC_ENOMEM;
  char *bpack = apack + a_bytes;
  int64_t height = block_height(pb, m1 - m0);
  for (int64_t jc = n0; jc < n1; jc += uk->nc) {
    int64_t nc = min64(uk->nc, n1 - jc);
    for (int64_t pc = 0; pc < pb->k; pc += uk->kc) {
      int64_t kc = min64(uk->kc, pb->k - pc);
      pack_slivers(pb, bpack, jc, nc, pc, kc, 0, (nc + uk->nr - 1) / uk->nr);
      for (int64_t ic = m0; ic < m1; ic += height)
        row_block(pb, ic, min64(height, m1 - ic), jc, nc, pc, kc, apack, bpack);
    }
  }
  return NUMC_OK;
}

/* One member of a team running the loop nest on all of C: per B panel, the members pack
 * a share of its slivers each, meet at the barrier, then each multiplies the whole panel
 * into its own rows of C, packing its own A blocks. Two panels alternate, so one barrier
 * per panel suffices: a member packing the next panel while others still compute
 * overwrites the panel before, which all finished before passing the last barrier. */
static void team_member(void *ctx, int rank, int size) {
  const problem *pb = ctx;
  const numc__gemm_ukernel *uk = pb->uk;
  size_t b_bytes = panel_bytes(pb, pb->n);
  char *apack = pb->team_work + 2 * b_bytes + (size_t)rank * block_bytes(pb, pb->m);
  int64_t m0 = split(pb->m, uk->mr, rank, size), m1 = split(pb->m, uk->mr, rank + 1, size);
  int64_t height = block_height(pb, m1 - m0);
  int panel = 0;
  for (int64_t jc = 0; jc < pb->n; jc += uk->nc) {
    int64_t nc = min64(uk->nc, pb->n - jc), slivers = (nc + uk->nr - 1) / uk->nr;
    for (int64_t pc = 0; pc < pb->k; pc += uk->kc, panel ^= 1) {
      int64_t kc = min64(uk->kc, pb->k - pc);
      char *bpack = pb->team_work + (size_t)panel * b_bytes;
      pack_slivers(pb, bpack, jc, nc, pc, kc, slivers * rank / size,
                   slivers * (rank + 1) / size);
      numc__team_barrier();
      for (int64_t ic = m0; ic < m1; ic += height)
        row_block(pb, ic, min64(height, m1 - ic), jc, nc, pc, kc, apack, bpack);
    }
  }
}

/* Rows [m0, m1) and columns [n0, n1) of C, on this thread. */
static numc_status rectangle(const problem *pb, int64_t m0, int64_t m1, int64_t n0, int64_t n1) {
  if (!pb->direct) return blocked(pb, m0, m1, n0, n1);
  int64_t esz = (int64_t)pb->ops->esz;
  pb->uk->direct(m1 - m0, n1 - n0, pb->k, pb->alpha, pb->a + m0 * esz, pb->csa,
                 pb->b + n0 * pb->csb * esz, pb->rsb, pb->csb, pb->beta,
                 pb->c + (m0 + n0 * pb->csc) * esz, pb->csc);
  return NUMC_OK;
}

static void run_rectangles(void *ctx, int64_t begin, int64_t end, int thread) {
  problem *pb = ctx;
  for (int64_t t = begin; t < end; t++) {
    int tm = (int)(t / pb->grid_n), tn = (int)(t % pb->grid_n);
    int64_t m0 = split(pb->m, pb->uk->mr, tm, pb->grid_m),
            m1 = split(pb->m, pb->uk->mr, tm + 1, pb->grid_m);
    int64_t n0 = split(pb->n, pb->uk->nr, tn, pb->grid_n),
            n1 = split(pb->n, pb->uk->nr, tn + 1, pb->grid_n);
    if (m0 < m1 && n0 < n1) {
      numc_status s = rectangle(pb, m0, m1, n0, n1);
      if (s != NUMC_OK) pb->status = s;
    }
  }
}

/* Thread grid grid_m x grid_n = threads minimising the packing done twice: every one of
 * the grid_n column strips packs all of A's rows it meets (m*k each), every row strip
 * all of B's columns (n*k each). */
static void choose_grid(problem *pb, int threads) {
  int best_m = 1;
  for (int gm = 1; gm <= threads; gm++)
    if (threads % gm == 0 && pb->m * (threads / gm) + pb->n * gm <
                                 pb->m * (threads / best_m) + pb->n * best_m)
      best_m = gm;
  pb->grid_m = best_m;
  pb->grid_n = threads / best_m;
}

static numc_status gemm(problem *pb) {
  if (pb->m == 0 || pb->n == 0) return NUMC_OK;
  if (pb->k == 0) {
    pb->ops->scale(pb->c, pb->m, pb->n, pb->rsc, pb->csc, pb->beta);
    return NUMC_OK;
  }
  if (pb->rsc != 1 && pb->csc == 1) { /* C^T = B^T A^T: puts C's unit stride along MR */
    int64_t t;
    const char *ab = pb->a;
    pb->a = pb->b, pb->b = ab;
    t = pb->m, pb->m = pb->n, pb->n = t;
    t = pb->rsa, pb->rsa = pb->csb, pb->csb = t;
    t = pb->csa, pb->csa = pb->rsb, pb->rsb = t;
    t = pb->rsc, pb->rsc = pb->csc, pb->csc = t;
  }
  double work = (double)pb->m * (double)pb->n * (double)pb->k;
  pb->direct = pb->uk->direct && direct_allowed && work <= DIRECT_MNK && pb->rsa == 1 &&
               pb->rsc == 1;
  int threads = work < PARALLEL_MNK ? 1 : numc_get_num_threads();
  if (threads == 1) return rectangle(pb, 0, pb->m, 0, pb->n);
  if (!pb->direct && work >= TEAM_MNK && pb->m >= (int64_t)threads * pb->uk->mr) {
    pb->team_work = numc__scratch(NUMC__SCRATCH_GEMM, 2 * panel_bytes(pb, pb->n) +
                                                          (size_t)threads * block_bytes(pb, pb->m));
    if (!pb->team_work) return NUMC_ENOMEM;
    numc__parallel_team(threads, team_member, pb);
    return NUMC_OK;
  }
  choose_grid(pb, threads);
  pb->status = NUMC_OK;
  numc__parallel_for(threads, 1, run_rectangles, pb);
  return pb->status;
}

/* The problem's OOM becomes the caller's error message here, on the calling thread. */
static numc_status run(problem *pb) {
  numc_status s = gemm(pb);
  return s == NUMC_ENOMEM ? numc__oom() : s;
}

static bool tiny(int64_t m, int64_t n, int64_t k) {
  return (double)m * (double)n * (double)k <= TINY_MNK;
}

numc_status numc__sgemm(int64_t m, int64_t n, int64_t k, float alpha, const float *a, int64_t rsa,
                        int64_t csa, const float *b, int64_t rsb, int64_t csb, float beta, float *c,
                        int64_t rsc, int64_t csc) {
  if (tiny(m, n, k))
    return numc__gemm_ref_f32(m, n, k, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc);
  return run(&(problem){.uk = &numc__gemm_family_current()->f32, .ops = &numc__gemm_ops_f32,
                        .m = m, .n = n, .k = k, .a = (const char *)a, .b = (const char *)b,
                        .c = (char *)c, .rsa = rsa, .csa = csa, .rsb = rsb, .csb = csb,
                        .rsc = rsc, .csc = csc, .alpha = &alpha, .beta = &beta});
}

numc_status numc__dgemm(int64_t m, int64_t n, int64_t k, double alpha, const double *a,
                        int64_t rsa, int64_t csa, const double *b, int64_t rsb, int64_t csb,
                        double beta, double *c, int64_t rsc, int64_t csc) {
  if (tiny(m, n, k))
    return numc__gemm_ref_f64(m, n, k, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc);
  return run(&(problem){.uk = &numc__gemm_family_current()->f64, .ops = &numc__gemm_ops_f64,
                        .m = m, .n = n, .k = k, .a = (const char *)a, .b = (const char *)b,
                        .c = (char *)c, .rsa = rsa, .csa = csa, .rsb = rsb, .csb = csb,
                        .rsc = rsc, .csc = csc, .alpha = &alpha, .beta = &beta});
}
