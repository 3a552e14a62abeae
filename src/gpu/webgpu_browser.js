// The browser's WebGPU behind the webgpu.h functions of numc's GPU backend: an Emscripten
// JS library (linked by cmake/wasm.cmake) implementing every wgpu<Name> of NUMC__WGPU_PROCS
// (src/gpu/webgpu.h) over navigator.gpu objects, so that the C backend runs unchanged.
//
// - Handles: C sees small integers; `objects` maps them to the JS objects. Release drops
//   the mapping (the browser collects the object); Destroy destroys it.
// - Structs are read and written in WebAssembly memory at the offsets, sizes and enum
//   values that webgpu_browser.c hands over first (numc__wgpu_browser_init): nothing of
//   webgpu.h's layout is written down twice.
// - wasm32 ABI: a struct argument arrives as a pointer to a copy; a uint64_t argument as
//   two numbers (low, high), Emscripten's legalisation without WASM_BIGINT; pointers may
//   exceed 2^31 and are read unsigned (>>> 0).
// - Adapter and device come from the JS package's init(), which requests them
//   asynchronously before any C call and leaves them in Module.numcGpu = {adapter, device}:
//   the request functions answer at once. Without them the adapter request reports
//   "unavailable" and numc computes on the CPU.
// - Waiting: mapAsync and popErrorScope answer later, from the event loop. Their callbacks
//   fill the C records (wait.c); Module.numcGpuSettled() resolves once every such promise
//   started so far has settled, which is what the package awaits before repeating a call
//   that answered NUMC_EPENDING.
// - Mapped ranges: C reads and writes a mapped buffer through a pointer into its own
//   memory, so the glue copies the range into a malloc'ed block (reads) and back at unmap
//   (writes).

var LibraryNumcWebGPU = {
  $NumcGpu__deps: ['malloc', 'free'],
  $NumcGpu__postset: 'Module["numcGpuSettled"] = function() { return NumcGpu.settled(); };',
  $NumcGpu: {
    objects: [null],
    freeIds: [],
    inFlight: null, // a Set, made on first use (the library's object literal is serialised)
    L: null,

    layout: function() { return NumcGpu.L; },
    // The layout value `name`; a name the C side does not define is a bug here.
    at: function(name) {
      var v = NumcGpu.layout()[name];
      if (v === undefined) throw new Error('numc WebGPU glue: no layout entry ' + name);
      return v;
    },

    add: function(obj) {
      if (!obj) return 0;
      var id = NumcGpu.freeIds.length ? NumcGpu.freeIds.pop() : NumcGpu.objects.length;
      NumcGpu.objects[id] = obj;
      return id;
    },
    get: function(id) { return NumcGpu.objects[id]; },
    release: function(id) {
      if (!id || !NumcGpu.objects[id]) return;
      NumcGpu.objects[id] = null;
      NumcGpu.freeIds.push(id);
    },

    u32: function(p) { return HEAPU32[(p >>> 0) >>> 2]; },
    u64: function(p) { return HEAPU32[(p >>> 0) >>> 2] + HEAPU32[((p >>> 0) >>> 2) + 1] * 4294967296; },
    f64: function(p) { return HEAPF64[(p >>> 0) >>> 3]; },
    put32: function(p, v) { HEAPU32[(p >>> 0) >>> 2] = v >>> 0; },
    put64: function(p, v) {
      HEAPU32[(p >>> 0) >>> 2] = v % 4294967296;
      HEAPU32[((p >>> 0) >>> 2) + 1] = Math.floor(v / 4294967296);
    },
    // A uint64_t argument from its two halves.
    join: function(lo, hi) { return (lo >>> 0) + (hi >>> 0) * 4294967296; },
    // The WGPUStringView at p as a JS string.
    str: function(p) {
      var data = NumcGpu.u32(p + NumcGpu.at('StringView.data'));
      var len = NumcGpu.u32(p + NumcGpu.at('StringView.length'));
      if (!data) return '';
      return len === 0xffffffff ? UTF8ToString(data) : UTF8ToString(data, len);
    },
    // Calls a C callback with a WGPUStringView of `message` in its argument list, at the
    // position of the null in `args`.
    callWithMessage: function(fn, args, message) {
      var text = String(message || '');
      var n = lengthBytesUTF8(text) + 1;
      var sv = _malloc(NumcGpu.at('StringView') + n);
      var data = sv + NumcGpu.at('StringView');
      stringToUTF8(text, data, n);
      NumcGpu.put32(sv + NumcGpu.at('StringView.data'), data);
      NumcGpu.put32(sv + NumcGpu.at('StringView.length'), n - 1);
      try {
        var full = args.map(function(a) { return a === null ? sv : a; });
        dynCall('v' + 'i'.repeat(full.length), fn, full);
      } finally {
        _free(sv);
      }
    },
    // Callback info at p (of struct `kind`): [callback, userdata1, userdata2].
    callbackInfo: function(p, kind) {
      return [NumcGpu.u32(p + NumcGpu.at(kind + '.callback')), NumcGpu.u32(p + NumcGpu.at(kind + '.userdata1')),
              NumcGpu.u32(p + NumcGpu.at(kind + '.userdata2'))];
    },
    track: function(promise) {
      NumcGpu.inFlight = NumcGpu.inFlight || new Set();
      NumcGpu.inFlight.add(promise);
      promise.then(function() { NumcGpu.inFlight.delete(promise); });
    },
    // Resolves to false at once if nothing is in flight, else to true once all of it settled.
    settled: function() {
      if (!NumcGpu.inFlight || !NumcGpu.inFlight.size) return Promise.resolve(false);
      return Promise.all(Array.from(NumcGpu.inFlight)).then(function() { return true; });
    },
    errorType: function(e) {
      if (!e) return NumcGpu.at('ErrorType_NoError');
      if (typeof GPUValidationError !== 'undefined' && e instanceof GPUValidationError)
        return NumcGpu.at('ErrorType_Validation');
      if (typeof GPUOutOfMemoryError !== 'undefined' && e instanceof GPUOutOfMemoryError)
        return NumcGpu.at('ErrorType_OutOfMemory');
      if (typeof GPUInternalError !== 'undefined' && e instanceof GPUInternalError)
        return NumcGpu.at('ErrorType_Internal');
      return NumcGpu.at('ErrorType_Unknown');
    },
    featureName: function(f) {
      if (f === NumcGpu.at('FeatureName_TimestampQuery')) return 'timestamp-query';
      if (f === NumcGpu.at('FeatureName_ShaderF16')) return 'shader-f16';
      if (f === NumcGpu.at('FeatureName_Subgroups')) return 'subgroups';
      return null;
    },
    writeLimits: function(limits, p) {
      var L = NumcGpu.layout();
      Object.keys(L).forEach(function(k) {
        if (k.indexOf('Limits.') !== 0) return;
        var parts = k.split('.');
        var v = Number(limits[parts[2]] || 0);
        if (parts[1] === 'u64') NumcGpu.put64(p + L[k], v);
        else NumcGpu.put32(p + L[k], Math.min(v, 0xffffffff));
      });
    },
    // A mapped range of buffer record b as a malloc'ed copy in WebAssembly memory; `write`:
    // copied back into the buffer at unmap.
    mapRange: function(b, offset, size, write) {
      var range = new Uint8Array(b.buffer.getMappedRange(offset >>> 0, size >>> 0));
      var p = _malloc(range.length || 1);
      if (!p) return 0;
      HEAPU8.set(range, p >>> 0);
      b.mapped = { ptr: p, range: range, write: write };
      return p;
    },
    gpuDevice: function() { return (Module['numcGpu'] || {}).device; },
  },

  // Called by numc__wgpu_load (webgpu_browser.c) before any other entry point, with the
  // layout text "name=value;...".
  numc__wgpu_browser_init: function(text) {
    var L = {};
    UTF8ToString(text).split(';').forEach(function(kv) {
      if (!kv) return;
      var eq = kv.indexOf('=');
      L[kv.slice(0, eq)] = Number(kv.slice(eq + 1));
    });
    NumcGpu.L = L;
  },
  wgpuCreateInstance: function(desc) { return NumcGpu.add({ instance: true }); },
  wgpuInstanceRequestAdapter: function(instance, options, info) {
    var cb = NumcGpu.callbackInfo(info, 'RequestAdapterCallbackInfo');
    var given = Module['numcGpu'];
    if (given && given.adapter && given.device)
      NumcGpu.callWithMessage(cb[0], [NumcGpu.at('RequestAdapterStatus_Success'), NumcGpu.add(given.adapter), null,
                                      cb[1], cb[2]], '');
    else
      NumcGpu.callWithMessage(cb[0], [NumcGpu.at('RequestAdapterStatus_Unavailable'), 0, null, cb[1], cb[2]],
                              'no WebGPU device: navigator.gpu is missing or gave no adapter to init()');
    return 0;
  },
  wgpuInstanceProcessEvents: function(instance) {},
  wgpuInstanceRelease: function(instance) { NumcGpu.release(instance); },

  wgpuAdapterGetInfo: function(adapter, out) {
    var a = NumcGpu.get(adapter);
    var info = a.info || {};
    var base = out >>> 0;
    HEAPU8.fill(0, base, base + NumcGpu.at('AdapterInfo'));
    ['vendor', 'architecture', 'device', 'description'].forEach(function(field) {
      var text = String(info[field] || '');
      var n = lengthBytesUTF8(text) + 1;
      var data = _malloc(n);
      stringToUTF8(text, data, n);
      var sv = base + NumcGpu.at('AdapterInfo.' + field);
      NumcGpu.put32(sv + NumcGpu.at('StringView.data'), data);
      NumcGpu.put32(sv + NumcGpu.at('StringView.length'), n - 1);
    });
    var fallback = info.isFallbackAdapter || a.isFallbackAdapter;
    NumcGpu.put32(base + NumcGpu.at('AdapterInfo.backendType'), NumcGpu.at('BackendType_WebGPU'));
    NumcGpu.put32(base + NumcGpu.at('AdapterInfo.adapterType'),
                  NumcGpu.at(fallback ? 'AdapterType_CPU' : 'AdapterType_Unknown'));
    return NumcGpu.at('Status_Success');
  },
  wgpuAdapterInfoFreeMembers: function(info) {
    ['vendor', 'architecture', 'device', 'description'].forEach(function(field) {
      _free(NumcGpu.u32(info + NumcGpu.at('AdapterInfo.' + field) + NumcGpu.at('StringView.data')));
    });
  },
  // The limits and features numc sees are the device's (init() requested it): what C
  // asks of the device it creates cannot change a device that already exists.
  wgpuAdapterGetLimits: function(adapter, out) {
    NumcGpu.writeLimits(NumcGpu.gpuDevice().limits, out);
    return NumcGpu.at('Status_Success');
  },
  wgpuAdapterHasFeature: function(adapter, feature) {
    var name = NumcGpu.featureName(feature);
    return name && NumcGpu.gpuDevice().features.has(name) ? 1 : 0;
  },
  wgpuAdapterRequestDevice: function(adapter, desc, info) {
    var cb = NumcGpu.callbackInfo(info, 'RequestDeviceCallbackInfo');
    var device = NumcGpu.gpuDevice();
    var lost = NumcGpu.callbackInfo(desc + NumcGpu.at('DeviceDescriptor.deviceLostCallbackInfo'),
                                    'DeviceLostCallbackInfo');
    var uncaptured = NumcGpu.callbackInfo(desc + NumcGpu.at('DeviceDescriptor.uncapturedErrorCallbackInfo'),
                                          'UncapturedErrorCallbackInfo');
    var id = NumcGpu.add(device);
    var record = { id: id, ended: false };
    NumcGpu.get(id).numcRecord = record;
    // WGPUDevice const *: the handle, in memory that lives as long as the glue.
    var handlePtr = _malloc(4);
    NumcGpu.put32(handlePtr, id);
    device.lost.then(function(why) {
      if (record.ended || !lost[0]) return;
      record.ended = true;
      var reason = why.reason === 'destroyed' ? 'DeviceLostReason_Destroyed' : 'DeviceLostReason_Unknown';
      NumcGpu.callWithMessage(lost[0], [handlePtr, NumcGpu.at(reason), null, lost[1], lost[2]], why.message);
    });
    device.addEventListener('uncapturederror', function(event) {
      if (record.ended || !uncaptured[0]) return;
      NumcGpu.callWithMessage(uncaptured[0], [handlePtr, NumcGpu.errorType(event.error), null, uncaptured[1],
                                              uncaptured[2]], event.error && event.error.message);
    });
    NumcGpu.callWithMessage(cb[0], [NumcGpu.at('RequestDeviceStatus_Success'), id, null, cb[1], cb[2]], '');
    return 0;
  },
  wgpuAdapterRelease: function(adapter) { NumcGpu.release(adapter); },

  wgpuDeviceGetQueue: function(device) { return NumcGpu.add(NumcGpu.get(device).queue); },
  wgpuDeviceGetLimits: function(device, out) {
    NumcGpu.writeLimits(NumcGpu.get(device).limits, out);
    return NumcGpu.at('Status_Success');
  },
  wgpuDeviceCreateBuffer: function(device, desc) {
    var size = NumcGpu.u64(desc + NumcGpu.at('BufferDescriptor.size'));
    try {
      var buffer = NumcGpu.get(device).createBuffer({
        size: size,
        usage: NumcGpu.u32(desc + NumcGpu.at('BufferDescriptor.usage')),
        mappedAtCreation: !!NumcGpu.u32(desc + NumcGpu.at('BufferDescriptor.mappedAtCreation')),
      });
      return NumcGpu.add({ buffer: buffer, mapped: null });
    } catch (e) {
      return 0; // a RangeError for a mapping too large: C sees no buffer
    }
  },
  wgpuDeviceCreateShaderModule: function(device, desc) {
    var chain = NumcGpu.u32(desc + NumcGpu.at('ShaderModuleDescriptor.nextInChain'));
    if (!chain || NumcGpu.u32(chain + NumcGpu.at('ChainedStruct.sType')) !== NumcGpu.at('SType_ShaderSourceWGSL'))
      throw new Error('numc WebGPU glue: a shader module without WGSL source');
    var code = NumcGpu.str(chain + NumcGpu.at('ShaderSourceWGSL.code'));
    return NumcGpu.add(NumcGpu.get(device).createShaderModule({ code: code }));
  },
  wgpuDeviceCreateComputePipeline: function(device, desc) {
    var layout = NumcGpu.u32(desc + NumcGpu.at('ComputePipelineDescriptor.layout'));
    var count = NumcGpu.u32(desc + NumcGpu.at('ComputePipelineDescriptor.compute.constantCount'));
    var at = NumcGpu.u32(desc + NumcGpu.at('ComputePipelineDescriptor.compute.constants'));
    var constants = {};
    for (var i = 0; i < count; i++) {
      var e = at + i * NumcGpu.at('ConstantEntry');
      constants[NumcGpu.str(e + NumcGpu.at('ConstantEntry.key'))] = NumcGpu.f64(e + NumcGpu.at('ConstantEntry.value'));
    }
    return NumcGpu.add(NumcGpu.get(device).createComputePipeline({
      layout: layout ? NumcGpu.get(layout) : 'auto',
      compute: {
        module: NumcGpu.get(NumcGpu.u32(desc + NumcGpu.at('ComputePipelineDescriptor.compute.module'))),
        entryPoint: NumcGpu.str(desc + NumcGpu.at('ComputePipelineDescriptor.compute.entryPoint')),
        constants: constants,
      },
    }));
  },
  wgpuDeviceCreateBindGroup: function(device, desc) {
    var count = NumcGpu.u32(desc + NumcGpu.at('BindGroupDescriptor.entryCount'));
    var at = NumcGpu.u32(desc + NumcGpu.at('BindGroupDescriptor.entries'));
    var entries = [];
    for (var i = 0; i < count; i++) {
      var e = at + i * NumcGpu.at('BindGroupEntry');
      var resource = {
        buffer: NumcGpu.get(NumcGpu.u32(e + NumcGpu.at('BindGroupEntry.buffer'))).buffer,
        offset: NumcGpu.u64(e + NumcGpu.at('BindGroupEntry.offset')),
      };
      // WGPU_WHOLE_SIZE (all ones) means "to the end", which JS says by leaving size out.
      var sizeAt = e + NumcGpu.at('BindGroupEntry.size');
      if (!(NumcGpu.u32(sizeAt) === 0xffffffff && NumcGpu.u32(sizeAt + 4) === 0xffffffff))
        resource.size = NumcGpu.u64(sizeAt);
      entries.push({ binding: NumcGpu.u32(e + NumcGpu.at('BindGroupEntry.binding')), resource: resource });
    }
    return NumcGpu.add(NumcGpu.get(device).createBindGroup({
      layout: NumcGpu.get(NumcGpu.u32(desc + NumcGpu.at('BindGroupDescriptor.layout'))),
      entries: entries,
    }));
  },
  wgpuDeviceCreateCommandEncoder: function(device, desc) {
    return NumcGpu.add(NumcGpu.get(device).createCommandEncoder());
  },
  wgpuDeviceCreateQuerySet: function(device, desc) {
    if (NumcGpu.u32(desc + NumcGpu.at('QuerySetDescriptor.type')) !== NumcGpu.at('QueryType_Timestamp'))
      throw new Error('numc WebGPU glue: only timestamp query sets');
    return NumcGpu.add(NumcGpu.get(device).createQuerySet({
      type: 'timestamp', count: NumcGpu.u32(desc + NumcGpu.at('QuerySetDescriptor.count')),
    }));
  },
  wgpuDevicePushErrorScope: function(device, filter) {
    var name = filter === NumcGpu.at('ErrorFilter_OutOfMemory') ? 'out-of-memory'
             : filter === NumcGpu.at('ErrorFilter_Internal') ? 'internal' : 'validation';
    NumcGpu.get(device).pushErrorScope(name);
  },
  wgpuDevicePopErrorScope: function(device, info) {
    var cb = NumcGpu.callbackInfo(info, 'PopErrorScopeCallbackInfo');
    NumcGpu.track(NumcGpu.get(device).popErrorScope().then(function(error) {
      NumcGpu.callWithMessage(cb[0], [NumcGpu.at('PopErrorScopeStatus_Success'), NumcGpu.errorType(error), null,
                                      cb[1], cb[2]], error && error.message);
    }, function(e) {
      NumcGpu.callWithMessage(cb[0], [NumcGpu.at('PopErrorScopeStatus_Error'), NumcGpu.at('ErrorType_Unknown'),
                                      null, cb[1], cb[2]], e && e.message);
    }));
    return 0;
  },
  wgpuDeviceDestroy: function(device) {
    var d = NumcGpu.get(device);
    if (d.numcRecord) d.numcRecord.ended = true;
    d.destroy();
  },
  wgpuDeviceRelease: function(device) { NumcGpu.release(device); },
  // Dawn's test hook; a browser device is lost for good by destroying it.
  wgpuDeviceForceLoss: function(device, reason, message) { NumcGpu.get(device).destroy(); },

  wgpuBufferMapAsync: function(buffer, modeLo, modeHi, offset, size, info) {
    var cb = NumcGpu.callbackInfo(info, 'BufferMapCallbackInfo');
    var b = NumcGpu.get(buffer);
    NumcGpu.track(b.buffer.mapAsync(modeLo, offset >>> 0, size >>> 0).then(function() {
      NumcGpu.callWithMessage(cb[0], [NumcGpu.at('MapAsyncStatus_Success'), null, cb[1], cb[2]], '');
    }, function(e) {
      var status = e && e.name === 'AbortError' ? 'MapAsyncStatus_Aborted' : 'MapAsyncStatus_Error';
      NumcGpu.callWithMessage(cb[0], [NumcGpu.at(status), null, cb[1], cb[2]], e && e.message);
    }));
    return 0;
  },
  wgpuBufferGetConstMappedRange: function(buffer, offset, size) {
    return NumcGpu.mapRange(NumcGpu.get(buffer), offset, size, false);
  },
  wgpuBufferGetMappedRange: function(buffer, offset, size) {
    return NumcGpu.mapRange(NumcGpu.get(buffer), offset, size, true);
  },
  wgpuBufferUnmap: function(buffer) {
    var b = NumcGpu.get(buffer);
    if (b.mapped) {
      if (b.mapped.write) b.mapped.range.set(HEAPU8.subarray(b.mapped.ptr >>> 0, (b.mapped.ptr >>> 0) + b.mapped.range.length));
      _free(b.mapped.ptr);
      b.mapped = null;
    }
    b.buffer.unmap();
  },
  wgpuBufferDestroy: function(buffer) {
    var b = NumcGpu.get(buffer);
    if (b.mapped) {
      _free(b.mapped.ptr);
      b.mapped = null;
    }
    b.buffer.destroy();
  },
  wgpuBufferRelease: function(buffer) { NumcGpu.release(buffer); },

  wgpuQueueWriteBuffer: function(queue, buffer, offsetLo, offsetHi, data, size) {
    NumcGpu.get(queue).writeBuffer(NumcGpu.get(buffer).buffer, NumcGpu.join(offsetLo, offsetHi), HEAPU8,
                                   data >>> 0, size >>> 0);
  },
  wgpuQueueSubmit: function(queue, count, commands) {
    var list = [];
    for (var i = 0; i < count; i++) list.push(NumcGpu.get(NumcGpu.u32(commands + 4 * i)));
    NumcGpu.get(queue).submit(list);
  },
  wgpuQueueRelease: function(queue) { NumcGpu.release(queue); },

  wgpuCommandEncoderBeginComputePass: function(encoder, desc) {
    var pass = {};
    var writes = desc ? NumcGpu.u32(desc + NumcGpu.at('ComputePassDescriptor.timestampWrites')) : 0;
    if (writes) {
      var tw = { querySet: NumcGpu.get(NumcGpu.u32(writes + NumcGpu.at('PassTimestampWrites.querySet'))) };
      var begin = NumcGpu.u32(writes + NumcGpu.at('PassTimestampWrites.beginningOfPassWriteIndex'));
      var end = NumcGpu.u32(writes + NumcGpu.at('PassTimestampWrites.endOfPassWriteIndex'));
      if (begin !== 0xffffffff) tw.beginningOfPassWriteIndex = begin;
      if (end !== 0xffffffff) tw.endOfPassWriteIndex = end;
      pass.timestampWrites = tw;
    }
    return NumcGpu.add(NumcGpu.get(encoder).beginComputePass(pass));
  },
  wgpuCommandEncoderCopyBufferToBuffer: function(encoder, src, srcLo, srcHi, dst, dstLo, dstHi, sizeLo, sizeHi) {
    NumcGpu.get(encoder).copyBufferToBuffer(NumcGpu.get(src).buffer, NumcGpu.join(srcLo, srcHi),
                                            NumcGpu.get(dst).buffer, NumcGpu.join(dstLo, dstHi),
                                            NumcGpu.join(sizeLo, sizeHi));
  },
  wgpuCommandEncoderResolveQuerySet: function(encoder, querySet, first, count, dst, offsetLo, offsetHi) {
    NumcGpu.get(encoder).resolveQuerySet(NumcGpu.get(querySet), first, count, NumcGpu.get(dst).buffer,
                                         NumcGpu.join(offsetLo, offsetHi));
  },
  wgpuCommandEncoderFinish: function(encoder, desc) { return NumcGpu.add(NumcGpu.get(encoder).finish()); },
  wgpuCommandEncoderRelease: function(encoder) { NumcGpu.release(encoder); },
  wgpuCommandBufferRelease: function(commands) { NumcGpu.release(commands); },

  wgpuComputePassEncoderSetPipeline: function(pass, pipeline) {
    NumcGpu.get(pass).setPipeline(NumcGpu.get(pipeline));
  },
  wgpuComputePassEncoderSetBindGroup: function(pass, index, group, count, offsets) {
    var dynamic = [];
    for (var i = 0; i < count; i++) dynamic.push(NumcGpu.u32(offsets + 4 * i));
    NumcGpu.get(pass).setBindGroup(index, NumcGpu.get(group), dynamic);
  },
  wgpuComputePassEncoderDispatchWorkgroups: function(pass, x, y, z) {
    NumcGpu.get(pass).dispatchWorkgroups(x >>> 0, y >>> 0, z >>> 0);
  },
  wgpuComputePassEncoderEnd: function(pass) { NumcGpu.get(pass).end(); },
  wgpuComputePassEncoderRelease: function(pass) { NumcGpu.release(pass); },

  wgpuComputePipelineGetBindGroupLayout: function(pipeline, index) {
    return NumcGpu.add(NumcGpu.get(pipeline).getBindGroupLayout(index));
  },
  wgpuComputePipelineRelease: function(pipeline) { NumcGpu.release(pipeline); },
  wgpuBindGroupLayoutRelease: function(layout) { NumcGpu.release(layout); },
  wgpuBindGroupRelease: function(group) { NumcGpu.release(group); },
  wgpuShaderModuleRelease: function(module) { NumcGpu.release(module); },
  wgpuQuerySetDestroy: function(querySet) { NumcGpu.get(querySet).destroy(); },
  wgpuQuerySetRelease: function(querySet) { NumcGpu.release(querySet); },
};

// Every entry point needs the shared state (and calling C callbacks, dynCall).
Object.keys(LibraryNumcWebGPU).forEach(function(name) {
  if ((name.indexOf('wgpu') === 0 || name === 'numc__wgpu_browser_init') && name.indexOf('__') < 0)
    LibraryNumcWebGPU[name + '__deps'] = ['$NumcGpu', '$dynCall'];
});
mergeInto(LibraryManager.library, LibraryNumcWebGPU);
