/* Which float32 matmul kernel runs which product.
 *
 * Two kernels (src/gpu/kernels/), both correct for every shape and stride:
 * - matmul_f32: a 64 x 64 tile, 4 x 4 outputs per thread, scalar loads;
 * - matmul_f32_128x128: a 128 x 128 tile, 8 x 8 outputs per thread, vec4 loads where the
 *   layout allows them. On an H100 (Dawn + Vulkan) a kernel of this shape reached
 *   26-28 TFLOP/s at n >= 2048 against 8-10 for the 64 x 64 one (shared/NOTES.md).
 * The big tile pays only when there are enough tiles to fill the GPU: at n = 1024 one
 * product is 64 tiles of 128 x 128 (6.6 TFLOP/s on the H100, about what the 64 x 64
 * kernel reached there with four times as many workgroups). Below that the 64 x 64
 * kernel keeps more of the GPU busy. */
#include "gpu/gpu.h"

static const numc__gpu_matmul_variant variants[] = {
    {"matmul_f32", "TK=16", 64, 64, false},
    {"matmul_f32_128x128", "", 128, 128, true},
};

/* Fewest 128 x 128 tiles (over the whole batch) for which the big tile is chosen. It
 * pays once there is about one tile per multiprocessor: on the H100 (132 SMs), at n = 1024
 * (64 tiles) the 64 x 64 kernel is faster (0.204 against 0.226 ms), at n = 2048 (256
 * tiles) the big one is 1.8x faster (BENCHMARKS.md). */
#define NUMC__MATMUL_BIG_TILE_MIN_TILES 128

static const numc__gpu_matmul_variant *forced; /* test hook; guarded by the backend lock */

numc_status numc__gpu_matmul_force_kernel(const char *name) {
  const numc__gpu_matmul_variant *v = NULL;
  for (size_t i = 0; name && i < sizeof variants / sizeof variants[0]; i++)
    if (!strcmp(variants[i].name, name)) v = &variants[i];
  if (name && !v) return numc__fail(NUMC_EINVAL, "GPU matmul: no kernel named '%s'", name);
  numc__gpu_lock();
  forced = v;
  numc__gpu_unlock();
  return NUMC_OK;
}

const numc__gpu_matmul_variant *numc__gpu_matmul_kernel(int64_t m, int64_t n, int64_t k, int64_t batch) {
  if (forced) return forced;
  int64_t tiles = ((m + 127) / 128) * ((n + 127) / 128) * batch;
  return tiles >= NUMC__MATMUL_BIG_TILE_MIN_TILES ? &variants[1] : &variants[0];
}

uint32_t numc__gpu_matmul_vec_mode(int64_t start, int64_t batch_stride, int64_t side_stride, int64_t k_stride) {
  /* Every group of four the kernel reads as one vec4 must start on a 16-byte word: the
   * matrix start, and each step along the other axis, must be multiples of 4 floats. */
  if (start % 4 != 0 || batch_stride % 4 != 0) return 0;
  if (side_stride == 1 && k_stride % 4 == 0) return 1;
  if (k_stride == 1 && side_stride % 4 == 0) return 2;
  return 0;
}
