/* dtype names, sizes, promotion (NumPy's result_type under NEP 50) and casting rules. */
#include <ctype.h>
#include <math.h>

#include "core.h"

static const struct {
  const char *name;
  size_t size;
  char kind;
} dtype_info[NUMC_NDTYPES] = {
#define NUMC_DTYPE_INFO_(e, value, str, size, kind) [value] = {str, size, kind},
    NUMC_DTYPE_LIST(NUMC_DTYPE_INFO_)
#undef NUMC_DTYPE_INFO_
};

const char *numc_dtype_name(numc_dtype t) { return numc__valid_dtype((int)t) ? dtype_info[t].name : NULL; }
size_t numc_dtype_size(numc_dtype t) { return numc__valid_dtype((int)t) ? dtype_info[t].size : 0; }
char numc_dtype_kind(numc_dtype t) { return numc__valid_dtype((int)t) ? dtype_info[t].kind : 0; }

numc_status numc_dtype_from_name(const char *name, numc_dtype *out) {
  static const struct {
    const char *alias;
    numc_dtype t;
  } aliases[] = {
      {"?", NUMC_BOOL},        {"b1", NUMC_BOOL},       {"bool_", NUMC_BOOL},
      {"i1", NUMC_INT8},       {"b", NUMC_INT8},        {"i2", NUMC_INT16},
      {"h", NUMC_INT16},       {"i4", NUMC_INT32},      {"i", NUMC_INT32},
      {"i8", NUMC_INT64},      {"l", NUMC_INT64},       {"q", NUMC_INT64},
      {"int", NUMC_INT64},     {"intp", NUMC_INT64},    {"u1", NUMC_UINT8},
      {"B", NUMC_UINT8},       {"u2", NUMC_UINT16},     {"H", NUMC_UINT16},
      {"u4", NUMC_UINT32},     {"I", NUMC_UINT32},      {"u8", NUMC_UINT64},
      {"L", NUMC_UINT64},      {"Q", NUMC_UINT64},      {"uint", NUMC_UINT64},
      {"f2", NUMC_FLOAT16},    {"e", NUMC_FLOAT16},     {"half", NUMC_FLOAT16},
      {"f4", NUMC_FLOAT32},    {"f", NUMC_FLOAT32},     {"single", NUMC_FLOAT32},
      {"f8", NUMC_FLOAT64},    {"d", NUMC_FLOAT64},     {"float", NUMC_FLOAT64},
      {"double", NUMC_FLOAT64}, {"c8", NUMC_COMPLEX64}, {"F", NUMC_COMPLEX64},
      {"c16", NUMC_COMPLEX128}, {"D", NUMC_COMPLEX128}, {"complex", NUMC_COMPLEX128},
  };
  if (!name || !out) return numc__fail(NUMC_EINVAL, "dtype name is NULL");
  const char *s = name;
  /* A byte-order mark is accepted for single bytes and native ('<', '=', '|'). */
  if (*s == '<' || *s == '=' || *s == '|') s++;
  for (int t = 0; t < NUMC_NDTYPES; t++)
    if (strcmp(s, dtype_info[t].name) == 0) {
      *out = (numc_dtype)t;
      return NUMC_OK;
    }
  for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
    if (strcmp(s, aliases[i].alias) == 0) {
      *out = aliases[i].t;
      return NUMC_OK;
    }
  return numc__fail(NUMC_EINVAL, "data type '%s' not understood", name);
}

numc_dtype numc__real_dtype(numc_dtype t) {
  if (t == NUMC_COMPLEX64) return NUMC_FLOAT32;
  if (t == NUMC_COMPLEX128) return NUMC_FLOAT64;
  return t;
}

/* Smallest float that holds every value of an integer (or bool) type exactly enough for
 * NumPy's promotion: 8-bit -> float16, 16-bit -> float32, wider -> float64. */
static numc_dtype float_for_int(numc_dtype t) {
  size_t s = numc_dtype_size(t);
  return s == 1 ? NUMC_FLOAT16 : s == 2 ? NUMC_FLOAT32 : NUMC_FLOAT64;
}

static numc_dtype int_of_size(bool is_signed, size_t size) {
  switch (size) {
  case 1: return is_signed ? NUMC_INT8 : NUMC_UINT8;
  case 2: return is_signed ? NUMC_INT16 : NUMC_UINT16;
  case 4: return is_signed ? NUMC_INT32 : NUMC_UINT32;
  default: return is_signed ? NUMC_INT64 : NUMC_UINT64;
  }
}

static numc_dtype complex_for_float(numc_dtype f) {
  return f == NUMC_FLOAT64 ? NUMC_COMPLEX128 : NUMC_COMPLEX64;
}

numc_dtype numc_promote(numc_dtype a, numc_dtype b) {
  if (a == b) return a;
  if (a == NUMC_BOOL) return b;
  if (b == NUMC_BOOL) return a;
  if (numc__is_int(a) && numc__is_int(b)) {
    bool sa = numc__is_signed(a), sb = numc__is_signed(b);
    size_t za = numc_dtype_size(a), zb = numc_dtype_size(b);
    if (sa == sb) return za >= zb ? a : b;
    size_t zs = sa ? za : zb, zu = sa ? zb : za;
    if (zs > zu) return sa ? a : b;
    if (zu == 8) return NUMC_FLOAT64; /* int64 + uint64 */
    return int_of_size(true, zu * 2);
  }
  /* At least one inexact: map integers to their float, then take the wider float, then
   * complex if either is complex. */
  numc_dtype fa = numc__is_int(a) ? float_for_int(a) : numc__real_dtype(a);
  numc_dtype fb = numc__is_int(b) ? float_for_int(b) : numc__real_dtype(b);
  numc_dtype f = fa > fb ? fa : fb;
  if (numc__is_complex(a) || numc__is_complex(b)) return complex_for_float(f);
  return f;
}

static int kind_rank(numc_dtype t) {
  switch (numc_dtype_kind(t)) {
  case 'b': return 0;
  case 'u': return 1;
  case 'i': return 2;
  case 'f': return 3;
  default: return 4;
  }
}

bool numc_can_cast(numc_dtype from, numc_dtype to, const char *casting) {
  if (!numc__valid_dtype((int)from) || !numc__valid_dtype((int)to) || !casting) return false;
  if (!strcmp(casting, "unsafe")) return true;
  if (!strcmp(casting, "no") || !strcmp(casting, "equiv")) return from == to;
  bool safe = numc_promote(from, to) == to;
  if (!strcmp(casting, "safe")) return safe;
  if (!strcmp(casting, "same_kind")) return safe || kind_rank(to) >= kind_rank(from);
  return false;
}

/* NEP 50: weak (Python) scalars take part only through their kind. */
numc_dtype numc__result_type(int n, const numc_array *const *arrays) {
  bool have_strong = false;
  numc_dtype strong = NUMC_BOOL;
  int weak_rank = -1; /* 0 bool, 1 int, 2 float, 3 complex */
  for (int i = 0; i < n; i++) {
    const numc_array *a = arrays[i];
    if (!a) continue;
    if (numc__is_weak(a)) {
      int r = a->dtype == NUMC_BOOL ? 0 : numc__is_int(a->dtype) ? 1 : numc__is_complex(a->dtype) ? 3 : 2;
      if (r > weak_rank) weak_rank = r;
    } else {
      strong = have_strong ? numc_promote(strong, a->dtype) : a->dtype;
      have_strong = true;
    }
  }
  if (!have_strong) {
    static const numc_dtype defaults[] = {NUMC_BOOL, NUMC_INT64, NUMC_FLOAT64, NUMC_COMPLEX128};
    return weak_rank < 0 ? NUMC_FLOAT64 : defaults[weak_rank];
  }
  switch (weak_rank) {
  case 1: /* Python int: keeps any numeric dtype; bool becomes the default int */
    return strong == NUMC_BOOL ? NUMC_INT64 : strong;
  case 2: /* Python float: keeps inexact dtypes; bool/int become float64 */
    return numc__is_inexact(strong) ? strong : NUMC_FLOAT64;
  case 3: /* Python complex */
    if (numc__is_complex(strong)) return strong;
    if (strong == NUMC_FLOAT16 || strong == NUMC_FLOAT32) return NUMC_COMPLEX64;
    return NUMC_COMPLEX128;
  default:
    return strong;
  }
}

/* ----------------------------------------------------------------- scalars */

numc_scalar numc_bool(bool v) { return (numc_scalar){.dtype = NUMC_BOOL, .weak = true, .v.b = v}; }
numc_scalar numc_int(int64_t v) { return (numc_scalar){.dtype = NUMC_INT64, .weak = true, .v.i = v}; }
numc_scalar numc_float(double v) { return (numc_scalar){.dtype = NUMC_FLOAT64, .weak = true, .v.f = v}; }
numc_scalar numc_complex(double re, double im) {
  return (numc_scalar){.dtype = NUMC_COMPLEX128, .weak = true, .v.c = {re, im}};
}

numc_scalar numc_scalar_of(numc_dtype t, double v) {
  char tmp[16];
  numc__scalar_store(numc_float(v), t, tmp);
  numc_scalar s = numc__scalar_load(t, tmp);
  s.weak = false;
  s.dtype = t;
  return s;
}
