/* Reductions on the GPU: sum, prod, mean, var, std, min, max, argmin, argmax.
 *
 * Accepted: float32 input for every op (results float32, like NumPy's for float32), and
 * int32 or bool input for min/max/argmin/argmax (results in the input's dtype, int64 for
 * the indices). Sums and products of int32 accumulate in int64 in NumPy: declined, with
 * every other dtype, so that the CPU computes them. Also declined, so that the CPU
 * produces NumPy's error or warning: empty min/max/argmin/argmax/mean, var/std without
 * a degree of freedom. Empty sums and products give 0 and 1.
 *
 * The input is read in place whatever its strides (device arrays) or uploaded once
 * (host arrays); the result is a fresh C-contiguous array, left on the device when the
 * input lived there (numc__gpu_finish).
 *
 * How (kernels/reduce.wgsl): the kept and the reduced dims, compressed (length-1 dims
 * dropped, neighbours that are one dim in memory merged) go into the kernel's Params.
 * A reduction longer than SHORT runs as a tree: workgroups of 256 threads reduce chunks
 * of CHUNK elements into partial results, and further passes reduce the partials until
 * one per output remains; shorter ones (many outputs, each over a short axis) take one
 * thread per output. kernels/reduce_store.wgsl then writes the result dtype, dividing
 * for mean/var and taking the square root for std. var/std run the reduction twice, as
 * NumPy: the sums that give the means, then the squared deviations from them. Every pass
 * of one call goes into one command buffer. */
#include <math.h>
#include <stdio.h>

#include "core/backend.h"
#include "gpu/gpu.h"

/* reduce.wgsl's OP and Params dims; its workgroup size and elements per tree chunk. */
enum { K_SUM = 0, K_PROD = 1, K_SSD = 2, K_MIN = 3, K_MAX = 4 };
#define MAXD 8
#define WG 256
#define CHUNK (WG * 8)
/* Longest reduction one thread folds alone (sequentially: its rounding error grows with
 * the length, so it stays short). */
#define SHORT 64
/* reduce_store.wgsl's OUT and FINISH. */
enum { OUT_VALUE = 0, OUT_BOOL = 1, OUT_INDEX = 2 };
enum { FINISH_NONE = 0, FINISH_DIVIDE = 1, FINISH_SQRT = 2 };
/* Dispatches of one call at most: two reductions of at most 4 passes each (count <
 * 2^32, CHUNK^3 > 2^32), and the store. */
#define MAX_DISPATCHES 12

static const struct {
  int kernel_op;
  int finish;
  bool ints; /* int32 and bool inputs accepted */
  bool index;
} op_table[] = {
    [NUMC__RED_SUM] = {K_SUM, FINISH_NONE, false, false},
    [NUMC__RED_PROD] = {K_PROD, FINISH_NONE, false, false},
    [NUMC__RED_MEAN] = {K_SUM, FINISH_DIVIDE, false, false},
    [NUMC__RED_VAR] = {K_SSD, FINISH_DIVIDE, false, false},
    [NUMC__RED_STD] = {K_SSD, FINISH_SQRT, false, false},
    [NUMC__RED_MIN] = {K_MIN, FINISH_NONE, true, false},
    [NUMC__RED_MAX] = {K_MAX, FINISH_NONE, true, false},
    [NUMC__RED_ARGMIN] = {K_MIN, FINISH_NONE, true, true},
    [NUMC__RED_ARGMAX] = {K_MAX, FINISH_NONE, true, true},
};

/* Same layout as Params in reduce.wgsl. */
typedef struct params {
  uint32_t nout, count, chunks, gridx, offset, nk, nr;
  float mean_div;
  uint32_t kshape[MAXD], kstride[MAXD], rshape[MAXD], rstride[MAXD];
} params;

/* Same layout as Params in reduce_store.wgsl. */
typedef struct store_params {
  uint32_t nout, words, gridx;
  float divisor;
} store_params;

/* A reduction's input as the kernel addresses it, in elements from its binding's start. */
typedef struct layout {
  int nk, nr;
  int64_t kshape[MAXD], kstride[MAXD], rshape[MAXD], rstride[MAXD];
  int64_t offset, nout, count;
} layout;

/* The dims of x (element strides st) that are (not) reduced, length-1 dims dropped and
 * neighbours merged where they are one dim in memory; C order is kept, so the flat index
 * over the result stays the kernel's index (argmin/argmax of a flattened array).
 * Returns the count, or -1 if more than MAXD remain. */
static int compress(const numc_array *x, const int64_t *st, const bool *mask, bool reduced, int64_t *shape,
                    int64_t *stride) {
  int m = 0;
  for (int d = 0; d < x->ndim; d++) {
    if (mask[d] != reduced || x->shape[d] == 1) continue;
    if (m > 0 && stride[m - 1] == st[d] * x->shape[d]) {
      shape[m - 1] *= x->shape[d];
      stride[m - 1] = st[d];
      continue;
    }
    if (m == MAXD) return -1;
    shape[m] = x->shape[d];
    stride[m++] = st[d];
  }
  return m;
}

/* A binding of `bytes` bytes at `offset` of buffer b. */
static WGPUBindGroupEntry binding(uint32_t index, WGPUBuffer b, uint64_t offset, uint64_t bytes) {
  return (WGPUBindGroupEntry){.binding = index, .buffer = b, .offset = offset, .size = bytes};
}

/* The commands of one call: every dispatch goes into one compute pass, submitted once;
 * the uniform buffers and temporary blocks are given back after the submit (WebGPU keeps
 * them alive for the GPU's use). */
typedef struct encoder {
  numc__gpu *g;
  WGPUCommandEncoder enc;
  WGPUComputePassEncoder pass;
  WGPUBuffer uniforms[MAX_DISPATCHES];
  numc__gpu_block temps[MAX_DISPATCHES];
  int nuniforms, ntemps;
  uint64_t limit; /* maxStorageBufferBindingSize */
} encoder;

static void encoder_begin(encoder *e, numc__gpu *g) {
  *e = (encoder){.g = g, .limit = g->limits.maxStorageBufferBindingSize};
  e->enc = g->wgpu->DeviceCreateCommandEncoder(g->device, NULL);
  e->pass = g->wgpu->CommandEncoderBeginComputePass(e->enc, NULL);
}

/* Submit (if s is NUMC_OK) and release everything; returns the final status. */
static numc_status encoder_end(encoder *e, numc_status s) {
  const numc__wgpu_procs *w = e->g->wgpu;
  w->ComputePassEncoderEnd(e->pass);
  w->ComputePassEncoderRelease(e->pass);
  WGPUCommandBuffer cmd = w->CommandEncoderFinish(e->enc, NULL);
  if (s == NUMC_OK) w->QueueSubmit(e->g->queue, 1, &cmd);
  w->CommandBufferRelease(cmd);
  w->CommandEncoderRelease(e->enc);
  for (int i = 0; i < e->nuniforms; i++) numc__gpu_buffer_destroy(e->g, e->uniforms[i]);
  for (int i = 0; i < e->ntemps; i++) numc__gpu_pool_put(e->g, e->temps[i]);
  return s == NUMC_OK ? numc__gpu_check(e->g) : s;
}

/* A temporary storage block of `bytes` bytes (at least one word), bound whole. */
static numc_status temp_block(encoder *e, uint64_t bytes, WGPUBindGroupEntry *bind) {
  bytes = bytes < 4 ? 4 : (bytes + 3) / 4 * 4;
  if (bytes > e->limit)
    return numc__fail(NUMC_EUNAVAIL, "GPU reduce: %llu bytes of partial results exceed the binding limit",
                      (unsigned long long)bytes);
  numc__gpu_block b;
  NUMC__TRY(numc__gpu_pool_get(e->g, bytes, &b));
  e->temps[e->ntemps++] = b;
  *bind = binding(0, b.buffer, 0, bytes);
  return NUMC_OK;
}

/* Workgroups laid out as rows of gridx (maxComputeWorkgroupsPerDimension at most). */
static numc_status grid(const encoder *e, uint64_t workgroups, uint32_t *gx, uint32_t *gy) {
  uint64_t maxg = e->g->limits.maxComputeWorkgroupsPerDimension;
  uint64_t x = workgroups < maxg ? workgroups : maxg, y = (workgroups + x - 1) / x;
  if (y > maxg) return numc__fail(NUMC_EUNAVAIL, "GPU reduce: too many workgroups for one dispatch");
  *gx = (uint32_t)x;
  *gy = (uint32_t)y;
  return NUMC_OK;
}

/* Encode one dispatch of kernel `name` [spec]; the last entry is the uniform `data`. */
static numc_status dispatch(encoder *e, const char *name, const char *spec, WGPUBindGroupEntry *entries, int n,
                            const void *data, size_t psize, uint32_t gx, uint32_t gy) {
  numc__gpu *g = e->g;
  const numc__wgpu_procs *w = g->wgpu;
  const numc__gpu_kernel *kern;
  NUMC__TRY(numc__gpu_pipeline(g, name, spec, &kern));
  WGPUBuffer uniform = numc__gpu_buffer_create(g, WGPUBufferUsage_Uniform | WGPUBufferUsage_CopyDst, psize);
  if (!uniform) return numc__fail(NUMC_ENOMEM, "GPU: no uniform buffer");
  e->uniforms[e->nuniforms++] = uniform;
  w->QueueWriteBuffer(g->queue, uniform, 0, data, psize);
  entries[n - 1] = binding((uint32_t)n - 1, uniform, 0, psize);
  WGPUBindGroupDescriptor desc = {.layout = kern->layout, .entryCount = (size_t)n, .entries = entries};
  WGPUBindGroup group = w->DeviceCreateBindGroup(g->device, &desc);
  w->ComputePassEncoderSetPipeline(e->pass, kern->pipeline);
  w->ComputePassEncoderSetBindGroup(e->pass, 0, group, 0, NULL);
  w->ComputePassEncoderDispatchWorkgroups(e->pass, gx, gy, 1);
  w->BindGroupRelease(group);
  return NUMC_OK;
}

/* Encode the passes that reduce `in` (elements of `dtype`, 0 float32 / 1 int32 / 2 bool,
 * bound at src) with reduce.wgsl's op `kop` to one partial result per output, into a
 * temporary block bound at *result. aux: the per-output sums whose means ssd subtracts. */
static numc_status reduce_passes(encoder *e, int kop, int dtype, layout in, WGPUBindGroupEntry src,
                                 WGPUBindGroupEntry aux, WGPUBindGroupEntry *result) {
  bool partials = false;
  for (;;) {
    bool tree = in.count > SHORT;
    uint64_t chunks = tree ? ((uint64_t)in.count + CHUNK - 1) / CHUNK : 1, nparts = (uint64_t)in.nout * chunks;
    WGPUBindGroupEntry dst;
    uint32_t gx = 0, gy = 0;
    NUMC__TRY(temp_block(e, nparts * 8, &dst));
    NUMC__TRY(grid(e, tree ? nparts : (nparts + WG - 1) / WG, &gx, &gy));
    params q = {.nout = (uint32_t)in.nout, .count = (uint32_t)in.count, .chunks = (uint32_t)chunks, .gridx = gx,
                .offset = (uint32_t)in.offset, .nk = (uint32_t)in.nk, .nr = (uint32_t)in.nr,
                .mean_div = (float)in.count};
    for (int d = 0; d < in.nk; d++) {
      q.kshape[d] = (uint32_t)in.kshape[d];
      q.kstride[d] = (uint32_t)in.kstride[d]; /* negative strides wrap, as the kernel expects */
    }
    for (int d = 0; d < in.nr; d++) {
      q.rshape[d] = (uint32_t)in.rshape[d];
      q.rstride[d] = (uint32_t)in.rstride[d];
    }
    /* Partial sums of squared deviations add up like any sums. */
    int op = partials && kop == K_SSD ? K_SUM : kop;
    char spec[64];
    snprintf(spec, sizeof spec, "OP=%d,DTYPE=%d,PARTIALS=%d,TREE=%d", op, dtype, partials, tree);
    WGPUBindGroupEntry entries[4] = {src, aux, dst};
    entries[0].binding = 0;
    entries[1].binding = 1;
    entries[2].binding = 2;
    NUMC__TRY(dispatch(e, "reduce", spec, entries, 4, &q, sizeof q, gx, gy));
    if (!tree) {
      *result = dst;
      return NUMC_OK;
    }
    /* The partials: output o's are chunks consecutive vec2s. */
    in = (layout){.nk = 1, .nr = 1, .kshape = {in.nout}, .kstride = {(int64_t)chunks}, .rshape = {(int64_t)chunks},
                  .rstride = {1}, .nout = in.nout, .count = (int64_t)chunks};
    src = dst;
    partials = true;
  }
}

/* Write the partials (one per output) into the result array c. */
static numc_status store(encoder *e, numc__reduce_op op, int64_t count, int64_t ddof, WGPUBindGroupEntry parts,
                         numc_array *c) {
  int out = op_table[op].index ? OUT_INDEX : c->dtype == NUMC_BOOL ? OUT_BOOL : OUT_VALUE;
  uint64_t words = (c->buf->nbytes + 3) / 4;
  uint32_t gx = 0, gy = 0;
  NUMC__TRY(grid(e, (words + WG - 1) / WG, &gx, &gy));
  store_params q = {.nout = (uint32_t)numc__size(c->ndim, c->shape), .words = (uint32_t)words, .gridx = gx,
                    .divisor = (float)(double)(op == NUMC__RED_MEAN ? count : count - ddof)};
  char spec[32];
  snprintf(spec, sizeof spec, "OUT=%d,FINISH=%d", out, op_table[op].finish);
  WGPUBindGroupEntry entries[3] = {parts, binding(1, c->buf->gpu->block.buffer, 0, words * 4)};
  entries[0].binding = 0;
  return dispatch(e, "reduce_store", spec, entries, 3, &q, sizeof q, gx, gy);
}

/* The kernel's layout of operand x (elements) and its binding: the bytes its elements
 * span, from an offset aligned as WebGPU requires. */
static numc_status input(const encoder *e, const numc_array *x, const numc__gpu_operand *d, const bool *mask,
                         layout *l, WGPUBindGroupEntry *bind) {
  l->nk = compress(x, d->strides, mask, false, l->kshape, l->kstride);
  l->nr = compress(x, d->strides, mask, true, l->rshape, l->rstride);
  if (l->nk < 0 || l->nr < 0)
    return numc__fail(NUMC_EUNAVAIL, "GPU reduce: more than %d dims after merging contiguous ones", MAXD);
  int64_t lo = d->offset, hi = d->offset, es = (int64_t)numc_dtype_size(x->dtype);
  for (int i = 0; i < x->ndim; i++) {
    int64_t span = (x->shape[i] - 1) * d->strides[i];
    if (span < 0) lo += span;
    else hi += span;
  }
  uint64_t align = e->g->limits.minStorageBufferOffsetAlignment;
  uint64_t first = (uint64_t)(lo * es) / align * align, end = ((uint64_t)((hi + 1) * es) + 3) / 4 * 4;
  if (end - first > e->limit || (end - first) / (uint64_t)es > UINT32_MAX)
    return numc__fail(NUMC_EUNAVAIL, "GPU reduce: the input spans %llu bytes, more than one binding (%llu)",
                      (unsigned long long)(end - first), (unsigned long long)e->limit);
  l->offset = d->offset - (int64_t)first / es;
  *bind = binding(0, d->buffer, first, end - first);
  return NUMC_OK;
}

static numc_status compute(numc__gpu *g, const numc__reduce_call *c, const numc_array *a, int64_t count,
                           int64_t nout, numc_array *res) {
  numc__gpu_operand d;
  NUMC__TRY(numc__gpu_operand_get(g, a, &d));
  encoder e;
  encoder_begin(&e, g);
  layout in = {.nout = nout, .count = count};
  WGPUBindGroupEntry src, parts, aux;
  int dtype = a->dtype == NUMC_FLOAT32 ? 0 : a->dtype == NUMC_INT32 ? 1 : 2;
  int kop = op_table[c->op].kernel_op;
  numc_status s = count ? input(&e, a, &d, c->reduced, &in, &src) : NUMC_OK;
  if (count == 0) src = binding(0, d.buffer, 0, 4); /* not read, but bound */
  aux = src;
  if (s == NUMC_OK && kop == K_SSD) s = reduce_passes(&e, K_SUM, dtype, in, src, src, &aux);
  if (s == NUMC_OK) s = reduce_passes(&e, kop, dtype, in, src, aux, &parts);
  if (s == NUMC_OK) s = store(&e, c->op, count, c->ddof, parts, res);
  s = encoder_end(&e, s);
  numc__gpu_operand_done(&d);
  return s;
}

/* The result dtype NumPy gives op on input dtype t, if the GPU computes it. */
static bool supported(numc__reduce_op op, numc_dtype t, numc_dtype *result) {
  if (t != NUMC_FLOAT32 && !(op_table[op].ints && (t == NUMC_INT32 || t == NUMC_BOOL))) return false;
  *result = op_table[op].index ? NUMC_INT64 : t;
  return true;
}

static numc_status reduce_locked(const numc__reduce_call *c, numc_array **out) {
  numc__gpu *g;
  NUMC__TRY(numc__gpu_context(&g));
  const numc_array *a = c->a;
  int64_t count = 1, nout = 1;
  for (int d = 0; d < a->ndim; d++) {
    if (c->reduced[d]) count *= a->shape[d];
    else nout *= a->shape[d];
  }
  if (count == 0 && nout > 0 && c->op != NUMC__RED_SUM && c->op != NUMC__RED_PROD)
    return numc__fail(NUMC_EUNAVAIL, "GPU reduce: empty reductions other than sum and prod run on the CPU");
  if (op_table[c->op].kernel_op == K_SSD && count - c->ddof <= 0 && nout > 0)
    return numc__fail(NUMC_EUNAVAIL, "GPU reduce: var/std without degrees of freedom run on the CPU");
  if (count > UINT32_MAX || nout > UINT32_MAX)
    return numc__fail(NUMC_EUNAVAIL, "GPU reduce: more than 2^32 elements per output or outputs");
  bool stay = numc__gpu_resident(a, g);
  numc_array *res = NULL;
  NUMC__TRY(numc__gpu_new_array(g, c->result, c->ndim, c->shape, &res));
  numc_status s = nout ? compute(g, c, a, count, nout, res) : NUMC_OK;
  if (s != NUMC_OK) {
    numc_free(res);
    return s;
  }
  return numc__gpu_finish(res, stay, out);
}

numc_status numc__gpu_reduce(const numc__reduce_call *c, numc_array **out) {
  numc_dtype want;
  if (!supported(c->op, c->a->dtype, &want) || want != c->result)
    return numc__fail(NUMC_EUNAVAIL, "GPU reduce: %s input is computed on the CPU", numc_dtype_name(c->a->dtype));
  numc__gpu_lock();
  numc_status s = reduce_locked(c, out);
  numc__gpu_unlock();
  return s;
}
