/* A small persistent thread pool. Work is split into contiguous index ranges; the calling
 * thread takes part. Nested calls (from inside a worker) run serially. */
#ifndef NUMC_THREADS_H
#define NUMC_THREADS_H

#include <stdint.h>

/* fn(ctx, begin, end, thread_index) over [0, n) in chunks of at least `grain` indices.
 * Uses one thread when n < 2 * grain. thread_index is in [0, numc_get_num_threads()). */
typedef void (*numc__range_fn)(void *ctx, int64_t begin, int64_t end, int thread);
void numc__parallel_for(int64_t n, int64_t grain, numc__range_fn fn, void *ctx);

/* A team: fn(ctx, rank, size) runs once on each of `size` threads at the same time, rank
 * in [0, size), for work split in phases that meet at numc__team_barrier. size is at most
 * `threads` (fewer when the pool has fewer threads, could not start them, or this is a
 * nested call, which runs as a team of one); fn learns it and must split by it. */
typedef void (*numc__team_fn)(void *ctx, int rank, int size);
void numc__parallel_team(int threads, numc__team_fn fn, void *ctx);

/* Inside a team's fn: returns once every member has called it as many times; what each
 * member wrote before it is then visible to all. Every member must call it equally often.
 * Spins briefly (team phases are short), then sleeps. */
void numc__team_barrier(void);

#endif
