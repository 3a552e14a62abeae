/* Shared machinery of the dense numpy.linalg functions (LU, QR, Cholesky, norms, and the
 * SVD/eigen solvers): NumPy's argument checks and messages, the dtypes a stack is
 * computed and returned in, stacks of matrices ("batches") walked in parallel, copies of
 * one matrix into a contiguous work buffer and back, and scalar helpers for algorithms
 * written once over double and double complex.
 *
 * Work buffers are row-major: element (i, j) of a matrix with leading dimension ld is
 * w[i * ld + j]. Every algorithm computes in float64 or complex128 (numc__la_work_dtype):
 * float32 and complex64 inputs are widened on load and rounded on store. That keeps one
 * instantiation per algorithm and makes float32 results at least as accurate as LAPACK's
 * single-precision ones, which the NumPy oracle compares against. */
#ifndef NUMC_LINALG_DENSE_H
#define NUMC_LINALG_DENSE_H

#include <float.h>
#include <math.h>

#include "core/core.h"
#include "linalg/gemm.h"
#include "reduce/reduce.h" /* NUMC__MUL: NumPy's textbook complex product */

/* ------------------------------------------------------------- arguments */

/* The dtype numpy.linalg returns for operands of dtypes a and b (NumPy's _commonType):
 * float32 only when every operand is float32 or complex64, complex when any is complex;
 * integers and bool count as float64; float16 is refused with NumPy's TypeError "array
 * type float16 is unsupported in linalg". Pass a == b for one operand. */
numc_status numc__la_result_dtype(numc_dtype a, numc_dtype b, numc_dtype *result);
/* The dtype the algorithms run in for a result dtype: complex128 or float64. */
static inline numc_dtype numc__la_work_dtype(numc_dtype result) {
  return numc__is_complex(result) ? NUMC_COMPLEX128 : NUMC_FLOAT64;
}
/* NumPy's _assert_stacked_2d and _assert_stacked_square (LinAlgError). */
numc_status numc__la_check_2d(const numc_array *a);
numc_status numc__la_check_square(const numc_array *a);
/* A fresh C-ordered output of dtype t: the batch shape followed by `ncore` extents. */
numc_status numc__la_new(numc_dtype t, int nbatch, const int64_t *batch, int ncore,
                         const int64_t *core, numc_array **out);

/* ---------------------------------------------------------------- batches */

/* The leading ("stack") dimensions that one or more operands broadcast to. */
typedef struct numc__la_batch {
  int ndim;
  int64_t shape[NUMC_MAXDIMS];
  int64_t count; /* matrices in the stack */
} numc__la_batch;

/* The stack of `a` when its last `ncore` dimensions are the matrix (or vector). Brings a
 * device array's bytes to the host (numc__host_ready): NUMC_EDEVICE if they are lost. */
numc_status numc__la_batch_of(const numc_array *a, int ncore, numc__la_batch *b);
/* Broadcast the stacks of a (ncore_a trailing dims) and b (ncore_b); ESHAPE on mismatch. */
numc_status numc__la_batch_broadcast(const numc_array *a, int ncore_a, const numc_array *b,
                                     int ncore_b, numc__la_batch *out);
/* Address of a's matrix number k (C order over b's shape, a's stack broadcasting to it). */
const char *numc__la_item(const numc_array *a, int ncore, const numc__la_batch *b, int64_t k);

/* Work on one matrix of a stack: `work` is work_bytes of 64-byte aligned scratch owned by
 * the calling thread. Returns NUMC_ELINALG (no message: the caller words it), NUMC_ENOMEM
 * or NUMC_OK; runs on pool threads, so it must not call numc__fail. */
typedef numc_status (*numc__la_item_fn)(void *ctx, int64_t k, void *work);
/* Run fn for k in [0, count), in parallel over the stack when each item costs little next
 * to the pool's overhead; large items run one after the other and parallelise inside
 * (GEMM). `flops` estimates one item's cost. On failure the first failing status is
 * returned, with `linalg_msg` as the message of NUMC_ELINALG. */
numc_status numc__la_for_each(int64_t count, double flops, size_t work_bytes, numc__la_item_fn fn,
                              void *ctx, const char *linalg_msg);

/* ------------------------------------------------------ load and store */

/* Copy the rows x cols matrix at src (dtype st, byte strides rs and cs) into w (dtype wt,
 * row-major, leading dimension ld elements), converting. */
void numc__la_load(const char *src, numc_dtype st, int64_t rs, int64_t cs, int64_t rows,
                   int64_t cols, numc_dtype wt, void *w, int64_t ld);
/* The reverse: w (dtype wt, leading dimension ld) into a C-contiguous rows x cols matrix
 * of dtype dt at dst. */
void numc__la_store(const void *w, numc_dtype wt, int64_t ld, int64_t rows, int64_t cols,
                    numc_dtype dt, char *dst);

/* ------------------------------------------------------ scalar helpers */

/* For algorithms instantiated over double and numc__c128 (NUMC__LA_TYPES). */
#define NUMC__LA_TYPES(X) X(d, double, NUMC_FLOAT64) X(z, numc__c128, NUMC_COMPLEX128)

static inline double numc__la_conj_d(double x) { return x; }
static inline numc__c128 numc__la_conj_z(numc__c128 x) { return CMPLX(creal(x), -cimag(x)); }
#define NUMC__LA_CONJ(x) _Generic((x), numc__c128: numc__la_conj_z, default: numc__la_conj_d)(x)

static inline double numc__la_re_z(numc__c128 x) { return creal(x); }
static inline double numc__la_re_d(double x) { return x; }
#define NUMC__LA_RE(x) _Generic((x), numc__c128: numc__la_re_z, default: numc__la_re_d)(x)
static inline double numc__la_im_z(numc__c128 x) { return cimag(x); }
static inline double numc__la_im_d(double x) { return 0 * x; }
#define NUMC__LA_IM(x) _Generic((x), numc__c128: numc__la_im_z, default: numc__la_im_d)(x)

/* |x|^2 without a square root. */
static inline double numc__la_abs2_d(double x) { return x * x; }
static inline double numc__la_abs2_z(numc__c128 x) {
  return creal(x) * creal(x) + cimag(x) * cimag(x);
}
#define NUMC__LA_ABS2(x) _Generic((x), numc__c128: numc__la_abs2_z, default: numc__la_abs2_d)(x)

/* |re| + |im|: the magnitude BLAS i?amax ranks pivots by (LAPACK's dcabs1). */
static inline double numc__la_abs1_d(double x) { return fabs(x); }
static inline double numc__la_abs1_z(numc__c128 x) { return fabs(creal(x)) + fabs(cimag(x)); }
#define NUMC__LA_ABS1(x) _Generic((x), numc__c128: numc__la_abs1_z, default: numc__la_abs1_d)(x)

static inline double numc__la_abs_z(numc__c128 x) { return hypot(creal(x), cimag(x)); }
#define NUMC__LA_ABS(x) _Generic((x), numc__c128: numc__la_abs_z, default: fabs)(x)

/* x / y. The reciprocal of a pivot is taken once and multiplied in, as LAPACK does,
 * unless it would overflow (|y| below the smallest normal number). */
static inline numc__c128 numc__la_div_z(numc__c128 x, numc__c128 y) { return x / y; }
static inline double numc__la_div_d(double x, double y) { return x / y; }
#define NUMC__LA_DIV(x, y) _Generic((x), numc__c128: numc__la_div_z, default: numc__la_div_d)(x, y)

/* GEMM of the work type, chosen by C's pointer type. */
#define NUMC__LA_GEMM(c) _Generic((c), numc__c128 *: numc__zgemm, default: numc__dgemm)

/* ---------------------------------------- functions composed of others */

/* Temporaries of one call of a function written as NumPy writes it in Python (norm,
 * cond, pinv, lstsq), freed together on every path. */
typedef struct numc__temps {
  numc_array *a[16];
  int n;
} numc__temps;

static inline void numc__temps_free(numc__temps *t) {
  while (t->n > 0) numc_free(t->a[--t->n]);
}

/* var = the array a numc call writes through `&res_`, kept in t; on failure jump to
 * `done` with the status in `s`. */
#define NUMC__LA_TEMP(t, var, call)    \
  do {                                 \
    numc_array *res_ = NULL;           \
    s = (call);                        \
    if (s != NUMC_OK) goto done;       \
    (t)->a[(t)->n++] = res_;           \
    var = res_;                        \
  } while (0)

/* (x.conj() * x).real: |x|^2 elementwise, in x's real dtype (norm.c). */
numc_status numc__la_abs_squared(const numc_array *x, numc_array **out);

/* ------------------------------------------------- shared entry points */

/* Row-major LU with partial pivoting of an n x n matrix (lu.c), for the functions built
 * on it: piv[i] is the row swapped with row i. Returns the first zero pivot's 1-based
 * index as LAPACK's info (0: nonsingular), or a negative status (NUMC_ENOMEM). */
int64_t numc__lu_factor_d(int64_t n, double *a, int64_t lda, int64_t *piv);
int64_t numc__lu_factor_z(int64_t n, numc__c128 *a, int64_t lda, int64_t *piv);
/* numpy.linalg.inv as cond calls it: a singular matrix gives NaN instead of an error. */
numc_status numc__la_inv_or_nan(const numc_array *a, numc_array **out);

#endif
