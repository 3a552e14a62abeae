/* Run-time choice of the GEMM kernel family: the first row of the table that this CPU
 * supports, unless NUMC_GEMM_KERNEL names another supported one (an unknown or
 * unsupported name is ignored with a warning, numc_last_warning(), so a forced choice can
 * never crash). Decided once and cached; numc__gemm_use_kernel() changes it for tests and
 * benchmarks. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "linalg/gemm.h"
#include "linalg/gemm_kernels.h"

/* Best first. A new ISA (WebAssembly SIMD128, NEON) adds one row under its #if. */
static const numc__gemm_family *const families[] = {
#if defined(__x86_64__)
    &numc__gemm_family_avx512,
    &numc__gemm_family_avx2,
    &numc__gemm_family_sse2,
#endif
#if defined(__aarch64__)
    &numc__gemm_family_neon,
#endif
#if defined(__wasm_simd128__)
    &numc__gemm_family_wasm_simd128,
#endif
    &numc__gemm_family_generic,
};
#define NFAMILIES (sizeof families / sizeof families[0])

static _Atomic(const numc__gemm_family *) current;

/* The supported family called `isa`, or NULL. */
static const numc__gemm_family *find(const char *isa) {
  for (size_t i = 0; i < NFAMILIES; i++)
    if (strcmp(families[i]->isa, isa) == 0) return families[i]->supported() ? families[i] : NULL;
  return NULL;
}

static const numc__gemm_family *automatic(void) {
  const char *env = getenv("NUMC_GEMM_KERNEL");
  const numc__gemm_family *f = env && *env ? find(env) : NULL;
  for (size_t i = 0; !f && i < NFAMILIES; i++)
    if (families[i]->supported()) f = families[i];
  if (env && *env && strcmp(env, f->isa) != 0)
    numc__warn("NUMC_GEMM_KERNEL=%s is unknown or not supported by this CPU; using %s", env,
               f->isa);
  return f; /* generic is always supported */
}

const numc__gemm_family *numc__gemm_family_current(void) {
  const numc__gemm_family *f = atomic_load_explicit(&current, memory_order_acquire);
  if (!f) { /* racing first calls compute the same answer */
    f = automatic();
    atomic_store_explicit(&current, f, memory_order_release);
  }
  return f;
}

bool numc__gemm_use_kernel(const char *isa) {
  const numc__gemm_family *f = isa && *isa ? find(isa) : automatic();
  if (!f) return false;
  atomic_store_explicit(&current, f, memory_order_release);
  return true;
}

const char *numc__gemm_kernel_isa(int i) {
  return i >= 0 && (size_t)i < NFAMILIES ? families[i]->isa : NULL;
}

const char *numc__gemm_kernel_name(numc_dtype t) {
  const numc__gemm_family *f = numc__gemm_family_current();
  switch (t) {
    case NUMC_FLOAT32:
    case NUMC_COMPLEX64: return f->f32.name;
    case NUMC_FLOAT64:
    case NUMC_COMPLEX128: return f->f64.name;
    default: return "none";
  }
}
