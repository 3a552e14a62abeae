/* numc_call: run a table function by name with "name=value" options. Parsing happens
 * entirely before the function runs, so bad options never leave partial results. */
#include <errno.h>
#include <stdlib.h>

#include "gpu/gpu.h"
#include "table/table.h"

static bool parse_int(const char *s, int64_t *v) {
  char *end;
  errno = 0;
  long long x = strtoll(s, &end, 10);
  if (errno || end == s || *end) return false;
  *v = x;
  return true;
}

static bool parse_double(const char *s, double *v) {
  char *end;
  errno = 0;
  double x = strtod(s, &end);
  if (end == s || *end) return false;
  *v = x;
  return true;
}

static bool parse_bool(const char *s, bool *v) {
  if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "1")) return (*v = true), true;
  if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "0")) return (*v = false), true;
  return false;
}

/* A Python literal: True/False, an int, a float, or a complex like 1+2j, -3j. */
bool numc__parse_scalar(const char *s, numc_scalar *out) {
  bool b;
  int64_t i;
  double f;
  if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "false") || !strcmp(s, "False")) {
    parse_bool(s, &b);
    *out = numc_bool(b);
    return true;
  }
  if (parse_int(s, &i)) {
    *out = numc_int(i);
    return true;
  }
  if (parse_double(s, &f)) {
    *out = numc_float(f);
    return true;
  }
  size_t n = strlen(s);
  if (n >= 1 && n < 64 && (s[n - 1] == 'j' || s[n - 1] == 'J')) {
    char buf[64];
    memcpy(buf, s, n - 1);
    buf[n - 1] = '\0';
    double im;
    if (parse_double(buf, &im)) { /* pure imaginary: "2j" */
      *out = numc_complex(0, im);
      return true;
    }
    /* Split at the last sign that is not part of an exponent. */
    for (size_t k = n - 2; k > 0; k--) {
      if ((buf[k] == '+' || buf[k] == '-') && buf[k - 1] != 'e' && buf[k - 1] != 'E') {
        char re_s[64];
        memcpy(re_s, buf, k);
        re_s[k] = '\0';
        double re;
        if (parse_double(re_s, &re) && parse_double(buf + k, &im)) {
          *out = numc_complex(re, im);
          return true;
        }
        break;
      }
    }
  }
  return false;
}

/* Comma-separated list, optional surrounding parentheses or brackets. */
static bool parse_list(const char *s, bool floats, numc__value *v) {
  char buf[1024];
  size_t n = strlen(s);
  if (n >= sizeof buf) return false;
  memcpy(buf, s, n + 1);
  char *p = buf;
  if (*p == '(' || *p == '[') {
    p++;
    if (n < 2 || (buf[n - 1] != ')' && buf[n - 1] != ']')) return false;
    buf[n - 1] = '\0';
  }
  v->n = 0;
  while (*p == ' ') p++;
  if (!*p) return true; /* empty tuple */
  for (char *tok = p;;) {
    char *comma = strchr(tok, ',');
    if (comma) *comma = '\0';
    while (*tok == ' ') tok++;
    char *e = tok + strlen(tok);
    while (e > tok && e[-1] == ' ') *--e = '\0';
    if (*tok) { /* "3," is a 1-tuple */
      if (v->n >= (int)(sizeof v->ints / sizeof v->ints[0])) return false;
      if (floats ? !parse_double(tok, &v->floats[v->n]) : !parse_int(tok, &v->ints[v->n])) return false;
      v->n++;
    } else if (comma) {
      return false;
    }
    if (!comma) break;
    tok = comma + 1;
  }
  return true;
}

static numc_status parse_value(const char *fname, const numc_param *p, const char *text,
                               numc__value *v) {
  memset(v, 0, sizeof *v);
  if (!strcmp(text, "None")) {
    if (!p->nullable) return numc__fail(NUMC_EINVAL, "%s: option '%s' cannot be None", fname, p->name);
    v->is_none = true;
    return NUMC_OK;
  }
  bool ok = false;
  switch (p->type) {
  case NUMC_PARAM_INT: /* also readable as a one-axis set (numc__opt_axis) */
    ok = parse_int(text, &v->i);
    v->axes.n = 1;
    v->axes.v[0] = (int)v->i;
    if (ok && v->i != (int64_t)v->axes.v[0]) v->axes.v[0] = INT32_MIN; /* out of any axis range */
    break;
  case NUMC_PARAM_FLOAT: ok = parse_double(text, &v->f); break;
  case NUMC_PARAM_BOOL: ok = parse_bool(text, &v->b); break;
  case NUMC_PARAM_DTYPE: ok = numc_dtype_from_name(text, &v->dtype) == NUMC_OK; break;
  case NUMC_PARAM_SCALAR: ok = numc__parse_scalar(text, &v->scalar); break;
  case NUMC_PARAM_INTS:
    ok = parse_list(text, false, v);
    /* As axes: more than NUMC_MAXDIMS entries keep their count, which the axes checks
     * reject; values beyond int become INT32_MIN, which no axis check accepts. */
    v->axes.n = v->n;
    for (int k = 0; k < v->n && k < NUMC_MAXDIMS; k++)
      v->axes.v[k] = v->ints[k] == (int)v->ints[k] ? (int)v->ints[k] : INT32_MIN;
    break;
  case NUMC_PARAM_FLOATS: ok = parse_list(text, true, v); break;
  case NUMC_PARAM_TEXT:
    ok = strlen(text) < sizeof v->str;
    if (ok) memcpy(v->str, text, strlen(text) + 1);
    break;
  case NUMC_PARAM_STRING: {
    /* The choices are listed in `help` as "a|b|c". */
    size_t n = strlen(text);
    const char *h = p->help;
    while (h && *h && !ok) {
      const char *bar = strchr(h, '|');
      size_t len = bar ? (size_t)(bar - h) : strlen(h);
      if (len == n && !strncmp(h, text, n) && n < sizeof v->str) {
        memcpy(v->str, text, n + 1);
        ok = true;
      }
      h = bar ? bar + 1 : NULL;
    }
    if (!ok)
      return numc__fail(NUMC_EINVAL, "%s: option '%s' must be one of %s, not '%s'", fname, p->name,
                        p->help, text);
    break;
  }
  }
  if (!ok)
    return numc__fail(NUMC_EINVAL, "%s: invalid value '%s' for option '%s'", fname, text, p->name);
  return NUMC_OK;
}

const numc__value *numc__opt(const numc__call *c, const char *name) {
  for (int i = 0; i < c->fn->info.num_params; i++)
    if (!strcmp(c->fn->info.params[i].name, name)) return &c->values[i];
  static const numc__value none = {.is_none = true};
  return &none; /* a table bug: the invoke asked for an option its entry lacks */
}

int64_t numc__opt_int(const numc__call *c, const char *name) { return numc__opt(c, name)->i; }
double numc__opt_float(const numc__call *c, const char *name) { return numc__opt(c, name)->f; }
bool numc__opt_bool(const numc__call *c, const char *name) { return numc__opt(c, name)->b; }
bool numc__opt_none(const numc__call *c, const char *name) { return numc__opt(c, name)->is_none; }
const numc_axes *numc__opt_axes(const numc__call *c, const char *name) {
  const numc__value *v = numc__opt(c, name);
  return v->is_none ? NULL : &v->axes;
}
const int *numc__opt_axis(const numc__call *c, const char *name) {
  const numc__value *v = numc__opt(c, name);
  return v->is_none ? NULL : (const int *)&v->axes.v[0];
}

numc_status numc__call_parse(const char *name, const numc_array *const *inputs, int nin,
                             const char *const *options, int nopts, numc__call **out) {
  const numc__func *f = numc__func_find(name);
  if (!f) return numc__fail(NUMC_ENOTFOUND, "numc has no function '%s'", name ? name : "(null)");
  const numc_func_info *info = &f->info;
  if (nin < info->min_inputs || (info->max_inputs >= 0 && nin > info->max_inputs)) {
    if (info->min_inputs == info->max_inputs)
      return numc__fail(NUMC_EINVAL, "%s takes %d input%s (%s), got %d", name, info->min_inputs,
                        info->min_inputs == 1 ? "" : "s", info->inputs, nin);
    return numc__fail(NUMC_EINVAL, "%s takes %d%s inputs (%s), got %d", name, info->min_inputs,
                      info->max_inputs < 0 ? " or more" : "+", info->inputs, nin);
  }
  for (int i = 0; i < nin; i++)
    if (inputs && !inputs[i]) return numc__fail(NUMC_EINVAL, "%s: input %d is NULL", name, i);
  numc__call *c = calloc(1, sizeof *c);
  if (!c) return numc__oom();
  c->fn = f;
  c->in = inputs;
  c->nin = nin;
  c->device = numc_get_default_device();
  bool given[NUMC__MAX_PARAMS] = {false};
  numc_status s = NUMC_OK;
  for (int k = 0; k < nopts && s == NUMC_OK; k++) {
    const char *eq = options[k] ? strchr(options[k], '=') : NULL;
    if (!eq) {
      s = numc__fail(NUMC_EINVAL, "%s: option '%s' is not of the form name=value", name,
                     options[k] ? options[k] : "(null)");
      break;
    }
    size_t klen = (size_t)(eq - options[k]);
    if (klen == 6 && !strncmp(options[k], "device", 6)) {
      const char *d = eq + 1;
      if (!strcmp(d, "cpu")) c->device = NUMC_DEVICE_CPU;
      else if (!strcmp(d, "gpu")) c->device = NUMC_DEVICE_GPU;
      else if (!strcmp(d, "auto")) c->device = NUMC_DEVICE_AUTO;
      else s = numc__fail(NUMC_EINVAL, "%s: device must be cpu, gpu or auto, not '%s'", name, d);
      continue;
    }
    int found = -1;
    for (int i = 0; i < info->num_params; i++)
      if (strlen(info->params[i].name) == klen && !strncmp(info->params[i].name, options[k], klen)) found = i;
    if (found < 0) {
      s = numc__fail(NUMC_EINVAL, "%s got an unexpected option '%.*s'", name, (int)klen, options[k]);
      break;
    }
    s = parse_value(name, &info->params[found], eq + 1, &c->values[found]);
    given[found] = true;
  }
  for (int i = 0; i < info->num_params && s == NUMC_OK; i++) {
    if (given[i]) continue;
    if (!info->params[i].default_value)
      s = numc__fail(NUMC_EINVAL, "%s: missing required option '%s'", name, info->params[i].name);
    else
      s = parse_value(name, &info->params[i], info->params[i].default_value, &c->values[i]);
  }
  if (s != NUMC_OK) {
    free(c);
    return s;
  }
  *out = c;
  return NUMC_OK;
}

numc_status numc__call_invoke(numc__call *c, numc_array **out, int max_out, int *nout) {
  const numc_func_info *info = &c->fn->info;
  if (!out || max_out < 1 || !nout) return numc__fail(NUMC_EINVAL, "%s: no room for outputs", info->name);
  if (info->num_outputs > max_out)
    return numc__fail(NUMC_EINVAL, "%s: %d outputs do not fit in %d slots", info->name, info->num_outputs, max_out);
  /* device=gpu demands a GPU; operations without a GPU implementation then run on the
   * CPU (the backend declines them), with the same result. */
  if (c->device == NUMC_DEVICE_GPU && !numc_gpu_available())
    return numc__fail(NUMC_EUNAVAIL, "device=gpu, but no GPU is available: %s",
                      numc__gpu_unavailable_reason());
  for (int i = 0; i < max_out; i++) out[i] = NULL;
  c->out = out;
  c->max_out = max_out;
  c->nout = info->num_outputs > 0 ? info->num_outputs : 0;
  /* Non-blocking mode (the browser) keeps composites on the CPU: see numc__func.gpu. */
  numc_device device = c->fn->gpu || !numc__gpu_nonblocking() ? c->device : NUMC_DEVICE_CPU;
  int saved = numc__set_call_device((int)device);
  numc_status s = c->fn->invoke(c);
  numc__set_call_device(saved);
  if (s != NUMC_OK) { /* all or nothing: release what a failing invoke produced */
    for (int i = 0; i < max_out; i++) {
      numc_free(out[i]);
      out[i] = NULL;
    }
    return s;
  }
  *nout = c->nout;
  return NUMC_OK;
}

numc_status numc_call(const char *name, const numc_array *const *inputs, int nin,
                      const char *const *options, int nopts, numc_array **out, int max_out,
                      int *nout) {
  numc__call *c;
  NUMC__TRY(numc__call_parse(name, inputs, nin, options, nopts, &c));
  numc_status s = numc__call_invoke(c, out, max_out, nout);
  free(c);
  return s;
}
