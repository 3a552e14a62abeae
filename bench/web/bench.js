// The browser benchmark's page side (bench/web/README.md): fp32 square matmul, numc vs
// TensorFlow.js, in one page. run.mjs loads bench.html and calls bench() through playwright.
//
// What is timed, for every engine alike: the product of two n x n float32 arrays that are
// already the engine's (numc arrays, tf tensors: the upload is not timed), then reading the
// result back into a JS Float32Array (numc data(), tf data()), then freeing it. One call
// warms up (shader compilation, first-touch memory); then the median of several calls.
/* global tf */

/**
 * @param {{ entry: string, tfjsWasmDir: string, sizes: number[], minReps: number,
 *   maxReps: number, budgetMs: number }} args entry: the numc package's src/index.js URL;
 *   tfjsWasmDir: the URL of tfjs-backend-wasm's dist/ (its .wasm files); a size's reps
 *   stop at maxReps or once minReps are done and budgetMs has passed
 * @returns rows of { n, engine: ms or null }, and what ran (threads, variant, adapter)
 */
export async function bench({ entry, tfjsWasmDir, sizes, minReps, maxReps, budgetMs }) {
  // Initialisation as a page pays it: fetch + compile of the module, GPU adapter and device.
  let t = performance.now();
  const { init } = await import(entry);
  const np = await init({ device: 'auto' }); // the threads build: the page is cross-origin isolated
  const initMs = performance.now() - t;
  t = performance.now();
  const np1 = await init({ device: 'cpu', threads: false }); // the single-threaded build, beside it
  const init1Ms = performance.now() - t;
  // TF.js's wasm backend caps its threads at hardwareConcurrency / 2 (tfjs-backend-wasm's
  // backend.cc, whatever setThreadsCount asks): numc's single-threaded build is timed too,
  // for a like-for-like column where that cap leaves TF.js one thread.
  tf.wasm.setWasmPaths(tfjsWasmDir);

  const engines = {
    numc_wasm: numcEngine(np, 'cpu'),
    numc_wasm_1t: numcEngine(np1, 'cpu'),
    tfjs_wasm: tfEngine('wasm'),
    numc_webgpu: np.device === 'gpu' ? numcEngine(np, 'gpu') : null, // 'n/a' without WebGPU
    tfjs_webgpu: tfEngine('webgpu'),
  };
  const timing = { minReps, maxReps, budgetMs };
  const rows = [];
  for (const n of sizes) {
    const [a, b] = [randomMatrix(n, 1), randomMatrix(n, 2)];
    const row = { n, ms: {}, maxRelErr: {} };
    let reference; // numc's CPU result: every engine's is compared with it
    for (const [name, engine] of Object.entries(engines)) {
      if (!engine) {
        row.ms[name] = null;
        continue;
      }
      const run = await engine.prepare(a, b, n);
      try {
        const { ms, result } = await medianMs(run, timing);
        row.ms[name] = ms;
        reference ??= result;
        row.maxRelErr[name] = maxRelErr(result, reference);
      } finally {
        await run.release();
      }
    }
    rows.push(row);
  }
  return {
    rows,
    initMs, init1Ms,
    numc: { variant: np.variant, device: np.device, info: np.info(), gpuInfo: np.gpuInfo(), info1t: np1.info() },
    tfjs: { version: tf.version_core, wasmThreads: tf.wasm.getThreadsCount() },
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: globalThis.crossOriginIsolated,
  };
}

/** An engine: prepare(a, b, n) makes the inputs its own and resolves to a run: call() is
 * the timed step (product, read-back, free) resolving to the product's Float32Array, and
 * release() frees the inputs. */
function numcEngine(np, device) {
  return {
    async prepare(a, b, n) {
      const host = await Promise.all([a, b].map((m) => np.array(m, { shape: [n, n], dtype: 'float32' })));
      // Inputs where the engine computes, as TF.js's tensors are after the warm-up call.
      const [x, y] = device === 'gpu' ? await Promise.all(host.map((t) => t.to('gpu'))) : host;
      if (device === 'gpu') host.forEach((t) => t.dispose());
      return {
        async call() {
          const c = await np.matmul(x, y, { device });
          try {
            return await c.data();
          } finally {
            c.dispose();
          }
        },
        release: () => [x, y].forEach((t) => t.dispose()),
      };
    },
  };
}

function tfEngine(backend) {
  return {
    async prepare(a, b, n) {
      if (!(await tf.setBackend(backend))) throw new Error(`TensorFlow.js: the ${backend} backend did not start`);
      await tf.ready();
      const [x, y] = [a, b].map((m) => tf.tensor2d(m, [n, n], 'float32'));
      return {
        async call() {
          const c = tf.matMul(x, y);
          try {
            return await c.data();
          } finally {
            c.dispose();
          }
        },
        release: () => [x, y].forEach((t) => t.dispose()),
      };
    },
  };
}

/** One warm-up call, then the median time of the timed ones and the last result. */
async function medianMs(run, { minReps, maxReps, budgetMs }) {
  let result = await run.call();
  const times = [];
  const start = performance.now();
  while (times.length < minReps || (times.length < maxReps && performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    result = await run.call();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  const mid = times.length >> 1;
  return { ms: times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2, result };
}

/** n x n numbers in [-1, 1) from a fixed 32-bit LCG (Math.imul: exact integer steps, so the
 * values keep all their bits): the same inputs on every run. */
function randomMatrix(n, seed) {
  const m = new Float32Array(n * n);
  let s = seed;
  for (let i = 0; i < m.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    m[i] = (s / 2 ** 32) * 2 - 1;
  }
  return m;
}

/** max |x - ref| / max |ref|: a sanity check that every engine computed the same product.
 * 0 is common and no sign of a mistake: WebAssembly SIMD128 has no fused multiply-add, and
 * engines that sum each element along k in order round exactly alike. */
function maxRelErr(x, ref) {
  let diff = 0, scale = 0;
  for (let i = 0; i < ref.length; i++) {
    diff = Math.max(diff, Math.abs(x[i] - ref[i]));
    scale = Math.max(scale, Math.abs(ref[i]));
  }
  return diff / scale;
}
