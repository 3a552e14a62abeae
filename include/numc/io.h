/* numc/io.h: .npy / .npz files and printing. Included by numc.h. */
#ifndef NUMC_IO_H
#define NUMC_IO_H

#include "numc/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Load a .npy file (format 1.0, 2.0 or 3.0; either byte order; C or Fortran order).
 * A malformed or truncated file gives NUMC_EFORMAT with the reason; nothing is
 * allocated beyond what the file's actual size can hold. */
NUMC_API numc_status numc_load(const char *path, numc_array **out);
/** Parse .npy bytes already in memory (used by the loader, the .npz reader, the fuzzer
 * and the browser build). */
NUMC_API numc_status numc_load_bytes(const void *bytes, size_t nbytes, numc_array **out);
/** Save as .npy (version 1.0 unless the header needs 2.0), little-endian, keeping
 * Fortran order when the array is F-contiguous and not C-contiguous. Writes to a
 * temporary file and renames it, so a failure leaves no partial file. */
NUMC_API numc_status numc_save(const char *path, const numc_array *a);
/** Serialise to .npy bytes: *bytes is malloc'ed and owned by the caller (free()). */
NUMC_API numc_status numc_save_bytes(const numc_array *a, void **bytes, size_t *nbytes);

/** Write an uncompressed .npz (a zip of .npy members) with the given member names
 * (".npy" is appended as NumPy does). */
NUMC_API numc_status numc_savez(const char *path, const char *const *names,
                                const numc_array *const *arrays, int n);
/** Read an .npz. Up to max_out arrays and their names are returned: names[i] is
 * malloc'ed (free()), arrays[i] is owned by the caller. Stored (uncompressed) and
 * deflate-compressed members are both accepted. */
NUMC_API numc_status numc_loadz(const char *path, char **names, numc_array **arrays, int max_out,
                                int *nout);

/** NumPy's repr: "array([[1., 2.],\n       [3., 4.]], dtype=float32)". Arrays with
 * more than 1000 elements are summarised with "...". Returns a malloc'ed string (free()),
 * or NULL on failure with the status in numc_last_status(). */
NUMC_API char *numc_repr(const numc_array *a);
/** NumPy's str(): "[[1. 2.]\n [3. 4.]]". malloc'ed, as numc_repr. */
NUMC_API char *numc_str(const numc_array *a);

#ifdef __cplusplus
}
#endif
#endif
