/* Function-table entries of the reduce module (see table/table.h). */
#include "table/table.h"

static const numc_param axes_params[] = {
    NUMC__PN("axis", INTS, "None", "axis or tuple of axes to reduce; None: all"),
    NUMC__P("keepdims", BOOL, "false", "keep reduced axes with length 1"),
};
static const numc_param ddof_params[] = {
    NUMC__PN("axis", INTS, "None", "axis or tuple of axes to reduce; None: all"),
    NUMC__P("ddof", INT, "0", "delta degrees of freedom: divide by N - ddof"),
    NUMC__P("keepdims", BOOL, "false", "keep reduced axes with length 1"),
};
static const numc_param arg_params[] = {
    NUMC__PN("axis", INTS, "None", "the axis; None: the flattened array"),
    NUMC__P("keepdims", BOOL, "false", "keep the reduced axis with length 1"),
};
static const numc_param scan_params[] = {
    NUMC__PN("axis", INTS, "None", "the axis; None: the flattened array"),
};

/* argmin/argmax/cumsum/cumprod take one axis: the INTS option must hold one value. */
static numc_status one_axis(const numc__call *c, const int **axis) {
  const numc__value *v = numc__opt(c, "axis");
  if (!v->is_none && v->n != 1)
    return numc__fail(NUMC_EINVAL, "%s: 'axis' must be a single integer or None", c->fn->info.name);
  *axis = numc__opt_axis(c, "axis");
  return NUMC_OK;
}

#define AXES_INVOKE(name)                                                                \
  static numc_status invoke_##name(numc__call *c) {                                      \
    return numc_##name(c->in[0], numc__opt_axes(c, "axis"), numc__opt_bool(c, "keepdims"), \
                       &c->out[0]);                                                      \
  }
#define DDOF_INVOKE(name)                                                                \
  static numc_status invoke_##name(numc__call *c) {                                      \
    return numc_##name(c->in[0], numc__opt_axes(c, "axis"), numc__opt_int(c, "ddof"),    \
                       numc__opt_bool(c, "keepdims"), &c->out[0]);                       \
  }
#define ARG_INVOKE(name)                                                                 \
  static numc_status invoke_##name(numc__call *c) {                                      \
    const int *axis = NULL;                                                                   \
    NUMC__TRY(one_axis(c, &axis));                                                       \
    return numc_##name(c->in[0], axis, numc__opt_bool(c, "keepdims"), &c->out[0]);       \
  }
#define SCAN_INVOKE(name)                                                                \
  static numc_status invoke_##name(numc__call *c) {                                      \
    const int *axis = NULL;                                                                   \
    NUMC__TRY(one_axis(c, &axis));                                                       \
    return numc_##name(c->in[0], axis, &c->out[0]);                                      \
  }

/* X(name, kind, gpu, summary) with kind AXES, DDOF, ARG or SCAN, and gpu whether the
 * accelerator backend offers the reduction (numc__func.gpu, src/reduce/offload.c). */
#define REDUCE_FUNCS(X)                                                                  \
  X(sum, AXES, true, "sum of elements over the given axes")                                    \
  X(prod, AXES, true, "product of elements over the given axes")                               \
  X(mean, AXES, true, "arithmetic mean over the given axes")                                   \
  X(var, DDOF, true, "variance over the given axes")                                           \
  X(std, DDOF, true, "standard deviation over the given axes")                                 \
  X(min, AXES, true, "minimum over the given axes (NaN propagates)")                           \
  X(max, AXES, true, "maximum over the given axes (NaN propagates)")                           \
  X(ptp, AXES, false, "range (maximum - minimum) over the given axes")                          \
  X(any, AXES, false, "whether any element is true over the given axes")                        \
  X(all, AXES, false, "whether all elements are true over the given axes")                      \
  X(count_nonzero, AXES, false, "number of non-zero elements over the given axes")              \
  X(argmin, ARG, true, "index of the first minimum along an axis")                             \
  X(argmax, ARG, true, "index of the first maximum along an axis")                             \
  X(cumsum, SCAN, false, "cumulative sum along an axis")                                        \
  X(cumprod, SCAN, false, "cumulative product along an axis")                                   \
  X(nansum, AXES, false, "sum treating NaN as zero")                                            \
  X(nanmean, AXES, false, "mean ignoring NaN")                                                  \
  X(nanmin, AXES, false, "minimum ignoring NaN")                                                \
  X(nanmax, AXES, false, "maximum ignoring NaN")                                                \
  X(nanvar, DDOF, false, "variance ignoring NaN")                                               \
  X(nanstd, DDOF, false, "standard deviation ignoring NaN")

#define DEFINE_INVOKE(name, kind, gpu, summary) kind##_INVOKE(name)
REDUCE_FUNCS(DEFINE_INVOKE)

#define AXES_PARAMS axes_params
#define DDOF_PARAMS ddof_params
#define ARG_PARAMS arg_params
#define SCAN_PARAMS scan_params
#define ENTRY(name, kind, gpu, summary)                                                          \
  {{#name, summary, "a", 1, 1, 1, kind##_PARAMS, (int)(sizeof kind##_PARAMS / sizeof kind##_PARAMS[0]), \
    false},                                                                                         \
   invoke_##name, 0, gpu},

const numc__func numc__table_reduce[] = {
    REDUCE_FUNCS(ENTRY)
    NUMC__TABLE_END,
};
