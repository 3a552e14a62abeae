/* Function-table entries of the creation module (see table/table.h). */
#include <math.h>

#include "shape/shape.h"
#include "table/table.h"

/* ------------------------------------------------------------ option helpers */

static numc_dtype opt_dtype(const numc__call *c, numc_dtype if_none) {
  const numc__value *v = numc__opt(c, "dtype");
  return v->is_none ? if_none : v->dtype;
}

/* The *_like functions take -1 for "keep the prototype's dtype". */
static int opt_like_dtype(const numc__call *c) {
  const numc__value *v = numc__opt(c, "dtype");
  return v->is_none ? -1 : (int)v->dtype;
}

static numc_order opt_order(const numc__call *c) {
  return numc__order_from_text(numc__opt(c, "order")->str);
}

/* M=None means M=N, which the C functions spell as a negative M; so a negative M given
 * here is refused as NumPy refuses it. */
static numc_status opt_m(const numc__call *c, int64_t *m) {
  *m = numc__opt_none(c, "M") ? -1 : numc__opt_int(c, "M");
  if (!numc__opt_none(c, "M") && *m < 0)
    return numc__fail(NUMC_EVALUE, "negative dimensions are not allowed");
  return NUMC_OK;
}

#define SHAPE(c) numc__opt(c, "shape")->ints, numc__opt(c, "shape")->n

/* ----------------------------------------------------------------- invokes */

static numc_status call_empty(numc__call *c) {
  return numc_empty(SHAPE(c), opt_dtype(c, NUMC_FLOAT64), opt_order(c), &c->out[0]);
}
static numc_status call_zeros(numc__call *c) {
  return numc_zeros(SHAPE(c), opt_dtype(c, NUMC_FLOAT64), opt_order(c), &c->out[0]);
}
static numc_status call_ones(numc__call *c) {
  return numc_ones(SHAPE(c), opt_dtype(c, NUMC_FLOAT64), opt_order(c), &c->out[0]);
}
static numc_status call_full(numc__call *c) {
  numc_scalar v = numc__opt(c, "fill_value")->scalar;
  /* dtype=None: the fill value's own dtype (np.array(fill_value).dtype). */
  return numc_full(SHAPE(c), v, opt_dtype(c, v.dtype), opt_order(c), &c->out[0]);
}
static numc_status call_empty_like(numc__call *c) {
  return numc_empty_like(c->in[0], opt_like_dtype(c), &c->out[0]);
}
static numc_status call_zeros_like(numc__call *c) {
  return numc_zeros_like(c->in[0], opt_like_dtype(c), &c->out[0]);
}
static numc_status call_ones_like(numc__call *c) {
  return numc_ones_like(c->in[0], opt_like_dtype(c), &c->out[0]);
}
static numc_status call_full_like(numc__call *c) {
  return numc_full_like(c->in[0], numc__opt(c, "fill_value")->scalar, opt_like_dtype(c), &c->out[0]);
}

static bool integral(double v) { return isfinite(v) && v == floor(v) && fabs(v) < 0x1p63; }

static numc_status call_arange(numc__call *c) {
  double start = numc__opt_float(c, "start"), stop = numc__opt_float(c, "stop");
  double step = numc__opt_float(c, "step");
  /* Options arrive as doubles, so "1" and "1.0" look alike: dtype=None gives int64 when
   * all three values are integral and float64 otherwise. */
  numc_dtype dflt = integral(start) && integral(stop) && integral(step) ? NUMC_INT64 : NUMC_FLOAT64;
  return numc_arange(start, stop, step, opt_dtype(c, dflt), &c->out[0]);
}
static numc_status call_linspace(numc__call *c) {
  return numc_linspace(numc__opt_float(c, "start"), numc__opt_float(c, "stop"),
                       numc__opt_int(c, "num"), numc__opt_bool(c, "endpoint"),
                       opt_dtype(c, NUMC_FLOAT64), &c->out[0]);
}
static numc_status call_logspace(numc__call *c) {
  return numc_logspace(numc__opt_float(c, "start"), numc__opt_float(c, "stop"),
                       numc__opt_int(c, "num"), numc__opt_bool(c, "endpoint"),
                       numc__opt_float(c, "base"), opt_dtype(c, NUMC_FLOAT64), &c->out[0]);
}
static numc_status call_geomspace(numc__call *c) {
  return numc_geomspace(numc__opt_float(c, "start"), numc__opt_float(c, "stop"),
                        numc__opt_int(c, "num"), numc__opt_bool(c, "endpoint"),
                        opt_dtype(c, NUMC_FLOAT64), &c->out[0]);
}

static numc_status call_eye(numc__call *c) {
  int64_t m;
  NUMC__TRY(opt_m(c, &m));
  return numc_eye(numc__opt_int(c, "N"), m, numc__opt_int(c, "k"), opt_dtype(c, NUMC_FLOAT64),
                  &c->out[0]);
}
static numc_status call_identity(numc__call *c) {
  return numc_identity(numc__opt_int(c, "n"), opt_dtype(c, NUMC_FLOAT64), &c->out[0]);
}
static numc_status call_tri(numc__call *c) {
  int64_t m;
  NUMC__TRY(opt_m(c, &m));
  return numc_tri(numc__opt_int(c, "N"), m, numc__opt_int(c, "k"), opt_dtype(c, NUMC_FLOAT64),
                  &c->out[0]);
}
static numc_status call_diag(numc__call *c) {
  return numc_diag(c->in[0], numc__opt_int(c, "k"), &c->out[0]);
}
static numc_status call_tril(numc__call *c) {
  return numc_tril(c->in[0], numc__opt_int(c, "k"), &c->out[0]);
}
static numc_status call_triu(numc__call *c) {
  return numc_triu(c->in[0], numc__opt_int(c, "k"), &c->out[0]);
}

static numc_status call_copy(numc__call *c) { return numc_copy(c->in[0], opt_order(c), &c->out[0]); }
static numc_status call_astype(numc__call *c) {
  return numc_astype(c->in[0], opt_dtype(c, NUMC_FLOAT64), &c->out[0]);
}
static numc_status call_ascontiguousarray(numc__call *c) {
  return numc_ascontiguousarray(c->in[0], &c->out[0]);
}
static numc_status call_asfortranarray(numc__call *c) {
  return numc_asfortranarray(c->in[0], &c->out[0]);
}

/* ------------------------------------------------------------------ options */

#define DTYPE_FLOAT64 NUMC__P("dtype", DTYPE, "float64", "")
#define DTYPE_NONE NUMC__PN("dtype", DTYPE, "None", "")
#define ORDER_CF NUMC__P("order", STRING, "C", "C|F")

static const numc_param p_shape_new[] = {
    NUMC__P("shape", INTS, NULL, ""), DTYPE_FLOAT64, ORDER_CF};
static const numc_param p_full[] = {
    NUMC__P("shape", INTS, NULL, ""), NUMC__P("fill_value", SCALAR, NULL, ""), DTYPE_NONE, ORDER_CF};
static const numc_param p_like[] = {DTYPE_NONE};
static const numc_param p_full_like[] = {NUMC__P("fill_value", SCALAR, NULL, ""), DTYPE_NONE};
static const numc_param p_arange[] = {
    NUMC__P("start", FLOAT, "0", ""), NUMC__P("stop", FLOAT, NULL, ""),
    NUMC__P("step", FLOAT, "1", ""), DTYPE_NONE};
static const numc_param p_linspace[] = {
    NUMC__P("start", FLOAT, NULL, ""), NUMC__P("stop", FLOAT, NULL, ""),
    NUMC__P("num", INT, "50", ""), NUMC__P("endpoint", BOOL, "true", ""), DTYPE_NONE};
static const numc_param p_logspace[] = {
    NUMC__P("start", FLOAT, NULL, ""), NUMC__P("stop", FLOAT, NULL, ""),
    NUMC__P("num", INT, "50", ""), NUMC__P("endpoint", BOOL, "true", ""),
    NUMC__P("base", FLOAT, "10.0", ""), DTYPE_NONE};
static const numc_param p_eye[] = {
    NUMC__P("N", INT, NULL, ""), NUMC__PN("M", INT, "None", ""), NUMC__P("k", INT, "0", ""),
    DTYPE_FLOAT64};
static const numc_param p_identity[] = {NUMC__P("n", INT, NULL, ""), DTYPE_FLOAT64};
static const numc_param p_k[] = {NUMC__P("k", INT, "0", "")};
static const numc_param p_copy[] = {NUMC__P("order", STRING, "K", "K|A|C|F")};
static const numc_param p_astype[] = {NUMC__P("dtype", DTYPE, NULL, "")};

const numc__func numc__table_creation[] = {
    NUMC__FUNC("empty", "Uninitialised array of a shape", "", 0, 0, 1, p_shape_new, call_empty),
    NUMC__FUNC("zeros", "Array of zeros", "", 0, 0, 1, p_shape_new, call_zeros),
    NUMC__FUNC("ones", "Array of ones", "", 0, 0, 1, p_shape_new, call_ones),
    NUMC__FUNC("full", "Array filled with fill_value", "", 0, 0, 1, p_full, call_full),
    NUMC__FUNC("empty_like", "Uninitialised array shaped like a", "a", 1, 1, 1, p_like, call_empty_like),
    NUMC__FUNC("zeros_like", "Zeros shaped like a", "a", 1, 1, 1, p_like, call_zeros_like),
    NUMC__FUNC("ones_like", "Ones shaped like a", "a", 1, 1, 1, p_like, call_ones_like),
    NUMC__FUNC("full_like", "fill_value shaped like a", "a", 1, 1, 1, p_full_like, call_full_like),
    NUMC__FUNC("arange", "Evenly spaced values in [start, stop)", "", 0, 0, 1, p_arange, call_arange),
    NUMC__FUNC("linspace", "num evenly spaced values over [start, stop]", "", 0, 0, 1, p_linspace,
               call_linspace),
    NUMC__FUNC("logspace", "Values evenly spaced on a log scale (base**linspace)", "", 0, 0, 1,
               p_logspace, call_logspace),
    NUMC__FUNC("geomspace", "Geometric progression from start to stop", "", 0, 0, 1, p_linspace,
               call_geomspace),
    NUMC__FUNC("eye", "2-D array with ones on diagonal k", "", 0, 0, 1, p_eye, call_eye),
    NUMC__FUNC("identity", "Square identity matrix", "", 0, 0, 1, p_identity, call_identity),
    NUMC__FUNC("tri", "Ones at and below diagonal k", "", 0, 0, 1, p_eye, call_tri),
    NUMC__FUNC("diag", "Diagonal of a 2-D array, or a 2-D array with v on a diagonal", "v", 1, 1, 1,
               p_k, call_diag),
    NUMC__FUNC("tril", "Lower triangle (zeros above diagonal k)", "m", 1, 1, 1, p_k, call_tril),
    NUMC__FUNC("triu", "Upper triangle (zeros below diagonal k)", "m", 1, 1, 1, p_k, call_triu),
    NUMC__FUNC("copy", "Copy of an array", "a", 1, 1, 1, p_copy, call_copy),
    NUMC__FUNC("astype", "Copy cast to dtype (unsafe casting)", "a", 1, 1, 1, p_astype, call_astype),
    NUMC__FUNC0("ascontiguousarray", "C-contiguous array (at least 1-d), copying only if needed",
                "a", 1, 1, 1, call_ascontiguousarray),
    NUMC__FUNC0("asfortranarray", "Fortran-contiguous array (at least 1-d), copying only if needed",
                "a", 1, 1, 1, call_asfortranarray),
    NUMC__TABLE_END,
};
