// Where the browser's WebGPU joins the library. The C GPU backend (src/gpu/) runs unchanged in
// the WebAssembly build; its webgpu.h calls are answered by src/gpu/webgpu_browser.js over
// navigator.gpu objects. Requesting an adapter and a device is asynchronous in the browser,
// so it happens here, before any C call: the glue then hands both to C at once.

/** Limits numc asks for at the adapter's own values rather than WebGPU's defaults (a 128 MiB
 * binding would split every large operand; the 128x128 matmul tile wants the workgroup
 * storage). Larger requests are bounded by what the adapter reports. */
const WANTED_LIMITS = [
  'maxStorageBufferBindingSize', 'maxBufferSize', 'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup', 'maxComputeWorkgroupSizeX', 'maxComputeWorkgroupSizeY',
  'maxComputeWorkgroupSizeZ', 'maxComputeWorkgroupsPerDimension', 'maxStorageBuffersPerShaderStage',
];

/** Limits reported by gpuInfo(). */
const REPORTED_LIMITS = ['maxStorageBufferBindingSize', 'maxBufferSize', 'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup'];

/**
 * Acquires the browser's GPU for the module and has the C backend start on it.
 * @param {import('./runtime.js').Runtime} rt the module's runtime
 * @returns {Promise<{info: import('./index.js').GpuInfo | null, reason: string}>} info null
 *   (and the reason) when no GPU is usable: no navigator.gpu (Node.js, an old browser, a page
 *   that is not a secure context), no adapter, or a device the backend cannot use
 */
export async function connectGpu(rt) {
  const module = rt.m;
  // The module (one per variant) is shared by every init(): so is its device.
  let { adapter, device } = module.numcGpu ?? {};
  if (!device) {
    const gpu = globalThis.navigator?.gpu;
    if (!gpu) return { info: null, reason: 'navigator.gpu is missing (no WebGPU here, or not a secure context)' };
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { info: null, reason: 'navigator.gpu.requestAdapter() found no adapter' };
    const requiredLimits = {};
    for (const name of WANTED_LIMITS) if (adapter.limits[name] !== undefined) requiredLimits[name] = adapter.limits[name];
    try {
      device = await adapter.requestDevice({ requiredLimits });
    } catch (e) {
      return { info: null, reason: `the adapter gave no device: ${e.message}` };
    }
    module.numcGpu = { adapter, device };
  }
  // numc_gpu_info creates the C side's context on this device (numc_gpu_properties:
  // include/numc/gpu.h; read through the library's own accessors below).
  const props = readProperties(rt);
  if (!props.available) {
    device.destroy();
    module.numcGpu = undefined;
    return { info: null, reason: props.reason };
  }
  const info = adapter.info ?? {};
  const limits = {};
  for (const name of REPORTED_LIMITS) limits[name] = device.limits[name];
  return {
    info: {
      name: info.description || info.device || props.name || [info.vendor, info.architecture].filter(Boolean).join(' '),
      vendor: info.vendor ?? '',
      architecture: info.architecture ?? '',
      backend: 'webgpu',
      isFallbackAdapter: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter),
      limits,
    },
    reason: '',
  };
}

/** numc_gpu_info's `available`, `reason` and `name`. The struct starts with bool available,
 * then char reason[256] and char name[128]: offsets 1 and 257 (all chars, no padding). */
function readProperties(rt) {
  // 4096 bytes: more than sizeof(numc_gpu_properties)
  return rt.withAlloc([4096], (p) => {
    rt.u8.fill(0, p, p + 4096);
    rt.m._numc_gpu_info(p);
    return {
      available: rt.u8[p] !== 0,
      reason: rt.m.UTF8ToString(p + 1, 256),
      name: rt.m.UTF8ToString(p + 257, 128),
    };
  });
}
