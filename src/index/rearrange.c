/* Rearranging elements: flip (a view), roll, tile and repeat (copies). */
#include "index/index.h"

numc_status numc_flip(const numc_array *a, const numc_axes *axes, numc_array **out) {
  NUMC__TRY(numc__check_out(out));
  if (!a) return numc__fail(NUMC_EINVAL, "array is NULL");
  bool flip[NUMC_MAXDIMS];
  NUMC__TRY(numc__axes_mask(axes, a->ndim, flip));
  int64_t strides[NUMC_MAXDIMS], offset = a->offset;
  for (int d = 0; d < a->ndim; d++) {
    strides[d] = flip[d] ? -a->strides[d] : a->strides[d];
    /* Element 0 of a flipped axis is its last one (none moves on an empty axis). */
    if (flip[d] && a->shape[d] > 0) offset += (a->shape[d] - 1) * a->strides[d];
  }
  return numc__view(a, a->dtype, a->ndim, a->shape, strides, offset, out);
}

/* ------------------------------------------------------------------- roll */

/* NumPy pairs shifts with axes by broadcasting the two lists. */
static numc_status pair_count(int nshifts, int naxes, int *count) {
  if (nshifts == naxes || naxes == 1) *count = nshifts;
  else if (nshifts == 1) *count = naxes;
  else
    return numc__fail(NUMC_EVALUE, "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (%d,) and arg 1 with shape (%d,).",
                      nshifts, naxes);
  return NUMC_OK;
}

/* dst = src rolled by shift[d] in [0, shape[d]) along each dimension: every dimension
 * with a shift splits into two runs, so the copy is one assign per combination of runs
 * (as NumPy does it). dst and src have the same shape and do not overlap. */
static numc_status roll_blocks(numc_array *dst, const numc_array *src, const int64_t *shift) {
  int moved[NUMC_MAXDIMS], nmoved = 0;
  for (int d = 0; d < dst->ndim; d++)
    if (shift[d] != 0) moved[nmoved++] = d;
  for (uint64_t combo = 0; combo < (uint64_t)1 << nmoved; combo++) {
    numc_array to = numc__borrow(dst, dst->ndim, dst->shape, dst->strides, 0);
    numc_array from = numc__borrow(src, src->ndim, src->shape, src->strides, 0);
    for (int j = 0; j < nmoved; j++) {
      int d = moved[j];
      int64_t n = dst->shape[d], s = shift[d];
      if (combo >> j & 1) { /* the tail of src wraps around to the front */
        numc__narrow(&to, d, 0, s);
        numc__narrow(&from, d, n - s, s);
      } else {
        numc__narrow(&to, d, s, n - s);
        numc__narrow(&from, d, 0, n - s);
      }
    }
    NUMC__TRY(numc__assign(&to, &from));
  }
  return NUMC_OK;
}

numc_status numc_roll(const numc_array *a, const int64_t *shifts, int nshifts,
                      const numc_axes *axes, numc_array **out) {
  NUMC__TRY(numc__check_out(out));
  if (!a) return numc__fail(NUMC_EINVAL, "array is NULL");
  if (nshifts < 0 || (nshifts > 0 && !shifts))
    return numc__fail(NUMC_EINVAL, "shifts are missing");
  if (axes && (axes->n < 0 || axes->n > NUMC_MAXDIMS))
    return numc__fail(NUMC_EINVAL, "invalid number of axes %d", axes->n);
  int count = 0, naxes = axes ? axes->n : 1;
  NUMC__TRY(pair_count(nshifts, naxes, &count));
  /* axes NULL rolls the flattened array: one dimension of a's size. */
  int nd = axes ? a->ndim : 1;
  int64_t flat_size = numc__size(a->ndim, a->shape);
  const int64_t *extent = axes ? a->shape : &flat_size;
  int64_t shift[NUMC_MAXDIMS] = {0};
  for (int k = 0; k < count; k++) {
    int d = 0;
    if (axes) NUMC__TRY(numc__axis(axes->v[naxes == 1 ? 0 : k], nd, &d));
    int64_t n = extent[d];
    if (n == 0) continue;
    int64_t s = shifts[nshifts == 1 ? 0 : k] % n;
    shift[d] = ((shift[d] + s) % n + n) % n; /* repeated axes add up, as in NumPy */
  }
  numc_array *r = NULL;
  NUMC__TRY(numc__new(a->dtype, a->ndim, a->shape, NUMC_ORDER_C, false, &r));
  numc_status s;
  if (axes) {
    s = roll_blocks(r, a, shift);
  } else {
    const numc_array *src;
    numc_array *owned;
    s = numc__contiguous(a, a->dtype, &src, &owned);
    if (s == NUMC_OK) {
      numc_array flat_dst = numc__borrow_flat(r), flat_src = numc__borrow_flat(src);
      s = roll_blocks(&flat_dst, &flat_src, shift);
      numc_free(owned);
    }
  }
  if (s != NUMC_OK) {
    numc_free(r);
    return s;
  }
  *out = r;
  return NUMC_OK;
}

/* ------------------------------------------------------------------- tile */

numc_status numc_tile(const numc_array *a, const int64_t *reps, int nreps, numc_array **out) {
  NUMC__TRY(numc__check_out(out));
  if (!a) return numc__fail(NUMC_EINVAL, "array is NULL");
  if (nreps < 0 || (nreps > 0 && !reps)) return numc__fail(NUMC_EINVAL, "reps are missing");
  int nd = nreps > a->ndim ? nreps : a->ndim;
  NUMC__TRY(numc__check_ndim(nd));
  /* a's shape and reps aligned at the last axis; missing leading entries count as 1. */
  int64_t ashape[NUMC_MAXDIMS], astrides[NUMC_MAXDIMS], rep[NUMC_MAXDIMS], shape[NUMC_MAXDIMS];
  for (int d = 0; d < nd; d++) {
    int ad = d - (nd - a->ndim), rd = d - (nd - nreps);
    ashape[d] = ad >= 0 ? a->shape[ad] : 1;
    astrides[d] = ad >= 0 ? a->strides[ad] : 0;
    rep[d] = rd >= 0 ? reps[rd] : 1;
    if (rep[d] < 0) return numc__fail(NUMC_EVALUE, "negative dimensions are not allowed");
    if (ashape[d] != 0 && rep[d] > INT64_MAX / ashape[d])
      return numc__fail(NUMC_EOVERFLOW, "array is too big; the size of this shape overflows");
    shape[d] = ashape[d] * rep[d];
  }
  NUMC__TRY(numc__check_shape(nd, shape, numc_dtype_size(a->dtype)));
  /* The copy is one assign: each axis of the (C-ordered) result seen as (rep, n), with
   * the source broadcast over rep. Axes of extent 1 are left out and an axis only splits
   * when both parts exceed 1, so the view needs more than NUMC_MAXDIMS axes only for
   * results of 2^33 or more elements; those are refused rather than copied in pieces. */
  int vd = 0;
  int64_t vshape[NUMC_MAXDIMS], dst_strides[NUMC_MAXDIMS], src_strides[NUMC_MAXDIMS];
  int64_t stride = (int64_t)numc_dtype_size(a->dtype);
  bool empty = numc__size(nd, shape) == 0;
  for (int d = nd - 1; d >= 0 && !empty; stride *= shape[d--]) {
    if (shape[d] == 1) continue;
    if (vd + (rep[d] > 1) + (ashape[d] > 1) > NUMC_MAXDIMS)
      return numc__fail(NUMC_EOVERFLOW, "tile: the result needs more than %d tiled axes",
                        NUMC_MAXDIMS);
    /* Listed innermost first: the iterator orders axes by stride itself. */
    if (ashape[d] > 1) {
      vshape[vd] = ashape[d];
      dst_strides[vd] = stride;
      src_strides[vd++] = astrides[d];
    }
    if (rep[d] > 1) {
      vshape[vd] = rep[d];
      dst_strides[vd] = stride * ashape[d];
      src_strides[vd++] = 0;
    }
  }
  numc_array *r = NULL;
  NUMC__TRY(numc__new(a->dtype, nd, shape, NUMC_ORDER_C, false, &r));
  if (!empty) {
    numc_array dst = numc__borrow(r, vd, vshape, dst_strides, 0);
    numc_array src = numc__borrow(a, vd, vshape, src_strides, 0);
    numc_status s = numc__assign(&dst, &src);
    if (s != NUMC_OK) {
      numc_free(r);
      return s;
    }
  }
  *out = r;
  return NUMC_OK;
}

/* ----------------------------------------------------------------- repeat */

numc_status numc_repeat(const numc_array *a, const int64_t *repeats, int nrepeats,
                        const int *axis, numc_array **out) {
  NUMC__TRY(numc__check_out(out));
  if (!a) return numc__fail(NUMC_EINVAL, "array is NULL");
  if (nrepeats < 0 || (nrepeats > 0 && !repeats))
    return numc__fail(NUMC_EINVAL, "repeats are missing");
  numc__index_dims dims;
  NUMC__TRY(numc__index_dims_of(a, axis, &dims));
  int64_t n = dims.count, total = 0;
  if (nrepeats != 1 && nrepeats != n)
    return numc__fail(NUMC_ESHAPE, "operands could not be broadcast together with shape (%lld,) (%d,)",
                      (long long)n, nrepeats);
  if (nrepeats == 1 && repeats[0] < 0)
    return numc__fail(NUMC_EVALUE, "negative dimensions are not allowed");
  for (int64_t i = 0; i < n; i++) {
    int64_t c = repeats[nrepeats == 1 ? 0 : i];
    if (c < 0) return numc__fail(NUMC_EVALUE, "repeats may not contain negative values.");
    if (c > INT64_MAX - total)
      return numc__fail(NUMC_EOVERFLOW, "array is too big; the size of this shape overflows");
    total += c;
  }
  /* The repeated dims collapse into one of length `total` (all of them for axis None). */
  int nd = a->ndim - (dims.hi - dims.lo) + 1;
  int64_t shape[NUMC_MAXDIMS];
  for (int d = 0; d < nd; d++)
    shape[d] = d < dims.lo ? a->shape[d] : d == dims.lo ? total : a->shape[d + dims.hi - dims.lo - 1];
  NUMC__TRY(numc__check_shape(nd, shape, numc_dtype_size(a->dtype)));
  numc_array *offsets = NULL, *r = NULL;
  NUMC__TRY(numc__new(NUMC_INT64, 1, &total, NUMC_ORDER_C, false, &offsets));
  int64_t *o = (int64_t *)numc__host_data(offsets);
  for (int64_t i = 0; i < n; i++) {
    int64_t off = numc__index_offset(a, &dims, i);
    for (int64_t c = repeats[nrepeats == 1 ? 0 : i]; c > 0; c--) *o++ = off;
  }
  numc_status s = numc__new(a->dtype, nd, shape, NUMC_ORDER_C, false, &r);
  if (s == NUMC_OK) s = numc__gather(a, dims.lo, dims.hi, offsets, r);
  numc_free(offsets);
  if (s != NUMC_OK) {
    numc_free(r);
    return s;
  }
  *out = r;
  return NUMC_OK;
}
