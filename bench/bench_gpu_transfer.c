/* Host <-> GPU transfer speed of every strategy in src/gpu/transfer.c and upload.c, to
 * choose the default (numc__gpu_transfer_strategy): one markdown table of GB/s, best of
 * 5 after one untimed run, for 1, 16, 64 and 256 MiB up to max_mib.
 *   upload rows: from host memory until the data is on the GPU (the upload, then a
 *     dependent 4-byte download of its last word, so a map round trip is included);
 *   download rows: from a GPU buffer until the bytes are in (already touched) host memory;
 *   memcpy rows: the host's own copy speed into touched memory and into fresh 4 KiB pages
 *     (the worst case of a new array's; numc asks for huge pages for large ones), for
 *     reference.
 * "chunk" is the chunk size of the chunked paths. Every download is checked byte-exact.
 * Usage: bench_gpu_transfer [max_mib]   (default 16: SwiftShader; 256 on a real GPU) */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "bench.h"
#include <string.h>
#include <sys/mman.h>

#include "gpu/gpu.h" /* the transfer strategy hook */

#define REPS 5
#define MIB ((size_t)1 << 20)

typedef struct row {
  const char *name;
  numc__gpu_upload_path upload;
  numc__gpu_download_path download;
  size_t chunk_mib; /* of the chunked path; 0 where the row has none */
} row;

static const row upload_rows[] = {
    {"upload write", NUMC__UPLOAD_WRITE, NUMC__DOWNLOAD_WHOLE, 0},
    {"upload write chunked", NUMC__UPLOAD_WRITE_CHUNKED, NUMC__DOWNLOAD_WHOLE, 1},
    {"upload write chunked", NUMC__UPLOAD_WRITE_CHUNKED, NUMC__DOWNLOAD_WHOLE, 4},
    {"upload write chunked", NUMC__UPLOAD_WRITE_CHUNKED, NUMC__DOWNLOAD_WHOLE, 16},
    {"upload staging", NUMC__UPLOAD_STAGING, NUMC__DOWNLOAD_WHOLE, 1},
    {"upload staging", NUMC__UPLOAD_STAGING, NUMC__DOWNLOAD_WHOLE, 4},
    {"upload staging", NUMC__UPLOAD_STAGING, NUMC__DOWNLOAD_WHOLE, 16},
    {"upload staging", NUMC__UPLOAD_STAGING, NUMC__DOWNLOAD_WHOLE, 64},
    {"upload mapped at creation", NUMC__UPLOAD_MAPPED_AT_CREATION, NUMC__DOWNLOAD_WHOLE, 0},
};
static const row download_rows[] = {
    {"download whole", NUMC__UPLOAD_WRITE, NUMC__DOWNLOAD_WHOLE, 0},
    {"download chunked", NUMC__UPLOAD_WRITE, NUMC__DOWNLOAD_CHUNKED, 1},
    {"download chunked", NUMC__UPLOAD_WRITE, NUMC__DOWNLOAD_CHUNKED, 4},
    {"download chunked", NUMC__UPLOAD_WRITE, NUMC__DOWNLOAD_CHUNKED, 16},
    {"download chunked", NUMC__UPLOAD_WRITE, NUMC__DOWNLOAD_CHUNKED, 64},
};
static const size_t sizes_mib[] = {1, 16, 64, 256};

/* Seconds of one transfer of n bytes between `host` and `dev` (`back`: a touched host
 * buffer for downloads). */
static double once(numc__gpu *g, bool upload, WGPUBuffer dev, const uint8_t *host, uint8_t *back, size_t n) {
  double t0 = now();
  if (upload) {
    uint32_t last;
    CHECK(numc__gpu_upload(g, dev, 0, host, n));
    CHECK(numc__gpu_download(g, dev, n - 4, &last, 4));
    if (memcmp(&last, host + n - 4, 4)) {
      fprintf(stderr, "bench: the uploaded data differs\n");
      exit(1);
    }
  } else {
    CHECK(numc__gpu_download(g, dev, 0, back, n));
  }
  return now() - t0;
}

/* GB/s of the best of REPS (after one untimed run that creates staging buffers); then
 * the whole buffer is read back and checked. */
static double rate(numc__gpu *g, const row *r, bool upload, WGPUBuffer dev, const uint8_t *host, uint8_t *back,
                   size_t n) {
  size_t chunk = r->chunk_mib ? r->chunk_mib : 1; /* any valid size where unused */
  CHECK(numc__gpu_transfer_set_strategy((numc__gpu_transfer_strategy){r->upload, r->download, chunk * MIB}));
  double best = once(g, upload, dev, host, back, n);
  for (int k = 0; k < REPS; k++) {
    double t = once(g, upload, dev, host, back, n);
    if (t < best) best = t;
  }
  memset(back, 0, n);
  CHECK(numc__gpu_download(g, dev, 0, back, n));
  if (memcmp(host, back, n)) {
    fprintf(stderr, "bench: %s read back wrong data\n", r->name);
    exit(1);
  }
  return (double)n / best / 1e9;
}

/* GB/s of memcpy into `dst`, or (dst NULL) into fresh pages mapped per copy, which the
 * copy faults in as it goes, as it does into a new large array. */
static double memcpy_rate(const uint8_t *src, uint8_t *dst, size_t n) {
  double best = 1e30;
  for (int k = 0; k < REPS; k++) {
    uint8_t *fresh = dst ? NULL : mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (fresh == MAP_FAILED) exit(1);
    double t0 = now();
    memcpy(dst ? dst : fresh, src, n);
    double t = now() - t0;
    if (fresh) munmap(fresh, n);
    if (t < best) best = t;
  }
  return (double)n / best / 1e9;
}

static void print_row(const char *name, size_t chunk_mib, const double *gbs, int nsizes) {
  if (chunk_mib) printf("| %s | %zu MiB |", name, chunk_mib);
  else printf("| %s | - |", name);
  for (int i = 0; i < nsizes; i++) printf(" %.2f |", gbs[i]);
  printf("\n");
  fflush(stdout);
}

int main(int argc, char **argv) {
  size_t max_mib = argc > 1 ? (size_t)atoll(argv[1]) : 16;
  bench_print_adapter();
  numc__gpu_transfer_strategy def = numc__gpu_transfer_strategy_get();
  printf("# default: upload path %d, download path %d, chunk %llu MiB; GB/s, best of %d\n", (int)def.upload,
         (int)def.download, (unsigned long long)(def.chunk_bytes / MIB), REPS);

  int nsizes = 0;
  while (nsizes < (int)(sizeof sizes_mib / sizeof sizes_mib[0]) && sizes_mib[nsizes] <= max_mib) nsizes++;
  if (nsizes == 0) {
    fprintf(stderr, "bench: max_mib must be at least 1\n");
    return 1;
  }
  size_t max_n = sizes_mib[nsizes - 1] * MIB;
  uint8_t *host = malloc(max_n), *back = malloc(max_n);
  if (!host || !back) return 1;
  uint64_t seed = 88172645463325252ull;
  for (size_t i = 0; i < max_n; i++) {
    seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
    host[i] = (uint8_t)seed;
  }
  memset(back, 0, max_n);

  printf("| path | chunk |");
  for (int i = 0; i < nsizes; i++) printf(" %zu MiB |", sizes_mib[i]);
  printf("\n|---|---|");
  for (int i = 0; i < nsizes; i++) printf("---|");
  printf("\n");

  double gbs[sizeof sizes_mib / sizeof sizes_mib[0]];
  for (int i = 0; i < nsizes; i++) gbs[i] = memcpy_rate(host, back, sizes_mib[i] * MIB);
  print_row("host memcpy, touched destination", 0, gbs, nsizes);
  for (int i = 0; i < nsizes; i++) gbs[i] = memcpy_rate(host, NULL, sizes_mib[i] * MIB);
  print_row("host memcpy, fresh destination", 0, gbs, nsizes);

  numc__gpu_lock();
  numc__gpu *g;
  CHECK(numc__gpu_context(&g));
  numc__gpu_block dev;
  CHECK(numc__gpu_pool_get(g, max_n, &dev));
  for (size_t r = 0; r < sizeof upload_rows / sizeof upload_rows[0]; r++) {
    for (int i = 0; i < nsizes; i++)
      gbs[i] = rate(g, &upload_rows[r], true, dev.buffer, host, back, sizes_mib[i] * MIB);
    print_row(upload_rows[r].name, upload_rows[r].chunk_mib, gbs, nsizes);
  }
  CHECK(numc__gpu_upload(g, dev.buffer, 0, host, max_n));
  for (size_t r = 0; r < sizeof download_rows / sizeof download_rows[0]; r++) {
    for (int i = 0; i < nsizes; i++)
      gbs[i] = rate(g, &download_rows[r], false, dev.buffer, host, back, sizes_mib[i] * MIB);
    print_row(download_rows[r].name, download_rows[r].chunk_mib, gbs, nsizes);
  }
  numc__gpu_pool_put(g, dev);
  numc__gpu_unlock();
  free(host);
  free(back);
  return 0;
}
