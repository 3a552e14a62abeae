/* Householder reductions and back-transforms for double and double complex: the body is
 * householder_tmpl.h, instantiated once per scalar type (names in spectral.h). */
#include <float.h>
#include <math.h>

#include "core/threads.h"
#include "linalg/gemm.h"
#include "linalg/spectral.h"

#define NUMC__CAT_(a, b) a##b
#define NUMC__CAT(a, b) NUMC__CAT_(a, b)

#define T double
#define SFX _d
#define CONJ(x) (x)
#define TVAL(re, im) (re)
#define GEMM numc__dgemm
#define SYMV_FAST numc__symv_lower_fast
#include "linalg/householder_tmpl.h"
#include "linalg/hetrd_blocked_tmpl.h"
#include "linalg/gebrd_blocked_tmpl.h"
#undef T
#undef SFX
#undef CONJ
#undef TVAL
#undef GEMM
#undef SYMV_FAST

#define T numc__c128
#define SFX _z
#define CONJ(x) conj(x)
#define TVAL(re, im) CMPLX(re, im)
#define GEMM numc__zgemm
#include "linalg/householder_tmpl.h"
#include "linalg/hetrd_blocked_tmpl.h"
#include "linalg/gebrd_blocked_tmpl.h"
