/* Complex GEMM (numc__cgemm, numc__zgemm) built on the real one ("4M"): with
 * A = Ar + i Ai and so on, viewed as real matrices with doubled strides,
 *
 *   Re C := alpha*(Ar Br - Ai Bi) + beta*Re C,   Im C := alpha*(Ar Bi + Ai Br) + beta*Im C,
 *
 * four real products straight into C when alpha and beta are real (always so for
 * matmul). Otherwise the product goes to a temporary T (alpha 1, beta 0) and a last pass
 * forms C := alpha*T + beta*C. Tiny products take the reference loop. */
#include <math.h>

#include "linalg/gemm.h"

#define TINY_MNK (16 * 16 * 16)

#define NUMC__GEMM_COMPLEX(name, ref, real_gemm, C, R)                                            \
  numc_status name(int64_t m, int64_t n, int64_t k, C alpha, const C *a, int64_t rsa,             \
                   int64_t csa, const C *b, int64_t rsb, int64_t csb, C beta, C *c, int64_t rsc,  \
                   int64_t csc) {                                                                 \
    if ((double)m * (double)n * (double)k <= TINY_MNK)                                            \
      return ref(m, n, k, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc);                    \
    bool real_scalars = cimag(alpha) == 0 && cimag(beta) == 0;                                    \
    R ra = real_scalars ? (R)creal(alpha) : 1, rb = real_scalars ? (R)creal(beta) : 0;            \
    C *t = NULL, *d = c;                                                                          \
    int64_t rsd = rsc, csd = csc;                                                                 \
    if (!real_scalars) {                                                                          \
      if (!(t = numc__alloc((size_t)m * (size_t)n * sizeof(C), false))) return numc__oom();      \
      d = t, rsd = 1, csd = m;                                                                    \
    }                                                                                             \
    const R *ar = (const R *)a, *ai = ar + 1, *br = (const R *)b, *bi = br + 1;                   \
    R *dr = (R *)d, *di = dr + 1;                                                                 \
    rsa *= 2, csa *= 2, rsb *= 2, csb *= 2, rsd *= 2, csd *= 2;                                   \
    numc_status s = real_gemm(m, n, k, ra, ar, rsa, csa, br, rsb, csb, rb, dr, rsd, csd);         \
    if (s == NUMC_OK)                                                                             \
      s = real_gemm(m, n, k, -ra, ai, rsa, csa, bi, rsb, csb, 1, dr, rsd, csd);                   \
    if (s == NUMC_OK)                                                                             \
      s = real_gemm(m, n, k, ra, ar, rsa, csa, bi, rsb, csb, rb, di, rsd, csd);                   \
    if (s == NUMC_OK)                                                                             \
      s = real_gemm(m, n, k, ra, ai, rsa, csa, br, rsb, csb, 1, di, rsd, csd);                    \
    if (t) {                                                                                      \
      for (int64_t j = 0; s == NUMC_OK && j < n; j++)                                             \
        for (int64_t i = 0; i < m; i++) {                                                         \
          C *cij = &c[i * rsc + j * csc];                                                         \
          *cij = beta == 0 ? alpha * t[i + j * m] : alpha * t[i + j * m] + beta * *cij;          \
        }                                                                                         \
      numc__dealloc(t);                                                                           \
    }                                                                                             \
    return s;                                                                                     \
  }

NUMC__GEMM_COMPLEX(numc__cgemm, numc__gemm_ref_c64, numc__sgemm, numc__c64, float)
NUMC__GEMM_COMPLEX(numc__zgemm, numc__gemm_ref_c128, numc__dgemm, numc__c128, double)
