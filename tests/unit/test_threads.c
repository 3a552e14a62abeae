/* The thread pool's teams (core/threads.h): every member runs once, the barrier holds
 * members back until all have arrived (what one wrote before it, all read after it), over
 * many phases, with more members than cores (members then sleep at the barrier), and a
 * team started from inside a team runs as a team of one. */
#include <stdatomic.h>

#include "core/threads.h"
#include "test.h"

#define MEMBERS 4
#define PHASES 500

typedef struct {
  _Atomic int size;              /* as the members saw it */
  _Atomic int ran, wrong;        /* members that ran; wrong reads after a barrier */
  _Atomic int slot[MEMBERS];     /* member r writes the phase it is in to slot[r] */
  _Atomic int nested_size;       /* the size a team started inside a member got */
} team_state;

static void nested(void *ctx, int rank, int size) {
  team_state *st = ctx;
  numc__team_barrier(); /* a team of one: returns at once */
  atomic_store(&st->nested_size, rank == 0 ? size : -1);
}

static void member(void *ctx, int rank, int size) {
  team_state *st = ctx;
  atomic_store(&st->size, size); /* every member writes the same value */
  atomic_fetch_add(&st->ran, 1);
  for (int phase = 1; phase <= PHASES; phase++) {
    atomic_store_explicit(&st->slot[rank], phase, memory_order_relaxed);
    numc__team_barrier();
    for (int r = 0; r < size; r++) /* nobody may be a phase behind, nor already ahead */
      if (atomic_load_explicit(&st->slot[r], memory_order_relaxed) != phase)
        atomic_fetch_add(&st->wrong, 1);
    numc__team_barrier();
  }
  if (rank == 0) numc__parallel_team(MEMBERS, nested, st);
}

TEST(team_members_meet_at_every_barrier) {
  for (int threads = 1; threads <= MEMBERS; threads++) {
    CHECK_OK(numc_set_num_threads(threads));
    team_state st = {0};
    numc__parallel_team(MEMBERS, member, &st);
    CHECK(st.size >= 1 && st.size <= threads);
    CHECK_EQ_INT(atomic_load(&st.ran), st.size);
    CHECK_EQ_INT(atomic_load(&st.wrong), 0);
    CHECK_EQ_INT(atomic_load(&st.nested_size), 1);
  }
  CHECK_OK(numc_set_num_threads(2));
}

/* A team asks for at most `threads` members, whatever the pool has. */
TEST(team_size_is_capped_by_the_request) {
  CHECK_OK(numc_set_num_threads(MEMBERS));
  team_state st = {0};
  numc__parallel_team(2, member, &st);
  CHECK(st.size >= 1 && st.size <= 2);
  CHECK_EQ_INT(atomic_load(&st.wrong), 0);
  CHECK_OK(numc_set_num_threads(2));
}

TESTS(CASE(team_members_meet_at_every_barrier), CASE(team_size_is_capped_by_the_request))
