/* A small persistent thread pool. Work is split into contiguous index ranges; the calling
 * thread takes part. Nested calls (from inside a worker) run serially. */
#ifndef NUMC_THREADS_H
#define NUMC_THREADS_H

#include <stdint.h>

/* fn(ctx, begin, end, thread_index) over [0, n) in chunks of at least `grain` indices.
 * Uses one thread when n < 2 * grain. thread_index is in [0, numc_get_num_threads()). */
typedef void (*numc__range_fn)(void *ctx, int64_t begin, int64_t end, int thread);
void numc__parallel_for(int64_t n, int64_t grain, numc__range_fn fn, void *ctx);

#endif
