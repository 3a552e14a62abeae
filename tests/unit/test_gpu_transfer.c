/* Host <-> GPU transfers (src/gpu/transfer.c, upload.c): every upload strategy with every
 * download strategy, byte-exact, at sizes around words and chunk boundaries and at
 * non-zero offsets; the bytes around the destination range untouched and the padding of
 * a partial word zero; no GPU buffer left behind. A small chunk keeps the chunked paths
 * busy at sizes SwiftShader copies quickly. */
#include "core/core.h"
#include "gpu/gpu.h"
#include "gpu_test.h"

#define CHUNK ((uint64_t)64 << 10)
#define GUARD 0xA5 /* the bytes around an upload */

static const numc__gpu_upload_path uploads[] = {NUMC__UPLOAD_WRITE, NUMC__UPLOAD_WRITE_CHUNKED, NUMC__UPLOAD_STAGING,
                                                NUMC__UPLOAD_MAPPED_AT_CREATION};
static const numc__gpu_download_path downloads[] = {NUMC__DOWNLOAD_WHOLE, NUMC__DOWNLOAD_CHUNKED};

static void fill_random(uint8_t *p, size_t n, uint64_t seed) {
  for (size_t i = 0; i < n; i++) {
    seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
    p[i] = (uint8_t)(seed >> 24);
  }
}

/* Upload n random bytes at `offset` of a buffer full of GUARD with strategy (up, down),
 * read them back with it, then read the whole buffer back with the plain paths. */
static void round_trip(numc__gpu *g, numc__gpu_upload_path up, numc__gpu_download_path down, uint64_t offset,
                       size_t n) {
  numc__gpu_transfer_strategy plain = {NUMC__UPLOAD_WRITE, NUMC__DOWNLOAD_WHOLE, CHUNK};
  numc__gpu_transfer_strategy tested = {up, down, CHUNK};
  size_t n4 = (n + 3) / 4 * 4, total = (size_t)offset + n4 + 8;
  uint8_t *src = malloc(n + 1), *back = malloc(n + 1), *all = malloc(total);
  numc__gpu_block block = {0};
  CHECK(src && back && all);
  CHECK_OK(numc__gpu_pool_get(g, total, &block));
  if (!src || !back || !all || !block.buffer) goto done;
  fill_random(src, n, 1 + n + offset);
  memset(all, GUARD, total);
  CHECK_OK(numc__gpu_transfer_set_strategy(plain));
  CHECK_OK(numc__gpu_upload(g, block.buffer, 0, all, total));

  CHECK_OK(numc__gpu_transfer_set_strategy(tested));
  CHECK_OK(numc__gpu_upload(g, block.buffer, offset, src, n));
  memset(back, 0, n + 1);
  CHECK_OK(numc__gpu_download(g, block.buffer, offset, back, n));
  bool same = memcmp(src, back, n) == 0;

  CHECK_OK(numc__gpu_transfer_set_strategy(plain));
  CHECK_OK(numc__gpu_download(g, block.buffer, 0, all, total));
  bool guarded = true;
  for (size_t i = 0; i < total; i++) {
    uint8_t want = i < offset ? GUARD : i < offset + n ? src[i - offset] : i < offset + n4 ? 0 : GUARD;
    guarded = guarded && all[i] == want;
  }
  if (!same || !guarded)
    fprintf(stderr, "upload %d download %d, %zu bytes at %llu: %s\n", (int)up, (int)down, n,
            (unsigned long long)offset, !same ? "read back differs" : "bytes around it changed");
  CHECK(same && guarded);
done:
  if (block.buffer) numc__gpu_pool_put(g, block);
  free(src);
  free(back);
  free(all);
}

TEST(every_strategy_round_trips) {
  if (!have_gpu()) return;
  static const size_t sizes[] = {0, 1, 3, 4, 5, CHUNK - 4, CHUNK, CHUNK + 4, 2 * CHUNK + 1, (1 << 20) + 3};
  static const uint64_t offsets[] = {4, 260};
  numc__gpu_transfer_strategy before = numc__gpu_transfer_strategy_get();
  numc__gpu_lock();
  numc__gpu *g;
  CHECK_OK(numc__gpu_context(&g));
  numc__gpu_pool_trim();
  numc__gpu_staging_destroy(g);
  numc__gpu_pool_stats s0;
  numc__gpu_pool_stats_get(&s0);
  for (size_t u = 0; u < sizeof uploads / sizeof uploads[0]; u++)
    for (size_t d = 0; d < sizeof downloads / sizeof downloads[0]; d++)
      for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++)
        for (size_t o = 0; o < sizeof offsets / sizeof offsets[0]; o++)
          round_trip(g, uploads[u], downloads[d], offsets[o], sizes[k]);
  numc__gpu_staging_destroy(g);
  numc__gpu_pool_trim();
  numc__gpu_pool_stats s1;
  numc__gpu_pool_stats_get(&s1);
  CHECK_EQ_INT(s1.live_buffers, s0.live_buffers);
  CHECK_EQ_INT(s1.buffers_alive, s0.buffers_alive);
  numc__gpu_unlock();
  CHECK_OK(numc__gpu_transfer_set_strategy(before));
}

TEST(bad_strategies_are_refused) {
  numc__gpu_transfer_strategy before = numc__gpu_transfer_strategy_get();
  CHECK_STATUS(numc__gpu_transfer_set_strategy((numc__gpu_transfer_strategy){NUMC__UPLOAD_STAGING,
                                                                             NUMC__DOWNLOAD_CHUNKED, 0}),
               NUMC_EINVAL);
  CHECK_STATUS(numc__gpu_transfer_set_strategy((numc__gpu_transfer_strategy){NUMC__UPLOAD_STAGING,
                                                                             NUMC__DOWNLOAD_CHUNKED, 6}),
               NUMC_EINVAL);
  CHECK_STATUS(numc__gpu_transfer_set_strategy((numc__gpu_transfer_strategy){(numc__gpu_upload_path)4,
                                                                             NUMC__DOWNLOAD_CHUNKED, 8}),
               NUMC_EINVAL);
  numc__gpu_transfer_strategy after = numc__gpu_transfer_strategy_get();
  CHECK(memcmp(&before, &after, sizeof before) == 0);
}

TESTS(CASE(every_strategy_round_trips), CASE(bad_strategies_are_refused))
