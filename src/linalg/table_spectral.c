/* Function-table entries of the spectral module (see table/table.h). */
#include "table/table.h"

static const numc_param uplo_params[] = {
    NUMC__P("UPLO", STRING, "L", "L|U"),
};
static const numc_param svd_params[] = {
    NUMC__P("full_matrices", BOOL, "true", "u and vh square (M x M, N x N) rather than reduced"),
    NUMC__P("compute_uv", BOOL, "true", "compute u and vh; false: only s (one output)"),
    NUMC__P("hermitian", BOOL, "false", "a is Hermitian: decompose it through eigh"),
};

static numc_status invoke_eigh(numc__call *c) {
  return numc_linalg_eigh(c->in[0], numc__opt(c, "UPLO")->str, &c->out[0], &c->out[1]);
}
static numc_status invoke_eigvalsh(numc__call *c) {
  return numc_linalg_eigvalsh(c->in[0], numc__opt(c, "UPLO")->str, &c->out[0]);
}
static numc_status invoke_eig(numc__call *c) {
  return numc_linalg_eig(c->in[0], &c->out[0], &c->out[1]);
}
static numc_status invoke_eigvals(numc__call *c) {
  return numc_linalg_eigvals(c->in[0], &c->out[0]);
}
static numc_status invoke_svd(numc__call *c) {
  if (!numc__opt_bool(c, "compute_uv")) {
    c->nout = 1;
    return numc_linalg_svd(c->in[0], numc__opt_bool(c, "full_matrices"), false,
                           numc__opt_bool(c, "hermitian"), NULL, &c->out[0], NULL);
  }
  if (c->max_out < 3) return numc__fail(NUMC_EINVAL, "linalg.svd: 3 outputs do not fit in %d slots", c->max_out);
  c->nout = 3;
  return numc_linalg_svd(c->in[0], numc__opt_bool(c, "full_matrices"), true,
                         numc__opt_bool(c, "hermitian"), &c->out[0], &c->out[1], &c->out[2]);
}
static numc_status invoke_svdvals(numc__call *c) {
  return numc_linalg_svdvals(c->in[0], &c->out[0]);
}

const numc__func numc__table_spectral[] = {
    NUMC__FUNC("linalg.eigh", "eigenvalues (ascending) and eigenvectors of a Hermitian matrix", "a",
               1, 1, 2, uplo_params, invoke_eigh),
    NUMC__FUNC("linalg.eigvalsh", "eigenvalues (ascending) of a Hermitian matrix", "a", 1, 1, 1,
               uplo_params, invoke_eigvalsh),
    NUMC__FUNC0("linalg.eig", "eigenvalues and right eigenvectors of a square matrix", "a", 1, 1, 2,
                invoke_eig),
    NUMC__FUNC0("linalg.eigvals", "eigenvalues of a square matrix", "a", 1, 1, 1, invoke_eigvals),
    NUMC__FUNC("linalg.svd", "singular value decomposition a = u diag(s) vh", "a", 1, 1, -1,
               svd_params, invoke_svd),
    NUMC__FUNC0("linalg.svdvals", "singular values, descending", "a", 1, 1, 1, invoke_svdvals),
    NUMC__TABLE_END,
};
