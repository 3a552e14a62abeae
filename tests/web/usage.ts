// Compiled (never run) by node.test.mjs with tsc --strict against the package's
// declarations: the documented uses type-check, and the generated functions.d.ts parses.
import numc, { init, matmul_cpu, NumcError, type NumcArray } from 'numc';

async function main(): Promise<void> {
  const np = await init({ device: 'auto' });
  const a: NumcArray = await np.array([[1, 2], [3, 4]], { dtype: 'float32' });
  const b = await np.matmul(a, a);
  const s = await np.sum(b, { axis: 0, keepdims: true });
  const parts: NumcArray[] = await np.linalg.svd(a, { full_matrices: false });
  const z = await np.zeros([2, 3], 'int32');
  const r = await np.arange(5);
  const l = await np.linspace(0, 1, 5, { endpoint: false });
  const c = await np.concatenate([a, a], { axis: 0 });
  const d: Float32Array = await matmul_cpu(new Float32Array(4), new Float32Array(4), 2);
  const data = await b.data();
  const shape: readonly number[] = b.shape;
  console.log(np.device, np.gpuInfo(), data, shape, s.dtype, parts.length, z, r, l, c, d, np.stats().heapBytes);
  for (const x of [a, b, s, z, r, l, c, ...parts]) x.dispose();
  try {
    await numc.init({ device: 'gpu' });
  } catch (e) {
    if (e instanceof NumcError) console.log(e.code, e.status);
  }
}
main();
