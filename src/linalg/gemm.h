/* The GEMM interface every matrix product in numc goes through.
 *
 *   C := alpha * A * B + beta * C,   A is m x k, B is k x n, C is m x n,
 *
 * each operand given by a base pointer and *element* strides for rows and columns (BLIS
 * style), so that transposed and otherwise strided views need no copy: A[i][p] is
 * a[i*rsa + p*csa]. Strides may be negative or 0 for A and B; C must not overlap A or B.
 * beta == 0 means C is write-only (its old contents, even NaN, are ignored). Large
 * products run on the thread pool. Returns NUMC_ENOMEM if packing buffers cannot be
 * allocated (C is then unspecified). */
#ifndef NUMC_GEMM_H
#define NUMC_GEMM_H

#include "core/core.h"

numc_status numc__sgemm(int64_t m, int64_t n, int64_t k, float alpha, const float *a, int64_t rsa,
                        int64_t csa, const float *b, int64_t rsb, int64_t csb, float beta, float *c,
                        int64_t rsc, int64_t csc);
numc_status numc__dgemm(int64_t m, int64_t n, int64_t k, double alpha, const double *a,
                        int64_t rsa, int64_t csa, const double *b, int64_t rsb, int64_t csb,
                        double beta, double *c, int64_t rsc, int64_t csc);
numc_status numc__cgemm(int64_t m, int64_t n, int64_t k, numc__c64 alpha, const numc__c64 *a,
                        int64_t rsa, int64_t csa, const numc__c64 *b, int64_t rsb, int64_t csb,
                        numc__c64 beta, numc__c64 *c, int64_t rsc, int64_t csc);
numc_status numc__zgemm(int64_t m, int64_t n, int64_t k, numc__c128 alpha, const numc__c128 *a,
                        int64_t rsa, int64_t csa, const numc__c128 *b, int64_t rsb, int64_t csb,
                        numc__c128 beta, numc__c128 *c, int64_t rsc, int64_t csc);

/* The reference loops (gemm_ref.c): the definition the fast paths are tested against,
 * same contract as above, one thread, no allocation, never fail. */
numc_status numc__gemm_ref_f32(int64_t m, int64_t n, int64_t k, float alpha, const float *a,
                               int64_t rsa, int64_t csa, const float *b, int64_t rsb, int64_t csb,
                               float beta, float *c, int64_t rsc, int64_t csc);
numc_status numc__gemm_ref_f64(int64_t m, int64_t n, int64_t k, double alpha, const double *a,
                               int64_t rsa, int64_t csa, const double *b, int64_t rsb,
                               int64_t csb, double beta, double *c, int64_t rsc, int64_t csc);
numc_status numc__gemm_ref_c64(int64_t m, int64_t n, int64_t k, numc__c64 alpha,
                               const numc__c64 *a, int64_t rsa, int64_t csa, const numc__c64 *b,
                               int64_t rsb, int64_t csb, numc__c64 beta, numc__c64 *c,
                               int64_t rsc, int64_t csc);
numc_status numc__gemm_ref_c128(int64_t m, int64_t n, int64_t k, numc__c128 alpha,
                                const numc__c128 *a, int64_t rsa, int64_t csa,
                                const numc__c128 *b, int64_t rsb, int64_t csb, numc__c128 beta,
                                numc__c128 *c, int64_t rsc, int64_t csc);

/* The micro-kernel chosen at run time for a dtype, e.g. "avx512 32x12" for float32.
 * Complex types report the kernel of their real type (they are built on it); other
 * dtypes get "none". */
const char *numc__gemm_kernel_name(numc_dtype t);

/* Force the kernel family by ISA name ("avx512", "avx2", "sse2", "neon", "simd128",
 * "generic"), as the environment variable NUMC_GEMM_KERNEL does at start-up; NULL or ""
 * returns to automatic choice. Returns false (and changes nothing) when that family is unknown or this CPU
 * lacks it. For tests and benchmarks: not meant to be called while products run. */
bool numc__gemm_use_kernel(const char *isa);

/* Allow (the default) or forbid the direct small-product kernels, so that tests reach the
 * packed loop nest at small sizes too. Not meant to be called while products run. */
void numc__gemm_allow_direct(bool allow);

/* The ISA name of row i of the kernel table (best first), NULL past its end. Whether this
 * CPU runs it is what numc__gemm_use_kernel answers. */
const char *numc__gemm_kernel_isa(int i);

#endif
