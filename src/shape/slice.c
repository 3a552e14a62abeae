/* Basic slicing, a[1, ::-2, None, 3:]: always a view. numc_slice_str parses NumPy's
 * index syntax (with "..." and None) into numc_slice entries. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

#include "shape/shape.h"

/* Python's PySlice_AdjustIndices: clamp start/stop into the axis, count the elements. */
static int64_t adjust_range(const numc_slice *s, int64_t len, int64_t *start_out, int64_t *step_out) {
  int64_t step = s->step == 0 ? 1 : s->step;
  if (step < -INT64_MAX) step = -INT64_MAX; /* as Python, so that -step exists */
  int64_t lo = step < 0 ? -1 : 0, hi = step < 0 ? len - 1 : len;
  int64_t start = step < 0 ? hi : lo, stop = step < 0 ? lo : hi;
  if (s->has_start) {
    start = s->start < 0 ? (s->start < -len ? lo : s->start + len) : (s->start >= len ? hi : s->start);
  }
  if (s->has_stop) {
    stop = s->stop < 0 ? (s->stop < -len ? lo : s->stop + len) : (s->stop >= len ? hi : s->stop);
  }
  *start_out = start;
  *step_out = step;
  if (step < 0) return stop < start ? (start - stop - 1) / -step + 1 : 0;
  return start < stop ? (stop - start - 1) / step + 1 : 0;
}

numc_status numc_slice_view(const numc_array *a, const numc_slice *s, int n, numc_array **out) {
  NUMC__TRY(numc__check_in_out(a, out));
  if (n < 0 || (n > 0 && !s)) return numc__fail(NUMC_EINVAL, "invalid slice list");
  int indexed = 0, integers = 0;
  for (int k = 0; k < n; k++) {
    if (s[k].kind != NUMC_SLICE_RANGE && s[k].kind != NUMC_SLICE_INDEX && s[k].kind != NUMC_SLICE_NEWAXIS)
      return numc__fail(NUMC_EINVAL, "invalid slice kind %d", (int)s[k].kind);
    indexed += s[k].kind != NUMC_SLICE_NEWAXIS;
    integers += s[k].kind == NUMC_SLICE_INDEX;
  }
  if (indexed > a->ndim)
    return numc__fail(NUMC_EINDEX, "too many indices for array: array is %d-dimensional, but %d were indexed",
                      a->ndim, indexed);
  if ((n - indexed) + a->ndim - integers > NUMC_MAXDIMS) /* new axes + kept axes */
    return numc__fail(NUMC_EINVAL, "the result would have more than %d dimensions", NUMC_MAXDIMS);
  int64_t shape[NUMC_MAXDIMS], strides[NUMC_MAXDIMS], offset = a->offset;
  int nd = 0, ax = 0;
  for (int k = 0; k < n; k++) {
    if (s[k].kind == NUMC_SLICE_NEWAXIS) {
      shape[nd] = 1;
      strides[nd++] = 0;
      continue;
    }
    int64_t len = a->shape[ax], stride = a->strides[ax];
    if (s[k].kind == NUMC_SLICE_INDEX) {
      int64_t i = s[k].start < 0 ? s[k].start + len : s[k].start;
      if (i < 0 || i >= len)
        return numc__fail(NUMC_EINDEX, "index %lld is out of bounds for axis %d with size %lld",
                          (long long)s[k].start, ax, (long long)len);
      offset += i * stride;
    } else {
      int64_t start, step, count = adjust_range(&s[k], len, &start, &step);
      if (count > 0) offset += start * stride;
      shape[nd] = count;
      strides[nd++] = count > 1 ? stride * step : stride; /* no overflow when count <= 1 */
    }
    ax++;
  }
  for (; ax < a->ndim; ax++) {
    shape[nd] = a->shape[ax];
    strides[nd++] = a->strides[ax];
  }
  return numc__view(a, a->dtype, nd, shape, strides, offset, out);
}

/* ----------------------------------------------------------------- parsing */

/* At most this many comma-separated entries; each uses an axis or adds one. */
#define MAX_ENTRIES (2 * NUMC_MAXDIMS)

/* Trim spaces in place; returns the trimmed start. */
static char *trim(char *p) {
  while (isspace((unsigned char)*p)) p++;
  char *e = p + strlen(p);
  while (e > p && isspace((unsigned char)e[-1])) *--e = '\0';
  return p;
}

/* An integer like Python's (sign, digits); huge values saturate, which slicing clamps
 * anyway and indexing reports as out of bounds. */
static bool parse_index(const char *t, int64_t *v) {
  char *end;
  if (!*t) return false;
  errno = 0;
  long long x = strtoll(t, &end, 10);
  if (end == t || *end) return false;
  *v = x;
  return true;
}

/* One entry: an integer, None/newaxis, or start:stop[:step] with optional parts. Sets
 * *ellipsis for "...". */
static numc_status parse_entry(char *t, const char *expr, numc_slice *s, bool *ellipsis) {
  *ellipsis = false;
  if (!strcmp(t, "...") || !strcmp(t, "Ellipsis")) {
    *ellipsis = true;
    return NUMC_OK;
  }
  if (!strcmp(t, "None") || !strcmp(t, "np.newaxis") || !strcmp(t, "newaxis")) {
    *s = NUMC_NEWAXIS;
    return NUMC_OK;
  }
  char *colon = strchr(t, ':');
  if (!colon) {
    *s = NUMC_INDEX(0);
    if (parse_index(t, &s->start)) return NUMC_OK;
    return numc__fail(NUMC_EINVAL, "invalid index '%s' in '%s'", t, expr);
  }
  char *parts[3] = {t, NULL, NULL};
  int np = 1;
  for (char *p = t; (p = strchr(p, ':')) != NULL; p++) {
    if (np == 3) return numc__fail(NUMC_EINVAL, "invalid slice '%s' in '%s'", t, expr);
    *p = '\0';
    parts[np++] = p + 1;
  }
  *s = NUMC_ALL;
  int64_t *dest[3] = {&s->start, &s->stop, &s->step};
  bool given[3] = {false, false, false};
  for (int k = 0; k < np; k++) {
    char *part = trim(parts[k]);
    if (!*part || !strcmp(part, "None")) continue;
    if (!parse_index(part, dest[k]))
      return numc__fail(NUMC_EINVAL, "invalid slice bound '%s' in '%s'", part, expr);
    given[k] = true;
  }
  s->has_start = given[0];
  s->has_stop = given[1];
  if (given[2] && s->step == 0) return numc__fail(NUMC_EVALUE, "slice step cannot be zero");
  return NUMC_OK;
}

numc_status numc_slice_str(const numc_array *a, const char *expr, numc_array **out) {
  NUMC__TRY(numc__check_in_out(a, out));
  if (!expr) return numc__fail(NUMC_EINVAL, "slice expression is NULL");
  char buf[1024];
  size_t len = strlen(expr);
  if (len >= sizeof buf) return numc__fail(NUMC_EINVAL, "slice expression is too long");
  memcpy(buf, expr, len + 1);
  numc_slice parsed[MAX_ENTRIES];
  int n = 0, ellipsis_at = -1, indexed = 0;
  char *t = trim(buf);
  if (*t) {
    for (char *tok = t;;) {
      char *comma = strchr(tok, ',');
      if (comma) *comma = '\0';
      char *item = trim(tok);
      bool is_ellipsis;
      if (!*item) { /* only "1," (a 1-tuple) may end with an empty entry */
        if (comma || n + (ellipsis_at >= 0) == 0)
          return numc__fail(NUMC_EINVAL, "invalid slice expression '%s'", expr);
        break;
      }
      if (n == MAX_ENTRIES) return numc__fail(NUMC_EINDEX, "too many indices in '%s'", expr);
      NUMC__TRY(parse_entry(item, expr, &parsed[n], &is_ellipsis));
      if (is_ellipsis) {
        if (ellipsis_at >= 0)
          return numc__fail(NUMC_EINDEX, "an index can only have a single ellipsis ('...')");
        ellipsis_at = n;
      } else {
        indexed += parsed[n].kind != NUMC_SLICE_NEWAXIS;
        n++;
      }
      if (!comma) break;
      tok = comma + 1;
    }
  }
  /* "..." stands for as many whole axes as the other entries leave unindexed. */
  numc_slice full[MAX_ENTRIES + NUMC_MAXDIMS];
  int fill = ellipsis_at >= 0 && indexed < a->ndim ? a->ndim - indexed : 0, m = 0;
  for (int k = 0; k <= n; k++) {
    if (k == ellipsis_at)
      for (int j = 0; j < fill; j++) full[m++] = NUMC_ALL;
    if (k < n) full[m++] = parsed[k];
  }
  return numc_slice_view(a, full, m, out);
}
