// The inputs of the JavaScript API's tests and NumPy's answers for them, shared by the
// Node.js tests (node.test.mjs) and the browser tests (tests/browser/): the inputs are made
// here, /usr/bin/python3 computes NumPy's answers once (expectations.py), and the tests
// compare every result with them (assertClose).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// A deterministic generator (LCG) for the inputs: the same arrays on every run.
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
/** n numbers in [-1, 1), continuing the one sequence the inputs are drawn from. */
export const randoms = (n) => Array.from({ length: n }, rand);
const reshape = (flat, shape) =>
  shape.length <= 1 ? flat : Array.from({ length: shape[0] }, (_, i) => {
    const step = flat.length / shape[0];
    return reshape(flat.slice(i * step, (i + 1) * step), shape.slice(1));
  });

export const inputs = {
  A: reshape(randoms(35), [5, 7]),
  B: reshape(randoms(21), [7, 3]),
  col: reshape(randoms(3), [3, 1]),
  row: randoms(4),
  ints: reshape([3, -7, 12, 5, 0, -2], [2, 3]),
  cube: reshape(randoms(24), [2, 3, 4]),
  spd: null, // filled below: M M^T + 4 I is symmetric positive definite
  rhs: reshape(randoms(8), [4, 2]),
};
{
  const m = reshape(randoms(16), [4, 4]);
  inputs.spd = m.map((r, i) => m.map((s, j) => r.reduce((acc, x, k) => acc + x * s[k], 0) + (i === j ? 4 : 0)));
}
// Drawn after the ones above, which keep their values. P @ Q has odd sizes past one GPU
// tile (partial tiles at every edge); S1 and S2 are the legacy entry points' square pair.
inputs.P = reshape(randoms(37 * 70), [37, 70]);
inputs.Q = reshape(randoms(70 * 45), [70, 45]);
inputs.S1 = reshape(randoms(40 * 40), [40, 40]);
inputs.S2 = reshape(randoms(40 * 40), [40, 40]);
inputs.pos = reshape(randoms(12).map((v) => v + 1.5), [3, 4]); // positive: for sqrt and log

/** NumPy's answers for `inputs`, computed once by expectations.py. */
export const expected = JSON.parse(execFileSync('/usr/bin/python3', [path.join(here, 'expectations.py')], {
  input: JSON.stringify(inputs),
  encoding: 'utf8',
}));

/** Asserts that nested numbers agree within rtol/atol (NumPy's allclose). */
export function assertClose(actual, want, { rtol = 1e-6, atol = 1e-6 } = {}, where = '') {
  if (Array.isArray(want)) {
    assert.ok(Array.isArray(actual), `${where}: expected an array, got ${actual}`);
    assert.equal(actual.length, want.length, `${where}: length`);
    want.forEach((w, i) => assertClose(actual[i], w, { rtol, atol }, `${where}[${i}]`));
    return;
  }
  const a = Number(actual);
  assert.ok(Math.abs(a - want) <= atol + rtol * Math.abs(want), `${where}: ${a} is not close to ${want}`);
}
