/* Function-table entries of the shape module (see table/table.h). */
#include <limits.h>

#include "shape/shape.h"
#include "table/table.h"

static numc_order opt_order(const numc__call *c) {
  return numc__order_from_text(numc__opt(c, "order")->str);
}

/* An INT option as a C int axis; values beyond int stay out of bounds. */
static int opt_axis_int(const numc__call *c, const char *name) {
  int64_t v = numc__opt_int(c, name);
  return v > INT_MAX ? INT_MAX : v < INT_MIN ? INT_MIN : (int)v;
}

/* An INTS option as axes; more entries than NUMC_MAXDIMS cannot be a valid axis list. */
static numc_status opt_axes(const numc__call *c, const char *name, const numc_axes **out) {
  const numc__value *v = numc__opt(c, name);
  if (!v->is_none && v->n > NUMC_MAXDIMS)
    return numc__fail(NUMC_EINVAL, "%s: too many axes in '%s'", c->fn->info.name, name);
  *out = numc__opt_axes(c, name);
  return NUMC_OK;
}

static numc_status call_reshape(numc__call *c) {
  const numc__value *s = numc__opt(c, "shape");
  return numc_reshape(c->in[0], s->ints, s->n, opt_order(c), &c->out[0]);
}
static numc_status call_ravel(numc__call *c) { return numc_ravel(c->in[0], opt_order(c), &c->out[0]); }
static numc_status call_flatten(numc__call *c) {
  return numc_flatten(c->in[0], opt_order(c), &c->out[0]);
}
static numc_status call_transpose(numc__call *c) {
  const numc_axes *axes = NULL;
  NUMC__TRY(opt_axes(c, "axes", &axes));
  return numc_transpose(c->in[0], axes, &c->out[0]);
}
static numc_status call_swapaxes(numc__call *c) {
  return numc_swapaxes(c->in[0], opt_axis_int(c, "axis1"), opt_axis_int(c, "axis2"), &c->out[0]);
}
static numc_status call_moveaxis(numc__call *c) {
  const numc_axes *src = NULL, *dst = NULL;
  NUMC__TRY(opt_axes(c, "source", &src));
  NUMC__TRY(opt_axes(c, "destination", &dst));
  return numc_moveaxis(c->in[0], src, dst, &c->out[0]);
}
static numc_status call_squeeze(numc__call *c) {
  const numc_axes *axes = NULL;
  NUMC__TRY(opt_axes(c, "axis", &axes));
  return numc_squeeze(c->in[0], axes, &c->out[0]);
}
static numc_status call_expand_dims(numc__call *c) {
  const numc_axes *axes = NULL;
  NUMC__TRY(opt_axes(c, "axis", &axes));
  return numc_expand_dims(c->in[0], axes, &c->out[0]);
}
static numc_status call_broadcast_to(numc__call *c) {
  const numc__value *s = numc__opt(c, "shape");
  return numc_broadcast_to(c->in[0], s->ints, s->n, &c->out[0]);
}
static numc_status call_broadcast_arrays(numc__call *c) {
  if (c->nin > c->max_out)
    return numc__fail(NUMC_EINVAL, "broadcast_arrays: %d outputs do not fit in %d slots", c->nin, c->max_out);
  NUMC__TRY(numc_broadcast_arrays(c->in, c->nin, c->out));
  c->nout = c->nin;
  return NUMC_OK;
}

/* The key is nullable only so that the text "None" (a[None]) gets past the option
 * parser, which reads "None" as the None value. */
static numc_status call_getitem(numc__call *c) {
  const numc__value *key = numc__opt(c, "key");
  return numc_slice_str(c->in[0], key->is_none ? "None" : key->str, &c->out[0]);
}

static const numc_param p_reshape[] = {
    NUMC__P("shape", INTS, NULL, ""), NUMC__P("order", STRING, "C", "C|F|A")};
static const numc_param p_ravel[] = {NUMC__P("order", STRING, "C", "C|F|A|K")};
static const numc_param p_transpose[] = {NUMC__PN("axes", INTS, "None", "")};
static const numc_param p_swapaxes[] = {NUMC__P("axis1", INT, NULL, ""), NUMC__P("axis2", INT, NULL, "")};
static const numc_param p_moveaxis[] = {
    NUMC__P("source", INTS, NULL, ""), NUMC__P("destination", INTS, NULL, "")};
static const numc_param p_squeeze[] = {NUMC__PN("axis", INTS, "None", "")};
static const numc_param p_expand_dims[] = {NUMC__P("axis", INTS, NULL, "")};
static const numc_param p_shape[] = {NUMC__P("shape", INTS, NULL, "")};
static const numc_param p_getitem[] = {NUMC__PN("key", TEXT, NULL, "")};

const numc__func numc__table_shape[] = {
    NUMC__FUNC("reshape", "New shape for the same data (a view when possible)", "a", 1, 1, 1,
               p_reshape, call_reshape),
    NUMC__FUNC("ravel", "Flattened array (a view when possible)", "a", 1, 1, 1, p_ravel, call_ravel),
    NUMC__FUNC("flatten", "Flattened copy", "a", 1, 1, 1, p_ravel, call_flatten),
    NUMC__FUNC("transpose", "Permute the axes (reverse them by default)", "a", 1, 1, 1, p_transpose,
               call_transpose),
    NUMC__FUNC("permute_dims", "Permute the axes (NumPy 2 name of transpose)", "a", 1, 1, 1,
               p_transpose, call_transpose),
    NUMC__FUNC("swapaxes", "Interchange two axes", "a", 1, 1, 1, p_swapaxes, call_swapaxes),
    NUMC__FUNC("moveaxis", "Move axes to new positions", "a", 1, 1, 1, p_moveaxis, call_moveaxis),
    NUMC__FUNC("squeeze", "Remove length-1 axes", "a", 1, 1, 1, p_squeeze, call_squeeze),
    NUMC__FUNC("expand_dims", "Insert length-1 axes", "a", 1, 1, 1, p_expand_dims, call_expand_dims),
    NUMC__FUNC("broadcast_to", "Read-only view broadcast to a shape", "a", 1, 1, 1, p_shape,
               call_broadcast_to),
    NUMC__FUNC0("broadcast_arrays", "Broadcast arrays against each other (read-only views)",
                "arrays...", 1, -1, -1, call_broadcast_arrays),
    NUMC__FUNC("getitem", "Basic indexing a[key] with ints, slices, None and ...: a view", "a", 1,
               1, 1, p_getitem, call_getitem),
    NUMC__TABLE_END,
};
