/* Operands of GPU kernels, and handing results back.
 *
 * Kernels address an operand as (buffer, element offset, element strides), so device
 * arrays are read in place whatever their strides (transposed, sliced, broadcast views),
 * and host arrays are uploaded once as a C-contiguous copy. Results are computed into
 * fresh device arrays; numc__gpu_finish keeps them there when an input lived on the GPU
 * (chains of operations stay on the device) and downloads them otherwise. */
#include "gpu/gpu.h"

numc_status numc__gpu_operand_get(numc__gpu *g, const numc_array *x, numc__gpu_operand *op) {
  op->temp = NULL;
  const numc_array *src = x;
  if (!numc__gpu_resident(x, g)) {
    NUMC__TRY(numc_to_device(x, &op->temp));
    src = op->temp;
  }
  int64_t size = (int64_t)numc_dtype_size(src->dtype);
  bool aligned = src->offset % size == 0;
  for (int i = 0; i < src->ndim; i++) {
    aligned = aligned && src->strides[i] % size == 0;
    op->strides[i] = src->strides[i] / size;
  }
  if (!aligned) {
    numc__gpu_operand_done(op);
    return numc__fail(NUMC_EUNAVAIL, "GPU: an operand's strides are not multiples of its item size");
  }
  op->buffer = src->buf->gpu->block.buffer;
  op->offset = src->offset / size;
  return NUMC_OK;
}

void numc__gpu_operand_done(numc__gpu_operand *op) {
  numc_free(op->temp);
  op->temp = NULL;
}

numc_status numc__gpu_finish(numc_array *c, bool stay, numc_array **out) {
  /* Non-blocking mode cannot wait for the download: the result stays on the device and
   * goes to the host when the host first needs it (a repeated call, readback.c). */
  if (!stay && !numc__gpu_nonblocking()) {
    numc_array *h = NULL;
    numc_status s = numc_to_host(c, &h);
    numc_free(c);
    if (s != NUMC_OK) return s;
    c = h;
  }
  *out = c;
  return NUMC_OK;
}
