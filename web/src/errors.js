// Errors of the JS API: numc's status codes (include/numc/base.h) as Error subclasses.

/** A numc failure: `code` is the status name ('ESHAPE'), `status` its number (-2), and the
 * message is numc's own (numc_last_error(): the shapes that failed to broadcast, ...). */
export class NumcError extends Error {
  /**
   * @param {string} code
   * @param {number} status
   * @param {string} message
   */
  constructor(code, status, message) {
    super(message);
    this.name = 'NumcError';
    this.code = code;
    this.status = status;
  }
}

/** numpy.linalg.LinAlgError's counterpart (ELINALG): a singular matrix, no convergence. */
export class LinAlgError extends NumcError {
  constructor(code, status, message) {
    super(code, status, message);
    this.name = 'LinAlgError';
  }
}

/** The error for a failed status, of the subclass its family has. */
export function errorFor(code, status, message) {
  return code === 'ELINALG' ? new LinAlgError(code, status, message) : new NumcError(code, status, message);
}
