/* Aligned allocation and reference-counted buffers. */
#include <stdint.h>
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

/* Aligned by hand, over a plain malloc of `align` bytes more, with malloc's own pointer
 * stored just below the aligned one: glibc's posix_memalign asks its heap for more than
 * the block and returns the slack, so a freed block was too small for the same request
 * again, and a 512 KiB result allocated and freed in a loop (a 256 x 256 inverse) landed
 * on fresh, page-faulting memory on every call. malloc's own alignment (>= 8) leaves room
 * for the stored pointer. */
void *numc__alloc(size_t nbytes, bool zero) {
  size_t rounded = (nbytes + NUMC__ALIGN - 1) / NUMC__ALIGN * NUMC__ALIGN;
  if (rounded < nbytes) return NULL;
  if (rounded == 0) rounded = NUMC__ALIGN;
  size_t align = rounded >= NUMC__HUGE_MIN ? NUMC__HUGE_ALIGN : NUMC__ALIGN;
  if (rounded > SIZE_MAX - align) return NULL;
  char *raw = malloc(rounded + align);
  if (!raw) return NULL;
  char *p = raw + (align - (uintptr_t)raw % align);
  ((void **)p)[-1] = raw;
#ifdef MADV_HUGEPAGE
  if (align == NUMC__HUGE_ALIGN) madvise(p, rounded, MADV_HUGEPAGE); /* advice only */
#endif
  if (zero) memset(p, 0, rounded);
  return p;
}

void numc__dealloc(void *p) {
  if (p) free(((void **)p)[-1]);
}

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
