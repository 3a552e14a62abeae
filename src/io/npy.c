/* .npy files: NumPy's array format (numpy.lib.format), versions 1.0, 2.0 and 3.0.
 *
 * Layout: "\x93NUMPY", major and minor version bytes, the header length (uint16 LE for
 * 1.0, uint32 LE for 2.0 and 3.0), then the header, a Python dict literal such as
 * {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), } padded with spaces and
 * ended by '\n', then the raw data.
 *
 * Reading trusts nothing in the file: the header must lie within the bytes present and
 * the data it promises must be exactly the bytes that follow it, all checked before the
 * array is allocated. The header parser accepts exactly the dict subset NumPy writes (in
 * any key order, with any white space and trailing commas); it is no Python evaluator. */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/npy.h"

#define NPY_MAGIC "\x93NUMPY"
#define NPY_MAGIC_LEN 6
/* NumPy aligns the data to 64 bytes. */
#define NPY_ALIGN 64
/* The longest header numc writes: 32 dimensions of 19 digits, the fixed text and the
 * padding stay well below this. */
#define NPY_HEAD_MAX 1024
/* A numeric array never needs more than a few hundred header bytes (NumPy itself
 * refuses more than 10000 by default); the cap keeps a hostile header length from
 * sizing a large allocation. */
#define NPY_HEADER_LIMIT (1u << 20)

static bool host_is_little(void) {
  const uint16_t one = 1;
  unsigned char first;
  memcpy(&first, &one, 1);
  return first == 1;
}

static uint32_t get_le(const unsigned char *b, int n) {
  uint32_t v = 0;
  for (int i = n - 1; i >= 0; i--) v = v << 8 | b[i];
  return v;
}

/* ------------------------------------------------------------ header parsing */

typedef struct npy_info {
  numc_dtype dtype;
  bool swap; /* the data is in the byte order opposite to the host's */
  bool fortran;
  int ndim;
  int64_t shape[NUMC_MAXDIMS];
  uint64_t nbytes; /* data bytes the header promises */
} npy_info;

typedef struct cursor {
  const char *start, *p, *end;
  const char *name; /* for messages */
} cursor;

static numc_status bad(const cursor *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static numc_status bad(const cursor *c, const char *fmt, ...) {
  char what[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  return numc__fail(NUMC_EFORMAT, "%s: invalid .npy header: %s (at byte %td of the header)",
                    c->name, what, c->p - c->start);
}

static void skip_space(cursor *c) {
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
    c->p++;
}

/* Skip white space, then consume `ch` if it comes next. */
static bool accept(cursor *c, char ch) {
  skip_space(c);
  if (c->p == c->end || *c->p != ch) return false;
  c->p++;
  return true;
}

static bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

/* A quoted string of printable ASCII without escapes, which covers every key and
 * numeric descr NumPy writes. */
static numc_status parse_string(cursor *c, char *buf, size_t cap, const char *what) {
  skip_space(c);
  if (c->p == c->end || (*c->p != '\'' && *c->p != '"')) return bad(c, "expected a quoted %s", what);
  char quote = *c->p++;
  size_t n = 0;
  for (; c->p < c->end && *c->p != quote; c->p++) {
    unsigned char ch = (unsigned char)*c->p;
    if (ch < 0x20 || ch > 0x7e || ch == '\\') return bad(c, "unsupported character in a string");
    if (n + 1 >= cap) return bad(c, "%s is too long", what);
    buf[n++] = (char)ch;
  }
  if (c->p == c->end) return bad(c, "unterminated string");
  c->p++;
  buf[n] = '\0';
  return NUMC_OK;
}

/* A descr names a dtype by byte order, kind and size: '<f4', '|b1', '>c16'. '|' (not
 * applicable) and '=' mean the host's order; so does no order character. */
static numc_status descr_dtype(const cursor *c, const char *descr, npy_info *h) {
  const char *s = descr;
  char order = '=';
  if (*s == '<' || *s == '>' || *s == '|' || *s == '=') order = *s++;
  char kind = *s ? *s++ : '\0';
  size_t size = 0;
  for (int digits = 0; is_digit(*s) && digits < 3; digits++) size = size * 10 + (size_t)(*s++ - '0');
  for (int t = 0; *s == '\0' && t < NUMC_NDTYPES; t++) {
    if (numc_dtype_kind((numc_dtype)t) != kind || numc_dtype_size((numc_dtype)t) != size) continue;
    h->dtype = (numc_dtype)t;
    bool big = order == '>' || (order != '<' && !host_is_little());
    h->swap = size > 1 && big == host_is_little();
    return NUMC_OK;
  }
  return numc__fail(NUMC_EFORMAT,
                    "%s: unsupported dtype '%s' in .npy header (numc reads bool, integer, float "
                    "and complex arrays)",
                    c->name, descr);
}

static numc_status parse_descr(cursor *c, npy_info *h) {
  skip_space(c);
  if (c->p < c->end && (*c->p == '[' || *c->p == '{'))
    return bad(c, "structured dtypes are not supported");
  char descr[32];
  NUMC__TRY(parse_string(c, descr, sizeof descr, "descr"));
  return descr_dtype(c, descr, h);
}

static numc_status parse_bool(cursor *c, bool *v) {
  skip_space(c);
  size_t left = (size_t)(c->end - c->p);
  if (left >= 4 && !memcmp(c->p, "True", 4)) {
    *v = true;
    c->p += 4;
  } else if (left >= 5 && !memcmp(c->p, "False", 5)) {
    *v = false;
    c->p += 5;
  } else {
    return bad(c, "'fortran_order' must be True or False");
  }
  return NUMC_OK;
}

/* One extent: a decimal integer. A sign is read so that negative extents get their own
 * message; the "L" suffix is what Python 2 wrote for longs in old files. */
static numc_status parse_dim(cursor *c, int64_t *v) {
  skip_space(c);
  bool negative = false;
  if (c->p < c->end && (*c->p == '-' || *c->p == '+')) negative = *c->p++ == '-';
  if (c->p == c->end || !is_digit(*c->p)) return bad(c, "the shape must be a tuple of integers");
  int64_t x = 0;
  for (; c->p < c->end && is_digit(*c->p); c->p++) {
    int d = *c->p - '0';
    if (x > (INT64_MAX - d) / 10) return bad(c, "a dimension of the shape is too large");
    x = x * 10 + d;
  }
  if (c->p < c->end && (*c->p == 'L' || *c->p == 'l')) c->p++;
  if (negative && x != 0) return bad(c, "negative dimension -%lld in the shape", (long long)x);
  *v = x;
  return NUMC_OK;
}

static numc_status parse_shape(cursor *c, npy_info *h) {
  if (!accept(c, '(')) return bad(c, "'shape' must be a tuple");
  h->ndim = 0;
  if (accept(c, ')')) return NUMC_OK;
  for (;;) {
    if (h->ndim == NUMC_MAXDIMS) return bad(c, "the shape has more than %d dimensions", NUMC_MAXDIMS);
    NUMC__TRY(parse_dim(c, &h->shape[h->ndim++]));
    bool comma = accept(c, ',');
    if (accept(c, ')')) {
      /* As in Python, (3) is an integer, not a tuple; NumPy refuses it too. */
      if (h->ndim == 1 && !comma) return bad(c, "'shape' must be a tuple: write (n,), not (n)");
      return NUMC_OK;
    }
    if (!comma) return bad(c, "expected ',' or ')' in the shape");
  }
}

static numc_status parse_dict(cursor *c, npy_info *h) {
  static const char *const keys[] = {"descr", "fortran_order", "shape"};
  bool seen[3] = {false, false, false};
  if (!accept(c, '{')) return bad(c, "the header is not a dictionary");
  while (!accept(c, '}')) {
    char key[32];
    NUMC__TRY(parse_string(c, key, sizeof key, "key"));
    int k = 0;
    while (k < 3 && strcmp(key, keys[k]) != 0) k++;
    if (k == 3) return bad(c, "unexpected key '%s'", key);
    if (seen[k]) return bad(c, "duplicate key '%s'", key);
    seen[k] = true;
    if (!accept(c, ':')) return bad(c, "expected ':' after '%s'", key);
    NUMC__TRY(k == 0 ? parse_descr(c, h) : k == 1 ? parse_bool(c, &h->fortran) : parse_shape(c, h));
    if (!accept(c, ',')) {
      if (!accept(c, '}')) return bad(c, "expected ',' or '}' after the value of '%s'", key);
      break;
    }
  }
  skip_space(c);
  if (c->p != c->end) return bad(c, "unexpected text after the dictionary");
  for (int k = 0; k < 3; k++)
    if (!seen[k]) return bad(c, "missing key '%s'", keys[k]);
  return NUMC_OK;
}

/* prod(shape) * itemsize without overflow. Like NumPy, the product of the non-zero
 * extents must fit even when another extent is 0. */
static numc_status data_size(const cursor *c, npy_info *h) {
  uint64_t bytes = numc_dtype_size(h->dtype), limit = (uint64_t)PTRDIFF_MAX;
  bool empty = false;
  for (int i = 0; i < h->ndim; i++) {
    uint64_t d = (uint64_t)h->shape[i];
    if (d == 0) {
      empty = true;
    } else if (bytes > limit / d) {
      char s[256];
      return numc__fail(NUMC_EFORMAT, "%s: the .npy shape %s is too large", c->name,
                        numc__shape_str(s, sizeof s, h->ndim, h->shape));
    } else {
      bytes *= d;
    }
  }
  h->nbytes = empty ? 0 : bytes;
  return NUMC_OK;
}

static numc_status parse_header(const char *text, size_t len, const char *name, npy_info *h) {
  cursor c = {text, text, text + len, name};
  memset(h, 0, sizeof *h);
  NUMC__TRY(parse_dict(&c, h));
  return data_size(&c, h);
}

/* ------------------------------------------------------------ the prefix */

/* Check the magic and version in the first 8 bytes (of `avail` present); the prefix
 * (magic, version, header length) is 10 bytes for version 1.0, 12 for 2.0 and 3.0.
 * Version 3.0 only allows a UTF-8 header, which changes nothing for numeric dtypes. */
static numc_status check_magic(const unsigned char *b, size_t avail, const char *name, size_t *plen) {
  size_t k = avail < NPY_MAGIC_LEN ? avail : NPY_MAGIC_LEN;
  if (k && memcmp(b, NPY_MAGIC, k) != 0)
    return numc__fail(NUMC_EFORMAT, "%s: not a .npy file (it does not start with \\x93NUMPY)", name);
  if (avail < 8) return numc__fail(NUMC_EFORMAT, "%s: truncated .npy file (%zu bytes)", name, avail);
  int major = b[6], minor = b[7];
  if (major < 1 || major > 3 || minor != 0)
    return numc__fail(NUMC_EFORMAT, "%s: unsupported .npy format version %d.%d", name, major, minor);
  *plen = major == 1 ? 10 : 12;
  return NUMC_OK;
}

/* The header length stored in the prefix, checked against the `total` bytes present. */
static numc_status header_length(const unsigned char *b, size_t plen, uint64_t total,
                                 const char *name, size_t *hlen) {
  if (total < plen) return numc__fail(NUMC_EFORMAT, "%s: truncated .npy file (%llu bytes)", name,
                                      (unsigned long long)total);
  uint32_t n = get_le(b + 8, (int)plen - 8);
  if (n > total - plen)
    return numc__fail(NUMC_EFORMAT, "%s: header length %lu runs past the end of the data (%llu bytes)",
                      name, (unsigned long)n, (unsigned long long)total);
  if (n > NPY_HEADER_LIMIT)
    return numc__fail(NUMC_EFORMAT, "%s: header length %lu is larger than any numeric array needs",
                      name, (unsigned long)n);
  *hlen = n;
  return NUMC_OK;
}

static numc_status check_data_length(const npy_info *h, uint64_t avail, const char *name) {
  if (h->nbytes > avail)
    return numc__fail(NUMC_EFORMAT, "%s: truncated data: the header promises %llu bytes, only %llu follow it",
                      name, (unsigned long long)h->nbytes, (unsigned long long)avail);
  if (h->nbytes < avail)
    return numc__fail(NUMC_EFORMAT, "%s: %llu unexpected bytes after the %llu bytes of array data", name,
                      (unsigned long long)(avail - h->nbytes), (unsigned long long)h->nbytes);
  return NUMC_OK;
}

/* --------------------------------------------------------------- loading */

static void reverse_units(unsigned char *p, size_t n, size_t unit) {
  for (size_t i = 0; i + unit <= n; i += unit)
    for (size_t j = 0; j < unit / 2; j++) {
      unsigned char t = p[i + j];
      p[i + j] = p[i + unit - 1 - j];
      p[i + unit - 1 - j] = t;
    }
}

/* Turn the file's bytes, now in the array, into native values: swap foreign byte order
 * (each half of a complex on its own) and make every bool 0 or 1, since any other byte
 * is not a valid C bool. */
static void to_native(numc_array *a, const npy_info *h) {
  unsigned char *p = (unsigned char *)numc__host_data(a);
  if (h->dtype == NUMC_BOOL)
    for (uint64_t i = 0; i < h->nbytes; i++) p[i] = p[i] != 0;
  if (h->swap) {
    size_t unit = numc_dtype_size(h->dtype) / (numc__is_complex(h->dtype) ? 2 : 1);
    reverse_units(p, (size_t)h->nbytes, unit);
  }
}

static numc_status new_for(const npy_info *h, numc_array **out) {
  return numc__new(h->dtype, h->ndim, h->shape, h->fortran ? NUMC_ORDER_F : NUMC_ORDER_C, false, out);
}

numc_status numc__npy_parse(const void *bytes, size_t n, const char *name, numc_array **out) {
  if (!bytes && n) return numc__fail(NUMC_EINVAL, "%s: bytes is NULL", name);
  if (!out) return numc__fail(NUMC_EINVAL, "output pointer is NULL");
  const unsigned char *b = bytes;
  size_t plen = 0, hlen = 0;
  NUMC__TRY(check_magic(b, n, name, &plen));
  NUMC__TRY(header_length(b, plen, n, name, &hlen));
  npy_info h;
  NUMC__TRY(parse_header((const char *)b + plen, hlen, name, &h));
  NUMC__TRY(check_data_length(&h, n - plen - hlen, name));
  numc_array *a = NULL;
  NUMC__TRY(new_for(&h, &a));
  if (h.nbytes) memcpy(numc__host_data(a), b + plen + hlen, (size_t)h.nbytes);
  to_native(a, &h);
  *out = a;
  return NUMC_OK;
}

numc_status numc_load_bytes(const void *bytes, size_t nbytes, numc_array **out) {
  return numc__npy_parse(bytes, nbytes, "npy data", out);
}

/* fread exactly n bytes. The sizes were checked against the file's size beforehand, so
 * a short read means an I/O error or a file that shrank meanwhile. */
static numc_status read_exact(FILE *f, void *p, size_t n, const char *name, numc__crc *crc) {
  if (n == 0) return NUMC_OK;
  if (fread(p, 1, n, f) != n) {
    if (ferror(f)) return numc__fail(NUMC_EIO, "%s: read failed: %s", name, strerror(errno));
    return numc__fail(NUMC_EFORMAT, "%s: the file ended early (did it change while being read?)", name);
  }
  if (crc) numc__crc_update(crc, p, n);
  return NUMC_OK;
}

static numc_status read_header(FILE *f, size_t hlen, const char *name, numc__crc *crc, npy_info *h) {
  char *text = malloc(hlen ? hlen : 1);
  if (!text) return numc__oom();
  numc_status s = read_exact(f, text, hlen, name, crc);
  if (s == NUMC_OK) s = parse_header(text, hlen, name, h);
  free(text);
  return s;
}

numc_status numc__npy_read(FILE *f, uint64_t size, const char *name, numc__crc *crc,
                           numc_array **out) {
  unsigned char pre[12];
  size_t first = size < 8 ? (size_t)size : 8, plen = 0, hlen = 0;
  NUMC__TRY(read_exact(f, pre, first, name, crc));
  NUMC__TRY(check_magic(pre, first, name, &plen));
  if (size >= plen) NUMC__TRY(read_exact(f, pre + 8, plen - 8, name, crc));
  NUMC__TRY(header_length(pre, plen, size, name, &hlen));
  npy_info h;
  NUMC__TRY(read_header(f, hlen, name, crc, &h));
  NUMC__TRY(check_data_length(&h, size - plen - hlen, name));
  numc_array *a = NULL;
  NUMC__TRY(new_for(&h, &a));
  /* Straight into the array's buffer: one read, no staging copy. */
  numc_status s = read_exact(f, numc__host_data(a), (size_t)h.nbytes, name, crc);
  if (s != NUMC_OK) {
    numc_free(a);
    return s;
  }
  to_native(a, &h);
  *out = a;
  return NUMC_OK;
}

numc_status numc_load(const char *path, numc_array **out) {
  if (!path || !out) return numc__fail(NUMC_EINVAL, "numc_load: path or output pointer is NULL");
  FILE *f = fopen(path, "rb");
  if (!f) return numc__fail(NUMC_EIO, "%s: cannot open: %s", path, strerror(errno));
  struct stat st;
  numc_status s;
  if (fstat(fileno(f), &st) != 0)
    s = numc__fail(NUMC_EIO, "%s: cannot stat: %s", path, strerror(errno));
  else if (!S_ISREG(st.st_mode))
    s = numc__fail(NUMC_EIO, "%s: not a regular file", path);
  else
    s = numc__npy_read(f, (uint64_t)st.st_size, path, NULL, out);
  fclose(f);
  return s;
}

/* ---------------------------------------------------------------- saving */

typedef struct npy_head {
  char bytes[NPY_HEAD_MAX];
  size_t len;
  bool fortran;
} npy_head;

/* NumPy's header for `a`: descr in the host's byte order (little-endian on every host
 * numc targets; NumPy also writes the native order), Fortran order only for arrays that
 * are F- and not C-contiguous, padded with spaces so that the data starts at a multiple
 * of 64 (a full 64 spaces when already aligned, as NumPy does). */
static void make_head(const numc_array *a, npy_head *h) {
  size_t item = numc_dtype_size(a->dtype);
  char order = item == 1 ? '|' : host_is_little() ? '<' : '>';
  h->fortran = numc_is_f_contiguous(a) && !numc_is_c_contiguous(a);
  char dict[NPY_HEAD_MAX];
  int n = snprintf(dict, sizeof dict, "{'descr': '%c%c%zu', 'fortran_order': %s, 'shape': (", order,
                   numc_dtype_kind(a->dtype), item, h->fortran ? "True" : "False");
  for (int i = 0; i < a->ndim; i++)
    n += snprintf(dict + n, sizeof dict - (size_t)n, "%s%lld", i ? ", " : "", (long long)a->shape[i]);
  n += snprintf(dict + n, sizeof dict - (size_t)n, "%s), }", a->ndim == 1 ? "," : "");
  size_t dlen = (size_t)n + 1; /* with the '\n' */
  size_t plen = 10, pad = NPY_ALIGN - (plen + dlen) % NPY_ALIGN;
  if (dlen + pad > 0xFFFF) { /* version 2.0: a 32-bit header length */
    plen = 12;
    pad = NPY_ALIGN - (plen + dlen) % NPY_ALIGN;
  }
  size_t hlen = dlen + pad;
  char *b = h->bytes;
  memcpy(b, NPY_MAGIC, NPY_MAGIC_LEN);
  b[6] = plen == 10 ? 1 : 2;
  b[7] = 0;
  for (size_t i = 8; i < plen; i++) b[i] = (char)(hlen >> (8 * (i - 8)) & 0xFF);
  memcpy(b + plen, dict, (size_t)n);
  memset(b + plen + (size_t)n, ' ', pad);
  b[plen + hlen - 1] = '\n';
  h->len = plen + hlen;
}

/* numc_nbytes, but 0 for any zero extent without multiplying the others first: they
 * need not have a representable product (numc__check_shape accepts (2**62, 2**62, 0)). */
static uint64_t data_bytes(const numc_array *a) {
  for (int i = 0; i < a->ndim; i++)
    if (a->shape[i] == 0) return 0;
  return numc_nbytes(a);
}

uint64_t numc__npy_size(const numc_array *a) {
  npy_head h;
  make_head(a, &h);
  return h.len + data_bytes(a);
}

/* Where the bytes go: a FILE, or a memory block sized beforehand. */
typedef struct sink {
  FILE *f;
  unsigned char *mem;
  size_t used;
  numc__crc *crc;
} sink;

static bool put(sink *s, const void *p, size_t n) {
  if (n == 0) return true;
  if (s->crc) numc__crc_update(s->crc, p, n);
  if (s->f) return fwrite(p, 1, n, s->f) == n;
  memcpy(s->mem + s->used, p, n);
  s->used += n;
  return true;
}

#define CHUNK (64 * 1024)

/* Write the elements of a non-empty geometry (base, ndim, shape, strides) in C order
 * through a chunk buffer, making bools 0 or 1 on the way. */
static bool put_elements(sink *s, const char *base, int ndim, const int64_t *shape,
                         const int64_t *strides, numc_dtype t) {
  unsigned char *chunk = malloc(CHUNK);
  if (!chunk) return false;
  size_t item = numc_dtype_size(t), used = 0;
  int64_t inner = ndim ? shape[ndim - 1] : 1, step = ndim ? strides[ndim - 1] : 0;
  int64_t idx[NUMC_MAXDIMS] = {0};
  int64_t rows = numc__size(ndim, shape) / inner;
  bool ok = true;
  for (int64_t r = 0; r < rows && ok; r++) {
    const char *p = base;
    for (int d = 0; d < ndim - 1; d++) p += idx[d] * strides[d];
    for (int64_t j = 0; j < inner && ok; j++, p += step) {
      if (t == NUMC_BOOL) chunk[used] = *(const unsigned char *)p != 0;
      else memcpy(chunk + used, p, item);
      used += item;
      if (used + item > CHUNK) {
        ok = put(s, chunk, used);
        used = 0;
      }
    }
    for (int d = ndim - 2; d >= 0 && ++idx[d] == shape[d]; d--) idx[d] = 0;
  }
  ok = ok && put(s, chunk, used);
  free(chunk);
  return ok;
}

static bool put_data(sink *s, const numc_array *a, bool fortran) {
  if (data_bytes(a) == 0) return true;
  const char *base = numc__host_data(a);
  if (!numc_is_c_contiguous(a) && !fortran) /* any strides: element by element */
    return put_elements(s, base, a->ndim, a->shape, a->strides, a->dtype);
  /* The bytes are already in file order: one write, except bools, which are checked. */
  if (a->dtype != NUMC_BOOL) return put(s, base, numc_nbytes(a));
  int64_t n = numc_size(a), one = 1;
  return put_elements(s, base, 1, &n, &one, NUMC_BOOL);
}

static numc_status write_npy(sink *s, const numc_array *a, const char *name) {
  npy_head h;
  make_head(a, &h);
  if (put(s, h.bytes, h.len) && put_data(s, a, h.fortran)) return NUMC_OK;
  if (s->f && ferror(s->f)) return numc__fail(NUMC_EIO, "%s: write failed: %s", name, strerror(errno));
  return numc__oom();
}

numc_status numc__npy_write(FILE *f, const numc_array *a, const char *name, numc__crc *crc) {
  sink s = {f, NULL, 0, crc};
  return write_npy(&s, a, name);
}

numc_status numc_save_bytes(const numc_array *a, void **bytes, size_t *nbytes) {
  if (!a || !bytes || !nbytes) return numc__fail(NUMC_EINVAL, "numc_save_bytes: NULL argument");
  uint64_t total = numc__npy_size(a);
  if (total > SIZE_MAX) return numc__fail(NUMC_EOVERFLOW, "the .npy image does not fit in memory");
  unsigned char *mem = malloc((size_t)total);
  if (!mem) return numc__oom();
  sink s = {NULL, mem, 0, NULL};
  numc_status st = write_npy(&s, a, "npy data");
  if (st != NUMC_OK) {
    free(mem);
    return st;
  }
  *bytes = mem;
  *nbytes = (size_t)total;
  return NUMC_OK;
}

numc_status numc__temp_open(const char *path, char **tmp, FILE **f) {
  size_t n = strlen(path) + 32;
  char *name = malloc(n);
  if (!name) return numc__oom();
  snprintf(name, n, "%s.tmp.%ld", path, (long)getpid());
  FILE *fp = fopen(name, "wb");
  if (!fp) {
    numc_status s = numc__fail(NUMC_EIO, "%s: cannot create %s: %s", path, name, strerror(errno));
    free(name);
    return s;
  }
  *tmp = name;
  *f = fp;
  return NUMC_OK;
}

numc_status numc__temp_close(FILE *f, char *tmp, const char *path, numc_status s) {
  /* fclose flushes: a full disk often shows up only here. */
  if (fclose(f) != 0 && s == NUMC_OK) s = numc__fail(NUMC_EIO, "%s: write failed: %s", path, strerror(errno));
  if (s == NUMC_OK && rename(tmp, path) != 0)
    s = numc__fail(NUMC_EIO, "%s: cannot rename %s into place: %s", path, tmp, strerror(errno));
  if (s != NUMC_OK) remove(tmp);
  free(tmp);
  return s;
}

numc_status numc_save(const char *path, const numc_array *a) {
  if (!path || !a) return numc__fail(NUMC_EINVAL, "numc_save: path or array is NULL");
  NUMC__TRY(numc__host_ready(a));
  char *tmp;
  FILE *f;
  NUMC__TRY(numc__temp_open(path, &tmp, &f));
  return numc__temp_close(f, tmp, path, numc__npy_write(f, a, path, NULL));
}
