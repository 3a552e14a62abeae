// The instantiated WebAssembly module seen from JavaScript: heap access, strings, status
// codes, dtypes, the function table and numc_call. Everything above it (arrays, the np
// namespace) goes through this one object, so the C ABI details live here alone.
//
// wasm32 ABI facts relied on: pointers, int, enums and bool fit an i32; int64_t and double
// take 8 bytes, 8-aligned; struct fields are laid out as in the C headers (offsets below).
import { errorFor } from './errors.js';

/** numc_param_type (include/numc/runtime.h) by value, named as `numc list --json` names them. */
const PARAM_TYPES = ['int', 'float', 'bool', 'dtype', 'ints', 'choice', 'scalar', 'floats', 'text'];

/** JS typed arrays by dtype kind and item size: the element view of each dtype's data.
 * float16 has no JS type: its raw bits come as Uint16Array. Complex dtypes come as their
 * float type with real and imaginary parts interleaved. */
const TYPED_ARRAYS = {
  b1: Uint8Array, i1: Int8Array, i2: Int16Array, i4: Int32Array, i8: BigInt64Array,
  u1: Uint8Array, u2: Uint16Array, u4: Uint32Array, u8: BigUint64Array,
  f2: Uint16Array, f4: Float32Array, f8: Float64Array, c8: Float32Array, c16: Float64Array,
};

/** Slots for the outputs of a function whose output count varies (split, nonzero). */
const VARIABLE_OUTPUT_SLOTS = 1024;

export class Runtime {
  /** @param {any} module the Emscripten module (createNumc()'s result) */
  constructor(module) {
    this.m = module;
    this.statusOf = this.#readStatuses();
    this.dtypes = this.#readDtypes();
    this.table = this.#readTable();
    this.liveArrays = 0; // NumcArray handles not yet released (dispose or finaliser)
  }

  // ------------------------------------------------------------------ memory

  /** Current views of the heap (memory growth replaces the buffer). */
  get u8() { return this.#views().HEAPU8; }
  get i32() { return this.#views().HEAP32; }
  get u32() { return this.#views().HEAPU32; }
  get i64() { return new BigInt64Array(this.memoryBuffer()); }

  /** The WebAssembly memory's buffer as it is now. */
  memoryBuffer() { return this.#views().HEAPU8.buffer; }

  #views() {
    // In the pthreads build another thread may have grown the shared memory since the
    // Module's views were made; its getValue renews them then (GROWABLE_HEAP_*). In the
    // single-threaded build growth renews them itself.
    this.m.getValue(0, 'i8');
    return this.m;
  }

  malloc(bytes) {
    const p = this.m._malloc(Math.max(bytes, 1));
    if (!p) throw errorFor('ENOMEM', this.statusOf.ENOMEM, `cannot allocate ${bytes} bytes in WebAssembly memory`);
    return p;
  }

  /** Runs fn(ptrs) with temporary allocations of the given sizes, freed afterwards. */
  withAlloc(sizes, fn) {
    const ptrs = [];
    try {
      for (const n of sizes) ptrs.push(this.malloc(n));
      return fn(...ptrs);
    } finally {
      for (const p of ptrs) this.m._free(p);
    }
  }

  /** Heap bytes in use (mallinfo's uordblks): every array's buffer and header lives there. */
  heapBytesInUse() {
    // struct mallinfo is ten ints; mallinfo() returns it through a pointer (sret).
    return this.withAlloc([40], (p) => {
      this.m._mallinfo(p);
      return this.u32[(p >> 2) + 7]; // uordblks
    });
  }

  /** numc_gpu_memory_get: GPU buffers of device arrays, and those the pool keeps. */
  gpuMemory() {
    // struct numc_gpu_memory: four int64_t
    return this.withAlloc([32], (p) => {
      this.m._numc_gpu_memory_get(p);
      const [gpuBuffers, gpuBytes, gpuPooledBuffers, gpuPooledBytes] = Array.from(this.i64.subarray(p >> 3, (p >> 3) + 4), Number);
      return { gpuBuffers, gpuBytes, gpuPooledBuffers, gpuPooledBytes };
    });
  }

  str(ptr) { return ptr ? this.m.UTF8ToString(ptr) : null; }

  /** A NUL-terminated copy of `s` on the heap; the caller frees it. */
  cstr(s) {
    const n = this.m.lengthBytesUTF8 ? this.m.lengthBytesUTF8(s) + 1 : new TextEncoder().encode(s).length + 1;
    const p = this.malloc(n);
    this.m.stringToUTF8(s, p, n);
    return p;
  }

  // ------------------------------------------------------------------ errors

  #readStatuses() {
    const out = {};
    for (let s = 0; ; s--) {
      const name = this.str(this.m._numc_status_name(s));
      if (name === 'UNKNOWN') return out;
      out[name] = s;
    }
  }

  /** Throws the error of a failed status (with numc_last_error()'s message). */
  check(status) {
    if (status === 0) return;
    const code = this.str(this.m._numc_status_name(status));
    throw errorFor(code, status, this.str(this.m._numc_last_error()) || this.str(this.m._numc_strerror(status)));
  }

  /**
   * Runs `fn` (which calls into the library) until it does not fail with EPENDING. In the
   * browser the GPU backend cannot wait inside a call: a call that needs GPU work to finish
   * (a read-back, a kernel's validation) fails with EPENDING having produced nothing, and is
   * repeated once the GPU's pending promises have settled (src/gpu/wait.c).
   * @template T
   * @param {() => T} fn
   * @returns {Promise<T>}
   */
  async retrying(fn) {
    for (;;) {
      try {
        return fn();
      } catch (e) {
        if (e?.code !== 'EPENDING') throw e;
        if (!this.m.numcGpuSettled || !(await this.m.numcGpuSettled()))
          throw this.error('EINTERNAL', `${e.message} (but nothing on the GPU is in flight)`);
      }
    }
  }

  /** An error of numc's kind `code` raised by the JS layer itself. */
  error(code, message) { return errorFor(code, this.statusOf[code], message); }

  // ------------------------------------------------------------------ dtypes

  #readDtypes() {
    const byName = new Map();
    const byId = [];
    for (let t = 0; ; t++) {
      const name = this.str(this.m._numc_dtype_name(t));
      if (!name) break;
      const size = this.m._numc_dtype_size(t);
      const kind = String.fromCharCode(this.m._numc_dtype_kind(t));
      const complex = kind === 'c';
      const d = { id: t, name, size, kind, complex, TypedArray: TYPED_ARRAYS[kind + size] };
      byName.set(name, d);
      byId.push(d);
    }
    return { byName, byId };
  }

  /** The dtype record for a NumPy dtype name ('float32', 'f4', 'int'). */
  dtype(name) {
    const d = this.dtypes.byName.get(name);
    if (d) return d;
    return this.withAlloc([4], (out) => {
      const s = this.cstr(String(name));
      try {
        this.check(this.m._numc_dtype_from_name(s, out));
      } finally {
        this.m._free(s);
      }
      return this.dtypes.byId[this.i32[out >> 2]];
    });
  }

  // ------------------------------------------------------------------ the function table

  /** The table as `numc list --json` prints it (cli/main.c). */
  #readTable() {
    const { m } = this;
    const table = [];
    for (let i = 0, n = m._numc_func_count(); i < n; i++) {
      const f = m._numc_func_at(i) >> 2; // numc_func_info: 9 fields of 4 bytes
      const w = this.i32;
      const params = [];
      for (let k = 0; k < w[f + 7]; k++) {
        const p = (w[f + 6] >> 2) + 5 * k; // numc_param: 5 fields of 4 bytes
        params.push({
          name: this.str(w[p]),
          type: PARAM_TYPES[w[p + 1]],
          default: this.str(w[p + 2]),
          nullable: (w[p + 4] & 0xff) !== 0,
          help: this.str(w[p + 3]) ?? '',
        });
      }
      table.push({
        name: this.str(w[f]),
        summary: this.str(w[f + 1]),
        inputs: this.str(w[f + 2]),
        min_inputs: w[f + 3],
        max_inputs: w[f + 4],
        num_outputs: w[f + 5],
        supports_out: (w[f + 8] & 0xff) !== 0,
        params,
      });
    }
    return table;
  }

  /**
   * numc_call: runs table function `name` on array handles with "name=value" options.
   * @param {string} name
   * @param {number[]} inputs numc_array pointers
   * @param {string[]} options
   * @param {number} numOutputs the table's num_outputs (-1: variable)
   * @returns {number[]} the new arrays' pointers (the caller owns them)
   */
  call(name, inputs, options, numOutputs) {
    const slots = numOutputs > 0 ? numOutputs : VARIABLE_OUTPUT_SLOTS;
    const strings = [];
    try {
      for (const s of [name, ...options]) strings.push(this.cstr(s));
      return this.withAlloc([4 * inputs.length, 4 * options.length, 4 * slots, 4], (ins, opts, outs, nout) => {
        this.u32.set(inputs, ins >> 2);
        this.u32.set(strings.slice(1), opts >> 2);
        this.check(this.m._numc_call(strings[0], ins, inputs.length, opts, options.length, outs, slots, nout));
        const n = this.i32[nout >> 2];
        return Array.from(this.u32.subarray(outs >> 2, (outs >> 2) + n));
      });
    } finally {
      for (const p of strings) this.m._free(p);
    }
  }
}
