/* Exact matrix products for the dtypes gemm does not cover: integers (wrapping like
 * NumPy's, computed in unsigned arithmetic because C's signed overflow is undefined) and
 * bool (NumPy's logical or of ands). Strides are in elements, any sign.
 *
 * Blocking: ROWS rows by COLS columns of C accumulate in a local array while p runs over
 * k, so every element of B loaded serves ROWS rows and the accumulators stay in L1
 * (4 x 256 x 8 bytes = 8 KiB); a unit column stride of B gets its own loop that the
 * compiler vectorises. */
#include "linalg/products.h"
#include "ufunc/loops.h" /* NUMC__INTS */

#define ROWS 4
#define COLS 256

#define INT_LOAD(v, W) ((W)(v))
#define INT_MAC(acc, x, y) ((acc) + (x) * (y))
/* Bool bytes other than 0 and 1 (from wrapped memory) still count as true. */
#define BOOL_LOAD(v, W) ((W)((v) != 0))
#define BOOL_MAC(acc, x, y) ((acc) | ((x) & (y)))

#define EXACT_MM(name, T, W, LOAD, MAC)                                                        \
  static void numc_matmul_##name##_exact(int64_t m, int64_t n, int64_t k, const char *a_,      \
                                         int64_t rsa, int64_t csa, const char *b_, int64_t rsb, \
                                         int64_t csb, char *c_, int64_t rsc, int64_t csc) {     \
    const T *a = (const T *)a_, *b = (const T *)b_;                                            \
    T *c = (T *)c_;                                                                            \
    W acc[ROWS][COLS];                                                                         \
    for (int64_t j0 = 0; j0 < n; j0 += COLS) {                                                 \
      int64_t nj = n - j0 < COLS ? n - j0 : COLS;                                              \
      for (int64_t i0 = 0; i0 < m; i0 += ROWS) {                                               \
        int64_t ni = m - i0 < ROWS ? m - i0 : ROWS;                                            \
        for (int64_t ii = 0; ii < ni; ii++)                                                    \
          for (int64_t jj = 0; jj < nj; jj++) acc[ii][jj] = 0;                                 \
        for (int64_t p = 0; p < k; p++) {                                                      \
          const T *brow = b + p * rsb + j0 * csb;                                              \
          for (int64_t ii = 0; ii < ni; ii++) {                                                \
            W x = LOAD(a[(i0 + ii) * rsa + p * csa], W);                                       \
            W *row = acc[ii];                                                                  \
            if (csb == 1) {                                                                    \
              for (int64_t jj = 0; jj < nj; jj++) row[jj] = MAC(row[jj], x, LOAD(brow[jj], W)); \
            } else {                                                                           \
              for (int64_t jj = 0; jj < nj; jj++)                                              \
                row[jj] = MAC(row[jj], x, LOAD(brow[jj * csb], W));                            \
            }                                                                                  \
          }                                                                                    \
        }                                                                                      \
        for (int64_t ii = 0; ii < ni; ii++)                                                    \
          for (int64_t jj = 0; jj < nj; jj++) c[(i0 + ii) * rsc + (j0 + jj) * csc] = (T)acc[ii][jj]; \
      }                                                                                        \
    }                                                                                          \
  }

#define EXACT_INT(A, name, E, T, W) EXACT_MM(name, T, W, INT_LOAD, INT_MAC)
NUMC__INTS(EXACT_INT, _)
/* Bytes read as uint8_t: a bool object holding another byte value would be undefined. */
EXACT_MM(bool, uint8_t, uint32_t, BOOL_LOAD, BOOL_MAC)

#define EXACT_ROW(A, name, E, T, W) [NUMC_##E] = numc_matmul_##name##_exact,

numc__exact_mm numc__exact_mm_kernel(numc_dtype t) {
  static const numc__exact_mm kernels[NUMC_NDTYPES] = {
      [NUMC_BOOL] = numc_matmul_bool_exact,
      NUMC__INTS(EXACT_ROW, _)
  };
  return numc__valid_dtype((int)t) ? kernels[t] : NULL;
}
