/* numpy.pad with the constant, edge, reflect and wrap modes. */
#include "index/index.h"

/* Where a padded position draws its value from, as an index into the original extent n
 * (n >= 1) given its position j relative to the original's first element (j < 0 before
 * it, j >= n after it). */
static int64_t source_index(numc_pad_mode mode, int64_t j, int64_t n) {
  switch (mode) {
  case NUMC_PAD_EDGE: return j < 0 ? 0 : j >= n ? n - 1 : j;
  case NUMC_PAD_WRAP: return (j % n + n) % n;
  default: { /* reflect about the edges without repeating them: period 2(n - 1) */
    if (n == 1) return 0;
    int64_t period = 2 * (n - 1), m = (j % period + period) % period;
    return m < n ? m : period - m;
  }
  }
}

/* Fill the positions [start, start + len) along axis `d` of `region` (a borrowed view of
 * the result whose original part along d starts at `before` and has n elements). */
static numc_status fill_run(const numc_array *region, int d, int64_t start, int64_t len,
                            int64_t before, int64_t n, numc_pad_mode mode,
                            const numc_array *value) {
  numc_array run = *region;
  numc__narrow(&run, d, start, len);
  if (len == 0 || numc__size(run.ndim, run.shape) == 0) return NUMC_OK;
  if (mode == NUMC_PAD_CONSTANT) return numc__assign(&run, value);
  /* The other modes copy from the original part of the same axis: a gather by offsets
   * that reads only positions this step does not write. */
  numc_array *offsets = NULL;
  NUMC__TRY(numc__new(NUMC_INT64, 1, &len, NUMC_ORDER_C, false, &offsets));
  int64_t *o = (int64_t *)numc__host_data(offsets);
  for (int64_t i = 0; i < len; i++)
    o[i] = (before + source_index(mode, start + i - before, n)) * region->strides[d];
  numc_status s = numc__gather(region, d, d + 1, offsets, &run);
  numc_free(offsets);
  return s;
}

numc_status numc_pad(const numc_array *a, const int64_t *widths, int npairs, numc_pad_mode mode,
                     numc_scalar value, numc_array **out) {
  NUMC__TRY(numc__check_out(out));
  if (!a) return numc__fail(NUMC_EINVAL, "array is NULL");
  if (mode < NUMC_PAD_CONSTANT || mode > NUMC_PAD_WRAP)
    return numc__fail(NUMC_EINVAL, "unknown pad mode %d", (int)mode);
  if (npairs != 1 && npairs != a->ndim)
    return numc__fail(NUMC_EVALUE, "operands could not be broadcast together with remapped shapes [original->remapped]: (%d,2)  and requested shape (%d,2)",
                      npairs, a->ndim);
  if (npairs > 0 && !widths) return numc__fail(NUMC_EINVAL, "pad widths are missing");
  int nd = a->ndim;
  int64_t before[NUMC_MAXDIMS], after[NUMC_MAXDIMS], shape[NUMC_MAXDIMS];
  for (int d = 0; d < nd; d++) {
    const int64_t *pair = widths + 2 * (npairs == 1 ? 0 : d);
    before[d] = pair[0];
    after[d] = pair[1];
    if (before[d] < 0 || after[d] < 0)
      return numc__fail(NUMC_EVALUE, "index can't contain negative values");
    if (before[d] > INT64_MAX - a->shape[d] - after[d])
      return numc__fail(NUMC_EOVERFLOW, "array is too big; the size of this shape overflows");
    shape[d] = before[d] + a->shape[d] + after[d];
    if (mode != NUMC_PAD_CONSTANT && a->shape[d] == 0 && (before[d] || after[d]))
      return numc__fail(NUMC_EVALUE, "can't extend empty axis %d using modes other than 'constant' or 'empty'", d);
  }
  NUMC__TRY(numc__check_shape(nd, shape, numc_dtype_size(a->dtype)));

  numc_array *r = NULL, *fill = NULL;
  NUMC__TRY(numc__new(a->dtype, nd, shape, NUMC_ORDER_C, false, &r));
  numc_status s = NUMC_OK;
  if (mode == NUMC_PAD_CONSTANT) { /* the value cast to a's dtype as an assignment would */
    s = numc__new(a->dtype, 0, NULL, NUMC_ORDER_C, false, &fill);
    if (s == NUMC_OK) numc__scalar_store(value, a->dtype, numc__host_data(fill));
  }
  /* The original goes in the middle; then axis by axis, the slabs before and after it.
   * Slab d spans the whole result along earlier axes (already complete) and only the
   * original part along later ones, so the slabs tile the padding exactly once and each
   * reads only finished values. */
  numc_array region = numc__borrow(r, nd, r->shape, r->strides, 0);
  for (int d = 0; d < nd; d++) numc__narrow(&region, d, before[d], a->shape[d]);
  if (s == NUMC_OK) s = numc__assign(&region, a);
  for (int d = 0; d < nd && s == NUMC_OK; d++) {
    region.offset -= before[d] * region.strides[d];
    region.shape[d] = shape[d];
    numc__update_flags(&region);
    s = fill_run(&region, d, 0, before[d], before[d], a->shape[d], mode, fill);
    if (s == NUMC_OK)
      s = fill_run(&region, d, before[d] + a->shape[d], after[d], before[d], a->shape[d], mode,
                   fill);
  }
  numc_free(fill);
  if (s != NUMC_OK) {
    numc_free(r);
    return s;
  }
  *out = r;
  return NUMC_OK;
}
