/* Run-time choice of the SIMD math kernels (simd_math.h): the best ISA this CPU runs,
 * capped by NUMC_SIMD=avx512|avx2|none, resolved on first use and cached. The scalar
 * loops of loops_math.c stay the reference and the fallback (strided operands, other
 * architectures, NUMC_SIMD=none). NUMC_SIMD_VERBOSE=1 prints the choice to stderr. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ufunc/simd_math.h"

static bool cpu_avx2(void) {
#if NUMC__SIMD_X86
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
  return false;
#endif
}

static bool cpu_avx512(void) {
#if NUMC__SIMD_X86
  /* libgcc/compiler-rt also check that the OS saves the ZMM state (XGETBV). */
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f");
#else
  return false;
#endif
}

static const struct {
  const char *name;
  bool (*supported)(void); /* NULL: always */
  const numc__simd_table *table;
} isas[NUMC__ISA_COUNT] = {
    [NUMC__ISA_NONE] = {"none", NULL, NULL},
#if NUMC__SIMD_X86
    [NUMC__ISA_AVX2] = {"avx2", cpu_avx2, &numc__simd_table_avx2},
    [NUMC__ISA_AVX512] = {"avx512", cpu_avx512, &numc__simd_table_avx512},
#else
    [NUMC__ISA_AVX2] = {"avx2", cpu_avx2, NULL},
    [NUMC__ISA_AVX512] = {"avx512", cpu_avx512, NULL},
#endif
};

/* -1 until resolved. Racing first calls compute the same value, so a plain atomic store
 * is enough. */
static _Atomic int active = -1;

static bool runs(numc__simd_isa isa) {
  return isa == NUMC__ISA_NONE || (isas[isa].table && isas[isa].supported());
}

static numc__simd_isa resolve(void) {
  numc__simd_isa cap = NUMC__ISA_COUNT - 1;
  const char *env = getenv("NUMC_SIMD");
  if (env && *env) {
    int found = 0;
    for (int i = 0; i < NUMC__ISA_COUNT; i++)
      if (strcmp(env, isas[i].name) == 0) {
        cap = (numc__simd_isa)i;
        found = 1;
      }
    if (!found) fprintf(stderr, "numc: NUMC_SIMD=%s not understood (avx512, avx2, none); ignored\n", env);
  }
  numc__simd_isa isa = cap;
  while (isa > NUMC__ISA_NONE && !runs(isa)) isa--;
  const char *verbose = getenv("NUMC_SIMD_VERBOSE");
  if (verbose && *verbose && strcmp(verbose, "0") != 0)
    fprintf(stderr, "numc: SIMD math kernels: %s\n", isas[isa].name);
  return isa;
}

numc__simd_isa numc__simd_active(void) {
  int a = atomic_load_explicit(&active, memory_order_relaxed);
  if (a < 0) {
    a = (int)resolve();
    atomic_store_explicit(&active, a, memory_order_relaxed);
  }
  return (numc__simd_isa)a;
}

void numc__simd_force(numc__simd_isa isa) {
  while (isa > NUMC__ISA_NONE && !runs(isa)) isa--;
  atomic_store_explicit(&active, (int)isa, memory_order_relaxed);
}

const char *numc__simd_isa_name(numc__simd_isa isa) {
  return isa >= 0 && isa < NUMC__ISA_COUNT ? isas[isa].name : "?";
}

static int dtype_col(numc_dtype t) { return t == NUMC_FLOAT32 ? 0 : t == NUMC_FLOAT64 ? 1 : -1; }

numc__simd_kernel numc__simd_lookup(numc__ufunc_id id, numc_dtype t, numc__simd_isa isa) {
  int col = dtype_col(t);
  if (col < 0 || id < 0 || id >= NUMC__NUFUNCS || isa <= NUMC__ISA_NONE || isa >= NUMC__ISA_COUNT ||
      !runs(isa))
    return NULL;
  return isas[isa].table->k[id][col];
}

numc__simd_kernel numc__simd_get(numc__ufunc_id id, numc_dtype t) {
  int col = dtype_col(t);
  if (col < 0) return NULL;
  /* The best level at or below the active one that has this kernel. */
  for (int isa = (int)numc__simd_active(); isa > NUMC__ISA_NONE; isa--)
    if (isas[isa].table && isas[isa].table->k[id][col]) return isas[isa].table->k[id][col];
  return NULL;
}

/* Lists what the active level accelerates, from the table itself:
 * "float32 exp/log/sin/cos, float64 exp/log via avx512 (...)". */
void numc__simd_describe(char *buf, size_t n) {
  numc__simd_isa isa = numc__simd_active();
  size_t used = 0;
  buf[0] = '\0';
  if (isa == NUMC__ISA_NONE) {
    snprintf(buf, n, "none, scalar libm loops (NUMC_SIMD=avx512|avx2|none caps the choice)");
    return;
  }
  for (int col = 0; col < 2; col++) {
    int any = 0;
    for (int id = 0; id < NUMC__NUFUNCS; id++)
      if (numc__simd_get((numc__ufunc_id)id, col ? NUMC_FLOAT64 : NUMC_FLOAT32) && used < n)
        used += (size_t)snprintf(buf + used, n - used, "%s%s", any++ ? "/" : used ? ", float64 " : "float32 ",
                                 numc__ufunc_name((numc__ufunc_id)id));
  }
  if (used < n) snprintf(buf + used, n - used, " via %s (NUMC_SIMD=avx512|avx2|none caps the choice)", isas[isa].name);
}
