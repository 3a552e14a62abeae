/* The batched matrix product behind every function of the products module: converts the
 * operands to the compute dtype, folds batch axes into the matrices where the strides
 * allow, and spreads the batch over the thread pool. See products.h for the contract. */
#include "core/threads.h"
#include "index/index.h" /* numc__borrow */
#include "linalg/gemm.h"
#include "linalg/products.h"

/* Rows of C per work item of the exact kernels: enough that each item amortises its
 * dispatch, few enough that a single large integer product still spreads over threads. */
#define EXACT_PANEL_ROWS 32
/* Multiply-adds below which a work item is not worth handing to another thread. */
#define MIN_PARALLEL_WORK (1 << 16)
/* Multiply-adds from which one gemm call threads well by itself: a batch of fewer items
 * than threads then runs item after item, each using every thread inside gemm. */
#define GEMM_SELF_THREADED_WORK (1 << 21)

/* x as dtype t in *view: x's own header when it already has dtype t, else a borrowed view
 * of a converted copy (*owned) in which x's broadcast (stride-0) axes stay unexpanded, so
 * converting a matrix broadcast over a large batch copies it once. */
static numc_status as_dtype(const numc_array *x, numc_dtype t, numc_array *view, numc_array **owned) {
  *owned = NULL;
  if (x->dtype == t) {
    *view = numc__borrow(x, x->ndim, x->shape, x->strides, 0);
    return NUMC_OK;
  }
  int64_t shape[NUMC_MAXDIMS], strides[NUMC_MAXDIMS];
  for (int d = 0; d < x->ndim; d++) shape[d] = x->strides[d] == 0 ? 1 : x->shape[d];
  numc_array src = numc__borrow(x, x->ndim, shape, x->strides, 0);
  NUMC__TRY(numc__new(t, x->ndim, shape, NUMC_ORDER_C, false, owned));
  numc_status s = numc__assign(*owned, &src);
  if (s != NUMC_OK) {
    numc_free(*owned);
    *owned = NULL;
    return s;
  }
  for (int d = 0; d < x->ndim; d++) strides[d] = x->strides[d] == 0 ? 0 : (*owned)->strides[d];
  *view = numc__borrow(*owned, x->ndim, x->shape, strides, 0);
  return NUMC_OK;
}

/* One stack of products: batch strides in bytes, matrix strides in elements (gemm's). */
typedef struct plan {
  numc_dtype t; /* compute dtype: never float16 */
  size_t item;
  int nb;
  int64_t batch[NUMC_MAXDIMS], abs[NUMC_MAXDIMS], bbs[NUMC_MAXDIMS], cbs[NUMC_MAXDIMS];
  int64_t m, n, k, rsa, csa, rsb, csb, rsc, csc;
  const char *a, *b;
  char *c;
  int64_t panel_rows, panels; /* each work item is one panel of rows of one batch item */
  _Atomic int status;
} plan;

static void drop_batch_axis(plan *p, int d) {
  for (int e = d; e + 1 < p->nb; e++) {
    p->batch[e] = p->batch[e + 1];
    p->abs[e] = p->abs[e + 1];
    p->bbs[e] = p->bbs[e + 1];
    p->cbs[e] = p->cbs[e + 1];
  }
  p->nb--;
}

/* Batch axis d joins the rows of A and C when B does not depend on it and stepping along
 * it continues the rows (stride = rows * row stride) in both A and C; with a single row
 * any strides continue it. Matrix strides here are still in bytes. */
static bool fold_into_rows(plan *p, int d) {
  if (p->bbs[d] != 0) return false;
  if (p->m == 1) {
    p->rsa = p->abs[d];
    p->rsc = p->cbs[d];
  } else if (p->abs[d] != p->m * p->rsa || p->cbs[d] != p->m * p->rsc) {
    return false;
  }
  p->m *= p->batch[d];
  return true;
}

/* The same for the columns of B and C when A does not depend on the batch axis. */
static bool fold_into_cols(plan *p, int d) {
  if (p->abs[d] != 0) return false;
  if (p->n == 1) {
    p->csb = p->bbs[d];
    p->csc = p->cbs[d];
  } else if (p->bbs[d] != p->n * p->csb || p->cbs[d] != p->n * p->csc) {
    return false;
  }
  p->n *= p->batch[d];
  return true;
}

/* Fewer, larger products: a matrix times a stack (dot of an N-D array with a matrix,
 * tensordot's leading free axes) becomes one tall gemm, which blocks and threads better
 * than many small ones. */
static void fold_batch(plan *p) {
  for (int d = p->nb - 1; d >= 0; d--)
    if (p->batch[d] == 1) drop_batch_axis(p, d);
  for (bool folded = true; folded;) {
    folded = false;
    for (int d = p->nb - 1; d >= 0 && !folded; d--) {
      if (fold_into_rows(p, d) || fold_into_cols(p, d)) {
        drop_batch_axis(p, d);
        folded = true;
      }
    }
  }
}

static numc_status multiply_panel(const plan *p, int64_t m, const char *a, const char *b, char *c) {
  switch (p->t) {
  case NUMC_FLOAT32:
    return numc__sgemm(m, p->n, p->k, 1.0f, (const float *)a, p->rsa, p->csa, (const float *)b,
                       p->rsb, p->csb, 0.0f, (float *)c, p->rsc, p->csc);
  case NUMC_FLOAT64:
    return numc__dgemm(m, p->n, p->k, 1.0, (const double *)a, p->rsa, p->csa, (const double *)b,
                       p->rsb, p->csb, 0.0, (double *)c, p->rsc, p->csc);
  case NUMC_COMPLEX64:
    return numc__cgemm(m, p->n, p->k, 1.0f, (const numc__c64 *)a, p->rsa, p->csa,
                       (const numc__c64 *)b, p->rsb, p->csb, 0.0f, (numc__c64 *)c, p->rsc, p->csc);
  case NUMC_COMPLEX128:
    return numc__zgemm(m, p->n, p->k, 1.0, (const numc__c128 *)a, p->rsa, p->csa,
                       (const numc__c128 *)b, p->rsb, p->csb, 0.0, (numc__c128 *)c, p->rsc, p->csc);
  default:
    numc__exact_mm_kernel(p->t)(m, p->n, p->k, a, p->rsa, p->csa, b, p->rsb, p->csb, c, p->rsc, p->csc);
    return NUMC_OK;
  }
}

/* Work items [begin, end): item = batch index * panels + panel. */
static void run_items(void *ctx, int64_t begin, int64_t end, int thread) {
  plan *p = ctx;
  for (int64_t item = begin; item < end && atomic_load(&p->status) == NUMC_OK; item++) {
    int64_t z = item / p->panels, row = item % p->panels * p->panel_rows;
    int64_t ao = 0, bo = 0, co = 0;
    for (int d = p->nb - 1; d >= 0; d--) {
      int64_t i = z % p->batch[d];
      z /= p->batch[d];
      ao += i * p->abs[d];
      bo += i * p->bbs[d];
      co += i * p->cbs[d];
    }
    int64_t rows = p->m - row < p->panel_rows ? p->m - row : p->panel_rows, it = (int64_t)p->item;
    numc_status s = multiply_panel(p, rows, p->a + ao + row * p->rsa * it, p->b + bo,
                                   p->c + co + row * p->rsc * it);
    if (s != NUMC_OK) atomic_store(&p->status, s);
  }
}

/* a, b and c all of the compute dtype t, c not overlapping a or b. */
static numc_status run(const numc_array *a, const numc_array *b, numc_array *c, numc_dtype t) {
  plan p = {.t = t, .item = numc_dtype_size(t), .nb = c->ndim - 2};
  for (int d = 0; d < p.nb; d++) {
    p.batch[d] = c->shape[d];
    p.abs[d] = a->strides[d];
    p.bbs[d] = b->strides[d];
    p.cbs[d] = c->strides[d];
  }
  int r = p.nb, q = p.nb + 1; /* the matrix axes */
  p.m = c->shape[r];
  p.n = c->shape[q];
  p.k = a->shape[q];
  p.rsa = a->strides[r], p.csa = a->strides[q], p.rsb = b->strides[r], p.csb = b->strides[q];
  p.rsc = c->strides[r], p.csc = c->strides[q];
  fold_batch(&p);
  int64_t it = (int64_t)p.item;
  p.rsa /= it, p.csa /= it, p.rsb /= it, p.csb /= it, p.rsc /= it, p.csc /= it;
  /* Strides of a length-1 axis of C are arbitrary (0 for a 1-D operand's missing axis);
   * give them nonzero values so that no kernel mistakes C for an overlapping operand. */
  if (p.n == 1) p.csc = 1;
  if (p.m == 1) p.rsc = p.n;
  p.a = numc__host_data(a);
  p.b = numc__host_data(b);
  p.c = numc__host_data(c);

  int64_t nbatch = numc__size(p.nb, p.batch);
  bool gemm = numc__is_inexact(t);
  p.panel_rows = gemm ? p.m : EXACT_PANEL_ROWS;
  p.panels = (p.m + p.panel_rows - 1) / p.panel_rows;
  double item_work = (double)p.panel_rows * (double)p.n * (double)(p.k > 0 ? p.k : 1);
  int64_t items = nbatch * p.panels;
  if (gemm && nbatch < numc_get_num_threads() && item_work >= GEMM_SELF_THREADED_WORK) {
    run_items(&p, 0, items, 0);
  } else {
    double grain = MIN_PARALLEL_WORK / item_work;
    numc__parallel_for(items, grain > 1 ? (int64_t)grain : 1, run_items, &p);
  }
  numc_status s = (numc_status)atomic_load(&p.status);
  /* A failure inside a worker left its message on that thread; restate it here. */
  return s == NUMC_OK ? NUMC_OK : numc__fail(s, "matrix product failed: %s", numc_strerror(s));
}

numc_status numc__product_stack(const numc_array *a, const numc_array *b, numc_dtype t,
                                numc_array *c) {
  if (numc__size(c->ndim, c->shape) == 0) return NUMC_OK;
  NUMC__TRY(numc__host_ready(a));
  NUMC__TRY(numc__host_ready(b));
  numc_dtype ct = t == NUMC_FLOAT16 ? NUMC_FLOAT32 : t;
  numc_array av, bv;
  numc_array *a_owned = NULL, *b_owned = NULL, *c_owned = NULL;
  /* gemm needs C apart from A and B, and in the compute dtype: otherwise the product goes
   * to a temporary that is then cast or copied into c (NumPy's out=a works this way). */
  bool direct = c->dtype == ct && !numc_may_share_memory(c, a) && !numc_may_share_memory(c, b);
  numc_status s = as_dtype(a, ct, &av, &a_owned);
  if (s == NUMC_OK) s = as_dtype(b, ct, &bv, &b_owned);
  if (s == NUMC_OK && !direct) s = numc__new(ct, c->ndim, c->shape, NUMC_ORDER_C, false, &c_owned);
  if (s == NUMC_OK) s = run(&av, &bv, direct ? c : c_owned, ct);
  if (s == NUMC_OK && !direct) s = numc__assign(c, c_owned);
  numc_free(a_owned);
  numc_free(b_owned);
  numc_free(c_owned);
  return s;
}
