// The library's functions under NumPy's names, made at run time from the C function table
// (numc_func_at): np.add, np.sum, np.linalg.svd, ... Each is a thin wrapper over
// numc_call, so the JS surface is exactly the C one.
import { NumcArray, arrayFrom, weakScalar } from './array.js';

/** Whether `v` is an options object (a plain object) rather than an input or a value. */
function isOptions(v) {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** An option's value as the "name=value" text numc_call parses by the param's type. */
function optionText(rt, fname, param, value) {
  if (value === null) return 'None';
  switch (param.type) {
    case 'bool':
      return value ? 'true' : 'false';
    case 'ints':
    case 'floats':
      return Array.isArray(value) || ArrayBuffer.isView(value) ? Array.from(value).join(',') : String(value);
    case 'scalar':
      return typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
    case 'int':
    case 'float':
    case 'dtype':
    case 'choice':
    case 'text':
      return String(value);
  }
  throw rt.error('EINTERNAL', `${fname}: option '${param.name}' has an unknown type ${param.type}`);
}

/** The "name=value" options of a call: positional values (creation functions) fill the
 * params in table order, then the options object. Keys the table does not know are passed on for numc_call to
 * refuse (EINVAL), like device=. */
function optionList(rt, info, positional, options) {
  const values = {};
  // NumPy's arange(stop): one positional value is the end, not the start.
  if (info.name === 'arange' && positional.length === 1) values.stop = positional[0];
  else {
    if (positional.length > info.params.length)
      throw rt.error('EINVAL', `${info.name} takes at most ${info.params.length} positional options, got ${positional.length}`);
    positional.forEach((v, i) => { values[info.params[i].name] = v; });
  }
  for (const [k, v] of Object.entries(options)) {
    if (k in values) throw rt.error('EINVAL', `${info.name} got multiple values for option '${k}'`);
    values[k] = v;
  }
  const out = [];
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    const param = info.params.find((p) => p.name === k);
    out.push(`${k}=${param ? optionText(rt, info.name, param, v) : String(v)}`);
  }
  return out;
}

/** A positional input as an array: NumcArrays as they are; JS scalars as weak scalars;
 * typed and nested arrays through np.array. Returns [array, madeHere]. */
function asInput(rt, fname, v) {
  if (v instanceof NumcArray) return [v, false];
  if (typeof v?.then === 'function')
    throw rt.error('EINVAL', `${fname}: an input is a Promise; await it first (and dispose() the array it gives)`);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return [weakScalar(rt, v), true];
  return [arrayFrom(rt, v), true];
}

/** The JS function for one table entry. */
function makeFunction(rt, info, defaults) {
  const fn = async (...args) => {
    const options = args.length && isOptions(args[args.length - 1]) ? args.pop() : {};
    let inputs = args, positional = [];
    if (info.max_inputs < 0) {
      // Variadic (concatenate, stack): the inputs, or one JS array of them as in NumPy.
      if (args.length === 1 && Array.isArray(args[0]) && args[0].some((x) => x instanceof NumcArray || Array.isArray(x)))
        inputs = args[0];
    } else if (info.max_inputs === 0) {
      // Creation functions: positional values fill the options in table order, as
      // NumPy's positional arguments (np.zeros([2, 3]), np.linspace(0, 1, 5)).
      inputs = [];
      positional = args;
    }
    const opts = optionList(rt, info, positional, { ...defaults(), ...options });
    const made = [];
    try {
      const handles = inputs.map((v) => {
        const [a, fresh] = asInput(rt, info.name, v);
        if (fresh) made.push(a);
        return a.handle();
      });
      const ptrs = await rt.retrying(() => rt.call(info.name, handles, opts, info.num_outputs));
      const outs = ptrs.map((p) => new NumcArray(rt, p));
      return info.num_outputs === 1 ? outs[0] : outs;
    } finally {
      for (const a of made) a.dispose();
    }
  };
  Object.defineProperty(fn, 'name', { value: info.name.replace(/.*\./, '') });
  return fn;
}

/**
 * Adds every table function to `np`, dotted names as namespaces (np.linalg.svd).
 * @param {() => object} defaults options every call gets unless it gives them (device=)
 */
export function installFunctions(rt, np, defaults) {
  for (const info of rt.table) {
    const path = info.name.split('.');
    let ns = np;
    for (const part of path.slice(0, -1)) ns = ns[part] ??= {};
    const last = path[path.length - 1];
    if (last in ns) throw rt.error('EINTERNAL', `the function table's ${info.name} clashes with np.${info.name}`);
    ns[last] = makeFunction(rt, info, defaults);
  }
}
