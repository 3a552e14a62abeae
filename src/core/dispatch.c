/* Which device an operation runs on. numc_call's device= option holds for the duration
 * of that call on the calling thread; otherwise the process default (NUMC_DEVICE or
 * numc_set_default_device) applies. Operations with a GPU implementation ask here, then
 * let the GPU backend accept or decline; what it declines runs on the CPU. */
#include "core.h"

static _Thread_local int call_device = -1; /* -1: no per-call choice */

numc_device numc__device_choice(void) {
  return call_device >= 0 ? (numc_device)call_device : numc_get_default_device();
}

int numc__set_call_device(int d) {
  int old = call_device;
  call_device = d;
  return old;
}
