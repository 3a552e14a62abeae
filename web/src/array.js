// NumcArray: a JS handle on a numc_array in WebAssembly memory, and the conversions from
// JS data (typed arrays, nested arrays, scalars) to arrays.

/** Frees the arrays that were garbage-collected without dispose(): the safety net, not the
 * way to manage memory (collection may come late or never). Keyed per runtime. */
const finalizers = new WeakMap();

function finalizerOf(rt) {
  let f = finalizers.get(rt);
  if (!f) {
    f = new FinalizationRegistry((ptr) => {
      rt.m._numc_free(ptr);
      rt.liveArrays--;
    });
    finalizers.set(rt, f);
  }
  return f;
}

/** NUMC_DEVICE_GPU of numc_device (include/numc/base.h). */
const DEVICE_GPU = 2;

export class NumcArray {
  #rt;
  #ptr;

  /** Takes ownership of `ptr` (a numc_array* the caller owned). Not for users: arrays come
   * from np.array and the np functions. */
  constructor(rt, ptr) {
    const { m } = rt;
    this.#rt = rt;
    this.#ptr = ptr;
    rt.liveArrays++;
    finalizerOf(rt).register(this, ptr, this);
    const ndim = m._numc_ndim(ptr);
    const shape = m._numc_shape(ptr) >> 3;
    /** @type {readonly number[]} */
    this.shape = Object.freeze(Array.from(rt.i64.subarray(shape, shape + ndim), Number));
    /** @type {string} NumPy's dtype name */
    this.dtype = rt.dtypes.byId[m._numc_dtype_of(ptr)].name;
    this.ndim = ndim;
    this.size = this.shape.reduce((a, b) => a * b, 1);
  }

  /** Where the elements are now: 'gpu' for a result of a GPU operation not yet read back,
   * else 'cpu' (WebAssembly memory). */
  get device() { return this.#rt.m._numc_location(this.handle()) === DEVICE_GPU ? 'gpu' : 'cpu'; }

  /**
   * A copy of the array on `device`: 'gpu' (GPU memory; later GPU operations read it in place,
   * without an upload) or 'cpu' (WebAssembly memory). Rejects with NumcError EUNAVAIL for
   * 'gpu' when no GPU is usable.
   * @param {'cpu'|'gpu'} device
   * @returns {Promise<NumcArray>}
   */
  async to(device) {
    const rt = this.#rt;
    const move = { gpu: rt.m._numc_to_device, cpu: rt.m._numc_to_host }[device];
    if (!move) throw rt.error('EINVAL', `to(): device must be 'cpu' or 'gpu', not '${device}'`);
    const ptr = await rt.retrying(() => rt.withAlloc([4], (out) => {
      rt.u32[out >> 2] = 0;
      rt.check(move(this.handle(), out));
      return rt.u32[out >> 2];
    }));
    return new NumcArray(rt, ptr);
  }

  /** True once dispose() ran; the array can then no longer be used. */
  get disposed() { return this.#ptr === 0; }

  /** The numc_array pointer, for the np functions; throws after dispose(). */
  handle() {
    if (!this.#ptr) throw this.#rt.error('EINVAL', 'this NumcArray was disposed: it cannot be used any more');
    return this.#ptr;
  }

  /** Releases the array's WebAssembly (or GPU) memory now. A second call does nothing. */
  dispose() {
    if (!this.#ptr) return;
    finalizerOf(this.#rt).unregister(this);
    this.#rt.m._numc_free(this.#ptr);
    this.#rt.liveArrays--;
    this.#ptr = 0;
  }

  /** A copy of the elements in C order as a typed array (see TYPED_ARRAYS in runtime.js). An
   * array on the GPU is read back (once: from then on it lives in WebAssembly memory). */
  async data() { return this.#rt.retrying(() => this.#copyOut()); }

  /** The elements as nested JS arrays (a scalar for a 0-d array): numbers, booleans for
   * bool, BigInt for int64/uint64, [re, im] pairs for complex. */
  async toArray() {
    const flat = await this.data();
    const d = this.#rt.dtypes.byId[this.#rt.m._numc_dtype_of(this.#ptr)];
    const step = d.complex ? 2 : 1;
    const item = d.complex ? (i) => [flat[i], flat[i + 1]] : d.kind === 'b' ? (i) => flat[i] !== 0 : (i) => flat[i];
    let pos = 0;
    const build = (axis) => {
      if (axis === this.ndim) {
        const v = item(pos);
        pos += step;
        return v;
      }
      const out = new Array(this.shape[axis]);
      for (let i = 0; i < out.length; i++) out[i] = build(axis + 1);
      return out;
    };
    return build(0);
  }

  /** NumPy's repr: "array([1., 2.], dtype=float32)". */
  toString() {
    const rt = this.#rt;
    const p = rt.m._numc_repr(this.handle());
    if (!p) rt.check(rt.m._numc_last_status());
    try {
      return rt.str(p);
    } finally {
      rt.m._free(p);
    }
  }

  #copyOut() {
    const rt = this.#rt;
    const { m } = rt;
    const ptr = this.handle();
    const d = rt.dtypes.byId[m._numc_dtype_of(ptr)];
    const count = this.size * (d.complex ? 2 : 1);
    if (count === 0) return new d.TypedArray(0);
    // Views (transposes, slices, broadcasts) are made contiguous by the library first.
    const contiguous = m._numc_is_c_contiguous(ptr);
    const src = contiguous ? ptr : rt.call('ascontiguousarray', [ptr], [], 1)[0];
    try {
      const data = m._numc_data(src);
      if (!data) rt.check(m._numc_last_status());
      const bytes = rt.u8.slice(data, data + count * d.TypedArray.BYTES_PER_ELEMENT);
      return new d.TypedArray(bytes.buffer);
    } finally {
      if (!contiguous) m._numc_free(src);
    }
  }
}

/** Typed array constructors to the dtype their elements are, when none is asked for. */
function dtypeOfTyped(rt, data) {
  for (const d of rt.dtypes.byId)
    if (data instanceof d.TypedArray && !d.complex && d.kind !== 'b' && d.name !== 'float16') return d;
  throw rt.error('EDTYPE', `no dtype for ${data.constructor.name}`);
}

/** Shape and flat elements of nested JS arrays; ragged nesting fails as NumPy's does. */
function flatten(rt, data) {
  const shape = [];
  for (let v = data; Array.isArray(v); v = v[0]) shape.push(v.length);
  const flat = [];
  const walk = (v, axis) => {
    if (axis === shape.length) {
      if (Array.isArray(v)) throw ragged(rt, shape, axis);
      flat.push(v);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[axis]) throw ragged(rt, shape, axis);
    for (const x of v) walk(x, axis + 1);
  };
  walk(data, 0);
  return { shape, flat };
}

function ragged(rt, shape, axis) {
  return rt.error('EVALUE', 'setting an array element with a sequence. The requested array has an ' +
    `inhomogeneous shape after ${axis} dimensions. The detected shape was (${shape.slice(0, axis).join(', ')}${axis === 1 ? ',' : ''}) + inhomogeneous part.`);
}

/** The elements of nested arrays as a typed array of the dtype they suggest: bool for
 * booleans only, int64 for BigInts, float64 for JS numbers (a JS number is a double). */
function typedOfFlat(rt, flat) {
  if (flat.length && flat.every((x) => typeof x === 'boolean')) return [Uint8Array.from(flat, Number), rt.dtype('bool')];
  if (flat.length && flat.every((x) => typeof x === 'bigint')) return [BigInt64Array.from(flat), rt.dtype('int64')];
  for (const x of flat)
    if (typeof x !== 'number' && typeof x !== 'boolean')
      throw rt.error('EINVAL', `cannot make an array element from ${typeof x} ${String(x)}`);
  return [Float64Array.from(flat, Number), rt.dtype('float64')];
}

/** numc_from_buffer: a new array copied from a typed array's bytes. */
function fromTyped(rt, typed, shape, d) {
  const bytes = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
  return rt.withAlloc([bytes.length, 8 * shape.length, 4], (buf, shp, out) => {
    rt.u8.set(bytes, buf);
    rt.i64.set(shape.map(BigInt), shp >> 3);
    rt.check(rt.m._numc_from_buffer(buf, shp, shape.length, d.id, out));
    return new NumcArray(rt, rt.u32[out >> 2]);
  });
}

/** astype into a new array, disposing `a`. */
function castInto(rt, a, d) {
  if (a.dtype === d.name) return a;
  try {
    return new NumcArray(rt, rt.call('astype', [a.handle()], [`dtype=${d.name}`], 1)[0]);
  } finally {
    a.dispose();
  }
}

/**
 * np.array: a new array from a typed array, nested JS arrays, a scalar or a NumcArray.
 * @param {import('./runtime.js').Runtime} rt
 */
export function arrayFrom(rt, data, { shape, dtype } = {}) {
  const want = dtype == null ? null : rt.dtype(dtype);
  if (data instanceof NumcArray) {
    const copy = new NumcArray(rt, rt.call('copy', [data.handle()], [], 1)[0]);
    return want ? castInto(rt, copy, want) : copy;
  }
  let typed, d, found;
  if (ArrayBuffer.isView(data) && !(data instanceof DataView)) {
    // A complex dtype reads its float type's elements as interleaved (re, im) pairs.
    d = want?.complex && data instanceof want.TypedArray ? want : dtypeOfTyped(rt, data);
    if (d.complex && data.length % 2)
      throw rt.error('EVALUE', `${d.name} from a ${data.constructor.name} needs (re, im) pairs: an even length, not ${data.length}`);
    typed = data;
    found = [data.length / (d.complex ? 2 : 1)];
  } else {
    const nested = flatten(rt, data);
    [typed, d] = typedOfFlat(rt, nested.flat);
    found = nested.shape;
  }
  const size = found.reduce((a, b) => a * b, 1);
  const target = shape == null ? found : Array.from(shape, Number);
  if (target.reduce((a, b) => a * b, 1) !== size)
    throw rt.error('ESHAPE', `cannot reshape array of size ${size} into shape (${target.join(', ')}${target.length === 1 ? ',' : ''})`);
  return want ? castInto(rt, fromTyped(rt, typed, target, d), want) : fromTyped(rt, typed, target, d);
}

/** numc_scalar (include/numc/base.h) for a JS scalar, as a weak 0-d array: Python's
 * int/float/bool under NEP 50, so int8_array + 1 stays int8 and float32_array * 0.5 stays
 * float32. Integral numbers count as ints (JS cannot tell 1 from 1.0). */
export function weakScalar(rt, v) {
  const dt = (n) => rt.dtype(n).id;
  // struct numc_scalar { numc_dtype dtype; bool weak; union (8-aligned) at offset 8 }
  return rt.withAlloc([24, 4], (s, out) => {
    rt.u8.fill(0, s, s + 24);
    const w = rt.i32;
    w[(s >> 2) + 1] = 1; // weak
    if (typeof v === 'boolean') {
      w[s >> 2] = dt('bool');
      rt.u8[s + 8] = v ? 1 : 0;
    } else if (typeof v === 'bigint' || Number.isSafeInteger(v)) {
      w[s >> 2] = dt('int64');
      rt.i64[(s + 8) >> 3] = BigInt(v);
    } else {
      w[s >> 2] = dt('float64');
      new Float64Array(rt.memoryBuffer(), s + 8, 1)[0] = v;
    }
    // A struct argument is passed by pointer to a copy in the wasm32 C ABI.
    rt.check(rt.m._numc_scalar_array(s, out));
    return new NumcArray(rt, rt.u32[out >> 2]);
  });
}
