/* Compute pipelines, compiled once per (kernel, specialisation) and cached.
 *
 * Kernels are the WGSL files of src/gpu/kernels/, embedded at build time
 * (cmake/embed_wgsl.cmake). A specialisation sets the kernel's `override` constants
 * ("TK=16"), so one source serves several tile shapes without text templating; the
 * cache key is the kernel name plus the specialisation string as given. Compilation
 * runs inside a validation error scope so that a WGSL error comes back as NUMC_EDEVICE
 * with the compiler's message instead of an uncaptured error later. In non-blocking mode
 * (the browser) the scope's outcome arrives after the call returned: the entry waits in
 * the cache, unvalidated, and the repeated call takes the outcome (wait.c). */
#include <stdio.h>
#include <stdlib.h>

#include "gpu/gpu.h"
#include "numc_wgsl_kernels.h"

#define NUMC__MAX_CONSTANTS 16

struct cache_entry {
  char key[160]; /* "name|spec" */
  numc__gpu_kernel kernel;
  numc__gpu_pending *validating; /* the error scope's outcome, until taken */
};

/* Entries are allocated one by one so that a kernel pointer handed out stays valid
 * while the cache grows. */
struct numc__gpu_pipeline_cache {
  struct cache_entry **items;
  int n, cap;
};

static atomic_llong compilations;

int64_t numc__gpu_pipeline_compilations(void) { return (int64_t)atomic_load(&compilations); }

static const char *kernel_source(const char *name) {
  for (size_t i = 0; i < sizeof numc__wgsl_kernels / sizeof numc__wgsl_kernels[0]; i++)
    if (!strcmp(numc__wgsl_kernels[i].name, name)) return numc__wgsl_kernels[i].source;
  return NULL;
}

/* "A=1,B=2.5" -> constants; keys point into `buf` (a copy of spec). */
static numc_status parse_spec(const char *spec, char *buf, size_t bufn, WGPUConstantEntry *c, size_t *n) {
  *n = 0;
  if (strlen(spec) >= bufn) return numc__fail(NUMC_EINTERNAL, "GPU: specialisation '%s' is too long", spec);
  strcpy(buf, spec);
  for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
    char *eq = strchr(tok, '=');
    if (!eq || *n == NUMC__MAX_CONSTANTS)
      return numc__fail(NUMC_EINTERNAL, "GPU: bad specialisation '%s'", spec);
    *eq = '\0';
    c[*n] = (WGPUConstantEntry){.key = numc__wgpu_str(tok), .value = atof(eq + 1)};
    (*n)++;
  }
  return NUMC_OK;
}

/* Create the pipeline inside a validation error scope; e->validating receives the
 * scope's outcome (validate() takes it). */
static numc_status compile(numc__gpu *g, const char *name, const char *spec, struct cache_entry *e) {
  const numc__wgpu_procs *w = g->wgpu;
  const char *source = kernel_source(name);
  if (!source) return numc__fail(NUMC_EINTERNAL, "GPU: no WGSL kernel named '%s'", name);
  char buf[160];
  WGPUConstantEntry constants[NUMC__MAX_CONSTANTS];
  size_t nconstants;
  NUMC__TRY(parse_spec(spec, buf, sizeof buf, constants, &nconstants));
  e->validating = numc__gpu_pending_new("compiling a WGSL kernel");
  if (!e->validating) return numc__oom();

  w->DevicePushErrorScope(g->device, WGPUErrorFilter_Validation);
  WGPUShaderSourceWGSL wgsl = {.chain = {NULL, WGPUSType_ShaderSourceWGSL}, .code = numc__wgpu_str(source)};
  WGPUShaderModuleDescriptor module_desc = {.nextInChain = &wgsl.chain, .label = numc__wgpu_str(name)};
  WGPUShaderModule module = w->DeviceCreateShaderModule(g->device, &module_desc);
  WGPUComputePipelineDescriptor desc = {
      .label = numc__wgpu_str(name),
      .compute = {.module = module, .entryPoint = numc__wgpu_str("main"), .constantCount = nconstants,
                  .constants = constants}};
  e->kernel.pipeline = w->DeviceCreateComputePipeline(g->device, &desc);
  w->ShaderModuleRelease(module);
  w->DevicePopErrorScope(g->device, numc__gpu_on_error_scope(e->validating));
  return NUMC_OK;
}

/* The outcome of e's validation: NUMC_EPENDING while the browser has not reported it
 * (non-blocking mode; the entry stays cached, the next call polls again). */
static numc_status validate(numc__gpu *g, struct cache_entry *e) {
  numc_status s = numc__gpu_poll(g->wgpu, g->instance, e->validating);
  if (s == NUMC_EPENDING) return s;
  e->validating = NULL;
  if (s != NUMC_OK) {
    char prefix[200];
    snprintf(prefix, sizeof prefix, "GPU kernel %s does not compile", e->key);
    return numc__gpu_refail(s, prefix);
  }
  e->kernel.layout = g->wgpu->ComputePipelineGetBindGroupLayout(e->kernel.pipeline, 0);
  atomic_fetch_add(&compilations, 1);
  return NUMC_OK;
}

static void entry_free(numc__gpu *g, struct cache_entry *e) {
  numc__gpu_pending_drop(e->validating);
  if (e->kernel.layout) g->wgpu->BindGroupLayoutRelease(e->kernel.layout);
  if (e->kernel.pipeline) g->wgpu->ComputePipelineRelease(e->kernel.pipeline);
  free(e);
}

/* Entry i's kernel once validated; a kernel that does not compile leaves the cache. */
static numc_status ready(numc__gpu *g, int i, const numc__gpu_kernel **out) {
  struct numc__gpu_pipeline_cache *c = g->pipelines;
  struct cache_entry *e = c->items[i];
  numc_status s = e->validating ? validate(g, e) : NUMC_OK;
  if (s == NUMC_OK) *out = &e->kernel;
  if (s != NUMC_OK && s != NUMC_EPENDING) {
    entry_free(g, e);
    c->items[i] = c->items[--c->n];
  }
  return s;
}

numc_status numc__gpu_pipeline(numc__gpu *g, const char *name, const char *spec, const numc__gpu_kernel **out) {
  char key[160];
  if ((size_t)snprintf(key, sizeof key, "%s|%s", name, spec) >= sizeof key)
    return numc__fail(NUMC_EINTERNAL, "GPU: kernel key '%s|%s' is too long", name, spec);
  if (!g->pipelines) {
    g->pipelines = calloc(1, sizeof *g->pipelines);
    if (!g->pipelines) return numc__oom();
  }
  struct numc__gpu_pipeline_cache *c = g->pipelines;
  for (int i = 0; i < c->n; i++)
    if (!strcmp(c->items[i]->key, key)) return ready(g, i, out);
  if (c->n == c->cap) {
    int cap = c->cap ? 2 * c->cap : 8;
    struct cache_entry **items = realloc(c->items, (size_t)cap * sizeof *items);
    if (!items) return numc__oom();
    c->items = items;
    c->cap = cap;
  }
  struct cache_entry *e = calloc(1, sizeof *e);
  if (!e) return numc__oom();
  strcpy(e->key, key);
  numc_status s = compile(g, name, spec, e);
  if (s != NUMC_OK) {
    entry_free(g, e);
    return s;
  }
  c->items[c->n++] = e;
  return ready(g, c->n - 1, out);
}

void numc__gpu_pipelines_destroy(numc__gpu *g) {
  struct numc__gpu_pipeline_cache *c = g->pipelines;
  if (!c) return;
  for (int i = 0; i < c->n; i++) entry_free(g, c->items[i]);
  free(c->items);
  free(c);
  g->pipelines = NULL;
}
