/* Function-table entries of the products module (see table/table.h). */
#include "table/table.h"

static numc_status invoke_matmul(numc__call *c) { return numc_matmul(c->in[0], c->in[1], &c->out[0]); }
static numc_status invoke_dot(numc__call *c) { return numc_dot(c->in[0], c->in[1], &c->out[0]); }
static numc_status invoke_vdot(numc__call *c) { return numc_vdot(c->in[0], c->in[1], &c->out[0]); }
static numc_status invoke_inner(numc__call *c) { return numc_inner(c->in[0], c->in[1], &c->out[0]); }
static numc_status invoke_outer(numc__call *c) { return numc_outer(c->in[0], c->in[1], &c->out[0]); }
static numc_status invoke_kron(numc__call *c) { return numc_kron(c->in[0], c->in[1], &c->out[0]); }

/* tensordot's `axes` is an int or a pair of lists in NumPy; here the pair is two options,
 * a_axes and b_axes, which replace `axes` when given (both or neither). */
static const numc_param tensordot_params[] = {
    NUMC__P("axes", INT, "2", "sum over the last `axes` axes of a and the first of b"),
    NUMC__PN("a_axes", INTS, "None", "axes of a to sum over (with b_axes; overrides axes)"),
    NUMC__PN("b_axes", INTS, "None", "axes of b paired with a_axes"),
};

static numc_status invoke_tensordot(numc__call *c) {
  const numc__value *a_axes = numc__opt(c, "a_axes"), *b_axes = numc__opt(c, "b_axes");
  if (a_axes->is_none != b_axes->is_none)
    return numc__fail(NUMC_EINVAL, "tensordot: give both a_axes and b_axes, or neither");
  if (!a_axes->is_none) {
    if (a_axes->n > NUMC_MAXDIMS || b_axes->n > NUMC_MAXDIMS)
      return numc__fail(NUMC_EINVAL, "tensordot: too many axes");
    return numc_tensordot(c->in[0], c->in[1], &a_axes->axes, &b_axes->axes, &c->out[0]);
  }
  int64_t n = numc__opt_int(c, "axes");
  if (n < INT32_MIN || n > INT32_MAX) return numc__fail(NUMC_EVALUE, "tensordot: axes %lld is out of range", (long long)n);
  return numc_tensordot_n(c->in[0], c->in[1], (int)n, &c->out[0]);
}

static const numc_param einsum_params[] = {
    NUMC__P("subscripts", TEXT, NULL, "einsum subscripts: \"ij,jk->ik\", \"ii\", \"...ij->...ji\""),
};

static numc_status invoke_einsum(numc__call *c) {
  return numc_einsum(numc__opt(c, "subscripts")->str, c->in, c->nin, &c->out[0]);
}

const numc__func numc__table_products[] = {
    /* matmul takes NumPy's out= through the C API, as the ufuncs do. */
    {{"matmul", "matrix product with broadcasting over stacks (the @ operator)", "x1,x2", 2, 2, 1,
      NULL, 0, true},
     invoke_matmul, 0, true},
    NUMC__FUNC0("dot", "dot product: inner for 1-D, matrix product for 2-D, sum over a's last and b's second-to-last axis", "a,b", 2, 2, 1, invoke_dot),
    NUMC__FUNC0("vdot", "dot product of the flattened arrays, the first conjugated", "a,b", 2, 2, 1, invoke_vdot),
    NUMC__FUNC0("inner", "sum over the last axes of a and b", "a,b", 2, 2, 1, invoke_inner),
    NUMC__FUNC0("outer", "outer product of the flattened arrays", "a,b", 2, 2, 1, invoke_outer),
    NUMC__FUNC("tensordot", "sum of products over the given axes of a and b", "a,b", 2, 2, 1,
               tensordot_params, invoke_tensordot),
    NUMC__FUNC0("kron", "Kronecker product", "a,b", 2, 2, 1, invoke_kron),
    NUMC__FUNC("einsum", "Einstein summation over one or two operands", "operands...", 1, 2, 1,
               einsum_params, invoke_einsum),
    NUMC__TABLE_END,
};
