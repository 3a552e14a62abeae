/* .npz files: a zip archive of .npy members, as numpy.savez writes.
 *
 * Writing stores the members uncompressed (method 0), with a fixed 1980-01-01 timestamp
 * so that the same arrays give the same bytes. Reading takes the member list from the
 * central directory, checks every offset and size against the file's size, and accepts
 * stored and deflated (numpy.savez_compressed) members; every CRC-32 is verified. ZIP64
 * (members or archives over 4 GiB) is refused. */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "io/npy.h"

#define ZIP_LOCAL_SIG 0x04034b50u
#define ZIP_CENTRAL_SIG 0x02014b50u
#define ZIP_END_SIG 0x06054b50u
#define ZIP_LOCAL_LEN 30
#define ZIP_CENTRAL_LEN 46
#define ZIP_END_LEN 22
#define ZIP_MAX_COMMENT 0xFFFF
#define ZIP_VERSION 20     /* 2.0: what zipfile writes for stored and deflated members */
#define ZIP_DOS_DATE 0x21  /* 1980-01-01 */
#define ZIP_FLAG_ENCRYPTED 0x0001u
#define ZIP_FLAG_UTF8 0x0800u
#define ZIP_STORED 0
#define ZIP_DEFLATED 8
#define ZIP_LIMIT 0xFFFFFFFFu /* 32-bit fields; this value means "see ZIP64" */

/* ------------------------------------------------------------------ CRC-32 */

/* Slicing by 8: eight tables let the loop fold 8 bytes per step, which keeps the CRC
 * of a large member well below the cost of writing it. */
struct numc__crc {
  uint32_t table[8][256];
  uint32_t value;
};

static void crc_init(numc__crc *c) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t v = i;
    for (int k = 0; k < 8; k++) v = (v >> 1) ^ (0xEDB88320u & (0u - (v & 1u)));
    c->table[0][i] = v;
  }
  for (int i = 0; i < 256; i++)
    for (int k = 1; k < 8; k++)
      c->table[k][i] = (c->table[k - 1][i] >> 8) ^ c->table[0][c->table[k - 1][i] & 0xFF];
  c->value = 0;
}

static uint32_t load32(const unsigned char *b) {
  return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static uint16_t load16(const unsigned char *b) { return (uint16_t)(b[0] | b[1] << 8); }

void numc__crc_update(numc__crc *c, const void *p, size_t n) {
  const unsigned char *b = p;
  uint32_t(*t)[256] = c->table;
  uint32_t v = ~c->value;
  for (; n >= 8; n -= 8, b += 8) {
    uint32_t lo = v ^ load32(b), hi = load32(b + 4);
    v = t[7][lo & 0xFF] ^ t[6][lo >> 8 & 0xFF] ^ t[5][lo >> 16 & 0xFF] ^ t[4][lo >> 24] ^
        t[3][hi & 0xFF] ^ t[2][hi >> 8 & 0xFF] ^ t[1][hi >> 16 & 0xFF] ^ t[0][hi >> 24];
  }
  for (; n; n--, b++) v = (v >> 8) ^ t[0][(v ^ *b) & 0xFF];
  c->value = ~v;
}

/* ---------------------------------------------------------------- inflate */

/* An RFC 1951 decoder in the manner of zlib's puff.c: canonical Huffman codes decoded
 * bit by bit. It inflates a whole member held in memory into a buffer of the size the
 * zip directory gives, which is all an .npz reader needs. Errors are returned as a
 * phrase for the caller's message. */

#define INF_MAXBITS 15
#define INF_MAXCODES 288 /* literal/length symbols, the largest alphabet */

typedef struct inflater {
  const unsigned char *in;
  size_t inlen, inpos;
  unsigned char *out;
  size_t outlen, outpos;
  uint32_t bitbuf;
  int bitcnt;
  bool eof; /* read past the end of the input */
} inflater;

typedef struct huffman {
  short count[INF_MAXBITS + 1]; /* number of codes of each length */
  short symbol[INF_MAXCODES];   /* symbols ordered by code */
} huffman;

static const char *const inf_truncated = "the compressed data ends early";
static const char *const inf_overflow = "it inflates to more bytes than the zip directory says";

static int getbits(inflater *s, int need) {
  uint32_t v = s->bitbuf;
  while (s->bitcnt < need) {
    if (s->inpos == s->inlen) {
      s->eof = true;
      return 0;
    }
    v |= (uint32_t)s->in[s->inpos++] << s->bitcnt;
    s->bitcnt += 8;
  }
  s->bitbuf = v >> need;
  s->bitcnt -= need;
  return (int)(v & ((1u << need) - 1));
}

/* Build a decoding table from code lengths. Returns 0 for a complete code, > 0 for an
 * incomplete one and < 0 for an over-subscribed one. */
static int construct(huffman *h, const short *length, int n) {
  for (int len = 0; len <= INF_MAXBITS; len++) h->count[len] = 0;
  for (int sym = 0; sym < n; sym++) h->count[length[sym]]++;
  if (h->count[0] == n) return 0; /* no codes: decode() fails if it is used */
  int left = 1;
  for (int len = 1; len <= INF_MAXBITS; len++) {
    left = (left << 1) - h->count[len];
    if (left < 0) return left;
  }
  short offs[INF_MAXBITS + 1];
  offs[1] = 0;
  for (int len = 1; len < INF_MAXBITS; len++) offs[len + 1] = (short)(offs[len] + h->count[len]);
  for (int sym = 0; sym < n; sym++)
    if (length[sym] != 0) h->symbol[offs[length[sym]]++] = (short)sym;
  return left;
}

/* One symbol, or -1 for a bit pattern that is no code. */
static int decode(inflater *s, const huffman *h) {
  int code = 0, first = 0, index = 0;
  for (int len = 1; len <= INF_MAXBITS; len++) {
    code |= getbits(s, 1);
    int count = h->count[len];
    if (code - count < first) return h->symbol[index + (code - first)];
    index += count;
    first = (first + count) << 1;
    code <<= 1;
  }
  return -1;
}

static const char *inflate_codes(inflater *s, const huffman *lencode, const huffman *distcode) {
  static const short lbase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                  31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
  static const short lext[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
  static const short dbase[30] = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,
                                  33,  49,  65,  97,  129, 193,  257,  385,  513,  769,
                                  1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
  static const short dext[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
  for (;;) {
    int sym = decode(s, lencode);
    if (s->eof) return inf_truncated;
    if (sym < 0) return "invalid literal/length code";
    if (sym == 256) return NULL;
    if (sym < 256) {
      if (s->outpos == s->outlen) return inf_overflow;
      s->out[s->outpos++] = (unsigned char)sym;
      continue;
    }
    sym -= 257;
    if (sym >= 29) return "invalid length symbol";
    size_t len = (size_t)(lbase[sym] + getbits(s, lext[sym]));
    int dsym = decode(s, distcode);
    if (s->eof) return inf_truncated;
    if (dsym < 0 || dsym >= 30) return "invalid distance symbol";
    size_t dist = (size_t)(dbase[dsym] + getbits(s, dext[dsym]));
    if (s->eof) return inf_truncated;
    if (dist > s->outpos) return "a distance reaches before the start of the data";
    if (len > s->outlen - s->outpos) return inf_overflow;
    for (; len; len--, s->outpos++) s->out[s->outpos] = s->out[s->outpos - dist];
  }
}

static const char *inflate_stored(inflater *s) {
  s->bitbuf = 0; /* a stored block starts at a byte boundary */
  s->bitcnt = 0;
  if (s->inlen - s->inpos < 4) return inf_truncated;
  size_t len = load16(s->in + s->inpos), nlen = load16(s->in + s->inpos + 2);
  s->inpos += 4;
  if (len != (~nlen & 0xFFFF)) return "a stored block's length check fails";
  if (len > s->inlen - s->inpos) return inf_truncated;
  if (len > s->outlen - s->outpos) return inf_overflow;
  memcpy(s->out + s->outpos, s->in + s->inpos, len);
  s->inpos += len;
  s->outpos += len;
  return NULL;
}

static const char *inflate_fixed(inflater *s) {
  short lengths[INF_MAXCODES];
  huffman lencode, distcode;
  for (int sym = 0; sym < INF_MAXCODES; sym++)
    lengths[sym] = sym < 144 ? 8 : sym < 256 ? 9 : sym < 280 ? 7 : 8;
  construct(&lencode, lengths, INF_MAXCODES);
  for (int sym = 0; sym < 30; sym++) lengths[sym] = 5;
  construct(&distcode, lengths, 30);
  return inflate_codes(s, &lencode, &distcode);
}

/* Read the literal/length and distance code lengths of a dynamic block, themselves
 * coded with a code-length code. */
static const char *read_lengths(inflater *s, short *lengths, int n) {
  static const unsigned char order[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                          11, 4,  12, 3, 13, 2, 14, 1, 15};
  int ncode = getbits(s, 4) + 4;
  for (int i = 0; i < 19; i++) lengths[order[i]] = (short)(i < ncode ? getbits(s, 3) : 0);
  huffman lencode;
  if (s->eof) return inf_truncated;
  if (construct(&lencode, lengths, 19) != 0) return "invalid code-length code";
  for (int index = 0; index < n;) {
    int sym = decode(s, &lencode);
    if (s->eof) return inf_truncated;
    if (sym < 0) return "invalid code-length symbol";
    if (sym < 16) {
      lengths[index++] = (short)sym;
      continue;
    }
    short len = 0;
    int rep;
    if (sym == 16) {
      if (index == 0) return "a repeat with no previous length";
      len = lengths[index - 1];
      rep = 3 + getbits(s, 2);
    } else {
      rep = sym == 17 ? 3 + getbits(s, 3) : 11 + getbits(s, 7);
    }
    if (rep > n - index) return "too many code lengths";
    while (rep--) lengths[index++] = len;
  }
  return NULL;
}

static const char *inflate_dynamic(inflater *s) {
  int nlen = getbits(s, 5) + 257, ndist = getbits(s, 5) + 1;
  if (nlen > 286 || ndist > 30) return "too many length or distance symbols";
  short lengths[286 + 30];
  const char *err = read_lengths(s, lengths, nlen + ndist);
  if (err) return err;
  if (lengths[256] == 0) return "no end-of-block code";
  /* Incomplete codes are only allowed when they have a single code. */
  huffman lencode, distcode;
  int left = construct(&lencode, lengths, nlen);
  if (left < 0 || (left > 0 && nlen - lencode.count[0] != 1)) return "invalid literal/length code lengths";
  left = construct(&distcode, lengths + nlen, ndist);
  if (left < 0 || (left > 0 && ndist - distcode.count[0] != 1)) return "invalid distance code lengths";
  return inflate_codes(s, &lencode, &distcode);
}

/* Inflate a raw deflate stream into exactly outlen bytes; NULL on success. */
static const char *inflate_raw(const unsigned char *in, size_t inlen, unsigned char *out,
                               size_t outlen) {
  inflater s = {in, inlen, 0, out, outlen, 0, 0, 0, false};
  int last;
  do {
    last = getbits(&s, 1);
    int type = getbits(&s, 2);
    if (s.eof) return inf_truncated;
    const char *err = type == 0 ? inflate_stored(&s)
                      : type == 1 ? inflate_fixed(&s)
                      : type == 2 ? inflate_dynamic(&s)
                                  : "invalid block type";
    if (err) return err;
  } while (!last);
  if (s.outpos != outlen) return "it inflates to fewer bytes than the zip directory says";
  return NULL;
}

/* ------------------------------------------------------------------ writing */

static void store16(unsigned char *b, uint32_t v) {
  b[0] = (unsigned char)v;
  b[1] = (unsigned char)(v >> 8);
}

static void store32(unsigned char *b, uint32_t v) {
  store16(b, v);
  store16(b + 2, v >> 16);
}

typedef struct zip_member {
  const char *name; /* without ".npy" */
  size_t name_len;  /* with ".npy" */
  uint32_t crc, size, offset;
} zip_member;

/* The fields local and central headers share, from "version needed" to the name
 * length; `b` points at "version needed". */
static void common_fields(unsigned char *b, const zip_member *m) {
  bool utf8 = false;
  for (const char *p = m->name; *p; p++) utf8 |= (unsigned char)*p >= 0x80;
  store16(b, ZIP_VERSION);
  store16(b + 2, utf8 ? ZIP_FLAG_UTF8 : 0); /* so that readers decode the name as UTF-8 */
  store16(b + 4, ZIP_STORED);
  store16(b + 6, 0); /* time 00:00 */
  store16(b + 8, ZIP_DOS_DATE);
  store32(b + 10, m->crc);
  store32(b + 14, m->size);
  store32(b + 18, m->size);
  store16(b + 22, (uint32_t)m->name_len);
}

static bool put_name(FILE *f, const zip_member *m) {
  size_t n = m->name_len - 4;
  return fwrite(m->name, 1, n, f) == n && fwrite(".npy", 1, 4, f) == 4;
}

static numc_status write_error(const char *path) {
  return numc__fail(NUMC_EIO, "%s: write failed: %s", path, strerror(errno));
}

/* A local header with a zero CRC, the .npy bytes, then the CRC patched in: the data is
 * streamed once and never held in memory. */
static numc_status write_member(FILE *f, const char *path, const numc_array *a, numc__crc *crc,
                                zip_member *m) {
  off_t offset = ftello(f);
  uint64_t size = numc__npy_size(a);
  if (offset < 0) return write_error(path);
  if ((uint64_t)offset >= ZIP_LIMIT || size >= ZIP_LIMIT)
    return numc__fail(NUMC_EFORMAT, "%s: member '%s' would pass 4 GiB, which needs ZIP64 (not supported)",
                      path, m->name);
  m->offset = (uint32_t)offset;
  m->size = (uint32_t)size;
  m->crc = 0;
  unsigned char h[ZIP_LOCAL_LEN] = {0};
  store32(h, ZIP_LOCAL_SIG);
  common_fields(h + 4, m);
  if (fwrite(h, 1, sizeof h, f) != sizeof h || !put_name(f, m)) return write_error(path);
  crc->value = 0;
  NUMC__TRY(numc__npy_write(f, a, path, crc));
  m->crc = crc->value;
  store32(h, m->crc);
  if (fseeko(f, offset + 14, SEEK_SET) != 0 || fwrite(h, 1, 4, f) != 4 || fseeko(f, 0, SEEK_END) != 0)
    return write_error(path);
  return NUMC_OK;
}

static numc_status write_directory(FILE *f, const char *path, const zip_member *m, int n) {
  off_t start = ftello(f);
  if (start < 0) return write_error(path);
  for (int i = 0; i < n; i++) {
    unsigned char h[ZIP_CENTRAL_LEN] = {0}; /* no extra or comment, disk 0, attributes 0 */
    store32(h, ZIP_CENTRAL_SIG);
    store16(h + 4, ZIP_VERSION); /* made by */
    common_fields(h + 6, &m[i]);
    store32(h + 42, m[i].offset);
    if (fwrite(h, 1, sizeof h, f) != sizeof h || !put_name(f, &m[i])) return write_error(path);
  }
  off_t end = ftello(f);
  if (end < 0) return write_error(path);
  if ((uint64_t)end >= ZIP_LIMIT)
    return numc__fail(NUMC_EFORMAT, "%s: the archive would pass 4 GiB, which needs ZIP64 (not supported)", path);
  unsigned char e[ZIP_END_LEN] = {0};
  store32(e, ZIP_END_SIG);
  store16(e + 8, (uint32_t)n);
  store16(e + 10, (uint32_t)n);
  store32(e + 12, (uint32_t)(end - start));
  store32(e + 16, (uint32_t)start);
  if (fwrite(e, 1, sizeof e, f) != sizeof e) return write_error(path);
  return NUMC_OK;
}

static numc_status check_savez_args(const char *path, const char *const *names,
                                    const numc_array *const *arrays, int n) {
  if (!path || n < 0 || (n > 0 && (!names || !arrays)))
    return numc__fail(NUMC_EINVAL, "numc_savez: NULL argument or negative count");
  /* 0xFFFF entries would read as a ZIP64 marker. */
  if (n >= 0xFFFF) return numc__fail(NUMC_EINVAL, "%s: an .npz holds at most 65534 arrays, not %d", path, n);
  for (int i = 0; i < n; i++) {
    if (!names[i] || !arrays[i]) return numc__fail(NUMC_EINVAL, "%s: name or array %d is NULL", path, i);
    if (strlen(names[i]) > 0xFFFF - 4) return numc__fail(NUMC_EINVAL, "%s: name %d is too long", path, i);
    for (int j = 0; j < i; j++)
      if (!strcmp(names[i], names[j]))
        return numc__fail(NUMC_EINVAL, "%s: the name '%s' is given twice", path, names[i]);
  }
  return NUMC_OK;
}

numc_status numc_savez(const char *path, const char *const *names, const numc_array *const *arrays,
                       int n) {
  NUMC__TRY(check_savez_args(path, names, arrays, n));
  zip_member *m = calloc((size_t)n + 1, sizeof *m);
  numc__crc *crc = malloc(sizeof *crc);
  if (!m || !crc) {
    free(m);
    free(crc);
    return numc__oom();
  }
  crc_init(crc);
  char *tmp;
  FILE *f;
  numc_status s = numc__temp_open(path, &tmp, &f);
  if (s == NUMC_OK) {
    for (int i = 0; i < n && s == NUMC_OK; i++) {
      m[i].name = names[i];
      m[i].name_len = strlen(names[i]) + 4;
      s = write_member(f, path, arrays[i], crc, &m[i]);
    }
    if (s == NUMC_OK) s = write_directory(f, path, m, n);
    s = numc__temp_close(f, tmp, path, s);
  }
  free(crc);
  free(m);
  return s;
}

/* ------------------------------------------------------------------ reading */

typedef struct zip_entry {
  const unsigned char *name; /* in the central directory buffer; not terminated */
  size_t name_len;           /* without ".npy" */
  unsigned method, flags;
  uint32_t crc, csize, usize, offset;
} zip_entry;

typedef struct zip_reader {
  FILE *f;
  uint64_t size;
  const char *path;
  numc__crc *crc;
} zip_reader;

static numc_status corrupt(const zip_reader *z, const char *what) {
  return numc__fail(NUMC_EFORMAT, "%s: invalid .npz: %s", z->path, what);
}

static numc_status read_at(const zip_reader *z, uint64_t offset, void *p, size_t n) {
  if (offset > z->size || n > z->size - offset) return corrupt(z, "an offset or size runs past the end of the file");
  if (fseeko(z->f, (off_t)offset, SEEK_SET) != 0 || fread(p, 1, n, z->f) != n)
    return numc__fail(NUMC_EIO, "%s: read failed: %s", z->path,
                      ferror(z->f) ? strerror(errno) : "the file ended early");
  return NUMC_OK;
}

/* The end of central directory record in the last `tail` bytes of the file: the last
 * signature whose comment fits. */
static bool find_end_record(const unsigned char *b, size_t tail, size_t *pos) {
  for (size_t i = tail - ZIP_END_LEN + 1; i-- > 0;)
    if (load32(b + i) == ZIP_END_SIG && i + ZIP_END_LEN + load16(b + i + 20) <= tail) {
      *pos = i;
      return true;
    }
  return false;
}

/* The central directory's offset, size and entry count from the end record (searched
 * in the final 64 KiB + 22 bytes), checked to lie before the record. */
static numc_status find_directory(const zip_reader *z, uint32_t *cd_off, uint32_t *cd_size, unsigned *count) {
  size_t tail = z->size < ZIP_END_LEN + ZIP_MAX_COMMENT ? (size_t)z->size : ZIP_END_LEN + ZIP_MAX_COMMENT;
  if (tail < ZIP_END_LEN) return corrupt(z, "too short for a zip archive");
  unsigned char *b = malloc(tail);
  if (!b) return numc__oom();
  size_t i = 0;
  numc_status s = read_at(z, z->size - tail, b, tail);
  if (s == NUMC_OK && !find_end_record(b, tail, &i))
    s = corrupt(z, "no end of central directory record (not a zip file?)");
  if (s == NUMC_OK) {
    const unsigned char *e = b + i;
    uint64_t end_pos = z->size - tail + i;
    *count = load16(e + 10);
    *cd_size = load32(e + 12);
    *cd_off = load32(e + 16);
    if (load16(e + 4) != 0 || load16(e + 6) != 0 || load16(e + 8) != *count)
      s = corrupt(z, "multi-disk archives are not supported");
    else if (*count == 0xFFFF || *cd_size == ZIP_LIMIT || *cd_off == ZIP_LIMIT)
      s = corrupt(z, "ZIP64 archives are not supported");
    else if ((uint64_t)*cd_off + *cd_size > end_pos)
      s = corrupt(z, "the central directory runs past its end record");
  }
  free(b);
  return s;
}

/* One central directory entry at p (of `left` bytes); *used is its length. */
static numc_status parse_entry(const zip_reader *z, const unsigned char *p, size_t left, zip_entry *e,
                               size_t *used) {
  if (left < ZIP_CENTRAL_LEN || load32(p) != ZIP_CENTRAL_SIG)
    return corrupt(z, "a central directory entry is damaged");
  size_t nlen = load16(p + 28), total = ZIP_CENTRAL_LEN + nlen + load16(p + 30) + load16(p + 32);
  if (total > left) return corrupt(z, "a central directory entry runs past the directory");
  e->flags = load16(p + 8);
  e->method = load16(p + 10);
  e->crc = load32(p + 16);
  e->csize = load32(p + 20);
  e->usize = load32(p + 24);
  e->offset = load32(p + 42);
  e->name = p + ZIP_CENTRAL_LEN;
  if (e->csize == ZIP_LIMIT || e->usize == ZIP_LIMIT || e->offset == ZIP_LIMIT)
    return corrupt(z, "a member needs ZIP64 (over 4 GiB), which is not supported");
  if (nlen < 4 || memcmp(e->name + nlen - 4, ".npy", 4) != 0 || memchr(e->name, '\0', nlen))
    return numc__fail(NUMC_EFORMAT, "%s: member '%.*s' is not a .npy file", z->path, (int)nlen, e->name);
  e->name_len = nlen - 4;
  if (e->flags & ZIP_FLAG_ENCRYPTED) return corrupt(z, "encrypted members are not supported");
  if (e->method != ZIP_STORED && e->method != ZIP_DEFLATED)
    return numc__fail(NUMC_EFORMAT, "%s: member '%.*s' uses compression method %u (only stored and deflate are supported)",
                      z->path, (int)nlen, e->name, e->method);
  if (e->method == ZIP_STORED && e->csize != e->usize) return corrupt(z, "a stored member's sizes differ");
  *used = total;
  return NUMC_OK;
}

/* Where a member's data starts: after its local header, name and extra field. */
static numc_status member_data(const zip_reader *z, const zip_entry *e, uint64_t *start) {
  unsigned char h[ZIP_LOCAL_LEN];
  NUMC__TRY(read_at(z, e->offset, h, sizeof h));
  if (load32(h) != ZIP_LOCAL_SIG) return corrupt(z, "a local file header is damaged");
  *start = (uint64_t)e->offset + ZIP_LOCAL_LEN + load16(h + 26) + load16(h + 28);
  if (*start > z->size || e->csize > z->size - *start) return corrupt(z, "a member runs past the end of the file");
  return NUMC_OK;
}

static numc_status check_crc(const zip_entry *e, uint32_t got, const char *label, numc_array *a) {
  if (got == e->crc) return NUMC_OK;
  numc_free(a);
  return numc__fail(NUMC_EFORMAT, "%s: CRC-32 mismatch (the archive is corrupt)", label);
}

static numc_status load_stored(const zip_reader *z, const zip_entry *e, uint64_t start,
                               const char *label, numc_array **out) {
  if (fseeko(z->f, (off_t)start, SEEK_SET) != 0)
    return numc__fail(NUMC_EIO, "%s: seek failed: %s", label, strerror(errno));
  numc_array *a = NULL;
  z->crc->value = 0;
  NUMC__TRY(numc__npy_read(z->f, e->usize, label, z->crc, &a));
  NUMC__TRY(check_crc(e, z->crc->value, label, a));
  *out = a;
  return NUMC_OK;
}

/* Deflate expands at most 1032:1 (a 258-byte match per 2 bits), so a size beyond that is
 * a lie and must not size an allocation. */
static numc_status load_deflated(const zip_reader *z, const zip_entry *e, uint64_t start,
                                 const char *label, numc_array **out) {
  if (e->usize > (uint64_t)e->csize * 1032 + 1)
    return numc__fail(NUMC_EFORMAT, "%s: the sizes in the zip directory are impossible for deflate", label);
  unsigned char *in = malloc(e->csize ? e->csize : 1), *raw = malloc(e->usize ? e->usize : 1);
  numc_status s = in && raw ? read_at(z, start, in, e->csize) : numc__oom();
  const char *err = s == NUMC_OK ? inflate_raw(in, e->csize, raw, e->usize) : NULL;
  if (err) s = numc__fail(NUMC_EFORMAT, "%s: cannot inflate: %s", label, err);
  numc_array *a = NULL;
  if (s == NUMC_OK) {
    z->crc->value = 0;
    numc__crc_update(z->crc, raw, e->usize);
    s = numc__npy_parse(raw, e->usize, label, &a);
  }
  if (s == NUMC_OK) s = check_crc(e, z->crc->value, label, a);
  free(in);
  free(raw);
  if (s == NUMC_OK) *out = a;
  return s;
}

/* Load one member; its name (without ".npy") goes to *name, malloc'ed. */
static numc_status load_member(const zip_reader *z, const zip_entry *e, char **name, numc_array **out) {
  uint64_t start = 0;
  NUMC__TRY(member_data(z, e, &start));
  size_t label_len = strlen(z->path) + e->name_len + 6;
  char *label = malloc(label_len), *n = malloc(e->name_len + 1);
  numc_status s = label && n ? NUMC_OK : numc__oom();
  if (s == NUMC_OK) {
    snprintf(label, label_len, "%s:%.*s.npy", z->path, (int)e->name_len, e->name);
    memcpy(n, e->name, e->name_len);
    n[e->name_len] = '\0';
    s = e->method == ZIP_STORED ? load_stored(z, e, start, label, out) : load_deflated(z, e, start, label, out);
  }
  free(label);
  if (s != NUMC_OK) {
    free(n);
    return s;
  }
  *name = n;
  return NUMC_OK;
}

/* Parse the whole directory before loading anything, so that a damaged entry anywhere
 * fails early; then load the members in directory order into names/arrays. */
static numc_status read_archive(const zip_reader *z, char **names, numc_array **arrays, int max_out,
                                int *nout) {
  uint32_t cd_off = 0, cd_size = 0;
  unsigned count = 0;
  NUMC__TRY(find_directory(z, &cd_off, &cd_size, &count));
  if ((int)count > max_out)
    return numc__fail(NUMC_EINVAL, "%s: the archive holds %u arrays, more than max_out (%d)", z->path, count, max_out);
  unsigned char *cd = malloc(cd_size ? cd_size : 1);
  zip_entry *e = calloc(count + 1, sizeof *e);
  numc_status s = cd && e ? read_at(z, cd_off, cd, cd_size) : numc__oom();
  size_t pos = 0;
  for (unsigned i = 0; i < count && s == NUMC_OK; i++) {
    size_t used = 0;
    s = parse_entry(z, cd + pos, cd_size - pos, &e[i], &used);
    pos += used;
  }
  int loaded = 0; /* a member that fails to load leaves nothing behind */
  while (s == NUMC_OK && loaded < (int)count) {
    s = load_member(z, &e[loaded], &names[loaded], &arrays[loaded]);
    if (s == NUMC_OK) loaded++;
  }
  for (int i = 0; s != NUMC_OK && i < loaded; i++) {
    free(names[i]);
    numc_free(arrays[i]);
  }
  free(cd);
  free(e);
  if (s == NUMC_OK) *nout = (int)count;
  return s;
}

numc_status numc_loadz(const char *path, char **names, numc_array **arrays, int max_out, int *nout) {
  if (!path || !nout || max_out < 0 || (max_out > 0 && (!names || !arrays)))
    return numc__fail(NUMC_EINVAL, "numc_loadz: NULL argument or negative max_out");
  char **tmp_names = calloc((size_t)max_out + 1, sizeof *tmp_names);
  numc_array **tmp_arrays = calloc((size_t)max_out + 1, sizeof *tmp_arrays);
  numc__crc *crc = malloc(sizeof *crc);
  FILE *f = NULL;
  numc_status s = tmp_names && tmp_arrays && crc ? NUMC_OK : numc__oom();
  if (s == NUMC_OK && !(f = fopen(path, "rb")))
    s = numc__fail(NUMC_EIO, "%s: cannot open: %s", path, strerror(errno));
  struct stat st;
  if (s == NUMC_OK && fstat(fileno(f), &st) != 0)
    s = numc__fail(NUMC_EIO, "%s: cannot stat: %s", path, strerror(errno));
  if (s == NUMC_OK && !S_ISREG(st.st_mode)) s = numc__fail(NUMC_EIO, "%s: not a regular file", path);
  int n = 0;
  if (s == NUMC_OK) {
    crc_init(crc);
    zip_reader z = {f, (uint64_t)st.st_size, path, crc};
    /* Into scratch arrays first: on failure the caller's arrays stay untouched. */
    s = read_archive(&z, tmp_names, tmp_arrays, max_out, &n);
  }
  if (s == NUMC_OK && n > 0) {
    memcpy(names, tmp_names, (size_t)n * sizeof *names);
    memcpy(arrays, tmp_arrays, (size_t)n * sizeof *arrays);
  }
  if (s == NUMC_OK) *nout = n;
  if (f) fclose(f);
  free(crc);
  free(tmp_arrays);
  free(tmp_names);
  return s;
}
