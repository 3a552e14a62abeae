// Tests of the web package in Debian's headless Chromium, driven by playwright-core: the
// package imported as an ES module on a page and inside a module Web Worker, on pages that
// are cross-origin isolated (numc's `threads` build) and pages that are not (`single`), in
// a Chromium with WebGPU (SwiftShader) and one without. The results are compared with
// NumPy's answers (tests/web/oracle.mjs, shared with the Node.js tests).
//
// Usage: NUMC_WEB_PACKAGE=BUILD_DIR/package node --test tests/browser/browser.test.mjs
// (tests/browser/run.sh builds the package and runs this; ctest runs it as web.browser.)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { assertClose, expected, inputs } from '../web/oracle.mjs';
import { launchChromium, probeWebGpu } from './chromium.mjs';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(process.env.NUMC_WEB_PACKAGE ?? '');
assert.ok(fs.existsSync(path.join(pkg, 'package.json')), 'NUMC_WEB_PACKAGE must name the built package');

const TEST_TIMEOUT_MS = 60000;
const MODES = ['plain', 'isolated'];
const PLACES = ['page', 'worker'];

// Tolerances for the results of compute.js, by name: [rtol, atol]. float64 on the CPU is
// within rounding of NumPy's LAPACK/BLAS; float32 results are compared with NumPy's float64
// products of the same float32 inputs, so they carry float32 rounding (K = 70 terms). On
// the GPU the float32 sums run in another order (tiles, FMA or not): looser.
const TOLERANCES = {
  matmul_f32: [1e-5, 1e-5], sqrt: [1e-6, 1e-7],
  inv: [1e-10, 1e-12], solve: [1e-10, 1e-12], det: [1e-10, 0], svd_s: [1e-10, 1e-12], eigh_w: [1e-10, 1e-12],
};
const GPU_TOLERANCES = { matmul_f32: [1e-4, 1e-4] };
// compute.js's result name -> [expectations.py's key, the result's dtype].
const EXPECTED = {
  matmul: ['matmul', 'float64'], matmul_f32: ['matmul_f32', 'float32'], add: ['add', 'float64'],
  multiply_float: ['multiply_float', 'float64'], multiply_int: ['multiply', expected.multiply_dtype],
  sqrt: ['sqrt', 'float32'], divide_log: ['divide_log', 'float64'], sum_axis0: ['sum_axis0', 'float64'],
  mean_axis1_keepdims: ['mean_axis1_keepdims', 'float64'], max_axis02: ['max_axis02', 'float64'],
  sum_all: ['sum_all', 'float64'], inv: ['inv', 'float64'], solve: ['solve', 'float64'], det: ['det', 'float64'],
  svd_s: ['svd_s', 'float64'], eigh_w: ['eigh_w', 'float64'],
};

/** NumPy's shape of a nested list (a scalar: []). */
const shapeOf = (v) => (Array.isArray(v) ? [v.length, ...shapeOf(v[0])] : []);

let server;
before(async () => {
  server = await startServer({ pkg, tests: here });
});
after(() => server?.close());

/** Runs compute.js with init({ device }) on a fresh page of `mode`, on it or in its Worker. */
async function computeIn(browser, mode, place, device) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  try {
    await page.goto(server.url(mode, 'tests/page.html'));
    const args = { entry: server.url(mode, 'pkg/src/index.js'), device, inputs };
    return await page.evaluate(async ({ pageJs, place, args }) => {
      const m = await import(pageJs);
      return place === 'page' ? m.inPage(args) : m.inWorker(args);
    }, { pageJs: server.url(mode, 'tests/page.js'), place, args });
  } catch (e) {
    e.message += problems.length ? `\n${problems.join('\n')}` : '';
    throw e;
  } finally {
    await page.close();
  }
}

// Results that init({ device: 'gpu' }) computes on the GPU (float32, int32): they must still
// be there when the page reads them. The float64 ones run on the CPU.
const ON_GPU = ['matmul_f32', 'multiply_int', 'sqrt'];

/** The checks every report must pass. `gpu`: a GPU is usable (WebGPU on); `device`: the
 * device init() was given. */
function checkReport(report, { mode, place, gpu, device }) {
  assert.equal(report.isolated, mode === 'isolated', 'crossOriginIsolated');
  assert.equal(report.inWorker, place === 'worker');
  assert.equal(report.variant, mode === 'isolated' ? 'threads' : 'single');
  // The threads build's pool has one thread per logical core, inside a Worker too.
  assert.equal(report.threads, mode === 'isolated' ? report.cores : 1, 'threads in numc info');
  assert.equal(report.device, gpu ? 'gpu' : 'cpu');
  if (gpu) {
    // The adapter is SwiftShader's (Dawn on Vulkan, no GPU on this machine).
    assert.match(JSON.stringify(report.gpuInfo), /swiftshader/i, 'gpuInfo names the SwiftShader adapter');
    assert.deepEqual(report.gpuInit, { value: 'gpu' });
    // 'auto' keeps host operands off an emulated adapter; 'gpu' sends them there.
    for (const name of Object.keys(EXPECTED))
      assert.equal(report.results[name].device, device === 'gpu' && ON_GPU.includes(name) ? 'gpu' : 'cpu', `${name}: device`);
  } else {
    assert.equal(report.gpuInfo, null);
    const { error } = report.gpuInit;
    assert.ok(error?.numcError && error.code === 'EUNAVAIL', `init({ device: 'gpu' }) without a GPU: ${JSON.stringify(report.gpuInit)}`);
  }

  for (const [name, [key, dtype]] of Object.entries(EXPECTED)) {
    const got = report.results[name];
    assert.equal(got.dtype, dtype, `${name}: dtype`);
    assert.deepEqual(got.shape, shapeOf(expected[key]), `${name}: shape`);
    const [rtol, atol] = (device === 'gpu' && GPU_TOLERANCES[name]) || TOLERANCES[name] || [1e-12, 1e-12];
    if (dtype.startsWith('int')) assert.deepEqual(got.value, expected[key], name);
    else assertClose(got.value, expected[key], { rtol, atol }, name);
  }

  assert.ok(report.liveArraysWhileHeld > 0, 'the arrays were counted while alive');
  assert.deepEqual(report.memory.end, report.memory.start, 'dispose() gives back every array and heap byte');

  const { legacy } = report;
  assert.equal(legacy.initGpu, gpu);
  assertClose(legacy.cpu, expected.square_matmul_f32.flat(), { rtol: 1e-5, atol: 1e-5 }, 'matmul_cpu');
  if (gpu) assertClose(legacy.gpu.value, legacy.cpu, { rtol: 1e-4, atol: 0 }, 'matmul_gpu vs matmul_cpu');
  else assert.ok(legacy.gpu.error?.numcError && legacy.gpu.error.code === 'EUNAVAIL', `matmul_gpu: ${JSON.stringify(legacy.gpu)}`);
}

/** One test per page mode and place, in a Chromium launched with or without WebGPU. */
function suite(title, { webgpu }) {
  describe(title, { timeout: TEST_TIMEOUT_MS * 4 }, () => {
    let browser;
    before(async () => {
      browser = await launchChromium({ webgpu });
    });
    after(() => browser?.close());

    test(webgpu ? 'a WebGPU adapter (SwiftShader) is offered' : 'no WebGPU adapter is offered', { timeout: TEST_TIMEOUT_MS }, async () => {
      const page = await browser.newPage();
      try {
        await page.goto(server.url('plain', 'tests/page.html'));
        const { adapter } = await probeWebGpu(page);
        if (webgpu) assert.equal(adapter?.architecture, 'swiftshader');
        else assert.equal(adapter, null);
      } finally {
        await page.close();
      }
    });

    // With WebGPU, init({ device: 'gpu' }) everywhere and 'auto' once; without, 'auto',
    // which must fall back to the CPU silently.
    const device = webgpu ? 'gpu' : 'auto';
    for (const mode of MODES)
      for (const place of PLACES)
        test(`${mode} ${place}: init({ device: '${device}' }) computes NumPy's answers`, { timeout: TEST_TIMEOUT_MS }, async () => {
          const report = await computeIn(browser, mode, place, device);
          checkReport(report, { mode, place, gpu: webgpu, device });
        });
    if (webgpu)
      test("plain page: init({ device: 'auto' }) keeps host operands on the CPU", { timeout: TEST_TIMEOUT_MS }, async () => {
        const report = await computeIn(browser, 'plain', 'page', 'auto');
        checkReport(report, { mode: 'plain', place: 'page', gpu: true, device: 'auto' });
      });
  });
}

suite('Chromium with WebGPU (SwiftShader)', { webgpu: true });
suite('Chromium without WebGPU', { webgpu: false });
