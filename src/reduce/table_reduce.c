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

/* X(name, kind, summary) with kind AXES, DDOF, ARG or SCAN. */
#define REDUCE_FUNCS(X)                                                                  \
  X(sum, AXES, "sum of elements over the given axes")                                    \
  X(prod, AXES, "product of elements over the given axes")                               \
  X(mean, AXES, "arithmetic mean over the given axes")                                   \
  X(var, DDOF, "variance over the given axes")                                           \
  X(std, DDOF, "standard deviation over the given axes")                                 \
  X(min, AXES, "minimum over the given axes (NaN propagates)")                           \
  X(max, AXES, "maximum over the given axes (NaN propagates)")                           \
  X(ptp, AXES, "range (maximum - minimum) over the given axes")                          \
  X(any, AXES, "whether any element is true over the given axes")                        \
  X(all, AXES, "whether all elements are true over the given axes")                      \
  X(count_nonzero, AXES, "number of non-zero elements over the given axes")              \
  X(argmin, ARG, "index of the first minimum along an axis")                             \
  X(argmax, ARG, "index of the first maximum along an axis")                             \
  X(cumsum, SCAN, "cumulative sum along an axis")                                        \
  X(cumprod, SCAN, "cumulative product along an axis")                                   \
  X(nansum, AXES, "sum treating NaN as zero")                                            \
  X(nanmean, AXES, "mean ignoring NaN")                                                  \
  X(nanmin, AXES, "minimum ignoring NaN")                                                \
  X(nanmax, AXES, "maximum ignoring NaN")                                                \
  X(nanvar, DDOF, "variance ignoring NaN")                                               \
  X(nanstd, DDOF, "standard deviation ignoring NaN")

#define DEFINE_INVOKE(name, kind, summary) kind##_INVOKE(name)
REDUCE_FUNCS(DEFINE_INVOKE)

#define AXES_PARAMS axes_params
#define DDOF_PARAMS ddof_params
#define ARG_PARAMS arg_params
#define SCAN_PARAMS scan_params
#define ENTRY(name, kind, summary) NUMC__FUNC(#name, summary, "a", 1, 1, 1, kind##_PARAMS, invoke_##name),

const numc__func numc__table_reduce[] = {
    REDUCE_FUNCS(ENTRY)
    NUMC__TABLE_END,
};
