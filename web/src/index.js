// numc for JavaScript: `const np = await init()` and NumPy's functions on np (np.matmul,
// np.sum, np.linalg.svd, ...), each returning a Promise. Types: index.d.ts and the
// generated functions.d.ts. User documentation: README.md.
import { NumcArray, arrayFrom } from './array.js';
import { NumcError, LinAlgError } from './errors.js';
import { installFunctions } from './functions.js';
import { connectGpu } from './gpu.js';
import { chooseVariant, loadModule } from './loader.js';
import { Runtime } from './runtime.js';

export { NumcArray, NumcError, LinAlgError };
import { init_gpu, get_gpu_info, matmul_cpu, matmul_gpu } from './legacy.js';

export { init_gpu, get_gpu_info, matmul_cpu, matmul_gpu };

const DEVICES = ['auto', 'cpu', 'gpu'];

/**
 * Loads the library and resolves to its namespace np.
 * @param {{device?: 'auto'|'cpu'|'gpu', threads?: boolean}} [options]
 */
export async function init({ device = 'auto', threads } = {}) {
  const module = await loadModule(chooseVariant(threads));
  const rt = new Runtime(module);
  if (!DEVICES.includes(device))
    throw rt.error('EINVAL', `device must be one of ${DEVICES.join(', ')}, not '${device}'`);
  const { info: gpu, reason } = device === 'cpu' ? { info: null, reason: '' } : await connectGpu(rt);
  if (device === 'gpu' && !gpu)
    throw rt.error('EUNAVAIL', `device: 'gpu' was asked for, but no GPU is usable: ${reason}`);
  const np = {
    /** 'gpu' when operations may run on the GPU, else 'cpu'. */
    device: gpu ? 'gpu' : 'cpu',
    /** The GPU adapter (name, vendor, architecture, backend, limits), or null. */
    gpuInfo: () => gpu,
    /** 'single' or 'threads': the WebAssembly build in use. */
    variant: chooseVariant(threads),
    version: rt.str(module._numc_version()),
    /** numc's status codes by name ({EINVAL: -1, ...}), as NumcError's code and status. */
    statusCodes: { ...rt.statusOf },
    /** NumPy's dtype names, in numc's order. */
    dtypes: rt.dtypes.byId.map((d) => d.name),
    /** The function table, as `numc list --json` prints it. */
    functions: rt.table,
    /** np.array(data, {shape, dtype}): data a typed array, nested JS arrays, a scalar or a
     * NumcArray (copied). */
    array: (data, options) => rt.retrying(() => arrayFrom(rt, data, options)),
    /** Memory the library holds: live NumcArrays, WebAssembly heap bytes in use, and GPU
     * buffers of device arrays (plus freed ones the pool keeps for reuse). */
    stats: () => ({ liveArrays: rt.liveArrays, heapBytes: rt.heapBytesInUse(), ...rt.gpuMemory() }),
    /** numc info: version, build, kernels, threads. */
    info: () => {
      const p = module._numc_info();
      try {
        return rt.str(p);
      } finally {
        module._free(p);
      }
    },
  };
  // Every call carries the device: init's choice ('auto' when a GPU is usable), unless the
  // call's own options name another.
  const callDevice = gpu ? device : 'cpu';
  installFunctions(rt, np, () => ({ device: callDevice }));
  return np;
}

export default { init, NumcArray, NumcError, LinAlgError, init_gpu, get_gpu_info, matmul_cpu, matmul_gpu };
