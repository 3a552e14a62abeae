/* Per-thread scratch memory kept between calls, one buffer per slot and OS thread (the
 * pool's workers and any caller), released by the thread-exit destructor. Kept because
 * allocating a fresh megabyte-sized buffer per call means fresh pages, and on the virtual
 * machines we run on faulting them in costs ~10 us a page: about as much as a 256^3
 * product for GEMM's packing memory, and three times the arithmetic of a 256 x 256
 * inverse for its work copies. */
#include <pthread.h>

#include "core/core.h"

typedef struct {
  void *data[NUMC__SCRATCH_SLOTS];
  size_t bytes[NUMC__SCRATCH_SLOTS];
} scratch;

static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static bool key_ok;

static void release(void *p) {
  scratch *s = p;
  for (int i = 0; i < NUMC__SCRATCH_SLOTS; i++) numc__dealloc(s->data[i]);
  numc__dealloc(s);
}

static void make_key(void) { key_ok = pthread_key_create(&key, release) == 0; }

void *numc__scratch(numc__scratch_slot slot, size_t bytes) {
  pthread_once(&key_once, make_key);
  if (!key_ok) return NULL;
  scratch *s = pthread_getspecific(key);
  if (!s) {
    if (!(s = numc__alloc(sizeof *s, true))) return NULL;
    if (pthread_setspecific(key, s) != 0) {
      numc__dealloc(s);
      return NULL;
    }
  }
  if (!s->data[slot] || s->bytes[slot] < bytes) { /* never NULL, even for 0 bytes */
    numc__dealloc(s->data[slot]);
    s->bytes[slot] = 0;
    if (!(s->data[slot] = numc__alloc(bytes, false))) return NULL;
    s->bytes[slot] = bytes;
  }
  return s->data[slot];
}
