// The four entry points of the original plan, kept for its users: square float32 matrices
// in row-major Float32Arrays, results as Promises of Float32Array.
import { NumcError } from './errors.js';
import { init } from './index.js';

let shared; // the np these functions share, made by the first of them called

function np() {
  shared ??= init({ device: 'auto' });
  return shared;
}

/** Loads the library; resolves to whether a GPU is usable. */
export async function init_gpu() {
  return (await np()).device === 'gpu';
}

/** The GPU adapter's description (name, vendor, architecture, backend, limits), or null. */
export async function get_gpu_info() {
  return (await np()).gpuInfo();
}

async function matmul(a, b, n, device) {
  const lib = await np();
  if (device === 'gpu' && lib.device !== 'gpu')
    throw new NumcError('EUNAVAIL', lib.statusCodes.EUNAVAIL, 'matmul_gpu: no GPU is usable (init_gpu() resolves to false)');
  const [x, y] = await Promise.all([a, b].map((m) => lib.array(m, { shape: [n, n], dtype: 'float32' })));
  try {
    const c = await lib.matmul(x, y, { device });
    try {
      return await c.data();
    } finally {
      c.dispose();
    }
  } finally {
    x.dispose();
    y.dispose();
  }
}

/** C = A B on the CPU for n x n float32 matrices. */
export function matmul_cpu(a, b, n) {
  return matmul(a, b, n, 'cpu');
}

/** C = A B on the GPU; rejects with NumcError EUNAVAIL when no GPU is usable. */
export function matmul_gpu(a, b, n) {
  return matmul(a, b, n, 'gpu');
}
