/* Process-wide settings: default device, version. */
#include <stdlib.h>

#include "core.h"

static _Atomic int default_device = -1; /* -1: not yet read from NUMC_DEVICE */

const char *numc_version(void) { return NUMC_VERSION_STRING; }

numc_status numc_set_default_device(numc_device d) {
  if (d != NUMC_DEVICE_AUTO && d != NUMC_DEVICE_CPU && d != NUMC_DEVICE_GPU)
    return numc__fail(NUMC_EINVAL, "invalid device %d", (int)d);
  atomic_store(&default_device, (int)d);
  return NUMC_OK;
}

numc_device numc_get_default_device(void) {
  int d = atomic_load(&default_device);
  if (d >= 0) return (numc_device)d;
  const char *env = getenv("NUMC_DEVICE");
  d = NUMC_DEVICE_AUTO;
  if (env && !strcmp(env, "cpu")) d = NUMC_DEVICE_CPU;
  else if (env && !strcmp(env, "gpu")) d = NUMC_DEVICE_GPU;
  atomic_store(&default_device, d);
  return (numc_device)d;
}
