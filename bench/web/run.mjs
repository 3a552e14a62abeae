// The browser benchmark (bench/web/README.md): fp32 square matmul in headless Chromium,
// numc's WebAssembly CPU path vs TensorFlow.js's wasm backend and numc's WebGPU path vs
// TensorFlow.js's webgpu backend, on one cross-origin-isolated page (numc's threads build,
// TF.js's threaded wasm). Prints a Markdown table.
//
// Usage: node bench/web/run.mjs BUILD_DIR/package [--sizes 128,256,...] [--reps MIN,MAX]
//        [--budget-ms MS]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { launchChromium, probeWebGpu } from '../../tests/browser/chromium.mjs';
import { startServer } from '../../tests/browser/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sizes: { type: 'string', default: '128,256,512,1024,2048' },
    reps: { type: 'string', default: '3,10' },
    'budget-ms': { type: 'string', default: '1500' },
  },
});
const pkg = path.resolve(positionals[0] ?? '');
if (!fs.existsSync(path.join(pkg, 'package.json'))) {
  console.error('usage: node bench/web/run.mjs BUILD_DIR/package (scripts/build_web.sh BUILD_DIR builds it)');
  process.exit(2);
}
const [minReps, maxReps] = opts.reps.split(',').map(Number);

const server = await startServer({ pkg, bench: here, tfjs: path.join(root, 'node_modules', '@tensorflow') });
const browser = await launchChromium({ webgpu: true });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(server.url('isolated', 'bench/bench.html'));
  const adapter = (await probeWebGpu(page)).adapter;
  const r = await page.evaluate(async (args) => (await import(args.benchJs)).bench(args), {
    benchJs: server.url('isolated', 'bench/bench.js'),
    entry: server.url('isolated', 'pkg/src/index.js'),
    tfjsWasmDir: server.url('isolated', 'tfjs/tfjs-backend-wasm/dist/'),
    sizes: opts.sizes.split(',').map(Number),
    minReps, maxReps, budgetMs: Number(opts['budget-ms']),
  });
  const threads = (info) => info.match(/threads: *(\d+)/)?.[1] ?? '?';
  console.log(`Chromium ${browser.version()} headless; hardwareConcurrency ${r.hardwareConcurrency}; ` +
    `crossOriginIsolated ${r.crossOriginIsolated}`);
  console.log(`WebGPU adapter: ${adapter ? `${adapter.vendor} ${adapter.architecture}` : 'none'}`);
  console.log(`numc ${r.numc.variant} build ${threads(r.numc.info)} threads (and single build ` +
    `${threads(r.numc.info1t)}), np.device ${r.numc.device}; TensorFlow.js ${r.tfjs.version}, wasm backend ` +
    `${r.tfjs.wasmThreads} threads`);
  console.log(`init: ${r.initMs.toFixed(0)} ms (threads build, GPU device included), ` +
    `${r.init1Ms.toFixed(0)} ms (single build, CPU; module fetched and compiled again)`);
  console.log(`median of ${minReps}-${maxReps} reps after a warm-up; ms (GFLOP/s); ratio = TF.js time / numc time\n`);
  console.log(table(r.rows));
  const worst = Math.max(...r.rows.flatMap((row) => Object.values(row.maxRelErr)));
  console.log(`\nlargest difference from numc's CPU product: ${worst.toExponential(1)} of max |C|`);
} finally {
  await browser.close();
  await server.close();
}

function table(rows) {
  const cell = (ms, n) => (ms == null ? 'n/a' : `${ms.toFixed(ms < 10 ? 2 : 1)} (${(2 * n ** 3 / ms / 1e6).toFixed(1)})`);
  const ratio = (numc, tfjs) => (numc == null || tfjs == null ? 'n/a' : `${(tfjs / numc).toFixed(2)}x`);
  const lines = [
    '| n | numc wasm | TF.js wasm | ratio | numc wasm 1 thread | ratio | numc webgpu | TF.js webgpu | ratio |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { n, ms } of rows)
    lines.push(`| ${n} | ${cell(ms.numc_wasm, n)} | ${cell(ms.tfjs_wasm, n)} | ${ratio(ms.numc_wasm, ms.tfjs_wasm)} | ` +
      `${cell(ms.numc_wasm_1t, n)} | ${ratio(ms.numc_wasm_1t, ms.tfjs_wasm)} | ` +
      `${cell(ms.numc_webgpu, n)} | ${cell(ms.tfjs_webgpu, n)} | ${ratio(ms.numc_webgpu, ms.tfjs_webgpu)} |`);
  return lines.join('\n');
}
