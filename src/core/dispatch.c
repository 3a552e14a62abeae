/* Which device an operation runs on. numc_call's device= option holds for the duration
 * of that call on the calling thread; otherwise the process default (NUMC_DEVICE or
 * numc_set_default_device) applies. Operations with an accelerated implementation offer
 * themselves through numc__offload (backend.h); what the backend declines runs on the CPU. */
#include "core/backend.h"

static _Thread_local int call_device = -1; /* -1: no per-call choice */

numc_device numc__device_choice(void) {
  return call_device >= 0 ? (numc_device)call_device : numc_get_default_device();
}

int numc__set_call_device(int d) {
  int old = call_device;
  call_device = d;
  return old;
}

numc_status numc__offload(const char *what, const numc_array *const *operands, int noperands,
                          double work, double min_work, numc__offload_fn run, const void *call,
                          numc_array **out) {
  const numc__backend *b = &numc__webgpu_backend;
  numc_device d = numc__device_choice();
  if (d == NUMC_DEVICE_CPU) return NUMC_EUNAVAIL;
  if (d == NUMC_DEVICE_AUTO) {
    bool resident = false;
    for (int k = 0; k < noperands; k++) resident = resident || numc_location(operands[k]) == NUMC_DEVICE_GPU;
    if (!resident && (work < min_work || !b->available() || b->emulated())) return NUMC_EUNAVAIL;
  }
  numc_status s = run(b, call, out);
  if (s == NUMC_OK || s == NUMC_EPENDING) return s;
  if (s != NUMC_EUNAVAIL || d == NUMC_DEVICE_GPU) numc__warn("%s ran on the CPU: %s", what, numc_last_error());
  return NUMC_EUNAVAIL;
}
