// What the browser tests compute with the package, on a page or inside a module Worker
// (worker.js): plain JSON-able results, which the Node.js side (browser.test.mjs) compares
// with NumPy's answers. No oracle lives here: this file only drives the package.

/**
 * Loads the package with `init({ device })` and runs the sample of the API the tests check.
 * @param {{ entry: string, device: 'auto'|'cpu'|'gpu', inputs: Record<string, any> }} args
 *   entry: the URL of the package's src/index.js; inputs: tests/web/oracle.mjs's
 */
export async function compute({ entry, device, inputs }) {
  const numc = await import(entry);
  const report = {
    isolated: globalThis.crossOriginIsolated === true,
    inWorker: typeof WorkerGlobalScope === 'function' && globalThis instanceof WorkerGlobalScope,
    gpuInit: await outcome(async () => (await numc.init({ device: 'gpu' })).device, numc),
  };
  const np = await numc.init({ device });
  Object.assign(report, {
    device: np.device, gpuInfo: np.gpuInfo(), variant: np.variant,
    threads: Number(np.info().match(/threads: *(\d+)/)?.[1]), cores: navigator.hardwareConcurrency,
  });

  // The sample runs twice: the first run makes the library's first-use allocations (GEMM
  // packing buffers, per-thread state) that it keeps by design. Around the second, the heap
  // and the count of live arrays must come back exactly to where they were.
  const made = [];
  await sample(np, inputs, made);
  for (const a of made.splice(0)) a.dispose();
  const start = np.stats();
  report.results = await sample(np, inputs, made);
  report.liveArraysWhileHeld = np.stats().liveArrays - start.liveArrays;
  for (const a of made) a.dispose();
  report.memory = { start, end: np.stats() };

  // The original plan's entry points: square float32 matrices in Float32Arrays.
  const n = inputs.S1.length;
  const [a, b] = [inputs.S1, inputs.S2].map((m) => Float32Array.from(m.flat()));
  report.legacy = {
    initGpu: await numc.init_gpu(),
    cpu: Array.from(await numc.matmul_cpu(a, b, n)),
    gpu: await outcome(async () => Array.from(await numc.matmul_gpu(a, b, n)), numc),
  };
  return report;
}

/** The sample of the API the tests check: results by name as { shape, dtype, value }.
 * Every array made is pushed onto `made` (for the caller to dispose), none disposed here. */
async function sample(np, inputs, made) {
  const keep = (a) => (made.push(...[a].flat()), a);
  const arr = async (data, dtype) => keep(await np.array(data, { dtype }));
  const run = async (fn, ...args) => keep(await fn(...args));
  // `device` before reading: where the operation left its result.
  const out = async (a) => ({ shape: a.shape, dtype: a.dtype, device: a.device, value: await a.toArray() });

  const r = {};
  r.matmul = await out(await run(np.matmul, await arr(inputs.A, 'float64'), await arr(inputs.B, 'float64')));
  r.matmul_f32 = await out(await run(np.matmul, await arr(inputs.P, 'float32'), await arr(inputs.Q, 'float32')));
  const col = await arr(inputs.col, 'float64'), row = await arr(inputs.row, 'float64');
  const pos = await arr(inputs.pos, 'float64');
  r.add = await out(await run(np.add, col, row));
  r.multiply_float = await out(await run(np.multiply, col, row));
  r.multiply_int = await out(await run(np.multiply, await arr(inputs.ints, 'int32'), await arr(inputs.ints, 'int32')));
  r.sqrt = await out(await run(np.sqrt, await arr(inputs.pos, 'float32')));
  r.divide_log = await out(await run(np.divide, await run(np.log, pos), pos));
  const cube = await arr(inputs.cube, 'float64');
  r.sum_axis0 = await out(await run(np.sum, cube, { axis: 0 }));
  r.mean_axis1_keepdims = await out(await run(np.mean, cube, { axis: 1, keepdims: true }));
  r.max_axis02 = await out(await run(np.max, cube, { axis: [0, 2] }));
  r.sum_all = await out(await run(np.sum, cube));
  const spd = await arr(inputs.spd, 'float64');
  r.inv = await out(await run(np.linalg.inv, spd));
  r.solve = await out(await run(np.linalg.solve, spd, await arr(inputs.rhs, 'float64')));
  r.det = await out(await run(np.linalg.det, spd));
  const [, s] = await run(np.linalg.svd, await arr(inputs.A, 'float64'), { full_matrices: false });
  r.svd_s = await out(s);
  const [w] = await run(np.linalg.eigh, spd);
  r.eigh_w = await out(w);
  return r;
}

/** { value } when fn resolves, { error: { name, code, numcError } } when it rejects. */
async function outcome(fn, numc) {
  try {
    return { value: await fn() };
  } catch (e) {
    return { error: { name: e.name, code: e.code, message: e.message, numcError: e instanceof numc.NumcError } };
  }
}
