/* Function-table entries of the elementwise functions (see table/table.h). The ufunc
 * entries are generated from the ufunc list itself, so none can be forgotten. */
#include "table/table.h"
#include "ufunc/ufunc.h"

static numc_status invoke_ufunc(numc__call *c) {
  return numc__ufunc((numc__ufunc_id)c->fn->tag, c->in, &c->out[0]);
}

static numc_status invoke_round(numc__call *c) {
  return numc_round(c->in[0], (int)numc__opt_int(c, "decimals"), &c->out[0]);
}

static numc_status invoke_clip(numc__call *c) {
  return numc_clip(c->in[0], c->in[1], c->in[2], &c->out[0]);
}

static numc_status invoke_where(numc__call *c) {
  return numc_where(c->in[0], c->in[1], c->in[2], &c->out[0]);
}

static const numc_param round_params[] = {NUMC__P("decimals", INT, "0", "number of decimal places")};

#define UFUNC_INPUTS_1 "x"
#define UFUNC_INPUTS_2 "x1,x2"
#define UFUNC_ENTRY(ID, name, nin, kind, cost) UFUNC_NAMED(#name, ID, nin)
#define UFUNC_NAMED(str, ID, nin)                                                    \
  {{str, "elementwise " str " (NumPy ufunc)", UFUNC_INPUTS_##nin, nin, nin, 1, NULL, 0, true}, \
   invoke_ufunc, NUMC__UF_##ID, true},

const numc__func numc__table_ufunc[] = {
    NUMC__UFUNCS(UFUNC_ENTRY)
    /* NumPy's other names for the same ufuncs. */
    UFUNC_NAMED("abs", ABSOLUTE, 1)
    UFUNC_NAMED("mod", REMAINDER, 2)
    UFUNC_NAMED("conj", CONJUGATE, 1)
    UFUNC_NAMED("true_divide", DIVIDE, 2)
    NUMC__FUNC("round", "round to the given number of decimals, half to even", "a", 1, 1, 1,
               round_params, invoke_round),
    {{"clip", "limit values to [a_min, a_max]", "a,a_min,a_max", 3, 3, 1, NULL, 0, false}, invoke_clip, 0, true},
    {{"where", "elements of x where cond is true, else of y", "condition,x,y", 3, 3, 1, NULL, 0, false},
     invoke_where, 0, true},
    NUMC__TABLE_END,
};
