/* Thread pool: NUMC_NUM_THREADS workers (default: online CPUs), started lazily on the
 * first parallel call. A job is a range [0, n) cut into one contiguous slice per thread,
 * which keeps each thread on its own cache lines and makes results independent of timing
 * (every reduction slice is fixed by n and the thread count); or a team, one call per
 * thread, whose phases meet at a barrier. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "core.h"
#include "threads.h"

#define MAX_THREADS 256

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER, done = PTHREAD_COND_INITIALIZER;
static pthread_mutex_t job_lock = PTHREAD_MUTEX_INITIALIZER; /* one job at a time */
static int nthreads;                                          /* 0: not yet configured */
static int nstarted;
static uint64_t generation;
static int pending;
static struct {
  void (*run)(void *ctx, int part, int parts);
  void *ctx;
  int parts;
} job;
static _Thread_local bool in_worker;

static int default_threads(void) {
  const char *env = getenv("NUMC_NUM_THREADS");
  if (env && *env) {
    long v = strtol(env, NULL, 10);
    if (v >= 1) return v > MAX_THREADS ? MAX_THREADS : (int)v;
  }
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (int)n;
}

int numc_get_num_threads(void) {
  pthread_mutex_lock(&lock);
  if (!nthreads) nthreads = default_threads();
  int n = nthreads;
  pthread_mutex_unlock(&lock);
  return n;
}

numc_status numc_set_num_threads(int n) {
  if (n < 1 || n > MAX_THREADS)
    return numc__fail(NUMC_EINVAL, "thread count must be in [1, %d], got %d", MAX_THREADS, n);
  pthread_mutex_lock(&job_lock); /* not while a job runs */
  pthread_mutex_lock(&lock);
  nthreads = n; /* extra started workers simply get no slices */
  pthread_mutex_unlock(&lock);
  pthread_mutex_unlock(&job_lock);
  return NUMC_OK;
}

static void *worker(void *arg) {
  int id = (int)(intptr_t)arg; /* parts 1..; the caller runs part 0 */
  in_worker = true;
  uint64_t seen = 0;
  pthread_mutex_lock(&lock);
  for (;;) {
    while (generation == seen) pthread_cond_wait(&wake, &lock);
    seen = generation;
    if (id < job.parts) {
      pthread_mutex_unlock(&lock);
      job.run(job.ctx, id, job.parts);
      pthread_mutex_lock(&lock);
      if (--pending == 0) pthread_cond_signal(&done);
    }
  }
  return NULL;
}

/* job.run(ctx, part, parts) on parts (>= 2) threads, the caller running part 0; parts is
 * lowered when workers cannot be started. Returns when every part has returned. */
static void run_job(int parts, void (*run)(void *, int, int), void *ctx) {
  pthread_mutex_lock(&job_lock);
  pthread_mutex_lock(&lock);
  while (nstarted < parts - 1) { /* workers are numbered 1.. */
    pthread_t t;
    if (pthread_create(&t, NULL, worker, (void *)(intptr_t)(nstarted + 1)) != 0) break;
    pthread_detach(t);
    nstarted++;
  }
  if (parts > nstarted + 1) parts = nstarted + 1; /* could not start them all: fewer parts */
  job.run = run;
  job.ctx = ctx;
  job.parts = parts;
  pending = parts - 1;
  generation++;
  pthread_cond_broadcast(&wake);
  pthread_mutex_unlock(&lock);
  in_worker = true; /* the caller's own part must not fan out again */
  run(ctx, 0, parts);
  in_worker = false;
  pthread_mutex_lock(&lock);
  while (pending > 0) pthread_cond_wait(&done, &lock);
  pthread_mutex_unlock(&lock);
  pthread_mutex_unlock(&job_lock);
}

typedef struct {
  numc__range_fn fn;
  void *ctx;
  int64_t n;
} range_job;

static void run_range(void *ctx, int part, int parts) {
  const range_job *r = ctx;
  int64_t begin = r->n * part / parts, end = r->n * (part + 1) / parts;
  if (begin < end) r->fn(r->ctx, begin, end, part);
}

void numc__parallel_for(int64_t n, int64_t grain, numc__range_fn fn, void *ctx) {
  if (n <= 0) return;
  int threads = in_worker ? 1 : numc_get_num_threads();
  if (grain < 1) grain = 1;
  int64_t parts = n / grain;
  if (parts > threads) parts = threads;
  if (parts < 2) {
    fn(ctx, 0, n, 0);
    return;
  }
  run_job((int)parts, run_range, &(range_job){fn, ctx, n});
}

/* The team barrier: one at a time, as jobs are. Members count themselves in `arrived`;
 * the last one resets it and advances `phase`, which the others wait to see change. */
static struct {
  _Atomic int arrived;
  _Atomic unsigned phase;
  pthread_mutex_t lock;
  pthread_cond_t advanced;
} barrier = {0, 0, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER};
static _Thread_local int team_size; /* of the team this thread is in; 0 or 1: no barrier */

/* How long a member spins at the barrier before sleeping: ~10-20 us, the order of a
 * wake-up through the condition variable, while phases of a team (a GEMM panel) take
 * 0.1-10 ms and members reach the barrier within microseconds of each other. */
#define BARRIER_SPINS 4096

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  __asm__ volatile("yield");
#endif
}

void numc__team_barrier(void) {
  if (team_size < 2) return;
  unsigned phase = atomic_load_explicit(&barrier.phase, memory_order_acquire);
  if (atomic_fetch_add_explicit(&barrier.arrived, 1, memory_order_acq_rel) + 1 == team_size) {
    /* No member can arrive again before phase moves, so the reset cannot race. */
    atomic_store_explicit(&barrier.arrived, 0, memory_order_relaxed);
    pthread_mutex_lock(&barrier.lock); /* a sleeper tests phase under the lock: no lost wake */
    atomic_store_explicit(&barrier.phase, phase + 1, memory_order_release);
    pthread_cond_broadcast(&barrier.advanced);
    pthread_mutex_unlock(&barrier.lock);
    return;
  }
  for (int i = 0; i < BARRIER_SPINS; i++) {
    if (atomic_load_explicit(&barrier.phase, memory_order_acquire) != phase) return;
    cpu_relax();
  }
  pthread_mutex_lock(&barrier.lock);
  while (atomic_load_explicit(&barrier.phase, memory_order_acquire) == phase)
    pthread_cond_wait(&barrier.advanced, &barrier.lock);
  pthread_mutex_unlock(&barrier.lock);
}

typedef struct {
  numc__team_fn fn;
  void *ctx;
} team_job;

static void run_member(void *ctx, int rank, int size) {
  const team_job *t = ctx;
  int outer = team_size;
  team_size = size;
  t->fn(t->ctx, rank, size);
  team_size = outer;
}

void numc__parallel_team(int threads, numc__team_fn fn, void *ctx) {
  int size = in_worker ? 1 : numc_get_num_threads();
  if (size > threads) size = threads;
  team_job t = {fn, ctx};
  if (size < 2) run_member(&t, 0, 1);
  else run_job(size, run_member, &t);
}
