/* numc/runtime.h: threads, devices, build information and the function table.
 * Included by numc.h. */
#ifndef NUMC_RUNTIME_H
#define NUMC_RUNTIME_H

#include "numc/base.h"

#ifdef __cplusplus
extern "C" {
#endif

NUMC_API const char *numc_version(void);

/** Worker threads used for large operations: NUMC_NUM_THREADS if set, else the number of
 * online CPUs. */
NUMC_API int numc_get_num_threads(void);
/** Set the thread count (>= 1) for the rest of the process. */
NUMC_API numc_status numc_set_num_threads(int n);

/** Process-wide default device for operations (initially NUMC_DEVICE env var or auto). */
NUMC_API numc_status numc_set_default_device(numc_device d);
NUMC_API numc_device numc_get_default_device(void);

/** A multi-line human-readable report: version, build options, CPU features and the
 * kernels chosen, threads, GPU. malloc'ed (free()). */
NUMC_API char *numc_info(void);

/* ----------------------------------------------------- the function table
 *
 * Every library function is described once in a table (name, inputs, outputs, options
 * with types and defaults). The table drives `numc op`, the test-coverage check and the
 * JavaScript API. Options are given as "name=value" text, parsed by type: ints, floats,
 * bools (true/false), dtypes (float32), tuples (0,2), "None". */

typedef enum numc_param_type {
  NUMC_PARAM_INT = 0,
  NUMC_PARAM_FLOAT = 1,
  NUMC_PARAM_BOOL = 2,
  NUMC_PARAM_DTYPE = 3,  /* a dtype name; "None" where the default allows */
  NUMC_PARAM_INTS = 4,   /* a tuple of ints: "3,4"; also axes */
  NUMC_PARAM_STRING = 5, /* one of the listed choices */
  NUMC_PARAM_SCALAR = 6, /* a number: 1, 2.5, 1+2j, true */
  NUMC_PARAM_FLOATS = 7, /* a tuple of floats */
  NUMC_PARAM_TEXT = 8    /* free text (a slice expression, an einsum subscript) */
} numc_param_type;

typedef struct numc_param {
  const char *name;
  numc_param_type type;
  const char *default_value; /* text, or NULL when the option is required */
  const char *help;          /* for STRING: the choices, "|"-separated, first */
  bool nullable;             /* accepts "None" */
} numc_param;

typedef struct numc_func_info {
  const char *name;    /* NumPy's name, dotted for submodules ("linalg.svd") */
  const char *summary; /* one line */
  const char *inputs;  /* comma-separated input names; a trailing "..." means variadic */
  int min_inputs, max_inputs; /* max -1: unbounded */
  int num_outputs;            /* -1: variable */
  const numc_param *params;
  int num_params;
  bool supports_out; /* takes an existing array as its output (ufuncs) */
} numc_func_info;

NUMC_API int numc_func_count(void);
/** NULL when i is out of range. */
NUMC_API const numc_func_info *numc_func_at(int i);
/** NULL (and NUMC_ENOTFOUND with a message) when there is no such function. */
NUMC_API const numc_func_info *numc_func_find(const char *name);

/** Call a function of the table by name. `options` are "name=value" strings. Outputs are
 * written to out[0..*nout-1] (caller owns them); `out` needs room for max_out arrays.
 * The option "device=cpu|gpu|auto" is accepted by every function. Unknown options,
 * bad values and wrong input counts fail with NUMC_EINVAL before anything runs. */
NUMC_API numc_status numc_call(const char *name, const numc_array *const *inputs, int nin,
                               const char *const *options, int nopts, numc_array **out,
                               int max_out, int *nout);

#ifdef __cplusplus
}
#endif
#endif
