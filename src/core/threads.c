/* Thread pool: NUMC_NUM_THREADS workers (default: online CPUs), started lazily on the
 * first parallel call. A job is a range [0, n) cut into one contiguous slice per thread,
 * which keeps each thread on its own cache lines and makes results independent of timing
 * (every reduction slice is fixed by n and the thread count). */
#include <pthread.h>
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
  numc__range_fn fn;
  void *ctx;
  int64_t n;
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

static void run_part(int part) {
  int64_t begin = job.n * part / job.parts, end = job.n * (part + 1) / job.parts;
  if (begin < end) job.fn(job.ctx, begin, end, part);
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
      run_part(id);
      pthread_mutex_lock(&lock);
      if (--pending == 0) pthread_cond_signal(&done);
    }
  }
  return NULL;
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
  pthread_mutex_lock(&job_lock);
  pthread_mutex_lock(&lock);
  while (nstarted < parts - 1) { /* workers are numbered 1.. */
    pthread_t t;
    if (pthread_create(&t, NULL, worker, (void *)(intptr_t)(nstarted + 1)) != 0) break;
    pthread_detach(t);
    nstarted++;
  }
  if (parts > nstarted + 1) parts = nstarted + 1; /* could not start them all: fewer parts */
  job.fn = fn;
  job.ctx = ctx;
  job.n = n;
  job.parts = (int)parts;
  pending = (int)parts - 1;
  generation++;
  pthread_cond_broadcast(&wake);
  pthread_mutex_unlock(&lock);
  in_worker = true; /* the caller's own part must not fan out again */
  run_part(0);
  in_worker = false;
  pthread_mutex_lock(&lock);
  while (pending > 0) pthread_cond_wait(&done, &lock);
  pthread_mutex_unlock(&lock);
  pthread_mutex_unlock(&job_lock);
}
