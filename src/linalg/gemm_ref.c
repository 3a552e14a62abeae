/* Reference GEMM: plain loops, any strides, one thread. The definition the fast paths
 * (gemm_driver.c, gemm_complex.c) are tested against, and the complex path for tiny
 * sizes. */
#include "linalg/gemm.h"

#define NUMC__GEMM_REF(name, T)                                                              \
  numc_status name(int64_t m, int64_t n, int64_t k, T alpha, const T *a, int64_t rsa,        \
                   int64_t csa, const T *b, int64_t rsb, int64_t csb, T beta, T *c,          \
                   int64_t rsc, int64_t csc) {                                               \
    for (int64_t i = 0; i < m; i++)                                                          \
      for (int64_t j = 0; j < n; j++) {                                                      \
        T acc = 0;                                                                           \
        for (int64_t p = 0; p < k; p++) acc += a[i * rsa + p * csa] * b[p * rsb + j * csb];  \
        T *cij = &c[i * rsc + j * csc];                                                      \
        *cij = beta == 0 ? alpha * acc : alpha * acc + beta * *cij;                          \
      }                                                                                      \
    return NUMC_OK;                                                                          \
  }

NUMC__GEMM_REF(numc__gemm_ref_f32, float)
NUMC__GEMM_REF(numc__gemm_ref_f64, double)
NUMC__GEMM_REF(numc__gemm_ref_c64, numc__c64)
NUMC__GEMM_REF(numc__gemm_ref_c128, numc__c128)
