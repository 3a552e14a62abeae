// Types of the numc package. The functions on np (np.add, np.linalg.svd, ...) are declared
// in functions.d.ts, generated from the library's function table at build time.
import type { NumcFunctions } from './functions.js';

/** NumPy's dtype names (np.dtypes lists them at run time). */
export type DType =
  | 'bool' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'uint64'
  | 'float16' | 'float32' | 'float64' | 'complex64' | 'complex128';

export type Device = 'auto' | 'cpu' | 'gpu';

export type TypedArray =
  | Int8Array | Int16Array | Int32Array | BigInt64Array | Uint8Array | Uint16Array | Uint32Array
  | BigUint64Array | Float32Array | Float64Array;

export type Scalar = number | boolean | bigint;
export type NestedArray = Scalar | readonly NestedArray[];

/** What a function takes as an array: a NumcArray, a JS scalar (a weak scalar, as a Python
 * number in NumPy: int8 + 1 stays int8), a typed array or nested JS arrays (as np.array). */
export type ArrayInput = NumcArray | NestedArray | TypedArray;

/** Options every function takes. */
export interface CallOptions {
  /** Where this call runs; defaults to init's choice. */
  device?: Device;
}

export interface InitOptions {
  /** 'auto' (default): the GPU when one is usable, else the CPU, silently. 'cpu': never the
   * GPU. 'gpu': a GPU or init rejects with NumcError EUNAVAIL. */
  device?: Device;
  /** The pthreads build (Web Workers; needs crossOriginIsolated in browsers). Default: true
   * on cross-origin-isolated pages, false elsewhere and under Node.js. */
  threads?: boolean;
}

export interface GpuInfo {
  name: string;
  vendor: string;
  architecture: string;
  /** 'webgpu': the browser's WebGPU */
  backend: string;
  /** true for a software adapter (SwiftShader) */
  isFallbackAdapter: boolean;
  /** maxStorageBufferBindingSize, maxBufferSize, maxComputeWorkgroupStorageSize,
   * maxComputeInvocationsPerWorkgroup of the device numc uses */
  limits: Record<string, number>;
}

/** An n-dimensional array in WebAssembly (or GPU) memory. Release it with dispose(). */
export declare class NumcArray {
  private constructor();
  readonly shape: readonly number[];
  readonly dtype: DType;
  /** 'gpu' for a GPU result not yet read back (data() reads it), else 'cpu'. */
  readonly device: 'cpu' | 'gpu';
  /** A copy on the GPU (later GPU operations read it without an upload) or in WebAssembly
   * memory. */
  to(device: 'cpu' | 'gpu'): Promise<NumcArray>;
  readonly ndim: number;
  readonly size: number;
  /** True once dispose() ran. */
  readonly disposed: boolean;
  /** A copy of the elements in C order: Float32Array for float32, BigInt64Array for int64,
   * Uint8Array for bool, Uint16Array (raw bits) for float16, and for complex64/complex128 a
   * Float32Array/Float64Array of interleaved real and imaginary parts. */
  data(): Promise<TypedArray>;
  /** Nested JS arrays (a scalar for 0-d): numbers, booleans, BigInts for 64-bit integers,
   * [re, im] pairs for complex. */
  toArray(): Promise<any>;
  /** Frees the array's memory now; a second call does nothing. Using the array afterwards
   * throws NumcError EINVAL. */
  dispose(): void;
  /** NumPy's repr. */
  toString(): string;
}

/** A numc failure: code is the status name ('ESHAPE'), status its number, message numc's. */
export declare class NumcError extends Error {
  readonly code: string;
  readonly status: number;
}
/** numpy.linalg.LinAlgError (code ELINALG). */
export declare class LinAlgError extends NumcError {}

/** A function-table entry, as `numc list --json` prints it. */
export interface FunctionInfo {
  name: string;
  summary: string;
  inputs: string;
  min_inputs: number;
  max_inputs: number;
  num_outputs: number;
  supports_out: boolean;
  params: { name: string; type: string; default: string | null; nullable: boolean; help: string }[];
}

export interface Numc extends NumcFunctions {
  /** 'gpu' when operations may run on the GPU, else 'cpu'. */
  readonly device: 'cpu' | 'gpu';
  /** The WebAssembly build in use. */
  readonly variant: 'single' | 'threads';
  readonly version: string;
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly dtypes: readonly DType[];
  readonly functions: readonly FunctionInfo[];
  gpuInfo(): GpuInfo | null;
  array(data: ArrayInput, options?: { shape?: readonly number[]; dtype?: DType }): Promise<NumcArray>;
  /** Live NumcArrays, the WebAssembly heap bytes in use, GPU buffers (and bytes) held by
   * arrays on the GPU, and freed GPU buffers the pool keeps for reuse. */
  stats(): {
    liveArrays: number;
    heapBytes: number;
    gpuBuffers: number;
    gpuBytes: number;
    gpuPooledBuffers: number;
    gpuPooledBytes: number;
  };
  /** numc info: version, build, kernels, threads. */
  info(): string;
}

export function init(options?: InitOptions): Promise<Numc>;

/** The original plan's entry points: resolves to whether a GPU is usable. */
export function init_gpu(): Promise<boolean>;
export function get_gpu_info(): Promise<GpuInfo | null>;
/** n x n row-major float32 matrices. */
export function matmul_cpu(a: Float32Array, b: Float32Array, n: number): Promise<Float32Array>;
/** Rejects with NumcError EUNAVAIL when no GPU is usable. */
export function matmul_gpu(a: Float32Array, b: Float32Array, n: number): Promise<Float32Array>;

declare const numc: {
  init: typeof init;
  NumcArray: typeof NumcArray;
  NumcError: typeof NumcError;
  LinAlgError: typeof LinAlgError;
  init_gpu: typeof init_gpu;
  get_gpu_info: typeof get_gpu_info;
  matmul_cpu: typeof matmul_cpu;
  matmul_gpu: typeof matmul_gpu;
};
export default numc;
