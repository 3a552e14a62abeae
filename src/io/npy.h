/* Internals shared by the .npy (npy.c) and .npz (npz.c) readers and writers. */
#ifndef NUMC_IO_NPY_H
#define NUMC_IO_NPY_H

#include <stdio.h>

#include "core/core.h"

/* A running CRC-32 (zip's), owned by npz.c. The .npy code feeds it every byte of a
 * member as it reads or writes it, so that a zip member is checked without a second
 * pass. Pass NULL where no CRC is wanted. */
typedef struct numc__crc numc__crc;
void numc__crc_update(numc__crc *c, const void *p, size_t n);

/* Read a .npy image of exactly `size` bytes from f's position. `name` prefixes messages
 * ("a.npy", "b.npz:x.npy"). Nothing is allocated before the header has been validated
 * against `size`. */
numc_status numc__npy_read(FILE *f, uint64_t size, const char *name, numc__crc *crc,
                           numc_array **out);
/* Parse a .npy image held in memory. */
numc_status numc__npy_parse(const void *bytes, size_t n, const char *name, numc_array **out);

/* Bytes numc__npy_write produces for `a` (header and data). */
uint64_t numc__npy_size(const numc_array *a);
/* Write `a` as a .npy image at f's position. */
numc_status numc__npy_write(FILE *f, const numc_array *a, const char *name, numc__crc *crc);

/* Writing through a temporary file: numc__temp_open creates "<path>.tmp.<pid>"
 * (malloc'ed name in *tmp); numc__temp_close closes it and, if `s` is NUMC_OK, renames
 * it over `path`, else removes it. Returns the final status and frees *tmp. */
numc_status numc__temp_open(const char *path, char **tmp, FILE **f);
numc_status numc__temp_close(FILE *f, char *tmp, const char *path, numc_status s);

#endif
