// Tests of the JavaScript API (the web package) under Node.js, on the CPU path, with NumPy
// as the oracle: the inputs and NumPy's answers for them come from oracle.mjs (shared with
// the browser tests, tests/browser/), and every result is compared with them.
//
// Usage: NUMC_WEB_PACKAGE=BUILD_DIR/package [NUMC_CLI=path/to/native/numc] \
//        node --expose-gc --test tests/web/node.test.mjs
// (tests/web/run.sh builds the package and runs this; ctest runs it as web.node.)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';

import { functionsDts } from '../../web/gen_dts.mjs';
import { assertClose, expected, inputs, randoms } from './oracle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(process.env.NUMC_WEB_PACKAGE ?? '');
assert.ok(fs.existsSync(path.join(pkg, 'package.json')), 'NUMC_WEB_PACKAGE must name the built package');
const entry = pathToFileURL(path.join(pkg, 'src', 'index.js')).href;
// TypeScript's compiler, from the root package.json's devDependencies (or NUMC_TSC).
const tsc = [process.env.NUMC_TSC, path.join(here, '..', '..', 'node_modules', 'typescript', 'bin', 'tsc')]
  .find((f) => f && fs.existsSync(f));

let np;
let initMs;

before(async () => {
  const t0 = performance.now();
  const { init } = await import(entry);
  np = await init({ device: 'auto' });
  initMs = performance.now() - t0;
});

describe('init', () => {
  test('loads the single-threaded build on the CPU, in under 2 s', () => {
    console.log(`init (import + instantiate): ${initMs.toFixed(0)} ms`);
    assert.ok(initMs < 2000, `init took ${initMs} ms`);
    assert.equal(np.device, 'cpu');
    assert.equal(np.gpuInfo(), null);
    assert.equal(np.variant, 'single');
  });

  test("device: 'gpu' without a GPU rejects with EUNAVAIL; a bad device with EINVAL", async () => {
    const { init, NumcError } = await import(entry);
    await assert.rejects(init({ device: 'gpu' }), (e) => e instanceof NumcError && e.code === 'EUNAVAIL');
    await assert.rejects(init({ device: 'tpu' }), (e) => e instanceof NumcError && e.code === 'EINVAL');
  });

  test("the package's version is the library's", () => {
    const version = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')).version;
    assert.equal(version, np.version);
  });
});

// First among the tests that make arrays: garbage of other tests, finalised meanwhile,
// would move the counters.
describe('memory', () => {
  test('disposing 1000 arrays gives their WebAssembly memory back', async () => {
    const warm = await np.ones([10, 10]); // first-use allocations out of the way
    (await np.add(warm, 1)).dispose();
    warm.dispose();
    const base = np.stats();
    for (let i = 0; i < 1000; i++) {
      const a = await np.ones([10, 10]);
      const b = await np.add(a, 1);
      a.dispose();
      b.dispose();
      b.dispose(); // a second dispose does nothing
    }
    assert.deepEqual(np.stats(), base);
  });

  test('a disposed array cannot be used', async () => {
    const a = await np.ones([2]);
    a.dispose();
    assert.equal(a.disposed, true);
    await assert.rejects(a.data(), { code: 'EINVAL', message: /disposed/ });
    await assert.rejects(np.add(a, 1), { code: 'EINVAL', message: /disposed/ });
  });

  test("to('cpu') copies; to('gpu') without a GPU rejects with EUNAVAIL", async () => {
    const a = await np.array([1, 2, 3], { dtype: 'float32' });
    const b = await a.to('cpu');
    assert.equal(b.device, 'cpu');
    assert.deepEqual(Array.from(await b.data()), [1, 2, 3]);
    await assert.rejects(a.to('gpu'), { code: 'EUNAVAIL' });
    await assert.rejects(a.to('tpu'), { code: 'EINVAL' });
    a.dispose();
    b.dispose();
  });

  test('forgotten arrays are freed by the FinalizationRegistry', { skip: !globalThis.gc && 'needs node --expose-gc' }, async () => {
    const base = np.stats();
    await (async () => {
      for (let i = 0; i < 200; i++) await np.ones([100]); // dropped without dispose()
    })();
    assert.equal(np.stats().liveArrays, base.liveArrays + 200);
    // Finalisers run in later tasks after a collection: collect and yield until they did.
    for (let i = 0; i < 50 && np.stats().liveArrays > base.liveArrays; i++) {
      globalThis.gc();
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.deepEqual(np.stats(), base);
  });
});

describe('functions match NumPy', () => {
  const arr = (data, dtype) => np.array(data, { dtype });

  test('matmul float32 and float64', async () => {
    for (const [dtype, rtol] of [['float32', 1e-5], ['float64', 1e-12]]) {
      const c = await np.matmul(await arr(inputs.A, dtype), await arr(inputs.B, dtype));
      assert.equal(c.dtype, dtype);
      assert.deepEqual(c.shape, [5, 3]);
      assertClose(await c.toArray(), expected.matmul, { rtol, atol: rtol }, `matmul ${dtype}`);
    }
  });

  test('elementwise with broadcasting, weak scalars and comparisons', async () => {
    const col = await arr(inputs.col), row = await arr(inputs.row);
    const sum = await np.add(col, row);
    assert.deepEqual(sum.shape, [3, 4]);
    assertClose(await sum.toArray(), expected.add, {}, 'add');
    const prod = await np.multiply(await arr(inputs.ints, 'int32'), await arr(inputs.ints, 'int32'));
    assert.equal(prod.dtype, expected.multiply_dtype);
    assert.deepEqual(await prod.toArray(), expected.multiply);
    const e = await np.exp(await arr(inputs.col, 'float32'));
    assert.equal(e.dtype, 'float32');
    assertClose(await e.toArray(), expected.exp, { rtol: 1e-6 }, 'exp');
    const gt = await np.greater(col, row);
    assert.equal(gt.dtype, 'bool');
    assert.deepEqual(await gt.toArray(), expected.greater);
    const i8 = await np.add(await arr(inputs.ints, 'int8'), 1);
    assert.equal(i8.dtype, expected.int8_plus_1_dtype);
    assert.deepEqual(await i8.toArray(), expected.int8_plus_1);
    const half = await np.multiply(await arr(inputs.ints, 'float32'), 0.5);
    assert.equal(half.dtype, 'float32');
  });

  test('reductions with axis and keepdims', async () => {
    const cube = await arr(inputs.cube);
    const s = await np.sum(cube, { axis: 0 });
    assertClose(await s.toArray(), expected.sum_axis0, {}, 'sum');
    const m = await np.mean(cube, { axis: 1, keepdims: true });
    assert.deepEqual(m.shape, [2, 1, 4]);
    assertClose(await m.toArray(), expected.mean_axis1_keepdims, {}, 'mean');
    const mx = await np.max(cube, { axis: [0, 2] });
    assertClose(await mx.toArray(), expected.max_axis02, {}, 'max');
    const all = await np.sum(cube);
    assert.deepEqual(all.shape, []);
    assertClose(await all.toArray(), expected.sum_all, {}, 'sum all');
  });

  test('linalg: inv, solve, svd reconstruction, eigh', async () => {
    const a = await arr(inputs.spd);
    assertClose(await (await np.linalg.inv(a)).toArray(), expected.inv, { rtol: 1e-10, atol: 1e-12 }, 'inv');
    const x = await np.linalg.solve(a, await arr(inputs.rhs));
    assertClose(await x.toArray(), expected.solve, { rtol: 1e-10, atol: 1e-12 }, 'solve');
    const [u, s, vh] = await np.linalg.svd(await arr(inputs.A), { full_matrices: false });
    assertClose(await s.toArray(), expected.svd_s, { rtol: 1e-10, atol: 1e-12 }, 'singular values');
    const us = await np.multiply(u, s); // u @ diag(s)
    assertClose(await (await np.matmul(us, vh)).toArray(), inputs.A, { rtol: 1e-10, atol: 1e-12 }, 'u s vh');
    const [w, v] = await np.linalg.eigh(a);
    assertClose(await w.toArray(), expected.eigh_w, { rtol: 1e-10, atol: 1e-12 }, 'eigenvalues');
    const av = await np.matmul(a, v), vw = await np.multiply(v, w); // A v = v diag(w)
    assertClose(await av.toArray(), await vw.toArray(), { rtol: 1e-10, atol: 1e-12 }, 'A v = v w');
  });

  test('creation: zeros, ones, arange, linspace, nested lists', async () => {
    const z = await np.zeros([2, 3], 'int32');
    assert.equal(z.dtype, 'int32');
    assert.deepEqual(await z.toArray(), expected.zeros);
    const o = await np.ones({ shape: [3], dtype: 'float32' });
    assert.deepEqual(await o.data(), new Float32Array([1, 1, 1]));
    const r = await np.arange(5);
    assert.equal(r.dtype, expected.arange_dtype);
    assert.deepEqual(await r.toArray(), expected.arange.map(BigInt));
    const r2 = await np.arange(1, 2, 0.25);
    assertClose(await r2.toArray(), expected.arange_float, {}, 'arange float');
    const l = await np.linspace(0, 1, 5);
    assertClose(await l.toArray(), expected.linspace, { rtol: 0, atol: 0 }, 'linspace');
    const n = await np.array(inputs.ints);
    assert.equal(n.dtype, 'float64'); // a JS number is a double
    assert.deepEqual(n.shape, [2, 3]);
    const shaped = await np.array([1, 2, 3, 4, 5, 6], { shape: [3, 2], dtype: 'int32' });
    assert.deepEqual(await shaped.toArray(), [[1, 2], [3, 4], [5, 6]]);
  });

  test('np.random: default_rng(seed) bit for bit, NumPy\'s positional order, BigInt seeds', async () => {
    const n = await np.random.normal(10.0, 2.0, [2, 3], { seed: 3 });
    assertClose(await n.toArray(), expected.random_normal, { rtol: 0, atol: 0 }, 'normal');
    const i = await np.random.integers(-5, 5, [7], 'int32', { seed: 2n ** 63n });
    assert.equal(i.dtype, 'int32');
    assert.deepEqual(await i.toArray(), expected.random_integers);
    const r = await np.random.random({ size: [4], dtype: 'float32', seed: 0 });
    assert.deepEqual(Array.from(await r.data()), expected.random_random_f32);
  });

  test('dtypes of data(): float32, float64, int32, int64 (BigInt), bool, complex', async () => {
    const cases = [
      ['float32', Float32Array], ['float64', Float64Array], ['int32', Int32Array],
      ['int64', BigInt64Array], ['bool', Uint8Array],
    ];
    for (const [dtype, Type] of cases) {
      const a = await np.array([1, 0, 3], { dtype });
      const d = await a.data();
      assert.ok(d instanceof Type, `${dtype} gives ${d.constructor.name}`);
      assert.equal(a.dtype, dtype);
    }
    const big = await np.array(new BigInt64Array([2n ** 62n, -5n]));
    assert.equal(big.dtype, 'int64');
    assert.deepEqual(await big.toArray(), [2n ** 62n, -5n]);
    const bools = await np.array([true, false]);
    assert.equal(bools.dtype, 'bool');
    assert.deepEqual(await bools.toArray(), [true, false]);
    const c = await np.array(new Float64Array([1, 2, 3, -4]), { dtype: 'complex128' });
    assert.deepEqual(c.shape, [2]);
    assert.deepEqual(await c.toArray(), [[1, 2], [3, -4]]);
    const t = await np.transpose(await np.array(inputs.ints, { dtype: 'int32' })); // a strided view
    assert.deepEqual(await t.toArray(), expected.transpose);
  });
});

describe('errors', () => {
  test("a shape mismatch is NumcError ESHAPE with NumPy's message", async () => {
    const { NumcError } = await import(entry);
    await assert.rejects(np.add(await np.ones([2]), await np.ones([3])), (e) => {
      assert.ok(e instanceof NumcError && e instanceof Error);
      assert.equal(e.code, 'ESHAPE');
      assert.equal(e.status, np.statusCodes.ESHAPE);
      assert.equal(e.message.trim(), expected.broadcast_error.trim());
      return true;
    });
  });

  test('an unknown option is EINVAL; a singular matrix is LinAlgError', async () => {
    const { LinAlgError } = await import(entry);
    await assert.rejects(np.sum(await np.ones([2]), { bogus: 1 }), { code: 'EINVAL', message: "sum got an unexpected option 'bogus'" });
    await assert.rejects(np.linalg.inv(await np.zeros([2, 2])), (e) => e instanceof LinAlgError && e.code === 'ELINALG');
    await assert.rejects(np.array([[1, 2], [3]]), { code: 'EVALUE' });
    await assert.rejects(np.exp(np.ones([2])), { code: 'EINVAL', message: /Promise; await it first/ });
  });
});

describe("the original plan's entry points", () => {
  test('matmul_cpu agrees with a JS reference; the GPU ones report no GPU', async () => {
    const { init_gpu, get_gpu_info, matmul_cpu, matmul_gpu, NumcError } = await import(entry);
    const n = 17;
    const a = Float32Array.from(randoms(n * n)), b = Float32Array.from(randoms(n * n));
    const c = await matmul_cpu(a, b, n);
    assert.ok(c instanceof Float32Array && c.length === n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let ref = 0;
        for (let k = 0; k < n; k++) ref += a[i * n + k] * b[k * n + j];
        assert.ok(Math.abs(c[i * n + j] - ref) <= 1e-5 * (1 + Math.abs(ref)), `c[${i},${j}]`);
      }
    assert.equal(await init_gpu(), false);
    assert.equal(await get_gpu_info(), null);
    await assert.rejects(matmul_gpu(a, b, n), (e) => e instanceof NumcError && e.code === 'EUNAVAIL');
  });
});

describe('the surface cannot drift from the C table', () => {
  test('the generated functions.d.ts is the run-time table', () => {
    const shipped = fs.readFileSync(path.join(pkg, 'src', 'functions.d.ts'), 'utf8');
    assert.equal(functionsDts(np.functions), shipped);
    for (const f of np.functions) {
      const fn = f.name.split('.').reduce((o, k) => o?.[k], np);
      assert.equal(typeof fn, 'function', `np.${f.name}`);
    }
  });

  test("index.d.ts's DType is the library's dtypes", () => {
    const dts = fs.readFileSync(path.join(pkg, 'src', 'index.d.ts'), 'utf8');
    const union = dts.match(/export type DType =([^;]*);/)[1];
    assert.deepEqual([...union.matchAll(/'([a-z0-9]+)'/g)].map((m) => m[1]), np.dtypes);
  });

  test('the declarations type-check a use of the package (tsc --strict)', { skip: !tsc && 'no TypeScript: npm ci installs it' }, () => {
    // The package is resolved by its name from a node_modules/ holding a link to it.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'numc-ts-'));
    try {
      fs.mkdirSync(path.join(dir, 'node_modules'));
      fs.symlinkSync(pkg, path.join(dir, 'node_modules', 'numc'));
      fs.copyFileSync(path.join(here, 'usage.ts'), path.join(dir, 'usage.mts')); // an ES module
      execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext',
        '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', path.join(dir, 'usage.mts')], { encoding: 'utf8', cwd: dir });
    } catch (e) {
      assert.fail(`tsc: ${e.stdout ?? e.message}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('np.functions is what `numc list --json` prints', { skip: !process.env.NUMC_CLI && 'NUMC_CLI not set' }, () => {
    const listed = JSON.parse(execFileSync(process.env.NUMC_CLI, ['list', '--json'], { encoding: 'utf8' }));
    assert.deepEqual(np.functions, listed);
  });
});

describe('the page budget', () => {
  test('each variant: .wasm + the JS a page loads, gzip -9, under 500 KB', () => {
    const js = fs.readdirSync(path.join(pkg, 'src')).filter((f) => f.endsWith('.js')).map((f) => path.join(pkg, 'src', f));
    for (const variant of ['single', 'threads']) {
      const dir = path.join(pkg, 'wasm', variant);
      const files = [...js, ...fs.readdirSync(dir).filter((f) => /\.(m?js|wasm)$/.test(f)).map((f) => path.join(dir, f))];
      const gz = files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0);
      console.log(`${variant}: ${files.length} files, ${(gz / 1024).toFixed(1)} KiB gzipped`);
      assert.ok(gz < 500 * 1000, `${variant}: ${gz} bytes gzipped`);
    }
  });
});

describe('workers', () => {
  test('the pthreads build computes under Node.js with two threads', () => {
    // A process of its own: the thread pool's Workers keep Node.js running until exit().
    const code = `const { init } = await import(${JSON.stringify(entry)});
      const np = await init({ threads: true });
      const a = await np.array(${JSON.stringify(inputs.A)});
      const c = await np.matmul(a, await np.array(${JSON.stringify(inputs.B)}));
      console.log(JSON.stringify({ variant: np.variant, info: np.info(), c: await c.toArray() }));
      process.exit(0);`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
      encoding: 'utf8', env: { ...process.env, NUMC_NUM_THREADS: '2' }, timeout: 60000,
    });
    const r = JSON.parse(out);
    assert.equal(r.variant, 'threads');
    assert.match(r.info, /threads: +2/);
    assertClose(r.c, expected.matmul, { rtol: 1e-12, atol: 1e-12 }, 'matmul on threads');
  });

  test('the package computes inside a worker thread', async () => {
    const code = `import { parentPort } from 'node:worker_threads';
      const { init } = await import(${JSON.stringify(entry)});
      const np = await init();
      const c = await np.matmul(await np.array([[1, 2], [3, 4]]), await np.array([[5], [6]]));
      parentPort.postMessage(await c.toArray());`;
    const url = new URL(`data:text/javascript,${encodeURIComponent(code)}`);
    const result = await new Promise((resolve, reject) => {
      const w = new Worker(url);
      w.once('message', (m) => { resolve(m); w.terminate(); });
      w.once('error', reject);
    });
    assert.deepEqual(result, [[17], [39]]);
  });
});
