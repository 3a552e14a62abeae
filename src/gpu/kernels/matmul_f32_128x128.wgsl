// float32 C = A @ B with a 128 x 128 tile of C per workgroup: the kernel for large products.
//
// Contract: that of matmul_f32.wgsl (strided operands, element (z, i, j) of X at
// x_off + z * x_bs + i * x_rs + j * x_cs; any M, N, K >= 1; accumulate = 1 adds to C),
// except that:
// - A and B are bound as arrays of vec4 (the host rounds their bindings up to whole
//   16-byte words); element e is X[e / 4][e % 4].
// - a_vec and b_vec say how the host allows an operand to be read, four floats at once:
//     0  one float at a time (any strides);
//     1  along the tile side (M for A, N for B): that stride is 1, and the K stride and the
//        matrix start (x_off + z * x_bs) are multiples of 4;
//     2  along K: the K stride is 1, and the side stride and the matrix start are
//        multiples of 4.
//   Groups of four that cross an edge of the matrix are read one float at a time.
// - The host dispatches (ceil(N / 128), ceil(M / 128), matrices).
//
// Tiling: 256 threads; thread (tx, ty) = (i % 16, i / 16) owns rows 4 ty + r and
// 64 + 4 ty + r and columns 4 tx + c and 64 + 4 tx + c (r, c < 4): 8 x 8 outputs in 16
// vec4 accumulators. K advances in slices of TK = 16. A slice of A (128 x 16) and of B
// (16 x 128) are staged in workgroup memory, both k-major ([k][side / 4] as vec4), so that
// each k step reads two vec4 of A and two of B (conflict-free: a warp reads 2 distinct
// A words and 16 consecutive B words) for 64 fmas. Threads 0-127 load A's slice and
// 128-255 B's, four vec4 each, into registers one slice ahead, so the global loads of
// the next slice are in flight while the current one is multiplied. Slices read along K
// (mode 2) are transposed 4 x 4 in registers, so every workgroup store is a whole vec4.
//
// Every barrier sits in uniform control flow (the loop bound depends only on the uniform
// K), as WGSL requires: there is no early return before them.

struct Params {
  M: u32, N: u32, K: u32, accumulate: u32,
  a_off: i32, a_bs: i32, a_rs: i32, a_cs: i32,
  b_off: i32, b_bs: i32, b_rs: i32, b_cs: i32,
  c_off: i32, c_bs: i32, c_rs: i32, c_cs: i32,
  a_vec: u32, b_vec: u32,
}

@group(0) @binding(0) var<storage, read> A: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read> B: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> C: array<f32>;
@group(0) @binding(3) var<uniform> p: Params;

const TILE: u32 = 128u;
const QUADS: u32 = 32u; // vec4 per k row of a staged slice
const TK: u32 = 16u;
const B_SLICE: u32 = 512u; // TK * QUADS: B's slice follows A's

// 16 KiB, WebGPU's guaranteed maxComputeWorkgroupStorageSize.
var<workgroup> slices: array<vec4<f32>, 1024>;

// One operand as its loading threads see it: `side` is M for A, N for B.
struct Panel {
  which: u32, // 0: A, 1: B
  base: i32,  // element index of the matrix start
  side_stride: i32,
  k_stride: i32,
  side_extent: u32,
  origin: u32, // first side index of this workgroup's tile
  mode: u32,   // a_vec or b_vec
}

fn element(which: u32, e: i32) -> f32 {
  let u = u32(e);
  if (which == 0u) {
    return A[u >> 2u][u & 3u];
  }
  return B[u >> 2u][u & 3u];
}

// Elements e, e + step, e + 2 step, e + 3 step, of which the first n exist (the rest read
// as 0). `whole`: step is 1 and e a multiple of 4, so one vec4 load serves if n == 4.
fn fetch4(which: u32, e: i32, step: i32, n: u32, whole: bool) -> vec4<f32> {
  if (whole && n == 4u) {
    let q = u32(e) >> 2u;
    if (which == 0u) {
      return A[q];
    }
    return B[q];
  }
  var v = vec4<f32>(0.0);
  if (n > 0u) { v.x = element(which, e); }
  if (n > 1u) { v.y = element(which, e + step); }
  if (n > 2u) { v.z = element(which, e + 2 * step); }
  if (n > 3u) { v.w = element(which, e + 3 * step); }
  return v;
}

fn count(start: u32, extent: u32) -> u32 {
  return select(min(extent - start, 4u), 0u, start >= extent);
}

// Vec4 number j (0-3) of the four that thread t (0-127) of the panel's half reads from
// the slice at k0:
// - modes 0 and 1: side quad t % 32 of k row t / 32 + 4 j;
// - mode 2: four consecutive k (quad t / 32) of side index 4 (t % 32) + j.
fn load1(pn: Panel, t: u32, k0: u32, j: u32) -> vec4<f32> {
  if (pn.mode == 2u) {
    let k = k0 + 4u * (t / QUADS);
    let s = pn.origin + 4u * (t % QUADS) + j;
    let n = select(0u, count(k, p.K), s < pn.side_extent);
    return fetch4(pn.which, pn.base + i32(s) * pn.side_stride + i32(k), 1, n, true);
  }
  let k = k0 + t / QUADS + 4u * j;
  let s = pn.origin + 4u * (t % QUADS);
  let n = select(0u, count(s, pn.side_extent), k < p.K);
  return fetch4(pn.which, pn.base + i32(s) * pn.side_stride + i32(k) * pn.k_stride, pn.side_stride, n,
                pn.mode == 1u);
}

// (Written out rather than looped: constant indices keep the arrays in registers.)
fn load(pn: Panel, t: u32, k0: u32) -> array<vec4<f32>, 4> {
  return array<vec4<f32>, 4>(load1(pn, t, k0, 0u), load1(pn, t, k0, 1u), load1(pn, t, k0, 2u),
                             load1(pn, t, k0, 3u));
}

// Store what load read into the panel's staged slice, k-major.
fn stage(pn: Panel, t: u32, v: array<vec4<f32>, 4>) {
  let first = pn.which * B_SLICE;
  if (pn.mode == 2u) {
    let row = first + 4u * (t / QUADS) * QUADS + t % QUADS;
    slices[row] = vec4<f32>(v[0].x, v[1].x, v[2].x, v[3].x);
    slices[row + QUADS] = vec4<f32>(v[0].y, v[1].y, v[2].y, v[3].y);
    slices[row + 2u * QUADS] = vec4<f32>(v[0].z, v[1].z, v[2].z, v[3].z);
    slices[row + 3u * QUADS] = vec4<f32>(v[0].w, v[1].w, v[2].w, v[3].w);
  } else {
    let row = first + (t / QUADS) * QUADS + t % QUADS;
    slices[row] = v[0];
    slices[row + 4u * QUADS] = v[1];
    slices[row + 8u * QUADS] = v[2];
    slices[row + 12u * QUADS] = v[3];
  }
}

// Four outputs of row gm from column gn on, those inside C.
fn write4(c_base: i32, gm: u32, gn: u32, v: vec4<f32>) {
  if (gm >= p.M) {
    return;
  }
  for (var c = 0u; c < 4u; c++) {
    if (gn + c < p.N) {
      let idx = c_base + i32(gm) * p.c_rs + i32(gn + c) * p.c_cs;
      if (p.accumulate != 0u) {
        C[idx] += v[c];
      } else {
        C[idx] = v[c];
      }
    }
  }
}

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let z = i32(wg.z);
  let t = li % 128u;
  var pn: Panel;
  if (li < 128u) {
    pn = Panel(0u, p.a_off + z * p.a_bs, p.a_rs, p.a_cs, p.M, wg.y * TILE, p.a_vec);
  } else {
    pn = Panel(1u, p.b_off + z * p.b_bs, p.b_cs, p.b_rs, p.N, wg.x * TILE, p.b_vec);
  }
  let tx = li % 16u;
  let ty = li / 16u;

  var acc: array<vec4<f32>, 16>; // [2 r + h] rows 4 ty + r, [8 + 2 r + h] rows 64 + 4 ty + r
  var next = load(pn, t, 0u);
  for (var k0 = 0u; k0 < p.K; k0 += TK) {
    stage(pn, t, next);
    workgroupBarrier();
    if (k0 + TK < p.K) {
      next = load(pn, t, k0 + TK);
    }
    for (var k = 0u; k < TK; k++) {
      let a0 = slices[k * QUADS + ty];
      let a1 = slices[k * QUADS + 16u + ty];
      let b0 = slices[B_SLICE + k * QUADS + tx];
      let b1 = slices[B_SLICE + k * QUADS + 16u + tx];
      acc[0] = fma(vec4<f32>(a0.x), b0, acc[0]);
      acc[1] = fma(vec4<f32>(a0.x), b1, acc[1]);
      acc[2] = fma(vec4<f32>(a0.y), b0, acc[2]);
      acc[3] = fma(vec4<f32>(a0.y), b1, acc[3]);
      acc[4] = fma(vec4<f32>(a0.z), b0, acc[4]);
      acc[5] = fma(vec4<f32>(a0.z), b1, acc[5]);
      acc[6] = fma(vec4<f32>(a0.w), b0, acc[6]);
      acc[7] = fma(vec4<f32>(a0.w), b1, acc[7]);
      acc[8] = fma(vec4<f32>(a1.x), b0, acc[8]);
      acc[9] = fma(vec4<f32>(a1.x), b1, acc[9]);
      acc[10] = fma(vec4<f32>(a1.y), b0, acc[10]);
      acc[11] = fma(vec4<f32>(a1.y), b1, acc[11]);
      acc[12] = fma(vec4<f32>(a1.z), b0, acc[12]);
      acc[13] = fma(vec4<f32>(a1.z), b1, acc[13]);
      acc[14] = fma(vec4<f32>(a1.w), b0, acc[14]);
      acc[15] = fma(vec4<f32>(a1.w), b1, acc[15]);
    }
    workgroupBarrier();
  }

  let c_base = p.c_off + z * p.c_bs;
  let r0 = wg.y * TILE + 4u * ty;
  let r1 = r0 + 64u;
  let c0 = wg.x * TILE + 4u * tx;
  let c1 = c0 + 64u;
  write4(c_base, r0, c0, acc[0]);
  write4(c_base, r0, c1, acc[1]);
  write4(c_base, r0 + 1u, c0, acc[2]);
  write4(c_base, r0 + 1u, c1, acc[3]);
  write4(c_base, r0 + 2u, c0, acc[4]);
  write4(c_base, r0 + 2u, c1, acc[5]);
  write4(c_base, r0 + 3u, c0, acc[6]);
  write4(c_base, r0 + 3u, c1, acc[7]);
  write4(c_base, r1, c0, acc[8]);
  write4(c_base, r1, c1, acc[9]);
  write4(c_base, r1 + 1u, c0, acc[10]);
  write4(c_base, r1 + 1u, c1, acc[11]);
  write4(c_base, r1 + 2u, c0, acc[12]);
  write4(c_base, r1 + 2u, c1, acc[13]);
  write4(c_base, r1 + 3u, c0, acc[14]);
  write4(c_base, r1 + 3u, c1, acc[15]);
}
