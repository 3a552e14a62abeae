/* A minimal test harness: each test file defines cases with TEST(name) and lists them in
 * one TESTS(...) table; failures print both values and where. */
#ifndef NUMC_TEST_H
#define NUMC_TEST_H

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numc.h"

static int test_failures;

#define TEST(name) static void name(void)

#define CHECK(cond)                                                              \
  do {                                                                           \
    if (!(cond)) {                                                               \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);  \
      test_failures++;                                                           \
    }                                                                            \
  } while (0)

#define CHECK_OK(expr)                                                                    \
  do {                                                                                    \
    numc_status s_ = (expr);                                                              \
    if (s_ != NUMC_OK) {                                                                  \
      fprintf(stderr, "%s:%d: %s returned %s: %s\n", __FILE__, __LINE__, #expr,          \
              numc_status_name(s_), numc_last_error());                                   \
      test_failures++;                                                                    \
    }                                                                                     \
  } while (0)

#define CHECK_STATUS(expr, want)                                                          \
  do {                                                                                    \
    numc_status s_ = (expr);                                                              \
    if (s_ != (want)) {                                                                   \
      fprintf(stderr, "%s:%d: %s returned %s, expected %s (%s)\n", __FILE__, __LINE__,    \
              #expr, numc_status_name(s_), numc_status_name(want), numc_last_error());    \
      test_failures++;                                                                    \
    }                                                                                     \
  } while (0)

#define CHECK_EQ_INT(a, b)                                                                   \
  do {                                                                                       \
    long long a_ = (long long)(a), b_ = (long long)(b);                                      \
    if (a_ != b_) {                                                                          \
      fprintf(stderr, "%s:%d: %s == %s failed: %lld != %lld\n", __FILE__, __LINE__, #a, #b, \
              a_, b_);                                                                       \
      test_failures++;                                                                       \
    }                                                                                        \
  } while (0)

#define CHECK_EQ_STR(a, b)                                                                   \
  do {                                                                                       \
    const char *a_ = (a), *b_ = (b);                                                         \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                                 \
      fprintf(stderr, "%s:%d: %s == %s failed:\n  \"%s\"\n  \"%s\"\n", __FILE__, __LINE__, #a, \
              #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)");                                  \
      test_failures++;                                                                       \
    }                                                                                        \
  } while (0)

#define CHECK_NEAR(a, b, tol)                                                                \
  do {                                                                                       \
    double a_ = (a), b_ = (b);                                                               \
    if (!(fabs(a_ - b_) <= (tol))) {                                                         \
      fprintf(stderr, "%s:%d: %s ~ %s failed: %.17g vs %.17g\n", __FILE__, __LINE__, #a, #b, \
              a_, b_);                                                                       \
      test_failures++;                                                                       \
    }                                                                                        \
  } while (0)

typedef struct {
  const char *name;
  void (*fn)(void);
} test_case;

#define TESTS(...)                                                               \
  int main(void) {                                                               \
    static const test_case cases[] = {__VA_ARGS__};                              \
    int n = (int)(sizeof cases / sizeof cases[0]), failed = 0;                    \
    for (int i = 0; i < n; i++) {                                                \
      int before = test_failures;                                                \
      cases[i].fn();                                                             \
      if (test_failures != before) failed++;                                     \
      printf("%s %s\n", test_failures != before ? "FAIL" : "ok  ", cases[i].name); \
    }                                                                            \
    printf("%d passed, %d failed\n", n - failed, failed);                        \
    return failed ? 1 : 0;                                                       \
  }
#define CASE(fn) {#fn, fn}

#endif
