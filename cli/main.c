#define _POSIX_C_SOURCE 200809L
/* numc: the command-line front door to the library.
 *
 *   numc --version | --help
 *   numc info
 *   numc list [--json]
 *   numc op NAME [INPUT ...] [--KEY=VALUE ...] [-o OUTPUT.npy ...]
 *   numc op NAME --help
 *
 * Exit status: 0 success, 1 the operation failed, 2 bad arguments. Nothing is written
 * unless every output succeeded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "table/table.h"

enum { EXIT_OPFAIL = 1, EXIT_USAGE = 2 };

static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "numc: ");
  fprintf(stderr, fmt, arg);
  fputc('\n', stderr);
  return EXIT_USAGE;
}

static void print_usage(FILE *f) {
  fputs("usage: numc --version\n"
        "       numc info\n"
        "       numc list [--json]\n"
        "       numc op NAME [INPUT ...] [--KEY=VALUE ...] [-o OUTPUT.npy ...]\n"
        "       numc op NAME --help\n"
        "\n"
        "INPUT is a .npy file, optionally sliced NumPy-style ('a.npy[::-1, 1:]'), or a\n"
        "Python literal (3, 2.5, 1+2j, true) used as a weak scalar. Options are NumPy's\n"
        "keyword arguments; tuples are comma-separated (--axis=0,2); --device=cpu|gpu|auto.\n"
        "Without -o the result is printed.\n",
        f);
}

static const char *param_type_name(numc_param_type t) {
  static const char *names[] = {"int", "float", "bool", "dtype", "ints", "choice", "scalar", "floats", "text"};
  return (unsigned)t < sizeof names / sizeof names[0] ? names[t] : "?";
}

static void print_func_help(const numc_func_info *f) {
  printf("numc op %s: %s\n  inputs: %s\n", f->name, f->summary, f->inputs[0] ? f->inputs : "(none)");
  for (int i = 0; i < f->num_params; i++) {
    const numc_param *p = &f->params[i];
    printf("  --%s=%s", p->name, param_type_name(p->type));
    if (p->default_value) printf("  (default %s)", p->default_value);
    else printf("  (required)");
    if (p->help && *p->help) printf("  %s", p->help);
    putchar('\n');
  }
  if (f->supports_out) printf("  (also takes NumPy's out= through the C API)\n");
}

/* JSON string with the escapes our table text can contain. */
static void json_str(const char *s) {
  putchar('"');
  for (; s && *s; s++) {
    if (*s == '"' || *s == '\\') printf("\\%c", *s);
    else if (*s == '\n') printf("\\n");
    else putchar(*s);
  }
  putchar('"');
}

static int cmd_list(int argc, char **argv) {
  bool json = argc > 2 && !strcmp(argv[2], "--json");
  int n = numc_func_count();
  if (json) printf("[\n");
  for (int i = 0; i < n; i++) {
    const numc_func_info *f = numc_func_at(i);
    if (!json) {
      printf("%-22s %s\n", f->name, f->summary);
      continue;
    }
    printf("  {\"name\": ");
    json_str(f->name);
    printf(", \"summary\": ");
    json_str(f->summary);
    printf(", \"inputs\": ");
    json_str(f->inputs);
    printf(", \"min_inputs\": %d, \"max_inputs\": %d, \"num_outputs\": %d, \"supports_out\": %s, \"params\": [",
           f->min_inputs, f->max_inputs, f->num_outputs, f->supports_out ? "true" : "false");
    for (int k = 0; k < f->num_params; k++) {
      const numc_param *p = &f->params[k];
      printf("%s{\"name\": ", k ? ", " : "");
      json_str(p->name);
      printf(", \"type\": \"%s\", \"default\": ", param_type_name(p->type));
      if (p->default_value) json_str(p->default_value);
      else printf("null");
      printf(", \"nullable\": %s, \"help\": ", p->nullable ? "true" : "false");
      json_str(p->help);
      printf("}");
    }
    printf("]}%s\n", i + 1 < n ? "," : "");
  }
  if (json) printf("]\n");
  return 0;
}

/* An input: a Python literal (weak scalar), or a .npy path with an optional [slice]. */
static numc_status load_input(const char *arg, numc_array **out) {
  numc_scalar s;
  if (numc__parse_scalar(arg, &s)) return numc_scalar_array(s, out);
  const char *br = strchr(arg, '[');
  size_t n = strlen(arg);
  if (!br || arg[n - 1] != ']') return numc_load(arg, out);
  char *path = strndup(arg, (size_t)(br - arg));
  char *expr = strndup(br + 1, n - (size_t)(br - arg) - 2);
  numc_array *whole = NULL;
  numc_status st = (!path || !expr) ? numc__oom() : numc_load(path, &whole);
  if (st == NUMC_OK) st = numc_slice_str(whole, expr, out);
  numc_free(whole);
  free(path);
  free(expr);
  return st;
}

static int cmd_op(int argc, char **argv) {
  if (argc < 3) return usage_error("%s", "op needs a function name (numc list shows them)");
  const char *name = argv[2];
  const numc_func_info *f = numc_func_find(name);
  if (!f) return usage_error("%s", numc_last_error());
  const char *inputs_txt[NUMC__MAX_INPUTS], *opts[NUMC__MAX_PARAMS + 1], *outs[NUMC__MAX_OUTPUTS];
  int nin = 0, nopt = 0, nout_paths = 0;
  for (int i = 3; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      print_func_help(f);
      return 0;
    }
    if (!strcmp(a, "-o")) {
      if (i + 1 >= argc) return usage_error("%s", "-o needs a file name");
      if (nout_paths == NUMC__MAX_OUTPUTS) return usage_error("%s", "too many outputs");
      outs[nout_paths++] = argv[++i];
    } else if (!strncmp(a, "--", 2) && strchr(a, '=')) {
      if (nopt == NUMC__MAX_PARAMS + 1) return usage_error("too many options at '%s'", a);
      opts[nopt++] = a + 2;
    } else if (!strncmp(a, "--", 2)) {
      return usage_error("option '%s' needs a value (--key=value)", a);
    } else {
      if (nin == NUMC__MAX_INPUTS) return usage_error("too many inputs at '%s'", a);
      inputs_txt[nin++] = a;
    }
  }
  numc_array *in[NUMC__MAX_INPUTS] = {NULL}, *out[NUMC__MAX_OUTPUTS] = {NULL};
  int rc = 0, nres = 0;
  numc__call *call = NULL;
  for (int i = 0; i < nin && !rc; i++)
    if (load_input(inputs_txt[i], &in[i]) != NUMC_OK) rc = usage_error("%s", numc_last_error());
  if (!rc && numc__call_parse(name, (const numc_array *const *)in, nin, opts, nopt, &call) != NUMC_OK)
    rc = usage_error("%s", numc_last_error());
  if (!rc && numc__call_invoke(call, out, NUMC__MAX_OUTPUTS, &nres) != NUMC_OK) {
    fprintf(stderr, "numc: %s: %s\n", name, numc_last_error());
    rc = EXIT_OPFAIL;
  }
  if (!rc && *numc_last_warning()) fprintf(stderr, "numc: warning: %s\n", numc_last_warning());
  if (!rc && nout_paths > 0 && nout_paths != nres) {
    fprintf(stderr, "numc: %s produced %d output%s but %d -o path%s given\n", name, nres,
            nres == 1 ? "" : "s", nout_paths, nout_paths == 1 ? " was" : "s were");
    rc = EXIT_USAGE;
  }
  if (!rc && nout_paths == 0) {
    for (int i = 0; i < nres && !rc; i++) {
      char *text = numc_repr(out[i]);
      if (!text) {
        fprintf(stderr, "numc: %s\n", numc_last_error());
        rc = EXIT_OPFAIL;
      } else {
        puts(text);
        free(text);
      }
    }
  }
  for (int i = 0; i < nout_paths && !rc; i++) {
    if (numc_save(outs[i], out[i]) != NUMC_OK) {
      fprintf(stderr, "numc: %s\n", numc_last_error());
      for (int k = 0; k < i; k++) unlink(outs[k]); /* all outputs or none */
      rc = EXIT_OPFAIL;
    }
  }
  free(call);
  for (int i = 0; i < nin; i++) numc_free(in[i]);
  for (int i = 0; i < NUMC__MAX_OUTPUTS; i++) numc_free(out[i]);
  return rc;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    print_usage(stderr);
    return EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
    printf("numc %s\n", numc_version());
    return 0;
  }
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
    print_usage(stdout);
    return 0;
  }
  if (!strcmp(cmd, "info")) {
    char *s = numc_info();
    if (!s) return usage_error("%s", numc_last_error());
    fputs(s, stdout);
    free(s);
    return 0;
  }
  if (!strcmp(cmd, "list")) return cmd_list(argc, argv);
  if (!strcmp(cmd, "op")) return cmd_op(argc, argv);
  print_usage(stderr);
  return usage_error("unknown command '%s'", cmd);
}
