/* The fast GEMM (linalg/gemm.h) against the reference loops, for every dtype, every
 * kernel family this CPU runs, 1 and 2 threads, many shapes (edges of the micro-tiles and
 * cache blocks), operand layouts (transposed, negative and zero strides, C row-major,
 * column-major or strided) and alpha/beta (beta = 0 over a C full of NaN). */
#define _POSIX_C_SOURCE 200809L
#include <complex.h>
#include <float.h>

#include "linalg/gemm.h"
#include "test.h"

typedef double _Complex cplx;

static uint64_t rng_state = 88172645463325252ull;
static double uniform(void) { /* in [-1, 1) */
  rng_state ^= rng_state << 13, rng_state ^= rng_state >> 7, rng_state ^= rng_state << 17;
  return 2.0 * (double)(rng_state >> 11) / 9007199254740992.0 - 1.0;
}

static size_t esize(numc_dtype t) {
  return t == NUMC_FLOAT32 ? 4 : t == NUMC_FLOAT64 || t == NUMC_COMPLEX64 ? 8 : 16;
}
static double epsilon(numc_dtype t) {
  return t == NUMC_FLOAT32 || t == NUMC_COMPLEX64 ? FLT_EPSILON : DBL_EPSILON;
}

static void put(void *p, numc_dtype t, int64_t i, cplx v) {
  switch (t) {
    case NUMC_FLOAT32: ((float *)p)[i] = (float)creal(v); break;
    case NUMC_FLOAT64: ((double *)p)[i] = creal(v); break;
    case NUMC_COMPLEX64: ((numc__c64 *)p)[i] = (numc__c64)v; break;
    default: ((numc__c128 *)p)[i] = v; break;
  }
}
static cplx get(const void *p, numc_dtype t, int64_t i) {
  switch (t) {
    case NUMC_FLOAT32: return ((const float *)p)[i];
    case NUMC_FLOAT64: return ((const double *)p)[i];
    case NUMC_COMPLEX64: return ((const numc__c64 *)p)[i];
    default: return ((const numc__c128 *)p)[i];
  }
}

/* A strided matrix inside a buffer: element (i, j) at data[off + i*rs + j*cs]. */
typedef struct {
  char *buf;
  int64_t off, rs, cs, rows, cols;
} mat;

typedef enum { ROW_MAJOR, COL_MAJOR, REVERSED, FIRST_ROW_ONLY, STRIDED, NLAYOUTS } layout;
static const char *layout_names[] = {"row", "col", "reversed", "row-stride-0", "strided"};

static mat make(numc_dtype t, int64_t rows, int64_t cols, layout l) {
  mat x = {NULL, 0, cols, 1, rows, cols};
  int64_t n = rows * cols;
  switch (l) {
    case ROW_MAJOR: break;
    case COL_MAJOR: x.rs = 1, x.cs = rows; break;
    case REVERSED: x.off = n ? n - 1 : 0, x.rs = -cols, x.cs = -1; break;
    case FIRST_ROW_ONLY: x.rs = 0; break; /* every row the same: a broadcast view */
    default: x.rs = 3 * cols, x.cs = 2, n *= 3; break; /* neither stride 1 */
  }
  x.buf = calloc((size_t)(n > 0 ? n : 1), esize(t));
  for (int64_t i = 0; i < n; i++)
    put(x.buf, t, i, uniform() + (t >= NUMC_COMPLEX64 ? I * uniform() : 0));
  return x;
}

static cplx at(const mat *x, numc_dtype t, int64_t i, int64_t j) {
  return get(x->buf, t, x->off + i * x->rs + j * x->cs);
}
/* |re| + |im|: an upper bound of the modulus that is cheap enough for O(mnk) bounds. */
static double norm1(cplx v) { return fabs(creal(v)) + fabs(cimag(v)); }

/* Set by the self-test: check() then adds 0.25 to one element of the fast result. */
static bool spoil_fast_result;

typedef numc_status (*gemm_fn)(int64_t, int64_t, int64_t, cplx, const mat *, const mat *, cplx,
                               mat *);

#define WRAP(wrapper, fn, T, cast)                                                              \
  static numc_status wrapper(int64_t m, int64_t n, int64_t k, cplx alpha, const mat *a,         \
                             const mat *b, cplx beta, mat *c) {                                 \
    return fn(m, n, k, (T)cast(alpha), (const T *)a->buf + a->off, a->rs, a->cs,                \
              (const T *)b->buf + b->off, b->rs, b->cs, (T)cast(beta), (T *)c->buf + c->off,    \
              c->rs, c->cs);                                                                    \
  }
#define AS_IS(x) (x)
WRAP(fast_f32, numc__sgemm, float, creal)
WRAP(fast_f64, numc__dgemm, double, creal)
WRAP(fast_c64, numc__cgemm, numc__c64, AS_IS)
WRAP(fast_c128, numc__zgemm, numc__c128, AS_IS)
WRAP(ref_f32, numc__gemm_ref_f32, float, creal)
WRAP(ref_f64, numc__gemm_ref_f64, double, creal)
WRAP(ref_c64, numc__gemm_ref_c64, numc__c64, AS_IS)
WRAP(ref_c128, numc__gemm_ref_c128, numc__c128, AS_IS)

static const numc_dtype dtypes[] = {NUMC_FLOAT32, NUMC_FLOAT64, NUMC_COMPLEX64, NUMC_COMPLEX128};
static const gemm_fn fast_fns[] = {fast_f32, fast_f64, fast_c64, fast_c128};
static const gemm_fn ref_fns[] = {ref_f32, ref_f64, ref_c64, ref_c128};

/* One product, fast against reference. Error bound per element of C, as for any dot
 * product in floating point: (k + 2) * eps * (|alpha| sum_p |a_ip| |b_pj| + |beta| |c_ij|),
 * times 4 because a complex multiply-add rounds several times per term (and |.| taken as
 * |re| + |im|, up to sqrt(2) larger than the modulus).
 * Returns false (after printing) on a mismatch. */
static bool check(int ti, int64_t m, int64_t n, int64_t k, layout la, layout lb, layout lc,
                  cplx alpha, cplx beta) {
  numc_dtype t = dtypes[ti];
  mat a = make(t, m, k, la), b = make(t, k, n, lb), c = make(t, m, n, lc), want = c;
  size_t cbytes = (size_t)(lc == STRIDED ? 3 * m * n : m * n) * esize(t);
  want.buf = malloc(cbytes ? cbytes : 1);
  if (beta == 0) /* C is write-only: NaN must not leak through */
    for (int64_t i = 0; i < (lc == STRIDED ? 3 * m * n : m * n); i++) put(c.buf, t, i, NAN);
  memcpy(want.buf, c.buf, cbytes);
  bool ok = true;
  numc_status s = fast_fns[ti](m, n, k, alpha, &a, &b, beta, &c);
  ref_fns[ti](m, n, k, alpha, &a, &b, beta, &want);
  if (s != NUMC_OK) ok = false;
  if (spoil_fast_result && m > 0 && n > 0)
    put(c.buf, t, c.off + (m / 2) * c.rs + (n / 2) * c.cs, at(&c, t, m / 2, n / 2) + 0.25);
  for (int64_t i = 0; ok && i < m; i++)
    for (int64_t j = 0; ok && j < n; j++) {
      double bound = 0;
      for (int64_t p = 0; p < k; p++) bound += norm1(at(&a, t, i, p)) * norm1(at(&b, t, p, j));
      cplx w = at(&want, t, i, j), g = at(&c, t, i, j);
      bound = norm1(alpha) * bound + (beta == 0 ? 0 : norm1(beta) * norm1(w));
      double tol = 4.0 * (double)(k + 2) * epsilon(t) * bound + 1e-30;
      if (!(cabs(g - w) <= tol)) {
        if (!spoil_fast_result)
          fprintf(stderr,
                "  %s dtype %d kernel %s, m n k = %lld %lld %lld, A %s B %s C %s, "
                "alpha %g%+gi beta %g%+gi: C[%lld][%lld] = %g%+gi, want %g%+gi (tol %g)\n",
                numc_status_name(s), (int)t, numc__gemm_kernel_name(t), (long long)m,
                (long long)n, (long long)k, layout_names[la], layout_names[lb],
                layout_names[lc], creal(alpha), cimag(alpha), creal(beta), cimag(beta),
                (long long)i, (long long)j, creal(g), cimag(g), creal(w), cimag(w), tol);
        ok = false;
      }
    }
  free(a.buf), free(b.buf), free(c.buf), free(want.buf);
  return ok;
}

static const struct {
  cplx alpha, beta;
} scalars[] = {{1, 0}, {1, 1}, {-0.5, 2}, {2.5, 0}, {0.75, -1}, {1 + 2 * I, 0.5 - 1 * I}};
#define NSCALARS (int)(sizeof scalars / sizeof scalars[0])

/* Shapes at the edges of every kernel's MR (4..32), NR (4..12), KC (256, 384), MC (64..480)
 * and NC (3072..4096), degenerate ones, and a few ordinary ones; the last is big enough for
 * the thread pool yet small enough for the direct kernel. */
static const int64_t shapes[][3] = {
    {1, 1, 1},    {1, 37, 19},   {37, 1, 19},  {23, 29, 1},   {9, 7, 0},    {0, 5, 5},
    {5, 0, 5},    {3, 4, 5},     {7, 6, 5},    {8, 4, 3},     {15, 5, 3},   {16, 6, 9},
    {17, 7, 11},  {31, 11, 7},   {32, 12, 8},  {33, 13, 9},   {64, 64, 64}, {65, 23, 257},
    {40, 30, 385}, {20, 14, 513}, {241, 25, 10}, {481, 13, 20}, {5, 3100, 3}, {3, 4100, 2},
    {1000, 3, 20}, {3, 1000, 20}, {100, 100, 100}, {130, 97, 100}, {200, 150, 161}};
#define NSHAPES (int)(sizeof shapes / sizeof shapes[0])

/* Products with more multiply-adds than NUMC_TEST_GEMM_MAX_MNK are skipped: under an
 * emulator (tests/cross/arm64.sh runs this under qemu) the O(m n k) reference and bounds
 * dominate. Unset, every shape runs. */
static bool too_big(int64_t m, int64_t n, int64_t k) {
  const char *max = getenv("NUMC_TEST_GEMM_MAX_MNK");
  return max && *max && m * n * k > strtoll(max, NULL, 10);
}

/* Every shape with a rotating choice of layouts and scalars, for every dtype. */
static void check_all_shapes(void) {
  int combo = 0;
  for (int ti = 0; ti < 4; ti++)
    for (int si = 0; si < NSHAPES; si++)
      for (int li = 0; li < 6; li++, combo++) {
        if (too_big(shapes[si][0], shapes[si][1], shapes[si][2])) continue;
        layout la = (layout)((combo + li) % NLAYOUTS);
        layout lb = (layout)((combo / 2 + 2 * li) % NLAYOUTS);
        layout lc = (layout)((combo / 3 + li) % NLAYOUTS);
        if (lc == REVERSED || lc == FIRST_ROW_ONLY) lc = li % 2 ? COL_MAJOR : ROW_MAJOR;
        int sc = combo % NSCALARS;
        cplx alpha = scalars[sc].alpha, beta = scalars[sc].beta;
        if (ti < 2) alpha = creal(alpha), beta = creal(beta);
        if (!check(ti, shapes[si][0], shapes[si][1], shapes[si][2], la, lb, lc, alpha, beta))
          test_failures++;
      }
  for (int ti = 0; ti < 4 && !too_big(300, 200, 500); ti++) /* for the pool, default layouts */
    if (!check(ti, 300, 200, 500, ROW_MAJOR, ROW_MAJOR, ROW_MAJOR, 1, 0)) test_failures++;
}

/* Each kernel family this CPU runs, on 1 and 2 threads, with and without its direct
 * (unpacked) kernel for small products. */
TEST(fast_matches_reference_every_kernel_and_thread_count) {
  int families = 0;
  for (int i = 0; numc__gemm_kernel_isa(i); i++) {
    if (!numc__gemm_use_kernel(numc__gemm_kernel_isa(i))) continue;
    families++;
    for (int threads = 1; threads <= 2; threads++)
      for (int direct = 0; direct <= 1; direct++) {
        CHECK_OK(numc_set_num_threads(threads));
        numc__gemm_allow_direct(direct);
        check_all_shapes();
      }
  }
  CHECK(families >= 1);
  CHECK(numc__gemm_use_kernel(NULL));
}

/* C from numc__sgemm (f32) or numc__dgemm, A m x k row-major, B k x n row-major, C
 * row-major or column-major (the two orientations of the loop nest) preset to `c0`,
 * alpha 1.5, beta 0.3 (not a power of two: C's update rounds differently through an edge
 * tile, so a split off the micro-tile edges shows). */
static void product(bool f64, int64_t m, int64_t n, int64_t k, const double *a, const double *b,
                    const double *c0, bool c_row_major, void *c) {
  int64_t rsc = c_row_major ? n : 1, csc = c_row_major ? 1 : m;
  if (f64) {
    memcpy(c, c0, (size_t)(m * n) * sizeof(double));
    CHECK_OK(numc__dgemm(m, n, k, 1.5, a, k, 1, b, n, 1, 0.3, c, rsc, csc));
    return;
  }
  float *af = malloc((size_t)(m * k) * sizeof *af), *bf = malloc((size_t)(k * n) * sizeof *bf);
  for (int64_t i = 0; i < m * k; i++) af[i] = (float)a[i];
  for (int64_t i = 0; i < k * n; i++) bf[i] = (float)b[i];
  for (int64_t i = 0; i < m * n; i++) ((float *)c)[i] = (float)c0[i];
  CHECK_OK(numc__sgemm(m, n, k, 1.5f, af, k, 1, bf, n, 1, 0.3f, c, rsc, csc));
  free(af), free(bf);
}

/* The same bits on 1, 2 and 3 threads: every element of C is computed by one thread in
 * one order whatever the split. Shapes: several B panels across n (NC 3072) and k blocks
 * (KC <= 384), edge tiles on every side, a C too short to share out by rows, and one for
 * the direct kernel on the pool. */
TEST(threads_give_identical_bits) {
  static const int64_t big[][3] = {{517, 3100, 801}, {40, 3100, 400}, {200, 150, 161}};
  for (int si = 0; si < 3; si++) {
    int64_t m = big[si][0], n = big[si][1], k = big[si][2];
    if (too_big(m, n, k)) continue;
    double *a = malloc((size_t)(m * k) * sizeof *a), *b = malloc((size_t)(k * n) * sizeof *b);
    double *c0 = malloc((size_t)(m * n) * sizeof *c0);
    for (int64_t i = 0; i < m * k; i++) a[i] = uniform();
    for (int64_t i = 0; i < k * n; i++) b[i] = uniform();
    for (int64_t i = 0; i < m * n; i++) c0[i] = uniform();
    size_t bytes = (size_t)(m * n) * sizeof(double);
    char *one = malloc(bytes), *more = malloc(bytes);
    for (int f64 = 0; f64 <= 1; f64++)
      for (int row_major = 0; row_major <= 1; row_major++) {
        CHECK_OK(numc_set_num_threads(1));
        product(f64, m, n, k, a, b, c0, row_major, one);
        for (int threads = 2; threads <= 3; threads++) {
          CHECK_OK(numc_set_num_threads(threads));
          product(f64, m, n, k, a, b, c0, row_major, more);
          if (memcmp(one, more, (size_t)(m * n) * (f64 ? 8 : 4)) != 0) {
            fprintf(stderr, "  %s %lld x %lld x %lld, C %s: %d threads differ from 1\n",
                    f64 ? "f64" : "f32", (long long)m, (long long)k, (long long)n,
                    row_major ? "row-major" : "column-major", threads);
            test_failures++;
          }
        }
      }
    free(a), free(b), free(c0), free(one), free(more);
  }
  CHECK_OK(numc_set_num_threads(2));
}

TEST(kernel_choice_can_be_forced_and_falls_back) {
  CHECK(numc__gemm_use_kernel("generic"));
  CHECK(strncmp(numc__gemm_kernel_name(NUMC_FLOAT32), "generic ", 8) == 0);
  CHECK(strncmp(numc__gemm_kernel_name(NUMC_COMPLEX128), "generic ", 8) == 0);
  CHECK_EQ_STR(numc__gemm_kernel_name(NUMC_INT32), "none");
  const char *before = numc__gemm_kernel_name(NUMC_FLOAT64);
  CHECK(!numc__gemm_use_kernel("no-such-isa"));
  CHECK_EQ_STR(numc__gemm_kernel_name(NUMC_FLOAT64), before);
  /* An unknown NUMC_GEMM_KERNEL is ignored: the automatic choice is the first supported. */
  setenv("NUMC_GEMM_KERNEL", "no-such-isa", 1);
  CHECK(numc__gemm_use_kernel(NULL));
  CHECK(strstr(numc_last_warning(), "NUMC_GEMM_KERNEL=no-such-isa") != NULL);
  const char *best = NULL;
  for (int i = 0; !best && numc__gemm_kernel_isa(i); i++)
    if (numc__gemm_use_kernel(numc__gemm_kernel_isa(i))) best = numc__gemm_kernel_isa(i);
  CHECK(numc__gemm_use_kernel(NULL));
  CHECK(best && strncmp(numc__gemm_kernel_name(NUMC_FLOAT32), best, strlen(best)) == 0);
  setenv("NUMC_GEMM_KERNEL", "generic", 1);
  CHECK(numc__gemm_use_kernel(NULL));
  CHECK(strncmp(numc__gemm_kernel_name(NUMC_FLOAT32), "generic ", 8) == 0);
  unsetenv("NUMC_GEMM_KERNEL");
  CHECK(numc__gemm_use_kernel(NULL));
}

/* The checker itself must be able to fail: a result off by one typical term a_ip*b_pj
 * (0.25, as if one step of k were lost) is caught for every dtype, also at k = 600 where
 * the float32 bound is loosest. */
TEST(checker_catches_a_wrong_product) {
  spoil_fast_result = true;
  for (int ti = 0; ti < 4; ti++) {
    CHECK(!check(ti, 9, 7, 600, ROW_MAJOR, COL_MAJOR, ROW_MAJOR, 1, 0));
    CHECK(!check(ti, 33, 13, 9, ROW_MAJOR, ROW_MAJOR, STRIDED, -0.5, 2));
  }
  spoil_fast_result = false;
  for (int ti = 0; ti < 4; ti++) CHECK(check(ti, 9, 7, 600, ROW_MAJOR, COL_MAJOR, ROW_MAJOR, 1, 0));
}

TESTS(CASE(fast_matches_reference_every_kernel_and_thread_count),
      CASE(threads_give_identical_bits), CASE(kernel_choice_can_be_forced_and_falls_back), CASE(checker_catches_a_wrong_product))
