/* What the GPU tests share: whether they can run.
 *
 * Without a usable GPU every case is skipped with the reason printed, unless
 * NUMC_REQUIRE_GPU is set (ctest sets it, with VK_ICD_FILENAMES pointing at SwiftShader):
 * then a missing GPU is a failure. */
#ifndef NUMC_GPU_TEST_H
#define NUMC_GPU_TEST_H

#include "test.h"

static bool have_gpu(void) {
  if (numc_gpu_available()) return true;
  numc_gpu_properties p;
  numc_gpu_info(&p);
  const char *req = getenv("NUMC_REQUIRE_GPU");
  if (req && *req && strcmp(req, "0") != 0) {
    fprintf(stderr, "NUMC_REQUIRE_GPU is set but no GPU is available: %s\n", p.reason);
    test_failures++;
  } else {
    printf("skipped: no GPU (%s)\n", p.reason);
  }
  return false;
}

#endif
