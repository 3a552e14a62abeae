/* Function-table entries of the linalg module (see table/table.h). */
#include <math.h>
#include <stdlib.h>

#include "table/table.h"

static numc_status invoke_inv(numc__call *c) { return numc_linalg_inv(c->in[0], &c->out[0]); }
static numc_status invoke_solve(numc__call *c) {
  return numc_linalg_solve(c->in[0], c->in[1], &c->out[0]);
}
static numc_status invoke_det(numc__call *c) { return numc_linalg_det(c->in[0], &c->out[0]); }
static numc_status invoke_slogdet(numc__call *c) {
  return numc_linalg_slogdet(c->in[0], &c->out[0], &c->out[1]);
}

static const numc_param qr_params[] = {
    NUMC__P("mode", STRING, "reduced", "reduced|complete|r"),
};
static numc_status invoke_qr(numc__call *c) {
  const char *mode = numc__opt(c, "mode")->str;
  if (!strcmp(mode, "r")) {
    c->nout = 1;
    return numc_linalg_qr(c->in[0], NUMC_QR_R, NULL, &c->out[0]);
  }
  c->nout = 2;
  if (c->max_out < 2) return numc__fail(NUMC_EINVAL, "linalg.qr: no room for 2 outputs");
  return numc_linalg_qr(c->in[0], strcmp(mode, "complete") ? NUMC_QR_REDUCED : NUMC_QR_COMPLETE,
                        &c->out[0], &c->out[1]);
}

static const numc_param cholesky_params[] = {
    NUMC__P("upper", BOOL, "false", "return U with a = U^H U instead of L with a = L L^H"),
};
static numc_status invoke_cholesky(numc__call *c) {
  return numc_linalg_cholesky(c->in[0], numc__opt_bool(c, "upper"), &c->out[0]);
}

static const numc_param matrix_power_params[] = {
    NUMC__P("n", INT, NULL, "the exponent; negative powers invert first"),
};
static numc_status invoke_matrix_power(numc__call *c) {
  return numc_linalg_matrix_power(c->in[0], numc__opt_int(c, "n"), &c->out[0]);
}

static const numc_param trace_params[] = {
    NUMC__P("offset", INT, "0", "diagonal offset: > 0 above the main diagonal, < 0 below"),
    NUMC__P("axis1", INT, "0", "first axis of the 2-D sub-arrays"),
    NUMC__P("axis2", INT, "1", "second axis of the 2-D sub-arrays"),
};
static numc_status invoke_trace(numc__call *c) {
  int64_t a1 = numc__opt_int(c, "axis1"), a2 = numc__opt_int(c, "axis2");
  /* Out-of-int axes become INT32_MIN, which no axis check accepts. */
  return numc_trace(c->in[0], numc__opt_int(c, "offset"), a1 == (int)a1 ? (int)a1 : INT32_MIN,
                    a2 == (int)a2 ? (int)a2 : INT32_MIN, &c->out[0]);
}

/* ord as NumPy takes it: None, a number (inf and -inf included), "fro" or "nuc". */
static numc_status parse_ord(const numc__call *c, numc_norm_kind *kind, double *ord) {
  const numc__value *v = numc__opt(c, "ord");
  *ord = 0;
  if (v->is_none) return (*kind = NUMC_NORM_NONE), NUMC_OK;
  if (!strcmp(v->str, "fro")) return (*kind = NUMC_NORM_FRO), NUMC_OK;
  if (!strcmp(v->str, "nuc")) return (*kind = NUMC_NORM_NUC), NUMC_OK;
  char *end;
  *ord = strtod(v->str, &end);
  if (end == v->str || *end || isnan(*ord))
    return numc__fail(NUMC_EINVAL, "%s: invalid norm order '%s'", c->fn->info.name, v->str);
  *kind = NUMC_NORM_ORD;
  return NUMC_OK;
}

static const numc_param norm_params[] = {
    NUMC__PN("ord", TEXT, "None", "None, a number, inf, -inf, fro or nuc"),
    NUMC__PN("axis", INTS, "None", "one axis (vector norms) or two (matrix norms); None: all"),
    NUMC__P("keepdims", BOOL, "false", "keep the normed axes with length 1"),
};
static numc_status invoke_norm(numc__call *c) {
  numc_norm_kind kind = NUMC_NORM_NONE;
  double ord;
  NUMC__TRY(parse_ord(c, &kind, &ord));
  return numc_linalg_norm(c->in[0], kind, ord, numc__opt_axes(c, "axis"),
                          numc__opt_bool(c, "keepdims"), &c->out[0]);
}

static const numc_param cond_params[] = {
    NUMC__PN("ord", TEXT, "None", "None, 1, -1, 2, -2, inf, -inf, fro or nuc"),
};
static numc_status invoke_cond(numc__call *c) {
  numc_norm_kind kind = NUMC_NORM_NONE;
  double ord;
  NUMC__TRY(parse_ord(c, &kind, &ord));
  return numc_linalg_cond(c->in[0], kind, ord, &c->out[0]);
}

static const numc_param lstsq_params[] = {
    NUMC__PN("rcond", FLOAT, "None", "relative cutoff for small singular values; None: eps * max(M, N)"),
};
static numc_status invoke_lstsq(numc__call *c) {
  double rcond = numc__opt_none(c, "rcond") ? -1 : numc__opt_float(c, "rcond");
  return numc_linalg_lstsq(c->in[0], c->in[1], rcond, &c->out[0], &c->out[1], &c->out[2],
                           &c->out[3]);
}

static const numc_param pinv_params[] = {
    NUMC__P("rcond", FLOAT, "1e-15", "relative cutoff for small singular values"),
    NUMC__P("hermitian", BOOL, "false", "a is Hermitian (uses eigh)"),
};
static numc_status invoke_pinv(numc__call *c) {
  return numc_linalg_pinv(c->in[0], numc__opt_float(c, "rcond"), numc__opt_bool(c, "hermitian"),
                          &c->out[0]);
}

static const numc_param matrix_rank_params[] = {
    NUMC__PN("tol", FLOAT, "None", "singular values at or below it are zero; None: S.max() * max(M, N) * eps"),
    NUMC__P("hermitian", BOOL, "false", "a is Hermitian (uses eigh)"),
};
static numc_status invoke_matrix_rank(numc__call *c) {
  double tol = numc__opt_none(c, "tol") ? -1 : numc__opt_float(c, "tol");
  return numc_linalg_matrix_rank(c->in[0], tol, numc__opt_bool(c, "hermitian"), &c->out[0]);
}

const numc__func numc__table_linalg[] = {
    NUMC__FUNC0("linalg.inv", "inverse of each square matrix", "a", 1, 1, 1, invoke_inv),
    NUMC__FUNC0("linalg.solve", "solve a x = b (b a vector only when 1-D)", "a, b", 2, 2, 1,
                invoke_solve),
    NUMC__FUNC0("linalg.det", "determinant of each square matrix", "a", 1, 1, 1, invoke_det),
    NUMC__FUNC0("linalg.slogdet", "sign and natural log of |determinant|", "a", 1, 1, 2,
                invoke_slogdet),
    NUMC__FUNC("linalg.qr", "QR decomposition by Householder reflections (q, r; r alone for mode r)",
               "a", 1, 1, -1, qr_params, invoke_qr),
    NUMC__FUNC("linalg.cholesky", "Cholesky factor of a Hermitian positive-definite matrix", "a",
               1, 1, 1, cholesky_params, invoke_cholesky),
    NUMC__FUNC("linalg.lstsq", "least-squares solution (x, residuals, rank, singular values)",
               "a, b", 2, 2, 4, lstsq_params, invoke_lstsq),
    NUMC__FUNC("linalg.pinv", "Moore-Penrose pseudo-inverse", "a", 1, 1, 1, pinv_params,
               invoke_pinv),
    NUMC__FUNC("linalg.matrix_rank", "rank by counting singular values above a tolerance", "A",
               1, 1, 1, matrix_rank_params, invoke_matrix_rank),
    NUMC__FUNC("linalg.matrix_power", "integer power of each square matrix", "a", 1, 1, 1,
               matrix_power_params, invoke_matrix_power),
    NUMC__FUNC("trace", "sum along a diagonal", "a", 1, 1, 1, trace_params, invoke_trace),
    NUMC__FUNC("linalg.norm", "vector or matrix norm", "x", 1, 1, 1, norm_params, invoke_norm),
    NUMC__FUNC("linalg.cond", "condition number of each matrix", "x", 1, 1, 1, cond_params,
               invoke_cond),
    NUMC__TABLE_END,
};
