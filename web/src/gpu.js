// Where the browser's WebGPU joins the library. The WebAssembly build has no WebGPU backend
// yet (web/README.md): until it has one, no GPU is usable from it, whatever navigator.gpu
// offers, and every function runs on the CPU.

/**
 * The GPU the library computes on for this module, or null when there is none.
 * @param {any} _module the Emscripten module
 * @returns {Promise<import('./index.js').GpuInfo | null>}
 */
export async function connectGpu(_module) {
  return null;
}
