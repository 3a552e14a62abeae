/* Per-thread packing memory for the GEMM loop nest. Kept between calls because allocating
 * a fresh megabyte-sized buffer per product means fresh pages, and faulting them in costs
 * about as much as a 256^3 product. One buffer per OS thread (the pool's workers and any
 * caller), released by the thread-exit destructor. */
#include <pthread.h>

#include "core/core.h"
#include "linalg/gemm_internal.h"

typedef struct {
  void *data;
  size_t bytes;
} workspace;

static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static bool key_ok;

static void release(void *p) {
  workspace *w = p;
  numc__dealloc(w->data);
  numc__dealloc(w);
}

static void make_key(void) { key_ok = pthread_key_create(&key, release) == 0; }

void *numc__gemm_workspace(size_t bytes) {
  pthread_once(&key_once, make_key);
  if (!key_ok) return NULL;
  workspace *w = pthread_getspecific(key);
  if (!w) {
    if (!(w = numc__alloc(sizeof *w, true))) return NULL;
    if (pthread_setspecific(key, w) != 0) {
      numc__dealloc(w);
      return NULL;
    }
  }
  if (w->bytes < bytes) {
    numc__dealloc(w->data);
    w->bytes = 0;
    if (!(w->data = numc__alloc(bytes, false))) return NULL;
    w->bytes = bytes;
  }
  return w->data;
}
