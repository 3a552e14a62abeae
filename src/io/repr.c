/* numc_repr / numc_str: NumPy's array printing with its default print options
 * (precision=8, threshold=1000, edgeitems=3, linewidth=75, floatmode='maxprec',
 * suppress=False, sign='-').
 *
 * The file follows numpy/core/arrayprint.py closely, because matching NumPy's output
 * byte for byte depends on its exact rules:
 *   - digits: NumPy prints floats with Dragon4 (shortest digits that read back as the
 *     same value, capped by a precision, padded to a minimum). dragon4() below
 *     reproduces its digit choices from the exact decimal expansion given by printf and
 *     round-trip tests with strtod/strtof, instead of carrying a bignum implementation.
 *   - formats: one format per array (FloatingFormat.fillFormat) decides positional or
 *     scientific notation and the padding, from the elements actually shown.
 *   - layout: _formatArray's recursion, line wrapping and "..." placement.
 * Output never depends on the C locale: numbers are parsed and printed without it. */
#include <ctype.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/core.h"

enum {
  PRECISION = 8,    /* np.get_printoptions()['precision'] */
  THRESHOLD = 1000, /* more elements than this are summarised */
  EDGEITEMS = 3,    /* elements kept at each end of a summarised axis */
  LINEWIDTH = 75
};

/* ----------------------------------------------------------- string builder */

/* A growable string. Allocation failure is sticky (`failed`) so that formatting code
 * can append freely and check once at the end. */
typedef struct sbuf {
  char *p;
  size_t len, cap;
  bool failed;
} sbuf;

static bool sb_reserve(sbuf *b, size_t extra) {
  if (b->failed) return false;
  if (b->len + extra + 1 <= b->cap) return true;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + extra + 1) {
    if (cap > SIZE_MAX / 2) {
      b->failed = true;
      return false;
    }
    cap *= 2;
  }
  char *p = realloc(b->p, cap);
  if (!p) {
    b->failed = true;
    return false;
  }
  b->p = p;
  b->cap = cap;
  return true;
}

static void sb_putn(sbuf *b, const char *s, size_t n) {
  if (!sb_reserve(b, n)) return;
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s) { sb_putn(b, s, strlen(s)); }
static void sb_putc(sbuf *b, char c) { sb_putn(b, &c, 1); }

static void sb_spaces(sbuf *b, int64_t n) {
  if (n <= 0 || !sb_reserve(b, (size_t)n)) return;
  memset(b->p + b->len, ' ', (size_t)n);
  b->len += (size_t)n;
  b->p[b->len] = '\0';
}

/* Insert n spaces at position `at` (left padding of an already formatted number). */
static void sb_insert_spaces(sbuf *b, size_t at, int n) {
  if (n <= 0 || !sb_reserve(b, (size_t)n)) return;
  memmove(b->p + at + n, b->p + at, b->len - at + 1);
  memset(b->p + at, ' ', (size_t)n);
  b->len += (size_t)n;
}

static void sb_clear(sbuf *b) {
  b->len = 0;
  if (b->p) b->p[0] = '\0';
}

/* Length of s[0..n) without trailing whitespace (Python's rstrip). */
static size_t rstrip_len(const char *s, size_t n) {
  while (n > 0 && isspace((unsigned char)s[n - 1])) n--;
  return n;
}

/* ---------------------------------------------------------------- Dragon4 */

/* The binary format a value came from: decides which decimal strings "round-trip". */
typedef enum ftype { FT_HALF, FT_FLOAT, FT_DOUBLE } ftype;

/* Does the decimal digits[0..n) * 10^e read back as v in format ft? Parsing an
 * integer-and-exponent string keeps strtod independent of the locale's radix. */
static bool roundtrips(const char *digits, int n, int e, ftype ft, double v) {
  char s[1200];
  if (n > 1100) return false;
  memcpy(s, digits, (size_t)n);
  snprintf(s + n, sizeof s - (size_t)n, "e%d", e);
  switch (ft) {
  case FT_DOUBLE: return strtod(s, NULL) == v;
  case FT_FLOAT: return strtof(s, NULL) == (float)v;
  default: /* decimal -> double -> half cannot double-round for these short strings */
    return numc__double_to_half(strtod(s, NULL)) == numc__double_to_half(v);
  }
}

/* Exact decimal expansion of a finite v > 0: digits (no trailing zeros) and the power
 * of ten of the first one. A double M*2^k has at most ~17 + 0.7|k| significant digits,
 * so the printf precision is chosen from the binary exponent (at most 767 are needed). */
static int exact_digits(double v, char *d, int *e10) {
  int x;
  frexp(v, &x);
  int prec = 20 + (int)(0.7 * abs(x - 53));
  if (prec > 780) prec = 780;
  char buf[840];
  snprintf(buf, sizeof buf, "%.*e", prec, v);
  const char *s = buf;
  int n = 0;
  d[n++] = *s++;
  for (; *s && *s != 'e'; s++) /* skips the radix character, whatever the locale */
    if (*s >= '0' && *s <= '9') d[n++] = *s;
  *e10 = *s == 'e' ? atoi(s + 1) : 0;
  while (n > 1 && d[n - 1] == '0') n--;
  return n;
}

/* NumPy's Dragon4 in "unique" mode for a finite v >= 0: the shortest digits that
 * round-trip, generated from the most significant one and stopped
 *   - when the truncated or the rounded-up digits round-trip, once at least the
 *     minimum digits are out (cmin: number of digits, or fraction digits when !total),
 *   - or at the cutoff (cmax, counted the same way; -1: none).
 * The last digit is then rounded as Dragon4 does: down if only the truncation reads
 * back, up if only the round-up does, else to nearest (ties to even). Writes the digits
 * to out and the power of ten of the first one to *pexp; returns the digit count. */
static int dragon4(double v, ftype ft, bool total, int cmax, int cmin, char *out, int *pexp) {
  if (v == 0) {
    out[0] = '0';
    *pexp = 0;
    return 1;
  }
  char d[800];
  int e;
  int nd = exact_digits(v, d, &e);
  /* In fraction-length mode a value below the cutoff starts at the cutoff digit (which
   * is then 0 or 1): Dragon4 clamps its first digit exponent the same way. */
  int top = e;
  if (!total && cmax >= 0 && e < -cmax) top = -cmax;
  int max_e = INT_MIN, min_e = top + 1;
  if (cmax >= 0) max_e = total ? top + 1 - cmax : -cmax;
  if (cmin >= 0) {
    int want = total ? top + 1 - cmin : -cmin;
    if (want < min_e) min_e = want;
  }
  char up[802];
  int n = 0, j = top;
  bool low, high;
  for (;; j--) {
    int k = e - j; /* index of the exact digit at 10^j */
    out[n++] = (k >= 0 && k < nd) ? d[k] : '0';
    low = roundtrips(out, n, j, ft, v);
    /* out + one unit in the last place, with the carry */
    memcpy(up + 1, out, (size_t)n);
    up[0] = '0';
    int i = n;
    while (up[i] == '9') up[i--] = '0';
    up[i]++;
    high = up[0] == '0' ? roundtrips(up + 1, n, j, ft, v) : roundtrips(up, n + 1, j, ft, v);
    if (((low || high) && j <= min_e) || j == max_e || n >= 780) break;
  }
  bool round_down = low;
  if (low == high) { /* compare the rest of the exact value with half a unit */
    int k = e - j + 1;
    int next = (k >= 0 && k < nd) ? d[k] - '0' : 0;
    bool rest = nd > k + 1 && k + 1 >= 0;
    if (next != 5) round_down = next < 5;
    else round_down = !rest && ((out[n - 1] - '0') % 2 == 0);
  }
  *pexp = top;
  if (!round_down) {
    /* Dragon4 drops the nines it carries through instead of printing zeros. */
    while (n > 0 && out[n - 1] == '9') n--;
    if (n == 0) {
      out[n++] = '1';
      *pexp = top + 1;
    } else {
      out[n - 1]++;
    }
  }
  return n;
}

/* Trim modes of dragon4_positional / dragon4_scientific. */
enum {
  TRIM_K = 'k',    /* keep trailing zeros, pad to min_digits */
  TRIM_DOT = '.',  /* drop trailing zeros, keep the point: "1." */
  TRIM_ZERO = '0', /* drop trailing zeros but one: "1.0" */
  TRIM_DASH = '-'  /* drop trailing zeros and the point: "1" */
};

/* Strip trailing fraction zeros of out[start..] for the trim mode; returns the new
 * fraction digit count. */
static int trim_zeros(sbuf *out, int trim, int frac) {
  if (trim == TRIM_K || frac <= 0 || out->failed) return frac;
  while (out->p[out->len - 1] == '0') {
    out->len--;
    frac--;
  }
  if (out->p[out->len - 1] == '.') {
    if (trim == TRIM_ZERO) {
      out->len++; /* the '0' is still there */
      frac++;
    } else if (trim == TRIM_DASH) {
      out->len--;
    }
  }
  out->p[out->len] = '\0';
  return frac;
}

/* np.format_float_positional (fractional=True) for a finite x, appended to out.
 * pad_left/pad_right: -1 for none. */
static void fmt_positional(sbuf *out, double x, ftype ft, int precision, int min_digits,
                           int trim, bool sign_plus, int pad_left, int pad_right) {
  size_t start = out->len;
  bool neg = signbit(x) != 0;
  int has_sign = neg || sign_plus;
  if (has_sign) sb_putc(out, neg ? '-' : '+');
  char dig[800];
  int pexp, nd = dragon4(fabs(x), ft, false, precision, min_digits, dig, &pexp);
  int whole, frac = 0;
  if (pexp >= 0) {
    whole = pexp + 1;
    if (nd <= whole) {
      sb_putn(out, dig, (size_t)nd);
      for (int i = nd; i < whole; i++) sb_putc(out, '0');
    } else {
      sb_putn(out, dig, (size_t)whole);
      sb_putc(out, '.');
      sb_putn(out, dig + whole, (size_t)(nd - whole));
      frac = nd - whole;
    }
  } else {
    whole = 1;
    sb_puts(out, "0.");
    for (int i = 0; i < -(pexp + 1); i++) sb_putc(out, '0');
    sb_putn(out, dig, (size_t)nd);
    frac = -(pexp + 1) + nd;
  }
  if (trim != TRIM_DASH && frac == 0) sb_putc(out, '.');
  int want = min_digits < 0 ? 0 : min_digits;
  if (trim == TRIM_ZERO && frac == 0) {
    sb_putc(out, '0');
    frac++;
  } else if (trim == TRIM_K) {
    for (; frac < want; frac++) sb_putc(out, '0');
  }
  frac = trim_zeros(out, trim, frac);
  if (pad_right >= frac) {
    if (trim == TRIM_DASH && frac == 0) sb_putc(out, ' ');
    sb_spaces(out, pad_right - frac);
  }
  if (pad_left > whole + has_sign) sb_insert_spaces(out, start, pad_left - (whole + has_sign));
}

/* np.format_float_scientific for a finite x, appended to out. exp_digits: minimum
 * exponent digits (-1: 2). */
static void fmt_scientific(sbuf *out, double x, ftype ft, int precision, int min_digits,
                           int trim, bool sign_plus, int pad_left, int exp_digits) {
  bool neg = signbit(x) != 0;
  int has_sign = neg || sign_plus;
  if (pad_left > 1 + has_sign) sb_spaces(out, pad_left - (1 + has_sign));
  if (has_sign) sb_putc(out, neg ? '-' : '+');
  char dig[800];
  int pexp, nd = dragon4(fabs(x), ft, true, precision < 0 ? -1 : precision + 1,
                         min_digits < 0 ? -1 : min_digits + 1, dig, &pexp);
  sb_putc(out, dig[0]);
  int frac = nd - 1;
  if (frac > 0) {
    sb_putc(out, '.');
    sb_putn(out, dig + 1, (size_t)frac);
  }
  if (trim != TRIM_DASH && frac == 0) sb_putc(out, '.');
  int want = min_digits < 0 ? 0 : min_digits;
  if (trim == TRIM_ZERO && frac == 0) {
    sb_putc(out, '0');
    frac++;
  } else if (trim == TRIM_K) {
    for (; frac < want; frac++) sb_putc(out, '0');
  }
  trim_zeros(out, trim, frac);
  /* exponent: at least exp_digits digits (2 by default; Dragon4 caps it at 5) */
  int ed = exp_digits < 0 ? 2 : exp_digits > 5 ? 5 : exp_digits;
  char ebuf[24];
  snprintf(ebuf, sizeof ebuf, "e%c%0*d", pexp < 0 ? '-' : '+', ed, abs(pexp) % 100000);
  sb_puts(out, ebuf);
}

/* ------------------------------------------------------------ float format */

/* FloatingFormat: one per array (two for complex: real and imaginary parts). */
typedef struct floatfmt {
  ftype ft;
  bool sign_plus; /* imaginary parts always carry a sign */
  bool exp_format;
  int precision, min_digits, trim;
  int pad_left, pad_right, exp_size;
} floatfmt;

/* max/min ratio as NumPy computes it: in the array's own float type. */
static double ratio_in(ftype ft, double mx, double mn) {
  switch (ft) {
  case FT_DOUBLE: return mx / mn;
  case FT_FLOAT: {
    float r = (float)mx / (float)mn;
    return r;
  }
  default: return numc__half_to_float(numc__float_to_half((float)mx / (float)mn));
  }
}

/* FloatingFormat.fillFormat over the n values v[0], v[step], ... (the shown elements). */
static bool float_fill(floatfmt *f, ftype ft, bool sign_plus, const double *v, int64_t n,
                       int64_t step) {
  *f = (floatfmt){.ft = ft, .sign_plus = sign_plus, .precision = PRECISION,
                  .min_digits = -1, .trim = TRIM_DOT, .exp_size = -1};
  double mx = 0, mn = 0;
  bool any_nonzero = false, any_finite = false, any_nonfinite = false, neg_inf = false;
  for (int64_t i = 0; i < n; i++) {
    double x = v[i * step];
    if (!isfinite(x)) {
      any_nonfinite = true;
      if (isinf(x) && x < 0) neg_inf = true;
      continue;
    }
    any_finite = true;
    if (x == 0) continue;
    double ax = fabs(x);
    if (!any_nonzero || ax > mx) mx = ax;
    if (!any_nonzero || ax < mn) mn = ax;
    any_nonzero = true;
  }
  /* NumPy 1.x compares these scalars in float64 (value-based casting). */
  if (any_nonzero && (mx >= 1.e8 || mn < 0.0001 || ratio_in(ft, mx, mn) > 1000.))
    f->exp_format = true;

  if (any_finite) {
    /* First pass: each value with its own digits, to measure the columns. */
    sbuf s = {0};
    int max_int = 0, max_frac = 0, max_exp = 0;
    for (int64_t i = 0; i < n; i++) {
      double x = v[i * step];
      if (!isfinite(x)) continue;
      sb_clear(&s);
      if (f->exp_format)
        fmt_scientific(&s, x, ft, PRECISION, -1, TRIM_DOT, sign_plus, -1, -1);
      else
        fmt_positional(&s, x, ft, PRECISION, -1, TRIM_DOT, sign_plus, -1, -1);
      if (s.failed) {
        free(s.p);
        return false;
      }
      const char *dot = strchr(s.p, '.'), *ep = strchr(s.p, 'e');
      int ilen = (int)(dot - s.p);
      int flen = (int)((ep ? ep : s.p + s.len) - dot - 1);
      if (ilen > max_int) max_int = ilen;
      if (flen > max_frac) max_frac = flen;
      if (ep && (int)strlen(ep + 1) > max_exp) max_exp = (int)strlen(ep + 1);
    }
    free(s.p);
    f->pad_left = max_int;
    if (f->exp_format) {
      f->exp_size = max_exp - 1;
      f->trim = TRIM_K;
      f->precision = f->min_digits = max_frac; /* every element gets as many digits */
      f->pad_right = f->exp_size + 2 + f->precision;
    } else {
      f->pad_right = max_frac;
      f->min_digits = 0;
    }
  }
  if (any_nonfinite) { /* room for "nan", "inf", "-inf" (or "+inf") */
    int offset = f->pad_right + 1;
    int inflen = 3 + (sign_plus || neg_inf);
    if (3 - offset > f->pad_left) f->pad_left = 3 - offset;
    if (inflen - offset > f->pad_left) f->pad_left = inflen - offset;
  }
  return true;
}

/* FloatingFormat.__call__ */
static void float_elem(sbuf *out, const floatfmt *f, double x) {
  if (!isfinite(x)) {
    const char *s = isnan(x) ? (f->sign_plus ? "+nan" : "nan")
                             : (x < 0 ? "-inf" : f->sign_plus ? "+inf" : "inf");
    sb_spaces(out, f->pad_left + f->pad_right + 1 - (int)strlen(s));
    sb_puts(out, s);
  } else if (f->exp_format) {
    fmt_scientific(out, x, f->ft, f->precision, f->min_digits, f->trim, f->sign_plus,
                   f->pad_left, f->exp_size);
  } else {
    fmt_positional(out, x, f->ft, f->precision, f->min_digits, f->trim, f->sign_plus,
                   f->pad_left, f->pad_right);
  }
}

/* --------------------------------------------------------------- elements */

static ftype ftype_of(numc_dtype t) {
  switch (t) {
  case NUMC_FLOAT16: return FT_HALF;
  case NUMC_FLOAT32:
  case NUMC_COMPLEX64: return FT_FLOAT;
  default: return FT_DOUBLE;
  }
}

/* Real (part 0) or imaginary (part 1) part of a float or complex element, exactly. */
static double load_part(numc_dtype t, const char *p, int part) {
  switch (t) {
  case NUMC_FLOAT16: {
    uint16_t h;
    memcpy(&h, p, sizeof h);
    return numc__half_to_float(h);
  }
  case NUMC_FLOAT32:
  case NUMC_COMPLEX64: {
    float f;
    memcpy(&f, p + part * sizeof f, sizeof f);
    return f;
  }
  default: {
    double d;
    memcpy(&d, p + part * sizeof d, sizeof d);
    return d;
  }
  }
}

typedef struct printer {
  const numc_array *a;
  numc_dtype t;
  char kind;      /* 'b', 'i', 'u', 'f', 'c' */
  bool summarise; /* size > THRESHOLD: show EDGEITEMS at each end of long axes */
  const char *sep;
  int int_width; /* IntegerFormat: '%{width}d' */
  floatfmt re, im;
} printer;

/* Visit the shown elements (all, or the corners when summarising) in order. */
typedef bool (*visit_fn)(void *state, const char *p);

static bool walk(const printer *pr, int axis, const char *p, visit_fn fn, void *state) {
  if (axis == pr->a->ndim) return fn(state, p);
  int64_t n = pr->a->shape[axis], st = pr->a->strides[axis];
  bool cut = pr->summarise && n > 2 * EDGEITEMS;
  for (int64_t i = 0; i < n; i++) {
    if (cut && i == EDGEITEMS) i = n - EDGEITEMS;
    if (!walk(pr, axis + 1, p + i * st, fn, state)) return false;
  }
  return true;
}

typedef struct {
  numc_dtype t;
  bool any;
  int64_t imin, imax;
  uint64_t umin, umax;
} int_range;

static bool visit_int(void *state, const char *p) {
  int_range *r = state;
  numc_scalar s = numc__scalar_load(r->t, p);
  if (numc__is_signed(r->t)) {
    if (!r->any || s.v.i < r->imin) r->imin = s.v.i;
    if (!r->any || s.v.i > r->imax) r->imax = s.v.i;
  } else {
    if (!r->any || s.v.u < r->umin) r->umin = s.v.u;
    if (!r->any || s.v.u > r->umax) r->umax = s.v.u;
  }
  r->any = true;
  return true;
}

typedef struct {
  numc_dtype t;
  double *v;
  int64_t n, cap;
  int parts;
} float_list;

static bool visit_float(void *state, const char *p) {
  float_list *l = state;
  if (l->n == l->cap) {
    int64_t cap = l->cap ? 2 * l->cap : 64;
    double *v = realloc(l->v, (size_t)cap * (size_t)l->parts * sizeof *v);
    if (!v) return false;
    l->v = v;
    l->cap = cap;
  }
  for (int k = 0; k < l->parts; k++) l->v[l->n * l->parts + k] = load_part(l->t, p, k);
  l->n++;
  return true;
}

/* _get_format_function: the per-array formats, from the shown elements. */
static bool printer_init(printer *pr, const numc_array *a, const char *sep) {
  memset(pr, 0, sizeof *pr);
  pr->a = a;
  pr->t = a->dtype;
  pr->kind = numc_dtype_kind(a->dtype);
  pr->sep = sep;
  pr->summarise = numc_size(a) > THRESHOLD;
  const char *base = numc__host_data(a);
  if (pr->kind == 'i' || pr->kind == 'u') {
    int_range r = {.t = pr->t};
    walk(pr, 0, base, visit_int, &r);
    char b1[32], b2[32];
    if (pr->kind == 'i') {
      snprintf(b1, sizeof b1, "%" PRId64, r.imin);
      snprintf(b2, sizeof b2, "%" PRId64, r.imax);
    } else {
      snprintf(b1, sizeof b1, "%" PRIu64, r.umin);
      snprintf(b2, sizeof b2, "%" PRIu64, r.umax);
    }
    int l1 = (int)strlen(b1), l2 = (int)strlen(b2);
    pr->int_width = l1 > l2 ? l1 : l2;
  } else if (pr->kind == 'f' || pr->kind == 'c') {
    float_list l = {.t = pr->t, .parts = pr->kind == 'c' ? 2 : 1};
    bool ok = walk(pr, 0, base, visit_float, &l);
    ftype ft = ftype_of(pr->t);
    if (ok) ok = float_fill(&pr->re, ft, false, l.v, l.n, l.parts);
    if (ok && pr->kind == 'c') ok = float_fill(&pr->im, ft, true, l.v + 1, l.n, 2);
    free(l.v);
    if (!ok) return false;
  }
  return true;
}

/* One element as the array's format prints it. */
static void format_elem(const printer *pr, sbuf *out, const char *p) {
  switch (pr->kind) {
  case 'b': {
    bool v = numc__scalar_load(pr->t, p).v.b;
    sb_puts(out, v ? (pr->a->ndim == 0 ? "True" : " True") : "False");
    break;
  }
  case 'i':
  case 'u': {
    char b[32];
    numc_scalar s = numc__scalar_load(pr->t, p);
    if (pr->kind == 'i') snprintf(b, sizeof b, "%*" PRId64, pr->int_width, s.v.i);
    else snprintf(b, sizeof b, "%*" PRIu64, pr->int_width, s.v.u);
    sb_puts(out, b);
    break;
  }
  case 'f': float_elem(out, &pr->re, load_part(pr->t, p, 0)); break;
  default: { /* complex: real, then signed imaginary with 'j' before its padding */
    float_elem(out, &pr->re, load_part(pr->t, p, 0));
    size_t at = out->len;
    float_elem(out, &pr->im, load_part(pr->t, p, 1));
    if (out->failed) return;
    size_t end = at + rstrip_len(out->p + at, out->len - at);
    if (!sb_reserve(out, 1)) return;
    memmove(out->p + end + 1, out->p + end, out->len - end + 1);
    out->p[end] = 'j';
    out->len++;
    break;
  }
  }
}

/* ----------------------------------------------------------------- layout */

/* The current line of a 1-D row (_extendLine's `line`), flushed into out. The first
 * line drops its hanging indent: NumPy builds it with the indent and then cuts it. */
typedef struct row {
  sbuf *out;
  sbuf line;
  int hang;
  bool first;
} row;

static void row_flush(row *r, bool last) {
  size_t n = last ? r->line.len : rstrip_len(r->line.p, r->line.len);
  size_t skip = r->first ? (size_t)r->hang : 0;
  if (n > skip) sb_putn(r->out, r->line.p + skip, n - skip);
  if (!last) sb_putc(r->out, '\n');
  r->first = false;
  sb_clear(&r->line);
  sb_spaces(&r->line, r->hang);
}

/* _extendLine: wrap before `word` if it would pass the width (unless the line holds
 * nothing but its indent, where wrapping would not help). */
static void row_extend(row *r, const char *word, size_t wlen, int width) {
  if (r->line.failed) return;
  if (r->line.len + wlen > (size_t)width && r->line.len > (size_t)r->hang) row_flush(r, false);
  sb_putn(&r->line, word, wlen);
}

/* _formatArray's recurser: appends "[...]" for the sub-array at p (axis `axis`) to out.
 * hang: width of the hanging indent (all spaces); width: the line width left. */
static void recurse(const printer *pr, sbuf *out, sbuf *word, int axis, const char *p, int hang,
                    int width) {
  const numc_array *a = pr->a;
  if (axis == a->ndim) {
    format_elem(pr, out, p);
    return;
  }
  int64_t n = a->shape[axis], st = a->strides[axis];
  bool summary = pr->summarise && 2 * EDGEITEMS < n;
  int64_t lead = summary ? EDGEITEMS : 0, trail = summary ? EDGEITEMS : n;
  size_t seplen = strlen(pr->sep), sepr = rstrip_len(pr->sep, seplen);
  sb_putc(out, '[');
  if (axis == a->ndim - 1) {
    /* last axis: elements separated by sep, wrapped at the width */
    int elem_width = width - (int)(sepr > 1 ? sepr : 1); /* room for the ',' or ']' */
    row r = {.out = out, .hang = hang, .first = true};
    sb_spaces(&r.line, hang);
    for (int64_t i = 0; i < n; i++) {
      if (summary && i == lead) {
        row_extend(&r, "...", 3, elem_width);
        sb_putn(&r.line, pr->sep, seplen);
        i = n - trail;
      }
      sb_clear(word);
      format_elem(pr, word, p + i * st);
      if (word->failed) r.line.failed = true;
      row_extend(&r, word->p ? word->p : "", word->len, elem_width);
      if (i < n - 1) sb_putn(&r.line, pr->sep, seplen);
    }
    if (r.line.failed) out->failed = true;
    else row_flush(&r, true);
    free(r.line.p);
  } else {
    /* other axes: one sub-array per line, blank lines between blocks of 3-D and up */
    int newlines = a->ndim - axis - 1;
    for (int64_t i = 0; i < n; i++) {
      if (i > 0) sb_spaces(out, hang);
      if (summary && i == lead) {
        sb_puts(out, "...");
        sb_putn(out, pr->sep, sepr);
        for (int k = 0; k < newlines; k++) sb_putc(out, '\n');
        sb_spaces(out, hang);
        i = n - trail;
      }
      recurse(pr, out, word, axis + 1, p + i * st, hang + 1, width - 1);
      if (i < n - 1) {
        sb_putn(out, pr->sep, sepr);
        for (int k = 0; k < newlines; k++) sb_putc(out, '\n');
      }
    }
  }
  sb_putc(out, ']');
}

/* array2string: "[]" for empty arrays, else the recursive layout. prefix_len: length
 * of "array(" (the continuation indent), width: linewidth less the suffix. */
static bool array2string(sbuf *out, const numc_array *a, const char *sep, int prefix_len,
                         int width) {
  if (numc_size(a) == 0) {
    sb_puts(out, "[]");
    return true;
  }
  printer pr;
  if (!printer_init(&pr, a, sep)) return false;
  sbuf word = {0};
  recurse(&pr, out, &word, 0, numc__host_data(a), 1 + prefix_len, width);
  free(word.p);
  return !word.failed;
}

/* ------------------------------------------------------------ scalars, API */

/* str() of a float scalar: positional "1.0" between 1e-4 and 1e16, else "1e+16". */
static void float_scalar_str(sbuf *out, double x, ftype ft, bool sign_plus, int trim_pos) {
  if (isnan(x)) {
    sb_puts(out, sign_plus ? "+nan" : "nan");
  } else if (isinf(x)) {
    sb_puts(out, x < 0 ? "-inf" : sign_plus ? "+inf" : "inf");
  } else if (x == 0 || (fabs(x) < 1.e16 && fabs(x) >= 1.e-4)) {
    fmt_positional(out, x, ft, -1, -1, trim_pos, sign_plus, -1, -1);
  } else {
    fmt_scientific(out, x, ft, -1, -1, TRIM_DASH, sign_plus, -1, -1);
  }
}

/* str() of the element at p: Python's str of the NumPy scalar. */
static void scalar_str(sbuf *out, numc_dtype t, const char *p) {
  numc_scalar s = numc__scalar_load(t, p);
  char b[32];
  switch (numc_dtype_kind(t)) {
  case 'b': sb_puts(out, s.v.b ? "True" : "False"); break;
  case 'i': snprintf(b, sizeof b, "%" PRId64, s.v.i); sb_puts(out, b); break;
  case 'u': snprintf(b, sizeof b, "%" PRIu64, s.v.u); sb_puts(out, b); break;
  case 'f': float_scalar_str(out, load_part(t, p, 0), ftype_of(t), false, TRIM_ZERO); break;
  default: {
    /* complex: "(1+2j)", or "2j" when the real part is +0; integral parts print bare */
    double re = load_part(t, p, 0), im = load_part(t, p, 1);
    if (re == 0 && !signbit(re)) {
      float_scalar_str(out, im, ftype_of(t), false, TRIM_DASH);
      sb_putc(out, 'j');
    } else {
      sb_putc(out, '(');
      float_scalar_str(out, re, ftype_of(t), false, TRIM_DASH);
      float_scalar_str(out, im, ftype_of(t), true, TRIM_DASH);
      sb_puts(out, "j)");
    }
  }
  }
}

/* Python's repr of a shape tuple: "(0, 3)", "(0,)". */
static void shape_repr(sbuf *out, const numc_array *a) {
  char b[32];
  sb_putc(out, '(');
  for (int i = 0; i < a->ndim; i++) {
    snprintf(b, sizeof b, i ? ", %" PRId64 : "%" PRId64, a->shape[i]);
    sb_puts(out, b);
  }
  if (a->ndim == 1) sb_putc(out, ',');
  sb_putc(out, ')');
}

/* The result, or NULL after freeing it: every failure here is an allocation failure. */
static char *finish(sbuf *b, bool ok) {
  if (ok && !b->failed && b->p) return b->p;
  free(b->p);
  numc__oom();
  return NULL;
}

static bool check_array(const numc_array *a) {
  if (!a) {
    numc__fail(NUMC_EINVAL, "array is NULL");
    return false;
  }
  if (!numc__valid_dtype((int)a->dtype)) {
    numc__fail(NUMC_EINVAL, "invalid dtype %d", (int)a->dtype);
    return false;
  }
  return numc__host_ready(a) == NUMC_OK;
}

char *numc_repr(const numc_array *a) {
  if (!check_array(a)) return NULL;
  sbuf b = {0};
  numc_dtype t = a->dtype;
  int64_t size = numc_size(a);
  /* dtype_is_implied: the default int, float, complex and bool need no "dtype=" */
  bool skip_dtype = (t == NUMC_INT64 || t == NUMC_FLOAT64 || t == NUMC_COMPLEX128 ||
                     t == NUMC_BOOL) && size > 0;
  const char *suffix = skip_dtype ? ")" : ",";
  bool ok = true;
  sb_puts(&b, "array(");
  if (size > 0 || (a->ndim == 1 && a->shape[0] == 0)) {
    ok = array2string(&b, a, ", ", 6, LINEWIDTH - (int)strlen(suffix));
  } else { /* empty with a shape (0,) doesn't imply */
    sb_puts(&b, "[], shape=");
    shape_repr(&b, a);
  }
  sb_puts(&b, suffix);
  if (ok && !skip_dtype && !b.failed) {
    const char *name = numc_dtype_name(t);
    /* "dtype=...)" moves to its own line if it would pass the line width */
    const char *nl = strrchr(b.p, '\n');
    size_t last = b.len - (nl ? (size_t)(nl - b.p) + 1 : 0);
    if (last + strlen("dtype=)") + strlen(name) + 1 > LINEWIDTH) sb_puts(&b, "\n      ");
    else sb_putc(&b, ' ');
    sb_puts(&b, "dtype=");
    sb_puts(&b, name);
    sb_putc(&b, ')');
  }
  return finish(&b, ok);
}

char *numc_str(const numc_array *a) {
  if (!check_array(a)) return NULL;
  sbuf b = {0};
  bool ok = true;
  if (a->ndim == 0) scalar_str(&b, a->dtype, numc__host_data(a));
  else ok = array2string(&b, a, " ", 0, LINEWIDTH);
  return finish(&b, ok);
}
