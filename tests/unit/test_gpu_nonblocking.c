/* Non-blocking mode (src/gpu/wait.c), the browser's way of waiting, run
 * natively: a call that needs GPU work to complete fails with NUMC_EPENDING
 * having produced nothing, and the same call repeated later finishes. Here
 * "later" is the next call (each poll runs Dawn's callbacks); in the browser it
 * is after the JS awaited the GPU's promises. Checked: read-backs and kernel
 * validation resume instead of starting over (one compilation per kernel),
 * results are right, a composite function runs on the CPU, a kernel whose range
 * check needs a read-back declines, and nothing leaks. */
#define _POSIX_C_SOURCE 200809L /* nanosleep */
#include <time.h>

#include "core/core.h"
#include "gpu/gpu.h"
#include "gpu_test.h"

#define MAX_REPEATS 100000

static int pendings; /* NUMC_EPENDING answers seen by repeat() */

/* numc_call(name, inputs, options) repeated while it answers NUMC_EPENDING. */
static numc_status repeat_call(const char *name, const numc_array *const *in, int nin, const char *const *opts,
                               int nopts, numc_array **out) {
  int nout = 0;
  for (int i = 0; i < MAX_REPEATS; i++) {
    numc_status s = numc_call(name, in, nin, opts, nopts, out, 1, &nout);
    if (s != NUMC_EPENDING) return s;
    CHECK(*out == NULL); /* nothing produced */
    pendings++;
    nanosleep(&(struct timespec){0, 20000}, NULL);
  }
  return NUMC_EPENDING;
}

/* The host bytes of `a` (a device array goes to the host on the way). */
static const float *host_floats(const numc_array *a) {
  for (int i = 0; i < MAX_REPEATS; i++) {
    const void *p = numc_data(a);
    if (p || numc_last_status() != NUMC_EPENDING) return p;
    pendings++;
    nanosleep(&(struct timespec){0, 20000}, NULL);
  }
  return NULL;
}

static numc_array *floats(int64_t rows, int64_t cols, float scale) {
  float *v = malloc(sizeof(float) * (size_t)(rows * cols));
  for (int64_t i = 0; i < rows * cols; i++)
    v[i] = scale * (float)((i * 7919) % 23 - 11);
  numc_array *a = NULL;
  CHECK_OK(numc_from_buffer(v, (int64_t[]){rows, cols}, 2, NUMC_FLOAT32, &a));
  free(v);
  return a;
}

static bool same_floats(const numc_array *x, const numc_array *y, float tol) {
  const float *a = host_floats(x), *b = host_floats(y);
  if (!a || !b || numc_size(x) != numc_size(y)) return false;
  for (int64_t i = 0; i < numc_size(x); i++)
    if (fabsf(a[i] - b[i]) > tol * (1 + fabsf(b[i]))) return false;
  return true;
}

static const char *const on_gpu[] = {"device=gpu"};
static const char *const on_cpu[] = {"device=cpu"};

/* A GPU result stays on the device and reaches the host through a resumed
 * read-back. */
TEST(results_stay_on_the_device_until_read) {
  if (!have_gpu()) return;
  numc_array *a = floats(33, 17, 0.5f), *b = floats(17, 9, 0.25f);
  numc_array *gpu = NULL, *cpu = NULL;
  const numc_array *ab[] = {a, b};
  numc__gpu_set_nonblocking(true);
  CHECK_OK(repeat_call("matmul", ab, 2, on_gpu, 1, &gpu));
  CHECK(gpu && numc_location(gpu) == NUMC_DEVICE_GPU);
  CHECK_OK(repeat_call("matmul", ab, 2, on_cpu, 1, &cpu));
  CHECK(gpu && cpu && same_floats(gpu, cpu, 1e-5f));
  CHECK(gpu && numc_location(gpu) == NUMC_DEVICE_CPU);
  numc__gpu_set_nonblocking(false);
  numc_free(gpu);
  numc_free(cpu);
  numc_free(a);
  numc_free(b);
}

/* A kernel compiled while the browser validates it: repeated calls find the
 * same pipeline, so it is compiled once. */
TEST(a_kernel_is_validated_once) {
  if (!have_gpu()) return;
  numc_array *a = floats(5, 3, 1.0f), *b = floats(5, 3, 2.0f), *d = NULL, *r = NULL, *want = NULL;
  CHECK_OK(numc_to_device(a, &d));
  const numc_array *in[] = {d, b};
  numc__gpu_set_nonblocking(true);
  int64_t before = numc__gpu_pipeline_compilations();
  /* hypot: a kernel specialisation no other case here uses */
  CHECK_OK(repeat_call("hypot", in, 2, on_gpu, 1, &r));
  CHECK_EQ_INT(numc__gpu_pipeline_compilations(), before + 1);
  CHECK(r && numc_location(r) == NUMC_DEVICE_GPU);
  CHECK_OK(numc_hypot(a, b, &want));
  CHECK(r && want && same_floats(r, want, 1e-6f));
  numc__gpu_set_nonblocking(false);
  numc_free(r);
  numc_free(want);
  numc_free(d);
  numc_free(a);
  numc_free(b);
}

/* A composite (not one GPU operation) runs on the CPU even when device=gpu is
 * asked: it reads its device input through a resumed read-back. */
TEST(composites_run_on_the_cpu) {
  if (!have_gpu()) return;
  numc_array *a = floats(8, 6, 0.75f), *d = NULL, *r = NULL, *want = NULL;
  CHECK_OK(numc_to_device(a, &d));
  numc__gpu_set_nonblocking(true);
  const char *const opts[] = {"device=gpu", "axis=1"};
  CHECK_OK(repeat_call("ptp", (const numc_array *const[]){d}, 1, opts, 2, &r));
  CHECK(r && numc_location(r) == NUMC_DEVICE_CPU);
  CHECK_OK(repeat_call("ptp", (const numc_array *const[]){a}, 1, (const char *const[]){"axis=1"}, 1, &want));
  CHECK(r && want && same_floats(r, want, 0));
  numc__gpu_set_nonblocking(false);
  numc_free(r);
  numc_free(want);
  numc_free(d);
  numc_free(a);
}

/* sin's kernel flags inputs it cannot compute exactly, which takes a read-back
 * inside the call: declined (a warning), and the CPU's result is returned. */
TEST(range_checked_kernels_decline) {
  if (!have_gpu()) return;
  numc_array *a = floats(4, 4, 0.1f), *r = NULL, *want = NULL;
  numc__gpu_set_nonblocking(true);
  CHECK_OK(repeat_call("sin", (const numc_array *const[]){a}, 1, on_gpu, 1, &r));
  CHECK(r && numc_location(r) == NUMC_DEVICE_CPU);
  CHECK_OK(numc_sin(a, &want));
  CHECK(r && want && same_floats(r, want, 0));
  numc__gpu_set_nonblocking(false);
  numc_free(r);
  numc_free(want);
  numc_free(a);
}

/* A read-back abandoned half-way (the array freed before the repeated call)
 * leaves nothing behind, and the block's next owner reads its own bytes, not
 * the old ones. */
TEST(abandoned_read_backs_are_forgotten) {
  if (!have_gpu()) return;
  numc__gpu_pool_stats before, after;
  numc_array *a = floats(16, 16, 1.0f), *b = floats(16, 16, -3.0f), *d = NULL, *e = NULL;
  numc__gpu_set_nonblocking(true);
  CHECK_OK(numc_to_device(a, &d));
  numc__gpu_pool_stats_get(&before);
  numc_status s = numc_data(d) ? NUMC_OK : numc_last_status();
  CHECK(s == NUMC_OK || s == NUMC_EPENDING);
  numc_free(d);                    /* its block goes back to the pool, forgetting the read-back */
  CHECK_OK(numc_to_device(b, &e)); /* most likely the same block */
  CHECK(e && same_floats(e, b, 0));
  numc_free(e);
  numc__gpu_set_nonblocking(false);
  numc__gpu_pool_stats_get(&after);
  CHECK_EQ_INT(after.buffers_alive, before.buffers_alive); /* no read-back buffer left; blocks pooled */
  CHECK_EQ_INT(after.live_buffers, before.live_buffers - 1); /* d (or e) went home */
  numc_free(a);
  numc_free(b);
}

/* Runs last. A record is never complete at its first poll (wait.c, as in the browser), so
 * the cases above must have seen NUMC_EPENDING: the resumable paths really ran. */
TEST(some_calls_were_pending) {
  if (!have_gpu()) return;
  CHECK(pendings > 0);
}

TESTS(CASE(results_stay_on_the_device_until_read), CASE(a_kernel_is_validated_once), CASE(composites_run_on_the_cpu),
      CASE(range_checked_kernels_decline), CASE(abandoned_read_backs_are_forgotten), CASE(some_calls_were_pending))
