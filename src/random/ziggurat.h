/* The ziggurat of NumPy's standard_normal: 256 layers, tables in ziggurat_tables.c
 * (generated from NumPy's build by scripts/gen_ziggurat_tables.py). */
#ifndef NUMC_RANDOM_ZIGGURAT_H
#define NUMC_RANDOM_ZIGGURAT_H

#include <stdint.h>

/* ki: acceptance bound of a layer's integer draw; wi: its scale to a double; fi: the
 * density at the layer's edge. */
extern const uint64_t numc__zig_ki_double[256];
extern const double numc__zig_wi_double[256];
extern const double numc__zig_fi_double[256];
extern const uint32_t numc__zig_ki_float[256];
extern const float numc__zig_wi_float[256];
extern const float numc__zig_fi_float[256];

/* The right edge r of the base layer and 1/r (NumPy's ziggurat_constants.h). */
#define NUMC__ZIG_NOR_R 3.6541528853610087963519472518
#define NUMC__ZIG_NOR_INV_R 0.27366123732975827203338247596

#endif
