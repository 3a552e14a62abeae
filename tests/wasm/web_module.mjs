// Loads the browser module (web/numc.js + numc.wasm of a WebAssembly build) under Node.js
// and computes through its exported C API: the exports exist, the module instantiates as a
// page would, and numc info names the SIMD128 GEMM kernel.
// Usage: node web_module.mjs BUILD_DIR/web
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const dir = path.resolve(process.argv[2]);
// Emscripten 3.1.6's ES6 output expects these CommonJS names under Node, and its fetch()
// of the .wasm fails on a file path: hand it the bytes.
globalThis.require = createRequire(import.meta.url);
globalThis.__dirname = dir;
const createNumc = (await import(path.join(dir, 'numc.js'))).default;
const m = await createNumc({ wasmBinary: fs.readFileSync(path.join(dir, 'numc.wasm')) });

const NUMC_FLOAT32 = 10, NUMC_ORDER_C = 0;
const out = m._malloc(8), shape = m._malloc(16);
// fn(...args, out) with *out = NULL (a fresh result); returns the array written there.
function call(fn, ...args) {
  m.setValue(out, 0, 'i32');
  assert.equal(fn(...args, out), 0, m.UTF8ToString(m._numc_last_error()));
  return m.getValue(out, 'i32');
}
function matrix(rows, cols) { // arange(rows*cols).reshape(rows, cols)
  const flat = call(m._numc_arange, 0, rows * cols, 1, NUMC_FLOAT32);
  m.HEAP32.set([rows, 0, cols, 0], shape >> 2); // two int64
  return call(m._numc_reshape, flat, shape, 2, NUMC_ORDER_C);
}
const c = call(m._numc_matmul, matrix(2, 3), matrix(3, 2));
const text = m._numc_repr(c);
assert.equal(m.UTF8ToString(text), 'array([[10., 13.],\n       [28., 40.]], dtype=float32)');
m._free(text);

const info = m._numc_info();
const lines = m.UTF8ToString(info);
m._free(info);
assert.match(lines, /gemm: +f32 simd128 \d+x\d+, f64 simd128 \d+x\d+/);
console.log(lines);
// The threaded variant's pool Workers live as long as the module and keep Node running.
process.exit(0);
