/* numc_info(): what this build is and what it chose at run time. */
#include <stdio.h>
#include <stdlib.h>

#if defined(__aarch64__) && defined(__linux__)
#include <sys/auxv.h> /* getauxval and the HWCAP_ bits */
#endif

#include "core.h"
#include "gpu/gpu.h"
#include "linalg/gemm.h"
#include "ufunc/simd_math.h"

/* CPU features as detected now (the machine may differ from the build machine). */
static void cpu_features(char *buf, size_t n) {
  buf[0] = '\0';
#if defined(__x86_64__) && defined(__GNUC__)
  __builtin_cpu_init();
  struct feat {
    const char *name;
    int on;
  } feats[] = {{"sse2", __builtin_cpu_supports("sse2")},       {"sse4.2", __builtin_cpu_supports("sse4.2")},
               {"avx", __builtin_cpu_supports("avx")},         {"avx2", __builtin_cpu_supports("avx2")},
               {"fma", __builtin_cpu_supports("fma")},         {"avx512f", __builtin_cpu_supports("avx512f")},
               {"avx512bw", __builtin_cpu_supports("avx512bw")}, {"avx512vl", __builtin_cpu_supports("avx512vl")}};
  size_t used = 0;
  for (size_t i = 0; i < sizeof feats / sizeof feats[0]; i++)
    if (feats[i].on && used < n) used += (size_t)snprintf(buf + used, n - used, "%s%s", used ? " " : "", feats[i].name);
#elif defined(__aarch64__) && defined(__linux__)
  unsigned long hw = getauxval(AT_HWCAP); /* NEON is part of arm64: always there */
  snprintf(buf, n, "neon%s%s", hw & HWCAP_ASIMDDP ? " dotprod" : "", hw & HWCAP_SVE ? " sve" : "");
#elif defined(__wasm_simd128__)
  snprintf(buf, n, "simd128");
#else
  snprintf(buf, n, "(not detected on this architecture)");
#endif
}

char *numc_info(void) {
  char feats[256];
  cpu_features(feats, sizeof feats);
  char simd[512];
  numc__simd_describe(simd, sizeof simd);
  char *gpu = numc__gpu_info_text(); /* starts the GPU context: numc info shows it */
  size_t n = 4096;
  char *s = malloc(n);
  if (!s || !gpu) {
    free(s);
    free(gpu);
    numc__oom();
    return NULL;
  }
  snprintf(s, n,
           "numc %s\n"
           "build:    %s, %s, C%ld\n"
           "cpu:      %s\n"
           "simd:     %s\n"
           "threads:  %d (NUMC_NUM_THREADS overrides)\n"
           "gemm:     f32 %s, f64 %s (NUMC_GEMM_KERNEL overrides)\n"
           "device:   default %s (NUMC_DEVICE overrides)\n"
           "gpu:      %s\n"
           "functions: %d in the table (numc list)\n",
           numc_version(), NUMC_BUILD_TYPE, NUMC_COMPILER, (long)__STDC_VERSION__, feats, simd,
           numc_get_num_threads(), numc__gemm_kernel_name(NUMC_FLOAT32),
           numc__gemm_kernel_name(NUMC_FLOAT64),
           numc_get_default_device() == NUMC_DEVICE_CPU ? "cpu" : numc_get_default_device() == NUMC_DEVICE_GPU ? "gpu" : "auto",
           gpu, numc_func_count());
  free(gpu);
  return s;
}
