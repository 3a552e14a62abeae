/* Internal interface of the matrix products (matmul, dot, vdot, inner, outer, tensordot,
 * kron, einsum).
 *
 * Two layers, each written once:
 *   - numc__product_stack: a stack of matrix products over already broadcast operands,
 *     computed in one dtype (the gemm interface for floats and complexes, exact loops for
 *     integers and bool), batched across threads;
 *   - numc__contract: a contraction described by axis labels (einsum's model), which every
 *     function but matmul reduces to, mapped onto views for numc__product_stack.
 * Neither copies an operand unless a dtype conversion or an impossible stride pattern
 * requires it. */
#ifndef NUMC_PRODUCTS_H
#define NUMC_PRODUCTS_H

#include "core/core.h"

/* c[z..., i, j] = sum_p a[z..., i, p] * b[z..., p, j] for every batch index z.
 *
 * a is (batch..., M, K), b (batch..., K, N), c (batch..., M, N): one batch shape for all
 * three (broadcast batch axes have stride 0), any strides. The sum runs in dtype t:
 * float32/float64/complex through numc__*gemm, float16 in float32 rounded once at the end
 * (as NumPy's float16 matmul and dot do), integers exactly with wrap-around, bool as
 * an or of ands. a and b are converted to t where their dtype differs; c (writeable,
 * validated by the caller) may have another dtype and may overlap a or b. */
numc_status numc__product_stack(const numc_array *a, const numc_array *b, numc_dtype t,
                                numc_array *c);

/* Exact kernels for one (M x K) @ (K x N) product in element strides, for integer dtypes
 * and bool; NULL for others. Integers accumulate in unsigned arithmetic (C's signed
 * overflow is undefined; NumPy's integer products wrap). */
typedef void (*numc__exact_mm)(int64_t m, int64_t n, int64_t k, const char *a, int64_t rsa,
                               int64_t csa, const char *b, int64_t rsb, int64_t csb, char *c,
                               int64_t rsc, int64_t csc);
numc__exact_mm numc__exact_mm_kernel(numc_dtype t);

/* Labels name the axes of a contraction: a label in both operands and the output is a
 * batch axis, in one operand and the output a free axis, absent from the output a summed
 * one. Labels are small integers below NUMC__MAXLABELS. */
#define NUMC__MAXLABELS (3 * NUMC_MAXDIMS)

typedef struct numc__contraction {
  int nop;                                  /* 1 or 2 operands */
  const numc_array *op[2];                  /* no label repeats within an operand */
  int labels[2][NUMC_MAXDIMS];              /* labels[k][d]: label of axis d of op[k] */
  int nout;                                 /* output axes, <= NUMC_MAXDIMS */
  int out_labels[NUMC_MAXDIMS];
  int64_t size[NUMC__MAXLABELS];            /* extent of each label; an operand axis of
                                               extent 1 broadcasts against it */
} numc__contraction;

/* out[out_labels] = sum over the other labels of op[0] * op[1], computed in t (see
 * numc__product_stack); one operand sums alone. The caller has validated labels and
 * extents (with its own function's messages). *out is a new C-ordered array. */
numc_status numc__contract(const numc__contraction *c, numc_dtype t, numc_array **out);

/* Arrays made from Python scalars are weak only in ufuncs: the products convert their
 * operands to arrays first, as NumPy's dot and einsum do, so promotion is strong. */
static inline numc_dtype numc__product_dtype(const numc_array *a, const numc_array *b) {
  return b ? numc_promote(a->dtype, b->dtype) : a->dtype;
}

#endif
