// A module Web Worker that runs compute.js on the arguments it is sent and posts back the
// report (or the error's text: an Error does not survive postMessage whole).
import { compute } from './compute.js';

self.onmessage = async ({ data }) => {
  try {
    self.postMessage({ report: await compute(data) });
  } catch (e) {
    self.postMessage({ error: String(e?.stack ?? e) });
  }
};
