/* Elementwise operations on the GPU: the ufuncs, where and clip (core/backend.h).
 *
 * One kernel, kernels/elementwise.wgsl, specialised per (operation, compute dtype,
 * input storage dtypes, result kind). Accepted: compute dtype float32, int32, uint32 or
 * bool with the operations of the table below, inputs stored as any of bool, int8/16/32,
 * uint8/16/32, float32 (converted on the GPU; NumPy's promotion only asks for exact
 * conversions), results of the compute dtype or bool. Everything else declines.
 *
 * Operands: device arrays are read in place through their element offsets and strides
 * (broadcast, transposed, negative strides); host arrays are uploaded once, except those
 * of one element (Python scalars, 0-d arrays), which are converted to the compute dtype
 * here and passed in the uniform parameters. Dimensions that every operand traverses
 * contiguously are merged first, so most kernels see one to three.
 *
 * Large results are split into chunks of the linear output index (multiples of 4, so
 * that bool words are never shared), halving the chunk until every operand's region
 * fits one storage binding.
 *
 * Float32 accuracy against the CPU (which matches NumPy), per operation: arithmetic,
 * comparisons, rounding, fmod-based floor_divide/remainder, maximum & co are exact;
 * divide and reciprocal are WGSL's x / y (2.5 ulp allowed by WGSL, exact on
 * SwiftShader); the rest are written out in the kernel (WGSL's own sin, log, atan, ...
 * are far less accurate) and stay within the tolerances that tests/unit/
 * test_gpu_elementwise.c states with their reasons. sin, cos and tan of |x| > 32768
 * (beyond the kernel's argument reduction) and integer powers with a negative exponent
 * (a NumPy error) make the kernel raise a flag: the call then declines and the CPU
 * computes it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/backend.h"
#include "gpu/gpu.h"
#include "ufunc/ufunc.h"

/* Storage codes of the kernel (IN0..IN2, T). */
enum { K_F32, K_I32, K_U32, K_BOOL, K_I8, K_U8, K_I16, K_U16, K_UNIFORM };

enum { TF = 1 << K_F32, TI = 1 << K_I32, TU = 1 << K_U32, TB = 1 << K_BOOL, TINT = TI | TU, TNUM = TF | TI | TU };

/* The operations offered: the kernel's OP code, the compute dtypes it implements, and
 * whether the kernel may flag a result the CPU must compute instead. */
static const struct ew_op {
  int op;
  unsigned code, types;
  bool flags;
} ops[] = {
    {NUMC__UF_ADD, 0, TNUM | TB, false},          {NUMC__UF_SUBTRACT, 1, TNUM, false},
    {NUMC__UF_MULTIPLY, 2, TNUM | TB, false},     {NUMC__UF_DIVIDE, 3, TF, false},
    {NUMC__UF_FLOOR_DIVIDE, 4, TNUM, false},      {NUMC__UF_REMAINDER, 5, TNUM, false},
    {NUMC__UF_POWER, 6, TNUM, true},       {NUMC__UF_ARCTAN2, 7, TF, false},
    {NUMC__UF_HYPOT, 8, TF, false},               {NUMC__UF_MAXIMUM, 9, TNUM | TB, false},
    {NUMC__UF_MINIMUM, 10, TNUM | TB, false},     {NUMC__UF_FMAX, 11, TNUM | TB, false},
    {NUMC__UF_FMIN, 12, TNUM | TB, false},        {NUMC__UF_EQUAL, 13, TNUM | TB, false},
    {NUMC__UF_NOT_EQUAL, 14, TNUM | TB, false},   {NUMC__UF_LESS, 15, TNUM | TB, false},
    {NUMC__UF_LESS_EQUAL, 16, TNUM | TB, false},  {NUMC__UF_GREATER, 17, TNUM | TB, false},
    {NUMC__UF_GREATER_EQUAL, 18, TNUM | TB, false}, {NUMC__UF_LOGICAL_AND, 19, TB, false},
    {NUMC__UF_LOGICAL_OR, 20, TB, false},         {NUMC__UF_LOGICAL_XOR, 21, TB, false},
    {NUMC__UF_BITWISE_AND, 22, TINT | TB, false}, {NUMC__UF_BITWISE_OR, 23, TINT | TB, false},
    {NUMC__UF_BITWISE_XOR, 24, TINT | TB, false}, {NUMC__UF_LEFT_SHIFT, 25, TINT, false},
    {NUMC__UF_RIGHT_SHIFT, 26, TINT, false},      {NUMC__UF_NEGATIVE, 27, TNUM, false},
    {NUMC__UF_POSITIVE, 28, TNUM, false},         {NUMC__UF_ABSOLUTE, 29, TNUM | TB, false},
    {NUMC__UF_SIGN, 30, TNUM, false},             {NUMC__UF_SQUARE, 31, TNUM, false},
    {NUMC__UF_RECIPROCAL, 32, TNUM, false},       {NUMC__UF_SQRT, 33, TF, false},
    {NUMC__UF_CBRT, 34, TF, false},               {NUMC__UF_EXP, 35, TF, false},
    {NUMC__UF_EXP2, 36, TF, false},               {NUMC__UF_EXPM1, 37, TF, false},
    {NUMC__UF_LOG, 38, TF, false},                {NUMC__UF_LOG2, 39, TF, false},
    {NUMC__UF_LOG10, 40, TF, false},              {NUMC__UF_LOG1P, 41, TF, false},
    {NUMC__UF_SIN, 42, TF, true},          {NUMC__UF_COS, 43, TF, true},
    {NUMC__UF_TAN, 44, TF, true},          {NUMC__UF_ARCSIN, 45, TF, false},
    {NUMC__UF_ARCCOS, 46, TF, false},             {NUMC__UF_ARCTAN, 47, TF, false},
    {NUMC__UF_SINH, 48, TF, false},               {NUMC__UF_COSH, 49, TF, false},
    {NUMC__UF_TANH, 50, TF, false},               {NUMC__UF_ARCSINH, 51, TF, false},
    {NUMC__UF_ARCCOSH, 52, TF, false},            {NUMC__UF_ARCTANH, 53, TF, false},
    {NUMC__UF_DEG2RAD, 54, TF, false},            {NUMC__UF_RAD2DEG, 55, TF, false},
    {NUMC__UF_FLOOR, 56, TF, false},              {NUMC__UF_CEIL, 57, TF, false},
    {NUMC__UF_TRUNC, 58, TF, false},              {NUMC__UF_RINT, 59, TF, false},
    {NUMC__UF_LOGICAL_NOT, 60, TB, false},        {NUMC__UF_BITWISE_NOT, 61, TINT | TB, false},
    {NUMC__UF_ISNAN, 62, TF | TB, false},         {NUMC__UF_ISINF, 63, TF | TB, false},
    {NUMC__UF_ISFINITE, 64, TF | TB, false},      {NUMC__EW_WHERE, 65, TNUM | TB, false},
    {NUMC__EW_CLIP, 66, TNUM | TB, false},
};

static const struct ew_op *find_op(int op) {
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    if (ops[i].op == op) return &ops[i];
  return NULL;
}

/* The kernel's storage code of a dtype, -1 if it cannot read it. */
static int storage_code(numc_dtype t) {
  switch (t) {
  case NUMC_FLOAT32: return K_F32;
  case NUMC_INT32: return K_I32;
  case NUMC_UINT32: return K_U32;
  case NUMC_BOOL: return K_BOOL;
  case NUMC_INT8: return K_I8;
  case NUMC_UINT8: return K_U8;
  case NUMC_INT16: return K_I16;
  case NUMC_UINT16: return K_U16;
  default: return -1;
  }
}

/* True if the table implements `op` computing in `compute`. */
static bool supported(const struct ew_op *o, numc_dtype compute) {
  int code = storage_code(compute);
  return o && code >= 0 && code <= K_BOOL && (o->types & (1u << code));
}

static uint64_t binding_limit_override; /* test hook; guarded by the backend lock */

void numc__gpu_elementwise_set_binding_limit(uint64_t bytes) {
  numc__gpu_lock();
  binding_limit_override = bytes;
  numc__gpu_unlock();
}

/* Same layout as Params in elementwise.wgsl. */
typedef struct params {
  uint32_t n, ndim, out_off, gx, start, pad[3];
  uint32_t off[4], scalar[4];
  uint32_t shape[NUMC_MAXDIMS];
  uint32_t stride[3][NUMC_MAXDIMS];
} params;
_Static_assert(sizeof(params) == 576, "Params layout of elementwise.wgsl");

/* One input as the kernel reads it. */
typedef struct input {
  int code;      /* storage code; K_UNIFORM for a scalar (or an absent input) */
  uint32_t bits; /* K_UNIFORM: the value in the compute dtype */
  numc__gpu_operand dev;
  int64_t size; /* item size */
  int64_t strides[NUMC_MAXDIMS]; /* broadcast to the result, merged, in elements */
} input;

/* The whole call, merged: the result's shape, the inputs, the result buffer. */
typedef struct layout {
  int nd;
  int64_t shape[NUMC_MAXDIMS];
  input in[3];
  WGPUBuffer out;
  int64_t out_size; /* item size of the result */
} layout;

/* Merge dimension d into d - 1 where every input steps through both as one. */
static void merge_dims(layout *l) {
  int nd = 0;
  for (int d = 0; d < l->nd; d++) {
    if (l->shape[d] == 1) continue;
    bool merge = nd > 0;
    for (int k = 0; k < 3 && merge; k++)
      merge = l->in[k].strides[nd - 1] == l->in[k].strides[d] * l->shape[d];
    if (merge) {
      l->shape[nd - 1] *= l->shape[d];
      for (int k = 0; k < 3; k++) l->in[k].strides[nd - 1] = l->in[k].strides[d];
    } else {
      l->shape[nd] = l->shape[d];
      for (int k = 0; k < 3; k++) l->in[k].strides[nd] = l->in[k].strides[d];
      nd++;
    }
  }
  l->nd = nd;
}

/* Lowest and highest element an input reads for outputs [s, e): dimensions above the
 * first one that varies over the range are fixed, those below it conservatively whole. */
static void region(const layout *l, const input *x, int64_t s, int64_t e, int64_t *lo, int64_t *hi) {
  int64_t a[NUMC_MAXDIMS], b[NUMC_MAXDIMS];
  int64_t ra = s, rb = e - 1;
  for (int d = l->nd - 1; d >= 0; d--) {
    a[d] = ra % l->shape[d];
    b[d] = rb % l->shape[d];
    ra /= l->shape[d];
    rb /= l->shape[d];
  }
  *lo = *hi = x->dev.offset;
  bool varied = false;
  for (int d = 0; d < l->nd; d++) {
    int64_t from = a[d], to = b[d];
    if (varied) {
      from = 0;
      to = l->shape[d] - 1;
    }
    varied = varied || a[d] != b[d];
    int64_t p = from * x->strides[d], q = to * x->strides[d];
    *lo += p < q ? p : q;
    *hi += p < q ? q : p;
  }
}

/* The binding for elements [lo, hi] of size `size`, aligned down; false if too large. */
static bool bind(WGPUBuffer buf, int64_t lo, int64_t hi, int64_t size, uint64_t align, uint64_t limit,
                 WGPUBindGroupEntry *e) {
  uint64_t first = (uint64_t)(lo * size) / align * align, end = ((uint64_t)((hi + 1) * size) + 3) / 4 * 4;
  e->buffer = buf;
  e->offset = first;
  e->size = end - first;
  return e->size <= limit;
}

typedef struct kernel_call {
  const numc__gpu_kernel *kern;
  WGPUBuffer placeholder, flag;
  bool out_bool;
} kernel_call;

/* Bindings and Params for outputs [s, e); false if a binding exceeds the limit. */
static bool chunk(numc__gpu *g, const layout *l, const kernel_call *kc, int64_t s, int64_t e, uint64_t limit,
                  WGPUBindGroupEntry *ent, params *q) {
  uint64_t align = g->limits.minStorageBufferOffsetAlignment;
  memset(q, 0, sizeof *q);
  q->n = (uint32_t)(e - s);
  q->ndim = (uint32_t)l->nd;
  q->start = (uint32_t)s;
  for (int d = 0; d < l->nd; d++) q->shape[d] = (uint32_t)l->shape[d];
  for (int k = 0; k < 3; k++) {
    const input *x = &l->in[k];
    ent[k] = (WGPUBindGroupEntry){.binding = (uint32_t)k, .buffer = kc->placeholder, .size = 4};
    if (x->code == K_UNIFORM) {
      q->scalar[k] = x->bits;
      continue;
    }
    int64_t lo, hi;
    region(l, x, s, e, &lo, &hi);
    if (!bind(x->dev.buffer, lo, hi, x->size, align, limit, &ent[k])) return false;
    q->off[k] = (uint32_t)(x->dev.offset - (int64_t)ent[k].offset / x->size);
    for (int d = 0; d < l->nd; d++) q->stride[k][d] = (uint32_t)x->strides[d];
  }
  ent[3] = (WGPUBindGroupEntry){.binding = 3};
  if (!bind(l->out, s, e - 1, l->out_size, align, limit, &ent[3])) return false;
  q->out_off = (uint32_t)(((uint64_t)s * (uint64_t)l->out_size - ent[3].offset) / 4);
  ent[5] = (WGPUBindGroupEntry){.binding = 5, .buffer = kc->flag, .size = 4};
  return true;
}

/* Encode one chunk's dispatch; its uniform buffer goes to *uniform (destroyed by the
 * caller after the submit). */
static numc_status dispatch(numc__gpu *g, WGPUComputePassEncoder pass, const kernel_call *kc,
                            WGPUBindGroupEntry *ent, params *q, WGPUBuffer *uniform) {
  const numc__wgpu_procs *w = g->wgpu;
  uint64_t groups = ((uint64_t)q->n + 4 * 64 - 1) / (4 * 64);
  uint64_t maxg = g->limits.maxComputeWorkgroupsPerDimension;
  uint64_t gx = groups < maxg ? groups : maxg, gy = (groups + gx - 1) / gx;
  q->gx = (uint32_t)gx;
  *uniform = numc__gpu_buffer_create(g, WGPUBufferUsage_Uniform | WGPUBufferUsage_CopyDst, sizeof *q);
  if (!*uniform) return numc__fail(NUMC_ENOMEM, "GPU: no uniform buffer");
  w->QueueWriteBuffer(g->queue, *uniform, 0, q, sizeof *q);
  ent[4] = (WGPUBindGroupEntry){.binding = 4, .buffer = *uniform, .size = sizeof *q};
  WGPUBindGroupDescriptor desc = {.layout = kc->kern->layout, .entryCount = 6, .entries = ent};
  WGPUBindGroup group = w->DeviceCreateBindGroup(g->device, &desc);
  w->ComputePassEncoderSetBindGroup(pass, 0, group, 0, NULL);
  w->ComputePassEncoderDispatchWorkgroups(pass, (uint32_t)gx, (uint32_t)gy, 1);
  w->BindGroupRelease(group);
  return NUMC_OK;
}

/* Every chunk in one compute pass and one submit. */
static numc_status run(numc__gpu *g, const layout *l, const kernel_call *kc, int64_t n) {
  const numc__wgpu_procs *w = g->wgpu;
  uint64_t limit = binding_limit_override ? binding_limit_override : g->limits.maxStorageBufferBindingSize;
  int64_t len = (n + 3) / 4 * 4;
  size_t cap = 16, nuniforms = 0;
  WGPUBuffer *uniforms = malloc(cap * sizeof *uniforms);
  if (!uniforms) return numc__oom();
  WGPUCommandEncoder enc = w->DeviceCreateCommandEncoder(g->device, NULL);
  WGPUComputePassEncoder pass = w->CommandEncoderBeginComputePass(enc, NULL);
  w->ComputePassEncoderSetPipeline(pass, kc->kern->pipeline);
  numc_status s = NUMC_OK;
  for (int64_t s0 = 0; s0 < n && s == NUMC_OK;) {
    WGPUBindGroupEntry ent[6];
    params q;
    int64_t e = s0 + len < n ? s0 + len : n;
    if (!chunk(g, l, kc, s0, e, limit, ent, &q)) {
      if (len == 4) {
        s = numc__fail(NUMC_EUNAVAIL, "GPU elementwise: an operand does not fit the binding limit (%llu bytes) even split",
                       (unsigned long long)limit);
      } else {
        len = (len / 2 + 3) / 4 * 4;
      }
      continue;
    }
    if (nuniforms == cap) {
      WGPUBuffer *more = realloc(uniforms, 2 * cap * sizeof *uniforms);
      if (!more) {
        s = numc__oom();
        break;
      }
      uniforms = more;
      cap *= 2;
    }
    s = dispatch(g, pass, kc, ent, &q, &uniforms[nuniforms]);
    if (s == NUMC_OK) nuniforms++;
    s0 = e;
  }
  w->ComputePassEncoderEnd(pass);
  w->ComputePassEncoderRelease(pass);
  WGPUCommandBuffer cmd = w->CommandEncoderFinish(enc, NULL);
  if (s == NUMC_OK) w->QueueSubmit(g->queue, 1, &cmd);
  w->CommandBufferRelease(cmd);
  w->CommandEncoderRelease(enc);
  for (size_t i = 0; i < nuniforms; i++) numc__gpu_buffer_destroy(g, uniforms[i]);
  free(uniforms);
  return s == NUMC_OK ? numc__gpu_check(g) : s;
}

/* Input k as the kernel reads it: a scalar converted here, or a device operand. */
static numc_status prepare_input(numc__gpu *g, const numc__elementwise_call *c, int k, numc_dtype to,
                                 const layout *l, input *x) {
  const numc_array *a = c->in[k];
  memset(x, 0, sizeof *x);
  x->code = K_UNIFORM;
  if (!numc__gpu_resident(a, g) && numc_size(a) == 1) {
    const char *src = numc__host_data(a);
    if (!src) return numc__gpu_refail(NUMC_EDEVICE, "GPU elementwise");
    char value[16] = {0};
    numc__cast_loop(a->dtype, to)(src, 0, value, 0, 1);
    memcpy(&x->bits, value, 4);
    if (to == NUMC_BOOL) x->bits = value[0] != 0;
    return NUMC_OK;
  }
  int code = storage_code(a->dtype);
  bool exact = code >= 0 && (to == NUMC_BOOL || to == NUMC_FLOAT32 || code != K_F32);
  if (!exact)
    return numc__fail(NUMC_EUNAVAIL, "GPU elementwise: cannot read %s as %s", numc_dtype_name(a->dtype),
                      numc_dtype_name(to));
  NUMC__TRY(numc__gpu_operand_get(g, a, &x->dev));
  x->code = code;
  x->size = (int64_t)numc_dtype_size(a->dtype);
  for (int i = 0; i < l->nd; i++) {
    int j = i - (l->nd - a->ndim);
    x->strides[i] = j >= 0 && a->shape[j] != 1 ? x->dev.strides[j] : 0;
  }
  return NUMC_OK;
}

/* A small pool block holding one zero word (the flag, or a placeholder binding). */
static numc_status zero_block(numc__gpu *g, numc__gpu_block *b) {
  NUMC__TRY(numc__gpu_pool_get(g, 4, b));
  uint32_t zero = 0;
  numc_status s = numc__gpu_upload(g, b->buffer, 0, &zero, 4);
  if (s != NUMC_OK) {
    numc__gpu_pool_put(g, *b);
    b->buffer = NULL;
  }
  return s;
}

static numc_status compute(numc__gpu *g, const numc__elementwise_call *c, const struct ew_op *o, numc_array *res) {
  layout l = {.nd = c->ndim, .out = res->buf->gpu->block.buffer, .out_size = (int64_t)numc_dtype_size(c->result)};
  memcpy(l.shape, c->shape, sizeof(int64_t) * (size_t)c->ndim);
  numc_status s = NUMC_OK;
  for (int k = 0; k < 3; k++) l.in[k].code = K_UNIFORM;
  for (int k = 0; k < c->nin && s == NUMC_OK; k++)
    s = prepare_input(g, c, k, c->op == NUMC__EW_WHERE && k == 0 ? NUMC_BOOL : c->compute, &l, &l.in[k]);
  numc__gpu_block flag = {0}, placeholder = {0};
  kernel_call kc = {.out_bool = c->result == NUMC_BOOL};
  if (s == NUMC_OK) s = zero_block(g, &flag);
  if (s == NUMC_OK) s = zero_block(g, &placeholder);
  if (s == NUMC_OK) {
    char spec[96];
    snprintf(spec, sizeof spec, "OP=%u,T=%d,IN0=%d,IN1=%d,IN2=%d,OUT_BOOL=%d", o->code, storage_code(c->compute),
             l.in[0].code, l.in[1].code, l.in[2].code, kc.out_bool);
    s = numc__gpu_pipeline(g, "elementwise", spec, &kc.kern);
  }
  if (s == NUMC_OK) {
    merge_dims(&l);
    kc.flag = flag.buffer;
    kc.placeholder = placeholder.buffer;
    s = run(g, &l, &kc, numc_size(res));
  }
  if (s == NUMC_OK && o->flags) {
    uint32_t raised = 0;
    s = numc__gpu_download(g, flag.buffer, 0, &raised, 4);
    if (s == NUMC_OK && raised)
      s = numc__fail(NUMC_EUNAVAIL, "GPU elementwise: an input is outside what the kernel computes exactly");
  }
  for (int k = 0; k < c->nin; k++) numc__gpu_operand_done(&l.in[k].dev);
  if (flag.buffer) numc__gpu_pool_put(g, flag);
  if (placeholder.buffer) numc__gpu_pool_put(g, placeholder);
  return s;
}

static numc_status elementwise_locked(const numc__elementwise_call *c, numc_array **out) {
  numc__gpu *g;
  NUMC__TRY(numc__gpu_context(&g));
  const struct ew_op *o = find_op(c->op);
  bool stay = false;
  for (int k = 0; k < c->nin; k++) stay = stay || numc__gpu_resident(c->in[k], g);
  numc_array *res = NULL;
  NUMC__TRY(numc__gpu_new_array(g, c->result, c->ndim, c->shape, &res));
  numc_status s = numc_size(res) ? compute(g, c, o, res) : NUMC_OK;
  if (s != NUMC_OK) {
    numc_free(res);
    return s;
  }
  return numc__gpu_finish(res, stay, out);
}

numc_status numc__gpu_elementwise(const numc__elementwise_call *c, numc_array **out) {
  const char *name = c->op < NUMC__NUFUNCS ? numc__ufunc_name((numc__ufunc_id)c->op)
                     : c->op == NUMC__EW_WHERE ? "where" : "clip";
  if (!supported(find_op(c->op), c->compute))
    return numc__fail(NUMC_EUNAVAIL, "GPU %s: not implemented for %s", name, numc_dtype_name(c->compute));
  if (c->result != c->compute && c->result != NUMC_BOOL)
    return numc__fail(NUMC_EUNAVAIL, "GPU %s: no %s result from %s", name, numc_dtype_name(c->result),
                      numc_dtype_name(c->compute));
  if (find_op(c->op)->flags && numc__gpu_nonblocking())
    return numc__fail(NUMC_EUNAVAIL, "GPU %s: its range check reads a flag back, which cannot wait inside a call here",
                      name);
  if (numc__size(c->ndim, c->shape) > (int64_t)UINT32_MAX - 4)
    return numc__fail(NUMC_EUNAVAIL, "GPU %s: more than 2^32 elements", name);
  numc__gpu_lock();
  numc_status s = elementwise_locked(c, out);
  numc__gpu_unlock();
  return s;
}
