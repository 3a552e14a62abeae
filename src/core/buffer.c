/* Aligned allocation and reference-counted buffers. */
#include <stdlib.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "core.h"

/* 64 bytes: a cache line, and the widest vector load (AVX-512) we issue. */
#define NUMC__ALIGN 64
/* Large buffers start on a 2 MiB boundary and ask for transparent huge pages, from 4 MiB
 * on as NumPy does: on the virtual machines we run on a 4 KiB page fault costs ~10 us, so
 * first touching a fresh 40 MB array took 10x longer than computing on it. glibc does not
 * reliably reuse freed blocks of a few MiB from its heap: an 8 MiB block allocated and
 * freed in a loop was fresh (2048 faults, 27 ms to first touch) on most iterations, and
 * 0.6-0.9 ms with the advice. */
#define NUMC__HUGE_ALIGN ((size_t)2 << 20)
#define NUMC__HUGE_MIN ((size_t)4 << 20)

void *numc__alloc(size_t nbytes, bool zero) {
  size_t rounded = (nbytes + NUMC__ALIGN - 1) / NUMC__ALIGN * NUMC__ALIGN;
  if (rounded < nbytes) return NULL;
  if (rounded == 0) rounded = NUMC__ALIGN;
  void *p = NULL;
  size_t align = rounded >= NUMC__HUGE_MIN ? NUMC__HUGE_ALIGN : NUMC__ALIGN;
  if (posix_memalign(&p, align, rounded) != 0) return NULL;
#ifdef MADV_HUGEPAGE
  if (align == NUMC__HUGE_ALIGN) madvise(p, rounded, MADV_HUGEPAGE); /* advice only */
#endif
  if (zero) memset(p, 0, rounded);
  return p;
}

void numc__dealloc(void *p) { free(p); }

numc_buffer *numc__buffer_new(size_t nbytes, bool zero) {
  numc_buffer *b = calloc(1, sizeof *b);
  if (!b) return NULL;
  b->data = numc__alloc(nbytes, zero);
  if (!b->data) {
    free(b);
    return NULL;
  }
  atomic_init(&b->refcount, 1);
  b->nbytes = nbytes;
  b->device = NUMC_DEVICE_CPU;
  return b;
}

void numc__buffer_retain(numc_buffer *b) { atomic_fetch_add_explicit(&b->refcount, 1, memory_order_relaxed); }

void numc__buffer_release(numc_buffer *b) {
  if (!b || atomic_fetch_sub_explicit(&b->refcount, 1, memory_order_acq_rel) != 1) return;
  if (b->gpu) numc__gpu_buffer_free(b->gpu); /* a device array's GPU memory */
  if (b->release)
    b->release(b->data, b->release_ctx);
  else
    numc__dealloc(b->data);
  free(b);
}
