/* libFuzzer harness for the .npy reader: any bytes must give an array or an error
 * status, never a crash, an over-read, a leak or an allocation the input cannot back.
 * Seeds: tests/fuzz/corpus (NumPy-written files of several dtypes, versions, orders).
 * A loaded array is saved again so that the writer also sees every shape the reader
 * accepts, and the result must load back. */
#include <stdint.h>
#include <stdlib.h>

#include "numc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  numc_array *a = NULL;
  if (numc_load_bytes(data, size, &a) != NUMC_OK) return 0;
  void *bytes = NULL;
  size_t n = 0;
  if (numc_save_bytes(a, &bytes, &n) == NUMC_OK) {
    numc_array *b = NULL;
    if (numc_load_bytes(bytes, n, &b) != NUMC_OK) abort(); /* numc must read what it writes */
    numc_free(b);
    free(bytes);
  }
  numc_free(a);
  return 0;
}
