/* Function-table entries of the join module (see table/table.h). */
#include <limits.h>

#include "index/index.h"
#include "table/table.h"

/* A single axis (INT option): NULL for None (only where the option is nullable), else
 * storage holding the value. */
static numc_status axis_option(const numc__call *c, const char *name, int *storage,
                               const int **axis) {
  const numc__value *v = numc__opt(c, name);
  *axis = NULL;
  if (v->is_none) return NUMC_OK;
  if (v->i < INT_MIN || v->i > INT_MAX)
    return numc__fail(NUMC_EAXIS, "axis %lld is out of bounds", (long long)v->i);
  *storage = (int)v->i;
  *axis = storage;
  return NUMC_OK;
}

/* An optional set of axes (INTS option, None allowed): NULL for None. */
static numc_status axes_option(const numc__call *c, const char *name, const numc_axes **axes) {
  const numc__value *v = numc__opt(c, name);
  *axes = NULL;
  if (v->is_none) return NUMC_OK;
  if (v->n > NUMC_MAXDIMS) return numc__fail(NUMC_EINVAL, "too many axes (%d)", v->n);
  for (int k = 0; k < v->n; k++)
    if (v->ints[k] < INT_MIN || v->ints[k] > INT_MAX)
      return numc__fail(NUMC_EAXIS, "axis %lld is out of bounds", (long long)v->ints[k]);
  *axes = &v->axes;
  return NUMC_OK;
}

static numc_status invoke_concatenate(numc__call *c) {
  int storage;
  const int *axis;
  NUMC__TRY(axis_option(c, "axis", &storage, &axis));
  return numc__concatenate(c->in, c->nin, axis, &c->out[0]);
}

static numc_status invoke_stack(numc__call *c) {
  int storage;
  const int *axis;
  NUMC__TRY(axis_option(c, "axis", &storage, &axis)); /* not nullable: never NULL */
  return numc_stack(c->in, c->nin, *axis, &c->out[0]);
}

static numc_status invoke_hstack(numc__call *c) { return numc_hstack(c->in, c->nin, &c->out[0]); }
static numc_status invoke_vstack(numc__call *c) { return numc_vstack(c->in, c->nin, &c->out[0]); }

/* split and array_split: one value of indices_or_sections is a number of sections,
 * several are split points; a single split point needs the `indices` option. */
static numc_status invoke_split_any(numc__call *c, bool equal_division) {
  const numc__value *either = numc__opt(c, "indices_or_sections"), *points = numc__opt(c, "indices");
  if (either->is_none == points->is_none)
    return numc__fail(NUMC_EINVAL, "%s: give exactly one of indices_or_sections and indices",
                      c->fn->info.name);
  int storage;
  const int *axis;
  NUMC__TRY(axis_option(c, "axis", &storage, &axis)); /* not nullable: never NULL */
  int64_t sections = 0;
  if (!either->is_none && either->n == 1) {
    sections = either->ints[0];
    if (sections <= 0) return numc__fail(NUMC_EVALUE, "number sections must be larger than 0.");
  } else if (!either->is_none) {
    points = either;
  }
  const int64_t *indices = sections ? NULL : points->ints;
  int n_indices = sections ? 0 : points->n;
  return equal_division
             ? numc_split(c->in[0], sections, indices, n_indices, *axis, c->out, c->max_out, &c->nout)
             : numc_array_split(c->in[0], sections, indices, n_indices, *axis, c->out, c->max_out,
                                &c->nout);
}

static numc_status invoke_split(numc__call *c) { return invoke_split_any(c, true); }
static numc_status invoke_array_split(numc__call *c) { return invoke_split_any(c, false); }

static numc_status invoke_take(numc__call *c) {
  int storage;
  const int *axis;
  NUMC__TRY(axis_option(c, "axis", &storage, &axis));
  return numc_take(c->in[0], c->in[1], axis, &c->out[0]);
}

static numc_status invoke_boolean_index(numc__call *c) {
  return numc_compress_mask(c->in[0], c->in[1], &c->out[0]);
}

static numc_status invoke_nonzero(numc__call *c) {
  return numc_nonzero(c->in[0], c->out, c->max_out, &c->nout);
}

static numc_status invoke_argwhere(numc__call *c) { return numc_argwhere(c->in[0], &c->out[0]); }

static numc_status invoke_flip(numc__call *c) {
  const numc_axes *axes;
  NUMC__TRY(axes_option(c, "axis", &axes));
  return numc_flip(c->in[0], axes, &c->out[0]);
}

static numc_status invoke_roll(numc__call *c) {
  const numc_axes *axes;
  NUMC__TRY(axes_option(c, "axis", &axes));
  const numc__value *shift = numc__opt(c, "shift");
  return numc_roll(c->in[0], shift->ints, shift->n, axes, &c->out[0]);
}

static numc_status invoke_tile(numc__call *c) {
  const numc__value *reps = numc__opt(c, "reps");
  return numc_tile(c->in[0], reps->ints, reps->n, &c->out[0]);
}

static numc_status invoke_repeat(numc__call *c) {
  int storage;
  const int *axis;
  NUMC__TRY(axis_option(c, "axis", &storage, &axis));
  const numc__value *repeats = numc__opt(c, "repeats");
  return numc_repeat(c->in[0], repeats->ints, repeats->n, axis, &c->out[0]);
}

static numc_status invoke_pad(numc__call *c) {
  const numc_array *a = c->in[0];
  const numc__value *w = numc__opt(c, "pad_width");
  /* NumPy's pad_width forms, flattened: n, (before, after), or a pair per axis. */
  int64_t both[2] = {w->n ? w->ints[0] : 0, w->n ? w->ints[0] : 0};
  const int64_t *widths = w->n == 1 ? both : w->ints;
  int npairs = w->n <= 2 ? 1 : w->n / 2;
  if (w->n == 0 || (w->n > 2 && w->n != 2 * a->ndim))
    return numc__fail(NUMC_EVALUE, "pad: pad_width needs 1, 2 or %d values (2 per axis), not %d",
                      2 * a->ndim, w->n);
  const char *name = numc__opt(c, "mode")->str;
  numc_pad_mode mode = !strcmp(name, "edge")      ? NUMC_PAD_EDGE
                       : !strcmp(name, "reflect") ? NUMC_PAD_REFLECT
                       : !strcmp(name, "wrap")    ? NUMC_PAD_WRAP
                                                  : NUMC_PAD_CONSTANT;
  return numc_pad(a, widths, npairs, mode, numc__opt(c, "constant_values")->scalar, &c->out[0]);
}

static const numc_param concatenate_params[] = {
    NUMC__PN("axis", INT, "0", "axis to join along; None flattens every input first")};
static const numc_param stack_params[] = {
    NUMC__P("axis", INT, "0", "position of the new axis in the result")};
static const numc_param split_params[] = {
    NUMC__PN("indices_or_sections", INTS, "None",
             "one value: number of sections; several: split points (a single split point "
             "cannot be written here: use indices)"),
    NUMC__PN("indices", INTS, "None", "split points, any number of them"),
    NUMC__P("axis", INT, "0", "axis to split along")};
static const numc_param take_params[] = {
    NUMC__PN("axis", INT, "None", "axis to take along; None takes from the flattened array")};
static const numc_param flip_params[] = {
    NUMC__PN("axis", INTS, "None", "axes to reverse; None reverses all")};
static const numc_param roll_params[] = {
    NUMC__P("shift", INTS, NULL, "shift per axis (one value: the same for all listed axes)"),
    NUMC__PN("axis", INTS, "None", "axes to roll; None rolls the flattened array")};
static const numc_param tile_params[] = {
    NUMC__P("reps", INTS, NULL, "repetitions per axis, aligned at the last axis")};
static const numc_param repeat_params[] = {
    NUMC__P("repeats", INTS, NULL, "one count for all elements, or one per element"),
    NUMC__PN("axis", INT, "None", "axis to repeat along; None repeats the flattened array")};
static const numc_param pad_params[] = {
    NUMC__P("pad_width", INTS, NULL,
            "n, (before, after) for every axis, or before0, after0, before1, after1, ..."),
    NUMC__P("mode", STRING, "constant", "constant|edge|reflect|wrap"),
    NUMC__P("constant_values", SCALAR, "0", "value of the padding in constant mode")};

const numc__func numc__table_join[] = {
    NUMC__FUNC("concatenate", "Join arrays along an existing axis (numpy.concatenate)",
               "arrays...", 1, -1, 1, concatenate_params, invoke_concatenate),
    NUMC__FUNC("stack", "Join same-shaped arrays along a new axis (numpy.stack)", "arrays...",
               1, -1, 1, stack_params, invoke_stack),
    NUMC__FUNC0("hstack", "Join arrays column-wise: along axis 1, or 0 for 1-D (numpy.hstack)",
                "arrays...", 1, -1, 1, invoke_hstack),
    NUMC__FUNC0("vstack", "Join arrays row-wise, 1-D ones as rows (numpy.vstack)", "arrays...",
                1, -1, 1, invoke_vstack),
    NUMC__FUNC("split", "Split into equal sections or at split points; views (numpy.split)",
               "a", 1, 1, -1, split_params, invoke_split),
    NUMC__FUNC("array_split",
               "Split into nearly equal sections or at split points; views (numpy.array_split)",
               "a", 1, 1, -1, split_params, invoke_array_split),
    NUMC__FUNC("take", "Elements at integer indices along an axis (numpy.take)", "a, indices", 2,
               2, 1, take_params, invoke_take),
    NUMC__FUNC0("boolean_index",
                "Boolean-mask selection a[mask], the mask of a's shape or its leading dims",
                "a, mask", 2, 2, 1, invoke_boolean_index),
    NUMC__FUNC0("nonzero", "Indices of the non-zero elements, one array per dimension "
                           "(numpy.nonzero)",
                "a", 1, 1, -1, invoke_nonzero),
    NUMC__FUNC0("argwhere", "Indices of the non-zero elements as (count, ndim) (numpy.argwhere)",
                "a", 1, 1, 1, invoke_argwhere),
    NUMC__FUNC("flip", "Reverse the order of elements along axes; a view (numpy.flip)", "a", 1,
               1, 1, flip_params, invoke_flip),
    NUMC__FUNC("roll", "Shift elements cyclically along axes (numpy.roll)", "a", 1, 1, 1,
               roll_params, invoke_roll),
    NUMC__FUNC("tile", "Repeat the whole array along each axis (numpy.tile)", "a", 1, 1, 1,
               tile_params, invoke_tile),
    NUMC__FUNC("repeat", "Repeat each element (numpy.repeat)", "a", 1, 1, 1, repeat_params,
               invoke_repeat),
    NUMC__FUNC("pad", "Pad with a constant, the edge values, a reflection or a wrap (numpy.pad)",
               "a", 1, 1, 1, pad_params, invoke_pad),
    NUMC__TABLE_END,
};
