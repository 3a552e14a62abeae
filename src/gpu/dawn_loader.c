/* Loading the WebGPU implementation at run time.
 *
 * libnumc never links against Dawn (nor libvulkan): programs linked with numc start and
 * compute on the CPU on machines without them. The library is looked up, in order:
 *   1. $NUMC_WEBGPU_LIBRARY (a path, or a name for the loader's search path);
 *   2. NUMC_DAWN_LIBRARY, the path CMake found at build time (the npm package
 *      bun-webgpu-linux-x64 under node_modules/, installed by scripts/setup.sh);
 *   3. "libwebgpu_wrapper.so" from the loader's search path.
 * If $NUMC_WEBGPU_LIBRARY is set, only it is tried: a user who names a library wants
 * that one or a clear failure, not a silent substitute.
 *
 * A loaded library is never dlclose'd: Dawn keeps threads and static state that do not
 * survive unloading. When the variable names another library later (tests do this to
 * simulate a missing Dawn), that one is opened beside it. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

#include "gpu/gpu.h"

#ifndef NUMC_DAWN_LIBRARY
#define NUMC_DAWN_LIBRARY ""
#endif

static const char default_name[] = "libwebgpu_wrapper.so";

/* Libraries loaded so far, each with its own table: a context keeps pointing at the
 * table of the library that made it. Guarded by the backend lock (numc__gpu_lock). */
#define NUMC__MAX_LIBRARIES 4
static struct {
  char path[1024];
  numc__wgpu_procs procs;
} loaded[NUMC__MAX_LIBRARIES];
static int nloaded;

static numc_status resolve(void *handle, const char *path, numc__wgpu_procs *p) {
  void *sym;
#define NUMC__WGPU_RESOLVE_(ret, name, params)                                                     \
  sym = dlsym(handle, "wgpu" #name);                                                             \
  if (!sym)                                                                                      \
    return numc__fail(NUMC_EUNAVAIL, "the WebGPU library %s lacks wgpu%s (not a compatible Dawn)", \
                      path, #name);                                                              \
  /* POSIX guarantees that a data pointer from dlsym converts to a function pointer. */        \
  memcpy(&p->name, &sym, sizeof sym);
  NUMC__WGPU_PROCS(NUMC__WGPU_RESOLVE_)
#undef NUMC__WGPU_RESOLVE_
  return NUMC_OK;
}

static void *open_library(const char *path) {
  /* RTLD_LOCAL: Dawn's many C++ symbols must not interpose on the program's. */
  return dlopen(path, RTLD_NOW | RTLD_LOCAL);
}

numc_status numc__wgpu_load(const numc__wgpu_procs **out, const char **path) {
  const char *env = getenv("NUMC_WEBGPU_LIBRARY");
  const char *candidates[2];
  int n = 0;
  if (env && *env) {
    candidates[n++] = env;
  } else {
    if (NUMC_DAWN_LIBRARY[0]) candidates[n++] = NUMC_DAWN_LIBRARY;
    candidates[n++] = default_name;
  }
  char tried[1024] = "";
  for (int i = 0; i < n; i++)
    for (int k = 0; k < nloaded; k++)
      if (!strcmp(loaded[k].path, candidates[i])) {
        *out = &loaded[k].procs;
        *path = loaded[k].path;
        return NUMC_OK;
      }
  for (int i = 0; i < n; i++) {
    void *handle = open_library(candidates[i]);
    if (!handle) {
      const char *why = dlerror();
      size_t used = strlen(tried);
      snprintf(tried + used, sizeof tried - used, "%s%s", used ? "; " : "", why ? why : candidates[i]);
      continue;
    }
    if (nloaded == NUMC__MAX_LIBRARIES)
      return numc__fail(NUMC_EUNAVAIL, "too many different WebGPU libraries loaded in one process");
    NUMC__TRY(resolve(handle, candidates[i], &loaded[nloaded].procs));
    snprintf(loaded[nloaded].path, sizeof loaded[nloaded].path, "%s", candidates[i]);
    *out = &loaded[nloaded].procs;
    *path = loaded[nloaded].path;
    nloaded++;
    return NUMC_OK;
  }
  return numc__fail(NUMC_EUNAVAIL,
                    "no WebGPU library could be loaded (%s); run scripts/setup.sh or set "
                    "NUMC_WEBGPU_LIBRARY",
                    tried);
}
