/* The function table: every library function described once.
 *
 * Each module keeps its entries in its own table_<module>.c as an array ending with
 * NUMC__TABLE_END; registry.c joins the modules. An entry's `invoke` adapts a parsed call
 * (inputs, typed option values) to the C function. `numc op`, numc_call, the oracle
 * coverage check (`numc list --json`) and the JavaScript API all read this table. */
#ifndef NUMC_TABLE_H
#define NUMC_TABLE_H

#include "core/core.h"

#define NUMC__MAX_PARAMS 12
#define NUMC__MAX_INPUTS 64
#define NUMC__MAX_OUTPUTS 64

/* A parsed option value; `is_none` when the text was "None". */
typedef struct numc__value {
  bool is_none;
  int64_t i;
  double f;
  bool b;
  numc_dtype dtype;
  numc_scalar scalar;
  int n; /* entries in ints / floats */
  int64_t ints[NUMC_MAXDIMS * 2];
  double floats[NUMC_MAXDIMS * 2];
  char str[256]; /* STRING and TEXT values */
  numc_axes axes; /* ints as axes, for convenience */
} numc__value;

typedef struct numc__func numc__func;

typedef struct numc__call {
  const numc__func *fn;
  const numc_array *const *in;
  int nin;
  numc__value values[NUMC__MAX_PARAMS]; /* in the order of fn->info.params */
  numc_device device;
  numc_array **out; /* caller's output slots (all NULL on entry) */
  int max_out;
  int nout; /* set by invoke for functions with a variable number of outputs */
} numc__call;

struct numc__func {
  numc_func_info info;
  numc_status (*invoke)(numc__call *c);
  int tag; /* shared invokers use it (the ufunc id, for example) */
  /* One operation of the accelerator backend (core/backend.h: ufuncs, where, clip, matmul,
   * the reductions it offers). In non-blocking mode (the browser, src/gpu/wait.c) only
   * these may use the GPU: a composite that computed on the GPU and then read the result
   * on the host could never finish, since each repeated call would recompute what it
   * waits for. */
  bool gpu;
};

#define NUMC__TABLE_END {{0}, 0, 0, false}

/* Entry helpers: NUMC__P(name, TYPE, default, help) / NUMC__PN for options accepting
 * None; NUMC__FUNC(name, summary, inputs, min_in, max_in, n_out, params, invoke) with
 * `params` a static numc_param array, or NUMC__FUNC0 for a function without options. */
#define NUMC__P(name, type, def, help) {name, NUMC_PARAM_##type, def, help, false}
#define NUMC__PN(name, type, def, help) {name, NUMC_PARAM_##type, def, help, true}
#define NUMC__FUNC(name, summary, inputs, min_in, max_in, n_out, params, invoke) \
  {{name, summary, inputs, min_in, max_in, n_out, params,                        \
    (int)(sizeof params / sizeof params[0]), false},                             \
   invoke, 0, false}
#define NUMC__FUNC0(name, summary, inputs, min_in, max_in, n_out, invoke) \
  {{name, summary, inputs, min_in, max_in, n_out, NULL, 0, false}, invoke, 0, false}

/* Option lookups by name; a name missing from the entry's params is a bug in the table
 * (asserted in debug builds, and returns a zero value). */
const numc__value *numc__opt(const numc__call *c, const char *name);
int64_t numc__opt_int(const numc__call *c, const char *name);
double numc__opt_float(const numc__call *c, const char *name);
bool numc__opt_bool(const numc__call *c, const char *name);
bool numc__opt_none(const numc__call *c, const char *name);
/* NULL when the option is None (NumPy's axis=None). */
const numc_axes *numc__opt_axes(const numc__call *c, const char *name);
/* NULL when None; else a pointer to one normalised-free axis value. */
const int *numc__opt_axis(const numc__call *c, const char *name);

/* Module tables. */
#define NUMC__MODULES(X) \
  X(creation) X(shape) X(ufunc) X(reduce) X(join) X(io) X(products) X(linalg) X(spectral) \
  X(random)
#define NUMC__DECLARE_TABLE(m) extern const numc__func numc__table_##m[];
NUMC__MODULES(NUMC__DECLARE_TABLE)
#undef NUMC__DECLARE_TABLE

const numc__func *numc__func_find(const char *name);
/* numc_call in two steps, so that the CLI can tell bad arguments (parse) from a failing
 * operation (invoke). parse allocates *out (free() it); inputs must outlive the call. */
numc_status numc__call_parse(const char *name, const numc_array *const *inputs, int nin,
                             const char *const *options, int nopts, numc__call **out);
numc_status numc__call_invoke(numc__call *c, numc_array **out, int max_out, int *nout);
/* Parse a Python literal (True, 3, -2.5, 1+2j) into a weak scalar. */
bool numc__parse_scalar(const char *s, numc_scalar *out);

#endif
