/* A program outside the numc tree: the README's example. */
#include <numc.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  numc_array *a = NULL, *m = NULL, *s = NULL;
  if (numc_arange(0, 6, 1, NUMC_FLOAT32, &a) ||
      numc_reshape(a, (int64_t[]){2, 3}, 2, NUMC_ORDER_C, &m) ||
      numc_sum(m, NUMC_AXES(1), false, &s)) {
    fprintf(stderr, "numc: %s\n", numc_last_error());
    return 1;
  }
  char *text = numc_repr(s);
  puts(text);
  free(text);
  numc_free(s);
  numc_free(m);
  numc_free(a);
  return 0;
}
