/* numc/linalg.h: matrix products and numpy.linalg. Included by numc.h.
 *
 * Matrices are the last two axes; leading axes are a batch ("stack") that broadcasts as
 * in NumPy. Decompositions accept float32, float64, complex64 and complex128 (integers
 * and bool are converted to float64, as NumPy does). A singular matrix, a matrix that is
 * not positive definite, or an iteration that does not converge gives NUMC_ELINALG with
 * NumPy's message ("Singular matrix"), never a wrong result. */
#ifndef NUMC_LINALG_H
#define NUMC_LINALG_H

#include "numc/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------- products */

/** numpy.matmul: 1-D operands are promoted and the added axis removed; stacks broadcast;
 * any strides. Integer matmul is exact (wrapping like NumPy). Takes out= (see ufunc.h). */
NUMC_API numc_status numc_matmul(const numc_array *a, const numc_array *b, numc_array **out);
NUMC_API numc_status numc_dot(const numc_array *a, const numc_array *b, numc_array **out);
/** numpy.vdot: flattens both, conjugates the first. */
NUMC_API numc_status numc_vdot(const numc_array *a, const numc_array *b, numc_array **out);
NUMC_API numc_status numc_inner(const numc_array *a, const numc_array *b, numc_array **out);
NUMC_API numc_status numc_outer(const numc_array *a, const numc_array *b, numc_array **out);
/** numpy.tensordot with axes given as two lists (a_axes, b_axes) of equal length n. */
NUMC_API numc_status numc_tensordot(const numc_array *a, const numc_array *b, const numc_axes *a_axes,
                                    const numc_axes *b_axes, numc_array **out);
/** numpy.tensordot(a, b, axes=n): the last n axes of a with the first n of b. */
NUMC_API numc_status numc_tensordot_n(const numc_array *a, const numc_array *b, int n,
                                      numc_array **out);
NUMC_API numc_status numc_kron(const numc_array *a, const numc_array *b, numc_array **out);
/** numpy.einsum for explicit subscripts ("ij,jk->ik", "bij,bjk->bik", "ii->", "ij->ji",
 * "i,i->", "ij,j->i", and in general any explicit form with one or two operands). */
NUMC_API numc_status numc_einsum(const char *subscripts, const numc_array *const *operands, int n,
                                 numc_array **out);

/* ------------------------------------------------------------ numpy.linalg */

NUMC_API numc_status numc_linalg_inv(const numc_array *a, numc_array **out);
/** Solve a x = b; b is (..., M) or (..., M, K). */
NUMC_API numc_status numc_linalg_solve(const numc_array *a, const numc_array *b, numc_array **out);
NUMC_API numc_status numc_linalg_det(const numc_array *a, numc_array **out);
/** sign and log|det|: two outputs. */
NUMC_API numc_status numc_linalg_slogdet(const numc_array *a, numc_array **sign, numc_array **logabsdet);
/** numpy.linalg.lstsq: x, residuals, rank, singular values. rcond < 0 means NumPy's
 * default (machine epsilon times max(M, N)). */
NUMC_API numc_status numc_linalg_lstsq(const numc_array *a, const numc_array *b, double rcond,
                                       numc_array **x, numc_array **residuals, numc_array **rank,
                                       numc_array **s);
NUMC_API numc_status numc_linalg_pinv(const numc_array *a, double rcond, bool hermitian,
                                      numc_array **out);
/** tol < 0 means NumPy's default. */
NUMC_API numc_status numc_linalg_matrix_rank(const numc_array *a, double tol, bool hermitian,
                                             numc_array **out);
NUMC_API numc_status numc_linalg_matrix_power(const numc_array *a, int64_t n, numc_array **out);
/** numpy.trace(a, offset, axis1, axis2). */
NUMC_API numc_status numc_trace(const numc_array *a, int64_t offset, int axis1, int axis2,
                                numc_array **out);

/* Norm orders: a number, or one of these. */
typedef enum numc_norm_kind {
  NUMC_NORM_ORD = 0, /* use the numeric `ord` (inf and -inf allowed) */
  NUMC_NORM_NONE = 1,
  NUMC_NORM_FRO = 2,
  NUMC_NORM_NUC = 3
} numc_norm_kind;
/** numpy.linalg.norm(x, ord, axis, keepdims); axes NULL: the whole array (vector if 1-D,
 * matrix if 2-D); 1 axis: vector norms; 2 axes: matrix norms. */
NUMC_API numc_status numc_linalg_norm(const numc_array *x, numc_norm_kind kind, double ord,
                                      const numc_axes *axes, bool keepdims, numc_array **out);
NUMC_API numc_status numc_linalg_cond(const numc_array *x, numc_norm_kind kind, double ord,
                                      numc_array **out);

typedef enum numc_qr_mode { NUMC_QR_REDUCED = 0, NUMC_QR_COMPLETE = 1, NUMC_QR_R = 2 } numc_qr_mode;
/** q is not written for NUMC_QR_R (pass NULL). */
NUMC_API numc_status numc_linalg_qr(const numc_array *a, numc_qr_mode mode, numc_array **q,
                                    numc_array **r);
/** Lower-triangular L with a = L L^H (upper=false) or upper U with a = U^H U. */
NUMC_API numc_status numc_linalg_cholesky(const numc_array *a, bool upper, numc_array **out);
/** Eigenvalues (ascending) and eigenvectors of a Hermitian matrix; UPLO "L" or "U". */
NUMC_API numc_status numc_linalg_eigh(const numc_array *a, const char *uplo, numc_array **w,
                                      numc_array **v);
NUMC_API numc_status numc_linalg_eigvalsh(const numc_array *a, const char *uplo, numc_array **w);
/** General eigenproblem; results are complex unless every eigenvalue is real (as NumPy). */
NUMC_API numc_status numc_linalg_eig(const numc_array *a, numc_array **w, numc_array **v);
NUMC_API numc_status numc_linalg_eigvals(const numc_array *a, numc_array **w);
/** u, s, vh with a = u diag(s) vh; u and vh are not written when compute_uv is false. */
NUMC_API numc_status numc_linalg_svd(const numc_array *a, bool full_matrices, bool compute_uv,
                                     bool hermitian, numc_array **u, numc_array **s,
                                     numc_array **vh);
NUMC_API numc_status numc_linalg_svdvals(const numc_array *a, numc_array **out);

#ifdef __cplusplus
}
#endif
#endif
