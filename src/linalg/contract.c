/* Contractions described by axis labels (einsum's model), mapped onto one batched matrix
 * product. dot, vdot, inner, outer, tensordot, kron and einsum all end here.
 *
 * Each label takes one role: batch (both operands and the output), row (first operand and
 * the output), column (second operand and the output) or summed (not in the output).
 * The product runs over views: batch labels and all but the last row and column label
 * become batch axes of numc__product_stack (which folds them back into the matrices
 * where the strides allow); the summed labels must merge into one axis of constant
 * stride in both operands, and an operand where they cannot is copied once into a layout
 * where they do. Without summed labels the result is an elementwise product. */
#include <stdlib.h>

#include "index/index.h" /* numc__borrow */
#include "linalg/products.h"

/* One operand seen through labels: a byte stride per label (0 where the label is absent
 * or broadcast from extent 1). */
typedef struct labelled {
  const numc_array *arr;
  bool has[NUMC__MAXLABELS];
  int64_t stride[NUMC__MAXLABELS];
} labelled;

static void label_operand(const numc__contraction *c, int k, labelled *x) {
  const numc_array *a = c->op[k];
  x->arr = a;
  memset(x->has, 0, sizeof x->has);
  memset(x->stride, 0, sizeof x->stride);
  for (int d = 0; d < a->ndim; d++) {
    int l = c->labels[k][d];
    x->has[l] = true;
    x->stride[l] = a->shape[d] == c->size[l] ? a->strides[d] : 0;
  }
}

/* A borrowed view of x over the listed labels (their extents, x's strides). */
static numc_array view_of(const numc__contraction *c, const labelled *x, int n, const int *labels) {
  int64_t shape[NUMC_MAXDIMS], strides[NUMC_MAXDIMS];
  for (int i = 0; i < n; i++) {
    shape[i] = c->size[labels[i]];
    strides[i] = x->stride[labels[i]];
  }
  return numc__borrow(x->arr, n, shape, strides, 0);
}

/* Whether the summed labels, in this order, step through x with one constant stride. */
static bool merges(const numc__contraction *c, const labelled *x, int n, const int *sum) {
  for (int i = 0; i + 1 < n; i++)
    if (x->stride[sum[i]] != c->size[sum[i + 1]] * x->stride[sum[i + 1]]) return false;
  return true;
}

/* Summed labels ordered by decreasing |stride| in x: the only order that can merge. */
static void order_by(const labelled *x, int n, int *sum) {
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && llabs(x->stride[sum[j - 1]]) < llabs(x->stride[sum[j]]); j--) {
      int tmp = sum[j];
      sum[j] = sum[j - 1];
      sum[j - 1] = tmp;
    }
}

/* Copy x (converted to t) into a fresh array laid out as [x's kept labels..., summed
 * labels in order], where the summed labels merge; x then points into the copy, which
 * *owned holds. Summed labels x lacks are materialised: the copy has at most as many
 * elements as the product has multiply-adds. */
static numc_status relayout(const numc__contraction *c, labelled *x, const bool *summed,
                            int nsum, const int *sum, numc_dtype t, numc_array **owned) {
  int labels[NUMC__MAXLABELS], n = 0;
  for (int l = 0; l < NUMC__MAXLABELS; l++)
    if (x->has[l] && !summed[l]) labels[n++] = l;
  if (n + nsum > NUMC_MAXDIMS)
    return numc__fail(NUMC_EINVAL, "contraction needs more than %d dimensions", NUMC_MAXDIMS);
  for (int i = 0; i < nsum; i++) labels[n++] = sum[i];
  numc_array src = view_of(c, x, n, labels);
  NUMC__TRY(numc__new(t, n, src.shape, NUMC_ORDER_C, false, owned));
  numc_status s = numc__assign(*owned, &src);
  if (s != NUMC_OK) {
    numc_free(*owned);
    *owned = NULL;
    return s;
  }
  x->arr = *owned;
  for (int i = 0; i < n; i++) {
    x->has[labels[i]] = true;
    x->stride[labels[i]] = (*owned)->strides[i];
  }
  return NUMC_OK;
}

/* No summed label: out = op0 (rearranged) or op0 * op1, broadcast over the output. */
static numc_status elementwise(const numc__contraction *c, const labelled *x, numc_array *r) {
  numc_array a = view_of(c, &x[0], c->nout, c->out_labels);
  if (c->nop == 1) return numc__assign(r, &a);
  numc_array b = view_of(c, &x[1], c->nout, c->out_labels);
  numc_array *target = r;
  return numc_multiply(&a, &b, &target);
}

/* The output as a product stack; x[1] may be the "ones" operand of a single-operand sum. */
static numc_status as_stack(const numc__contraction *c, labelled *x, const bool *in_out,
                            numc_dtype t, numc_array *r, numc_array **owned) {
  bool summed[NUMC__MAXLABELS] = {false};
  int sum[NUMC__MAXLABELS], nsum = 0;
  for (int l = 0; l < NUMC__MAXLABELS; l++)
    if ((x[0].has[l] || x[1].has[l]) && !in_out[l] && c->size[l] != 1) {
      summed[l] = true;
      sum[nsum++] = l;
    }
  /* Merge the summed labels: in x[0]'s order, else in x[1]'s, copying what does not fit. */
  order_by(&x[0], nsum, sum);
  if (!merges(c, &x[0], nsum, sum)) {
    int alt[NUMC__MAXLABELS];
    memcpy(alt, sum, sizeof(int) * (size_t)nsum);
    order_by(&x[1], nsum, alt);
    if (merges(c, &x[1], nsum, alt)) {
      memcpy(sum, alt, sizeof(int) * (size_t)nsum);
    } else {
      NUMC__TRY(relayout(c, &x[1], summed, nsum, sum, t, &owned[1]));
    }
    NUMC__TRY(relayout(c, &x[0], summed, nsum, sum, t, &owned[0]));
  } else if (!merges(c, &x[1], nsum, sum)) {
    NUMC__TRY(relayout(c, &x[1], summed, nsum, sum, t, &owned[1]));
  }
  int64_t k = 1;
  for (int i = 0; i < nsum; i++) k *= c->size[sum[i]];
  int last_sum = nsum ? sum[nsum - 1] : -1;

  /* Output labels: the last row label and the last column label are the matrix axes
   * (the innermost in a C-ordered result), everything else is batch. */
  int row = -1, col = -1;
  for (int i = 0; i < c->nout; i++) {
    int l = c->out_labels[i];
    if (x[0].has[l] && !x[1].has[l]) row = l;
    if (x[1].has[l] && !x[0].has[l]) col = l;
  }
  int nb = 0, batch[NUMC_MAXDIMS];
  for (int i = 0; i < c->nout; i++)
    if (c->out_labels[i] != row && c->out_labels[i] != col) batch[nb++] = c->out_labels[i];
  if (nb + 2 > NUMC_MAXDIMS)
    return numc__fail(NUMC_EINVAL, "contraction needs more than %d dimensions", NUMC_MAXDIMS);

  int64_t out_stride[NUMC__MAXLABELS] = {0};
  for (int i = 0; i < c->nout; i++) out_stride[c->out_labels[i]] = r->strides[i];
  int64_t ash[NUMC_MAXDIMS], ast[NUMC_MAXDIMS], bsh[NUMC_MAXDIMS], bst[NUMC_MAXDIMS],
      csh[NUMC_MAXDIMS], cst[NUMC_MAXDIMS];
  for (int i = 0; i < nb; i++) {
    int l = batch[i];
    ash[i] = bsh[i] = csh[i] = c->size[l];
    ast[i] = x[0].stride[l];
    bst[i] = x[1].stride[l];
    cst[i] = out_stride[l];
  }
  int64_t m = row >= 0 ? c->size[row] : 1, n = col >= 0 ? c->size[col] : 1;
  ash[nb] = csh[nb] = m;
  ast[nb] = row >= 0 ? x[0].stride[row] : 0;
  cst[nb] = row >= 0 ? out_stride[row] : 0;
  bsh[nb + 1] = csh[nb + 1] = n;
  bst[nb + 1] = col >= 0 ? x[1].stride[col] : 0;
  cst[nb + 1] = col >= 0 ? out_stride[col] : 0;
  ash[nb + 1] = bsh[nb] = k;
  ast[nb + 1] = last_sum >= 0 ? x[0].stride[last_sum] : 0;
  bst[nb] = last_sum >= 0 ? x[1].stride[last_sum] : 0;
  numc_array av = numc__borrow(x[0].arr, nb + 2, ash, ast, 0);
  numc_array bv = numc__borrow(x[1].arr, nb + 2, bsh, bst, 0);
  numc_array cv = numc__borrow(r, nb + 2, csh, cst, 0);
  return numc__product_stack(&av, &bv, t, &cv);
}

numc_status numc__contract(const numc__contraction *c, numc_dtype t, numc_array **out) {
  labelled x[2];
  bool in_out[NUMC__MAXLABELS] = {false}, any_summed = false;
  int64_t shape[NUMC_MAXDIMS];
  for (int i = 0; i < c->nout; i++) {
    in_out[c->out_labels[i]] = true;
    shape[i] = c->size[c->out_labels[i]];
  }
  for (int k = 0; k < c->nop; k++) {
    label_operand(c, k, &x[k]);
    for (int d = 0; d < c->op[k]->ndim; d++) any_summed |= !in_out[c->labels[k][d]];
  }
  numc_array *r = NULL, *ones = NULL, *owned[2] = {NULL, NULL};
  NUMC__TRY(numc__new(t, c->nout, shape, NUMC_ORDER_C, false, &r));
  numc_status s = NUMC_OK;
  if (!any_summed) {
    s = elementwise(c, x, r);
  } else {
    if (c->nop == 1) {
      /* A sum of one operand is its product with ones: a single 1 seen with stride 0. */
      s = numc__new(t, 0, NULL, NUMC_ORDER_C, false, &ones);
      if (s == NUMC_OK) {
        numc__scalar_store(numc_int(1), t, numc__host_data(ones));
        x[1] = (labelled){.arr = ones};
      }
    }
    if (s == NUMC_OK) s = as_stack(c, x, in_out, t, r, owned);
  }
  numc_free(ones);
  numc_free(owned[0]);
  numc_free(owned[1]);
  if (s != NUMC_OK) {
    numc_free(r);
    return s;
  }
  *out = r;
  return NUMC_OK;
}
