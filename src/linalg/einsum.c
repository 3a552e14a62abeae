/* numpy.einsum for one or two operands: explicit ("ij,jk->ik") and implicit ("ij,jk")
 * subscripts, with "..." for broadcast dimensions. The subscripts become axis labels; a
 * label repeated within an operand takes the diagonal (a view whose stride is the sum of
 * the repeated axes' strides); then one labelled contraction (contract.c) computes it.
 * Messages are NumPy's. */
#include "index/index.h" /* numc__borrow, numc__check_out, numc__check_ndim */
#include "linalg/products.h"

/* Labels: 'A'..'Z' are 0..25 and 'a'..'z' 26..51, in ASCII order as implicit mode sorts
 * them; the axes an ellipsis stands for are ELLIPSIS and up, aligned from the right
 * across operands as broadcasting aligns them. */
#define LETTERS 52
#define ELLIPSIS LETTERS

/* One comma-separated term: its letters and where its "..." stands, if it has one. */
typedef struct term {
  int n;
  int labels[NUMC_MAXDIMS];
  bool ellipsis;
  int ellipsis_at; /* number of letters before the "..." */
} term;

static char label_char(int l) { return (char)(l < 26 ? 'A' + l : 'a' + (l - 26)); }

static numc_status parse_term(const char *s, const char *end, int op, term *t) {
  *t = (term){0};
  for (const char *p = s; p < end; p++) {
    char ch = *p;
    if (ch == ' ') continue;
    if (ch == '.') {
      if (t->ellipsis || end - p < 3 || p[1] != '.' || p[2] != '.') {
        if (op < 0)
          return numc__fail(NUMC_EINVAL, "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output");
        return numc__fail(NUMC_EINVAL, "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand %d", op);
      }
      t->ellipsis = true;
      t->ellipsis_at = t->n;
      p += 2;
    } else if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')) {
      if (t->n == NUMC_MAXDIMS) {
        if (op < 0) return numc__fail(NUMC_EINVAL, "einstein sum subscripts string contains too many output subscripts");
        return numc__fail(NUMC_EINVAL, "einstein sum subscripts string contains too many subscripts for operand %d", op);
      }
      t->labels[t->n++] = ch <= 'Z' ? ch - 'A' : 26 + (ch - 'a');
    } else {
      return numc__fail(NUMC_EINVAL, "invalid subscript '%c' in einstein sum subscripts string, subscripts must be letters", ch);
    }
  }
  return NUMC_OK;
}

/* Split "t0,t1->out" into terms, checking the term count against the operands. */
static numc_status parse(const char *subscripts, int nop, term *in, term *out, bool *explicit_out) {
  const char *arrow = strstr(subscripts, "->");
  const char *end = arrow ? arrow : subscripts + strlen(subscripts);
  int nterms = 1;
  for (const char *p = subscripts; p < end; p++) nterms += *p == ',';
  if (nterms > nop)
    return numc__fail(NUMC_EINVAL, "fewer operands provided to einstein sum function than specified in the subscripts string");
  if (nterms < nop)
    return numc__fail(NUMC_EINVAL, "more operands provided to einstein sum function than specified in the subscripts string");
  const char *s = subscripts;
  for (int k = 0; k < nop; k++) {
    const char *comma = k + 1 < nop ? strchr(s, ',') : end;
    NUMC__TRY(parse_term(s, comma, k, &in[k]));
    s = comma + 1;
  }
  *explicit_out = arrow != NULL;
  return arrow ? parse_term(arrow + 2, arrow + strlen(arrow), -1, out) : NUMC_OK;
}

/* How many axes operand k's ellipsis stands for, after checking its term against it. */
static numc_status covered_axes(const term *t, const numc_array *a, int k, int *covered) {
  if (t->n > a->ndim)
    return numc__fail(NUMC_EINVAL, "einstein sum subscripts string contains too many subscripts for operand %d", k);
  if (!t->ellipsis && t->n < a->ndim)
    return numc__fail(NUMC_EINVAL, "operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
  *covered = a->ndim - t->n;
  return NUMC_OK;
}

/* Labels of a term's axes, its ellipsis expanded to the last `covered` of the
 * `ellipsis_axes` ellipsis labels, so that a shorter ellipsis lines up with the right end
 * of a longer one (broadcasting). Returns the number of labels. */
static int expand(const term *t, int covered, int ellipsis_axes, int *labels) {
  int d = 0;
  for (int i = 0; i <= t->n; i++) {
    if (t->ellipsis && i == t->ellipsis_at)
      for (int e = 0; e < covered; e++) labels[d++] = ELLIPSIS + ellipsis_axes - covered + e;
    if (i < t->n) labels[d++] = t->labels[i];
  }
  return d;
}

/* The operand with each repeated label collapsed to its diagonal (first occurrence's
 * position), as a borrowed view; writes its labels to c->labels[k]. */
static numc_status take_diagonals(numc__contraction *c, int k, const numc_array *a,
                                  const int *labels, numc_array *diag) {
  int n = 0, uniq[NUMC_MAXDIMS];
  int64_t shape[NUMC_MAXDIMS], strides[NUMC_MAXDIMS];
  for (int d = 0; d < a->ndim; d++) {
    int j = 0;
    while (j < n && uniq[j] != labels[d]) j++;
    if (j < n) {
      if (shape[j] != a->shape[d])
        return numc__fail(NUMC_ESHAPE, "dimensions in single operand for collapsing index '%c' don't match (%lld != %lld)",
                          label_char(labels[d]), (long long)shape[j], (long long)a->shape[d]);
      strides[j] += a->strides[d];
    } else {
      uniq[n] = labels[d];
      shape[n] = a->shape[d];
      strides[n++] = a->strides[d];
    }
  }
  *diag = numc__borrow(a, n, shape, strides, 0);
  memcpy(c->labels[k], uniq, sizeof(int) * (size_t)n);
  return NUMC_OK;
}

/* Extents of the labels across operands: equal, or 1 broadcasting against the other. */
static numc_status label_sizes(numc__contraction *c) {
  bool seen[NUMC__MAXLABELS] = {false};
  int first_op[NUMC__MAXLABELS];
  for (int k = 0; k < c->nop; k++)
    for (int d = 0; d < c->op[k]->ndim; d++) {
      int l = c->labels[k][d];
      int64_t e = c->op[k]->shape[d];
      if (!seen[l]) {
        seen[l] = true;
        c->size[l] = e;
        first_op[l] = k;
      } else if (c->size[l] == 1) {
        c->size[l] = e;
      } else if (e != 1 && e != c->size[l]) {
        if (l < LETTERS)
          return numc__fail(NUMC_ESHAPE, "einsum: operands could not be broadcast together: subscript '%c' has extent %lld in operand %d and %lld in operand %d",
                            label_char(l), (long long)c->size[l], first_op[l], (long long)e, k);
        return numc__fail(NUMC_ESHAPE, "einsum: operands could not be broadcast together: the dimensions covered by '...' have extents %lld and %lld",
                          (long long)c->size[l], (long long)e);
      }
    }
  return NUMC_OK;
}

/* The output labels: as written (explicit), or the ellipsis axes followed by the letters
 * that occur exactly once, in label order (implicit). */
static numc_status output_labels(numc__contraction *c, const term *in, const term *out,
                                 bool explicit_out, int ellipsis_axes, const bool *used) {
  int nout = 0, labels[NUMC__MAXLABELS];
  if (explicit_out) {
    bool seen[NUMC__MAXLABELS] = {false};
    if (!out->ellipsis && ellipsis_axes > 0)
      return numc__fail(NUMC_EINVAL, "output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
    for (int i = 0; i < out->n; i++) {
      int l = out->labels[i];
      if (!used[l])
        return numc__fail(NUMC_EINVAL, "einstein sum subscripts string included output subscript '%c' which never appeared in an input", label_char(l));
      if (seen[l])
        return numc__fail(NUMC_EINVAL, "einstein sum subscripts string includes output subscript '%c' multiple times", label_char(l));
      seen[l] = true;
    }
    nout = expand(out, ellipsis_axes, ellipsis_axes, labels);
  } else {
    int count[LETTERS] = {0};
    for (int k = 0; k < c->nop; k++)
      for (int i = 0; i < in[k].n; i++) count[in[k].labels[i]]++;
    for (int e = 0; e < ellipsis_axes; e++) labels[nout++] = ELLIPSIS + e;
    for (int l = 0; l < LETTERS; l++)
      if (count[l] == 1) labels[nout++] = l;
  }
  NUMC__TRY(numc__check_ndim(nout));
  c->nout = nout;
  memcpy(c->out_labels, labels, sizeof(int) * (size_t)nout);
  return NUMC_OK;
}

numc_status numc_einsum(const char *subscripts, const numc_array *const *operands, int n,
                        numc_array **out) {
  NUMC__TRY(numc__check_out(out));
  if (!subscripts) return numc__fail(NUMC_EINVAL, "einsum: subscripts is NULL");
  if (n < 1 || n > 2)
    return numc__fail(NUMC_EINVAL, "einsum: numc supports one or two operands, got %d", n);
  if (!operands) return numc__fail(NUMC_EINVAL, "einsum: operands is NULL");
  for (int k = 0; k < n; k++)
    if (!operands[k]) return numc__fail(NUMC_EINVAL, "einsum: operand %d is NULL", k);
  term in[2], out_term;
  bool explicit_out;
  NUMC__TRY(parse(subscripts, n, in, &out_term, &explicit_out));

  int labels[2][NUMC_MAXDIMS], covered[2] = {0, 0}, ellipsis_axes = 0;
  for (int k = 0; k < n; k++) {
    NUMC__TRY(covered_axes(&in[k], operands[k], k, &covered[k]));
    if (covered[k] > ellipsis_axes) ellipsis_axes = covered[k];
  }
  for (int k = 0; k < n; k++) expand(&in[k], covered[k], ellipsis_axes, labels[k]);

  numc__contraction c = {.nop = n};
  numc_array diag[2];
  for (int k = 0; k < n; k++) {
    NUMC__TRY(take_diagonals(&c, k, operands[k], labels[k], &diag[k]));
    c.op[k] = &diag[k];
  }
  /* The subscripts are checked before the extents, as NumPy does. */
  bool used[NUMC__MAXLABELS] = {false};
  for (int k = 0; k < n; k++)
    for (int d = 0; d < c.op[k]->ndim; d++) used[c.labels[k][d]] = true;
  NUMC__TRY(output_labels(&c, in, &out_term, explicit_out, ellipsis_axes, used));
  NUMC__TRY(label_sizes(&c));
  return numc__contract(&c, numc__product_dtype(operands[0], n == 2 ? operands[1] : NULL), out);
}
