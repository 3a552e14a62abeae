/* dot, vdot, inner, outer, tensordot and kron: NumPy's fixed-pattern products, each a
 * labelled contraction (contract.c) after its own argument checks and messages. */
#include "index/index.h" /* numc__check_out, numc__borrow */
#include "linalg/products.h"

static numc_status check_args(const char *name, const numc_array *a, const numc_array *b,
                              numc_array **out) {
  if (!a || !b) return numc__fail(NUMC_EINVAL, "%s: input array is NULL", name);
  return numc__check_out(out);
}

/* tensordot's pattern: the output is a's free axes then b's, in order; b's axis sb[i] is
 * summed against a's axis sa[i] (extents already checked equal). */
static numc_status contract_axes(const numc_array *a, const numc_array *b, int n, const int *sa,
                                 const int *sb, numc_array **out) {
  numc__contraction c = {.nop = 2, .op = {a, b}};
  bool summed_a[NUMC_MAXDIMS] = {false}, summed_b[NUMC_MAXDIMS] = {false};
  for (int d = 0; d < a->ndim; d++) {
    c.labels[0][d] = d;
    c.size[d] = a->shape[d];
  }
  for (int d = 0; d < b->ndim; d++) {
    c.labels[1][d] = a->ndim + d;
    c.size[a->ndim + d] = b->shape[d];
  }
  for (int i = 0; i < n; i++) {
    c.labels[1][sb[i]] = sa[i];
    summed_a[sa[i]] = summed_b[sb[i]] = true;
  }
  int nout = a->ndim + b->ndim - 2 * n;
  NUMC__TRY(numc__check_ndim(nout));
  for (int d = 0; d < a->ndim; d++)
    if (!summed_a[d]) c.out_labels[c.nout++] = c.labels[0][d];
  for (int d = 0; d < b->ndim; d++)
    if (!summed_b[d]) c.out_labels[c.nout++] = c.labels[1][d];
  return numc__contract(&c, numc__product_dtype(a, b), out);
}

/* NumPy's message for dot and inner: "shapes (2,3) and (4,5) not aligned: 3 (dim 1) != 4
 * (dim 0)". */
static numc_status not_aligned(const numc_array *a, int da, const numc_array *b, int db) {
  char sa[160], sb[160];
  return numc__fail(NUMC_ESHAPE, "shapes %s and %s not aligned: %lld (dim %d) != %lld (dim %d)",
                    numc__shape_str(sa, sizeof sa, a->ndim, a->shape),
                    numc__shape_str(sb, sizeof sb, b->ndim, b->shape), (long long)a->shape[da], da,
                    (long long)b->shape[db], db);
}

/* dot and inner sum a's last axis against b's axis db; a 0-d operand multiplies. */
static numc_status last_axis_product(const char *name, const numc_array *a, const numc_array *b,
                                     int db, numc_array **out) {
  NUMC__TRY(check_args(name, a, b, out));
  if (a->ndim == 0 || b->ndim == 0) return contract_axes(a, b, 0, NULL, NULL, out);
  int da = a->ndim - 1;
  if (a->shape[da] != b->shape[db]) return not_aligned(a, da, b, db);
  return contract_axes(a, b, 1, &da, &db, out);
}

numc_status numc_dot(const numc_array *a, const numc_array *b, numc_array **out) {
  int db = b && b->ndim >= 2 ? b->ndim - 2 : 0;
  return last_axis_product("dot", a, b, db, out);
}

numc_status numc_inner(const numc_array *a, const numc_array *b, numc_array **out) {
  return last_axis_product("inner", a, b, b && b->ndim > 0 ? b->ndim - 1 : 0, out);
}

/* Both operands flattened in C order; the first conjugated. */
numc_status numc_vdot(const numc_array *a, const numc_array *b, numc_array **out) {
  NUMC__TRY(check_args("vdot", a, b, out));
  if (numc__size(a->ndim, a->shape) != numc__size(b->ndim, b->shape))
    return numc__fail(NUMC_ESHAPE, "vdot: vectors have different lengths (%lld and %lld)",
                      (long long)numc__size(a->ndim, a->shape), (long long)numc__size(b->ndim, b->shape));
  numc_array *fa = NULL, *fb = NULL, *conj = NULL;
  numc_status s = numc_ravel(a, NUMC_ORDER_C, &fa);
  if (s == NUMC_OK) s = numc_ravel(b, NUMC_ORDER_C, &fb);
  if (s == NUMC_OK && numc__is_complex(a->dtype)) s = numc_conjugate(fa, &conj);
  int axis = 0;
  if (s == NUMC_OK) s = contract_axes(conj ? conj : fa, fb, 1, &axis, &axis, out);
  numc_free(fa);
  numc_free(fb);
  numc_free(conj);
  return s;
}

numc_status numc_outer(const numc_array *a, const numc_array *b, numc_array **out) {
  NUMC__TRY(check_args("outer", a, b, out));
  numc_array *fa = NULL, *fb = NULL;
  numc_status s = numc_ravel(a, NUMC_ORDER_C, &fa);
  if (s == NUMC_OK) s = numc_ravel(b, NUMC_ORDER_C, &fb);
  if (s == NUMC_OK) s = contract_axes(fa, fb, 0, NULL, NULL, out);
  numc_free(fa);
  numc_free(fb);
  return s;
}

numc_status numc_tensordot(const numc_array *a, const numc_array *b, const numc_axes *a_axes,
                           const numc_axes *b_axes, numc_array **out) {
  NUMC__TRY(check_args("tensordot", a, b, out));
  if (!a_axes || !b_axes) return numc__fail(NUMC_EINVAL, "tensordot: a_axes and b_axes are required");
  if (a_axes->n != b_axes->n) return numc__fail(NUMC_ESHAPE, "shape-mismatch for sum");
  int n = a_axes->n, sa[NUMC_MAXDIMS], sb[NUMC_MAXDIMS];
  bool seen_a[NUMC_MAXDIMS] = {false}, seen_b[NUMC_MAXDIMS] = {false};
  if (n > a->ndim || n > b->ndim)
    return numc__fail(NUMC_EAXIS, "tensordot: %d axes to sum over, but the arrays have %d and %d dimensions",
                      n, a->ndim, b->ndim);
  for (int i = 0; i < n; i++) {
    NUMC__TRY(numc__axis(a_axes->v[i], a->ndim, &sa[i]));
    NUMC__TRY(numc__axis(b_axes->v[i], b->ndim, &sb[i]));
    if (seen_a[sa[i]] || seen_b[sb[i]]) return numc__fail(NUMC_EINVAL, "repeated axis in tensordot");
    seen_a[sa[i]] = seen_b[sb[i]] = true;
    if (a->shape[sa[i]] != b->shape[sb[i]]) return numc__fail(NUMC_ESHAPE, "shape-mismatch for sum");
  }
  return contract_axes(a, b, n, sa, sb, out);
}

numc_status numc_tensordot_n(const numc_array *a, const numc_array *b, int n, numc_array **out) {
  NUMC__TRY(check_args("tensordot", a, b, out));
  /* NumPy 1.x reads a negative n as an empty pair of lists; that is an accident, not API. */
  if (n < 0) return numc__fail(NUMC_EVALUE, "tensordot: axes must be a non-negative integer, got %d", n);
  if (n > a->ndim || n > b->ndim)
    return numc__fail(NUMC_ESHAPE, "tensordot: cannot sum over %d axes of arrays with %d and %d dimensions",
                      n, a->ndim, b->ndim);
  numc_axes aa = {.n = n}, bb = {.n = n};
  for (int i = 0; i < n; i++) {
    aa.v[i] = a->ndim - n + i;
    bb.v[i] = i;
  }
  return numc_tensordot(a, b, &aa, &bb, out);
}

/* kron(a, b)[..., i*nb + j, ...] = a[..., i, ...] * b[..., j, ...] per axis: the
 * interleaved outer product (a0, b0, a1, b1, ...) read back as (a0*b0, a1*b1, ...). */
numc_status numc_kron(const numc_array *a, const numc_array *b, numc_array **out) {
  NUMC__TRY(check_args("kron", a, b, out));
  int nd = a->ndim > b->ndim ? a->ndim : b->ndim;
  if (2 * nd > NUMC_MAXDIMS)
    return numc__fail(NUMC_EINVAL, "kron: numc supports at most %d dimensions (got %d)", NUMC_MAXDIMS / 2, nd);
  /* Both with nd axes: missing leading axes have extent 1. */
  int64_t ashape[NUMC_MAXDIMS], astr[NUMC_MAXDIMS], bshape[NUMC_MAXDIMS], bstr[NUMC_MAXDIMS],
      shape[NUMC_MAXDIMS];
  for (int d = 0; d < nd; d++) {
    int da = d - (nd - a->ndim), db = d - (nd - b->ndim);
    ashape[d] = da >= 0 ? a->shape[da] : 1;
    astr[d] = da >= 0 ? a->strides[da] : 0;
    bshape[d] = db >= 0 ? b->shape[db] : 1;
    bstr[d] = db >= 0 ? b->strides[db] : 0;
    shape[d] = ashape[d] * bshape[d];
  }
  NUMC__TRY(numc__check_shape(nd, shape, numc_dtype_size(numc__product_dtype(a, b))));
  numc_array pa = numc__borrow(a, nd, ashape, astr, 0), pb = numc__borrow(b, nd, bshape, bstr, 0);
  numc__contraction c = {.nop = 2, .op = {&pa, &pb}, .nout = 2 * nd};
  for (int d = 0; d < nd; d++) {
    c.labels[0][d] = c.out_labels[2 * d] = 2 * d;
    c.labels[1][d] = c.out_labels[2 * d + 1] = 2 * d + 1;
    c.size[2 * d] = ashape[d];
    c.size[2 * d + 1] = bshape[d];
  }
  numc_array *interleaved = NULL;
  NUMC__TRY(numc__contract(&c, numc__product_dtype(a, b), &interleaved));
  numc_status s = numc_reshape(interleaved, shape, nd, NUMC_ORDER_C, out);
  numc_free(interleaved);
  return s;
}
