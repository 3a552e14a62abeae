/* Splitting an array into views along an axis: numpy.split and numpy.array_split. */
#include "index/index.h"

/* A split point clipped into [0, n] the way a Python slice bound is. */
static int64_t clip_bound(int64_t x, int64_t n) {
  if (x < 0) x += n;
  return x < 0 ? 0 : x > n ? n : x;
}

/* Piece k as [start, start + len) along an axis of length n. With sections, the first
 * n % sections pieces get one extra element (array_split's rule); with split points,
 * piece k runs from point k-1 (or 0) to point k (or n), like a[start:stop]. */
static void piece_range(int64_t n, int64_t sections, const int64_t *indices, int n_indices,
                        int64_t k, int64_t *start, int64_t *len) {
  if (sections > 0) {
    int64_t each = n / sections, extras = n % sections;
    *start = k * each + (k < extras ? k : extras);
    *len = each + (k < extras);
    return;
  }
  int64_t lo = k == 0 ? 0 : clip_bound(indices[k - 1], n);
  int64_t hi = k == n_indices ? n : clip_bound(indices[k], n);
  *start = lo;
  *len = hi > lo ? hi - lo : 0;
}

static numc_status split_views(const numc_array *a, int64_t sections, const int64_t *indices,
                               int n_indices, int axis, numc_array **out, int max_out,
                               int *nout, bool equal_division) {
  if (!a) return numc__fail(NUMC_EINVAL, "array is NULL");
  if (!out || !nout) return numc__fail(NUMC_EINVAL, "output pointer is NULL");
  if (sections < 0) return numc__fail(NUMC_EVALUE, "number sections must be larger than 0.");
  if (sections == 0 && (n_indices < 0 || (n_indices > 0 && !indices)))
    return numc__fail(NUMC_EINVAL, "split points are missing (sections is 0)");
  int ax;
  NUMC__TRY(numc__axis(axis, a->ndim, &ax));
  int64_t n = a->shape[ax], pieces = sections > 0 ? sections : (int64_t)n_indices + 1;
  if (pieces > max_out)
    return numc__fail(NUMC_EINVAL, "the split makes %lld arrays but there is room for %d",
                      (long long)pieces, max_out);
  for (int64_t k = 0; k < pieces; k++)
    if (out[k]) return numc__fail(NUMC_EINVAL, "out[%lld] must be NULL on entry", (long long)k);
  if (equal_division && sections > 0 && n % sections != 0)
    return numc__fail(NUMC_EVALUE, "array split does not result in an equal division");
  int64_t shape[NUMC_MAXDIMS];
  memcpy(shape, a->shape, sizeof(int64_t) * (size_t)a->ndim);
  for (int64_t k = 0; k < pieces; k++) {
    int64_t start, len;
    piece_range(n, sections, indices, n_indices, k, &start, &len);
    shape[ax] = len;
    numc_status s = numc__view(a, a->dtype, a->ndim, shape, a->strides,
                               a->offset + start * a->strides[ax], &out[k]);
    if (s != NUMC_OK) {
      for (int64_t j = 0; j < k; j++) {
        numc_free(out[j]);
        out[j] = NULL;
      }
      return s;
    }
  }
  *nout = (int)pieces;
  return NUMC_OK;
}

numc_status numc_split(const numc_array *a, int64_t sections, const int64_t *indices,
                       int n_indices, int axis, numc_array **out, int max_out, int *nout) {
  return split_views(a, sections, indices, n_indices, axis, out, max_out, nout, true);
}

numc_status numc_array_split(const numc_array *a, int64_t sections, const int64_t *indices,
                             int n_indices, int axis, numc_array **out, int max_out,
                             int *nout) {
  return split_views(a, sections, indices, n_indices, axis, out, max_out, nout, false);
}
