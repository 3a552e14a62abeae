// The entry points browser.test.mjs calls on a page (through page.evaluate): compute.js on
// the page's main thread, or inside a module Web Worker started from this page, so that the
// Worker inherits the page's origin and, under /isolated/, its cross-origin isolation.
import { compute } from './compute.js';

export const inPage = compute;

/** compute(args) in a new module Worker, which is ended afterwards. */
export function inWorker(args) {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const done = new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => (data.error ? reject(new Error(`in the Worker: ${data.error}`)) : resolve(data.report));
    worker.onerror = (e) => reject(new Error(`the Worker failed: ${e.message}`));
  });
  worker.postMessage(args); // queued until the Worker's module has run and listens
  return done.finally(() => worker.terminate());
}
