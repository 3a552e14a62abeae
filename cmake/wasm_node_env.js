// --pre-js of the Node.js programs of the WebAssembly build (cmake/wasm.cmake).
//
// Emscripten 3.1.6 fetches the .wasm with fetch() whenever fetch exists, and Node's fetch
// rejects file paths: the main thread reads the file instead (pthread workers receive the
// compiled module from it and have no __filename).
if (typeof __filename != 'undefined' && !Module['wasmBinary'])
  Module['wasmBinary'] = require('fs').readFileSync(__filename.replace(/\.js$/, '.wasm'));
// getenv() sees only Emscripten's defaults plus ENV: copy the process environment in before
// main runs (NUMC_NUM_THREADS, NUMC_GEMM_KERNEL, ...). ENV exists where getenv is linked.
Module['preRun'] = [].concat(Module['preRun'] || [], function () {
  if (typeof ENV != 'undefined') Object.assign(ENV, process.env);
});
