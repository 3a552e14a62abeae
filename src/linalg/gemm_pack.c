/* Portable packing (contract in gemm_kernels.h) and edge tiles (gemm_internal.h) for the
 * blocked GEMM, for float and double. Packing reads any strides, so transposed views cost
 * nothing extra: the loops below only pick the order that reads memory contiguously. */
#include "linalg/gemm_internal.h"
#include "linalg/gemm_kernels.h"

/* Defines pack (extern), merge and scale for element type T under the given names. */
#define NUMC__GEMM_ELEM_OPS(pack_name, merge_name, scale_name, T)                                  \
  void pack_name(void *dst_, const void *src_, int64_t len, int64_t kc, int64_t sw,        \
                        int64_t sk, int w) {                                                       \
    T *dst = dst_;                                                                                 \
    const T *src = src_;                                                                           \
    if (sw == 1) { /* step p of every sliver is one contiguous run: read it in order */          \
      for (int64_t p = 0; p < kc; p++)                                                             \
        for (int64_t s0 = 0; s0 < len; s0 += w)                                                    \
          for (int i = 0; i < w; i++)                                                              \
            dst[s0 * kc + p * w + i] = s0 + i < len ? src[p * sk + s0 + i] : 0;                    \
      return;                                                                                      \
    }                                                                                              \
    for (int64_t s0 = 0; s0 < len; s0 += w, dst += kc * w) {                                       \
      int lines = len - s0 < w ? (int)(len - s0) : w;                                              \
      const T *line0 = src + s0 * sw;                                                              \
      if (sk == 1) { /* each line is contiguous along k: read it in order */                      \
        for (int i = 0; i < lines; i++)                                                            \
          for (int64_t p = 0; p < kc; p++) dst[p * w + i] = line0[i * sw + p];                     \
      } else {                                                                                     \
        for (int64_t p = 0; p < kc; p++)                                                           \
          for (int i = 0; i < lines; i++) dst[p * w + i] = line0[i * sw + p * sk];                 \
      }                                                                                            \
      if (lines < w)                                                                               \
        for (int64_t p = 0; p < kc; p++)                                                           \
          for (int i = lines; i < w; i++) dst[p * w + i] = 0;                                      \
    }                                                                                              \
  }                                                                                                \
  static void merge_name(void *c_, int64_t rsc, int64_t csc, const void *tile_, int64_t ldt,      \
                         int mr, int nr, const void *beta_) {                                      \
    T *c = c_, beta = *(const T *)beta_;                                                           \
    const T *tile = tile_;                                                                         \
    for (int j = 0; j < nr; j++)                                                               \
      for (int i = 0; i < mr; i++) {                                                           \
        T *cij = &c[i * rsc + j * csc];                                                            \
        *cij = beta == 0 ? tile[i + j * ldt] : tile[i + j * ldt] + beta * *cij;                    \
      }                                                                                            \
  }                                                                                                \
  static void scale_name(void *c_, int64_t m, int64_t n, int64_t rsc, int64_t csc,                \
                         const void *beta_) {                                                      \
    T *c = c_, beta = *(const T *)beta_;                                                           \
    for (int64_t i = 0; i < m; i++)                                                                \
      for (int64_t j = 0; j < n; j++) {                                                            \
        T *cij = &c[i * rsc + j * csc];                                                            \
        *cij = beta == 0 ? 0 : beta * *cij;                                                        \
      }                                                                                            \
  }

NUMC__GEMM_ELEM_OPS(numc__gemm_pack_f32, merge_f32, scale_f32, float)
NUMC__GEMM_ELEM_OPS(numc__gemm_pack_f64, merge_f64, scale_f64, double)

static const float zero_f32 = 0, one_f32 = 1;
static const double zero_f64 = 0, one_f64 = 1;

const numc__gemm_elem_ops numc__gemm_ops_f32 = {sizeof(float), &zero_f32, &one_f32, merge_f32,
                                                scale_f32};
const numc__gemm_elem_ops numc__gemm_ops_f64 = {sizeof(double), &zero_f64, &one_f64, merge_f64,
                                                scale_f64};
