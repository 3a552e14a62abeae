/* Generator.standard_normal and Generator.normal: NumPy's 256-layer ziggurat
 * (distributions.c, random_standard_normal and random_standard_normal_f).
 *
 * One 64-bit draw (32-bit for float32) gives the layer (low 8 bits), the sign (next bit)
 * and the magnitude (52 bits; 23 for float32). Most draws land inside their layer and
 * return at once; the rest are settled by the density test, or, in the base layer, by
 * sampling the tail beyond r. The order of draws and every arithmetic step follow
 * NumPy's, so the values are NumPy's bit for bit (given the same libm exp and log1p,
 * which only the rejection steps use: about 1 value in 100). NumPy 1.24's build calls
 * exp, log1p and log1pf there (seen in its distributions.o), as this file does. */
#include <math.h>

#include "random/generator.h"
#include "random/ziggurat.h"

/* Marsaglia's tail beyond r: x = r + E1/r with E1, E2 exponential, accepted when
 * 2 E2 > (E1/r)^2. NumPy draws 1 - U (never 0) for the logarithms. */
static double normal_tail(numc__pcg64 *g, bool negative) {
  for (;;) {
    double xx = -NUMC__ZIG_NOR_INV_R * log1p(-numc__next_double(g));
    double yy = -log1p(-numc__next_double(g));
    if (yy + yy > xx * xx) return negative ? -(NUMC__ZIG_NOR_R + xx) : NUMC__ZIG_NOR_R + xx;
  }
}

static double standard_normal(numc__pcg64 *g) {
  for (;;) {
    uint64_t r = numc__pcg64_next64(g);
    int layer = (int)(r & 0xff);
    r >>= 8;
    uint64_t rabs = (r >> 1) & 0x000fffffffffffffu;
    double x = (double)rabs * numc__zig_wi_double[layer];
    if (r & 1) x = -x;
    if (rabs < numc__zig_ki_double[layer]) return x;
    if (layer == 0) return normal_tail(g, (rabs >> 8) & 1);
    double f0 = numc__zig_fi_double[layer - 1], f1 = numc__zig_fi_double[layer];
    if ((f0 - f1) * numc__next_double(g) + f1 < exp(-0.5 * x * x)) return x;
  }
}

static float normal_tail_f(numc__pcg64 *g, bool negative) {
  const float r = (float)NUMC__ZIG_NOR_R, inv_r = (float)NUMC__ZIG_NOR_INV_R;
  for (;;) {
    float xx = -inv_r * log1pf(-numc__next_float(g));
    float yy = -log1pf(-numc__next_float(g));
    if (yy + yy > xx * xx) return negative ? -(r + xx) : r + xx;
  }
}

static float standard_normal_f(numc__pcg64 *g) {
  for (;;) {
    uint32_t r = numc__pcg64_next32(g);
    int layer = (int)(r & 0xff);
    uint32_t rabs = (r >> 9) & 0x007fffffu;
    float x = (float)rabs * numc__zig_wi_float[layer];
    if ((r >> 8) & 1) x = -x;
    if (rabs < numc__zig_ki_float[layer]) return x;
    if (layer == 0) return normal_tail_f(g, (rabs >> 8) & 1);
    float f0 = numc__zig_fi_float[layer - 1], f1 = numc__zig_fi_float[layer];
    /* The density is evaluated in double, as NumPy does. */
    if ((f0 - f1) * numc__next_float(g) + f1 < exp(-0.5 * x * x)) return x;
  }
}

numc_status numc_random_standard_normal(numc_generator *g, const int64_t *shape, int ndim,
                                        numc_dtype t, numc_array **out) {
  return numc__random_floats(g, shape, ndim, t, "standard_normal", standard_normal, standard_normal_f, out);
}

numc_status numc_random_normal(numc_generator *g, double loc, double scale, const int64_t *shape,
                               int ndim, numc_array **out) {
  /* NumPy's non-negative constraint tests the sign bit (-0.0 is refused, NaN passes). */
  if (signbit(scale) && !isnan(scale)) return numc__fail(NUMC_EVALUE, "scale < 0");
  NUMC__TRY(numc__random_output(g, shape, ndim, NUMC_FLOAT64, out));
  numc_array *y = *out;
  int64_t n = numc_size(y);
  double *p = (double *)numc__host_data(y);
  for (int64_t i = 0; i < n; i++) p[i] = loc + scale * standard_normal(&g->bits);
  return NUMC_OK;
}
