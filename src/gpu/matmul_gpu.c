/* float32 matmul on the GPU: numpy.matmul semantics for what it accepts.
 *
 * Accepted: float32 operands of ndim >= 1 (1-D operands promoted as NumPy does and the
 * added axis removed), stacks whose leading dimensions broadcast, any strides of device
 * arrays (transposed and sliced views are read in place), any M, N, K including 0.
 * Everything else (other dtypes, out=, shapes NumPy rejects) returns NUMC_EUNAVAIL so
 * that the caller runs the CPU matmul, which also produces NumPy's error messages.
 *
 * Host inputs are uploaded C-contiguous and the result comes back to the host; if
 * either input lives on the GPU, the result stays there (a device array).
 *
 * Operands larger than one storage binding (maxStorageBufferBindingSize) are split:
 * the stack into groups of matrices, then rows of A / C, columns of B / C, or K (later
 * K blocks accumulate into C), always halving the dimension that spans the most memory
 * of an operand that does not fit, until every binding fits.
 *
 * The kernel is chosen by numc__gpu_matmul_kernel (matmul_kernels.c) from the shape, and
 * how it may read each operand (numc__gpu_matmul_vec_mode) from the layout of every block.
 *
 * Timing (benchmarks, tests): while numc__gpu_matmul_time_kernels is on, the compute pass
 * of each call is timed with timestamp queries (pass_timer.c) and the call waits for the
 * GPU; otherwise nothing is added to a call. */
#include <stdlib.h>

#include "gpu/gpu.h"

/* Test and benchmark hooks; guarded by the backend lock. */
static uint64_t binding_limit_override;
static bool time_kernels;
static int64_t last_kernel_ns = -1;
static const char *last_kernel_name;

void numc__gpu_matmul_time_kernels(bool on) {
  numc__gpu_lock();
  time_kernels = on;
  numc__gpu_unlock();
}

int64_t numc__gpu_matmul_last_kernel_ns(void) {
  numc__gpu_lock();
  int64_t ns = last_kernel_ns;
  numc__gpu_unlock();
  return ns;
}

const char *numc__gpu_matmul_last_kernel(void) {
  numc__gpu_lock();
  const char *name = last_kernel_name;
  numc__gpu_unlock();
  return name;
}

void numc__gpu_matmul_set_binding_limit(uint64_t bytes) {
  numc__gpu_lock();
  binding_limit_override = bytes;
  numc__gpu_unlock();
}

/* One operand as the kernel sees it: element offset and strides, in floats, from the
 * start of its WebGPU buffer. */
typedef struct operand {
  WGPUBuffer buffer;
  int64_t off, bs, rs, cs;
} operand;

/* Params of kernels/matmul_f32_128x128.wgsl; matmul_f32.wgsl declares the same fields
 * but a_vec and b_vec, which it does not read (a uniform binding may be larger than the
 * struct a kernel declares). */
typedef struct params {
  uint32_t m, n, k, accumulate;
  int32_t a[4], b[4], c[4]; /* off, bs, rs, cs */
  uint32_t a_vec, b_vec;    /* numc__gpu_matmul_vec_mode */
  uint32_t unused[2];       /* uniform structs are padded to 16 bytes */
} params;

/* Lowest and highest element a (z, m, n)-extent region at `start` touches. */
static void region(int64_t start, int64_t z, int64_t m, int64_t n, int64_t bs, int64_t rs, int64_t cs,
                   int64_t *lo, int64_t *hi) {
  int64_t d[3] = {(z - 1) * bs, (m - 1) * rs, (n - 1) * cs};
  *lo = *hi = start;
  for (int i = 0; i < 3; i++) {
    if (d[i] < 0) *lo += d[i];
    else *hi += d[i];
  }
}

static bool fits(int64_t z, int64_t m, int64_t n, int64_t bs, int64_t rs, int64_t cs, uint64_t limit,
                 uint64_t align) {
  int64_t lo, hi;
  region(0, z, m, n, bs, rs, cs, &lo, &hi);
  /* + align: the binding starts aligned down; + 12: its size is rounded up (bind). */
  return (uint64_t)(hi - lo + 1) * 4 + align + 12 <= limit;
}

/* The binding for a region and the kernel's offset within it. Its size is a whole number
 * of 16-byte words, for kernels that read operands as vec4 (pool.c makes every buffer a
 * multiple of 16 bytes, and binding offsets are multiples of 16, so it stays inside the
 * buffer). */
static bool bind(const operand *x, int64_t start, int64_t z, int64_t m, int64_t n, int64_t bs, int64_t rs,
                 int64_t cs, uint64_t align, WGPUBindGroupEntry *e, int32_t *koff) {
  int64_t lo, hi;
  region(start, z, m, n, bs, rs, cs, &lo, &hi);
  uint64_t first = (uint64_t)lo * 4 / align * align;
  e->buffer = x->buffer;
  e->offset = first;
  e->size = ((uint64_t)(hi + 1) * 4 + 15) / 16 * 16 - first;
  int64_t o = start - (int64_t)(first / 4);
  *koff = (int32_t)o;
  return o == *koff;
}

static bool to_i32(int64_t v, int32_t *out) {
  *out = (int32_t)v;
  return v == *out;
}

typedef struct plan {
  int64_t m, n, k, z;    /* per dispatch group: z matrices of the innermost batch dim */
  int64_t zc, mb, nb, kb; /* block extents */
  uint64_t align;
  const numc__gpu_matmul_variant *kern;
} plan;

/* Halve whichever of two extents spans more memory (e1 with stride s1, e2 with s2);
 * false if both are 1. */
static bool halve_larger(int64_t *e1, int64_t s1, int64_t *e2, int64_t s2) {
  int64_t span1 = (*e1 - 1) * (s1 < 0 ? -s1 : s1), span2 = (*e2 - 1) * (s2 < 0 ? -s2 : s2);
  int64_t *e = (*e1 > 1 && (span1 >= span2 || *e2 == 1)) ? e1 : e2;
  if (*e == 1) return false;
  *e = (*e + 1) / 2;
  return true;
}

static numc_status choose_blocks(numc__gpu *g, plan *p, const operand *a, const operand *b, const operand *c) {
  uint64_t limit = binding_limit_override ? binding_limit_override : g->limits.maxStorageBufferBindingSize;
  int64_t maxg = g->limits.maxComputeWorkgroupsPerDimension;
  const numc__gpu_matmul_variant *kern = p->kern;
  /* At least 16 bytes: vec4 bindings start on a whole word (bind). */
  p->align = g->limits.minStorageBufferOffsetAlignment > 16 ? g->limits.minStorageBufferOffsetAlignment : 16;
  p->zc = p->z < maxg ? p->z : maxg;
  p->mb = p->m < maxg * kern->tile_m ? p->m : maxg * kern->tile_m;
  p->nb = p->n < maxg * kern->tile_n ? p->n : maxg * kern->tile_n;
  p->kb = p->k;
  for (;;) {
    bool fa = fits(p->zc, p->mb, p->kb, a->bs, a->rs, a->cs, limit, p->align);
    bool fb = fits(p->zc, p->kb, p->nb, b->bs, b->rs, b->cs, limit, p->align);
    bool fc = fits(p->zc, p->mb, p->nb, c->bs, c->rs, c->cs, limit, p->align);
    if (fa && fb && fc) return NUMC_OK;
    bool progress = false;
    if (p->zc > 1) {
      p->zc = (p->zc + 1) / 2;
      progress = true;
    } else if (!fa) {
      progress = halve_larger(&p->mb, a->rs, &p->kb, a->cs);
    } else if (!fb) {
      progress = halve_larger(&p->kb, b->rs, &p->nb, b->cs);
    } else {
      progress = halve_larger(&p->mb, c->rs, &p->nb, c->cs);
    }
    if (!progress)
      return numc__fail(NUMC_EUNAVAIL, "GPU matmul: an operand does not fit the binding limit (%llu bytes) even split",
                        (unsigned long long)limit);
  }
}

/* Encode one block's dispatch. */
static numc_status dispatch(numc__gpu *g, WGPUComputePassEncoder pass, const numc__gpu_kernel *kern,
                            const plan *p, const operand *a, const operand *b, const operand *c, int64_t z0,
                            int64_t zc, int64_t r0, int64_t mb, int64_t c0, int64_t nb, int64_t k0, int64_t kb,
                            WGPUBuffer *uniform_out) {
  const numc__wgpu_procs *w = g->wgpu;
  const numc__gpu_matmul_variant *mk = p->kern;
  WGPUBindGroupEntry e[4] = {{.binding = 0}, {.binding = 1}, {.binding = 2}, {.binding = 3}};
  params q = {.m = (uint32_t)mb, .n = (uint32_t)nb, .k = (uint32_t)kb, .accumulate = k0 > 0};
  /* A stride over an extent of 1 is never used: pass 0 so that a huge one fits i32. */
  int64_t abs_ = zc > 1 ? a->bs : 0, bbs = zc > 1 ? b->bs : 0, cbs = zc > 1 ? c->bs : 0;
  bool ok = bind(a, a->off + z0 * a->bs + r0 * a->rs + k0 * a->cs, zc, mb, kb, abs_, a->rs, a->cs, p->align, &e[0],
                 &q.a[0]) &&
            bind(b, b->off + z0 * b->bs + k0 * b->rs + c0 * b->cs, zc, kb, nb, bbs, b->rs, b->cs, p->align, &e[1],
                 &q.b[0]) &&
            bind(c, c->off + z0 * c->bs + r0 * c->rs + c0 * c->cs, zc, mb, nb, cbs, c->rs, c->cs, p->align, &e[2],
                 &q.c[0]) &&
            to_i32(abs_, &q.a[1]) && to_i32(a->rs, &q.a[2]) && to_i32(a->cs, &q.a[3]) && to_i32(bbs, &q.b[1]) &&
            to_i32(b->rs, &q.b[2]) && to_i32(b->cs, &q.b[3]) && to_i32(cbs, &q.c[1]) && to_i32(c->rs, &q.c[2]) &&
            to_i32(c->cs, &q.c[3]);
  if (!ok) return numc__fail(NUMC_EUNAVAIL, "GPU matmul: strides too large for 32-bit indexing");
  if (mk->vec4_operands) {
    q.a_vec = numc__gpu_matmul_vec_mode(q.a[0], abs_, a->rs, a->cs);
    q.b_vec = numc__gpu_matmul_vec_mode(q.b[0], bbs, b->cs, b->rs);
  }
  WGPUBuffer uniform = numc__gpu_buffer_create(g, WGPUBufferUsage_Uniform | WGPUBufferUsage_CopyDst, sizeof q);
  if (!uniform) return numc__fail(NUMC_ENOMEM, "GPU: no uniform buffer");
  w->QueueWriteBuffer(g->queue, uniform, 0, &q, sizeof q);
  e[3].buffer = uniform;
  e[3].size = sizeof q;
  WGPUBindGroupDescriptor desc = {.layout = kern->layout, .entryCount = 4, .entries = e};
  WGPUBindGroup group = w->DeviceCreateBindGroup(g->device, &desc);
  w->ComputePassEncoderSetBindGroup(pass, 0, group, 0, NULL);
  w->ComputePassEncoderDispatchWorkgroups(pass, (uint32_t)((nb + mk->tile_n - 1) / mk->tile_n),
                                          (uint32_t)((mb + mk->tile_m - 1) / mk->tile_m), (uint32_t)zc);
  w->BindGroupRelease(group);
  *uniform_out = uniform; /* destroyed by the caller once submitted */
  return NUMC_OK;
}

/* Batch layout: the output's batch shape and each operand's batch strides, in floats. */
typedef struct batch {
  int nd;
  int64_t shape[NUMC_MAXDIMS];
  int64_t sa[NUMC_MAXDIMS], sb[NUMC_MAXDIMS], sc[NUMC_MAXDIMS];
} batch;

static numc_status run(numc__gpu *g, const batch *bt, plan *p, operand a, operand b, operand c) {
  const numc__wgpu_procs *w = g->wgpu;
  /* The innermost batch dimension is the dispatch's z; outer ones are looped here. */
  int outer_nd = bt->nd > 0 ? bt->nd - 1 : 0;
  int64_t nouter = numc__size(outer_nd, bt->shape);
  p->kern = numc__gpu_matmul_kernel(p->m, p->n, p->k, nouter * p->z);
  last_kernel_name = p->kern->name;
  const numc__gpu_kernel *kern;
  NUMC__TRY(numc__gpu_pipeline(g, p->kern->name, p->kern->spec, &kern));
  a.bs = bt->nd ? bt->sa[bt->nd - 1] : 0;
  b.bs = bt->nd ? bt->sb[bt->nd - 1] : 0;
  c.bs = bt->nd ? bt->sc[bt->nd - 1] : 0;
  NUMC__TRY(choose_blocks(g, p, &a, &b, &c));
  numc__gpu_pass_timer timer = {0};
  bool timed = time_kernels && g->has_timestamps;
  if (timed) NUMC__TRY(numc__gpu_pass_timer_create(g, &timer));
  WGPUCommandEncoder enc = w->DeviceCreateCommandEncoder(g->device, NULL);
  WGPUComputePassDescriptor pass_desc = {.timestampWrites = timed ? &timer.writes : NULL};
  WGPUComputePassEncoder pass = w->CommandEncoderBeginComputePass(enc, &pass_desc);
  w->ComputePassEncoderSetPipeline(pass, kern->pipeline);
  /* One uniform buffer per dispatch, destroyed after the submit (WebGPU then frees it
   * once the GPU is done with it). */
  int64_t ndispatch = nouter * ((p->z + p->zc - 1) / p->zc) * ((p->m + p->mb - 1) / p->mb) *
                      ((p->n + p->nb - 1) / p->nb) * ((p->k + p->kb - 1) / p->kb);
  WGPUBuffer *uniforms = calloc((size_t)ndispatch, sizeof *uniforms);
  int64_t nuniforms = 0;
  numc_status s = uniforms ? NUMC_OK : numc__oom();
  for (int64_t o = 0; o < nouter && s == NUMC_OK; o++) {
    operand ao = a, bo = b, co = c;
    for (int64_t d = outer_nd - 1, rest = o; d >= 0; d--) {
      int64_t i = rest % bt->shape[d];
      rest /= bt->shape[d];
      ao.off += i * bt->sa[d];
      bo.off += i * bt->sb[d];
      co.off += i * bt->sc[d];
    }
    for (int64_t z0 = 0; z0 < p->z && s == NUMC_OK; z0 += p->zc)
      for (int64_t r0 = 0; r0 < p->m && s == NUMC_OK; r0 += p->mb)
        for (int64_t c0 = 0; c0 < p->n && s == NUMC_OK; c0 += p->nb)
          for (int64_t k0 = 0; k0 < p->k && s == NUMC_OK; k0 += p->kb) {
            int64_t zc = p->z - z0 < p->zc ? p->z - z0 : p->zc;
            int64_t mb = p->m - r0 < p->mb ? p->m - r0 : p->mb;
            int64_t nb = p->n - c0 < p->nb ? p->n - c0 : p->nb;
            int64_t kb = p->k - k0 < p->kb ? p->k - k0 : p->kb;
            s = dispatch(g, pass, kern, p, &ao, &bo, &co, z0, zc, r0, mb, c0, nb, k0, kb, &uniforms[nuniforms]);
            if (s == NUMC_OK) nuniforms++;
          }
  }
  w->ComputePassEncoderEnd(pass);
  w->ComputePassEncoderRelease(pass);
  if (timed) numc__gpu_pass_timer_resolve(g, &timer, enc);
  WGPUCommandBuffer cmd = w->CommandEncoderFinish(enc, NULL);
  if (s == NUMC_OK) w->QueueSubmit(g->queue, 1, &cmd);
  w->CommandBufferRelease(cmd);
  w->CommandEncoderRelease(enc);
  for (int64_t i = 0; i < nuniforms; i++) numc__gpu_buffer_destroy(g, uniforms[i]);
  free(uniforms);
  if (timed) {
    if (s == NUMC_OK) s = numc__gpu_pass_timer_read(g, &timer, &last_kernel_ns);
    numc__gpu_pass_timer_destroy(g, &timer);
  }
  if (s != NUMC_OK) return s;
  return numc__gpu_check(g);
}

/* The kernel's view of an operand: strides in floats must fit its 32-bit parameters. */
static numc_status device_operand(numc__gpu *g, const numc_array *x, numc__gpu_operand *d, operand *op) {
  NUMC__TRY(numc__gpu_operand_get(g, x, d));
  op->buffer = d->buffer;
  op->off = d->offset;
  return NUMC_OK;
}

/* NumPy's shapes for matmul, or NUMC_EUNAVAIL to let the CPU report the error. */
static numc_status shapes(const numc_array *a, const numc_array *b, batch *bt, plan *p, int *out_nd,
                          int64_t *out_shape) {
  if (a->ndim < 1 || b->ndim < 1) return numc__fail(NUMC_EUNAVAIL, "GPU matmul: 0-d operand");
  int64_t ka = a->shape[a->ndim - 1], kb = b->ndim > 1 ? b->shape[b->ndim - 2] : b->shape[0];
  if (ka != kb) return numc__fail(NUMC_EUNAVAIL, "GPU matmul: core dimensions differ");
  p->m = a->ndim > 1 ? a->shape[a->ndim - 2] : 1;
  p->n = b->ndim > 1 ? b->shape[b->ndim - 1] : 1;
  p->k = ka;
  int nda = a->ndim > 2 ? a->ndim - 2 : 0, ndb = b->ndim > 2 ? b->ndim - 2 : 0;
  int nds[2] = {nda, ndb};
  const int64_t *shp[2] = {a->shape, b->shape};
  if (numc__broadcast_shapes(2, nds, shp, &bt->nd, bt->shape) != NUMC_OK)
    return numc__fail(NUMC_EUNAVAIL, "GPU matmul: stacks do not broadcast");
  *out_nd = 0;
  for (int i = 0; i < bt->nd; i++) out_shape[(*out_nd)++] = bt->shape[i];
  if (a->ndim > 1) out_shape[(*out_nd)++] = p->m;
  if (b->ndim > 1) out_shape[(*out_nd)++] = p->n;
  p->z = bt->nd ? bt->shape[bt->nd - 1] : 1;
  return NUMC_OK;
}

/* Batch strides of an operand with `nd` leading dims (floats in st), broadcast to bt. */
static void batch_strides(const batch *bt, int nd, const int64_t *shape, const int64_t *st, int64_t *out) {
  for (int i = 0; i < bt->nd; i++) {
    int j = i - (bt->nd - nd);
    out[i] = (j >= 0 && shape[j] != 1) ? st[j] : 0;
  }
}

static numc_status matmul_locked(const numc_array *a, const numc_array *b, numc_array **out) {
  last_kernel_ns = -1;
  last_kernel_name = NULL;
  numc__gpu *g;
  NUMC__TRY(numc__gpu_context(&g));
  batch bt;
  plan p;
  int out_nd = 0;
  int64_t out_shape[NUMC_MAXDIMS];
  NUMC__TRY(shapes(a, b, &bt, &p, &out_nd, out_shape));
  bool stay = numc__gpu_resident(a, g) || numc__gpu_resident(b, g);
  numc_array *c = NULL;
  operand oa = {0}, ob = {0}, oc = {0};
  numc__gpu_operand da = {0}, db = {0};
  const int64_t *sa = da.strides, *sb = db.strides;
  numc_status s = numc__gpu_new_array(g, NUMC_FLOAT32, out_nd, out_shape, &c);
  bool empty = p.m == 0 || p.n == 0 || numc__size(bt.nd, bt.shape) == 0;
  if (s == NUMC_OK && !empty && p.k == 0) { /* sums of nothing: zeros */
    void *zeros = calloc(1, c->buf->nbytes);
    s = zeros ? numc__gpu_upload(g, c->buf->gpu->block.buffer, 0, zeros, c->buf->nbytes) : numc__oom();
    free(zeros);
  } else if (s == NUMC_OK && !empty) {
    s = device_operand(g, a, &da, &oa);
    if (s == NUMC_OK) s = device_operand(g, b, &db, &ob);
    if (s == NUMC_OK) {
      /* Core strides; a 1-D operand is a row (A) or a column (B) with stride 0 across it. */
      oa.rs = a->ndim > 1 ? sa[a->ndim - 2] : 0;
      oa.cs = sa[a->ndim - 1];
      ob.rs = b->ndim > 1 ? sb[b->ndim - 2] : sb[0];
      ob.cs = b->ndim > 1 ? sb[b->ndim - 1] : 0;
      oc.buffer = c->buf->gpu->block.buffer;
      oc.rs = p.n;
      oc.cs = 1;
      int nda = a->ndim > 2 ? a->ndim - 2 : 0, ndb = b->ndim > 2 ? b->ndim - 2 : 0;
      batch_strides(&bt, nda, a->shape, sa, bt.sa);
      batch_strides(&bt, ndb, b->shape, sb, bt.sb);
      for (int i = bt.nd - 1, st = (int)(p.m * p.n); i >= 0; i--) {
        bt.sc[i] = st;
        st *= (int)bt.shape[i];
      }
      s = run(g, &bt, &p, oa, ob, oc);
    }
  }
  numc__gpu_operand_done(&da);
  numc__gpu_operand_done(&db);
  if (s != NUMC_OK) {
    numc_free(c);
    return s;
  }
  return numc__gpu_finish(c, stay, out);
}

numc_status numc__gpu_matmul(const numc_array *a, const numc_array *b, numc_array **out) {
  if (!a || !b || !out) return numc__fail(NUMC_EINVAL, "matmul: NULL argument");
  if (*out) return numc__fail(NUMC_EUNAVAIL, "GPU matmul: out= is computed on the CPU");
  if (a->dtype != NUMC_FLOAT32 || b->dtype != NUMC_FLOAT32)
    return numc__fail(NUMC_EUNAVAIL, "GPU matmul: only float32 runs on the GPU (got %s and %s)",
                      numc_dtype_name(a->dtype), numc_dtype_name(b->dtype));
  numc__gpu_lock();
  numc_status s = matmul_locked(a, b, out);
  numc__gpu_unlock();
  return s;
}
