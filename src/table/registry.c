/* Joins the per-module tables into one list, looked up by name. */
#include "table/table.h"

static const numc__func *const modules[] = {
#define NUMC__MODULE_ENTRY(m) numc__table_##m,
    NUMC__MODULES(NUMC__MODULE_ENTRY)
#undef NUMC__MODULE_ENTRY
};
#define NMODULES (int)(sizeof modules / sizeof modules[0])

static const numc__func *entry_at(int i) {
  for (int m = 0; m < NMODULES; m++)
    for (const numc__func *f = modules[m]; f->info.name; f++)
      if (i-- == 0) return f;
  return NULL;
}

int numc_func_count(void) {
  int n = 0;
  for (int m = 0; m < NMODULES; m++)
    for (const numc__func *f = modules[m]; f->info.name; f++) n++;
  return n;
}

const numc_func_info *numc_func_at(int i) {
  const numc__func *f = i >= 0 ? entry_at(i) : NULL;
  return f ? &f->info : NULL;
}

const numc__func *numc__func_find(const char *name) {
  if (!name) return NULL;
  for (int m = 0; m < NMODULES; m++)
    for (const numc__func *f = modules[m]; f->info.name; f++)
      if (!strcmp(f->info.name, name)) return f;
  return NULL;
}

const numc_func_info *numc_func_find(const char *name) {
  const numc__func *f = numc__func_find(name);
  if (!f) {
    numc__fail(NUMC_ENOTFOUND, "numc has no function '%s'", name ? name : "(null)");
    return NULL;
  }
  return &f->info;
}
