/* The original plan's GPU matmul table: float32 square matmul for n = 128 ... 4096 on the
 * CPU and on the GPU. bench/gpu_matmul.py runs it beside CuPy (cuBLAS) on the same
 * machine. One line per n:
 *   n cpu_s gpu_end_to_end_s gpu_resident_s kernel_s kernel max_rel_err kernel_s...
 * gpu_end_to_end: host arrays in, host array out (upload, kernel, readback).
 * gpu_resident: operands already on the GPU, result left there; the average of R
 *   back-to-back products followed by one readback (so it overstates the kernel).
 * kernel_s: GPU time of the matmul's compute pass from timestamp queries (best of R, on
 *   resident operands), of the kernel numc chose for this shape (`kernel`, its name);
 *   -1 without TimestampQuery. The trailing kernel_s columns time every kernel forced in
 *   turn, in the order of the "# kernels" line, to tune the choice.
 * Usage: bench_gpu_matmul [max_n]   (NUMC_WEBGPU_LIBRARY selects Dawn) */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include "bench.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "gpu/gpu.h" /* the timing and kernel-choice hooks */

static const char *const kernels[] = {"matmul_f32", "matmul_f32_128x128"};

static numc_array *random_matrix(int64_t n, uint64_t seed) {
  numc_array *a = NULL;
  int64_t shape[2] = {n, n};
  CHECK(numc_empty(shape, 2, NUMC_FLOAT32, NUMC_ORDER_C, &a));
  float *p = numc_data(a);
  for (int64_t i = 0; i < n * n; i++) {
    seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
    p[i] = (float)((double)(seed >> 11) / 9007199254740992.0 - 0.5);
  }
  return a;
}

static double best_matmul(const numc_array *a, const numc_array *b, numc_device d, int reps,
                          numc_array **keep) {
  CHECK(numc_set_default_device(d));
  double best = 1e30;
  for (int r = 0; r < reps; r++) {
    numc_array *c = NULL;
    double t0 = now();
    CHECK(numc_matmul(a, b, &c));
    (void)numc_data(c); /* host access: waits for a device result */
    double t = now() - t0;
    if (t < best) best = t;
    if (r == reps - 1 && keep) *keep = c;
    else numc_free(c);
  }
  return best;
}

/* Best kernel time in seconds of `reps` products of device arrays, after one untimed
 * (which compiles the kernel); -1 without timestamps. */
static double best_kernel(const numc_array *da, const numc_array *db, int reps, const char **name) {
  numc_array *c = NULL;
  CHECK(numc_matmul(da, db, &c));
  numc_free(c);
  numc__gpu_matmul_time_kernels(true);
  int64_t best = -1;
  for (int r = 0; r < reps; r++) {
    c = NULL;
    CHECK(numc_matmul(da, db, &c));
    numc_free(c);
    int64_t ns = numc__gpu_matmul_last_kernel_ns();
    if (ns >= 0 && (best < 0 || ns < best)) best = ns;
  }
  numc__gpu_matmul_time_kernels(false);
  if (name) *name = numc__gpu_matmul_last_kernel();
  return best < 0 ? -1.0 : (double)best * 1e-9;
}

int main(int argc, char **argv) {
  int64_t max_n = argc > 1 ? atoll(argv[1]) : 4096;
  bench_print_adapter();
  printf("# kernels");
  for (size_t i = 0; i < sizeof kernels / sizeof kernels[0]; i++) printf(" %s", kernels[i]);
  printf("\n");
  for (int64_t n = 128; n <= max_n; n *= 2) {
    numc_array *a = random_matrix(n, 1 + (uint64_t)n), *b = random_matrix(n, 7 + (uint64_t)n);
    numc_array *cpu = NULL, *gpu = NULL;
    int reps = n <= 1024 ? 5 : 3;
    /* Warm-up compiles the pipeline and fills the buffer pool. */
    best_matmul(a, b, NUMC_DEVICE_GPU, 1, NULL);
    double t_gpu = best_matmul(a, b, NUMC_DEVICE_GPU, reps, &gpu);
    double t_cpu = best_matmul(a, b, NUMC_DEVICE_CPU, n <= 2048 ? reps : 1, &cpu);

    /* Resident: operands on the device, R products, one readback at the end. */
    numc_array *da = NULL, *db = NULL;
    CHECK(numc_set_default_device(NUMC_DEVICE_GPU));
    CHECK(numc_to_device(a, &da));
    CHECK(numc_to_device(b, &db));
    int rounds = n <= 1024 ? 20 : 5;
    double t0 = now();
    numc_array *last = NULL;
    for (int r = 0; r < rounds; r++) {
      numc_free(last);
      last = NULL;
      CHECK(numc_matmul(da, db, &last));
    }
    (void)numc_data(last);
    double t_res = (now() - t0) / rounds;
    const char *chosen = NULL;
    double t_kernel = best_kernel(da, db, rounds, &chosen);
    double t_forced[sizeof kernels / sizeof kernels[0]];
    for (size_t i = 0; i < sizeof kernels / sizeof kernels[0]; i++) {
      CHECK(numc__gpu_matmul_force_kernel(kernels[i]));
      t_forced[i] = best_kernel(da, db, rounds, NULL);
    }
    CHECK(numc__gpu_matmul_force_kernel(NULL));

    const float *x = numc_data(cpu), *y = numc_data(gpu);
    double max_diff = 0, max_ref = 0;
    for (int64_t i = 0; i < n * n; i++) {
      max_diff = fmax(max_diff, fabs((double)x[i] - (double)y[i]));
      max_ref = fmax(max_ref, fabs((double)x[i]));
    }
    printf("%lld %.6f %.6f %.6f %.6f %s %.3g", (long long)n, t_cpu, t_gpu, t_res, t_kernel, chosen ? chosen : "-",
           max_diff / max_ref);
    for (size_t i = 0; i < sizeof kernels / sizeof kernels[0]; i++) printf(" %.6f", t_forced[i]);
    printf("\n");
    fflush(stdout);
    numc_free(last);
    numc_free(da);
    numc_free(db);
    numc_free(a);
    numc_free(b);
    numc_free(cpu);
    numc_free(gpu);
  }
  return 0;
}
