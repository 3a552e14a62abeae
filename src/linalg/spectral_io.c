/* Stacks of matrices for the spectral decompositions: validation, copies between the
 * user's strided arrays and column-major double / double complex work matrices, and the
 * loop over the stack. (A private stand-in for the shared dense-matrix helpers.) */
#include <math.h>

#include "core/threads.h"
#include "linalg/spectral.h"

numc_status numc__mstack_init(const numc_array *a, bool square, numc__mstack *st) {
  NUMC__TRY(numc__host_ready(a));
  if (a->dtype == NUMC_FLOAT16)
    return numc__fail(NUMC_EDTYPE, "array type float16 is unsupported in linalg");
  if (a->ndim < 2)
    return numc__fail(NUMC_ELINALG,
                      "%d-dimensional array given. Array must be at least two-dimensional",
                      a->ndim);
  int64_t m = a->shape[a->ndim - 2], n = a->shape[a->ndim - 1];
  if (square && m != n)
    return numc__fail(NUMC_ELINALG, "Last 2 dimensions of the array must be square");
  st->a = a;
  st->bdim = a->ndim - 2;
  st->count = numc__size(st->bdim, a->shape);
  st->m = m;
  st->n = n;
  st->cplx = numc__is_complex(a->dtype);
  st->work = st->cplx ? NUMC_COMPLEX128 : NUMC_FLOAT64;
  st->out_full = a->dtype == NUMC_FLOAT32 || a->dtype == NUMC_COMPLEX64 || a->dtype == NUMC_COMPLEX128
                     ? a->dtype : NUMC_FLOAT64;
  st->out_real = numc__real_dtype(st->out_full);
  return NUMC_OK;
}

numc_status numc__mstack_new_out(const numc__mstack *st, numc_dtype t, int nd, int64_t d0,
                                 int64_t d1, numc_array **out) {
  int64_t shape[NUMC_MAXDIMS];
  memcpy(shape, st->a->shape, (size_t)st->bdim * sizeof *shape);
  shape[st->bdim] = d0;
  if (nd == 2) shape[st->bdim + 1] = d1;
  return numc__new(t, st->bdim + nd, shape, NUMC_ORDER_C, false, out);
}

/* Byte offset of matrix `index` (C order over the batch axes) in the input. */
static const char *matrix_ptr(const numc__mstack *st, int64_t index) {
  const char *p = numc__host_data(st->a);
  for (int k = st->bdim - 1; k >= 0; k--) {
    int64_t ext = st->a->shape[k];
    p += (index % ext) * st->a->strides[k];
    index /= ext;
  }
  return p;
}

/* Conjugate `n` complex values of dtype t in place (no-op for real dtypes). */
static void conj_inplace(numc_dtype t, char *p, int64_t n, int64_t step) {
  if (t == NUMC_COMPLEX128)
    for (int64_t i = 0; i < n; i++) ((double *)(p + i * step))[1] *= -1;
  else if (t == NUMC_COMPLEX64)
    for (int64_t i = 0; i < n; i++) ((float *)(p + i * step))[1] *= -1;
}

void numc__mstack_load(const numc__mstack *st, int64_t index, bool adjoint, void *dst) {
  const numc_array *a = st->a;
  const char *src = matrix_ptr(st, index);
  int64_t rs = a->strides[a->ndim - 2], cs = a->strides[a->ndim - 1];
  int64_t rows = st->m, cols = st->n;
  if (adjoint) { /* column j of the copy is row j of the input */
    int64_t t = rs;
    rs = cs;
    cs = t;
    rows = st->n;
    cols = st->m;
  }
  size_t isz = numc_dtype_size(st->work);
  numc__cast_fn cast = numc__cast_loop(a->dtype, st->work);
  for (int64_t j = 0; j < cols; j++) {
    char *col = (char *)dst + (size_t)(j * rows) * isz;
    cast(src + j * cs, rs, col, (int64_t)isz, rows);
    if (adjoint) conj_inplace(st->work, col, rows, (int64_t)isz);
  }
}

bool numc__mstack_finite(const numc__mstack *st, int64_t index, char uplo) {
  const numc_array *a = st->a;
  if (!numc__is_inexact(a->dtype)) return true;
  const char *src = matrix_ptr(st, index);
  int64_t rs = a->strides[a->ndim - 2], cs = a->strides[a->ndim - 1];
  for (int64_t i = 0; i < st->m; i++)
    for (int64_t j = 0; j < st->n; j++) {
      if ((uplo == 'L' && j > i) || (uplo == 'U' && j < i)) continue;
      numc_scalar s = numc__scalar_load(a->dtype, src + i * rs + j * cs);
      double re = s.dtype == NUMC_COMPLEX128 ? s.v.c[0] : s.v.f;
      double im = s.dtype == NUMC_COMPLEX128 ? s.v.c[1] : 0;
      if (!isfinite(re) || !isfinite(im)) return false;
    }
  return true;
}

void numc__mstack_store(numc_array *out, int64_t index, const void *src, numc_dtype src_t,
                        int64_t rows, int64_t cols, int64_t ld, bool adjoint) {
  size_t osz = numc_dtype_size(out->dtype), isz = numc_dtype_size(src_t);
  char *dst = numc__host_data(out) + (size_t)(index * rows * cols) * osz;
  numc__cast_fn cast = numc__cast_loop(src_t, out->dtype);
  for (int64_t j = 0; j < cols; j++) {
    const char *col = (const char *)src + (size_t)(j * ld) * isz;
    if (adjoint) { /* column j becomes row j of a cols x rows result */
      cast(col, (int64_t)isz, dst + (size_t)(j * rows) * osz, (int64_t)osz, rows);
      conj_inplace(out->dtype, dst + (size_t)(j * rows) * osz, rows, (int64_t)osz);
    } else { /* C order: element (i, j) at (i * cols + j) */
      cast(col, (int64_t)isz, dst + (size_t)j * osz, (int64_t)(cols * osz), rows);
    }
  }
}

typedef struct each_ctx {
  numc__mstack_fn fn;
  void *ctx;
  _Atomic int status;
} each_ctx;

static void each_range(void *p, int64_t begin, int64_t end, int thread) {
  each_ctx *c = p;
  for (int64_t i = begin; i < end && atomic_load(&c->status) == NUMC_OK; i++) {
    numc_status s = c->fn(c->ctx, i);
    if (s != NUMC_OK) {
      int ok = NUMC_OK;
      atomic_compare_exchange_strong(&c->status, &ok, (int)s);
    }
  }
}

numc_status numc__mstack_each(const numc__mstack *st, numc__mstack_fn fn, void *ctx) {
  each_ctx c = {fn, ctx, NUMC_OK};
  /* One matrix per task when they are large enough to amortise a wake-up; small ones
   * are grouped so that a task holds about 64^3 flops. Large single matrices run their
   * inner steps on the pool instead (nested calls run serially). */
  int64_t k = st->m > st->n ? st->m : st->n;
  int64_t work = k * k * k + 1;
  int64_t grain = work >= 64 * 64 * 64 ? 1 : (64 * 64 * 64) / work;
  numc__parallel_for(st->count, grain, each_range, &c);
  return (numc_status)atomic_load(&c.status);
}
