/* The WebGPU backend against the real Dawn (on SwiftShader in CI): context, device
 * arrays, buffer pool, pipeline cache, float32 matmul, device loss, missing library.
 * Sizes stay small: SwiftShader runs on the CPU (gpu_test.h: when cases are skipped). */
#define _GNU_SOURCE /* setenv */
#include <time.h>

#include "core/core.h"
#include "gpu/gpu.h"
#include "gpu_test.h"

/* Our declarations must have the standard header's sizes (LP64), see src/gpu/webgpu.h. */
_Static_assert(sizeof(WGPULimits) == 152, "WGPULimits layout");
_Static_assert(sizeof(WGPUAdapterInfo) == 96, "WGPUAdapterInfo layout");
_Static_assert(sizeof(WGPUDeviceDescriptor) == 144, "WGPUDeviceDescriptor layout");
_Static_assert(sizeof(WGPUBindGroupEntry) == 56, "WGPUBindGroupEntry layout");

static uint32_t rng = 12345;
static float frand(void) {
  rng = rng * 1664525u + 1013904223u;
  return (float)(rng >> 8) / (float)(1u << 24) * 2.0f - 1.0f;
}

static numc_array *random_f32(int ndim, const int64_t *shape) {
  numc_array *a = NULL;
  CHECK_OK(numc_empty(shape, ndim, NUMC_FLOAT32, NUMC_ORDER_C, &a));
  float *d = numc_data(a);
  for (int64_t i = 0; i < numc_size(a); i++) d[i] = frand();
  return a;
}

static float at(const numc_array *a, const int64_t *idx) {
  const char *p = numc_data(a);
  for (int i = 0; i < numc_ndim(a); i++) p += idx[i] * numc_strides(a)[i];
  return *(const float *)p;
}

/* C = A @ B for 2-D or 3-D (same batch) host arrays, in double. */
static double max_error(const numc_array *a, const numc_array *b, const numc_array *c, double *scale) {
  int nd = numc_ndim(c);
  int64_t batch = nd == 3 ? numc_shape(c)[0] : 1, m = numc_shape(c)[nd - 2], n = numc_shape(c)[nd - 1];
  int64_t k = numc_shape(a)[numc_ndim(a) - 1];
  double err = 0;
  *scale = 0;
  for (int64_t z = 0; z < batch; z++)
    for (int64_t i = 0; i < m; i++)
      for (int64_t j = 0; j < n; j++) {
        double s = 0;
        for (int64_t l = 0; l < k; l++) {
          int64_t ia[3] = {z, i, l}, ib[3] = {z, l, j};
          s += (double)at(a, nd == 3 ? ia : ia + 1) * at(b, nd == 3 ? ib : ib + 1);
        }
        int64_t ic[3] = {z, i, j};
        double got = at(c, nd == 3 ? ic : ic + 1);
        if (fabs(got - s) > err) err = fabs(got - s);
        if (fabs(s) > *scale) *scale = fabs(s);
      }
  return err;
}

enum { TRANSPOSE_A = 1, TRANSPOSE_B = 2 };

/* A random float32 array of shape (batch, rows, cols) (2-D when batch == 0), or, when
 * `transposed`, the transposed view of one stored (batch, cols, rows); on the device if
 * `on_device` (then the view is taken there, so that kernels read its strides). */
static numc_array *random_operand(int64_t batch, int64_t rows, int64_t cols, bool transposed, bool on_device,
                                  numc_array **host) {
  int nd = batch ? 3 : 2;
  int64_t shape[3] = {batch, transposed ? cols : rows, transposed ? rows : cols};
  numc_array *stored = random_f32(nd, batch ? shape : shape + 1), *dev = NULL, *out = NULL;
  if (on_device) CHECK_OK(numc_to_device(stored, &dev));
  if (transposed) {
    CHECK_OK(numc_swapaxes(stored, -1, -2, host));
    if (dev) CHECK_OK(numc_swapaxes(dev, -1, -2, &out));
    numc_free(stored);
    numc_free(dev);
  } else {
    *host = stored;
    out = dev;
  }
  return out;
}

/* GPU matmul of A (batch x m x k, or 2-D when batch == 0) and B vs the reference, with
 * host or device inputs, each optionally stored transposed (TRANSPOSE_A, TRANSPOSE_B). */
static void check_matmul(int64_t batch, int64_t m, int64_t k, int64_t n, bool on_device, int transposed) {
  numc_array *a = NULL, *b = NULL, *c = NULL;
  numc_array *da = random_operand(batch, m, k, transposed & TRANSPOSE_A, on_device, &a);
  numc_array *db = random_operand(batch, k, n, transposed & TRANSPOSE_B, on_device, &b);
  if (on_device) {
    CHECK_OK(numc__gpu_matmul(da, db, &c));
    CHECK(c && numc_location(c) == NUMC_DEVICE_GPU);
  } else {
    CHECK_OK(numc__gpu_matmul(a, b, &c));
    CHECK(c && numc_location(c) == NUMC_DEVICE_CPU);
  }
  if (c) {
    CHECK_EQ_INT(numc_ndim(c), batch ? 3 : 2);
    double scale, err = max_error(a, b, c, &scale);
    if (!(err <= 1e-4 * (scale > 0 ? scale : 1))) {
      fprintf(stderr, "matmul %lldx(%lldx%lldx%lld) device=%d transposed=%d: error %g, scale %g\n",
              (long long)batch, (long long)m, (long long)k, (long long)n, on_device, transposed, err, scale);
      test_failures++;
    }
  }
  numc_free(a);
  numc_free(b);
  numc_free(da);
  numc_free(db);
  numc_free(c);
}

TEST(context_info) {
  if (!have_gpu()) return;
  numc_gpu_properties p;
  CHECK_OK(numc_gpu_info(&p));
  CHECK(p.available);
  CHECK(p.name[0] != '\0');
  CHECK(strcmp(p.backend, "null") != 0);
  CHECK(p.max_storage_binding_size >= (128u << 20)); /* WebGPU's minimum */
  CHECK(p.max_buffer_size >= p.max_storage_binding_size / 2);
  CHECK(p.max_workgroup_storage_size >= 16384);
  CHECK(p.max_invocations_per_workgroup >= 256);
  CHECK(p.init_ms > 0);
  if (strstr(p.name, "SwiftShader")) { /* ../shared/NOTES.md: what SwiftShader reports */
    CHECK_EQ_STR(p.backend, "vulkan");
    CHECK_EQ_STR(p.adapter_type, "cpu");
    CHECK_EQ_INT(p.max_storage_binding_size, 1u << 30);
    CHECK_EQ_INT(p.max_workgroup_storage_size, 32768);
    /* No shader-f16: the feature number NOTES.md once read as f16 is another feature
     * (src/gpu/webgpu.h); matmul_kernel_timing checks that timestamps really work. */
    CHECK(!p.shader_f16 && p.subgroups && p.timestamp_query);
  }
  char *text = numc__gpu_info_text();
  CHECK(text && strstr(text, p.name));
  printf("gpu: %s\n", text);
  free(text);
}

TEST(device_round_trip_all_dtypes) {
  if (!have_gpu()) return;
  for (int t = 0; t < NUMC_NDTYPES; t++) {
    int64_t shape[2] = {3, 7}; /* 21 elements: 1- and 2-byte dtypes end mid-word */
    numc_array *h = NULL, *d = NULL, *back = NULL, *d2 = NULL;
    CHECK_OK(numc_empty(shape, 2, (numc_dtype)t, NUMC_ORDER_C, &h));
    unsigned char *bytes = numc_data(h);
    for (size_t i = 0; i < numc_nbytes(h); i++) bytes[i] = t == NUMC_BOOL ? (unsigned char)(i % 2) : (unsigned char)(i * 37 + t);
    CHECK_OK(numc_to_device(h, &d));
    CHECK(d && numc_location(d) == NUMC_DEVICE_GPU);
    CHECK_OK(numc_to_device(d, &d2)); /* already there: a view */
    CHECK(d2 && numc_may_share_memory(d, d2));
    CHECK_OK(numc_to_host(d, &back));
    CHECK(back && numc_location(back) == NUMC_DEVICE_CPU && numc_location(d) == NUMC_DEVICE_GPU);
    if (back) CHECK(memcmp(numc_data(back), bytes, numc_nbytes(h)) == 0);
    /* Lazy host access: d2 shares d's buffer, which becomes host-resident. */
    if (d2) CHECK(memcmp(numc_data(d2), bytes, numc_nbytes(h)) == 0);
    if (d) CHECK(numc_location(d) == NUMC_DEVICE_CPU);
    numc_free(h);
    numc_free(d);
    numc_free(d2);
    numc_free(back);
  }
  /* A strided (transposed) input arrives C-contiguous with the same values. */
  int64_t shape[2] = {4, 5};
  numc_array *a = random_f32(2, shape), *t = NULL, *d = NULL;
  CHECK_OK(numc_transpose(a, NULL, &t));
  CHECK_OK(numc_to_device(t, &d));
  if (d) {
    CHECK(numc_is_c_contiguous(d));
    for (int64_t i = 0; i < 5; i++)
      for (int64_t j = 0; j < 4; j++) CHECK(at(d, (int64_t[]){i, j}) == at(a, (int64_t[]){j, i}));
  }
  numc_free(a);
  numc_free(t);
  numc_free(d);
  /* Empty arrays. */
  numc_array *e = NULL, *de = NULL, *he = NULL;
  CHECK_OK(numc_zeros((int64_t[]){0, 3}, 2, NUMC_FLOAT32, NUMC_ORDER_C, &e));
  CHECK_OK(numc_to_device(e, &de));
  CHECK_OK(numc_to_host(de, &he));
  CHECK(he && numc_size(he) == 0);
  numc_free(e);
  numc_free(de);
  numc_free(he);
}

TEST(pool_reuses_buffers) {
  if (!have_gpu()) return;
  numc__gpu_pool_trim();
  numc__gpu_pool_stats s0, s1, s2, s3;
  numc__gpu_pool_stats_get(&s0);
  CHECK_EQ_INT(s0.pooled_buffers, 0);
  int64_t shape[1] = {1000};
  numc_array *h = random_f32(1, shape), *d = NULL;
  CHECK_OK(numc_to_device(h, &d));
  numc__gpu_pool_stats_get(&s1);
  CHECK_EQ_INT(s1.live_buffers, s0.live_buffers + 1);
  CHECK_EQ_INT(s1.live_bytes, s0.live_bytes + 4096); /* 4000 bytes -> the 4 KiB class */
  numc_free(d);
  d = NULL;
  numc__gpu_pool_stats_get(&s2);
  CHECK_EQ_INT(s2.live_buffers, s0.live_buffers);
  CHECK_EQ_INT(s2.pooled_buffers, 1);
  CHECK_EQ_INT(s2.buffers_alive, s1.buffers_alive); /* kept, not destroyed */
  shape[0] = 900; /* same class: the pooled buffer comes back */
  numc_array *h2 = random_f32(1, shape);
  CHECK_OK(numc_to_device(h2, &d));
  numc__gpu_pool_stats_get(&s3);
  CHECK_EQ_INT(s3.pooled_buffers, 0);
  CHECK_EQ_INT(s3.buffers_alive, s1.buffers_alive);
  numc_free(d);
  numc__gpu_pool_trim();
  numc__gpu_pool_stats_get(&s3);
  CHECK_EQ_INT(s3.pooled_buffers, 0);
  CHECK_EQ_INT(s3.pooled_bytes, 0);
  CHECK_EQ_INT(s3.buffers_alive, s1.buffers_alive - 1);
  /* With a cap of 0 nothing is kept. */
  uint64_t old = numc__gpu_pool_set_cap(0);
  d = NULL;
  CHECK_OK(numc_to_device(h2, &d));
  numc_free(d);
  numc__gpu_pool_stats_get(&s3);
  CHECK_EQ_INT(s3.pooled_buffers, 0);
  numc__gpu_pool_set_cap(old);
  numc_free(h);
  numc_free(h2);
}

TEST(pipeline_cache_compiles_once) {
  if (!have_gpu()) return;
  check_matmul(0, 5, 6, 7, false, 0);
  int64_t n0 = numc__gpu_pipeline_compilations();
  check_matmul(0, 9, 3, 2, false, 0);
  CHECK_EQ_INT(numc__gpu_pipeline_compilations(), n0);
  numc__gpu_lock();
  numc__gpu *g;
  const numc__gpu_kernel *k1 = NULL, *k2 = NULL;
  CHECK_OK(numc__gpu_context(&g));
  CHECK_OK(numc__gpu_pipeline(g, "matmul_f32", "TK=4", &k1)); /* cheapest to compile */
  CHECK_EQ_INT(numc__gpu_pipeline_compilations(), n0 + 1);
  CHECK_OK(numc__gpu_pipeline(g, "matmul_f32", "TK=4", &k2));
  CHECK(k1 == k2);
  CHECK_EQ_INT(numc__gpu_pipeline_compilations(), n0 + 1);
  CHECK_STATUS(numc__gpu_pipeline(g, "no_such_kernel", "", &k1), NUMC_EINTERNAL);
  /* An override the kernel does not declare is a compile error, reported, not fatal. */
  CHECK_STATUS(numc__gpu_pipeline(g, "matmul_f32", "NOPE=1", &k1), NUMC_EDEVICE);
  CHECK_OK(numc__gpu_check(g));
  numc__gpu_unlock();
}

TEST(matmul_shapes) {
  if (!have_gpu()) return;
  static const int64_t shapes[][3] = {{1, 1, 1}, {1, 37, 1}, {1, 5, 29}, {31, 6, 1}, {23, 1, 19},
                                      {17, 33, 65}, {64, 64, 64}, {128, 128, 128}, {300, 200, 100}};
  for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
    check_matmul(0, shapes[i][0], shapes[i][1], shapes[i][2], false, 0);
    check_matmul(0, shapes[i][0], shapes[i][1], shapes[i][2], true, 0);
  }
  check_matmul(3, 20, 30, 40, false, 0);
  check_matmul(3, 20, 30, 40, true, 0);
  check_matmul(0, 33, 17, 21, true, TRANSPOSE_A);
  check_matmul(0, 33, 17, 21, false, TRANSPOSE_A);
  check_matmul(2, 70, 9, 66, true, TRANSPOSE_A);
}

TEST(matmul_numpy_semantics) {
  if (!have_gpu()) return;
  /* Broadcast stacks: (2, 1, 5, 6) @ (3, 6, 4) -> (2, 3, 5, 4). */
  numc_array *a = random_f32(4, (int64_t[]){2, 1, 5, 6}), *b = random_f32(3, (int64_t[]){3, 6, 4});
  numc_array *c = NULL;
  CHECK_OK(numc__gpu_matmul(a, b, &c));
  if (c) {
    CHECK_EQ_INT(numc_ndim(c), 4);
    CHECK_EQ_INT(numc_shape(c)[1], 3);
    double worst = 0;
    for (int64_t x = 0; x < 2; x++)
      for (int64_t y = 0; y < 3; y++)
        for (int64_t i = 0; i < 5; i++)
          for (int64_t j = 0; j < 4; j++) {
            double s = 0;
            for (int64_t l = 0; l < 6; l++) s += (double)at(a, (int64_t[]){x, 0, i, l}) * at(b, (int64_t[]){y, l, j});
            double e = fabs(s - at(c, (int64_t[]){x, y, i, j}));
            if (e > worst) worst = e;
          }
    CHECK(worst < 1e-5);
  }
  numc_free(c);
  c = NULL;
  /* 1-D operands: (6,) @ (3, 6, 4) -> (3, 4); (5, 6) @ (6,) -> (5,). */
  numc_array *v = random_f32(1, (int64_t[]){6}), *m = random_f32(2, (int64_t[]){5, 6});
  CHECK_OK(numc__gpu_matmul(v, b, &c));
  if (c) {
    CHECK_EQ_INT(numc_ndim(c), 2);
    double s = 0;
    for (int64_t l = 0; l < 6; l++) s += (double)at(v, (int64_t[]){l}) * at(b, (int64_t[]){2, l, 3});
    CHECK_NEAR(at(c, (int64_t[]){2, 3}), s, 1e-5);
  }
  numc_free(c);
  c = NULL;
  CHECK_OK(numc__gpu_matmul(m, v, &c));
  if (c) {
    CHECK_EQ_INT(numc_ndim(c), 1);
    CHECK_EQ_INT(numc_shape(c)[0], 5);
    double s = 0;
    for (int64_t l = 0; l < 6; l++) s += (double)at(m, (int64_t[]){4, l}) * at(v, (int64_t[]){l});
    CHECK_NEAR(at(c, (int64_t[]){4}), s, 1e-5);
  }
  numc_free(c);
  c = NULL;
  /* K = 0 gives zeros; M = 0 an empty result. */
  numc_array *k0a = NULL, *k0b = NULL;
  CHECK_OK(numc_empty((int64_t[]){3, 0}, 2, NUMC_FLOAT32, NUMC_ORDER_C, &k0a));
  CHECK_OK(numc_empty((int64_t[]){0, 4}, 2, NUMC_FLOAT32, NUMC_ORDER_C, &k0b));
  CHECK_OK(numc__gpu_matmul(k0a, k0b, &c));
  if (c) {
    CHECK_EQ_INT(numc_size(c), 12);
    for (int64_t i = 0; i < 12; i++) CHECK(((float *)numc_data(c))[i] == 0.0f);
  }
  numc_free(c);
  c = NULL;
  CHECK_OK(numc__gpu_matmul(k0b, m, &c) == NUMC_EUNAVAIL ? NUMC_OK : NUMC_EINTERNAL); /* 4 != 5 */
  /* What the GPU declines, the CPU computes (and reports NumPy's errors). */
  numc_array *f64 = NULL, *i32 = NULL;
  CHECK_OK(numc_ones((int64_t[]){2, 2}, 2, NUMC_FLOAT64, NUMC_ORDER_C, &f64));
  CHECK_OK(numc_ones((int64_t[]){2, 2}, 2, NUMC_INT32, NUMC_ORDER_C, &i32));
  CHECK_STATUS(numc__gpu_matmul(f64, f64, &c), NUMC_EUNAVAIL);
  CHECK_STATUS(numc__gpu_matmul(i32, i32, &c), NUMC_EUNAVAIL);
  CHECK_STATUS(numc__gpu_matmul(a, m, &c), NUMC_EUNAVAIL); /* 6 != 5 */
  CHECK(c == NULL);
  numc_free(a);
  numc_free(b);
  numc_free(v);
  numc_free(m);
  numc_free(k0a);
  numc_free(k0b);
  numc_free(f64);
  numc_free(i32);
}

TEST(matmul_splits_large_operands) {
  if (!have_gpu()) return;
  /* A 4 KiB binding limit forces batch groups, row blocks of A, column blocks of B and
   * K blocks (row-major B spans K rows whatever its columns) that accumulate. */
  numc__gpu_matmul_set_binding_limit(4096);
  check_matmul(0, 70, 50, 90, false, 0);
  check_matmul(0, 70, 50, 90, true, TRANSPOSE_A);
  check_matmul(5, 9, 11, 13, true, 0);
  check_matmul(0, 3, 700, 2, false, 0); /* K blocks only */
  numc__gpu *g;
  numc__gpu_lock();
  CHECK_OK(numc__gpu_context(&g));
  uint64_t align = g->limits.minStorageBufferOffsetAlignment;
  numc__gpu_unlock();
  numc__gpu_matmul_set_binding_limit(align); /* only the alignment slack: nothing fits */
  numc_array *a = random_f32(2, (int64_t[]){2, 2}), *b = random_f32(2, (int64_t[]){2, 2}), *c = NULL;
  CHECK_STATUS(numc__gpu_matmul(a, b, &c), NUMC_EUNAVAIL);
  numc__gpu_matmul_set_binding_limit(0);
  numc_free(a);
  numc_free(b);
}

/* A[a_expr] @ B[b_expr] of random device arrays, a_shape and b_shape, vs the reference
 * on the same views of the host arrays. */
static void check_sliced(const int64_t *a_shape, const char *a_expr, const int64_t *b_shape, const char *b_expr) {
  numc_array *a = random_f32(2, a_shape), *b = random_f32(2, b_shape);
  numc_array *da = NULL, *db = NULL, *va = NULL, *vb = NULL, *dva = NULL, *dvb = NULL, *c = NULL, *hc = NULL;
  CHECK_OK(numc_to_device(a, &da));
  CHECK_OK(numc_to_device(b, &db));
  CHECK_OK(numc_slice_str(a, a_expr, &va));
  CHECK_OK(numc_slice_str(b, b_expr, &vb));
  CHECK_OK(numc_slice_str(da, a_expr, &dva));
  CHECK_OK(numc_slice_str(db, b_expr, &dvb));
  CHECK_OK(numc__gpu_matmul(dva, dvb, &c));
  if (c) CHECK_OK(numc_to_host(c, &hc));
  if (hc) {
    double scale, err = max_error(va, vb, hc, &scale);
    if (!(err <= 1e-4 * (scale > 0 ? scale : 1))) {
      fprintf(stderr, "matmul A[%s] @ B[%s]: error %g, scale %g\n", a_expr, b_expr, err, scale);
      test_failures++;
    }
  }
  numc_array *all[] = {a, b, da, db, va, vb, dva, dvb, c, hc};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) numc_free(all[i]);
}

TEST(matmul_kernel_choice) {
  /* The 128 x 128 tile for enough tiles to fill a GPU (the whole stack counts). */
  CHECK(!strcmp(numc__gpu_matmul_kernel(4096, 4096, 4096, 1)->name, "matmul_f32_128x128"));
  CHECK(!strcmp(numc__gpu_matmul_kernel(2048, 2048, 64, 1)->name, "matmul_f32_128x128"));
  CHECK(!strcmp(numc__gpu_matmul_kernel(1024, 1024, 64, 1)->name, "matmul_f32"));
  CHECK(!strcmp(numc__gpu_matmul_kernel(8, 9, 5, 128)->name, "matmul_f32_128x128"));
  CHECK(!strcmp(numc__gpu_matmul_kernel(512, 512, 512, 1)->name, "matmul_f32"));
  CHECK(!strcmp(numc__gpu_matmul_kernel(1, 1 << 20, 1, 1)->name, "matmul_f32_128x128"));
  CHECK_STATUS(numc__gpu_matmul_force_kernel("no_such_kernel"), NUMC_EINVAL);
  CHECK_OK(numc__gpu_matmul_force_kernel("matmul_f32"));
  CHECK(!strcmp(numc__gpu_matmul_kernel(4096, 4096, 4096, 1)->name, "matmul_f32"));
  CHECK_OK(numc__gpu_matmul_force_kernel(NULL));
  /* vec4 reads need unit stride along the read axis and 16-byte aligned groups. */
  CHECK_EQ_INT(numc__gpu_matmul_vec_mode(0, 0, 1, 8), 1);
  CHECK_EQ_INT(numc__gpu_matmul_vec_mode(4, 64, 12, 1), 2);
  CHECK_EQ_INT(numc__gpu_matmul_vec_mode(0, 0, -4, 1), 2);
  CHECK_EQ_INT(numc__gpu_matmul_vec_mode(2, 0, 1, 8), 0);
  CHECK_EQ_INT(numc__gpu_matmul_vec_mode(0, 6, 1, 8), 0);
  CHECK_EQ_INT(numc__gpu_matmul_vec_mode(0, 0, 1, 7), 0);
  CHECK_EQ_INT(numc__gpu_matmul_vec_mode(0, 0, 2, 3), 0);
}

/* The 128 x 128 kernel, forced at sizes the shape rule would give the 64 x 64 one
 * (SwiftShader is slow): each way it reads operands (four floats along the tile side,
 * four along K, one at a time), edge tiles, K not a multiple of its 16-deep slice,
 * stacks, 1-D operands, negative strides, and operands split over small bindings. */
TEST(matmul_big_tile) {
  if (!have_gpu()) return;
  CHECK_OK(numc__gpu_matmul_force_kernel("matmul_f32_128x128"));
  check_matmul(0, 513, 300, 517, false, 0);         /* A along K; B one at a time (N odd) */
  check_matmul(0, 260, 36, 132, false, 0);          /* A along K, B along N */
  check_matmul(0, 132, 40, 136, true, TRANSPOSE_A | TRANSPOSE_B); /* A along M, B along K */
  check_matmul(0, 131, 21, 7, true, TRANSPOSE_A | TRANSPOSE_B);   /* odd strides: one at a time */
  check_matmul(3, 130, 20, 132, false, 0);
  check_matmul(2, 70, 9, 66, true, TRANSPOSE_A);
  static const int64_t shapes[][3] = {{1, 1, 1}, {1, 37, 1}, {31, 6, 1}, {17, 33, 65}};
  for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++)
    check_matmul(0, shapes[i][0], shapes[i][1], shapes[i][2], true, 0);
  check_sliced((int64_t[]){300, 140}, "::-2, 1:133", (int64_t[]){140, 260}, "3:135, ::2");
  check_sliced((int64_t[]){40, 200}, "::-1, 4:", (int64_t[]){200, 136}, "4:, ::-1");
  matmul_numpy_semantics(); /* broadcast stacks, 1-D operands, K = 0 */
  numc__gpu_matmul_set_binding_limit(4096);
  check_matmul(0, 70, 50, 90, false, 0);
  check_matmul(0, 70, 50, 90, true, TRANSPOSE_A | TRANSPOSE_B);
  check_matmul(5, 9, 11, 13, true, 0);
  check_matmul(0, 3, 700, 2, false, 0);
  numc__gpu_matmul_set_binding_limit(0);
  CHECK_OK(numc__gpu_matmul_force_kernel(NULL));
}

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

/* Kernel time from timestamp queries (SwiftShader has them): positive, within the
 * call's wall time, at full resolution (Dawn's 65.536 us quantisation turned off), and
 * only while asked for. */
TEST(matmul_kernel_timing) {
  if (!have_gpu()) return;
  numc_array *a = random_f32(2, (int64_t[]){96, 80}), *b = random_f32(2, (int64_t[]){80, 72}), *c = NULL;
  CHECK_OK(numc__gpu_matmul(a, b, &c)); /* compiles the kernel outside the timed calls */
  numc_free(c);
  numc__gpu_matmul_time_kernels(true);
  bool unquantised = false;
  for (int i = 0; i < 2; i++) {
    c = NULL;
    double t0 = now_ns();
    CHECK_OK(numc__gpu_matmul(a, b, &c));
    double wall = now_ns() - t0;
    int64_t ns = numc__gpu_matmul_last_kernel_ns();
    CHECK(ns > 0 && (double)ns <= wall);
    unquantised = unquantised || ns % 65536 != 0;
    numc_free(c);
  }
  CHECK(unquantised);
  CHECK(numc__gpu_matmul_last_kernel() && !strcmp(numc__gpu_matmul_last_kernel(), "matmul_f32"));
  numc__gpu_matmul_time_kernels(false);
  c = NULL;
  CHECK_OK(numc__gpu_matmul(a, b, &c));
  CHECK_EQ_INT(numc__gpu_matmul_last_kernel_ns(), -1);
  numc_free(a);
  numc_free(b);
  numc_free(c);
}

TEST(device_loss) {
  if (!have_gpu()) return;
  numc_array *h = random_f32(2, (int64_t[]){8, 8}), *d = NULL, *back = NULL, *c = NULL;
  CHECK_OK(numc_to_device(h, &d));
  CHECK_OK(numc__gpu_force_loss());
  CHECK(!numc_gpu_available());
  numc_gpu_properties p;
  CHECK_OK(numc_gpu_info(&p));
  CHECK(!p.available && strstr(p.reason, "lost"));
  CHECK_STATUS(numc__gpu_matmul(h, h, &c), NUMC_EUNAVAIL);
  CHECK_STATUS(numc_to_host(d, &back), NUMC_EDEVICE);
  CHECK(numc_data(d) == NULL && numc_last_status() == NUMC_EDEVICE);
  /* The lost array's bytes are gone: every operation reading it fails cleanly... */
  numc_array *r = NULL;
  CHECK_STATUS(numc_add(d, h, &r), NUMC_EDEVICE);
  CHECK_STATUS(numc_sum(d, NULL, false, &r), NUMC_EDEVICE);
  CHECK_STATUS(numc_matmul(h, d, &r), NUMC_EDEVICE);
  CHECK_STATUS(numc_linalg_inv(d, &r), NUMC_EDEVICE);
  CHECK(numc_repr(d) == NULL && numc_last_status() == NUMC_EDEVICE);
  CHECK(r == NULL);
  /* ...while host operands still get correct results, from the CPU. */
  numc_array *want = NULL;
  numc_set_default_device(NUMC_DEVICE_CPU);
  CHECK_OK(numc_matmul(h, h, &want));
  numc_set_default_device(NUMC_DEVICE_GPU);
  CHECK_OK(numc_matmul(h, h, &r));
  CHECK(strstr(numc_last_warning(), "matmul ran on the CPU") != NULL);
  CHECK(memcmp(numc_data(r), numc_data(want), numc_nbytes(want)) == 0);
  numc_set_default_device(NUMC_DEVICE_AUTO);
  numc_free(r);
  numc_free(want);
  numc_free(d); /* the lost device's buffer is released without a crash */
  numc__gpu_shutdown(); /* a new context on next use */
  CHECK(numc_gpu_available());
  CHECK_OK(numc__gpu_matmul(h, h, &c));
  numc_free(c);
  numc_free(h);
}

TEST(missing_library) {
  if (!have_gpu()) return;
  numc__gpu_shutdown();
  setenv("NUMC_WEBGPU_LIBRARY", "/nonexistent/libwebgpu.so", 1);
  CHECK(!numc_gpu_available());
  numc_gpu_properties p;
  CHECK_OK(numc_gpu_info(&p));
  CHECK(!p.available && strstr(p.reason, "/nonexistent/libwebgpu.so"));
  numc_array *h = random_f32(2, (int64_t[]){2, 2}), *c = NULL, *d = NULL;
  CHECK_STATUS(numc__gpu_matmul(h, h, &c), NUMC_EUNAVAIL);
  CHECK_STATUS(numc_to_device(h, &d), NUMC_EUNAVAIL);
  char *text = numc__gpu_info_text();
  CHECK(text && strstr(text, "not available"));
  free(text);
  unsetenv("NUMC_WEBGPU_LIBRARY");
  numc__gpu_shutdown();
  CHECK(numc_gpu_available());
  numc_free(h);
}

TEST(shutdown_releases_everything) {
  if (!have_gpu()) return;
  numc_array *h = random_f32(2, (int64_t[]){3, 3}), *d = NULL;
  CHECK_OK(numc_to_device(h, &d));
  numc__gpu_shutdown(); /* d keeps its context alive */
  numc_array *back = NULL;
  CHECK_OK(numc_to_host(d, &back));
  if (back) CHECK(memcmp(numc_data(back), numc_data(h), 36) == 0);
  numc_free(d);
  numc__gpu_pool_stats s;
  numc__gpu_shutdown();
  numc__gpu_pool_stats_get(&s); /* creates a fresh context, which has no buffers yet */
  CHECK_EQ_INT(s.buffers_alive, 0);
  numc__gpu_shutdown();
  numc_free(back);
  numc_free(h);
}

TESTS(CASE(context_info), CASE(device_round_trip_all_dtypes), CASE(pool_reuses_buffers),
      CASE(pipeline_cache_compiles_once), CASE(matmul_shapes), CASE(matmul_numpy_semantics),
      CASE(matmul_splits_large_operands), CASE(matmul_kernel_choice), CASE(matmul_big_tile),
      CASE(matmul_kernel_timing), CASE(device_loss), CASE(missing_library),
      CASE(shutdown_releases_everything))
