// float32 C = A @ B for strided operands, one matrix of a stack per workgroup z.
//
// Contract (src/gpu/matmul_gpu.c fills Params):
// - Element (z, i, j) of X is X[x_off + z * x_bs + i * x_rs + j * x_cs], in elements,
//   relative to the start of X's binding. Strides may be anything (transposed views,
//   broadcast stacks with x_bs = 0, negative strides); indices stay below 2^31.
// - A is M x K, B is K x N, C is M x N, per matrix; any M, N, K >= 1 (edge tiles are
//   bounds-checked, out-of-range loads read 0).
// - The host dispatches (ceil(N / 64), ceil(M / 64), matrices).
// - accumulate = 1 adds to C instead of overwriting it: the host splits K into blocks
//   when an operand is too large for one binding.
//
// Tiling: a 16 x 16 workgroup computes a 64 x 64 tile of C, 4 x 4 outputs per thread,
// stepping through K in slices of TK staged in workgroup memory. Thread (x, y) owns rows
// y + 16 r and columns x + 16 c, so that neighbouring threads read neighbouring words of
// the staged tiles. Every barrier sits in uniform control flow (the loop bound depends
// only on the uniform K), as WGSL requires: there is no early return.

struct Params {
  M: u32, N: u32, K: u32, accumulate: u32,
  a_off: i32, a_bs: i32, a_rs: i32, a_cs: i32,
  b_off: i32, b_bs: i32, b_rs: i32, b_cs: i32,
  c_off: i32, c_bs: i32, c_rs: i32, c_cs: i32,
}

@group(0) @binding(0) var<storage, read> A: array<f32>;
@group(0) @binding(1) var<storage, read> B: array<f32>;
@group(0) @binding(2) var<storage, read_write> C: array<f32>;
@group(0) @binding(3) var<uniform> p: Params;

// Depth of the K slice staged per step: a specialisation (pipelines.c), 16 by default.
override TK: u32 = 16u;

const BM: u32 = 64u;
const BN: u32 = 64u;
const WG: u32 = 16u;
const THREADS: u32 = 256u;

var<workgroup> As: array<f32, BM * TK>; // As[k * BM + m]
var<workgroup> Bs: array<f32, BN * TK>; // Bs[k * BN + n]

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>,
        @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let row0 = wg.y * BM;
  let col0 = wg.x * BN;
  let z = i32(wg.z);
  let a_base = p.a_off + z * p.a_bs;
  let b_base = p.b_off + z * p.b_bs;

  var acc: array<array<f32, 4>, 4>;
  for (var r = 0u; r < 4u; r++) {
    for (var c = 0u; c < 4u; c++) {
      acc[r][c] = 0.0;
    }
  }

  for (var k0 = 0u; k0 < p.K; k0 += TK) {
    for (var e = li; e < BM * TK; e += THREADS) {
      let m = e % BM;
      let k = e / BM;
      let gm = row0 + m;
      let gk = k0 + k;
      var v = 0.0;
      if (gm < p.M && gk < p.K) {
        v = A[a_base + i32(gm) * p.a_rs + i32(gk) * p.a_cs];
      }
      As[k * BM + m] = v;
    }
    for (var e = li; e < BN * TK; e += THREADS) {
      let n = e % BN;
      let k = e / BN;
      let gn = col0 + n;
      let gk = k0 + k;
      var v = 0.0;
      if (gn < p.N && gk < p.K) {
        v = B[b_base + i32(gk) * p.b_rs + i32(gn) * p.b_cs];
      }
      Bs[k * BN + n] = v;
    }
    workgroupBarrier();
    for (var k = 0u; k < TK; k++) {
      var a: array<f32, 4>;
      var b: array<f32, 4>;
      for (var r = 0u; r < 4u; r++) {
        a[r] = As[k * BM + lid.y + WG * r];
      }
      for (var c = 0u; c < 4u; c++) {
        b[c] = Bs[k * BN + lid.x + WG * c];
      }
      for (var r = 0u; r < 4u; r++) {
        for (var c = 0u; c < 4u; c++) {
          acc[r][c] = fma(a[r], b[c], acc[r][c]);
        }
      }
    }
    workgroupBarrier();
  }

  let c_base = p.c_off + z * p.c_bs;
  for (var r = 0u; r < 4u; r++) {
    let gm = row0 + lid.y + WG * r;
    for (var c = 0u; c < 4u; c++) {
      let gn = col0 + lid.x + WG * c;
      if (gm < p.M && gn < p.N) {
        let idx = c_base + i32(gm) * p.c_rs + i32(gn) * p.c_cs;
        if (p.accumulate != 0u) {
          C[idx] += acc[r][c];
        } else {
          C[idx] = acc[r][c];
        }
      }
    }
  }
}
