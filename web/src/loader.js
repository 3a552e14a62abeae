// Loads one of the package's two WebAssembly builds (scripts/build_wasm.sh):
//   wasm/threads  the thread pool on Web Workers: needs SharedArrayBuffer, which browsers
//                 give only to cross-origin-isolated pages (COOP + COEP headers)
//   wasm/single   one thread; loads anywhere
// Each is an Emscripten ES module (numc.mjs) and its numc.wasm, found next to this package
// through import.meta.url.

import { NumcError } from './errors.js';

/** NUMC_EUNAVAIL (include/numc/base.h; status values are fixed): raised before a module
 * exists to ask for the number. */
const EUNAVAIL = -12;

export const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';

/** The variant for the `threads` option: by default threads wherever the page is
 * cross-origin isolated, and a single thread under Node.js. */
export function chooseVariant(threads) {
  return (threads ?? (!isNode && globalThis.crossOriginIsolated === true)) ? 'threads' : 'single';
}

const modules = new Map(); // variant -> Promise of the instantiated module

/** The instantiated module of a variant; instantiated once per variant and reused. */
export function loadModule(variant) {
  if (!modules.has(variant)) {
    const p = instantiate(variant);
    p.catch(() => modules.delete(variant)); // a failed load may be retried
    modules.set(variant, p);
  }
  return modules.get(variant);
}

async function instantiate(variant) {
  if (variant === 'threads' && typeof SharedArrayBuffer === 'undefined')
    throw new NumcError('EUNAVAIL', EUNAVAIL, 'threads: the pthreads build needs SharedArrayBuffer, which ' +
      'browsers give only to cross-origin-isolated pages (COOP same-origin + COEP require-corp headers)');
  const dir = new URL(`../wasm/${variant}/`, import.meta.url);
  const glue = new URL('numc.mjs', dir).href;
  const createNumc = (await import(glue)).default;
  // The pthreads build's Workers import the glue by this name (their default, numc.js, is
  // the name before scripts/build_web.sh renamed it).
  const settings = { mainScriptUrlOrBlob: glue };
  // Emscripten 3.1.6 fetches the .wasm with fetch() whenever it exists, and Node's fetch
  // does not read file: URLs: hand it the bytes.
  if (isNode) settings.wasmBinary = (await import('node:fs')).readFileSync(new URL('numc.wasm', dir));
  return createNumc(settings);
}
